//! `gloss tags DIR`: every tag used under a folder, with how many annotations and briefs carry
//! it; a tag counts toward its parents (`policy/japan` toward `policy`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use super::list::escape_controls;
use super::out::Out;
use crate::error::Error;
use crate::sanitize;
use crate::store::library::notes_in;

/// One tag as `gloss tags --json` prints it.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
struct Count {
    tag: String,
    annotations: usize,
    briefs: usize,
}

/// The tag and every parent of it: `a/b/c`, `a/b`, `a`.
fn with_parents(tag: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(tag), |t| t.rfind('/').map(|i| &t[..i]))
}

/// Prints every tag under `root` in name order with its counts; sidecars are only read.
pub fn run(root: &Path, json: bool) -> Result<(), Error> {
    let mut annotations: BTreeMap<String, usize> = BTreeMap::new();
    let mut briefs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for rows in notes_in(root) {
        let rows = match rows {
            Ok(rows) => rows,
            Err(problem) => {
                eprintln!("gloss: skipped: {}", sanitize::line(&problem));
                continue;
            }
        };
        for note in &rows {
            // An annotation tagged `a/b` and `a` counts once toward `a`.
            let tags: BTreeSet<&str> = note
                .annotation
                .tags
                .iter()
                .flat_map(|t| with_parents(t))
                .collect();
            for tag in tags {
                *annotations.entry(tag.to_string()).or_default() += 1;
                briefs
                    .entry(tag.to_string())
                    .or_default()
                    .insert(note.name.clone());
            }
        }
    }
    let counts: Vec<Count> = annotations
        .into_iter()
        .map(|(tag, n)| Count {
            briefs: briefs.get(&tag).map_or(0, BTreeSet::len),
            tag,
            annotations: n,
        })
        .collect();
    let mut out = Out::new();
    if json {
        let text =
            serde_json::to_string_pretty(&counts).map_err(|e| Error::Annotations(e.to_string()))?;
        return out.line(&escape_controls(&text));
    }
    let width = counts
        .iter()
        .map(|c| c.tag.chars().count())
        .max()
        .unwrap_or(0);
    for c in &counts {
        let line = format!(
            "{:<width$}  {:>5} annotations  {:>4} briefs",
            c.tag, c.annotations, c.briefs
        );
        out.line(&sanitize::line(&line))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_and_its_parents() {
        let all: Vec<&str> = with_parents("policy/japan/meti").collect();
        assert_eq!(all, ["policy/japan/meti", "policy/japan", "policy"]);
        assert_eq!(with_parents("market").collect::<Vec<_>>(), ["market"]);
    }
}
