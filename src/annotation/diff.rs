//! What changed between two normalised texts: a word-level diff with character refinement,
//! computed paragraph by paragraph so that a long brief with a few hundred edits costs little
//! more than reading it. Pure: two strings in, character ranges out.
//!
//! Three passes, each only where the one before found a difference:
//! 1. **Paragraphs** (lines with their `\n`) are compared whole with Myers' diff; runs of
//!    changed paragraphs are the *groups*. Inside a group, old and new paragraphs are paired by
//!    the words they share (one with one, one split in two, two merged in one), so each is
//!    compared with its own new version.
//! 2. Inside each pairing, **words** (runs of letters and digits, runs of whitespace, and every
//!    other character alone) are compared. An unchanged stretch shorter than the changes on
//!    both sides of it ("the" between two rewritten clauses) is folded into them, so a rewritten
//!    sentence reads as one replacement rather than a confetti of coincidences. These word-level
//!    changes are what `gloss diff` and the diff view show.
//! 3. Each replaced run of words is compared **character by character** when the two sides are
//!    at least half alike (`Okafur` -> `Okafor`, `Tuesday` -> `Wednesday`); the result maps every
//!    old character that survived to its new place, which is what carries annotations through.

mod align;
mod tokens;

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices, diff_ratio};

use tokens::{Pieces, count};

/// Two sides of a replaced run of words are compared character by character only when at least
/// this alike (similar's ratio: twice the common characters over both lengths).
const REFINE_RATIO: f32 = 0.5;

/// A stretch of the old text and where it is in the new one, in characters: equal (same text)
/// or changed (deleted, inserted or replaced). Consecutive ops cover both texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Op {
    /// Characters of the old text.
    pub old: Range<usize>,
    /// Characters of the new text.
    pub new: Range<usize>,
    /// True when both hold the same text.
    pub equal: bool,
}

/// What a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// New text where there was none.
    Insert,
    /// Old text gone.
    Delete,
    /// Old text replaced by new.
    Replace,
}

/// One word-level change, for showing: character ranges of the old and the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What it did.
    pub kind: Kind,
    /// Characters of the old text (empty for an insertion, at the place it went in).
    pub old: Range<usize>,
    /// Characters of the new text (empty for a deletion).
    pub new: Range<usize>,
}

/// The differences between an old text and a new one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextDiff {
    /// Fine ops (character-refined), covering both texts in order.
    ops: Vec<Op>,
    /// Word-level changes, in order.
    changes: Vec<Change>,
    /// Runs of changed paragraphs, in order.
    groups: Vec<Op>,
}

impl TextDiff {
    /// The diff from `old` to `new`.
    pub fn between(old: &str, new: &str) -> Self {
        Self::between_with(old, new, &mut |_, _| {})
    }

    /// [`between`](Self::between), telling `progress` (done, all) in characters of the old
    /// text as the changed paragraphs are compared word by word.
    pub fn between_with(old: &str, new: &str, progress: &mut dyn FnMut(usize, usize)) -> Self {
        let mut b = Self::default();
        let lo = Pieces::lines(old, 0);
        let ln = Pieces::lines(new, 0);
        let all = lo.at(lo.pieces.len());
        progress(0, all);
        for op in capture_diff_slices(Algorithm::Myers, &lo.pieces, &ln.pieces) {
            let (tag, o, n) = op.as_tag_tuple();
            let oc = lo.at(o.start)..lo.at(o.end);
            let nc = ln.at(n.start)..ln.at(n.end);
            progress(oc.start, all);
            match tag {
                DiffTag::Equal => b.push(oc, nc, true),
                DiffTag::Delete | DiffTag::Insert => {
                    b.groups.push(op_of(oc.clone(), nc.clone(), false));
                    b.change(oc.clone(), nc.clone());
                    b.push(oc, nc, false);
                }
                DiffTag::Replace => {
                    b.groups.push(op_of(oc.clone(), nc.clone(), false));
                    let steps = lo
                        .pieces
                        .get(o.clone())
                        .zip(ln.pieces.get(n.clone()))
                        .and_then(|(a, b)| align::align(a, b));
                    let whole = [align::Step {
                        old: o.len(),
                        new: n.len(),
                        paired: true,
                    }];
                    let (mut i, mut j) = (o.start, n.start);
                    for step in steps.as_deref().unwrap_or(&whole) {
                        let (ti, tj) = (i + step.old, j + step.new);
                        let oc = lo.at(i)..lo.at(ti);
                        let nc = ln.at(j)..ln.at(tj);
                        if step.paired {
                            let old = old.get(lo.byte(i)..lo.byte(ti)).unwrap_or("");
                            let new = new.get(ln.byte(j)..ln.byte(tj)).unwrap_or("");
                            b.words(old, new, oc.start, nc.start);
                        } else {
                            b.change(oc.clone(), nc.clone());
                            b.push(oc, nc, false);
                        }
                        (i, j) = (ti, tj);
                    }
                }
            }
        }
        progress(all, all);
        b
    }

