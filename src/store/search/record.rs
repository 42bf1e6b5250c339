//! What one brief holds for searching, made from its files: the normalised text and its
//! annotations placed in it. The index keeps these, so an unchanged brief is not read again.

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::annotation::{Color, Status};
use crate::document::{Chars, Document, Format};
use crate::store::library::{notes_of, summary};

/// One brief, ready to search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The brief's title (its path under the library when it has none).
    pub title: String,
    /// The normalised text.
    pub text: String,
    /// Its annotations, placed in `text`, in document order.
    pub notes: Vec<Noted>,
}

/// One annotation, as search needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noted {
    /// Its id.
    pub id: Uuid,
    /// Where it starts in the text now.
    pub start: Chars,
    /// Where it ends.
    pub end: Chars,
    /// Not found in the text now: `start..end` are where it was.
    pub orphaned: bool,
    /// Its colour.
    pub color: Color,
    /// Its tags.
    pub tags: Vec<String>,
    /// The quote stored when it was made.
    pub quote: String,
    /// Its note.
    pub note: String,
    /// Who made it; empty when unknown.
    pub author: String,
}

impl Record {
    /// Reads the brief at `path` under `root` and its sidecar, placing the annotations in
    /// the text as it is now. A sidecar that cannot be read leaves the text alone to search;
    /// a brief that cannot be read is an error naming it.
    pub fn read(root: &Path, path: &Path) -> Result<Self, String> {
        match notes_of(root, path) {
            Ok(n) => {
                let title = n.summary.title.unwrap_or(n.summary.name);
                let notes = n
                    .annotations
                    .iter()
                    .map(|a| Noted {
                        id: a.id,
                        start: a.anchor.start,
                        end: a.anchor.end,
                        orphaned: a.status == Status::Orphaned,
                        color: a.color,
                        tags: a.tags.clone(),
                        quote: a.anchor.quote.clone(),
                        note: a.note.clone(),
                        author: a.author.clone(),
                    })
                    .collect();
                Ok(Self {
                    title,
                    text: n.doc.text().to_string(),
                    notes,
                })
            }
            Err(_) => {
                let s = summary(root, path);
                let bytes = crate::store::read_brief(path).map_err(|e| e.to_string())?;
                let doc = Document::parse(&bytes, Format::from_path(path))
                    .map_err(|e| format!("{}: {e}", crate::error::show_path(path)))?;
                Ok(Self {
                    title: s.title.unwrap_or(s.name),
                    text: doc.text().to_string(),
                    notes: Vec::new(),
                })
            }
        }
    }

    /// The bytes of the text that the characters `range` cover, if it lies in the text.
    pub fn bytes(&self, range: Range<Chars>) -> Option<Range<usize>> {
        let mut at = self
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([self.text.len()]);
        let start = at.nth(range.start.0)?;
        let len = range.end.0.checked_sub(range.start.0)?;
        let end = if len == 0 { start } else { at.nth(len - 1)? };
        Some(start..end)
    }
}
