//! Who has the keys now, each with the state only it needs: a selection exists only while
//! selecting, a prompt only while typing on it, an open note only in the editor. One layer at
//! a time, so no mix of them can be half set.

use uuid::Uuid;

use super::editor::NoteEditor;
use super::prompt::Prompt;
use super::selection::Selection;
use crate::app::changes::Changes;
use crate::input::Mode;

/// The layer that has the keys.
#[derive(Debug, Clone, Default)]
pub enum Layer {
    /// Reading: keys move through the text.
    #[default]
    Text,
    /// Keys move through the notes panel.
    Panel,
    /// Selecting text.
    Visual(Visual),
    /// Typing on the one-line prompt.
    Prompt(Prompt),
    /// Writing a note (boxed: the text area is large).
    Note(Box<NoteEditor>),
    /// The help overlay.
    Help(Help),
    /// What changed in the brief since its annotations were placed (boxed: every change's
    /// text).
    Changes(Box<Changes>),
}

/// Selecting: the selection, and the highlight waiting to be re-attached to it (`r`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    /// The two ends.
    pub selection: Selection,
    /// The highlight that `r` attaches to the selection.
    pub reattach: Option<Uuid>,
}

/// The help overlay's scroll position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    /// First line shown.
    pub scroll: usize,
}

/// Where a prompt or the note editor gives the keys back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The text.
    Text,
    /// The notes panel.
    Panel,
}

impl Layer {
    /// The keymap table that applies.
    pub fn mode(&self) -> Mode {
        match self {
            Self::Text => Mode::Normal,
            Self::Panel => Mode::Panel,
            Self::Visual(_) => Mode::Visual,
            Self::Prompt(_) => Mode::Prompt,
            Self::Note(_) => Mode::Note,
            Self::Help(_) => Mode::Help,
            Self::Changes(_) => Mode::Changes,
        }
    }

    /// Where the keys go back to from a prompt or the editor opened on this layer.
    pub fn focus(&self) -> Focus {
        match self {
            Self::Panel => Focus::Panel,
            Self::Prompt(p) => p.back_to,
            Self::Note(e) => e.back_to,
            _ => Focus::Text,
        }
    }

    /// The layer that `focus` means.
    pub fn of(focus: Focus) -> Self {
        match focus {
            Focus::Text => Self::Text,
            Focus::Panel => Self::Panel,
        }
    }
}
