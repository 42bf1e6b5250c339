//! Deterministic news-like prose for benchmarks and tests (no randomness from outside).
//!
//! Dev-only: compiled for unit tests and with the `corpus` feature, which the package's
//! dev-dependency on itself turns on for integration tests and benches; the shipped library
//! and binary leave it out.
//!
//! Briefs are in the plain-text format: the first line is the title and every further line is
//! one paragraph. Paragraphs hold 2-8 sentences (about 300-700 bytes) of 8-30 words each, so
//! wrapping, measuring and drawing see text shaped like the scraped briefs gloss is made for.
//! The same seed always gives the same text, on every platform, so timings and snapshots can be
//! compared between runs.
//!
//! [`annotations`](fn@annotations) makes a reader's highlights over a brief, and
//! [`revise`](fn@revise) a corrected re-issue of one, so loading, drawing and re-anchoring many
//! annotations can be measured too.

mod annotations;
mod brief;
mod generator;
mod revise;
mod rng;
mod words;

pub use annotations::annotations;
pub use brief::{brief, brief_with_long_paragraph, with_unicode};
pub use revise::{Revision, revise, revise_counted};

/// Paragraph counts of generated text, shared by the tests of the generators.
#[cfg(test)]
fn blocks(s: &str) -> usize {
    use crate::document::{Document, Format};
    Document::parse(s.as_bytes(), Format::Plain).map_or(0, |d| d.blocks().len())
}
