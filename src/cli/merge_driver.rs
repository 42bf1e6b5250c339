//! `gloss merge-driver %O %A %B %P`: git's merge driver for sidecars and for a library's
//! `codebook.toml`. Merges the three versions git gives with the rules of the live merge (a
//! codebook by code name) and writes the result over `%A`.
//!
//! Exit status, as git reads it: 0 the merge needs no one; 1 a note (a code's description, in
//! a codebook) was edited on both sides and holds both texts between markers (the file is
//! valid TOML; git reports a conflict);
//! 2 a version does not parse or a file cannot be read or written (`%A` is left as git gave
//! it, so nothing is lost).

use std::path::Path;
use std::process::ExitCode;

use crate::error::show_path;
use crate::sanitize;
use crate::store::codebook;
use crate::store::merge::codebook::{looks_like_codebook, merge_bytes as codebook_merge};
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
        Ok((0, _)) => ExitCode::SUCCESS,
        Ok((conflicts, kind)) => {
            let (what, inside) = match kind {
                Kind::Sidecar => ("note", "the note"),
                Kind::Codebook => ("code description", "the description"),
            };
            eprintln!(
                "gloss: {}: {conflicts} {what}{} edited on both sides; both texts kept between \
                 `<<<<<<<` and `>>>>>>>` lines inside {inside}",
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

/// What git asked to merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sidecar,
    Codebook,
}

/// A codebook by its name in the repository (`%P`), or, when git gave none, by its text.
fn kind(request: &Request<'_>, ours: &[u8]) -> Kind {
    let named = request
        .name
        .map(|n| Path::new(n).file_name() == Some(std::ffi::OsStr::new(codebook::FILE)));
    match named {
        Some(true) => Kind::Codebook,
        Some(false) => Kind::Sidecar,
        None if looks_like_codebook(ours) => Kind::Codebook,
        None => Kind::Sidecar,
    }
}

/// Merges and writes `%A`; the number of notes in conflict, or what stopped it.
fn run(request: &Request<'_>) -> Result<(usize, Kind), String> {
    let read = |path: &Path| {
        crate::store::limits::read_capped(path, crate::store::limits::SIDECAR)
            .map_err(|e| format!("cannot read {}: {e}", show_path(path)))
    };
    let (base, ours, theirs) = (
        read(request.base)?,
        read(request.ours)?,
        read(request.theirs)?,
    );
    let kind = kind(request, &ours);
    let unparsable = |side: Side, error: String| {
        let file = match side {
            Side::Base => request.base,
            Side::Ours => request.ours,
            Side::Theirs => request.theirs,
        };
        format!(
            "{}: {} ({}) does not parse: {error}; left unmerged",
            display_name(request),
            side.name(),
            show_path(file),
        )
    };
    let (text, conflicts) = match kind {
        Kind::Sidecar => merge_bytes(&base, &ours, &theirs)
            .map(|m| (m.text, m.conflicts))
            .map_err(|e| unparsable(e.side, e.error.to_string()))?,
        Kind::Codebook => codebook_merge(&base, &ours, &theirs)
            .map(|m| (m.text, m.conflicts))
            .map_err(|e| unparsable(e.side, e.error.to_string()))?,
    };
    if text.as_bytes() != ours.as_slice() {
        write_atomic(request.ours, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", show_path(request.ours)))?;
    }
    Ok((conflicts, kind))
}
