//! The only code that touches the filesystem: reading briefs, and the annotation sidecar
//! (format, merge, locking, durable atomic saves).

mod brief;
pub mod codebook;
pub mod config;
pub mod convert;
pub mod format;
pub mod library;
pub mod merge;
pub mod place;
pub mod retag;
mod sidecar;

pub use sidecar::{Saved, Sidecar, SidecarError, SidecarPaths};

pub use brief::{BriefFile, FIRST_PIECE, PIECE, read_brief, read_tail};

/// Replaces `path` with `bytes` atomically and durably: a temporary file in the same folder,
/// fsync, rename over `path`, fsync of the folder.
pub(crate) fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
