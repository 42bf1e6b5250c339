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
//! 4. **Another letter case**: the quote and its context compared ignoring the case of ASCII
//!    letters (a headline set in capitals), the quote counting a tenth less than a verbatim
//!    one: [`Status::Fuzzy`].
//! 5. Otherwise [`Status::Orphaned`].
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

use serde::Serialize;

use super::{Anchor, CONTEXT};
use crate::document::{Chars, Document};

/// How an annotation was placed in the new text: the annotation model's own status.
pub use super::Status;

/// Where an annotation landed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Landing {
    /// How it was placed.
    pub status: Status,
    /// First character in the new text (0 when orphaned).
    pub start: Chars,
    /// One past the last character (0 when orphaned).
    pub end: Chars,
    /// Confidence from 0.0 to 1.0: the weighted agreement of quote, context and position.
    pub score: f64,
}

const ORPHANED: Landing = Landing {
    status: Status::Orphaned,
    start: Chars(0),
    end: Chars(0),
    score: 0.0,
};

/// Places one anchor in `doc`, the new text.
pub fn reanchor(doc: &Document, anchor: &Anchor) -> Landing {
    reanchor_all(doc, &[anchor]).pop().unwrap_or(ORPHANED)
}

/// Places many anchors in `doc`, one placement per anchor in the same order. Equivalent to
/// calling [`reanchor`] on each, but searches the text for all of them at once.
pub fn reanchor_all(doc: &Document, anchors: &[&Anchor]) -> Vec<Landing> {
    let text = Text {
        doc,
        text: doc.text(),
        chars: doc.char_len().get(),
    };
    if text.chars == 0 {
        return vec![ORPHANED; anchors.len()];
    }
    let mut placed = vec![None; anchors.len()];
    let searches: Vec<QuoteSearch> = anchors.iter().map(|a| QuoteSearch::new(&text, a)).collect();

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
            *slot = Some(c.landing());
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
        *slot = found.map(|c| c.landing());
    }

    // Step 4: the quote in another letter case, for what is still unplaced.
    let unplaced: Vec<usize> = (0..anchors.len())
        .filter(|&i| placed.get(i).is_some_and(Option::is_none))
        .collect();
    if !unplaced.is_empty() {
        for (&i, found) in unplaced
            .iter()
            .zip(caseless::find(&text, anchors, &unplaced))
        {
            if let Some(slot) = placed.get_mut(i) {
                *slot = found;
            }
        }
    }

    placed.into_iter().map(|p| p.unwrap_or(ORPHANED)).collect()
}

/// The new text, shared by all anchors of a batch.
struct Text<'a> {
    doc: &'a Document,
    text: &'a str,
    chars: usize,
}

mod caseless;
mod context;
mod myers;
mod score;
mod search;
pub mod through;

use context::Occurrences;
use score::Candidate;
use search::QuoteSearch;
pub use through::{Before, reanchor_through};

#[cfg(test)]
mod tests;
