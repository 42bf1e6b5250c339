//! `gloss export DIR --format qdc|qdpx`: the library's codebook as a REFI-QDA codebook (to
//! standard output or OUT), or the whole library as a REFI-QDA project (to OUT, a zip).
//! A codebook that does not parse, or a brief or sidecar that cannot be read, stops the
//! export with its name; nothing is written then.

use std::path::Path;

use super::{Format, Request, load, print};
use crate::error::{Error, show_path};
use crate::export::{qdc, qdpx};
use crate::sanitize;
use crate::store::codebook;

/// Runs a REFI-QDA export.
pub(super) fn run(request: &Request<'_>) -> Result<(), Error> {
    let root = request.path;
    if !root.is_dir() {
        return Err(Error::Export(format!(
            "{}: give the library's folder (REFI-QDA exports a whole library)",
            show_path(root)
        )));
    }
    if request.template.is_some() || request.annotations.is_some() {
        return Err(Error::Export(
            "--template and --annotations do not apply to --format qdc or qdpx".into(),
        ));
    }
    let book = codebook::load(root)
        .map_err(|e| Error::Export(format!("{}; nothing exported", sanitize::line(&e))))?;
    if request.format == Format::Qdc {
        if book.codes.is_empty() {
            return Err(Error::Export(format!(
                "{} has no codes: a REFI-QDA codebook needs one (add one with gloss codes DIR add NAME)",
                show_path(&codebook::path(root))
            )));
        }
        let text = qdc::codebook(&book);
        return match request.out {
            Some(out) => write(out, text.as_bytes()),
            None => print(&text),
        };
    }
    let Some(out) = request.out else {
        return Err(Error::Export(
            "a .qdpx is a zip: give the file to write with -o FILE.qdpx".into(),
        ));
    };
    let loaded = load(root, None)?;
    let sources: Vec<qdpx::Source<'_>> = loaded
        .iter()
        .map(|l| qdpx::Source {
            name: &l.name,
            doc: &l.doc,
            annotations: &l.annotations,
        })
        .collect();
    let title = std::fs::canonicalize(root)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "gloss library".into());
    let project = qdpx::project(&title, &book, &sources);
    let bytes =
        qdpx::zip(&project).map_err(|e| Error::Export(format!("{}: {e}", show_path(out))))?;
    write(out, &bytes)?;
    if project.orphans > 0 {
        eprintln!(
            "gloss: {} orphaned highlights left out (they have no place in their brief's text)",
            project.orphans
        );
    }
    Ok(())
}

fn write(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    if target.is_dir() {
        return Err(Error::Export(format!(
            "{}: is a folder; give a file name with -o",
            show_path(target)
        )));
    }
    crate::store::write_atomic(target, bytes)
        .map_err(|e| Error::Export(format!("{}: {e}", show_path(target))))
}
