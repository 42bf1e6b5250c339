//! Application state and its pure update. Knows the document, the annotations, the layout and
//! the action vocabulary; never a terminal, a file or a clock.
//!
//! Shared by every view: the effects and events that join `update` to the runtime, the status
//! bar's messages and the key hints. Each view's state lives in a folder of its own (the
//! reader in `reader/`), drawn by the widget of the same name under `ui/`.

pub mod analysis;
pub mod changes;
pub mod codebook;
mod completion;
mod effect;
mod event;
mod hints;
pub mod hits;
mod jumps;
pub mod library;
mod listing;
pub mod notes;
pub mod reader;
mod status;
mod update;

#[cfg(test)]
mod tests_travel;

pub use effect::{COPY_MAX_BYTES, Effect, Exit, Snapshot, Work};
pub use event::{Env, Event, MergeResult, Opened, SaveResult};
pub use hints::Hints;
pub use jumps::Jumps;
pub use reader::{
    DEBOUNCE, Editing, Filter, Focus, Found, Geometry, Help, HelpLine, Layer, Loading, MIN_HEIGHT,
    MIN_WIDTH, NoteEditor, NoteTarget, PANEL_MIN_TERMINAL, PANEL_WIDTHS, Panel, Piece, Placement,
    PlacingJob, Progress, Prompt, PromptKind, RETRY, Reader, Saving, Search, Selection, Settings,
    TAIL_BYTES, Tail, Visual, geometry,
};
pub use status::{Level, Message, Status};
pub use update::{App, View, key_event, update};
