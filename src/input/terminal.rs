//! The one place gloss turns crossterm's key events into its own [`Key`]s.

use ratatui::crossterm::event::{KeyCode as TermCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::key::Key;
use super::key_code::KeyCode;
use super::modifiers::Modifiers;

impl Key {
    /// The key of a terminal key press or repeat. Releases, and keys gloss has no name for
    /// (media keys, Caps Lock, ...), give `None`.
    pub fn from_terminal(event: KeyEvent) -> Option<Self> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        Some(Self::new(code(event.code)?, modifiers(event.modifiers)))
    }
}

fn code(code: TermCode) -> Option<KeyCode> {
    Some(match code {
        TermCode::Char(c) => KeyCode::Char(c),
        TermCode::Enter => KeyCode::Enter,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::Delete => KeyCode::Delete,
        TermCode::Insert => KeyCode::Insert,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        TermCode::F(n) => KeyCode::F(n),
        _ => return None,
    })
}

/// Ctrl, Alt and Shift; Super, Hyper and Meta are not part of gloss's notation.
fn modifiers(held: KeyModifiers) -> Modifiers {
    [
        (KeyModifiers::CONTROL, Modifiers::CTRL),
        (KeyModifiers::ALT, Modifiers::ALT),
        (KeyModifiers::SHIFT, Modifiers::SHIFT),
    ]
    .into_iter()
    .filter(|(theirs, _)| held.contains(*theirs))
    .fold(Modifiers::NONE, |set, (_, ours)| set | ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    fn press(code: TermCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn presses_become_the_keys_of_the_notation() {
        let shifted_g = press(TermCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_terminal(shifted_g), Some(key("G")));
        let ctrl_d = press(TermCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_terminal(ctrl_d), Some(key("ctrl-d")));
        let page = press(TermCode::PageDown, KeyModifiers::NONE);
        assert_eq!(Key::from_terminal(page), Some(key("pagedown")));
        let f5 = press(TermCode::F(5), KeyModifiers::ALT | KeyModifiers::SUPER);
        assert_eq!(Key::from_terminal(f5), Some(key("alt-f5")));
    }

    #[test]
    fn releases_and_unnamed_keys_are_nothing() {
        let mut release = press(TermCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(Key::from_terminal(release), None);
        let caps = press(TermCode::CapsLock, KeyModifiers::NONE);
        assert_eq!(Key::from_terminal(caps), None);
    }

    #[test]
    fn repeats_count_as_presses() {
        let mut repeat = press(TermCode::Char('j'), KeyModifiers::NONE);
        repeat.kind = KeyEventKind::Repeat;
        assert_eq!(Key::from_terminal(repeat), Some(key("j")));
    }
}
