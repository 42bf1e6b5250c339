//! Exports of a brief and its annotations for other tools: Markdown research notes, W3C Web
//! Annotation JSON-LD, Hypothesis JSON, a self-contained HTML page and Readwise CSV, and of a
//! library for QDA tools (REFI-QDA codebook and project). Pure: every writer turns a
//! [`Brief`] (or a codebook and its briefs) into text or bytes; reading briefs and writing
//! files is the CLI's.

pub mod csv;
pub mod html;
pub mod hypothesis;
pub mod incoming;
pub mod markdown;
pub mod palette;
pub mod qdc;
pub mod qdpx;
pub mod refi;
pub mod template;
pub mod w3c;
pub mod xml;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_authors;
#[cfg(test)]
mod tests_refi;
#[cfg(test)]
mod tests_w3c;

use serde::Serialize;
use strum::IntoEnumIterator;

use crate::annotation::{Annotation, Annotations, Color, Status};
use crate::document::Document;
pub use palette::Palette;

/// One brief to export: its text, its annotations placed in it, and how to name it.
#[derive(Debug, Clone, Copy)]
pub struct Brief<'a> {
    /// The brief, as it is now.
    pub doc: &'a Document,
    /// Its annotations, placed in `doc`.
    pub annotations: &'a Annotations,
    /// The brief's path as the user gave it (for `gloss PATH --at ID`).
    pub path: &'a str,
    /// Where the brief lives, as an IRI: its front matter's `url`, else a `file:` URL.
    pub uri: &'a str,
    /// The theme's colours and what it calls them.
    pub palette: &'a Palette,
}

/// One highlight as every export sees it: plain values, ready for a template.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    /// The annotation's id (a UUID).
    pub id: String,
    /// The Markdown block id, `gloss-<id>`.
    pub block_id: String,
    /// The text it covers now, or the stored quote when orphaned.
    pub quote: String,
    /// Up to 32 characters before the quote.
    pub prefix: String,
    /// Up to 32 characters after it.
    pub suffix: String,
    /// The note; empty for none.
    pub note: String,
    /// Who made it; empty when unknown.
    pub author: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// The colour's key (`yellow`).
    pub color: &'static str,
    /// What the theme calls the colour.
    pub color_name: String,
    /// exact, moved, fuzzy or orphaned.
    pub status: &'static str,
    /// First character in the normalised text; `None` when orphaned.
    pub start: Option<usize>,
    /// One past the last character; `None` when orphaned.
    pub end: Option<usize>,
    /// How far through the brief it starts, 0-100; `None` when orphaned.
    pub percent: Option<u8>,
    /// When it was made, UTC, to the second.
    pub created: String,
    /// When it last changed, UTC, to the second.
    pub updated: String,
    /// The command that opens the reader at it.
    pub open: String,
}

/// The brief's own data for an export: title and front matter, as plain strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Info {
    /// Its title (its file name when it has none).
    pub title: String,
    /// Front matter's `source`.
    pub source: Option<String>,
    /// Front matter's `url`.
    pub url: Option<String>,
    /// Front matter's `published`, as written.
    pub published: Option<String>,
    /// Front matter's `tags`.
    pub tags: Vec<String>,
    /// The note on the brief as a whole.
    pub note: String,
    /// The brief's path as given.
    pub path: String,
    /// The brief's IRI.
    pub uri: String,
}

/// How the Markdown export groups highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// In document order.
    #[default]
    None,
    /// Under each of their tags (untagged ones last).
    Tag,
    /// By colour.
    Color,
}

/// A heading and the highlights under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The heading: a tag, a colour's name, or `Highlights`.
    pub name: String,
    /// Its highlights, in document order.
    pub highlights: Vec<Highlight>,
}

