//! `gloss search DIR QUERY`: every match across a library, in briefs' text and in their
//! annotations' quotes, notes and tags, grouped by brief with a line of context; smart case as
//! in the reader. `#tag` and `color:red` in the query narrow it. The work is
//! `store::search`'s; this prints it.

use std::path::Path;

use serde::Serialize;

use super::list::escape_controls;
use super::out::Out;
use crate::error::Error;
use crate::sanitize;
use crate::store::search::{self, Hit, Index, Request};

/// One brief with hits, as `--json` prints it.
#[derive(Debug, Serialize)]
struct Matched {
    brief: String,
    title: String,
    hits: Vec<Hit>,
}

/// Prints the matches of `query` under `root`: a line per brief with its count, then its
/// hits. With `use_index`, the library's index in the data folder is used and updated.
pub fn run(root: &Path, query: &str, json: bool, use_index: bool) -> Result<(), Error> {
    let request = Request::parse(query).map_err(Error::Annotations)?;
    if !root.is_dir() {
        return Err(Error::Annotations(format!(
            "{}: not a folder",
            crate::error::show_path(root)
        )));
    }
    let index = use_index.then(|| Index::path_for(root)).flatten();
    let mut out = Out::new();
    // Each brief is printed as soon as it is searched (as JSON: one element of the array at a
    // time), so a query found everywhere neither waits for the end nor piles up in memory.
    let mut printed = 0usize;
    let mut failed = None;
    if json {
        out.line("[")?;
    }
    search::search(root, &request, index.as_deref(), |found| {
        if failed.is_some() {
            return;
        }
        let lines = if json {
            let matched = Matched {
                brief: found.name,
                title: found.title,
                hits: found.hits,
            };
            let text = serde_json::to_string_pretty(&matched).unwrap_or_default();
            let comma = if printed > 0 { "," } else { "" };
            vec![format!("{comma}{}", escape_controls(&text))]
        } else {
            let mut lines = vec![
                sanitize::line(&format!(
                    "{} — {} ({})",
                    found.name, found.title, found.total
                ))
                .into_owned(),
            ];
            for hit in &found.hits {
                lines.push(format!(
                    "  {:<5} {}-{}  {}",
                    hit.kind.name(),
                    hit.start,
                    hit.end,
                    hit.context
                ));
            }
            lines
        };
        printed += 1;
        for line in lines {
            if let Err(e) = out.line(&line) {
                failed = Some(e);
                return;
            }
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    if json {
        out.line("]")?;
    }
    out.finish()
}
