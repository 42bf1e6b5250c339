//! The only code that touches the filesystem: reading briefs, and the annotation sidecar
//! (format, merge, locking, durable atomic saves).

mod brief;
pub mod format;
pub mod merge;

pub use brief::read_brief;
