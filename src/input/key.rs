//! Key notation (`j`, `G`, `ctrl-d`, `pagedown`): parsing it and printing it. Knows no
//! terminal library; `terminal.rs` converts terminal events into keys.

use std::fmt;
use std::str::FromStr;

use super::key_code::KeyCode;
use super::modifiers::Modifiers;

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift only for keys that are not characters).
    pub modifiers: Modifiers,
}

/// A key name the keymap does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key {0:?} (use a character, space, enter, esc, tab, backspace, up, down, left, right, pageup, pagedown, home, end, f1-f12, with ctrl-, alt- or shift-)"
)]
pub struct UnknownKey(pub String);

impl Key {
    /// A key from its code and modifiers, normalised.
    pub fn new(code: KeyCode, modifiers: Modifiers) -> Self {
        // A character already says whether Shift was held (`G`), so Shift on a character is
        // folded into it: `shift-g` is `G`, and a terminal's Shift+`G` is `G` too.
        match code {
            KeyCode::Char(c) => Self {
                code: KeyCode::Char(if modifiers.contains(Modifiers::SHIFT) {
                    shifted(c)
                } else {
                    c
                }),
                modifiers: modifiers.without(Modifiers::SHIFT),
            },
            _ => Self { code, modifiers },
        }
    }
}

/// The capital of a letter; other characters (`1`, `}`, `ß`) stay as typed, since which
/// character Shift gives on them depends on the keyboard layout.
fn shifted(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

impl FromStr for Key {
    type Err = UnknownKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut modifiers = Modifiers::NONE;
        let mut rest = s;
        // A prefix in any case, with a key after it.
        let prefixed = |rest: &str, prefix: &str| {
            rest.len() > prefix.len()
                && rest
                    .get(..prefix.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        };
        const PREFIXES: [(Modifiers, &str); 3] = [
            (Modifiers::CTRL, "ctrl-"),
            (Modifiers::ALT, "alt-"),
            (Modifiers::SHIFT, "shift-"),
        ];
        while let Some((flag, prefix)) = PREFIXES.into_iter().find(|(_, p)| prefixed(rest, p)) {
            modifiers |= flag;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => named(&rest.to_ascii_lowercase()).ok_or_else(|| UnknownKey(s.to_string()))?,
        };
        Ok(Self::new(code, modifiers))
    }
}

fn named(name: &str) -> Option<KeyCode> {
    Some(match name {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        _ => return None,
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (flag, name) in [
            (Modifiers::CTRL, "Ctrl-"),
            (Modifiers::ALT, "Alt-"),
            (Modifiers::SHIFT, "Shift-"),
        ] {
            if self.modifiers.contains(flag) {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn notation_parses_and_prints() {
        assert_eq!(key("ctrl-d"), Key::new(KeyCode::Char('d'), Modifiers::CTRL));
        assert_eq!(key("G"), Key::new(KeyCode::Char('G'), Modifiers::SHIFT));
        assert_eq!(key("pgdn"), key("pagedown"));
        assert_eq!(key("space"), key(" "));
        assert_eq!(key("-"), Key::new(KeyCode::Char('-'), Modifiers::NONE));
        assert_eq!(key("f5").code, KeyCode::F(5));
        assert_eq!(key("ctrl-d").to_string(), "Ctrl-d");
        assert_eq!(key("pagedown").to_string(), "PgDn");
    }

    #[test]
    fn modifier_names_are_read_in_any_case_and_need_a_key_after_them() {
        let ctrl_d = Key::new(KeyCode::Char('d'), Modifiers::CTRL);
        assert_eq!(key("CTRL-d"), ctrl_d);
        assert_eq!(key("Ctrl-d"), ctrl_d);
        assert_eq!(key("aLt-Ctrl-x"), key("ctrl-alt-x"));
        assert_eq!(key("ctrl--"), Key::new(KeyCode::Char('-'), Modifiers::CTRL));
        assert_eq!(key("ctrl-End"), Key::new(KeyCode::End, Modifiers::CTRL));
        assert!("ctrl-".parse::<Key>().is_err());
        assert!("ctrl".parse::<Key>().is_err());
        assert!("ctré-x".parse::<Key>().is_err());
    }

    #[test]
    fn unknown_names_are_errors() {
        assert_eq!(
            "ctrl-nope".parse::<Key>(),
            Err(UnknownKey("ctrl-nope".into()))
        );
        assert!("f13".parse::<Key>().is_err());
    }

    #[test]
    fn shift_on_a_letter_is_its_capital() {
        assert_eq!(key("shift-g"), key("G"));
        assert_eq!(Key::new(KeyCode::Char('g'), Modifiers::SHIFT), key("G"));
        assert_eq!(key("ctrl-shift-g"), key("ctrl-G"));
        assert_eq!(key("shift-g").to_string(), "G");
        assert_eq!(
            key("shift-1"),
            key("1"),
            "layout-dependent: Shift is dropped"
        );
        assert_ne!(key("shift-tab"), key("tab"));
    }

    #[test]
    fn modifiers_print_in_a_fixed_order() {
        assert_eq!(key("G").modifiers, Modifiers::NONE);
        assert_eq!(key("shift-up").to_string(), "Shift-Up");
        assert_eq!(key("ctrl-alt-x").to_string(), "Ctrl-Alt-x");
    }
}
