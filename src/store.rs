//! The only code that touches the filesystem: reading briefs, and the annotation sidecar
//! (format, merge, locking, durable atomic saves).

mod brief;
pub mod config;
pub mod convert;
pub mod format;
pub mod merge;
pub mod place;
mod sidecar;

pub use sidecar::{Saved, Sidecar, SidecarError, SidecarPaths};

pub use brief::read_brief;
