//! One theme file parsed, with the place of every key kept for error messages. Pure.

use std::collections::BTreeMap;
use std::ops::Range;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use super::role::Role;

/// What is wrong with a theme file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}, column {column}{}: {message}", key.as_ref().map(|k| format!(", key `{k}`")).unwrap_or_default())]
pub struct ThemeError {
    /// The file (or `bundled:NAME`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The key at fault, when there is one.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// A theme file's keys and values as read, each with its place in the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Raw {
    pub name: Option<Spanned<String>>,
    pub inherits: Option<Spanned<String>>,
    #[serde(default)]
    pub palette: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub styles: BTreeMap<Spanned<String>, Spanned<RawStyle>>,
    #[serde(default)]
    pub names: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStyle {
    pub fg: Option<String>,
    pub bg: Option<String>,
    #[serde(default)]
    pub modifiers: Vec<String>,
}

/// A parsed theme file: its own styles only (inheritance is resolved by the catalog).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeFile {
    /// The theme's name.
    pub name: String,
    /// The theme it starts from, and where that was written.
    pub inherits: Option<(String, Range<usize>)>,
    /// The roles this file styles.
    pub styles: Vec<(Role, Style)>,
    /// Display names of highlight colours (`yellow = "Key point"`).
    pub names: Vec<(crate::annotation::Color, String)>,
    /// Where the file came from, for messages.
    pub origin: String,
    /// The source text, for turning spans into lines.
    pub source: String,
}

impl ThemeFile {
    /// An error at `span` of this file.
    pub fn error_at(&self, span: Range<usize>, key: Option<&str>, message: String) -> ThemeError {
        error_at(&self.origin, &self.source, Some(span), key, message)
    }
}

fn error_at(
    origin: &str,
    src: &str,
    span: Option<Range<usize>>,
    key: Option<&str>,
    message: String,
) -> ThemeError {
    let (line, column) = crate::location::line_column(src, span.map_or(0, |s| s.start));
    ThemeError {
        file: origin.to_string(),
        line,
        column,
        key: key.map(str::to_string),
        message,
    }
}

/// The keys and values of a theme file's TOML.
pub(super) fn parse_toml(origin: &str, src: &str) -> Result<Raw, ThemeError> {
    toml::from_str(src)
        .map_err(|e| error_at(origin, src, e.span(), None, e.message().trim().to_string()))
}

