//! Input vocabulary: actions, key notation and the keymap that joins them. The only module
//! besides `runtime` that knows crossterm, and only in `terminal.rs`.

mod action;
mod key;
mod key_code;
mod keymap;
mod keys;
mod modifiers;
mod terminal;

pub use action::Action;
pub use key::{Key, UnknownKey};
pub use key_code::KeyCode;
pub use keymap::{Keymap, KeymapError, Lookup, Mode, Problem};
pub use keys::Keys;
pub use modifiers::Modifiers;
