//! Keys mapped to actions per mode. The default keymap is TOML compiled into the binary; a
//! user's keymap file is merged over it, mode by mode. Pure: files are read by `store`.

mod file;

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::action::Action;
use super::key::Key;
use super::keys::Keys;

pub use file::{KeymapError, Problem};

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
    /// What changed in a re-issued brief, over the reader.
    Changes,
    /// The library: a folder of briefs.
    Library,
    /// Every annotation across the library.
    Notes,
    /// The library's codebook.
    Codebook,
    /// Search results across the library.
    Search,
    /// The library's analysis views.
    Analysis,
}

impl Mode {
    /// The mode's table name in keymap files (`normal`).
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// The bindings of every mode.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    /// Keys of each (mode, action) in action order; an action's keys with the latest added
    /// first, so hints show the key a user chose.
    keys: BTreeMap<Mode, Vec<(Action, Vec<Keys>)>>,
    /// The same, by keys.
    bindings: HashMap<(Mode, Keys), Action>,
    /// The first keys of two-key bindings: pressed, they wait for the second.
    prefixes: HashSet<(Mode, Key)>,
}

/// What a key press means, given the key pressed before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// It completes a binding.
    Action(Action),
    /// It starts a two-key binding: the next key finishes it.
    Prefix,
    /// Nothing is bound to it.
    Unbound,
}

const DEFAULT: &str = include_str!("keymap.toml");

/// [`DEFAULT`] as the build script read it (build.rs), so start-up parses no TOML for it; a
/// test checks it against the TOML parser's reading.
const DEFAULT_TABLE: &[file::Table] = {
    use file::Table;
    include!(concat!(env!("OUT_DIR"), "/keymap_table.rs"))
};

/// How the built-in keymap is named in (test-caught) errors.
const DEFAULT_NAME: &str = "bundled:keymap.toml";

impl Keymap {
    /// The built-in keymap.
    pub fn default_keymap() -> Result<Self, KeymapError> {
        let bindings = file::parse_trusted_table(DEFAULT_NAME, DEFAULT, DEFAULT_TABLE)?;
        Self::default().merged_bindings(DEFAULT_NAME, DEFAULT, bindings)
    }

    /// The keymap of one file alone; `file` names it in errors.
    pub fn from_toml(file: &str, src: &str) -> Result<Self, KeymapError> {
        Self::default().merged(file, src)
    }

    /// This keymap with a keymap file merged over it, per mode: a key the file binds leaves
    /// the action it had here (which keeps its other keys), `action = []` unbinds all of an
    /// action's keys, and the keys the file lists are added in front of the action's others.
    /// A mode the file leaves with no key to get out of it is an error too; `file` names the
    /// file in errors.
    pub fn merged(&self, file: &str, src: &str) -> Result<Self, KeymapError> {
        self.merged_bindings(file, src, file::parse(file, src)?)
    }

    /// [`Keymap::merged`] with the file's `bindings` already read.
    fn merged_bindings(
        &self,
        file: &str,
        src: &str,
        bindings: Vec<file::Binding>,
    ) -> Result<Self, KeymapError> {
        let tables: BTreeMap<Mode, usize> = bindings.iter().map(|b| (b.mode, b.table_at)).collect();
        let mut keys = self.keys.clone();
        // How many entries each mode had before this file: the file's own keys never clash
        // with each other (`file::parse` refuses that), so only those are looked through.
        let before: HashMap<Mode, usize> = keys.iter().map(|(m, t)| (*m, t.len())).collect();
        for binding in bindings {
            let table = keys.entry(binding.mode).or_default();
            let earlier = before.get(&binding.mode).copied().unwrap_or(0);
            // A binding the file makes takes its keys from other actions, and so does one
            // that would start or be started by them (`]` against `] h`).
            for (_, old) in table.iter_mut().take(earlier) {
                old.retain(|k| !binding.keys.iter().any(|new| new.clashes_with(k)));
            }
            match table.iter_mut().find(|(a, _)| *a == binding.action) {
                Some((_, old)) => {
                    let kept = if binding.keys.is_empty() {
                        Vec::new()
                    } else {
                        std::mem::take(old)
                    };
                    *old = binding.keys;
                    old.extend(kept);
                }
                None => table.push((binding.action, binding.keys)),
            }
        }
        let map = Self::indexed(keys);
        for (mode, at) in tables {
            let exits = exits(mode);
            if exits.iter().all(|a| map.keys_for(mode, *a).is_empty()) {
                let names: Vec<_> = exits.iter().map(|a| a.name()).collect();
                let problem = Problem::NoWayOut {
                    mode: mode.name(),
                    exits: names.join(" or "),
                };
                return Err(file::error_at(file, src, at, problem));
            }
        }
        Ok(map)
    }

