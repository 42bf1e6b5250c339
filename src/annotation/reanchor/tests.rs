//! Tests of re-anchoring: a table of edits (`cases`), hand-made scenarios (`scenarios`) and
//! checks against generated data (`properties`).

use super::context::Side;
use super::myers::{Pattern, scan};
use super::score::*;
use super::search::*;
use super::*;
use crate::annotation::marked::{bytes, marked};
use crate::document::Format;
use Status::{Exact, Fuzzy, Moved, Orphaned};

mod cases;
mod properties;
mod scenarios;
mod through;

fn doc(text: &str) -> Document {
    let doc = Document::parse(text.as_bytes(), Format::Plain).unwrap();
    assert_eq!(doc.text(), text, "test text must be normalised already");
    doc
}

/// The anchors of the marked ranges of `old`, made on the old document.
fn anchors(old: &str) -> Vec<Anchor> {
    let (text, ranges) = marked(old);
    let doc = doc(&text);
    ranges
        .into_iter()
        .map(|r| Anchor::new(&doc, bytes(&text, r)))
        .collect()
}
