//! The note editor: a multi-line text area (ratatui-textarea) over a copy of the note. Keys
//! reach it as data, so editing stays inside the pure update.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyEventState};
use ratatui_textarea::{TextArea, WrapMode};
use uuid::Uuid;

use crate::input::{Key, Mode};
use crate::sanitize;

/// What a note belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteTarget {
    /// A highlight.
    Annotation(Uuid),
    /// The brief as a whole.
    Brief,
}

/// A note being written.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// Whose note it is.
    pub target: NoteTarget,
    /// The text area.
    pub area: TextArea<'static>,
    /// The mode to return to on close.
    pub back_to: Mode,
}

impl NoteEditor {
    /// An editor holding `text`, with the cursor at its end.
    pub fn new(target: NoteTarget, text: &str, back_to: Mode) -> Self {
        let mut area = TextArea::from(text.split('\n').map(str::to_string).collect::<Vec<_>>());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Self {
            target,
            area,
            back_to,
        }
    }

    /// The note as typed, without trailing blank lines or spaces.
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim_end().to_string()
    }

    /// Feeds one key to the text area.
    pub fn key(&mut self, key: Key) {
        let event = KeyEvent {
            code: key.code,
            modifiers: key.modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        };
        self.area.input(event);
    }

    /// Inserts pasted text, made safe: line breaks kept, tabs as spaces, controls neutralised.
    pub fn paste(&mut self, text: &str) {
        let clean: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|&c| c != '\r')
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                c => sanitize::neutralise(c),
            })
            .collect();
        self.area.insert_str(clean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn typing_enter_and_paste() {
        let mut e = NoteEditor::new(NoteTarget::Brief, "first", Mode::Normal);
        for k in ["space", "o", "k", "enter", "x"] {
            e.key(key(k));
        }
        e.paste("\tpasted\r\nline \u{1b}[2J");
        assert_eq!(e.text(), "first ok\nx pasted\nline ␛[2J");
        e.key(key("backspace"));
        assert_eq!(e.text(), "first ok\nx pasted\nline ␛[2");
    }

    #[test]
    fn trailing_blank_lines_are_dropped() {
        let mut e = NoteEditor::new(NoteTarget::Brief, "", Mode::Normal);
        e.key(key("enter"));
        e.key(key("enter"));
        assert_eq!(e.text(), "");
    }
}
