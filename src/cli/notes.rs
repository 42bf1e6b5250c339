//! `gloss notes DIR`: every annotation of every brief under a folder, in one list, grouped by
//! brief; filtered by tag (a tag takes its children), colour, status and text.

use std::path::Path;

use serde::Serialize;

use super::list::{Listed, escape_controls, listed, text_lines};
use super::out::Out;
use crate::annotation::query::Query;
use crate::error::Error;
use crate::sanitize;
use crate::store::library::{notes_of, scan};

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
    let mut briefs = Vec::new();
    scan(root, |summary| {
        if summary.highlights > 0 || summary.problem.is_some() {
            briefs.push(summary.path);
        }
        true
    });
    let mut out = Out::new();
    let mut all = Vec::new();
    for path in briefs {
        let notes = match notes_of(root, &path) {
            Ok(notes) => notes,
            Err(problem) => {
                eprintln!("gloss: skipped: {}", sanitize::line(&problem));
                continue;
            }
        };
        let title = notes
            .summary
            .title
            .clone()
            .unwrap_or_else(|| notes.summary.name.clone());
        let kept: Vec<Listed<'_>> = notes
            .annotations
            .iter()
            .map(|a| listed(&notes.doc, a))
            .zip(notes.annotations.iter())
            .filter(|(item, a)| query.keeps(a, &item.quote))
            .map(|(item, _)| item)
            .collect();
        if kept.is_empty() {
            continue;
        }
        if json {
            let brief = notes.summary.name.clone();
            let json_items: Vec<String> = kept
                .into_iter()
                .map(|listed| {
                    serde_json::to_string(&Noted {
                        brief: &brief,
                        title: &title,
                        listed,
                    })
                })
                .collect::<Result<_, _>>()
                .map_err(|e| Error::Annotations(e.to_string()))?;
            all.extend(json_items);
            continue;
        }
        out.line(&sanitize::line(&format!(
            "{} — {title}",
            notes.summary.name
        )))?;
        for item in &kept {
            for line in text_lines(item, "  ") {
                out.line(&line)?;
            }
        }
    }
    if json {
        out.line(&escape_controls(&format!("[{}]", all.join(",\n"))))?;
    }
    Ok(())
}
