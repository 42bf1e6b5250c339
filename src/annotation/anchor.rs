//! Where an annotation points: character offsets into the normalised text plus the quoted text
//! and its surroundings, so it can be found again after the brief changes.

use std::ops::Range;

use crate::document::{Chars, Document};

/// Characters of context kept on each side of a quote.
pub const CONTEXT: usize = 32;

/// A text-position and text-quote selector (W3C Web Annotation model).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Anchor {
    /// First character, in Unicode scalar values from the start of the normalised text.
    pub start: Chars,
    /// One past the last character.
    pub end: Chars,
    /// The text between `start` and `end`.
    pub quote: String,
    /// Up to [`CONTEXT`] characters before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT`] characters after the quote.
    pub suffix: String,
}

impl Anchor {
    /// The anchor of a byte range of the document's text (on character boundaries).
    pub fn new(doc: &Document, bytes: Range<usize>) -> Self {
        let text = doc.text();
        let end = bytes.end.min(text.len());
        let start = bytes.start.min(end);
        let before: Vec<char> = text[..start].chars().rev().take(CONTEXT).collect();
        Self {
            start: doc.char_offset(start),
            end: doc.char_offset(end),
            quote: text[start..end].to_string(),
            prefix: before.into_iter().rev().collect(),
            suffix: text[end..].chars().take(CONTEXT).collect(),
        }
    }

    /// The character range.
    pub fn range(&self) -> Range<Chars> {
        self.start..self.end
    }

    /// The byte range in `doc`'s text.
    pub fn bytes(&self, doc: &Document) -> Range<usize> {
        doc.byte_offset(self.start)..doc.byte_offset(self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::marked::{bytes, marked};
    use crate::document::Format;

    fn anchor(src: &str) -> Anchor {
        let (text, ranges) = marked(src);
        let doc = Document::parse(text.as_bytes(), Format::Plain).unwrap();
        Anchor::new(&doc, bytes(&text, ranges[0].clone()))
    }

    #[test]
    fn quote_prefix_and_suffix() {
        let a = anchor("Title\nrates rose [[sharply]] in May");
        assert_eq!((a.start, a.end), (Chars(17), Chars(24)));
        assert_eq!(a.quote, "sharply");
        assert_eq!(a.prefix, "Title\nrates rose ");
        assert_eq!(a.suffix, " in May");
    }

    #[test]
    fn context_is_capped_at_32_characters_and_counts_characters() {
        let long = "é".repeat(40);
        let a = anchor(&format!("T\n{long}[[東京]]{long}"));
        assert_eq!(a.prefix.chars().count(), CONTEXT);
        assert_eq!(a.suffix.chars().count(), CONTEXT);
        assert_eq!(a.start, Chars(42));
        assert_eq!(a.end, Chars(44));
    }

    #[test]
    fn spans_across_paragraphs_keep_the_newline() {
        let a = anchor("Title\nfirst [[ends\nsecond]] starts");
        assert_eq!(a.quote, "ends\nsecond");
    }
}
