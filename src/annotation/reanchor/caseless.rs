//! The last step of the search: the quote in another letter case (a headline set in
//! capitals), for anchors nothing else placed. ASCII letters only, so that every byte offset of
//! the lower-cased text is one of the text itself. Quote and context are compared ignoring case
//! and the quote counts a tenth less than a verbatim one, so such a candidate always scores
//! below an exact occurrence and is placed as `fuzzy`, for review.

use super::context::{Occurrences, Side};
use super::score::{
    EVIDENCE_WEIGHT, LONG_QUOTE, MIN_EVIDENCE_LONG, MIN_EVIDENCE_MEDIUM, MIN_EVIDENCE_SHORT,
    POSITION_WEIGHT, PREFIX_WEIGHT, QUOTE_WEIGHT, SHORT_QUOTE, SUFFIX_WEIGHT, TOTAL_WEIGHT,
};
use super::{Anchor, Landing, Status, Text};
use crate::document::Chars;

/// What a quote matching only when case is ignored counts for, against 1 for a verbatim one.
const CASELESS: f64 = 0.9;

/// Quotes shorter than this are not looked for ignoring case: they need their whole context,
/// which a change of case spoils as much as the quote.
const MIN_QUOTE: usize = 4;

/// For each of `pending` (indexes into `anchors`), the best acceptable caseless occurrence.
pub(super) fn find(
    text: &Text<'_>,
    anchors: &[&Anchor],
    pending: &[usize],
) -> Vec<Option<Landing>> {
    let wanted: Vec<(usize, String)> = pending
        .iter()
        .filter_map(|&i| {
            let a = anchors.get(i)?;
            (a.quote.chars().count() >= MIN_QUOTE).then(|| (i, a.quote.to_ascii_lowercase()))
        })
        .collect();
    let mut out = vec![None; pending.len()];
    if wanted.is_empty() {
        return out;
    }
    let lower = text.text.to_ascii_lowercase();
    let needles: Vec<&str> = wanted.iter().map(|(_, q)| q.as_str()).collect();
    let hits = Occurrences::find(&lower, &needles);
    for (n, (i, quote)) in wanted.iter().enumerate() {
        let (Some(anchor), Some(slot)) = (
            anchors.get(*i),
            pending
                .iter()
                .position(|p| p == i)
                .and_then(|k| out.get_mut(k)),
        ) else {
            continue;
        };
        let prefix = anchor.prefix.to_ascii_lowercase();
        let suffix = anchor.suffix.to_ascii_lowercase();
        let (before, after) = (Side::new(&prefix, true), Side::new(&suffix, false));
        let len = anchor.quote.chars().count();
        let min = if len < SHORT_QUOTE {
            MIN_EVIDENCE_SHORT
        } else if len < LONG_QUOTE {
            MIN_EVIDENCE_MEDIUM
        } else {
            MIN_EVIDENCE_LONG
        };
        let hint = anchor.start.get().min(text.chars);
        let mut best: Option<Landing> = None;
        for &byte in hits.of(n) {
            let evidence = (QUOTE_WEIGHT * CASELESS
                + PREFIX_WEIGHT * before.similarity(&lower, byte)
                + SUFFIX_WEIGHT * after.similarity(&lower, byte + quote.len()))
                / EVIDENCE_WEIGHT;
            if evidence < min {
                continue;
            }
            let start = text.doc.char_offset(byte).get();
            let position = 1.0 - (start.abs_diff(hint) as f64 / text.chars.max(1) as f64).min(1.0);
            let score = (evidence * EVIDENCE_WEIGHT + POSITION_WEIGHT * position) / TOTAL_WEIGHT;
            if best.is_none_or(|b| score > b.score) {
                best = Some(Landing {
                    status: Status::Fuzzy,
                    start: Chars(start),
                    end: Chars(start + len),
                    score,
                });
            }
        }
        *slot = best;
    }
    out
}
