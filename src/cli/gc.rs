//! `gloss gc`: deletes the snapshots no sidecar refers to any longer (see
//! [`crate::store::snapshot`] for what refers means).

use std::path::PathBuf;

use crate::error::Error;
use crate::store::snapshot::Snapshots;

/// Prunes the snapshot folder, asking the remembered sidecars and those under `dirs`.
pub fn run(dirs: &[PathBuf]) -> Result<(), Error> {
    let Some(snaps) = Snapshots::in_data_dir() else {
        return Err(Error::Annotations(
            "no data folder: no snapshots to prune".into(),
        ));
    };
    for dir in dirs {
        if !dir.is_dir() {
            return Err(Error::Annotations(format!(
                "{}: not a folder",
                crate::error::show_path(dir)
            )));
        }
    }
    let done = snaps.gc(dirs).map_err(|e| {
        Error::Annotations(format!("{}: {e}", crate::error::show_path(snaps.dir())))
    })?;
    super::out::Out::new().line(&format!(
        "removed {} snapshot{} ({} KiB), kept {}, asked {} sidecar{}",
        done.removed,
        if done.removed == 1 { "" } else { "s" },
        done.freed.div_ceil(1024),
        done.kept,
        done.sidecars,
        if done.sidecars == 1 { "" } else { "s" },
    ))
}
