//! `gloss tags DIR`: every tag used under a folder, with how many annotations and briefs carry
//! it (a tag counts toward its parents: `policy/japan` toward `policy`); `--rename OLD NEW`
//! renames a tag and the tags under it in every sidecar there.

use std::path::Path;

use serde::Serialize;

use super::list::escape_controls;
use super::out::Out;
use crate::annotation::tag::{Retag, name_problem};
use crate::error::Error;
use crate::sanitize;
use crate::store::library::sidecars::{self, Tallied};
use crate::store::retag::{Retagged, retag};

/// One tag as `gloss tags --json` prints it.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
struct Count {
    tag: String,
    annotations: usize,
    briefs: usize,
}

/// Every tag under `root` counted; sidecars that cannot be read are named on standard error.
pub(super) fn tally(root: &Path) -> Tallied {
    let tallied = sidecars::tally(root);
    for problem in &tallied.skipped {
        eprintln!("gloss: skipped: {}", sanitize::line(problem));
    }
    tallied
}

/// Prints every tag under `root` in name order with its counts; sidecars are only read.
pub fn run(root: &Path, json: bool) -> Result<(), Error> {
    let counts: Vec<Count> = tally(root)
        .tally
        .iter()
        .map(|(tag, c)| Count {
            tag: tag.to_string(),
            annotations: c.annotations,
            briefs: c.briefs,
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

/// A name given on the command line, refused when it cannot be a tag.
pub(super) fn checked(name: &str) -> Result<&str, Error> {
    match name_problem(name) {
        Some(problem) => Err(Error::Annotations(problem)),
        None => Ok(name),
    }
}

/// `gloss tags DIR --rename OLD NEW`: OLD and the tags under it become NEW (merging into NEW
/// when it is in use) in every sidecar under `root`.
pub fn rename(root: &Path, old: &str, new: &str) -> Result<(), Error> {
    let (old, new) = (checked(old)?, checked(new)?);
    if old == new {
        return Err(Error::Annotations(format!(
            "{}: the old and the new name are the same",
            sanitize::line(old)
        )));
    }
    let change = Retag::Rename {
        from: old.to_string(),
        to: new.to_string(),
    };
    let done = retag(root, &change, jiff::Timestamp::now(), true);
    let merged = if done.merged {
        format!(" (merged into {new}, which was in use)")
    } else {
        String::new()
    };
    let line = format!(
        "renamed {old} to {new}{merged}: {} annotations in {} briefs",
        done.annotations,
        done.briefs.len()
    );
    Out::new().line(&sanitize::line(&line))?;
    report_skipped(&done, "run again to finish")
}

/// Names every sidecar a retag left as it was on standard error; an error when there was
/// one, saying how to `finish`.
pub(super) fn report_skipped(done: &Retagged, finish: &str) -> Result<(), Error> {
    for why in &done.skipped {
        eprintln!("gloss: skipped: {}", sanitize::line(why));
    }
    match done.skipped.len() {
        0 => Ok(()),
        n => Err(Error::Annotations(format!(
            "{n} sidecar{} not changed (named above); {}",
            if n == 1 { " was" } else { "s were" },
            sanitize::line(finish)
        ))),
    }
}
