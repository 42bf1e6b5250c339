//! Re-anchoring: finding each annotation again in a changed brief.
//!
//! When a brief is re-issued with corrections, every saved [`Anchor`] (character offsets, the
//! quoted text and up to [`CONTEXT`] characters either side) is placed again in the new text.
//! The steps follow Hypothesis's anchoring, made stricter about weak evidence because a highlight
//! attached to the wrong words misleads the reader, while an orphan is merely listed as lost:
//!
//! 1. **Position**: the quote is still at its offsets, and (if shorter than [`CONTEXT`]) its
//!    context does not contradict it: [`Status::Exact`].
//! 2. **Exact quote elsewhere**: every verbatim occurrence is scored by how well the text around
//!    it agrees with the stored prefix and suffix and by its closeness to the old offsets; the
//!    best: [`Status::Moved`].
//! 3. **Approximate quote**: Myers' bit-parallel algorithm finds the stretches of text within an
//!    edit distance of the quote, first near the old offsets and where the stored context still
//!    occurs verbatim, then (only if nothing acceptable turned up) in the whole text. Candidates
//!    are scored like Hypothesis's: quote similarity 50, prefix 20, suffix 20, closeness 2. The
//!    best: [`Status::Fuzzy`].
//! 4. Otherwise [`Status::Orphaned`].
//!
//! Every placement, whichever step finds it, must reach a minimum of evidence (agreement of quote
//! and context; the position only ranks candidates) that rises as the quote gets shorter,
//! because a short quote on its own says little about where it belongs: under 10 characters it
//! needs nearly all of its context, under 32 at least one side of it, and from 32 on a verbatim
//! occurrence is enough (see `MIN_EVIDENCE_SHORT` and its neighbours for the numbers). Short
//! quotes are looked for approximately only near the old offsets and their surviving context,
//! never in the whole text. All lengths and distances count characters (Unicode scalar values),
//! never bytes, so CJK and emoji text is judged like Latin text.
//!
//! Each anchor is placed on its own evidence: [`reanchor_all`] gives the same answer for an
//! anchor as [`reanchor`] does, whatever else is in the batch; the batch only shares the text
//! searches, so that a thousand anchors cost one pass over the text rather than a thousand.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::iter;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;

use super::{Anchor, CONTEXT};
use crate::document::Document;

/// How an annotation was placed in the new text: the annotation model's own status.
pub use super::Status;

/// Where an annotation landed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Placement {
    /// How it was placed.
    pub status: Status,
    /// First character in the new text (0 when orphaned).
    pub start: usize,
    /// One past the last character (0 when orphaned).
    pub end: usize,
    /// Confidence from 0.0 to 1.0: the weighted agreement of quote, context and position.
    pub score: f64,
}

const ORPHANED: Placement = Placement {
    status: Status::Orphaned,
    start: 0,
    end: 0,
    score: 0.0,
};

/// Places one anchor in `doc`, the new text.
pub fn reanchor(doc: &Document, anchor: &Anchor) -> Placement {
    reanchor_all(doc, &[anchor]).pop().unwrap_or(ORPHANED)
}

