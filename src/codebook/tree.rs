//! The codebook as a tree with counts, and the tags in use that are not codes ("uncoded"):
//! what `gloss codes` prints and the codebook view draws. Pure.

use std::collections::BTreeSet;

use super::{Codebook, leaf};
use crate::annotation::Color;
use crate::annotation::tag::with_parents;
use crate::annotation::tally::{Count, Tally};

/// One row of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The full name.
    pub name: String,
    /// How deep it sits (0 at the top).
    pub depth: usize,
    /// False for a parent that is only there because codes sit under it.
    pub is_code: bool,
    /// Its description.
    pub description: String,
    /// Its colour.
    pub color: Option<Color>,
    /// Its memo (empty for none).
    pub memo: String,
    /// Annotations and briefs carrying it or a code under it.
    pub count: Count,
}

impl Row {
    /// The last part of its name.
    pub fn leaf(&self) -> &str {
        leaf(&self.name)
    }
}

/// The tree of `book`, parents before children in name order, with counts from `tally`.
pub fn rows(book: &Codebook, tally: &Tally) -> Vec<Row> {
    let names: BTreeSet<&str> = book
        .codes
        .iter()
        .flat_map(|c| with_parents(&c.name))
        .collect();
    // Name order puts `a/b` after `a` but `a-b` between them; order by parts instead.
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_by(|a, b| a.split('/').cmp(b.split('/')));
    names
        .into_iter()
        .map(|name| {
            let code = book.get(name);
            Row {
                name: name.to_string(),
                depth: name.matches('/').count(),
                is_code: code.is_some(),
                description: code.map(|c| c.description.clone()).unwrap_or_default(),
                color: code.and_then(|c| c.color),
                memo: code.map(|c| c.memo.clone()).unwrap_or_default(),
                count: tally.get(name),
            }
        })
        .collect()
}

/// The tags on annotations (`used`) that are neither a code nor the parent of one, in name
/// order, with their counts.
pub fn uncoded<'a>(
    book: &Codebook,
    used: impl IntoIterator<Item = &'a str>,
    tally: &Tally,
) -> Vec<(String, Count)> {
    let mut out: Vec<(String, Count)> = used
        .into_iter()
        .filter(|tag| !book.has_node(tag))
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(|tag| (tag.to_string(), tally.get(tag)))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
