//! Re-anchoring through a diff: when the text the annotations were placed on is at hand, each
//! annotation is carried through the changes between it and the text now, rather than looked
//! for. The quote search stays the fallback where the diff is unsure, and checks it elsewhere.
//!
//! What the diff says of one annotation ([`Verdict`]):
//! - **untouched**: every character of it survived in one unchanged stretch: it moves with that
//!   stretch (`exact` when its offsets did not change, else `moved`).
//! - **edited**: some of it changed. Before anything else its quote is looked for in the
//!   changed paragraphs it lies in, verbatim (a headline whose phrases were reordered: `moved`)
//!   and then ignoring letter case (a headline set in capitals: `fuzzy` on the new letters).
//!   Otherwise it goes where its first and last characters went: `fuzzy` on exactly the edited
//!   span, with the old quote kept. The diff is sure of that when at least half the quote
//!   survived, or when the text either side of it did (one word replaced between unchanged
//!   neighbours: `Tuesday` -> `Wednesday`); else it leaves the annotation to the search.
//! - **deleted**: nothing of it is left: `orphaned`.
//!
//! The two never silently disagree. Where the search is sure too (score of at least
//! [`SURE`]) but lands somewhere the diff did not, the annotation goes where the diff put it and
//! is marked `fuzzy` for review; a deleted quote the search is sure it found elsewhere (a
//! paragraph moved: its quote verbatim elsewhere, or verbatim with the 8 characters either
//! side of it when the brief is too short for the search to be sure) goes there as `fuzzy`. A
//! quote the search finds only with weak context, such as the retracted wording repeated in an
//! appended correction notice, never pulls a highlight away from where the diff carried it.

use std::ops::Range;

use super::{Anchor, Landing, ORPHANED, Status, reanchor_all};
use crate::annotation::diff::{TextDiff, chars};
use crate::document::{Chars, Document};

/// A search landing at least this sure is evidence the diff must agree with.
pub const SURE: f64 = 0.9;

/// Characters either side of an edited quote that, unchanged, make the diff sure of its place.
const NEIGHBOURS: usize = 8;

/// A changed paragraph run longer than this many characters is not searched for a quote that
/// moved inside it (the search does that).
const GROUP_SEARCH: usize = 1 << 16;

/// The text annotations were placed on, and its diff to the text now.
#[derive(Debug, Clone, PartialEq)]
pub struct Before {
    text: String,
    diff: TextDiff,
    /// Byte offset of every [`STEP`]th character of `text`.
    index: Vec<usize>,
}

const STEP: usize = 256;

impl Before {
    /// `old`, the text as it was, compared with `new`, the text now.
    pub fn new(old: String, new: &str) -> Self {
        Self::new_with(old, new, &mut |_, _| {})
    }

    /// [`new`](Self::new), telling `progress` (done, all) as the diff goes.
    pub fn new_with(old: String, new: &str, progress: &mut dyn FnMut(usize, usize)) -> Self {
        let diff = TextDiff::between_with(&old, new, progress);
        let index = old.char_indices().step_by(STEP).map(|(i, _)| i).collect();
        Self {
            text: old,
            diff,
            index,
        }
    }

    /// The old text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The diff from the old text to the new.
    pub fn diff(&self) -> &TextDiff {
        &self.diff
    }

    /// The old text of characters `range`, if the text is that long.
    pub fn slice(&self, range: &Range<usize>) -> Option<&str> {
        let start = self.byte(range.start)?;
        let end = self.byte(range.end)?;
        self.text.get(start..end)
    }

    fn byte(&self, at: usize) -> Option<usize> {
        let from = *self.index.get(at / STEP)?;
        let rest = self.text.get(from..)?;
        let skip = at % STEP;
        if skip == 0 {
            return Some(from);
        }
        rest.char_indices()
            .nth(skip)
            .map(|(i, _)| from + i)
            .or_else(|| (chars(rest) == skip).then_some(self.text.len()))
    }
}

/// What the diff says of one annotation.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The stored offsets do not hold the quote in the old text: the diff cannot say.
    Unknown,
    /// All of it unchanged, now at these characters.
    Untouched(Range<usize>),
    /// Some of it changed: now at these characters, as `status` (moved when found verbatim in
    /// its changed paragraphs, else fuzzy), and whether the diff is sure of it.
    Edited {
        /// Where it is now.
        range: Range<usize>,
        /// `Moved` or `Fuzzy`.
        status: Status,
        /// True when the diff alone can place it.
        sure: bool,
    },
    /// All of it deleted.
    Deleted,
}