/// Places many anchors in `doc`, one placement per anchor in the same order. Equivalent to
/// calling [`reanchor`] on each, but searches the text for all of them at once.
pub fn reanchor_all(doc: &Document, anchors: &[&Anchor]) -> Vec<Placement> {
    let text = Text {
        doc,
        text: doc.text(),
        chars: doc.char_len(),
    };
    if text.chars == 0 {
        return vec![ORPHANED; anchors.len()];
    }
    let mut placed = vec![None; anchors.len()];
    let searches: Vec<Search> = anchors.iter().map(|a| Search::new(&text, a)).collect();

    // Step 1 is a string comparison per anchor; most anchors of a lightly edited brief that
    // come before the first edit stop here.
    for (slot, search) in placed.iter_mut().zip(&searches) {
        *slot = search.at_position();
    }

    // Step 2: one pass over the text finds every quote still unplaced.
    let pending: Vec<usize> = (0..searches.len())
        .filter(|&i| placed.get(i).is_some_and(Option::is_none))
        .filter(|&i| searches.get(i).is_some_and(|s| s.len > 0))
        .collect();
    let quotes: Vec<&str> = pending
        .iter()
        .filter_map(|&i| anchors.get(i).map(|a| a.quote.as_str()))
        .collect();
    let quote_hits = Occurrences::find(text.text, &quotes);
    let mut exact: Vec<Option<Candidate>> = vec![None; searches.len()];
    for (n, &i) in pending.iter().enumerate() {
        let (Some(search), Some(slot), Some(best)) =
            (searches.get(i), placed.get_mut(i), exact.get_mut(i))
        else {
            continue;
        };
        *best = search.best_exact(quote_hits.of(n));
        if let Some(c) = best.filter(|c| search.decisive(c)) {
            *slot = Some(c.placement());
        }
    }

    // Step 3: the approximate search, for the few anchors steps 1 and 2 did not settle. Their
    // stored contexts are looked up in one more pass, as places the quote may have moved to.
    let fuzzy: Vec<usize> = pending
        .iter()
        .copied()
        .filter(|&i| placed.get(i).is_some_and(Option::is_none))
        .collect();
    let mut contexts = Vec::with_capacity(fuzzy.len() * 2);
    for search in fuzzy.iter().map(|&i| searches.get(i)) {
        contexts.push(search.map_or("", |s| s.prefix.seed()));
        contexts.push(search.map_or("", |s| s.suffix.seed()));
    }
    let context_hits = Occurrences::find(text.text, &contexts);
    for (n, &i) in fuzzy.iter().enumerate() {
        let (Some(search), Some(slot)) = (searches.get(i), placed.get_mut(i)) else {
            continue;
        };
        let exact = exact.get(i).copied().flatten();
        let found = search.approximate(exact, context_hits.of(2 * n), context_hits.of(2 * n + 1));
        *slot = found.map(|c| c.placement());
    }

    placed.into_iter().map(|p| p.unwrap_or(ORPHANED)).collect()
}

// Scoring, as in Hypothesis: the quote counts most, the context on each side less, and the
// position only breaks ties between equally good candidates (it is normalised by the length of
// the whole text, so it barely moves a score). Whether a candidate is acceptable at all is
// judged on the evidence alone (quote and context, out of 90): how far a passage moved says
// nothing about whether it is the right one, and counting it would make the same move
// acceptable in a long brief and not in a short one.
const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
const EVIDENCE_WEIGHT: f64 = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;
const TOTAL_WEIGHT: f64 = EVIDENCE_WEIGHT + POSITION_WEIGHT;

/// Quotes shorter than this many characters are short: common words and numbers ("May", "1.5%",
/// "Linus") that occur by chance in unrelated text, so only their context can tell the right
/// occurrence from a wrong one.
const SHORT_QUOTE: usize = 10;

/// Quotes at least this many characters long are long: a verbatim occurrence of that many
/// characters is as strong evidence as the whole stored context, so it is accepted even where
/// both sides changed (a highlighted paragraph that moved between other paragraphs).
const LONG_QUOTE: usize = CONTEXT;

/// Minimum evidence for a short quote. With the quote verbatim, prefix and suffix similarity must
/// add up to 1.33: one side intact and a third of the other, or both two-thirds. The contexts of
/// two unrelated places in a generated brief (whose stock phrases make them more alike than real
/// prose) add up to 0.5 typically, 0.81 at the 99th percentile and 1.25 at the most in 3,000
/// samples, so a common word met by chance elsewhere stays orphaned even where it occurs
/// hundreds of times. With one edit in a four-letter quote, both sides must be nearly intact (a
/// corrected figure in unchanged surroundings); quotes of three letters or fewer must be
/// verbatim.
const MIN_EVIDENCE_SHORT: f64 = 0.85;

/// Minimum evidence for a medium quote (between [`SHORT_QUOTE`] and [`LONG_QUOTE`]). A verbatim
/// phrase needs context similarity adding up to 0.88 (above the 99th percentile for unrelated
/// places, see [`MIN_EVIDENCE_SHORT`]), i.e. one side recognisably the same, so a stock phrase
/// ("interest rates") is not claimed by another sentence; a phrase that occurs by chance is
/// rarer than a short word, so the bar is lower. An edited phrase needs good context, and more
/// of it the more the quote changed.
const MIN_EVIDENCE_MEDIUM: f64 = 0.75;

