//! The keys that hints and messages name, taken from the keymap in effect when the reader
//! starts, so a user's rebinding never leaves a hint that lies.

use std::cell::OnceCell;

use foldhash::{HashMap, HashMapExt};

use crate::input::{Action, Keymap, Keys, Mode};

/// The key to show for each bound (mode, action).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    first: HashMap<(Mode, Action), Hint>,
}

/// The first key of a binding, named the first time a hint or message asks for it: naming
/// every key of every mode for each reader opened was 3 % of the work before the first screen,
/// which names a handful.
#[derive(Debug, Clone)]
struct Hint {
    /// The key (none: the action is listed with no key).
    keys: Option<Keys>,
    /// Its name, once asked for.
    named: OnceCell<String>,
}

impl Hint {
    fn name(&self) -> &str {
        self.named
            .get_or_init(|| Keys::hinted(self.keys.as_slice()))
    }
}

/// Two hints are the same when they name the same key, named yet or not.
impl PartialEq for Hint {
    fn eq(&self, other: &Self) -> bool {
        self.keys == other.keys
    }
}

impl Eq for Hint {}

const HIGHLIGHTS: [Action; 5] = [
    Action::Highlight1,
    Action::Highlight2,
    Action::Highlight3,
    Action::Highlight4,
    Action::Highlight5,
];

impl Hints {
    /// The first key of every binding of `keymap`, as [`Keymap::hint`] names it.
    pub fn new(keymap: &Keymap) -> Self {
        use strum::IntoEnumIterator;
        let mut first = HashMap::new();
        for mode in Mode::iter() {
            for (action, keys) in keymap.bindings(mode) {
                // The first binding of an action is the one `Keymap::hint` names.
                first.entry((mode, *action)).or_insert_with(|| Hint {
                    keys: keys.first().copied(),
                    named: OnceCell::new(),
                });
            }
        }
        Self { first }
    }

    /// The key of `action` in `mode`, if it has one.
    pub fn get(&self, mode: Mode, action: Action) -> Option<&str> {
        self.first.get(&(mode, action)).map(Hint::name)
    }

    /// The key of `action` in `mode`, or `unbound`.
    pub fn key(&self, mode: Mode, action: Action) -> &str {
        self.get(mode, action).unwrap_or("unbound")
    }

    /// Two keys as `j/k`, or the one that is bound.
    pub fn pair(&self, mode: Mode, a: Action, b: Action) -> Option<String> {
        match (self.get(mode, a), self.get(mode, b)) {
            (Some(a), Some(b)) => Some(format!("{a}/{b}")),
            (one, other) => one.or(other).map(str::to_string),
        }
    }

    /// The keys that highlight in colours 1 to 5 while selecting: `1-5` when they are
    /// characters in a row, else each bound one, `1/2/x/4/5`.
    pub fn colours(&self) -> Option<String> {
        let keys: Vec<&str> = HIGHLIGHTS
            .iter()
            .filter_map(|a| self.get(Mode::Visual, *a))
            .collect();
        let chars: Option<Vec<char>> = keys.iter().map(|k| single_char(k)).collect();
        let in_a_row = chars.is_some_and(|cs| {
            cs.len() == HIGHLIGHTS.len()
                && cs
                    .windows(2)
                    .all(|w| u32::from(w[1]) == u32::from(w[0]) + 1)
        });
        match keys.as_slice() {
            [] => None,
            [first, .., last] if in_a_row => Some(format!("{first}-{last}")),
            _ => Some(keys.join("/")),
        }
    }

    /// How to make a highlight and then press `then`: `select text with v, then press 1-5`.
    pub fn select_then(&self, then: &str) -> String {
        let select = self.key(Mode::Normal, Action::SelectStart);
        format!("select text with {select}, then press {then}")
    }

    /// [`Hints::colours`], or `unbound`.
    pub fn colour_keys(&self) -> String {
        self.colours().unwrap_or_else(|| "unbound".into())
    }

    /// Hints as `key label`, two spaces apart, leaving out those without a key:
    /// `? help  / search`.
    pub fn line(items: &[(Option<String>, &str)]) -> String {
        items
            .iter()
            .filter_map(|(key, label)| key.as_ref().map(|k| format!("{k} {label}")))
            .collect::<Vec<_>>()
            .join("  ")
    }
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(user: &str) -> Hints {
        let keymap = Keymap::default_keymap()
            .unwrap()
            .merged("keymap.toml", user)
            .unwrap();
        Hints::new(&keymap)
    }

