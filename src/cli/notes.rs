//! `gloss notes DIR`: every annotation of every brief under a folder, in one list, grouped by
//! brief; filtered by tag (a tag takes its children), colour, status and text.

use std::path::Path;

use serde::Serialize;

use super::list::{Listed, escape_controls, quoted, text_lines};
use super::out::Out;
use crate::annotation::query::Query;
use crate::error::Error;
use crate::sanitize;
use crate::store::library::notes_with;

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
    // Each brief's lines (its heading first, or its JSON objects) made on the core that read
    // it, from the annotations as placed: a brief's text is dropped once they are made.
    let briefs = notes_with(root, |notes| {
        notes.and_then(|notes| {
            let kept = notes
                .annotations
                .iter()
                .filter(|a| compiled.keeps(a, notes.quote_of(a)));
            let mut lines = Vec::new();
            for a in kept {
                let listed = quoted(a, notes.quote_of(a).to_string());
                if json {
                    let noted = Noted {
                        brief: &notes.summary.name,
                        title: notes.title(),
                        listed,
                    };
                    lines.push(serde_json::to_string(&noted).map_err(|e| e.to_string())?);
                } else {
                    if lines.is_empty() {
                        let heading = format!("{} — {}", notes.summary.name, notes.title());
                        lines.push(sanitize::line(&heading).into_owned());
                    }
                    lines.extend(text_lines(&listed, "  "));
                }
            }
            Ok(lines)
        })
    });
    for lines in briefs {
        let lines = match lines {
            Ok(lines) => lines,
            Err(problem) => {
                eprintln!("gloss: skipped: {}", sanitize::line(&problem));
                continue;
            }
        };
        if json {
            all.extend(lines);
            continue;
        }
        for line in &lines {
            out.line(line)?;
        }
    }
    if json {
        out.line(&escape_controls(&format!("[{}]", all.join(",\n"))))?;
    }
    out.finish()
}