/// Minimum evidence for a long quote. Low enough that a passage with up to half its characters
/// edited is found in its old surroundings, and one with a third edited where one side of its
/// context survives; high enough that a different sentence built the same way ("the central
/// bank raised rates by 25 basis points" for "the central bank of Brazil cut rates by 50 basis
/// points", about 0.58) is not taken for it.
const MIN_EVIDENCE_LONG: f64 = 0.65;

/// Characters either side of the expected end searched approximately before the whole text: a
/// few hundred scattered corrections shift text by about this much.
const WINDOW: usize = 4096;

/// The part of a stored context inside the quote's paragraph is looked up verbatim only when it
/// has at least this many characters; shorter strings occur everywhere.
const CONTEXT_SEED: usize = 8;

/// At most this many occurrences of a stored context (the nearest to the old position) become
/// search regions, so that boilerplate context cannot make the search slow.
const CONTEXT_HITS: usize = 8;

/// Characters of leeway around where a found context says the quote should be.
const SLOP: usize = 8;

/// Stands for the edge of the text in context comparisons, so that a quote which started the
/// text only matches context that does too. The normalised text never holds NUL.
const EDGE: char = '\0';

/// The new text, shared by all anchors of a batch.
struct Text<'a> {
    doc: &'a Document,
    text: &'a str,
    chars: usize,
}

/// A place the quote might have gone, with its score.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    status: Status,
    start: usize,
    end: usize,
    /// Edit distance between the quote and the text there, in characters.
    distance: usize,
    /// Weighted agreement of quote and context, 0-1: decides acceptance.
    evidence: f64,
    /// `evidence` with closeness to the old start: decides between candidates.
    score: f64,
    /// Distance from the old start, for ties.
    offset: usize,
}

impl Candidate {
    fn placement(self) -> Placement {
        Placement {
            status: self.status,
            start: self.start,
            end: self.end,
            score: self.score.clamp(0.0, 1.0),
        }
    }

    /// Higher score first; then nearer the old position, then earlier, so that the choice never
    /// depends on the order candidates were found in.
    fn beats(&self, other: &Candidate) -> bool {
        let order = self
            .score
            .total_cmp(&other.score)
            .then_with(|| other.offset.cmp(&self.offset))
            .then_with(|| other.start.cmp(&self.start));
        order == Ordering::Greater
    }
}

/// One anchor's compiled patterns and thresholds.
struct Search<'a> {
    text: &'a Text<'a>,
    anchor: &'a Anchor,
    /// Length of the quote in characters.
    len: usize,
    /// Where the quote used to start, clamped to the new text.
    hint: usize,
    /// The least evidence to accept a candidate.
    min_evidence: f64,
    /// The largest edit distance that can still reach `min_evidence`.
    max_distance: usize,
    quote: Pattern,
    /// The quote backwards, to find where an approximate match starts.
    reversed: Pattern,
    prefix: Side<'a>,
    suffix: Side<'a>,
}

impl<'a> Search<'a> {
    fn new(text: &'a Text<'a>, anchor: &'a Anchor) -> Self {
        let chars: Vec<char> = anchor.quote.chars().collect();
        let len = chars.len();
        let min_evidence = if len < SHORT_QUOTE {
            MIN_EVIDENCE_SHORT
        } else if len < LONG_QUOTE {
            MIN_EVIDENCE_MEDIUM
        } else {
            MIN_EVIDENCE_LONG
        };
        // With perfect context, (50 (1 - d/len) + 40) / 90 >= min_evidence gives the distance d
        // beyond which no candidate can be accepted; half the quote is the most any candidate
        // may differ by, as in Hypothesis.
        let context = EVIDENCE_WEIGHT - QUOTE_WEIGHT;
        let reach = 1.0 - (EVIDENCE_WEIGHT * min_evidence - context) / QUOTE_WEIGHT;
        let max_distance = ((len as f64 * reach).floor().max(0.0) as usize).min(len / 2);
        let backwards: Vec<char> = chars.iter().rev().copied().collect();
        Self {
            text,
            anchor,
            len,
            hint: anchor.start.min(text.chars),
            min_evidence,
            max_distance,
            quote: Pattern::new(&chars),
            reversed: Pattern::new(&backwards),
            prefix: Side::new(&anchor.prefix, true),
            suffix: Side::new(&anchor.suffix, false),
        }
    }

