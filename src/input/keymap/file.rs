//! One keymap file read into bindings, with the line and column of anything wrong in it.
//! Pure: the text comes from the caller, which names the file.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use strum::IntoEnumIterator;
use toml::Spanned;

use super::Mode;
use crate::input::action::Action;
use crate::input::key::{Key, UnknownKey};
use crate::input::keys::Keys;

/// What is wrong with a keymap file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}, column {column}: {problem}")]
pub struct KeymapError {
    /// The file, as shown to the user (`bundled:keymap.toml` for the built-in one).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// One mistake in a keymap file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not TOML, or not tables of lists of strings.
    #[error("{0}")]
    Syntax(String),
    /// A table that is not a mode.
    #[error(
        "unknown mode [{0}] (use normal, visual, panel, prompt, note, help, library, notes or search)"
    )]
    UnknownMode(String),
    /// An action name that does not exist.
    #[error("[{mode}] unknown action {action:?} (`gloss keys` lists the actions)")]
    UnknownAction {
        /// The mode table.
        mode: &'static str,
        /// The bad name.
        action: String,
    },
    /// A key that cannot be parsed.
    #[error("[{mode}] {action}: {source}")]
    Key {
        /// The mode table.
        mode: &'static str,
        /// The action it was bound to.
        action: &'static str,
        /// What is wrong with it.
        source: UnknownKey,
    },
    /// A mode left without any key that gets out of it (the note editor without
    /// `close_editor` would keep the user in it).
    #[error("[{mode}] leaves no key to get out of this mode (keep a key for {exits})")]
    NoWayOut {
        /// The mode table.
        mode: &'static str,
        /// The actions that would, as `select_cancel or quit`.
        exits: String,
    },
    /// One key given to two actions of the same mode.
    #[error("[{mode}] {key} is bound to both {first} and {second}")]
    Twice {
        /// The mode table.
        mode: &'static str,
        /// The key, as written.
        key: String,
        /// The action it was given to first.
        first: &'static str,
        /// The action it was given to again.
        second: &'static str,
    },
}

/// The keys one file gives one action in one mode; no keys means "unbind".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The mode table.
    pub mode: Mode,
    /// The action.
    pub action: Action,
    /// Its keys in the order written, without repeats.
    pub keys: Vec<Keys>,
    /// Where the mode's table is named in the file, for errors about the mode as a whole.
    pub table_at: usize,
}

/// An error at byte `at` of `src`, the text of `file`.
pub fn error_at(file: &str, src: &str, at: usize, problem: Problem) -> KeymapError {
    let (line, column) = crate::location::line_column(src, at);
    KeymapError {
        file: file.to_string(),
        line,
        column,
        problem,
    }
}

type Raw = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Vec<Spanned<String>>>>;

/// A name in a keymap file and the byte it starts at (a key's opening quote).
pub type Placed<'a> = (&'a str, usize);

/// One mode's table of a keymap file as written, in the form the build script gives the
/// default keymap (so that it is not parsed as TOML at every start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The mode's name.
    pub mode: Placed<'static>,
    /// Each action with its keys, in file order.
    pub entries: &'static [(Placed<'static>, &'static [Placed<'static>])],
}

/// One mode's table as written, borrowed from a file's text or from a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written<'a> {
    mode: Placed<'a>,
    entries: Vec<(Placed<'a>, Vec<Placed<'a>>)>,
}

impl Table {
    pub(crate) fn written(&self) -> Written<'static> {
        Written {
            mode: self.mode,
            entries: self.entries.iter().map(|(a, k)| (*a, k.to_vec())).collect(),
        }
    }
}

/// The bindings of a keymap file in the order it lists them. `file` names it in errors.
pub fn parse(file: &str, src: &str) -> Result<Vec<Binding>, KeymapError> {
    let raw: Raw = toml::from_str(src).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error_at(
            file,
            src,
            at,
            Problem::Syntax(e.message().trim().to_string()),
        )
    })?;
    bindings(file, src, written(&raw), Clashes::Refused)
}

/// The bindings of `tables`, the build script's reading of `src`, the text of `file`, without
/// looking for keys bound twice: for the bundled keymap, which a test
/// reads with every check a file gets (`the_build_scripts_reading_of_the_default_keymap_is_the_
/// toml_parsers`); the check was about a fifth of the work of making the keymap at each start.
pub fn parse_trusted_table(
    file: &str,
    src: &str,
    tables: &[Table],
) -> Result<Vec<Binding>, KeymapError> {
    bindings(
        file,
        src,
        tables.iter().map(Table::written).collect(),
        Clashes::Trusted,
    )
}

/// Whether [`bindings`] refuses a key bound twice or trusts the tables not to have one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clashes {
    Refused,
    Trusted,
}

/// The tables of a parsed file in file order.
pub(crate) fn written(raw: &Raw) -> Vec<Written<'_>> {
    let mut tables: Vec<Written<'_>> = raw
        .iter()
        .map(|(mode, table)| {
            let mut entries: Vec<_> = table
                .iter()
                .map(|(action, keys)| (placed(action), keys.iter().map(placed).collect()))
                .collect();
            entries.sort_by_key(|((_, at), _)| *at);
            Written {
                mode: placed(mode),
                entries,
            }
        })
        .collect();
    tables.sort_by_key(|t| t.mode.1);
    tables
}

