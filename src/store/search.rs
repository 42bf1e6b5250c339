//! Search across a library: every match of a query in the briefs' text and in their
//! annotations' quotes, notes and tags, grouped by brief, each with a line of context.
//! `#tag`, `color:red` and `author:NAME` in the query narrow it to annotations with that tag
//! (or one under it), colour or author, and to the text they cover.
//!
//! What each brief holds for searching is a [`Record`]: its normalised text and its
//! annotations placed in it. Records are made from the files, or read from the library's
//! index in the data folder ([`index`]) when the brief and its sidecar have not changed since
//! they went in; the index also knows which briefs hold which words, so a query reads only
//! the records that can match. A missing, stale or damaged index only makes a search slower.

pub mod index;
mod record;
mod words;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use serde::Serialize;
use uuid::Uuid;

use crate::annotation::Color;
use crate::annotation::query::tag_within;
use crate::document::{Chars, Matcher};
use crate::sanitize;

pub use index::Index;
pub use record::{Noted, Record};

/// Characters of context shown either side of a hit.
pub const CONTEXT: usize = 30;

/// What to look for: the words, and what narrows them.
#[derive(Debug, Clone)]
pub struct Request {
    /// The words (smart case, literal).
    pub matcher: Matcher,
    /// Every one of these tags (or one under it) must be on an annotation searched.
    pub tags: Vec<String>,
    /// Only annotations of this colour are searched.
    pub color: Option<Color>,
    /// Only annotations by this author (the whole name, ignoring case) are searched.
    pub author: Option<String>,
    /// Hits kept per brief with their context (the others are counted): a view needs a
    /// screenful, not every "the" of a library. `None` keeps all.
    pub keep: Option<usize>,
}

impl Request {
    /// Reads a query: `#tag`, `color:NAME` and `author:NAME` narrow, the other words are
    /// searched for as one phrase. An error says what is missing.
    pub fn parse(query: &str) -> Result<Self, String> {
        let mut tags = Vec::new();
        let mut color = None;
        let mut author = None;
        let mut words = Vec::new();
        for word in query.split_whitespace() {
            if let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty()) {
                tags.push(tag.to_string());
            } else if let Some(c) = word.strip_prefix("color:").and_then(|c| c.parse().ok()) {
                color = Some(c);
            } else if let Some(a) = word.strip_prefix("author:").filter(|a| !a.is_empty()) {
                author = Some(a.to_string());
            } else {
                words.push(word);
            }
        }
        let matcher = Matcher::new(&words.join(" ")).ok_or_else(|| {
            format!(
                "nothing to search for in {:?}: give some words besides #tags, color: and author:",
                sanitize::line(query)
            )
        })?;
        Ok(Self {
            matcher,
            tags,
            color,
            author,
            keep: None,
        })
    }

    /// Whether the query searches only some annotations and the text they cover.
    pub fn is_narrowed(&self) -> bool {
        !self.tags.is_empty() || self.color.is_some() || self.author.is_some()
    }

    fn keeps(&self, n: &Noted) -> bool {
        self.tags
            .iter()
            .all(|w| n.tags.iter().any(|t| tag_within(t, w)))
            && self.color.is_none_or(|c| n.color == c)
            && self
                .author
                .as_deref()
                .is_none_or(|a| n.author.to_lowercase() == a.to_lowercase())
    }
}

/// Where a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// In the brief's text.
    Text,
    /// In an annotation's stored quote.
    Quote,
    /// In an annotation's note.
    Note,
    /// In an annotation's tag.
    Tag,
}

impl Kind {
    /// The kind's name (`text`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Quote => "quote",
            Self::Note => "note",
            Self::Tag => "tag",
        }
    }
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Where it is.
    pub kind: Kind,
    /// Its start in characters of the normalised text (the annotation's, for the others).
    pub start: Chars,
    /// Its end.
    pub end: Chars,
    /// The line around it, up to [`CONTEXT`] characters either side, the hit in brackets,
    /// made safe for a terminal.
    pub context: String,
    /// The bytes of `context` between the brackets: the hit itself.
    #[serde(skip)]
    pub marked: std::ops::Range<usize>,
    /// The annotation, for hits in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
}

/// The hits in one brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The brief's file.
    pub brief: PathBuf,
    /// Its path under the library's folder.
    pub name: String,
    /// Its title (its name when it has none).
    pub title: String,
    /// The hits, text first, in order (at most the request's `keep`).
    pub hits: Vec<Hit>,
    /// Every hit in the brief, kept or not.
    pub total: usize,
}

