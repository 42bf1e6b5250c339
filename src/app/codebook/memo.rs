//! The memo editor of the codebook view: the selected code's memo, or a memo of the library,
//! in the same multi-line text area as a highlight's note, saved as a codebook change when
//! it closes.

use ratatui_textarea::TextArea;

use crate::app::reader::editor::{pasted, text_area, textarea_input};
use crate::input::Key;

/// Whose memo is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemoOf {
    /// A code's, by its full name.
    Code(String),
    /// The library's memo of this title.
    Library(String),
}

/// A memo being written.
#[derive(Debug, Clone)]
pub struct MemoEditor {
    /// Whose memo it is.
    pub of: MemoOf,
    /// The memo as it was when the editor opened.
    pub before: String,
    /// The text area.
    pub area: TextArea<'static>,
}

impl MemoEditor {
    /// An editor on the memo `text` of `of`, the cursor at its end. A control character
    /// that a hand-edited codebook.toml carried shows as its stand-in (the text area would
    /// draw it raw).
    pub fn new(of: MemoOf, text: &str) -> Self {
        let text = crate::sanitize::text(text);
        Self {
            of,
            before: text.to_string(),
            area: text_area(&text),
        }
    }

    /// What the editor's title names: the code, or the memo's title.
    pub fn name(&self) -> &str {
        match &self.of {
            MemoOf::Code(name) | MemoOf::Library(name) => name,
        }
    }

    /// The memo as typed, without trailing blank lines or spaces.
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim_end().to_string()
    }

    /// Feeds one key to the text area.
    pub fn key(&mut self, key: Key) {
        self.area.input(textarea_input(key));
    }

    /// Inserts pasted text, made safe.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(pasted(text));
    }
}
