//! Whether the annotations may be changed and saved now, and why not: one state at a time,
//! so "waiting to be placed", "being placed" and "read-only" cannot be half set together.

use super::placing::Progress;
use crate::store::place::Stored;

/// Whether annotations can be edited.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Editing {
    /// They may be changed, and are saved.
    #[default]
    Open,
    /// The sidecar's annotations wait for the whole brief before they are placed.
    Waiting(Box<Stored>),
    /// They are being placed in the changed brief, a batch at a time.
    Placing(Progress),
    /// The sidecar is never written (it does not parse, or placing failed): why.
    ReadOnly(String),
}