    /// Step 1: the quote where it was, with context that does not contradict it.
    fn at_position(&self) -> Option<Placement> {
        let a = self.anchor;
        if a.start > a.end || a.end > self.text.chars {
            return None;
        }
        let bytes = self.text.doc.byte_offset(a.start)..self.text.doc.byte_offset(a.end);
        if self.text.text.get(bytes.clone()) != Some(a.quote.as_str()) {
            return None;
        }
        let mut c = self.candidate(0, a.start, (bytes.start, bytes.end), None, None)?;
        c.status = Status::Exact;
        self.acceptable(&c).then(|| c.placement())
    }

    /// Step 2: the best acceptable verbatim occurrence among those starting at bytes `starts`.
    fn best_exact(&self, starts: &[usize]) -> Option<Candidate> {
        let (text, quote) = (self.text.text, self.anchor.quote.len());
        // Cheap bounds first: a verbatim check settles a side exactly, a side that is not
        // verbatim is at least one edit off, and the position counts as perfect. Only
        // occurrences whose bound could still win have their context compared in full, so the
        // thousands of occurrences of a common word cost little more than string comparisons.
        let mut order = Vec::with_capacity(starts.len());
        for &byte in starts {
            let prefix = self.prefix.verbatim(text, byte).then_some(1.0);
            let suffix = self.suffix.verbatim(text, byte + quote).then_some(1.0);
            let (evidence, bound) = self.weigh(
                0,
                prefix.unwrap_or(self.prefix.ceiling()),
                suffix.unwrap_or(self.suffix.ceiling()),
                1.0,
            );
            if self.len >= LONG_QUOTE || evidence >= self.min_evidence {
                order.push((bound, byte, prefix, suffix));
            }
        }
        let mut best: Option<Candidate> = None;
        let consider = |best: &mut Option<Candidate>, (_, byte, prefix, suffix)| {
            let start = self.text.doc.char_offset(byte);
            let c = self.candidate(0, start, (byte, byte + quote), prefix, suffix);
            if let Some(c) = c.filter(|c| self.acceptable(c))
                && best.is_none_or(|b| c.beats(&b))
            {
                *best = Some(c);
            }
        };
        // The highest bounds (usually the one occurrence with its context intact) first; then
        // only what could still beat them needs sorting.
        let top = order.iter().map(|o| o.0).fold(f64::NEG_INFINITY, f64::max);
        let (first, mut rest): (Vec<_>, Vec<_>) = order.into_iter().partition(|o| o.0 >= top);
        for o in first {
            consider(&mut best, o);
        }
        rest.retain(|o| best.is_none_or(|b| o.0 >= b.score));
        rest.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for o in rest {
            if best.is_some_and(|b| o.0 < b.score) {
                break;
            }
            consider(&mut best, o);
        }
        best
    }

    /// True when `c` is acceptable and no approximate candidate could beat it even with perfect
    /// context, so the approximate search can be skipped.
    fn decisive(&self, c: &Candidate) -> bool {
        self.acceptable(c) && (self.max_distance == 0 || c.score >= self.bound(1, 1.0).1)
    }

    fn acceptable(&self, c: &Candidate) -> bool {
        (c.distance == 0 && self.len >= LONG_QUOTE) || c.evidence >= self.min_evidence
    }

