//! Scoring candidates: the weights of quote, context and position, the minimum evidence by
//! quote length, and [`Candidate`], a scored place the quote might have gone.

use crate::document::Chars;
use std::cmp::Ordering;

use super::{CONTEXT, Landing, Status};

// Scoring, as in Hypothesis: the quote counts most, the context on each side less, and the
// position only breaks ties between equally good candidates (it is normalised by the length of
// the whole text, so it barely moves a score). Whether a candidate is acceptable at all is
// judged on the evidence alone (quote and context, out of 90): how far a passage moved says
// nothing about whether it is the right one, and counting it would make the same move
// acceptable in a long brief and not in a short one.
pub(super) const QUOTE_WEIGHT: f64 = 50.0;
pub(super) const PREFIX_WEIGHT: f64 = 20.0;
pub(super) const SUFFIX_WEIGHT: f64 = 20.0;
pub(super) const POSITION_WEIGHT: f64 = 2.0;
pub(super) const EVIDENCE_WEIGHT: f64 = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;
pub(super) const TOTAL_WEIGHT: f64 = EVIDENCE_WEIGHT + POSITION_WEIGHT;

/// Quotes shorter than this many characters are short: common words and numbers ("May", "1.5%",
/// "Linus") that occur by chance in unrelated text, so only their context can tell the right
/// occurrence from a wrong one.
pub(super) const SHORT_QUOTE: usize = 10;

/// Quotes at least this many characters long are long: a verbatim occurrence of that many
/// characters is as strong evidence as the whole stored context, so it is accepted even where
/// both sides changed (a highlighted paragraph that moved between other paragraphs).
pub(super) const LONG_QUOTE: usize = CONTEXT;

/// Minimum evidence for a short quote. With the quote verbatim, prefix and suffix similarity must
/// add up to 1.33: one side intact and a third of the other, or both two-thirds. The contexts of
/// two unrelated places in a generated brief (whose stock phrases make them more alike than real
/// prose) add up to 0.5 typically, 0.81 at the 99th percentile and 1.25 at the most in 3,000
/// samples, so a common word met by chance elsewhere stays orphaned even where it occurs
/// hundreds of times. With one edit in a four-letter quote, both sides must be nearly intact (a
/// corrected figure in unchanged surroundings); quotes of three letters or fewer must be
/// verbatim.
pub(super) const MIN_EVIDENCE_SHORT: f64 = 0.85;

/// Minimum evidence for a medium quote (between [`SHORT_QUOTE`] and [`LONG_QUOTE`]). A verbatim
/// phrase needs context similarity adding up to 0.88 (above the 99th percentile for unrelated
/// places, see [`MIN_EVIDENCE_SHORT`]), i.e. one side recognisably the same, so a stock phrase
/// ("interest rates") is not claimed by another sentence; a phrase that occurs by chance is
/// rarer than a short word, so the bar is lower. An edited phrase needs good context, and more
/// of it the more the quote changed.
pub(super) const MIN_EVIDENCE_MEDIUM: f64 = 0.75;

/// Minimum evidence for a long quote. Low enough that a passage with up to half its characters
/// edited is found in its old surroundings, and one with a third edited where one side of its
/// context survives; high enough that a different sentence built the same way ("the central
/// bank raised rates by 25 basis points" for "the central bank of Brazil cut rates by 50 basis
/// points", about 0.58) is not taken for it.
pub(super) const MIN_EVIDENCE_LONG: f64 = 0.65;

/// A place the quote might have gone, with its score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) status: Status,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Edit distance between the quote and the text there, in characters.
    pub(super) distance: usize,
    /// Weighted agreement of quote and context, 0-1: decides acceptance.
    pub(super) evidence: f64,
    /// `evidence` with closeness to the old start: decides between candidates.
    pub(super) score: f64,
    /// Distance from the old start, for ties.
    pub(super) offset: usize,
}

impl Candidate {
    pub(super) fn landing(self) -> Landing {
        Landing {
            status: self.status,
            start: Chars(self.start),
            end: Chars(self.end),
            score: self.score.clamp(0.0, 1.0),
        }
    }

    /// Higher score first; then nearer the old position, then earlier, so that the choice never
    /// depends on the order candidates were found in.
    pub(super) fn beats(&self, other: &Candidate) -> bool {
        let order = self
            .score
            .total_cmp(&other.score)
            .then_with(|| other.offset.cmp(&self.offset))
            .then_with(|| other.start.cmp(&self.start));
        order == Ordering::Greater
    }
}
