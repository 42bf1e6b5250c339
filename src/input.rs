//! Input vocabulary: actions, key notation and the keymap that joins them.

mod action;
mod key;
mod keymap;

pub use action::Action;
pub use key::{Key, UnknownKey};
pub use keymap::{Keymap, KeymapError, Mode};