/// A colour as ratatui's `Color::from_str` reads it. The forms themes mostly use, `#rrggbb`
/// and `0`-`255`, are read directly: ratatui's parser lower-cases the text and strips its
/// separators into new strings first, about 5,000 instructions a colour.
pub(super) fn colour_literal(text: &str) -> Option<Color> {
    let bytes = text.as_bytes();
    if let [b'#', hex @ ..] = bytes
        && hex.len() == 6
        && hex.iter().all(u8::is_ascii_hexdigit)
    {
        let byte = |i: usize| u8::from_str_radix(text.get(1 + i..3 + i)?, 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    if (1..=3).contains(&bytes.len())
        && bytes.iter().all(u8::is_ascii_digit)
        && let Ok(index) = text.parse::<u8>()
    {
        return Some(Color::Indexed(index));
    }
    Color::from_str(text).ok()
}

/// What a `[styles]` value names that does not read.
pub(super) enum Unread<'a> {
    /// A colour neither in the palette nor a colour literal.
    Colour(&'a str),
    /// A modifier ratatui does not know.
    Modifier(&'a str),
}

/// One `[styles]` value as a style; `colour` reads its colours (the palette, else a literal).
pub(super) fn style_of<'a>(
    fg: Option<&'a str>,
    bg: Option<&'a str>,
    modifiers: impl IntoIterator<Item = &'a str>,
    colour: impl Fn(&str) -> Option<Color>,
) -> Result<Style, Unread<'a>> {
    let read = |c: &'a str| colour(c).ok_or(Unread::Colour(c));
    let mut style = Style::default();
    if let Some(fg) = fg {
        style = style.fg(read(fg)?);
    }
    if let Some(bg) = bg {
        style = style.bg(read(bg)?);
    }
    for m in modifiers {
        let modifier = Modifier::from_name(&m.to_ascii_uppercase()).ok_or(Unread::Modifier(m))?;
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

/// Parses a theme file. `origin` names it in messages; `default_name` is used when the file
/// has no `name`.
pub fn parse(origin: &str, src: &str, default_name: &str) -> Result<ThemeFile, ThemeError> {
    // A bundled theme's text was read at build time.
    if let Some(file) = super::bundled::file(origin, src, default_name) {
        return Ok(file);
    }
    let raw = match super::bundled::raw(src) {
        Some(raw) => raw,
        None => parse_toml(origin, src)?,
    };
    from_raw(origin, src, default_name, raw)
}

/// A theme file from its TOML keys and values, `raw`, read from `src`.
pub(super) fn from_raw(
    origin: &str,
    src: &str,
    default_name: &str,
    raw: Raw,
) -> Result<ThemeFile, ThemeError> {
    let err = |span: Range<usize>, key: &str, message: String| {
        error_at(origin, src, Some(span), Some(key), message)
    };
    let mut palette = BTreeMap::new();
    for (name, value) in &raw.palette {
        let colour = colour_literal(value.get_ref()).ok_or_else(|| {
            err(
                value.span(),
                name.get_ref(),
                format!(
                    "bad colour {:?} (use \"#rrggbb\", a colour name or 0-255)",
                    value.get_ref()
                ),
            )
        })?;
        palette.insert(name.get_ref().clone(), colour);
    }
    let mut styles = Vec::new();
    for (key, value) in &raw.styles {
        let role = Role::from_name(key.get_ref()).ok_or_else(|| {
            err(
                key.span(),
                key.get_ref(),
                format!("unknown role {:?}", key.get_ref()),
            )
        })?;
        let raw_style = value.get_ref();
        let style = style_of(
            raw_style.fg.as_deref(),
            raw_style.bg.as_deref(),
            raw_style.modifiers.iter().map(String::as_str),
            |c| palette.get(c).copied().or_else(|| colour_literal(c)),
        )
        .map_err(|unread| {
            let message = match unread {
                Unread::Colour(c) => {
                    format!("unknown colour {c:?}: not in [palette] and not a colour literal")
                }
                Unread::Modifier(m) => format!("unknown modifier {m:?}"),
            };
            err(value.span(), key.get_ref(), message)
        })?;
        styles.push((role, style));
    }
    let mut names = Vec::new();
    for (key, value) in &raw.names {
        let colour = key.get_ref().parse().map_err(|_| {
            err(
                key.span(),
                key.get_ref(),
                "names are given to yellow, green, blue, red and purple".into(),
            )
        })?;
        names.push((colour, crate::sanitize::line(value.get_ref()).into_owned()));
    }
    Ok(ThemeFile {
        name: raw
            .name
            .map_or_else(|| default_name.to_string(), |n| n.into_inner()),
        inherits: raw.inherits.map(|i| {
            let span = i.span();
            (i.into_inner(), span)
        }),
        styles,
        names,
        origin: origin.to_string(),
        source: src.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn colours_read_directly_are_ratatuis() {
        for text in [
            "#d8dee9",
            "#FFFFFF",
            "#000000",
            "0",
            "110",
            "255",
            "007",
            "256",
            "#abc",
            "#12345g",
            "light-red",
            "Dark Gray",
            "",
            "#",
            "1000",
        ] {
            assert_eq!(colour_literal(text), Color::from_str(text).ok(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn every_colour_text_reads_as_ratatui_reads_it(text in "#?[0-9a-fA-Fg -]{0,8}|[a-zA-Z_ -]{0,14}") {
            prop_assert_eq!(colour_literal(&text), Color::from_str(&text).ok());
        }
    }
}
