//! Finding a literal query in the normalised text, skipping text the view hides.
//! Smart case: a query with no capital letter ignores case.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use crate::document::Document;

/// A compiled search.
#[derive(Debug, Clone)]
pub struct Search {
    query: String,
    regex: Regex,
}

/// A match and whether finding it went round the end of the brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the match in the normalised text.
    pub range: Range<usize>,
    /// True when the search passed the end (or start) of the brief to find it.
    pub wrapped: bool,
}

impl Search {
    /// Compiles a query; `None` for an empty one.
    pub fn new(query: &str) -> Option<Self> {
        if query.is_empty() {
            return None;
        }
        let ignore_case = !query.chars().any(char::is_uppercase);
        let regex = RegexBuilder::new(&regex::escape(query))
            .case_insensitive(ignore_case)
            .build()
            .ok()?;
        Some(Self {
            query: query.to_string(),
            regex,
        })
    }

    /// The query as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Matches inside `range` of the text (for drawing the visible part).
    pub fn matches_in<'a>(
        &'a self,
        text: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let start = range.start;
        self.regex
            .find_iter(&text[range])
            .map(move |m| start + m.start()..start + m.end())
    }

    /// The first visible match starting at or after `from`, going round the end.
    pub fn forward(
        &self,
        doc: &Document,
        hidden: &dyn Fn(usize) -> Option<usize>,
        from: usize,
    ) -> Option<Found> {
        let text = doc.text();
        let first = |mut at: usize, limit: usize| {
            while at <= limit.min(text.len()) {
                let m = self.regex.find_at(text, at)?;
                if m.start() >= limit {
                    return None;
                }
                match hidden(m.start()) {
                    Some(skip_to) => at = skip_to.max(m.start() + 1),
                    None => return Some(m.range()),
                }
            }
            None
        };
        let from = from.min(text.len());
        first(from, text.len() + 1)
            .map(|range| Found {
                range,
                wrapped: false,
            })
            .or_else(|| {
                first(0, from).map(|range| Found {
                    range,
                    wrapped: true,
                })
            })
    }

    /// The last visible match starting before `before`, going round the start.
    pub fn backward(
        &self,
        doc: &Document,
        hidden: &dyn Fn(usize) -> Option<usize>,
        before: usize,
    ) -> Option<Found> {
        let text = doc.text();
        let blocks = doc.blocks();
        if blocks.is_empty() {
            return None;
        }
        let last_in = |b: usize, limit: usize| {
            let range = blocks[b].range.clone();
            self.matches_in(text, range)
                .filter(|m| m.start < limit && hidden(m.start).is_none())
                .last()
        };
        let start_block = doc.block_at(before.min(text.len()));
        let order = (0..=start_block)
            .rev()
            .map(|b| (b, false))
            .chain(((start_block + 1)..blocks.len()).rev().map(|b| (b, true)));
        for (b, wrapped) in order {
            let limit = if wrapped { usize::MAX } else { before };
            if let Some(range) = last_in(b, limit) {
                return Some(Found { range, wrapped });
            }
        }
        // The cursor's own block, after the cursor, is the last place going round.
        last_in(start_block, usize::MAX)
            .filter(|m| m.start >= before)
            .map(|range| Found {
                range,
                wrapped: true,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn doc(src: &str) -> Document {
        Document::parse(src.as_bytes(), Format::Plain).unwrap()
    }

    const NONE: &dyn Fn(usize) -> Option<usize> = &|_| None;

    #[test]
    fn smart_case() {
        let d = doc("T\nMicron and micron");
        let lower = Search::new("micron").unwrap();
        assert_eq!(lower.forward(&d, NONE, 0).unwrap().range, 2..8);
        let upper = Search::new("Micron").unwrap();
        assert_eq!(
            upper.forward(&d, NONE, 3).unwrap(),
            Found {
                range: 2..8,
                wrapped: true
            }
        );
        assert!(Search::new("").is_none());
    }

    #[test]
    fn forward_and_backward_go_round() {
        let d = doc("T\nab x ab\ny ab");
        let s = Search::new("ab").unwrap();
        assert_eq!(s.forward(&d, NONE, 3).unwrap().range, 7..9);
        assert_eq!(
            s.forward(&d, NONE, 13).unwrap(),
            Found {
                range: 2..4,
                wrapped: true
            }
        );
        assert_eq!(s.backward(&d, NONE, 7).unwrap().range, 2..4);
        assert_eq!(
            s.backward(&d, NONE, 2).unwrap(),
            Found {
                range: 12..14,
                wrapped: true
            }
        );
        assert_eq!(s.backward(&d, NONE, 13).unwrap().range, 12..14);
    }

    #[test]
    fn hidden_text_is_skipped() {
        let d = doc("T\nab one\nab two");
        let s = Search::new("ab").unwrap();
        // Hide the first paragraph (bytes 2..8).
        let hide = |at: usize| (2..8).contains(&at).then_some(8);
        assert_eq!(s.forward(&d, &hide, 0).unwrap().range, 9..11);
        assert_eq!(
            s.backward(&d, &hide, 9).unwrap(),
            Found {
                range: 9..11,
                wrapped: true
            }
        );
    }

    #[test]
    fn special_characters_are_literal() {
        let d = doc("T\nprice (USD) rose 4.4%");
        assert_eq!(
            Search::new("(usd)")
                .unwrap()
                .forward(&d, NONE, 0)
                .unwrap()
                .range,
            8..13
        );
        assert_eq!(
            Search::new("4.4%")
                .unwrap()
                .forward(&d, NONE, 0)
                .unwrap()
                .range,
            19..23
        );
    }
}
