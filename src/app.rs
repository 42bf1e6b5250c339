//! Application state and its pure update. Knows the document, the layout and the action
//! vocabulary; never a terminal, a file or a clock.

mod geometry;
mod search;
mod state;
mod update;
mod viewport;

pub use geometry::{Geometry, MIN_HEIGHT, MIN_WIDTH, PANEL_MIN_TERMINAL, geometry};
pub use search::{Found, Search};
pub use state::{HelpLine, Level, Message, Prompt, Settings, State};
pub use update::{Effect, Event, key_event, update};
pub use viewport::Placement;

#[cfg(test)]
pub(crate) mod tests;
