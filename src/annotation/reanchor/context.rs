//! The context around a quote: stored prefixes and suffixes compared with the text, and
//! every occurrence of many strings found in one pass.

use std::collections::HashMap;
use std::iter;

use aho_corasick::{AhoCorasick, MatchKind};

use super::CONTEXT;
use super::myers::{Pattern, scan};

/// The part of a stored context inside the quote's paragraph is looked up verbatim only when it
/// has at least this many characters; shorter strings occur everywhere.
const CONTEXT_SEED: usize = 8;

/// Stands for the edge of the text in context comparisons, so that a quote which started the
/// text only matches context that does too. The normalised text never holds NUL.
const EDGE: char = '\0';

/// A stored prefix or suffix, ready for comparison with the text around a candidate.
pub(super) struct Side<'a> {
    /// The stored context.
    pub(super) raw: &'a str,
    /// True for a prefix (compared backwards from the quote's start).
    before: bool,
    /// True when the stored context is shorter than [`CONTEXT`], i.e. it reached the edge of
    /// the text, which then counts as one more character ([`EDGE`]) to agree on.
    bounded: bool,
    /// The context read outwards from the quote, with [`EDGE`] when bounded.
    pub(super) pattern: Pattern,
}

impl<'a> Side<'a> {
    pub(super) fn new(stored: &'a str, before: bool) -> Self {
        // Anchors made elsewhere may carry longer context; the nearest CONTEXT characters count.
        let count = stored.chars().count();
        let raw = if count <= CONTEXT {
            stored
        } else if before {
            let cut = stored
                .char_indices()
                .nth(count - CONTEXT)
                .map_or(0, |(i, _)| i);
            stored.get(cut..).unwrap_or(stored)
        } else {
            let cut = stored
                .char_indices()
                .nth(CONTEXT)
                .map_or(stored.len(), |(i, _)| i);
            stored.get(..cut).unwrap_or(stored)
        };
        let bounded = count < CONTEXT;
        let mut chars: Vec<char> = if before {
            raw.chars().rev().collect()
        } else {
            raw.chars().collect()
        };
        if bounded {
            chars.push(EDGE);
        }
        Self {
            raw,
            before,
            bounded,
            pattern: Pattern::new(&chars),
        }
    }

    /// The context to look for verbatim: the part inside the quote's own paragraph, since
    /// paragraphs move as wholes; "" when that is too short to be telling.
    pub(super) fn seed(&self) -> &'a str {
        let near = if self.before {
            self.raw.rsplit('\n').next()
        } else {
            self.raw.split('\n').next()
        };
        near.filter(|s| s.chars().count() >= CONTEXT_SEED)
            .unwrap_or("")
    }

    /// How well the text before (prefix) or after (suffix) byte `at` agrees with the stored
    /// context: 1 minus the edit distance over the context's length. The far end is free, so a
    /// word inserted next to the quote costs its length, not also the context it pushed away.
    pub(super) fn similarity(&self, text: &str, at: usize) -> f64 {
        let len = self.pattern.len;
        if len == 0 || self.verbatim(text, at) {
            return 1.0;
        }
        let limit = len + len / 2 + 1;
        let mut best = len;
        // After j characters the distance is at least j - len, so once that reaches the best so
        // far, reading on cannot help.
        let mut keep = |j: usize, d: usize| {
            best = best.min(d);
            j < len + best
        };
        let numbered = |(n, c)| (n + 1, c);
        if self.before {
            let near = text.get(..at).unwrap_or("");
            let outward = near.chars().rev().chain(iter::once(EDGE)).take(limit);
            scan(
                &self.pattern,
                outward.enumerate().map(numbered),
                true,
                &mut keep,
            );
        } else {
            let near = text.get(at..).unwrap_or("");
            let outward = near.chars().chain(iter::once(EDGE)).take(limit);
            scan(
                &self.pattern,
                outward.enumerate().map(numbered),
                true,
                &mut keep,
            );
        }
        1.0 - best as f64 / len as f64
    }

    /// True when the text next to byte `at` is the stored context exactly (similarity 1).
    pub(super) fn verbatim(&self, text: &str, at: usize) -> bool {
        let near = if self.before {
            text.get(..at)
        } else {
            text.get(at..)
        };
        let near = near.unwrap_or("");
        match (self.bounded, self.before) {
            (true, _) => near == self.raw,
            (false, true) => near.ends_with(self.raw),
            (false, false) => near.starts_with(self.raw),
        }
    }

    /// The highest similarity of a context that is not verbatim: one edit off.
    pub(super) fn ceiling(&self) -> f64 {
        1.0 - 1.0 / self.pattern.len.max(1) as f64
    }
}

/// Every occurrence (byte starts, overlapping ones included) of a list of strings, found in one
/// pass with Aho-Corasick.
pub(super) struct Occurrences {
    /// For each string asked about, its index in `hits` (equal strings share one).
    slot: Vec<Option<usize>>,
    hits: Vec<Vec<usize>>,
}

impl Occurrences {
    /// Finds `needles` in `text`; empty needles find nothing.
    pub(super) fn find(text: &str, needles: &[&str]) -> Self {
        let mut unique: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let slot = needles
            .iter()
            .map(|&n| {
                if n.is_empty() {
                    return None;
                }
                Some(*unique.entry(n).or_insert_with(|| {
                    patterns.push(n);
                    patterns.len() - 1
                }))
            })
            .collect();
        let mut hits = vec![Vec::new(); patterns.len()];
        if patterns.is_empty() {
            return Self { slot, hits };
        }
        let searched = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok()
            .and_then(|ac| {
                let found: Vec<(usize, usize)> = ac
                    .try_find_overlapping_iter(text)
                    .ok()?
                    .map(|m| (m.pattern().as_usize(), m.start()))
                    .collect();
                Some(found)
            });
        match searched {
            Some(found) => {
                for (p, start) in found {
                    if let Some(h) = hits.get_mut(p) {
                        h.push(start);
                    }
                }
            }
            // Only if the automaton could not be built (it has generous limits): slower, same
            // answer.
            None => {
                for (h, p) in hits.iter_mut().zip(&patterns) {
                    *h = find_each(text, p);
                }
            }
        }
        Self { slot, hits }
    }

    /// The byte starts of needle `n`.
    pub(super) fn of(&self, n: usize) -> &[usize] {
        self.slot
            .get(n)
            .copied()
            .flatten()
            .and_then(|s| self.hits.get(s))
            .map_or(&[], Vec::as_slice)
    }
}

/// Byte starts of every occurrence of `needle` in `text`, overlapping ones included.
fn find_each(text: &str, needle: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(needle)) {
        let at = from + i;
        found.push(at);
        let step = text
            .get(at..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8);
        from = at + step;
    }
    found
}