    #[test]
    fn hints_named_or_not_are_equal_and_a_key_is_named_once() {
        let fresh = hints("");
        let asked = hints("");
        let quit = asked.get(Mode::Normal, Action::Quit).map(str::as_ptr);
        assert_eq!(fresh, asked);
        assert_eq!(asked.get(Mode::Normal, Action::Quit).map(str::as_ptr), quit);
        assert_ne!(fresh, hints("[normal]\nquit = [\"x\"]\n"));
    }

    #[test]
    fn every_hint_is_the_keymaps_hint() {
        use strum::IntoEnumIterator;
        let keymap = Keymap::default_keymap()
            .unwrap()
            .merged(
                "keymap.toml",
                "[normal]\nhelp = []\nquit = [\"ctrl-q\", \"q\"]\n",
            )
            .unwrap();
        let h = Hints::new(&keymap);
        for mode in Mode::iter() {
            for (action, _) in keymap.bindings(mode) {
                assert_eq!(
                    h.get(mode, *action),
                    Some(keymap.hint(mode, *action).as_str())
                );
            }
        }
        assert_eq!(h.key(Mode::Normal, Action::Quit), "Ctrl-q");
    }

    #[test]
    fn hints_name_the_first_key_of_the_mode() {
        let h = hints("");
        assert_eq!(h.key(Mode::Normal, Action::Quit), "q");
        assert_eq!(h.key(Mode::Visual, Action::Quit), "Ctrl-c");
        assert_eq!(h.key(Mode::Prompt, Action::Quit), "unbound");
        assert_eq!(h.get(Mode::Prompt, Action::Quit), None);
        assert_eq!(
            h.pair(Mode::Panel, Action::PanelDown, Action::PanelUp)
                .as_deref(),
            Some("j/k")
        );
    }

    #[test]
    fn hints_follow_a_rebinding() {
        let h = hints("[normal]\nhelp = [\"f2\"]\n[panel]\npanel_up = []\n");
        assert_eq!(h.key(Mode::Normal, Action::Help), "F2");
        assert_eq!(
            h.pair(Mode::Panel, Action::PanelDown, Action::PanelUp)
                .as_deref(),
            Some("j")
        );
    }

    #[test]
    fn colour_keys_in_a_row_are_a_range_else_a_list() {
        assert_eq!(hints("").colours().as_deref(), Some("1-5"));
        assert_eq!(
            hints(
                "[visual]\nhighlight1 = [\"a\"]\nhighlight2 = [\"b\"]\nhighlight3 = [\"c\"]\n\
                   highlight4 = [\"d\"]\nhighlight5 = [\"e\"]\nhighlight_with_note = [\"n\"]\n"
            )
            .colours()
            .as_deref(),
            Some("a-e")
        );
        assert_eq!(
            hints("[visual]\nhighlight3 = [\"x\"]\n")
                .colours()
                .as_deref(),
            Some("1/2/x/4/5")
        );
        assert_eq!(
            hints("[visual]\nhighlight5 = []\n").colours().as_deref(),
            Some("1/2/3/4")
        );
        let none = "[visual]\nhighlight1 = []\nhighlight2 = []\nhighlight3 = []\n\
                    highlight4 = []\nhighlight5 = []\n";
        assert_eq!(hints(none).colours(), None);
    }

    #[test]
    fn how_to_highlight_names_the_keys_in_use() {
        assert_eq!(
            hints("").select_then(&hints("").colour_keys()),
            "select text with v, then press 1-5"
        );
        let h = hints("[normal]\nselect_start = [\"s\"]\n[visual]\nhighlight1 = []\n");
        assert_eq!(
            h.select_then(&h.colour_keys()),
            "select text with s, then press 2/3/4/5"
        );
    }

    #[test]
    fn a_hint_line_leaves_out_what_is_unbound() {
        let line = Hints::line(&[
            (Some("?".into()), "help"),
            (None, "search"),
            (Some("q".into()), "quit"),
        ]);
        assert_eq!(line, "? help  q quit");
    }
}