    /// A keymap from its per-mode lists, tidied (no empty entries, actions in order) and
    /// indexed by key.
    fn indexed(mut keys: BTreeMap<Mode, Vec<(Action, Vec<Keys>)>>) -> Self {
        // Sized once: growing the map key by key rehashed it over and over.
        let count = keys.values().flatten().map(|(_, ks)| ks.len()).sum();
        let mut bindings = HashMap::with_capacity(count);
        let mut prefixes = HashSet::new();
        for (mode, table) in &mut keys {
            table.retain(|(_, ks)| !ks.is_empty());
            // Declaration order, which is `Action::iter`'s (the enum has no data).
            table.sort_by_key(|(action, _)| *action as usize);
            for (action, ks) in table.iter() {
                for key in ks {
                    bindings.insert((*mode, *key), *action);
                    if key.then.is_some() {
                        prefixes.insert((*mode, key.first));
                    }
                }
            }
        }
        keys.retain(|_, table| !table.is_empty());
        Self {
            keys,
            bindings,
            prefixes,
        }
    }

    /// The action bound to the single key `key` in `mode`.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.bindings.get(&(mode, Keys::one(key))).copied()
    }

    /// What pressing `key` in `mode` means after `pending`, the first key of a two-key
    /// binding (or nothing). After a prefix, a key that finishes no binding means nothing.
    pub fn lookup(&self, mode: Mode, pending: Option<Key>, key: Key) -> Lookup {
        let keys = match pending {
            Some(first) => Keys {
                first,
                then: Some(key),
            },
            None if self.prefixes.contains(&(mode, key)) => return Lookup::Prefix,
            None => Keys::one(key),
        };
        self.bindings
            .get(&(mode, keys))
            .map_or(Lookup::Unbound, |a| Lookup::Action(*a))
    }

    /// Every (action, keys) of a mode in action order, for the help overlay.
    pub fn bindings(&self, mode: Mode) -> &[(Action, Vec<Keys>)] {
        self.keys.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// The keys of `action` in `mode`, the one to show first.
    pub fn keys_for(&self, mode: Mode, action: Action) -> &[Keys] {
        self.bindings(mode)
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The key to name in a hint for `action` in `mode`: its first key, or `unbound`.
    pub fn hint(&self, mode: Mode, action: Action) -> String {
        Keys::hinted(self.keys_for(mode, action))
    }
}

/// The actions that get out of a mode; a keymap must keep a key for one of them.
fn exits(mode: Mode) -> &'static [Action] {
    match mode {
        Mode::Normal => &[Action::Quit],
        Mode::Visual => &[Action::SelectCancel, Action::Quit],
        Mode::Panel => &[Action::FocusPanel, Action::TogglePanel, Action::Quit],
        Mode::Prompt => &[Action::PromptCancel, Action::PromptAccept],
        Mode::Note => &[Action::CloseEditor],
        Mode::Help => &[Action::CloseHelp, Action::Quit],
        Mode::Changes => &[Action::CloseChanges, Action::Quit],
        Mode::Library => &[Action::Quit],
        Mode::Notes => &[Action::Quit],
        Mode::Codebook => &[Action::Quit],
        Mode::Search => &[Action::Quit],
        Mode::Analysis => &[Action::Quit],
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    fn keys(list: &[&str]) -> Vec<Keys> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn the_build_scripts_reading_of_the_default_keymap_is_the_toml_parsers() {
        let raw = toml::from_str(DEFAULT).unwrap();
        let tables: Vec<_> = DEFAULT_TABLE.iter().map(file::Table::written).collect();
        assert_eq!(tables, file::written(&raw));
        assert_eq!(
            Keymap::default_keymap().unwrap(),
            Keymap::from_toml(DEFAULT_NAME, DEFAULT).unwrap()
        );
    }

    #[test]
    fn a_two_key_binding_waits_for_its_second_key() {
        let map = Keymap::default_keymap().unwrap();
        let (bracket, h, x) = (key("]"), key("h"), key("x"));
        assert_eq!(map.lookup(Mode::Normal, None, bracket), Lookup::Prefix);
        assert_eq!(
            map.lookup(Mode::Normal, Some(bracket), h),
            Lookup::Action(Action::NextHighlight)
        );
        assert_eq!(map.lookup(Mode::Normal, Some(bracket), x), Lookup::Unbound);
        assert_eq!(
            map.lookup(Mode::Normal, None, key("j")),
            Lookup::Action(Action::ScrollDown)
        );
        // Not a prefix where no two-key binding starts with it.
        assert_eq!(map.lookup(Mode::Prompt, None, bracket), Lookup::Unbound);
    }

    #[test]
    fn binding_a_prefix_alone_takes_it_from_the_two_key_bindings_and_back() {
        let map = with_user("[normal]\nhelp = [\"]\"]\n");
        assert_eq!(
            map.lookup(Mode::Normal, None, key("]")),
            Lookup::Action(Action::Help)
        );
        assert!(map.keys_for(Mode::Normal, Action::NextHighlight).is_empty());
        assert_eq!(
            map.keys_for(Mode::Normal, Action::PrevHighlight),
            keys(&["[ h"])
        );
        let map = with_user("[normal]\nnext_note = [\"g n\"]\n");
        assert_eq!(map.lookup(Mode::Normal, None, key("g")), Lookup::Prefix);
        assert!(
            map.keys_for(Mode::Normal, Action::Top)
                .contains(&"home".parse().unwrap())
        );
        assert!(
            !map.keys_for(Mode::Normal, Action::Top)
                .contains(&"g".parse().unwrap())
        );
        let err = Keymap::from_toml("k.toml", "[normal]\nquit = [\"q\"]\nhelp = [\"q x\"]\n")
            .unwrap_err();
        assert_eq!((err.line, err.column), (3, 9), "{err}");
    }

    fn with_user(src: &str) -> Keymap {
        Keymap::default_keymap()
            .unwrap()
            .merged("keymap.toml", src)
            .unwrap()
    }

    #[test]
    fn the_default_keymap_binds_the_documented_keys() {
        let map = Keymap::default_keymap().unwrap();
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
        assert_eq!(
            map.keys_for(Mode::Normal, Action::Quit),
            keys(&["q", "ctrl-c"])
        );
        assert_eq!(map.hint(Mode::Normal, Action::TogglePanel), "Tab");
    }

    #[test]
    fn every_action_has_a_key_somewhere_by_default() {
        let map = Keymap::default_keymap().unwrap();
        for action in Action::iter() {
            assert!(
                Mode::iter().any(|m| !map.keys_for(m, action).is_empty()),
                "{action:?} is bound in no mode, so `gloss keys` would not list it"
            );
        }
    }

    #[test]
    fn a_user_key_takes_the_key_from_the_default_action_which_keeps_its_others() {
        let map = with_user("[normal]\nsearch = [\"n\"]\n");
        assert_eq!(map.action(Mode::Normal, key("n")), Some(Action::Search));
        assert_eq!(
            map.keys_for(Mode::Normal, Action::Search),
            keys(&["n", "/"])
        );
        assert!(map.keys_for(Mode::Normal, Action::SearchNext).is_empty());
        assert_eq!(
            map.action(Mode::Panel, key("n")),
            None,
            "other modes keep their own bindings"
        );
    }

    #[test]
    fn user_keys_are_added_in_front_so_hints_show_them() {
        let map = with_user("[normal]\nhelp = [\"f2\"]\nquit = [\"x\", \"q\"]\n");
        assert_eq!(
            map.keys_for(Mode::Normal, Action::Help),
            keys(&["f2", "?", "f1"])
        );
        assert_eq!(
            map.keys_for(Mode::Normal, Action::Quit),
            keys(&["x", "q", "ctrl-c"])
        );
        assert_eq!(map.hint(Mode::Normal, Action::Help), "F2");
        assert_eq!(map.hint(Mode::Panel, Action::Help), "?");
    }

    #[test]
    fn an_empty_list_unbinds_every_key_of_the_action_in_that_mode() {
        let map = with_user("[normal]\ntoggle_repeats = []\n");
        assert_eq!(map.action(Mode::Normal, key("z")), None);
        assert!(map.keys_for(Mode::Normal, Action::ToggleRepeats).is_empty());
        assert_eq!(map.hint(Mode::Normal, Action::ToggleRepeats), "unbound");
        assert!(
            !map.bindings(Mode::Normal)
                .iter()
                .any(|(a, _)| *a == Action::ToggleRepeats),
            "the help overlay no longer lists it"
        );
    }

    #[test]
    fn a_user_keymap_can_bind_an_action_in_a_mode_that_had_none() {
        let map = with_user("[note]\nquit = [\"ctrl-q\"]\n");
        assert_eq!(map.action(Mode::Note, key("ctrl-q")), Some(Action::Quit));
        assert_eq!(
            map.action(Mode::Note, key("esc")),
            Some(Action::CloseEditor)
        );
    }

    #[test]
    fn an_empty_user_keymap_changes_nothing() {
        let default = Keymap::default_keymap().unwrap();
        assert_eq!(with_user("# nothing yet\n"), default);
        assert_eq!(with_user("[normal]\n"), default);
    }

    #[test]
    fn a_keymap_must_leave_a_way_out_of_every_mode_it_changes() {
        let default = Keymap::default_keymap().unwrap();
        let err = default
            .merged(
                "keymap.toml",
                "[normal]\nquit = [\"x\"]\n\n[note]\nclose_editor = []\n",
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "keymap.toml: line 4, column 2: [note] leaves no key to get out of this mode \
             (keep a key for close_editor)"
        );
        let err = default
            .merged("keymap.toml", "[visual]\nselect_cancel = []\nquit = []\n")
            .unwrap_err();
        assert!(
            err.to_string()
                .ends_with("(keep a key for select_cancel or quit)"),
            "{err}"
        );
        assert!(
            default
                .merged("keymap.toml", "[visual]\nselect_cancel = []\n")
                .is_ok(),
            "Ctrl-c still quits"
        );
    }

    #[test]
    fn a_bad_user_keymap_is_an_error_naming_it() {
        let default = Keymap::default_keymap().unwrap();
        let err = default
            .merged(
                "/home/me/.config/gloss/keymap.toml",
                "[normal]\nquit = [\"ctrl-\"]",
            )
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/home/me/.config/gloss/keymap.toml: line 2, column 9: [normal] quit: unknown key \"ctrl-\""),
            "{err}"
        );
    }
}
