//! `gloss merge FILE`: folds the conflict copies a sync tool left beside a brief's sidecar
//! back into it (see `store::conflicts`), and says what it merged and what it left.

use std::path::Path;

use super::out::Out;
use crate::error::{Error, show_path};
use crate::store::conflicts::fold_copies;

/// Merges every conflict copy of `file`'s sidecar and prints what happened. A copy that
/// does not parse is named on standard error and makes the command fail once the others
/// are merged.
pub fn run(file: &Path, explicit: Option<&Path>) -> Result<(), Error> {
    let sidecar = super::sidecar_of(file, explicit);
    let paths = sidecar.paths();
    let folded = fold_copies(paths).map_err(|e| Error::Annotations(e.to_string()))?;
    let mut out = Out::new();
    let data = show_path(&paths.data);
    if folded.merged.is_empty() && folded.unparsable.is_empty() {
        out.line(&format!("{data}: no conflict copies"))?;
        return Ok(());
    }
    for path in &folded.merged {
        out.line(&format!("merged and removed {}", show_path(path)))?;
    }
    if !folded.merged.is_empty() {
        out.line(&format!(
            "{data}: {} cop{} merged; the version before is {}",
            folded.merged.len(),
            if folded.merged.len() == 1 { "y" } else { "ies" },
            show_path(&paths.backup)
        ))?;
    }
    if folded.conflicts > 0 {
        out.line(&format!(
            "{data}: {} note{} differed; both texts kept between `<<<<<<<` and `>>>>>>>` lines",
            folded.conflicts,
            if folded.conflicts == 1 { "" } else { "s" }
        ))?;
    }
    if folded.unparsable.is_empty() {
        return Ok(());
    }
    Err(Error::Annotations(format!(
        "left alone, as they do not parse: {}",
        folded.unparsable.join("; ")
    )))
}
