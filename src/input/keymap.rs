//! Keys mapped to actions per mode, read from TOML. The default keymap is compiled in.

use std::collections::{BTreeMap, HashMap};

use strum::IntoEnumIterator;

use super::action::Action;
use super::key::{Key, UnknownKey};

/// The keymap's modes: which table a key is looked up in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    /// Reading.
    Normal,
    /// Selecting text.
    Visual,
    /// Focus in the notes panel.
    Panel,
    /// Typing on the one-line prompt (search, tags, filter).
    Prompt,
    /// Writing a note.
    Note,
    /// The help overlay is open.
    Help,
}

/// What is wrong with a keymap file.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    /// Not TOML, or not tables of lists of strings.
    #[error("keymap: {0}")]
    Syntax(#[from] toml::de::Error),
    /// A table that is not a mode.
    #[error("keymap: unknown mode [{0}] (use normal, visual, panel, prompt, note or help)")]
    UnknownMode(String),
    /// An action name that does not exist.
    #[error("keymap [{mode}]: unknown action {action:?}")]
    UnknownAction {
        /// The mode table.
        mode: String,
        /// The bad name.
        action: String,
    },
    /// A key that cannot be parsed.
    #[error("keymap [{mode}] {action}: {source}")]
    Key {
        /// The mode table.
        mode: String,
        /// The action it was bound to.
        action: String,
        /// What is wrong with it.
        source: UnknownKey,
    },
}

/// The bindings of every mode.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: HashMap<(Mode, Key), Action>,
    /// Keys of each (mode, action), in the order the file lists them.
    keys: BTreeMap<Mode, Vec<(Action, Vec<Key>)>>,
}

const DEFAULT: &str = include_str!("keymap.toml");

type RawKeymap = BTreeMap<String, BTreeMap<String, Vec<String>>>;

impl Keymap {
    /// The built-in keymap.
    pub fn default_keymap() -> Result<Self, KeymapError> {
        Self::from_toml(DEFAULT)
    }

    /// Parses a keymap file.
    pub fn from_toml(src: &str) -> Result<Self, KeymapError> {
        let raw: RawKeymap = toml::from_str(src)?;
        let mut map = Self::default();
        for (mode_name, table) in raw {
            let mode = Mode::iter()
                .find(|m| <&str>::from(*m) == mode_name)
                .ok_or_else(|| KeymapError::UnknownMode(mode_name.clone()))?;
            for (action_name, key_names) in table {
                let action: Action =
                    action_name
                        .parse()
                        .map_err(|_| KeymapError::UnknownAction {
                            mode: mode_name.clone(),
                            action: action_name.clone(),
                        })?;
                let mut keys = Vec::with_capacity(key_names.len());
                for name in key_names {
                    let key: Key = name.parse().map_err(|source| KeymapError::Key {
                        mode: mode_name.clone(),
                        action: action_name.clone(),
                        source,
                    })?;
                    map.bindings.insert((mode, key), action);
                    keys.push(key);
                }
                map.keys.entry(mode).or_default().push((action, keys));
            }
        }
        for list in map.keys.values_mut() {
            list.sort_by_key(|(action, _)| Action::iter().position(|a| a == *action));
        }
        Ok(map)
    }

    /// The action bound to `key` in `mode`.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.bindings.get(&(mode, key)).copied()
    }

    /// Every (action, keys) of a mode in action order, for the help overlay.
    pub fn bindings(&self, mode: Mode) -> &[(Action, Vec<Key>)] {
        self.keys.get(&mode).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keymap_binds_the_documented_keys() {
        let map = Keymap::default_keymap().unwrap();
        let key = |s: &str| s.parse::<Key>().unwrap();
        assert_eq!(map.action(Mode::Normal, key("j")), Some(Action::ScrollDown));
        assert_eq!(map.action(Mode::Normal, key("G")), Some(Action::Bottom));
        assert_eq!(
            map.action(Mode::Normal, key("space")),
            Some(Action::PageDown)
        );
        assert_eq!(
            map.action(Mode::Normal, key("ctrl-d")),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            map.action(Mode::Prompt, key("esc")),
            Some(Action::PromptCancel)
        );
        assert_eq!(map.action(Mode::Prompt, key("j")), None);
        assert_eq!(map.bindings(Mode::Normal)[0].0, Action::ScrollDown);
    }

    #[test]
    fn bad_keymaps_say_what_is_wrong() {
        let err = Keymap::from_toml("[normal]\nscrol_down = [\"j\"]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "keymap [normal]: unknown action \"scrol_down\""
        );
        let err = Keymap::from_toml("[normal]\nquit = [\"ctrl-\"]").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("keymap [normal] quit: unknown key \"ctrl-\"")
        );
        let err = Keymap::from_toml("[insert]\nquit = [\"q\"]").unwrap_err();
        assert!(err.to_string().contains("unknown mode [insert]"));
    }
}
