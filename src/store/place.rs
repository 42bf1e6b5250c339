//! Placing saved annotations in the brief as it is now: free when the text is unchanged
//! (same hash), re-anchored one by one when it changed.

use std::sync::Arc;

use super::convert::{annotations_of, text_hash};
use super::format::SidecarFile;
use crate::annotation::reanchor::{self, Before};
use crate::annotation::{Anchor, Annotation, Annotations, Status};
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
    /// What they were carried through, when the brief changed and its old text was at hand.
    pub through: Option<Through>,
}

/// The old text and its diff to the new, with where each annotation was in the old text: what
/// the reader's changes view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Through {
    /// The old text and its diff.
    pub before: Arc<Before>,
    /// Each annotation's characters in the old text, by id, when the old text holds its quote
    /// there.
    pub was: Vec<(uuid::Uuid, std::ops::Range<usize>)>,
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

/// A sidecar's annotations as stored: at the offsets they had in the text whose hash is kept
/// with them. The reader holds them in this form until the brief is whole and they can be
/// placed; nothing of the file's layout comes with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The annotations at their stored offsets, with the brief note.
    pub annotations: Annotations,
    /// The hash of the normalised text they were placed in.
    pub sha256: String,
    /// That text itself, from its snapshot, when one was found: annotations are then carried
    /// through the diff of it and the text now.
    pub before: Option<Arc<str>>,
}

impl Stored {
    /// What `file` holds.
    pub fn of(file: &SidecarFile) -> Self {
        Self {
            annotations: annotations_of(file),
            sha256: file.document.sha256.clone(),
            before: None,
        }
    }

    /// With `before`, the text they were placed on (ignored unless its hash is `sha256`).
    pub fn with_before(mut self, before: Option<Arc<str>>) -> Self {
        self.before = before;
        self
    }
}

/// Places the annotations of `file` in `doc`, by search alone.
pub fn place(doc: &Document, file: &SidecarFile) -> Placed {
    place_with(doc, file, None)
}

/// Places the annotations of `file` in `doc`, through the diff of `before` (the text they were
/// placed on, from its snapshot) and `doc` when it is given.
pub fn place_with(doc: &Document, file: &SidecarFile, before: Option<Arc<str>>) -> Placed {
    let stored = Stored::of(file).with_before(before);
    let mut placer = Placer::new(doc, &stored);
    while !placer.is_done() {
        placer.step(doc, usize::MAX);
    }
    placer.finish()
}

/// Places the annotations of `file` in `doc` through `before`, the old text and its diff to
/// `doc` already computed (it must be the text `file`'s hash names).
pub fn place_through(doc: &Document, file: &SidecarFile, before: Arc<Before>) -> Placed {
    let mut placer = Placer::new(doc, &Stored::of(file));
    if placer.changed {
        placer.before = Some(before);
    }
    while !placer.is_done() {
        placer.step(doc, usize::MAX);
    }
    placer.finish()
}

/// Places a sidecar's annotations a batch at a time, so that a reader can show the brief
/// while a changed brief is re-anchored, and show each batch as it lands.
#[derive(Debug, Clone)]
pub struct Placer {
    /// The annotations as stored, in document order of their old offsets.
    stored: Vec<Annotation>,
    brief_note: String,
    changed: bool,
    next: usize,
    placed: Vec<Annotation>,
    counts: [usize; 4],
    /// The old text and its diff to `doc`, when the text changed and its snapshot was found.
    before: Option<Arc<Before>>,
}

impl Placer {
    /// Starts placing `stored` annotations in `doc`, the whole brief as it is now. When the
    /// text is unchanged they are all placed at once, as stored.
    pub fn new(doc: &Document, stored: &Stored) -> Self {
        Self::new_with(doc, stored, &mut |_, _| {})
    }

    /// [`new`](Self::new), telling `progress` (done, all) as the old text is compared with the
    /// new one (only when the text changed and the old one is at hand).
    pub fn new_with(
        doc: &Document,
        stored: &Stored,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Self {
        let brief_note = stored.annotations.brief_note().to_string();
        let annotations: Vec<Annotation> = stored.annotations.iter().cloned().collect();
        let mut placer = Self {
            stored: annotations,
            brief_note,
            changed: stored.sha256 != text_hash(doc),
            next: 0,
            placed: Vec::new(),
            counts: [0; 4],
            before: None,
        };
        if placer.changed {
            placer.before = stored
                .before
                .as_ref()
                .filter(|old| text_hash_of(old) == stored.sha256)
                .map(|old| Arc::new(Before::new_with(old.to_string(), doc.text(), progress)));
        }
        if !placer.changed {
            placer.placed = std::mem::take(&mut placer.stored);
            for a in &placer.placed {
                placer.counts[a.status as usize] += 1;
            }
        }
        placer
    }

    /// True when every annotation has been placed.
    pub fn is_done(&self) -> bool {
        self.next >= self.stored.len()
    }

    /// (placed, all) so far.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.stored.len())
    }

    /// The annotations placed so far, with the brief note.
    pub fn annotations(&self) -> Annotations {
        Annotations::from_vec(self.placed.clone(), self.brief_note.clone())
    }

    /// Places up to `batch` more annotations (one pass over the text per batch).
    pub fn step(&mut self, doc: &Document, batch: usize) {
        let end = self.next.saturating_add(batch).min(self.stored.len());
        let Some(slice) = self.stored.get(self.next..end) else {
            return;
        };
        let anchors: Vec<&Anchor> = slice.iter().map(|a| &a.anchor).collect();
        let landings = match &self.before {
            Some(before) => reanchor::reanchor_through(before, doc, &anchors),
            None => reanchor::reanchor_all(doc, &anchors),
        };
        for (a, p) in slice.iter().zip(landings) {
            let a = placed(doc, a.clone(), &p);
            self.counts[a.status as usize] += 1;
            self.placed.push(a);
        }
        self.next = end;
    }

    /// The old text and its diff, when annotations are carried through it.
    pub fn before(&self) -> Option<&Arc<Before>> {
        self.before.as_ref()
    }

    /// Everything placed, with how many landed how.
    pub fn finish(self) -> Placed {
        let through = self.before.map(|before| {
            let was = self
                .stored
                .iter()
                .filter_map(|s| {
                    let r = s.anchor.start.get()..s.anchor.end.get();
                    (before.slice(&r) == Some(s.anchor.quote.as_str())).then_some((s.id, r))
                })
                .collect();
            Through { before, was }
        });
        Placed {
            annotations: Annotations::from_vec(self.placed, self.brief_note),
            changed: self.changed,
            counts: self.counts,
            through,
        }
    }
}

fn text_hash_of(text: &str) -> String {
    super::snapshot::sha256_hex(text.as_bytes())
}

/// Annotation `a` moved to where re-anchoring found it.
fn placed(doc: &Document, mut a: Annotation, p: &reanchor::Landing) -> Annotation {
    let bytes = doc.byte_offset(p.start)..doc.byte_offset(p.end);
    a.status = match p.status {
        Status::Exact => {
            a.anchor = Anchor::new(doc, bytes);
            if a.status == Status::Orphaned {
                Status::Moved
            } else {
                a.status
            }
        }
        Status::Moved => {
            a.anchor = Anchor::new(doc, bytes);
            Status::Moved
        }
        // The old quote stays beside the new range, so the user can see what changed.
        Status::Fuzzy => {
            a.anchor.start = p.start;
            a.anchor.end = p.end;
            Status::Fuzzy
        }
        Status::Orphaned => Status::Orphaned,
    };
    a
}
