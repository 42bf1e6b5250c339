//! The pure annotation model: highlights with colour, tags and a note, anchored to the
//! normalised text; the set of them; and undo history. Knows nothing of files or terminals.

mod anchor;
pub mod diff;
mod history;
#[cfg(test)]
pub(crate) mod marked;
pub mod query;
pub mod reanchor;
mod set;
pub mod tag;
pub mod tally;

pub use anchor::{Anchor, CONTEXT};
pub use history::{Change, History};
pub use set::Annotations;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};
use uuid::Uuid;

/// The five highlight colours. Their names are stable keys; the theme decides how each looks
/// and what it is called on screen.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Color {
    /// Colour 1, the default.
    #[default]
    Yellow,
    /// Colour 2.
    Green,
    /// Colour 3.
    Blue,
    /// Colour 4.
    Red,
    /// Colour 5.
    Purple,
}

impl Color {
    /// The colour's key (`yellow`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Colour number `n` (1-5).
    pub fn nth(n: usize) -> Option<Self> {
        Self::iter().nth(n.checked_sub(1)?)
    }

    /// The next colour, wrapping round.
    pub fn next(self) -> Self {
        let all: Vec<Self> = Self::iter().collect();
        let i = all.iter().position(|c| *c == self).unwrap_or(0);
        all[(i + 1) % all.len()]
    }
}

/// Whether an annotation is where it was made, and how sure gloss is of that.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, EnumString, IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    /// At its offsets, with its quote.
    #[default]
    Exact,
    /// Found again elsewhere after the brief changed, quote intact.
    Moved,
    /// Found again approximately: the text differs from the quote and needs review.
    Fuzzy,
    /// Not found in the current text; kept forever, never drawn in the text.
    Orphaned,
}

impl Status {
    /// The status's name in files and JSON (`exact`).
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Stable identity (UUID v7: sortable by creation time).
    pub id: Uuid,
    /// When it was made.
    pub created: Timestamp,
    /// When it last changed.
    pub updated: Timestamp,
    /// Who made it (the `author` of the config, else the login name); empty when unknown,
    /// as in sidecars from before authors were recorded.
    pub author: String,
    /// Its highlight colour.
    pub color: Color,
    /// Free-form tags, trimmed, without duplicates.
    pub tags: Vec<String>,
    /// The note; empty for none.
    pub note: String,
    /// What it points at.
    pub anchor: Anchor,
    /// Whether it is placed, moved, uncertain or lost.
    pub status: Status,
}

impl Annotation {
    /// A new highlight without tags or note.
    pub fn new(id: Uuid, now: Timestamp, color: Color, anchor: Anchor) -> Self {
        Self {
            id,
            created: now,
            updated: now,
            author: String::new(),
            color,
            tags: Vec::new(),
            note: String::new(),
            anchor,
            status: Status::Exact,
        }
    }
}

/// Tags from user input: split on commas, trimmed, empty ones and repeats dropped.
pub fn parse_tags(input: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in input.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An annotation with a numeric id over a character range.
    pub(crate) fn ann(id: u128, range: std::ops::Range<usize>) -> Annotation {
        let anchor = Anchor {
            start: crate::document::Chars(range.start),
            end: crate::document::Chars(range.end),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
        };
        Annotation::new(
            Uuid::from_u128(id),
            Timestamp::UNIX_EPOCH,
            Color::Yellow,
            anchor,
        )
    }

    #[test]
    fn colours_number_and_cycle() {
        assert_eq!(Color::nth(1), Some(Color::Yellow));
        assert_eq!(Color::nth(5), Some(Color::Purple));
        assert_eq!(Color::nth(6), None);
        assert_eq!(Color::nth(0), None);
        assert_eq!(Color::Purple.next(), Color::Yellow);
        assert_eq!("blue".parse::<Color>().unwrap(), Color::Blue);
    }

    #[test]
    fn tags_parse_from_comma_lists() {
        assert_eq!(
            parse_tags(" fed, rates ,, fed,Rates "),
            vec!["fed", "rates", "Rates"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}
