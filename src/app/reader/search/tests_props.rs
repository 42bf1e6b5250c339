//! Property tests of the search against a naive scan written here.
//!
//! Smart case folds with the regex crate's Unicode simple case folding, which Rust's standard
//! library does not expose. The texts and queries are therefore made of an alphabet on which
//! that folding is exactly `char::to_lowercase` (one character to one, of the same length in
//! bytes): `a b A B é É σ Σ ß 東`, space and `.` (no `ς`, `ſ`, `K`, which fold with letters
//! here but are not their lowercase, and no `ẞ`). Whether a query ignores case is decided as
//! `Search` does: it has no character for which `char::is_uppercase` holds.

use std::ops::Range;

use proptest::prelude::*;

use super::super::scan::{Scan, Step};
use super::*;
use crate::document::Format;

const ALPHABET: &[char] = &['a', 'b', 'A', 'B', 'é', 'É', 'σ', 'Σ', 'ß', '東', ' ', '.'];

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 1..4)
        .prop_map(|cs| cs.into_iter().collect())
}

/// A query and a text made of copies of it (some in the other case, some cut short), other
/// characters and line ends, so that matches are common and often overlap.
fn query_and_text() -> impl Strategy<Value = (String, String)> {
    let piece = prop_oneof![
        4 => prop::sample::select(ALPHABET).prop_map(|c| (0u8, c, 0usize)),
        1 => Just((1, '\n', 0)),
        3 => any::<usize>().prop_map(|flips| (2, ' ', flips)),
        1 => any::<usize>().prop_map(|len| (3, ' ', len)),
    ];
    (query(), prop::collection::vec(piece, 0..30)).prop_map(|(q, pieces)| {
        let mut text = String::new();
        for (kind, c, n) in pieces {
            match kind {
                0 | 1 => text.push(c),
                // The query with the case of the characters `n`'s bits pick swapped.
                2 => text.extend(q.chars().enumerate().map(|(i, c)| {
                    if n >> (i % 64) & 1 == 1 {
                        swap_case(c)
                    } else {
                        c
                    }
                })),
                _ => text.extend(q.chars().take(n % q.chars().count())),
            }
        }
        (q, text)
    })
}

fn swap_case(c: char) -> char {
    let lower = fold(c);
    if lower == c {
        c.to_uppercase()
            .next()
            .filter(|u| ALPHABET.contains(u))
            .unwrap_or(c)
    } else {
        lower
    }
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every match of `query` in `text`, overlapping ones included, as byte ranges.
fn naive(text: &str, query: &str) -> Vec<Range<usize>> {
    let ignore_case = !query.chars().any(char::is_uppercase);
    let same = |a: char, b: char| a == b || (ignore_case && fold(a) == fold(b));
    let wanted: Vec<char> = query.chars().collect();
    text.char_indices()
        .filter_map(|(start, _)| {
            let mut end = start;
            let mut rest = text[start..].chars();
            for &q in &wanted {
                let c = rest.next().filter(|&c| same(c, q))?;
                end += c.len_utf8();
            }
            Some(start..end)
        })
        .collect()
}

/// Leftmost matches that do not overlap, as a search highlights them.
fn non_overlapping(all: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in all {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m.clone());
        }
    }
    out
}

/// A char boundary of `text` picked by `pick`.
fn boundary(text: &str, pick: usize) -> usize {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    bounds[pick % bounds.len()]
}

fn run(
    mut scan: Scan,
    doc: &Document,
    hidden: &dyn Fn(usize) -> Option<usize>,
    budget: usize,
) -> Option<Found> {
    loop {
        match scan.step(doc, hidden, budget, false) {
            Step::Found(found) => return Some(found),
            Step::Missing => return None,
            Step::Going => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The matches drawn in any part of the text are the naive scan's leftmost
    /// non-overlapping matches in that part.
    #[test]
    fn the_matches_shown_are_the_naive_ones(
        (q, src) in query_and_text(),
        a in any::<usize>(),
        b in any::<usize>(),
    ) {
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        let text = doc.text();
        let search = Search::new(&q).unwrap();
        let whole: Vec<_> = search.matches_in(text, 0..text.len()).collect();
        prop_assert_eq!(whole, non_overlapping(&naive(text, &q)));
        let (a, b) = (boundary(text, a), boundary(text, b));
        let part = a.min(b)..a.max(b);
        let shown: Vec<_> = search.matches_in(text, part.clone()).collect();
        let expected: Vec<_> = non_overlapping(&naive(&text[part.clone()], &q))
            .into_iter()
            .map(|m| m.start + part.start..m.end + part.start)
            .collect();
        prop_assert_eq!(shown, expected);
    }

    /// From every place in the text, `n` and `N` (in one go, and a slice of any size at a
    /// time) land on the naive scan's next and previous visible match start, going round the
    /// end when there is none that way; a hidden stretch of text has no match starts.
    #[test]
    fn next_and_previous_are_the_naive_ones(
        (q, src) in query_and_text(),
        hide in (any::<usize>(), any::<usize>()),
        budget in prop_oneof![1usize..24, Just(usize::MAX)],
    ) {
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        let text = doc.text();
        let (h0, h1) = (boundary(text, hide.0), boundary(text, hide.1));
        let hidden_range = h0.min(h1)..h0.max(h1);
        let hidden = |at: usize| hidden_range.contains(&at).then_some(hidden_range.end);
        let search = Search::new(&q).unwrap();
        let visible: Vec<Range<usize>> = naive(text, &q)
            .into_iter()
            .filter(|m| !hidden_range.contains(&m.start))
            .collect();
        for (from, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let next = visible
                .iter()
                .find(|m| m.start >= from)
                .map(|m| Found { range: m.clone(), wrapped: false })
                .or_else(|| visible.first().map(|m| Found { range: m.clone(), wrapped: true }));
            let prev = visible
                .iter()
                .rev()
                .find(|m| m.start < from)
                .map(|m| Found { range: m.clone(), wrapped: false })
                .or_else(|| visible.last().map(|m| Found { range: m.clone(), wrapped: true }));
            prop_assert_eq!(&search.forward(&doc, &hidden, from), &next, "n from {}", from);
            prop_assert_eq!(&search.backward(&doc, &hidden, from), &prev, "N from {}", from);
            let sliced = run(Scan::forward(search.clone(), from), &doc, &hidden, budget);
            prop_assert_eq!(&sliced, &next, "n from {} in slices of {}", from, budget);
            let sliced = run(Scan::backward(search.clone(), from), &doc, &hidden, budget);
            prop_assert_eq!(&sliced, &prev, "N from {} in slices of {}", from, budget);
        }
    }
}
