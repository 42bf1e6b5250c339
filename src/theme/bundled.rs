//! The bundled theme files as the build script read them (see build/theme_table.rs): the same
//! keys, values and places as the TOML parser gives, without parsing TOML at start-up.

use std::collections::BTreeMap;

use toml::Spanned;

use super::file::{Raw, RawStyle};

/// A string of a theme file with the byte range it takes there.
type Str = (&'static str, usize, usize);

/// One `[styles]` value.
pub struct Style {
    pub span: (usize, usize),
    pub fg: Option<&'static str>,
    pub bg: Option<&'static str>,
    pub modifiers: &'static [&'static str],
}

/// One bundled theme file.
pub struct Table {
    /// The file's text, to recognise it by.
    pub text: &'static str,
    pub name: Option<(Str, Str)>,
    pub inherits: Option<(Str, Str)>,
    pub palette: &'static [(Str, Str)],
    pub names: &'static [(Str, Str)],
    pub styles: &'static [(Str, Style)],
}

/// Every bundled theme file, in file name order.
const TABLES: &[Table] = include!(concat!(env!("OUT_DIR"), "/themes_table.rs"));

/// What the TOML parser would read from `src`, if it is a bundled theme file's text.
pub fn raw(src: &str) -> Option<Raw> {
    TABLES.iter().find(|t| t.text == src).map(Table::raw)
}

fn spanned((text, start, end): Str) -> Spanned<String> {
    Spanned::new(start..end, text.to_string())
}

fn map(pairs: &[(Str, Str)]) -> BTreeMap<Spanned<String>, Spanned<String>> {
    pairs
        .iter()
        .map(|(k, v)| (spanned(*k), spanned(*v)))
        .collect()
}

impl Table {
    fn raw(&self) -> Raw {
        let style = |s: &Style| {
            let style = RawStyle {
                fg: s.fg.map(str::to_string),
                bg: s.bg.map(str::to_string),
                modifiers: s.modifiers.iter().map(|m| (*m).to_string()).collect(),
            };
            Spanned::new(s.span.0..s.span.1, style)
        };
        Raw {
            name: self.name.map(|(_, v)| spanned(v)),
            inherits: self.inherits.map(|(_, v)| spanned(v)),
            palette: map(self.palette),
            names: map(self.names),
            styles: self
                .styles
                .iter()
                .map(|(k, s)| (spanned(*k), style(s)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::catalog::BUNDLED;
    use crate::theme::file::parse_toml;

    #[test]
    fn every_bundled_theme_has_a_table_that_reads_as_its_toml() {
        assert_eq!(TABLES.len(), BUNDLED.len());
        for (name, text) in BUNDLED {
            let ours = raw(text).unwrap_or_else(|| panic!("no table for {name}"));
            let theirs = parse_toml("bundled", text).expect("bundled themes parse");
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{name}");
        }
        assert!(raw("name = \"default\"\n").is_none());
    }
}
