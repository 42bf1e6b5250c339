//! `gloss merge-driver %O %A %B %P`: git's merge driver for sidecars. Merges the three
//! versions git gives with the rules of the live merge and writes the result over `%A`.
//!
//! Exit status, as git reads it: 0 the merge needs no one; 1 a note was edited on both sides
//! and holds both texts between markers (the file is valid TOML; git reports a conflict);
//! 2 a version does not parse or a file cannot be read or written (`%A` is left as git gave
//! it, so nothing is lost).

use std::path::Path;
use std::process::ExitCode;

use crate::error::show_path;
use crate::sanitize;
use crate::store::merge::files::{Side, merge_bytes};
use crate::store::write_atomic;

/// The files git names.
pub struct Request<'a> {
    /// `%O`: the common ancestor.
    pub base: &'a Path,
    /// `%A`: this branch's version, replaced by the merge.
    pub ours: &'a Path,
    /// `%B`: the other branch's version.
    pub theirs: &'a Path,
    /// `%P`: the sidecar's path in the repository, for messages.
    pub name: Option<&'a str>,
}

/// Runs the driver and gives git its exit status.
pub fn main(request: &Request<'_>) -> ExitCode {
    match run(request) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(conflicts) => {
            eprintln!(
                "gloss: {}: {conflicts} note{} edited on both sides; both texts kept between \
                 `<<<<<<<` and `>>>>>>>` lines inside the note",
                display_name(request),
                if conflicts == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(message) => {
            eprintln!("gloss: {}", sanitize::line(&message));
            ExitCode::from(2)
        }
    }
}

fn display_name(request: &Request<'_>) -> String {
    request.name.map_or_else(
        || show_path(request.ours),
        |n| sanitize::line(n).into_owned(),
    )
}

/// Merges and writes `%A`; the number of notes in conflict, or what stopped it.
fn run(request: &Request<'_>) -> Result<usize, String> {
    let read = |path: &Path| {
        crate::store::limits::read_capped(path, crate::store::limits::SIDECAR)
            .map_err(|e| format!("cannot read {}: {e}", show_path(path)))
    };
    let (base, ours, theirs) = (
        read(request.base)?,
        read(request.ours)?,
        read(request.theirs)?,
    );
    let merged = merge_bytes(&base, &ours, &theirs).map_err(|e| {
        let file = match e.side {
            Side::Base => request.base,
            Side::Ours => request.ours,
            Side::Theirs => request.theirs,
        };
        format!(
            "{}: {} ({}) does not parse: {}; left unmerged",
            display_name(request),
            e.side.name(),
            show_path(file),
            e.error
        )
    })?;
    if merged.text.as_bytes() != ours.as_slice() {
        write_atomic(request.ours, merged.text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", show_path(request.ours)))?;
    }
    Ok(merged.conflicts)
}
