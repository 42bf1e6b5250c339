//! The notes view's rows: one annotation of a library as the view draws, filters and opens
//! it, and nothing more. 150,000 annotations of 10,000 briefs are 150,000 rows, so a row keeps
//! its brief as one shared pointer, its tags and author shared with every row that has the
//! same ones, its quote and note without spare capacity, and of its anchor only where it
//! starts (Enter opens the brief there); the anchor's quote, prefix and suffix (the stored
//! context that re-anchoring needs) stay in the sidecar.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use uuid::Uuid;

use super::BriefNotes;
use crate::annotation::query::{Parts, byte_kinds};
use crate::annotation::{Annotation, Color, Status};
use crate::document::Chars;
use crate::sanitize;

/// The brief a row is in: shared by every row of the brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteBrief {
    /// The brief's file.
    pub path: PathBuf,
    /// Its path under the library's folder.
    pub name: String,
    /// Its title (its file name when it has none).
    pub title: String,
    /// Its heading in the notes view, made safe to show: made once, not on every regrouping.
    pub heading: Arc<str>,
}

impl NoteBrief {
    /// The brief at `path`, `name` under the library's folder, titled `title`.
    pub fn new(path: PathBuf, name: String, title: String) -> Self {
        let heading = sanitize::line(&format!("{title} · {name}")).into();
        Self {
            path,
            name,
            title,
            heading,
        }
    }
}

/// One annotation of a library, for the notes view.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The brief it is in.
    pub brief: Arc<NoteBrief>,
    /// The annotation's id.
    pub id: Uuid,
    /// Where its highlight starts in the brief's current text (unused when orphaned).
    pub start: Chars,
    /// Its colour.
    pub color: Color,
    /// Whether it is placed, moved, uncertain or lost.
    pub status: Status,
    /// Its tags (shared by the rows with the same ones).
    pub tags: Arc<[String]>,
    /// Who made it (shared likewise); empty when unknown.
    pub author: Arc<str>,
    /// Its note; empty for none (made to its length: no spare capacity).
    pub note: String,
    /// The text it covers now (its stored quote when orphaned), likewise.
    pub quote: String,
    /// The [`byte_kinds`] of `quote` and `note`, made with them by [`Note::new`].
    pub kinds: u64,
}

impl Note {
    /// The row of `a`, covering `quote` now, in `brief`; its tags and author taken from
    /// `shared` when a row before had the same.
    pub fn new(brief: &Arc<NoteBrief>, a: &Annotation, quote: &str, shared: &mut Shared) -> Self {
        Self {
            brief: Arc::clone(brief),
            id: a.id,
            start: a.anchor.start,
            color: a.color,
            status: a.status,
            tags: shared.tags(&a.tags),
            author: shared.author(&a.author),
            note: a.note.as_str().to_string(),
            quote: quote.to_string(),
            kinds: byte_kinds(quote) | byte_kinds(&a.note),
        }
    }

    /// What a filter looks at.
    pub fn parts(&self) -> Parts<'_> {
        Parts {
            tags: &self.tags,
            note: &self.note,
            author: &self.author,
            color: self.color,
            status: self.status,
            quote: &self.quote,
            kinds: self.kinds,
        }
    }
}

/// Tag lists and authors handed out once and shared by every row that has them: a library's
/// 150,000 annotations carry a few hundred different tag lists and a handful of authors.
#[derive(Debug, Default)]
pub struct Shared {
    tags: HashSet<Arc<[String]>>,
    authors: HashSet<Arc<str>>,
}

impl Shared {
    fn tags(&mut self, tags: &[String]) -> Arc<[String]> {
        if let Some(known) = self.tags.get(tags) {
            return Arc::clone(known);
        }
        let made: Arc<[String]> = tags.into();
        self.tags.insert(Arc::clone(&made));
        made
    }

    fn author(&mut self, author: &str) -> Arc<str> {
        if let Some(known) = self.authors.get(author) {
            return Arc::clone(known);
        }
        let made: Arc<str> = author.into();
        self.authors.insert(Arc::clone(&made));
        made
    }
}

impl BriefNotes {
    /// The brief's title, or its name when it has none.
    pub fn title(&self) -> &str {
        self.summary.title.as_deref().unwrap_or(&self.summary.name)
    }

    /// The text `a` (one of its annotations) covers now: its stored quote when orphaned.
    pub fn quote_of<'a>(&'a self, a: &'a Annotation) -> &'a str {
        if a.status == Status::Orphaned {
            &a.anchor.quote
        } else {
            self.doc
                .text()
                .get(a.anchor.bytes(&self.doc))
                .unwrap_or_default()
        }
    }

    /// Its annotations as rows of the notes view, in document order.
    pub fn rows(&self) -> Vec<Note> {
        self.rows_sharing(&Mutex::new(Shared::default()))
    }

    /// The same, sharing tag lists and authors through `shared` with the rows of other briefs
    /// (it is taken once for the whole brief).
    pub fn rows_sharing(&self, shared: &Mutex<Shared>) -> Vec<Note> {
        let brief = Arc::new(NoteBrief::new(
            self.summary.path.clone(),
            self.summary.name.clone(),
            self.title().to_string(),
        ));
        let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
        self.annotations
            .iter()
            .map(|a| Note::new(&brief, a, self.quote_of(a), &mut shared))
            .collect()
    }
}
