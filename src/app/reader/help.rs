//! The help overlay's lines, made from the keymap in effect, and its scrolling.

use strum::IntoEnumIterator;

use super::Reader;
use super::layer::Layer;
use crate::input::{Action, Keymap, Keys, Mode};

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, named when the overlay is drawn (naming every key of every mode for each
    /// reader opened was a twentieth of the work before the first screen).
    pub keys: Vec<Keys>,
    /// What they do.
    pub text: &'static str,
}

impl HelpLine {
    /// The keys as the overlay names them, e.g. `j, Down`.
    pub fn key_names(&self) -> String {
        Keys::listed(&self.keys)
    }
}

/// The help overlay's lines of every mode, made from `keymap`.
pub(super) fn help_lines(keymap: &Keymap) -> Vec<(Mode, HelpLine)> {
    let mut lines = Vec::new();
    for mode in Mode::iter() {
        for (action, keys) in keymap.bindings(mode) {
            // The help overlay does not repeat scrolling and quitting in every mode.
            let repeated = matches!(
                action,
                Action::ScrollDown
                    | Action::ScrollUp
                    | Action::PageDown
                    | Action::PageUp
                    | Action::Quit
            );
            if mode != Mode::Normal && repeated {
                continue;
            }
            lines.push((
                mode,
                HelpLine {
                    keys: keys.clone(),
                    text: action.describe(),
                },
            ));
        }
    }
    lines
}

impl Reader {
    /// Scrolls the help overlay.
    pub fn scroll_help(&mut self, rows: isize) {
        let max = self.help.len().saturating_sub(1);
        if let Layer::Help(help) = &mut self.layer {
            help.scroll = help.scroll.saturating_add_signed(rows).min(max);
        }
    }
}
