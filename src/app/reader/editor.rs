//! The note editor: a multi-line text area (ratatui-textarea) over a copy of the note. Keys
//! reach it as data, so editing stays inside the pure update.

use ratatui_textarea::{Input, TextArea, WrapMode};
use uuid::Uuid;

use super::layer::Focus;
use crate::input::{Key, KeyCode, Modifiers};
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
    /// Where the keys go on close.
    pub back_to: Focus,
}

impl NoteEditor {
    /// An editor holding `text`, with the cursor at its end.
    pub fn new(target: NoteTarget, text: &str, back_to: Focus) -> Self {
        Self {
            target,
            area: text_area(text),
            back_to,
        }
    }

    /// The note as typed, without trailing blank lines or spaces.
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim_end().to_string()
    }

    /// Feeds one key to the text area.
    pub fn key(&mut self, key: Key) {
        self.area.input(textarea_input(key));
    }

    /// Inserts pasted text, made safe: line breaks kept, tabs as spaces, controls neutralised.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(pasted(text));
    }
}

/// A text area for notes (word-wrapped) holding `text`, the cursor at its end.
pub fn text_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::from(text.split('\n').map(str::to_string).collect::<Vec<_>>());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// Pasted text made safe for a note: line breaks kept, tabs as spaces, controls neutralised.
pub fn pasted(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c => sanitize::neutralise(c),
        })
        .collect()
}

/// A key in the text area's own vocabulary.
pub fn textarea_input(key: Key) -> Input {
    use ratatui_textarea::Key as Area;
    let (code, shift) = match key.code {
        KeyCode::Char(c) => (Area::Char(c), false),
        KeyCode::Enter => (Area::Enter, false),
        KeyCode::Esc => (Area::Esc, false),
        KeyCode::Tab => (Area::Tab, false),
        // The text area takes Shift-Tab as Tab with Shift held, as it does from a terminal.
        KeyCode::BackTab => (Area::Tab, true),
        KeyCode::Backspace => (Area::Backspace, false),
        KeyCode::Delete => (Area::Delete, false),
        KeyCode::Insert => (Area::Null, false),
        KeyCode::Up => (Area::Up, false),
        KeyCode::Down => (Area::Down, false),
        KeyCode::Left => (Area::Left, false),
        KeyCode::Right => (Area::Right, false),
        KeyCode::PageUp => (Area::PageUp, false),
        KeyCode::PageDown => (Area::PageDown, false),
        KeyCode::Home => (Area::Home, false),
        KeyCode::End => (Area::End, false),
        KeyCode::F(n) => (Area::F(n), false),
    };
    Input {
        key: code,
        ctrl: key.modifiers.contains(Modifiers::CTRL),
        alt: key.modifiers.contains(Modifiers::ALT),
        shift: shift || key.modifiers.contains(Modifiers::SHIFT),
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
        let mut e = NoteEditor::new(NoteTarget::Brief, "first", Focus::Text);
        for k in ["space", "o", "k", "enter", "x"] {
            e.key(key(k));
        }
        e.paste("\tpasted\r\nline \u{1b}[2J");
        assert_eq!(e.text(), "first ok\nx pasted\nline ␛[2J");
        e.key(key("backspace"));
        assert_eq!(e.text(), "first ok\nx pasted\nline ␛[2");
    }

    #[test]
    fn moving_and_editing_keys_reach_the_text_area() {
        let mut e = NoteEditor::new(NoteTarget::Brief, "ab\ncd", Focus::Text);
        for k in ["up", "home", "x", "right", "delete", "end"] {
            e.key(key(k));
        }
        assert_eq!(e.text(), "xa\ncd");
        e.key(key("ctrl-a"));
        e.key(key("y"));
        assert_eq!(e.text(), "yxa\ncd", "Ctrl-a goes to the line start");
    }

    #[test]
    fn trailing_blank_lines_are_dropped() {
        let mut e = NoteEditor::new(NoteTarget::Brief, "", Focus::Text);
        e.key(key("enter"));
        e.key(key("enter"));
        assert_eq!(e.text(), "");
    }
}
