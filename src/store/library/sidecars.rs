//! Every sidecar of a library, read (never written) on every core: what the tag counts, the
//! codebook and a retag across the library start from. Reads sidecars only, not briefs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::listed;
use crate::annotation::tally::Tally;
use crate::cores::on_every_core;
use crate::error::show_path;
use crate::store::format::{self, SidecarFile};

/// One brief's sidecar as read.
#[derive(Debug, Clone)]
pub struct Found {
    /// The brief's path under the library's folder.
    pub name: String,
    /// The sidecar's file.
    pub path: PathBuf,
    /// Its content, or why it cannot be read (naming the file).
    pub file: Result<SidecarFile, String>,
}

/// The sidecar of every brief under `root` that has one, in the order the library scans the
/// briefs.
pub fn sidecars_in(root: &Path) -> Vec<Found> {
    on_every_core(
        &annotated(root),
        |(name, path)| Found {
            name: name.clone(),
            path: path.clone(),
            file: read(path),
        },
        |(name, path)| Found {
            name: name.clone(),
            path: path.clone(),
            file: Err(format!("{}: reading it failed", show_path(path))),
        },
    )
}

/// The brief (its path under `root`) and sidecar of every brief under `root` that has one,
/// in the order the library scans the briefs; nothing is read.
pub fn annotated(root: &Path) -> Vec<(String, PathBuf)> {
    // The listing says which briefs have a sidecar, without a look-up for each.
    listed(root)
        .into_iter()
        .filter(|l| l.sidecar.is_some())
        .map(|l| {
            let name = l
                .path
                .strip_prefix(root)
                .map_or_else(|_| show_path(&l.path), show_path);
            (name, super::beside(&l.path))
        })
        .collect()
}

/// Every tag under a library counted.
#[derive(Debug, Clone, Default)]
pub struct Tallied {
    /// The counts (a tag toward its parents).
    pub tally: Tally,
    /// The tags written on annotations (without the parents they count toward).
    pub used: BTreeSet<String>,
    /// Sidecars that could not be read, each naming the file.
    pub skipped: Vec<String>,
}

/// Every tag under `root` counted from the sidecars (briefs are not read).
pub fn tally(root: &Path) -> Tallied {
    let mut out = Tallied::default();
    for (i, found) in sidecars_in(root).into_iter().enumerate() {
        match found.file {
            Ok(file) => {
                for entry in &file.annotations {
                    out.tally.add(i, &entry.tags);
                    out.used.extend(entry.tags.iter().cloned());
                }
            }
            Err(problem) => out.skipped.push(problem),
        }
    }
    out
}

/// The sidecar at `path`, parsed; the error names the file.
pub fn read(path: &Path) -> Result<SidecarFile, String> {
    let problem = |e: &dyn std::fmt::Display| format!("{}: {e}", show_path(path));
    let bytes = crate::store::limits::read_capped(path, crate::store::limits::SIDECAR)
        .map_err(|e| problem(&e))?;
    format::parse_bytes(&bytes).map_err(|e| problem(&e))
}