/// UTC to the second, as the W3C model and Hypothesis write it.
pub fn utc(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `s` quoted for a POSIX shell when it needs it.
pub fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./-+:,@%".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

impl<'a> Brief<'a> {
    /// The title, source, address, date, tags and brief-level note.
    pub fn info(&self) -> Info {
        let meta = self.doc.meta();
        let title = self.doc.title().map_or_else(
            || {
                std::path::Path::new(self.path)
                    .file_name()
                    .map_or_else(|| self.path.to_string(), |n| n.to_string_lossy().into())
            },
            str::to_string,
        );
        Info {
            title,
            source: meta.source.clone(),
            url: meta.url.clone(),
            published: meta.published.as_ref().map(|p| match p {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
            tags: meta.tags.clone(),
            note: self.annotations.brief_note().to_string(),
            path: self.path.to_string(),
            uri: self.uri.to_string(),
        }
    }

    /// What the theme calls `color`.
    pub fn color_name(&self, color: Color) -> &str {
        let index = Color::iter().position(|c| c == color).unwrap_or(0);
        self.palette.names.get(index).map_or("", String::as_str)
    }

    /// One annotation as exports see it.
    pub fn highlight(&self, a: &Annotation) -> Highlight {
        let placed = a.status != Status::Orphaned;
        let quote = if placed {
            self.doc.text()[a.anchor.bytes(self.doc)].to_string()
        } else {
            a.anchor.quote.clone()
        };
        let all = self.doc.char_len().get().max(1);
        let start = a.anchor.start.get();
        Highlight {
            id: a.id.to_string(),
            block_id: format!("gloss-{}", a.id),
            quote,
            prefix: a.anchor.prefix.clone(),
            suffix: a.anchor.suffix.clone(),
            note: a.note.clone(),
            author: a.author.clone(),
            tags: a.tags.clone(),
            color: a.color.name(),
            color_name: self.color_name(a.color).to_string(),
            status: a.status.name(),
            start: placed.then_some(start),
            end: placed.then_some(a.anchor.end.get()),
            percent: placed.then(|| u8::try_from(start.min(all) * 100 / all).unwrap_or(100)),
            created: utc(a.created),
            updated: utc(a.updated),
            open: format!("gloss {} --at {}", shell_quote(self.path), a.id),
        }
    }

    /// Every placed highlight, in document order.
    pub fn placed(&self) -> Vec<Highlight> {
        self.annotations
            .iter()
            .filter(|a| a.status != Status::Orphaned)
            .map(|a| self.highlight(a))
            .collect()
    }

    /// The orphaned ones, in the order they are stored.
    pub fn orphans(&self) -> Vec<Highlight> {
        self.annotations
            .orphans()
            .map(|a| self.highlight(a))
            .collect()
    }

    /// The placed highlights grouped as asked: one group in document order, one per tag
    /// (a highlight under each of its tags, untagged ones last, tags in name order), or one
    /// per colour in colour order; empty groups left out.
    pub fn groups(&self, by: GroupBy) -> Vec<Group> {
        let placed = self.placed();
        match by {
            GroupBy::None => {
                if placed.is_empty() {
                    Vec::new()
                } else {
                    vec![Group {
                        name: "Highlights".into(),
                        highlights: placed,
                    }]
                }
            }
            GroupBy::Color => Color::iter()
                .map(|c| Group {
                    name: self.color_name(c).to_string(),
                    highlights: placed
                        .iter()
                        .filter(|h| h.color == c.name())
                        .cloned()
                        .collect(),
                })
                .filter(|g| !g.highlights.is_empty())
                .collect(),
            GroupBy::Tag => {
                let tags: std::collections::BTreeSet<&String> =
                    placed.iter().flat_map(|h| &h.tags).collect();
                let mut groups: Vec<Group> = tags
                    .into_iter()
                    .map(|t| Group {
                        name: format!("#{t}"),
                        highlights: placed
                            .iter()
                            .filter(|h| h.tags.contains(t))
                            .cloned()
                            .collect(),
                    })
                    .collect();
                let untagged: Vec<Highlight> = placed
                    .iter()
                    .filter(|h| h.tags.is_empty())
                    .cloned()
                    .collect();
                if !untagged.is_empty() {
                    groups.push(Group {
                        name: "Untagged".into(),
                        highlights: untagged,
                    });
                }
                groups
            }
        }
    }
}