    /// The fine ops, covering both texts.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// The word-level changes.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The op holding old character `at` (the last op for the end of the text).
    pub fn op_at(&self, at: usize) -> Option<&Op> {
        let i = self.ops.partition_point(|op| op.old.end <= at);
        self.ops.get(i).or_else(|| self.ops.last())
    }

    /// The new character range of old `range` when all of it is unchanged.
    pub fn untouched(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let op = self.op_at(range.start)?;
        (op.equal && op.old.start <= range.start && range.end <= op.old.end).then(|| {
            let start = op.new.start + (range.start - op.old.start);
            start..start + range.len()
        })
    }

    /// Where old `range` went: from where its first character went (the start of a change's
    /// new side when that character changed) to where its last went (the end of that new side).
    pub fn map(&self, range: &Range<usize>) -> Range<usize> {
        let start = match self.op_at(range.start) {
            Some(op) if op.equal => op.new.start + range.start.saturating_sub(op.old.start),
            Some(op) => op.new.start,
            None => 0,
        };
        let last = range.end.saturating_sub(1).max(range.start);
        let end = match self.op_at(last) {
            Some(op) if op.equal => op.new.start + (last + 1).saturating_sub(op.old.start),
            Some(op) => op.new.end,
            None => 0,
        };
        start..end.max(start)
    }

    /// How many characters of old `range` survive unchanged.
    pub fn kept(&self, range: &Range<usize>) -> usize {
        let first = self.ops.partition_point(|op| op.old.end <= range.start);
        self.ops
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|op| op.old.start < range.end)
            .filter(|op| op.equal)
            .map(|op| op.old.end.min(range.end) - op.old.start.max(range.start))
            .sum()
    }

    /// The new side of the changed paragraphs that old `range` lies in, when it lies in some.
    pub fn group_of(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let first = self.groups.partition_point(|g| g.old.end <= range.start);
        let touched: Vec<&Op> = self
            .groups
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|g| g.old.start < range.end.max(range.start + 1))
            .collect();
        Some(touched.first()?.new.start..touched.last()?.new.end)
    }

    /// Indexes of the changes that touch old `range`: overlap it, or insert inside it.
    pub fn touching_old(&self, range: &Range<usize>) -> Vec<usize> {
        self.touching(range, |c| &c.old)
    }

    /// Indexes of the changes that touch new `range`.
    pub fn touching_new(&self, range: &Range<usize>) -> Vec<usize> {
        self.touching(range, |c| &c.new)
    }

    fn touching(
        &self,
        range: &Range<usize>,
        side: impl Fn(&Change) -> &Range<usize>,
    ) -> Vec<usize> {
        let first = self.changes.partition_point(|c| side(c).end < range.start);
        (first..self.changes.len())
            .take_while(|&i| {
                self.changes
                    .get(i)
                    .is_some_and(|c| side(c).start <= range.end)
            })
            .filter(|&i| {
                self.changes.get(i).is_some_and(|c| {
                    let r = side(c);
                    if r.is_empty() {
                        range.start < r.start && r.start < range.end
                    } else {
                        r.start < range.end && range.start < r.end
                    }
                })
            })
            .collect()
    }

    /// Compares the words of one run of changed paragraphs, `old` starting at character `ob` of
    /// the old text and `new` at `nb` of the new.
    fn words(&mut self, old: &str, new: &str, ob: usize, nb: usize) {
        let wo = Pieces::words(old, ob);
        let wn = Pieces::words(new, nb);
        let mut spans: Vec<(Range<usize>, Range<usize>, bool)> =
            capture_diff_slices(Algorithm::Myers, &wo.pieces, &wn.pieces)
                .iter()
                .map(|op| {
                    let (tag, o, n) = op.as_tag_tuple();
                    (o, n, tag == DiffTag::Equal)
                })
                .collect();
        fold_coincidences(&mut spans, &wo, &wn);
        for (o, n, equal) in spans {
            let oc = wo.at(o.start)..wo.at(o.end);
            let nc = wn.at(n.start)..wn.at(n.end);
            if equal {
                self.push(oc, nc, true);
                continue;
            }
            self.change(oc.clone(), nc.clone());
            let old = old.get(wo.byte(o.start)..wo.byte(o.end)).unwrap_or("");
            let new = new.get(wn.byte(n.start)..wn.byte(n.end)).unwrap_or("");
            self.refine(old, new, oc, nc);
        }
    }

    /// One replaced run of words, character by character when alike enough.
    fn refine(&mut self, old: &str, new: &str, oc: Range<usize>, nc: Range<usize>) {
        if old.is_empty() || new.is_empty() {
            return self.push(oc, nc, false);
        }
        let a: Vec<char> = old.chars().collect();
        let b: Vec<char> = new.chars().collect();
        let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
        if diff_ratio(&ops, a.len(), b.len()) < REFINE_RATIO {
            return self.push(oc, nc, false);
        }
        for op in ops {
            let (tag, o, n) = op.as_tag_tuple();
            let o = oc.start + o.start..oc.start + o.end;
            let n = nc.start + n.start..nc.start + n.end;
            self.push(o, n, tag == DiffTag::Equal);
        }
    }

    /// Appends a fine op, merged with the last when both are of a kind and touch.
    fn push(&mut self, old: Range<usize>, new: Range<usize>, equal: bool) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(last) = self.ops.last_mut()
            && last.equal == equal
            && last.old.end == old.start
            && last.new.end == new.start
        {
            last.old.end = old.end;
            last.new.end = new.end;
            return;
        }
        self.ops.push(op_of(old, new, equal));
    }

    /// Appends a word-level change, merged with the last when they touch.
    fn change(&mut self, old: Range<usize>, new: Range<usize>) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(last) = self.changes.last_mut()
            && last.old.end == old.start
            && last.new.end == new.start
        {
            last.old.end = old.end;
            last.new.end = new.end;
            last.kind = kind(&last.old, &last.new);
            return;
        }
        self.changes.push(Change {
            kind: kind(&old, &new),
            old,
            new,
        });
    }
}

