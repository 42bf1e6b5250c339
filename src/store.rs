//! The only code that touches the filesystem: reading briefs, and the annotation sidecar
//! (format, merge, locking, durable atomic saves).

pub mod analysis;
mod brief;
pub mod codebook;
pub mod config;
pub mod conflicts;
pub mod convert;
pub mod fetch;
pub mod format;
pub mod library;
pub mod limits;
mod lock_file;
pub mod merge;
pub mod place;
pub mod retag;
pub mod search;
mod sidecar;
pub mod snapshot;
pub mod versions;

pub use sidecar::{Saved, Sidecar, SidecarError, SidecarPaths};

pub use brief::{BriefFile, FIRST_PIECE, FIRST_SCREEN, PIECE, read_brief, read_tail};

/// gloss's data folder: `$GLOSS_DATA_DIR`, else `$XDG_DATA_HOME/gloss` (usually
/// `~/.local/share/gloss`): sidecars of briefs in folders gloss cannot write, and the
/// libraries' search indexes.
pub fn data_dir() -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("GLOSS_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(std::path::PathBuf::from(dir));
    }
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.data_dir().join("gloss"))
}

/// Replaces `path` with `bytes` atomically and durably: a temporary file in the same folder,
/// fsync, rename over `path`, fsync of the folder.
pub(crate) fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
