//! Finding a literal query in the normalised text, skipping text the view hides.
//! Smart case: a query with no capital letter ignores case.

use std::ops::Range;

use regex::Regex;

use super::scan::{Scan, Step};
use crate::document::{Document, Matcher};

/// A compiled search.
#[derive(Debug, Clone)]
pub struct Search {
    matcher: Matcher,
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
        Matcher::new(query).map(|matcher| Self { matcher })
    }

    /// The query as typed.
    pub fn query(&self) -> &str {
        self.matcher.query()
    }

    /// Matches inside `range` of the text (for drawing the visible part).
    pub fn matches_in<'a>(
        &'a self,
        text: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        self.matcher.matches_in(text, range)
    }

    /// The compiled query.
    pub(super) fn regex(&self) -> &Regex {
        self.matcher.regex()
    }

    /// The first visible match starting at or after `from`, going round the end.
    pub fn forward(
        &self,
        doc: &Document,
        hidden: &dyn Fn(usize) -> Option<usize>,
        from: usize,
    ) -> Option<Found> {
        Self::run(Scan::forward(self.clone(), from), doc, hidden)
    }

    /// The last visible match starting before `before`, going round the start.
    pub fn backward(
        &self,
        doc: &Document,
        hidden: &dyn Fn(usize) -> Option<usize>,
        before: usize,
    ) -> Option<Found> {
        Self::run(Scan::backward(self.clone(), before), doc, hidden)
    }

    /// Runs a scan to its end in one go.
    fn run(
        mut scan: Scan,
        doc: &Document,
        hidden: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<Found> {
        loop {
            match scan.step(doc, hidden, usize::MAX, false) {
                Step::Found(found) => return Some(found),
                Step::Missing => return None,
                Step::Going => {}
            }
        }
    }
}

#[cfg(test)]
mod tests_props;

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
