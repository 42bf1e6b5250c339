//! Application state and its pure update. Knows the document, the annotations, the layout and
//! the action vocabulary; never a terminal, a file or a clock.

mod annotate;
mod editing;
mod editor;
mod effect;
mod event;
mod failed;
mod geometry;
mod hints;
mod layer;
mod loading;
mod mouse;
mod panel;
mod placing;
mod prompt;
mod reading;
mod saving;
mod scan;
mod search;
mod searching;
mod selection;
mod state;
mod status;
mod tail;
mod update;
mod viewport;

pub use editing::Editing;
pub use editor::{NoteEditor, NoteTarget};
pub use effect::{Effect, Exit, Snapshot, Work};
pub use event::{Env, Event, MergeResult, SaveResult};
pub use geometry::{Geometry, MIN_HEIGHT, MIN_WIDTH, PANEL_MIN_TERMINAL, geometry};
pub use hints::Hints;
pub use layer::{Focus, Help, Layer, Visual};
pub use loading::{Loading, Piece};
pub use panel::{Filter, PANEL_WIDTHS, Panel};
pub use placing::{PlacingJob, Progress};
pub use saving::{DEBOUNCE, RETRY, Saving};
pub use search::{Found, Search};
pub use selection::Selection;
pub use state::{HelpLine, Level, Message, Prompt, PromptKind, Settings, State};
pub use status::Status;
pub use tail::{TAIL_BYTES, Tail};
pub use update::{key_event, update};
pub use viewport::Placement;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_annotate;
#[cfg(test)]
pub(crate) mod tests_loading;
#[cfg(test)]
mod tests_review;
#[cfg(test)]
mod tests_saving;
#[cfg(test)]
mod tests_tail;
