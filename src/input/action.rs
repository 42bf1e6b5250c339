//! Everything a key can ask gloss to do. The snake_case names are the keymap vocabulary and
//! each doc line is the text the help overlay shows.

use serde::Deserialize;
use strum::{EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A command bound to keys in the keymap.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    EnumIter,
    EnumMessage,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Scroll down one line
    ScrollDown,
    /// Scroll up one line
    ScrollUp,
    /// Scroll down one page
    PageDown,
    /// Scroll up one page
    PageUp,
    /// Scroll down half a page
    HalfPageDown,
    /// Scroll up half a page
    HalfPageUp,
    /// Go to the top of the brief
    Top,
    /// Go to the end of the brief
    Bottom,
    /// Move the cursor to the next paragraph
    NextParagraph,
    /// Move the cursor to the previous paragraph
    PrevParagraph,
    /// Search forward (smart case)
    Search,
    /// Go to the next search match
    SearchNext,
    /// Go to the previous search match
    SearchPrev,
    /// Accept the search and keep the cursor on the match
    SearchAccept,
    /// Cancel the search and go back to where it started
    SearchCancel,
    /// Delete the last character of the search
    SearchDelete,
    /// Show or hide the notes panel
    TogglePanel,
    /// Show or hide repeated paragraphs
    ToggleRepeats,
    /// Show this help
    Help,
    /// Close the help
    CloseHelp,
    /// Quit gloss
    Quit,
}

impl Action {
    /// The keymap name of the action (`scroll_down`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The one-line description shown in the help overlay.
    pub fn describe(self) -> &'static str {
        self.get_documentation().unwrap_or_else(|| self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_action_is_documented_and_named() {
        for action in Action::iter() {
            assert!(
                action.get_documentation().is_some(),
                "{action:?} has no doc line"
            );
            assert_eq!(action.name().parse::<Action>().unwrap(), action);
        }
        assert_eq!(Action::HalfPageDown.name(), "half_page_down");
    }
}