fn placed(s: &Spanned<String>) -> Placed<'_> {
    (s.get_ref().as_str(), s.span().start)
}

fn bindings(
    file: &str,
    src: &str,
    tables: Vec<Written<'_>>,
    clashes: Clashes,
) -> Result<Vec<Binding>, KeymapError> {
    let at = |at: usize, problem| error_at(file, src, at, problem);
    let mut bindings = Vec::new();
    for Written { mode, entries } in tables {
        let (mode_name, table_at) = mode;
        let mode = Mode::iter()
            .find(|m| m.name() == mode_name)
            .ok_or_else(|| at(table_at, Problem::UnknownMode(mode_name.to_string())))?;
        // The keys given so far in this mode, by first key: only keys that start alike clash.
        let mut owner: HashMap<Key, Vec<(Keys, Action)>> = HashMap::new();
        for ((action_name, action_at), key_names) in entries {
            let action: Action = action_name.parse().map_err(|_| {
                at(
                    action_at,
                    Problem::UnknownAction {
                        mode: mode.name(),
                        action: action_name.to_string(),
                    },
                )
            })?;
            let mut keys = Vec::with_capacity(key_names.len());
            for (name, name_at) in key_names {
                let key: Keys = name.parse().map_err(|source| {
                    at(
                        name_at,
                        Problem::Key {
                            mode: mode.name(),
                            action: action.name(),
                            source,
                        },
                    )
                })?;
                let clash = match clashes {
                    Clashes::Trusted => None,
                    Clashes::Refused => {
                        let given = owner.entry(key.first).or_default();
                        let clash = given
                            .iter()
                            .find(|(k, a)| k.clashes_with(&key) && (*a != action || *k != key))
                            .map(|(_, a)| *a);
                        given.push((key, action));
                        clash
                    }
                };
                match clash {
                    Some(first) => {
                        return Err(at(
                            name_at,
                            Problem::Twice {
                                mode: mode.name(),
                                key: name.to_string(),
                                first: first.name(),
                                second: action.name(),
                            },
                        ));
                    }
                    _ if keys.contains(&key) => {}
                    _ => keys.push(key),
                }
            }
            bindings.push(Binding {
                mode,
                action,
                keys,
                table_at,
            });
        }
    }
    Ok(bindings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(src: &str) -> String {
        parse("keymap.toml", src).unwrap_err().to_string()
    }

    #[test]
    fn only_a_trusted_table_may_bind_a_key_twice() {
        const TWICE: &[Table] = &[Table {
            mode: ("normal", 1),
            entries: &[(("quit", 10), &[("x", 18)]), (("help", 24), &[("x", 32)])],
        }];
        let src = "[normal]\nquit = [\"x\"]\nhelp = [\"x\"]\n";
        let written = TWICE.iter().map(Table::written).collect();
        let refused = bindings("keymap.toml", src, written, Clashes::Refused)
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("x is bound to both quit and help"),
            "{refused}"
        );
        assert_eq!(
            parse_trusted_table("keymap.toml", src, TWICE)
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn bindings_come_in_file_order_without_repeated_keys() {
        let src = "[visual]\nline_down = [\"j\"]\n[normal]\nquit = [\"x\", \"x\"]\nhelp = []\n";
        let bindings = parse("keymap.toml", src).unwrap();
        let key = |s: &str| s.parse::<Keys>().unwrap();
        assert_eq!(
            bindings,
            [
                Binding {
                    mode: Mode::Visual,
                    action: Action::LineDown,
                    keys: vec![key("j")],
                    table_at: 1,
                },
                Binding {
                    mode: Mode::Normal,
                    action: Action::Quit,
                    keys: vec![key("x")],
                    table_at: src.find("normal").unwrap(),
                },
                Binding {
                    mode: Mode::Normal,
                    action: Action::Help,
                    keys: vec![],
                    table_at: src.find("normal").unwrap(),
                },
            ]
        );
    }

    #[test]
    fn mistakes_name_the_file_line_column_and_what_is_wrong() {
        assert_eq!(
            error("[normal]\nquit = [\"q\"]\nscrol_down = [\"j\"]\n"),
            "keymap.toml: line 3, column 1: [normal] unknown action \"scrol_down\" \
             (`gloss keys` lists the actions)"
        );
        assert!(
            error("[normal]\nquit = [\"q\", \"ctrl-\"]\n").starts_with(
                "keymap.toml: line 2, column 14: [normal] quit: unknown key \"ctrl-\""
            ),
            "{}",
            error("[normal]\nquit = [\"q\", \"ctrl-\"]\n")
        );
        assert_eq!(
            error("# mine\n[insert]\nquit = [\"q\"]\n"),
            "keymap.toml: line 2, column 2: unknown mode [insert] \
             (use normal, visual, panel, prompt, note, help, library, notes or search)"
        );
        assert_eq!(
            error("[normal]\nquit = [\"x\"]\nhelp = [\"x\"]\n"),
            "keymap.toml: line 3, column 9: [normal] x is bound to both quit and help"
        );
    }

    #[test]
    fn toml_that_is_not_tables_of_key_lists_is_an_error_with_its_place() {
        let err = parse("keymap.toml", "[normal]\nquit = \"q\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 8));
        assert!(matches!(err.problem, Problem::Syntax(_)), "{err}");
        let err = parse("keymap.toml", "[normal\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.to_string().starts_with("keymap.toml: line 1"), "{err}");
    }
}