    /// Step 3: the best acceptable candidate among `exact` and the approximate matches near the
    /// old position and near occurrences of the stored prefix and suffix; failing that, in the
    /// whole text.
    fn approximate(
        &self,
        exact: Option<Candidate>,
        prefix_hits: &[usize],
        suffix_hits: &[usize],
    ) -> Option<Candidate> {
        let exact = exact.filter(|c| self.acceptable(c));
        if self.max_distance == 0 {
            return exact;
        }
        let (len, k) = (self.len, self.max_distance);
        // Regions are ranges of possible end positions.
        let expected = self.hint + len;
        let mut regions = vec![(expected.saturating_sub(WINDOW), expected + WINDOW)];
        for start in self.nearest(prefix_hits, self.prefix.seed().len()) {
            let end = start + len;
            regions.push((end.saturating_sub(k + SLOP), end + k + SLOP));
        }
        for end in self.nearest(suffix_hits, 0) {
            regions.push((end.saturating_sub(SLOP), end + SLOP));
        }
        let mut found = Vec::new();
        for (from, to) in merge(regions, len + k) {
            self.collect(from, to, &mut found);
        }
        let best = self.choose(found, exact);
        // Short quotes are not looked for everywhere: they can only be accepted with almost
        // their whole context intact, and that context was already looked up verbatim.
        if best.is_some() || len < SHORT_QUOTE {
            return best;
        }
        let mut found = Vec::new();
        self.collect(0, self.text.chars, &mut found);
        self.choose(found, exact)
    }

    /// Character offsets just after each hit of a context `skip` bytes long (so: where a quote
    /// after a prefix starts, or where a quote before a suffix ends), the nearest to the old
    /// position first.
    fn nearest(&self, hits: &[usize], skip: usize) -> Vec<usize> {
        let mut at: Vec<usize> = hits
            .iter()
            .map(|&b| self.text.doc.char_offset(b + skip))
            .collect();
        at.sort_by_key(|&c| (c.abs_diff(self.hint), c));
        at.truncate(CONTEXT_HITS);
        at
    }

    /// Appends (distance, end char, end byte) for each local minimum of the edit distance at
    /// most `max_distance` (and above 0: step 2 scored the verbatim ones) whose end lies in
    /// `from..=to`.
    fn collect(&self, from: usize, to: usize, found: &mut Vec<(usize, usize, usize)>) {
        let to = to.min(self.text.chars);
        let first = from.saturating_sub(self.len + self.max_distance);
        let (doc, k) = (self.text.doc, self.max_distance);
        let begin = doc.byte_offset(first);
        let Some(slice) = self.text.text.get(begin..doc.byte_offset(to)) else {
            return;
        };
        let chars = slice
            .char_indices()
            .enumerate()
            .map(|(n, (i, c))| ((first + n + 1, begin + i + c.len_utf8()), c));
        // A distance is a candidate when neither neighbour is lower: the ends of a plateau
        // (an extra space either side, say) are all kept, and context picks between them.
        let mut before = usize::MAX;
        let mut held: Option<(usize, (usize, usize))> = None;
        let mut consider = |d: usize, at: (usize, usize), before: usize, after: usize| {
            if (1..=k).contains(&d) && d <= before && d <= after && at.0 >= from {
                found.push((d, at.0, at.1));
            }
        };
        scan(&self.quote, chars, false, |at, d| {
            if let Some((hd, hat)) = held {
                consider(hd, hat, before, d);
                before = hd;
            }
            held = Some((d, at));
            true
        });
        if let Some((hd, hat)) = held {
            consider(hd, hat, before, usize::MAX);
        }
    }

    /// Scores approximate matches, best distance first, stopping as soon as no later one could
    /// beat the best so far.
    fn choose(
        &self,
        mut found: Vec<(usize, usize, usize)>,
        mut best: Option<Candidate>,
    ) -> Option<Candidate> {
        let expected = self.hint + self.len;
        found.sort_by_key(|&(d, end, _)| (d, end.abs_diff(expected), end));
        // Neither acceptable nor better than the best so far, even with a perfect prefix.
        let hopeless = |(evidence, score): (f64, f64), best: Option<Candidate>| {
            evidence < self.min_evidence || best.is_some_and(|b| score < b.score)
        };
        for (d, end, end_byte) in found {
            if hopeless(self.bound(d, 1.0), best) {
                break;
            }
            let suffix = self.suffix.similarity(self.text.text, end_byte);
            for (distance, start, start_byte) in self.starts(end, end_byte) {
                if hopeless(self.bound(distance, suffix), best) {
                    break;
                }
                let bytes = (start_byte, end_byte);
                let c = self.candidate(distance, start, bytes, None, Some(suffix));
                if let Some(c) = c.filter(|c| self.acceptable(c))
                    && best.is_none_or(|b| c.beats(&b))
                {
                    best = Some(c);
                }
            }
        }
        best
    }

