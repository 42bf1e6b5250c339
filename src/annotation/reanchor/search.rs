//! The search for one anchor: its quote at the old position, verbatim elsewhere, and
//! approximately near the old position, near its surviving context or in the whole text.

use super::context::Side;
use super::myers::{Pattern, scan};
use super::score::{
    Candidate, EVIDENCE_WEIGHT, LONG_QUOTE, MIN_EVIDENCE_LONG, MIN_EVIDENCE_MEDIUM,
    MIN_EVIDENCE_SHORT, POSITION_WEIGHT, PREFIX_WEIGHT, QUOTE_WEIGHT, SHORT_QUOTE, SUFFIX_WEIGHT,
    TOTAL_WEIGHT,
};
use super::{Anchor, Landing, Status, Text};
use crate::document::Chars;

/// Characters either side of the expected end searched approximately before the whole text: a
/// few hundred scattered corrections shift text by about this much.
pub(super) const WINDOW: usize = 4096;

/// At most this many occurrences of a stored context (the nearest to the old position) become
/// search regions, so that boilerplate context cannot make the search slow.
pub(super) const CONTEXT_HITS: usize = 8;

/// Characters of leeway around where a found context says the quote should be.
pub(super) const SLOP: usize = 8;

/// One anchor's compiled patterns and thresholds.
pub(super) struct QuoteSearch<'a> {
    text: &'a Text<'a>,
    anchor: &'a Anchor,
    /// Length of the quote in characters.
    pub(super) len: usize,
    /// Where the quote used to start, clamped to the new text.
    hint: usize,
    /// The least evidence to accept a candidate.
    min_evidence: f64,
    /// The largest edit distance that can still reach `min_evidence`.
    pub(super) max_distance: usize,
    quote: Pattern,
    /// The quote backwards, to find where an approximate match starts.
    reversed: Pattern,
    pub(super) prefix: Side<'a>,
    pub(super) suffix: Side<'a>,
}

impl<'a> QuoteSearch<'a> {
    pub(super) fn new(text: &'a Text<'a>, anchor: &'a Anchor) -> Self {
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
            hint: anchor.start.get().min(text.chars),
            min_evidence,
            max_distance,
            quote: Pattern::new(&chars),
            reversed: Pattern::new(&backwards),
            prefix: Side::new(&anchor.prefix, true),
            suffix: Side::new(&anchor.suffix, false),
        }
    }

    /// Step 1: the quote where it was, with context that does not contradict it.
    pub(super) fn at_position(&self) -> Option<Landing> {
        let a = self.anchor;
        if a.start > a.end || a.end.get() > self.text.chars {
            return None;
        }
        let bytes = self.text.doc.byte_offset(a.start)..self.text.doc.byte_offset(a.end);
        if self.text.text.get(bytes.clone()) != Some(a.quote.as_str()) {
            return None;
        }
        let mut c = self.candidate(0, a.start.get(), (bytes.start, bytes.end), None, None)?;
        c.status = Status::Exact;
        self.acceptable(&c).then(|| c.landing())
    }

    /// Step 2: the best acceptable verbatim occurrence among those starting at bytes `starts`.
    pub(super) fn best_exact(&self, starts: &[usize]) -> Option<Candidate> {
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
            let start = self.text.doc.char_offset(byte).get();
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
    pub(super) fn decisive(&self, c: &Candidate) -> bool {
        self.acceptable(c) && (self.max_distance == 0 || c.score >= self.bound(1, 1.0).1)
    }

    fn acceptable(&self, c: &Candidate) -> bool {
        (c.distance == 0 && self.len >= LONG_QUOTE) || c.evidence >= self.min_evidence
    }

    /// Step 3: the best acceptable candidate among `exact` and the approximate matches near the
    /// old position and near occurrences of the stored prefix and suffix; failing that, in the
    /// whole text.
    pub(super) fn approximate(
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
            .map(|&b| self.text.doc.char_offset(b + skip).get())
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
        let begin = doc.byte_offset(Chars(first));
        let Some(slice) = self.text.text.get(begin..doc.byte_offset(Chars(to))) else {
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
