//! `gloss notes DIR`: every annotation of every brief under a folder, in one list, grouped by
//! brief; filtered by tag (a tag takes its children), colour, status and text.

use std::path::Path;

use serde::Serialize;

use super::list::{Listed, escape_controls, quoted, text_lines};
use super::out::Out;
use crate::annotation::query::Query;
use crate::error::Error;
use crate::sanitize;
use crate::store::library::{Note, notes_in};

/// One annotation as `gloss notes --json` prints it: `gloss list --json`'s object plus the
/// brief's path under the folder and its title.
#[derive(Serialize)]
struct Noted<'a> {
    brief: &'a str,
    title: &'a str,
    #[serde(flatten)]
    listed: Listed<'a>,
}

/// Prints the annotations under `root` that `query` keeps; sidecars are only read. A brief
/// or sidecar that cannot be read is named on standard error and skipped.
pub fn run(root: &Path, query: &Query, json: bool) -> Result<(), Error> {
    let mut out = Out::new();
    let mut all = Vec::new();
    // The query's text made ready once, not again for every annotation.
    let compiled = query.compiled();
    for rows in notes_in(root) {
        let rows = match rows {
            Ok(rows) => rows,
            Err(problem) => {
                eprintln!("gloss: skipped: {}", sanitize::line(&problem));
                continue;
            }
        };
        let kept: Vec<&Note> = rows
            .iter()
            .filter(|n| compiled.keeps(&n.annotation, &n.quote))
            .collect();
        let Some(first) = kept.first() else {
            continue;
        };
        if json {
            for note in &kept {
                let noted = Noted {
                    brief: &note.name,
                    title: &note.title,
                    listed: quoted(&note.annotation, note.quote.clone()),
                };
                all.push(
                    serde_json::to_string(&noted).map_err(|e| Error::Annotations(e.to_string()))?,
                );
            }
            continue;
        }
        out.line(&sanitize::line(&format!(
            "{} — {}",
            first.name, first.title
        )))?;
        for note in &kept {
            for line in text_lines(&quoted(&note.annotation, note.quote.clone()), "  ") {
                out.line(&line)?;
            }
        }
    }
    if json {
        out.line(&escape_controls(&format!("[{}]", all.join(",\n"))))?;
    }
    out.finish()
}
