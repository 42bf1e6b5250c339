//! The bundled theme files as the build script read them (see build/theme_table.rs): the same
//! keys, values and places as the TOML parser gives, without parsing TOML at start-up.

use std::collections::BTreeMap;

use toml::Spanned;

use ratatui::style::Color;

use super::file::{Raw, RawStyle, ThemeFile, colour_literal, style_of};
use super::role::Role;

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

/// The bundled theme file whose text is `src`, read straight from its table: no strings or
/// maps built to read it as the TOML parser's output first (those were most of the 0.24 M
/// instructions resolving the default theme took before the first frame). None when `src` is
/// no bundled theme's text or something in it does not read (the tests say none has such
/// a thing), and the file is then read the long way, which says what is wrong and where.
pub fn file(origin: &str, src: &str, default_name: &str) -> Option<ThemeFile> {
    let table = TABLES.iter().find(|t| t.text == src)?;
    let palette: Vec<(&str, Color)> = table
        .palette
        .iter()
        .map(|((name, ..), (value, ..))| Some((*name, colour_literal(value)?)))
        .collect::<Option<_>>()?;
    let colour = |c: &str| {
        palette
            .iter()
            .find(|(name, _)| *name == c)
            .map(|(_, colour)| *colour)
            .or_else(|| colour_literal(c))
    };
    let mut styles = Vec::with_capacity(table.styles.len());
    for ((role, ..), raw) in table.styles {
        let style = style_of(raw.fg, raw.bg, raw.modifiers.iter().copied(), colour).ok()?;
        styles.push((Role::from_name(role)?, style));
    }
    let names = table
        .names
        .iter()
        .map(|((colour, ..), (name, ..))| {
            Some((
                colour.parse().ok()?,
                crate::sanitize::line(name).into_owned(),
            ))
        })
        .collect::<Option<_>>()?;
    Some(ThemeFile {
        name: table
            .name
            .map_or_else(|| default_name.to_string(), |(_, (n, ..))| n.to_string()),
        inherits: table
            .inherits
            .map(|(_, (parent, start, end))| (parent.to_string(), start..end)),
        styles,
        names,
        origin: origin.to_string(),
        source: src.to_string(),
    })
}

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

    #[test]
    fn every_bundled_theme_reads_from_its_table_as_from_its_toml() {
        for (name, text) in BUNDLED {
            let mut ours = file("bundled", text, name).unwrap_or_else(|| panic!("{name}"));
            let raw = parse_toml("bundled", text).expect("bundled themes parse");
            // The long way, as a user's file is read: from the TOML parser's keys and values.
            let mut theirs = crate::theme::file::from_raw("bundled", text, name, raw).unwrap();
            for f in [&mut ours, &mut theirs] {
                f.styles.sort_by_key(|(role, _)| *role as usize);
                f.names.sort_by_key(|(colour, _)| *colour as usize);
            }
            assert_eq!(ours, theirs, "{name}");
        }
        assert!(file("bundled", "name = \"default\"\n", "default").is_none());
    }
}