    /// Where a match ending at `end` might start: (distance, char, byte) for each local minimum
    /// of the distance over starts, best first. Not only the nearest start: one that takes in
    /// a few more changed characters can still win on prefix agreement ("raised its key
    /// interest rate" rather than "ts key interest rate" for "raised interest rates").
    fn starts(&self, end: usize, end_byte: usize) -> Vec<(usize, usize, usize)> {
        let before = self.text.text.get(..end_byte).unwrap_or("");
        let chars = before
            .char_indices()
            .rev()
            .take(self.len + self.max_distance)
            .enumerate()
            .map(|(n, (i, c))| ((end.saturating_sub(n + 1), i), c));
        let mut all: Vec<(usize, usize, usize)> = Vec::new();
        scan(&self.reversed, chars, true, |(start, byte), d| {
            all.push((d, start, byte));
            true
        });
        let k = self.max_distance;
        let mut starts: Vec<(usize, usize, usize)> = all
            .iter()
            .enumerate()
            .filter(|&(n, &(d, _, _))| {
                let below = |m: Option<usize>| m.and_then(|m| all.get(m)).is_none_or(|o| d <= o.0);
                d <= k && below(n.checked_sub(1)) && below(Some(n + 1))
            })
            .map(|(_, &s)| s)
            .collect();
        starts.sort_unstable_by_key(|&(d, start, _)| (d, std::cmp::Reverse(start)));
        starts
    }

    /// The candidate at `start` (chars) spanning `bytes`, scored; `prefix` and `suffix`
    /// similarity when already known.
    fn candidate(
        &self,
        distance: usize,
        start: usize,
        (start_byte, end_byte): (usize, usize),
        prefix: Option<f64>,
        suffix: Option<f64>,
    ) -> Option<Candidate> {
        let text = self.text.text;
        let matched = text.get(start_byte..end_byte)?;
        let end = start + matched.chars().count();
        let prefix = prefix.unwrap_or_else(|| self.prefix.similarity(text, start_byte));
        let suffix = suffix.unwrap_or_else(|| self.suffix.similarity(text, end_byte));
        let (evidence, score) = self.weigh(distance, prefix, suffix, self.position(start));
        let status = if distance == 0 {
            Status::Moved
        } else {
            Status::Fuzzy
        };
        Some(Candidate {
            status,
            start,
            end,
            distance,
            evidence,
            score,
            offset: start.abs_diff(self.hint),
        })
    }

    /// Closeness of `start` to the old start, 0-1, relative to the length of the text.
    fn position(&self, start: usize) -> f64 {
        1.0 - (start.abs_diff(self.hint) as f64 / self.text.chars.max(1) as f64).min(1.0)
    }

    /// Evidence and score from the quote's edit distance and the similarities.
    fn weigh(&self, distance: usize, prefix: f64, suffix: f64, position: f64) -> (f64, f64) {
        let evidence = QUOTE_WEIGHT * self.quote_similarity(distance)
            + PREFIX_WEIGHT * prefix
            + SUFFIX_WEIGHT * suffix;
        (
            evidence / EVIDENCE_WEIGHT,
            (evidence + POSITION_WEIGHT * position) / TOTAL_WEIGHT,
        )
    }

    fn quote_similarity(&self, distance: usize) -> f64 {
        if self.len == 0 {
            return 1.0;
        }
        1.0 - distance as f64 / self.len as f64
    }

    /// The best evidence and score a candidate at `distance` with this `suffix` similarity
    /// could reach.
    fn bound(&self, distance: usize, suffix: f64) -> (f64, f64) {
        self.weigh(distance, 1.0, suffix, 1.0)
    }
}

/// Sorted, merged ranges of end positions. Ranges closer than `lead` are merged because each
/// scan starts `lead` characters early anyway.
fn merge(mut regions: Vec<(usize, usize)>, lead: usize) -> Vec<(usize, usize)> {
    regions.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
    for (from, to) in regions {
        match merged.last_mut() {
            Some(last) if from <= last.1 + lead => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

mod context;
mod myers;

use context::{Occurrences, Side};

use myers::{Pattern, scan};

#[cfg(test)]
mod tests;
