//! A literal query with smart case, as every search in gloss reads it: a query with no
//! capital letter ignores case. Pure: the reader's search and the library's search share it.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

/// A compiled literal query.
#[derive(Debug, Clone)]
pub struct Matcher {
    query: String,
    ignore_case: bool,
    regex: Regex,
}

impl Matcher {
    /// Compiles `query`; `None` for an empty one.
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
            ignore_case,
            regex,
        })
    }

    /// The query as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether case is ignored (the query has no capital letter).
    pub fn ignores_case(&self) -> bool {
        self.ignore_case
    }

    /// The compiled query.
    pub fn regex(&self) -> &Regex {
        &self.regex
    }

    /// Byte ranges of the matches inside `range` of `text`.
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

    /// Whether `text` has a match.
    pub fn is_in(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_literal_characters() {
        let lower = Matcher::new("micron").unwrap();
        assert!(lower.ignores_case());
        let text = "Micron, MICRON (x) micron";
        assert_eq!(lower.matches_in(text, 0..text.len()).count(), 3);
        let upper = Matcher::new("Micron").unwrap();
        assert_eq!(upper.matches_in(text, 1..text.len()).count(), 0);
        let found: Vec<(usize, usize)> = upper
            .matches_in(text, 0..text.len())
            .map(|r| (r.start, r.end))
            .collect();
        assert_eq!(found, [(0, 6)]);
        assert!(Matcher::new("(x)").unwrap().is_in(text));
        assert!(!Matcher::new("x)(").unwrap().is_in(text));
        assert!(Matcher::new("").is_none());
    }
}
