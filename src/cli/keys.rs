//! The keymap in effect (the default with the user's `keymap.toml` merged over it), and
//! `gloss keys`, which prints it.

use strum::IntoEnumIterator;
use unicode_width::UnicodeWidthStr;

use crate::error::Error;
use crate::input::{Keymap, Keys, Mode};
use crate::sanitize;
use crate::store::config;

/// The keymap to use, and why it is the default one if the user's file was refused.
pub struct Effective {
    /// The keymap.
    pub keymap: Keymap,
    /// What was wrong with the user's keymap file, if it was not used.
    pub warning: Option<String>,
}

/// The default keymap with the user's keymap file merged over it. A file that cannot be read
/// or has a mistake leaves the default whole and becomes a warning.
pub fn effective() -> Result<Effective, Error> {
    let default = Keymap::default_keymap()?;
    let user = config::config_dir().map_or(Ok(None), |dir| config::read_keymap(&dir));
    let merged = match user {
        // No keymap file: the default as it is, not a copy of it.
        Ok(None) => {
            return Ok(Effective {
                keymap: default,
                warning: None,
            });
        }
        Ok(Some(file)) => default
            .merged(&file.origin, &file.text)
            .map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    Ok(match merged {
        Ok(keymap) => Effective {
            keymap,
            warning: None,
        },
        Err(e) => Effective {
            keymap: default,
            warning: Some(format!("{e}; using the default keymap")),
        },
    })
}

/// `gloss keys`: one line per mode and action of the keymap in effect.
pub fn list() -> Result<(), Error> {
    let Effective { keymap, warning } = effective()?;
    if let Some(warning) = warning {
        eprintln!("gloss: {}", sanitize::line(&warning));
    }
    let mut out = super::out::Out::new();
    for line in table(&keymap) {
        out.line(&line)?;
    }
    Ok(())
}

/// Mode, keys, action name and description of every binding, in aligned columns.
fn table(keymap: &Keymap) -> Vec<String> {
    let rows: Vec<[String; 4]> = Mode::iter()
        .flat_map(|mode| {
            keymap.bindings(mode).iter().map(move |(action, keys)| {
                let keys = Keys::listed(keys);
                [mode.name(), &keys, action.name(), action.describe()]
                    .map(|cell| sanitize::line(cell).into_owned())
            })
        })
        .collect();
    let mut widths = [0; 3];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (cell, width) in row.iter().zip(widths) {
                line.push_str(cell);
                line.push_str(&" ".repeat(width - cell.width() + 2));
            }
            line.push_str(&row[3]);
            sanitize::line(&line).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_is_a_line_of_aligned_columns() {
        let keymap = Keymap::from_toml(
            "keymap.toml",
            "[normal]\nscroll_down = [\"j\", \"down\"]\nquit = [\"q\"]\n[help]\nclose_help = [\"esc\"]\n",
        )
        .unwrap();
        assert_eq!(
            table(&keymap),
            [
                "normal  j, Down  scroll_down  Scroll down one line",
                "normal  q        quit         Quit gloss",
                "help    Esc      close_help   Close the help",
            ]
        );
    }

    #[test]
    fn keys_that_are_control_characters_are_shown_safely() {
        let keymap = Keymap::from_toml("keymap.toml", "[normal]\nquit = [\"\\u001b\"]\n").unwrap();
        assert_eq!(table(&keymap), ["normal  ␛  quit  Quit gloss"]);
    }
}
