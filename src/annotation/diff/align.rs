//! Pairing the paragraphs of a run of changed paragraphs before their words are compared, so
//! that a paragraph is compared with its own new version and not with a neighbour that happens
//! to share more words (an appended correction notice repeating the retracted wording).
//!
//! A dynamic programme over (old paragraphs, new paragraphs) chooses, in order, to pair one old
//! paragraph with one new one, one with two (split) or two with one (merged), or to leave one
//! unpaired (deleted or inserted). A pairing scores the words (letters and digits, ignoring
//! case) both sides share, less half of those only one side has, so it is made only where the
//! two sides are mostly the same words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Runs with more than this many (old x new) paragraph pairs are compared whole instead.
const LIMIT: usize = 1600;

/// One step of an alignment: `old` and `new` paragraphs taken, paired or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Step {
    pub(super) old: usize,
    pub(super) new: usize,
    pub(super) paired: bool,
}

/// Words counted by the hash of their lower-case letters: no word is copied or lower-cased
/// into a string of its own, and the hash is FNV-1a rather than SipHash (the words are the
/// brief's, compared with each other, not keys an attacker picks to fill a table).
type Bag = HashMap<u64, usize, BuildHasherDefault<Pass>>;

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct Pass(u64);

impl Hasher for Pass {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a of `word` in lower case.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

fn bag(lines: &[&str]) -> Bag {
    let mut words = Bag::default();
    for line in lines {
        for w in super::tokens::words(line)
            .into_iter()
            .filter(|w| w.chars().all(char::is_alphanumeric))
        {
            *words.entry(word_hash(w)).or_default() += 1;
        }
    }
    words
}

/// The words of one paragraph or of two in a row, counted once for every pairing tried.
struct Bags {
    /// `one[i]`: paragraph `i`; `two[i]`: paragraphs `i` and `i + 1`. With their totals.
    one: Vec<(Bag, usize)>,
    two: Vec<(Bag, usize)>,
}

impl Bags {
    fn of(lines: &[&str]) -> Self {
        let counted = |b: Bag| {
            let total = b.values().sum();
            (b, total)
        };
        Self {
            one: lines.iter().map(|l| counted(bag(&[l]))).collect(),
            two: lines.windows(2).map(|w| counted(bag(w))).collect(),
        }
    }

    /// The bag of `len` (1 or 2) paragraphs from `at`.
    fn get(&self, at: usize, len: usize) -> Option<&(Bag, usize)> {
        match len {
            1 => self.one.get(at),
            2 => self.two.get(at),
            _ => None,
        }
    }
}

fn score((a, ta): &(Bag, usize), (b, tb): &(Bag, usize)) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common: usize = small
        .iter()
        .map(|(w, n)| (*n).min(large.get(w).copied().unwrap_or(0)))
        .sum();
    let only = ta + tb - 2 * common;
    common as f64 - 0.5 * only as f64
}

/// The best alignment of `old` with `new`, or `None` when the run is too big to align.
pub(super) fn align(old: &[&str], new: &[&str]) -> Option<Vec<Step>> {
    let (m, n) = (old.len(), new.len());
    if m.saturating_mul(n) > LIMIT {
        return None;
    }
    let (bags_old, bags_new) = (Bags::of(old), Bags::of(new));
    let cell = |i: usize, j: usize| i * (n + 1) + j;
    let mut best = vec![f64::NEG_INFINITY; (m + 1) * (n + 1)];
    let mut from: Vec<Option<Step>> = vec![None; (m + 1) * (n + 1)];
    *best.get_mut(0)? = 0.0;
    let moves = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)];
    for i in 0..=m {
        for j in 0..=n {
            let here = *best.get(cell(i, j))?;
            if here == f64::NEG_INFINITY {
                continue;
            }
            for (di, dj) in moves {
                let (ti, tj) = (i + di, j + dj);
                if ti > m || tj > n {
                    continue;
                }
                let paired = di > 0 && dj > 0;
                let gain = if paired {
                    let s = score(bags_old.get(i, di)?, bags_new.get(j, dj)?);
                    if s <= 0.0 {
                        continue;
                    }
                    s
                } else {
                    0.0
                };
                let to = cell(ti, tj);
                if here + gain > *best.get(to)? {
                    *best.get_mut(to)? = here + gain;
                    *from.get_mut(to)? = Some(Step {
                        old: di,
                        new: dj,
                        paired,
                    });
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        let step = (*from.get(cell(i, j))?)?;
        steps.push(step);
        i -= step.old;
        j -= step.new;
    }
    steps.reverse();
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(old: &[&str], new: &[&str]) -> Vec<(usize, usize, bool)> {
        align(old, new)
            .unwrap()
            .into_iter()
            .map(|s| (s.old, s.new, s.paired))
            .collect()
    }

    #[test]
    fn a_paragraph_pairs_with_its_new_version_not_a_notice_repeating_it() {
        let got = pairs(
            &["the probe began on Tuesday after a complaint from rivals"],
            &[
                "the probe began on Wednesday after a complaint from rivals\n",
                "Correction: an earlier version said the probe began on Tuesday after a complaint from rivals",
            ],
        );
        assert_eq!(got, vec![(1, 1, true), (0, 1, false)]);
    }

    #[test]
    fn splits_merges_and_capitals_pair() {
        assert_eq!(
            pairs(&["a b c. d e f"], &["a b c.\n", "d e f"]),
            vec![(1, 2, true)]
        );
        assert_eq!(
            pairs(&["a b c.\n", "d e f"], &["a b c. d e f"]),
            vec![(2, 1, true)]
        );
        assert_eq!(
            pairs(&["Chip curbs widen"], &["CHIP CURBS WIDEN"]),
            vec![(1, 1, true)]
        );
    }

    #[test]
    fn rewritten_paragraphs_stay_unpaired() {
        let got = pairs(
            &["On day 0 the panel heard witness number 0 describe events in the port"],
            &["A later account: officials disputed what happened at berth 0 overnight"],
        );
        assert!(got.iter().all(|s| !s.2), "{got:?}");
    }
}
