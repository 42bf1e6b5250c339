//! Placing saved annotations in the brief as it is now: free when the text is unchanged
//! (same hash), re-anchored one by one when it changed.

use super::convert::{annotations_of, text_hash};
use super::format::SidecarFile;
use crate::annotation::reanchor;
use crate::annotation::reanchor::Status as Found;
use crate::annotation::{Anchor, Annotations, Status};
use crate::document::Document;

/// Annotations placed in the current text, with how many landed how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placed {
    /// The annotations with their current offsets and statuses.
    pub annotations: Annotations,
    /// True when the brief changed since the sidecar was written.
    pub changed: bool,
    /// Counts of exact, moved, fuzzy and orphaned annotations.
    pub counts: [usize; 4],
}

impl Placed {
    /// "brief changed: 10 in place, 2 moved, 1 to review, 1 orphaned", for the status bar.
    pub fn summary(&self) -> String {
        let [exact, moved, fuzzy, orphaned] = self.counts;
        format!(
            "brief changed since annotating: {exact} in place, {moved} moved, {fuzzy} to review, {orphaned} orphaned"
        )
    }
}

/// Places the annotations of `file` in `doc`.
pub fn place(doc: &Document, file: &SidecarFile) -> Placed {
    let annotations = annotations_of(file);
    if file.document.sha256 == text_hash(doc) {
        let mut counts = [0; 4];
        for a in annotations.iter() {
            counts[a.status as usize] += 1;
        }
        return Placed {
            annotations,
            changed: false,
            counts,
        };
    }
    let anchors: Vec<&Anchor> = annotations.iter().map(|a| &a.anchor).collect();
    let placements = reanchor::reanchor_all(doc, &anchors);
    let mut counts = [0; 4];
    let mut items = Vec::with_capacity(annotations.len());
    for (a, p) in annotations.iter().zip(placements) {
        let mut a = a.clone();
        let bytes = doc.byte_offset(p.start)..doc.byte_offset(p.end);
        a.status = match p.status {
            Found::Exact => {
                a.anchor = Anchor::new(doc, bytes);
                if a.status == Status::Orphaned {
                    Status::Moved
                } else {
                    a.status
                }
            }
            Found::Moved => {
                a.anchor = Anchor::new(doc, bytes);
                Status::Moved
            }
            // The old quote stays beside the new range, so the user can see what changed.
            Found::Fuzzy => {
                a.anchor.start = p.start;
                a.anchor.end = p.end;
                Status::Fuzzy
            }
            Found::Orphaned => Status::Orphaned,
        };
        counts[a.status as usize] += 1;
        items.push(a);
    }
    Placed {
        annotations: Annotations::from_vec(items, annotations.brief_note().to_string()),
        changed: true,
        counts,
    }
}