/// What the diff says of `anchor`, placed on `before`'s old text, in `new`.
pub fn verdict(before: &Before, new: &Document, anchor: &Anchor) -> Verdict {
    let range = anchor.start.get()..anchor.end.get();
    if anchor.quote.is_empty() || before.slice(&range) != Some(anchor.quote.as_str()) {
        return Verdict::Unknown;
    }
    let diff = before.diff();
    if let Some(now) = diff.untouched(&range) {
        return Verdict::Untouched(now);
    }
    let mapped = trim(before, new, &range, diff.map(&range));
    if let Some(group) = diff.group_of(&range)
        && let Some(scope) = paragraphs(new, &mapped, &group)
        && let Some((found, status)) = find_in(new, &scope, &anchor.quote, mapped.start)
    {
        return Verdict::Edited {
            range: found,
            status,
            sure: true,
        };
    }
    if mapped.is_empty() {
        return Verdict::Deleted;
    }
    let len = range.len();
    let kept = diff.kept(&range);
    let half = 2 * kept >= len.max(mapped.len());
    let before_side = range.start.saturating_sub(NEIGHBOURS)..range.start;
    let after_end = (range.end + NEIGHBOURS).min(chars(before.text()));
    let after_side = range.end..after_end;
    let neighbours = diff.kept(&before_side) == before_side.len()
        && diff.kept(&after_side) == after_side.len()
        && mapped.len() <= 3 * len + 20;
    Verdict::Edited {
        range: mapped,
        status: Status::Fuzzy,
        sure: half || neighbours,
    }
}

/// `mapped` narrowed where an end of `range` falls inside a change and the part of the change
/// outside the annotation is the same on both sides (`5 percent of` -> `5% of`: an annotation
/// ending after `percent` ends after `%`, not after the space that follows).
fn trim(
    before: &Before,
    doc: &Document,
    range: &Range<usize>,
    mut mapped: Range<usize>,
) -> Range<usize> {
    let diff = before.diff();
    let new_text = |r: Range<usize>| {
        doc.text()
            .get(doc.byte_offset(Chars(r.start))..doc.byte_offset(Chars(r.end)))
            .unwrap_or("")
    };
    if let Some(op) = diff
        .op_at(range.end.saturating_sub(1))
        .filter(|op| !op.equal)
        && range.end < op.old.end
        && mapped.end == op.new.end
        && let Some(tail) = before.slice(&(range.end..op.old.end))
        && new_text(op.new.clone()).ends_with(tail)
    {
        mapped.end = (op.new.end - chars(tail)).max(mapped.start);
    }
    if let Some(op) = diff.op_at(range.start).filter(|op| !op.equal)
        && op.old.start < range.start
        && mapped.start == op.new.start
        && let Some(head) = before.slice(&(op.old.start..range.start))
        && new_text(op.new.clone()).starts_with(head)
    {
        mapped.start = (op.new.start + chars(head)).min(mapped.end);
    }
    mapped
}

/// The new paragraphs that characters `mapped` lie in, within `group`: where a quote that moved
/// inside its paragraph (a reordered headline) is looked for. Not the whole group, which may
/// hold an appended notice repeating the old wording.
fn paragraphs(doc: &Document, mapped: &Range<usize>, group: &Range<usize>) -> Option<Range<usize>> {
    let block = |at: usize| {
        let b = doc.blocks().get(doc.block_at(doc.byte_offset(Chars(at))))?;
        Some(doc.char_offset(b.range().start).get()..doc.char_offset(b.range().end).get())
    };
    let first = block(mapped.start)?;
    let last = block(mapped.end.saturating_sub(1).max(mapped.start))?;
    let start = first.start.max(group.start);
    let end = last.end.min(group.end).max(start);
    Some(start..end)
}

/// The quote in the new characters `group`, verbatim (`Moved`) or ignoring case (`Fuzzy`), the
/// occurrence nearest `near` first.
fn find_in(
    doc: &Document,
    group: &Range<usize>,
    quote: &str,
    near: usize,
) -> Option<(Range<usize>, Status)> {
    if group.len() > GROUP_SEARCH {
        return None;
    }
    let start = doc.byte_offset(Chars(group.start));
    let text = doc.text().get(start..doc.byte_offset(Chars(group.end)))?;
    let len = chars(quote);
    let nearest = |hits: Vec<usize>| {
        hits.into_iter()
            .map(|c| group.start + c)
            .min_by_key(|&c| (c.abs_diff(near), c))
    };
    let verbatim: Vec<usize> = text
        .match_indices(quote)
        .map(|(i, _)| chars(text.get(..i).unwrap_or("")))
        .collect();
    if let Some(at) = nearest(verbatim) {
        return Some((at..at + len, Status::Moved));
    }
    let hay: Vec<char> = text.chars().collect();
    let needle: Vec<char> = quote.chars().collect();
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let caseless: Vec<usize> = (0..=hay.len().saturating_sub(len))
        .filter(|&i| {
            hay.get(i..i + len)
                .is_some_and(|w| w.iter().zip(&needle).all(|(&a, &b)| same(a, b)))
        })
        .collect();
    let at = nearest(caseless)?;
    Some((at..at + len, Status::Fuzzy))
}