fn op_of(old: Range<usize>, new: Range<usize>, equal: bool) -> Op {
    Op { old, new, equal }
}

fn kind(old: &Range<usize>, new: &Range<usize>) -> Kind {
    match (old.is_empty(), new.is_empty()) {
        (true, _) => Kind::Insert,
        (_, true) => Kind::Delete,
        _ => Kind::Replace,
    }
}

/// Folds each unchanged stretch of words and spaces at most half as long as the changes on both
/// sides of it into them (diff-match-patch's semantic clean-up, stricter: punctuation between
/// two corrected words, as in `Tuesday, Okafur`, stays unchanged), until none is left.
fn fold_coincidences(
    spans: &mut Vec<(Range<usize>, Range<usize>, bool)>,
    wo: &Pieces<'_>,
    wn: &Pieces<'_>,
) {
    let has_punctuation = |s: &(Range<usize>, Range<usize>, bool)| {
        wo.pieces.get(s.0.clone()).is_none_or(|p| {
            p.iter().any(|w| {
                w.chars()
                    .any(|c| !c.is_alphanumeric() && !c.is_whitespace())
            })
        })
    };
    let blank = |s: &(Range<usize>, Range<usize>, bool)| {
        wo.pieces
            .get(s.0.clone())
            .is_some_and(|p| p.iter().all(|w| w.chars().all(char::is_whitespace)))
    };
    let one_sided = |s: &(Range<usize>, Range<usize>, bool)| s.0.is_empty() || s.1.is_empty();
    let chars = |s: &(Range<usize>, Range<usize>, bool)| {
        let o = wo.at(s.0.end) - wo.at(s.0.start);
        let n = wn.at(s.1.end) - wn.at(s.1.start);
        o.max(n)
    };
    loop {
        let mut folded = false;
        let mut i = 1;
        while i + 1 < spans.len() {
            let (Some(before), Some(here), Some(after)) =
                (spans.get(i - 1), spans.get(i), spans.get(i + 1))
            else {
                break;
            };
            let small =
                2 * chars(here) <= chars(before).min(chars(after)) && !has_punctuation(here);
            // A space between an insertion and a deletion is where Myers' diff happened to
            // slide them apart (`5{+%+} [-percent -]of`).
            let slid = blank(here) && (one_sided(before) || one_sided(after));
            if here.2 && !before.2 && !after.2 && (small || slid) {
                let merged = (
                    before.0.start..after.0.end,
                    before.1.start..after.1.end,
                    false,
                );
                spans.splice(i - 1..=i + 1, [merged]);
                folded = true;
            } else {
                i += 1;
            }
        }
        // Changes left side by side after folding are one change.
        let mut j = 1;
        while j < spans.len() {
            if let (Some(a), Some(b)) = (spans.get(j - 1), spans.get(j))
                && !a.2
                && !b.2
            {
                let merged = (a.0.start..b.0.end, a.1.start..b.1.end, false);
                spans.splice(j - 1..=j, [merged]);
                folded = true;
            } else {
                j += 1;
            }
        }
        if !folded {
            break;
        }
    }
}

/// Characters in `text`.
pub fn chars(text: &str) -> usize {
    count(text)
}

#[cfg(test)]
mod tests;