/// How a search went, for the status line and the benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Briefs in the library.
    pub briefs: usize,
    /// Briefs read from their files (new or changed since the index had them).
    pub read: usize,
    /// Records read from the index (the others could not match).
    pub from_index: usize,
    /// Briefs with hits.
    pub matched: usize,
}

/// Searches every brief under `root` for `request`, calling `found` for each brief with hits
/// in the library's order; `index` is the index file to use and bring up to date (none: read
/// every brief). Briefs that cannot be read are left out.
pub fn search(
    root: &Path,
    request: &Request,
    index: Option<&Path>,
    found: impl FnMut(Found),
) -> Stats {
    index::search(root, request, index, found)
}

/// The hits of `request` in one record (at most its `keep`, with their context), and how
/// many there are in all.
pub fn hits(record: &Record, request: &Request) -> (Vec<Hit>, usize) {
    let text = record.text.as_str();
    let m = &request.matcher;
    let kept: Vec<&Noted> = record.notes.iter().filter(|n| request.keeps(n)).collect();
    if request.is_narrowed() && kept.is_empty() {
        return (Vec::new(), 0);
    }
    let keep = request.keep.unwrap_or(usize::MAX);
    let mut found = Vec::new();
    let mut total = 0;
    let mut counter = CharCounter::new(text);
    // Narrowed, the text searched is what the kept annotations cover.
    let ranges: Vec<std::ops::Range<usize>> = if request.is_narrowed() {
        let mut ranges: Vec<_> = kept
            .iter()
            .filter(|n| !n.orphaned)
            .filter_map(|n| record.bytes(n.start..n.end))
            .collect();
        ranges.sort_by_key(|r| r.start);
        ranges
    } else {
        std::iter::once(0..text.len()).collect()
    };
    for range in ranges {
        for hit in m.matches_in(text, range) {
            total += 1;
            if found.len() >= keep {
                continue;
            }
            let start = counter.at(hit.start);
            let end = counter.at(hit.end);
            let (context, marked) = context(text, hit);
            found.push(Hit {
                kind: Kind::Text,
                start,
                end,
                context,
                marked,
                id: None,
            });
        }
    }
    for n in kept {
        let id = Some(n.id);
        let mut field = |kind, field: &str| {
            for hit in m.matches_in(field, 0..field.len()) {
                total += 1;
                if found.len() >= keep {
                    continue;
                }
                let (context, marked) = context(field, hit);
                found.push(Hit {
                    kind,
                    start: n.start,
                    end: n.end,
                    context,
                    marked,
                    id,
                });
            }
        };
        field(Kind::Quote, &n.quote);
        field(Kind::Note, &n.note);
        for tag in &n.tags {
            field(Kind::Tag, tag);
        }
    }
    (found, total)
}

/// Character offsets of byte offsets met in increasing order (it counts on from the last
/// one; an earlier one counts again from the start).
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> Chars {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        Chars(self.chars)
    }
}

/// The paragraph of `text` around the bytes `hit`, up to [`CONTEXT`] characters either side,
/// with the hit in brackets, on one line, made safe; and where the hit is in it. Only the
/// bytes near the hit are looked at, however long its paragraph.
pub fn context(text: &str, hit: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    // CONTEXT characters are at most 4 bytes each.
    let mut lo = hit.start.saturating_sub(4 * CONTEXT);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (hit.end + 4 * CONTEXT).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let head = &text[lo..hit.start];
    let head = head.rfind('\n').map_or(head, |i| &head[i + 1..]);
    let from = head
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let tail = &text[hit.end..hi];
    let tail = tail.find('\n').map_or(tail, |i| &tail[..i]);
    let to = tail
        .char_indices()
        .nth(CONTEXT)
        .map_or(tail.len(), |(i, _)| i);
    let (before, matched, after) = (&head[from..], &text[hit], &tail[..to]);
    let mut line = String::with_capacity(before.len() + matched.len() + after.len() + 2);
    push_safe(&mut line, before);
    line.push('[');
    let start = line.len();
    push_safe(&mut line, matched);
    let marked = start..line.len();
    line.push(']');
    push_safe(&mut line, after);
    (line, marked)
}

/// `s` made safe for one line (a line end in a note becomes a space) at the end of `line`.
fn push_safe(line: &mut String, s: &str) {
    if s.contains('\n') {
        line.push_str(&sanitize::line(&s.replace('\n', " ")));
    } else {
        line.push_str(&sanitize::line(s));
    }
}