/// True when the search is sure of `landing`.
pub fn sure(landing: &Landing) -> bool {
    landing.status != Status::Orphaned && landing.score >= SURE
}

/// Places anchors made on `before`'s old text in `doc`, the text now: through the diff, with
/// the search as fallback and check. One landing per anchor, in order.
pub fn reanchor_through(before: &Before, doc: &Document, anchors: &[&Anchor]) -> Vec<Landing> {
    let verdicts: Vec<Verdict> = anchors.iter().map(|a| verdict(before, doc, a)).collect();
    // Untouched quotes need no search: they are verbatim where their unchanged stretch went.
    let searched: Vec<usize> = (0..anchors.len())
        .filter(|&i| !matches!(verdicts.get(i), Some(Verdict::Untouched(_))))
        .collect();
    let wanted: Vec<&Anchor> = searched
        .iter()
        .filter_map(|&i| anchors.get(i).copied())
        .collect();
    let mut search: Vec<Option<Landing>> = vec![None; anchors.len()];
    for (&i, landing) in searched.iter().zip(reanchor_all(doc, &wanted)) {
        if let Some(slot) = search.get_mut(i) {
            *slot = Some(landing);
        }
    }
    verdicts
        .into_iter()
        .zip(anchors)
        .zip(search)
        .map(|((v, a), s)| {
            let s = s.unwrap_or(ORPHANED);
            if v == Verdict::Deleted && moved_whole(before, doc, a, &s) {
                // Deleted here and inserted there with its neighbours: text that moved.
                return Landing {
                    status: Status::Fuzzy,
                    ..s
                };
            }
            decide(&v, a, s)
        })
        .collect()
}

/// True when the search found `anchor`'s quote verbatim at `landing` with the
/// [`NEIGHBOURS`] characters either side of it in the old text unchanged around it there: a
/// sentence or paragraph the re-issue moved, which the diff sees as deleted and inserted
/// (short briefs give the search too little context to be [`SURE`] of it).
fn moved_whole(before: &Before, doc: &Document, anchor: &Anchor, landing: &Landing) -> bool {
    if !matches!(landing.status, Status::Exact | Status::Moved) {
        return false;
    }
    let (start, end) = (anchor.start.get(), anchor.end.get());
    let old_len = chars(before.text());
    let new_len = doc.char_len().get();
    let (at, to) = (landing.start.get(), landing.end.get());
    let new_text = |r: Range<usize>| {
        doc.text()
            .get(doc.byte_offset(Chars(r.start))..doc.byte_offset(Chars(r.end)))
    };
    let left = NEIGHBOURS.min(start).min(at);
    let right = NEIGHBOURS
        .min(old_len - end.min(old_len))
        .min(new_len - to.min(new_len));
    left + right > 0
        && before.slice(&(start - left..start)) == new_text(at - left..at)
        && before.slice(&(end..end + right)) == new_text(to..to + right)
}

/// One annotation's landing from the diff's verdict and the search's landing.
pub fn decide(verdict: &Verdict, anchor: &Anchor, search: Landing) -> Landing {
    let at = |r: &Range<usize>, status: Status, score: f64| Landing {
        status,
        start: Chars(r.start),
        end: Chars(r.end),
        score,
    };
    let elsewhere = |r: &Range<usize>| sure(&search) && !overlaps(&search, r);
    match verdict {
        Verdict::Unknown => search,
        // Rewritten beyond the diff's certainty: the search decides, but may not take it
        // elsewhere on an approximate match (a similar sentence in another paragraph).
        Verdict::Edited {
            range, sure: false, ..
        } => {
            if overlaps(&search, range) || search.status != Status::Fuzzy {
                search
            } else {
                ORPHANED
            }
        }
        Verdict::Untouched(r) => {
            let status = if r.start == anchor.start.get() {
                Status::Exact
            } else {
                Status::Moved
            };
            at(r, status, 1.0)
        }
        Verdict::Edited { range, .. } if elsewhere(range) => {
            at(range, Status::Fuzzy, search.score.min(0.5))
        }
        Verdict::Edited { range, status, .. } => {
            let score = if *status == Status::Moved { 0.95 } else { 0.8 };
            at(range, *status, score)
        }
        Verdict::Deleted if sure(&search) && search.status != Status::Fuzzy => Landing {
            status: Status::Fuzzy,
            ..search
        },
        Verdict::Deleted => ORPHANED,
    }
}

/// True when `landing` and `range` share a character (or are the same empty place).
pub fn overlaps(landing: &Landing, range: &Range<usize>) -> bool {
    let (s, e) = (landing.start.get(), landing.end.get());
    (s < range.end && range.start < e) || (s == range.start && e == range.end)
}
