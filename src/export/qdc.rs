//! The REFI-QDA Codebook export (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`): the
//! library's codes as nested `<Code>`s with stable GUIDs, descriptions and colours, what
//! `gloss codes DIR --import` reads back. A parent that only groups codes is written as a
//! code that cannot be coded with (`isCodable="false"`). The codebook schema has no place
//! for memos; the project export carries them. Pure.

use std::collections::BTreeSet;

use super::refi::{tree_names, write_codes};
use crate::codebook::Codebook;
use crate::codebook::qdc::NAMESPACE;

/// The `.qdc` text of `book`. The same codebook always gives the same bytes.
pub fn codebook(book: &Codebook) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<CodeBook xmlns=\"{NAMESPACE}\" origin=\"gloss\">\n"
    ));
    let names = tree_names(book, &BTreeSet::new());
    // The schema wants at least one <Code> in <Codes>; an empty codebook has none to give.
    if !names.is_empty() {
        out.push_str("  <Codes>\n");
        write_codes(&mut out, &names, book, &BTreeSet::new(), 2, &|_| {
            String::new()
        });
        out.push_str("  </Codes>\n");
    }
    out.push_str("</CodeBook>\n");
    out
}
