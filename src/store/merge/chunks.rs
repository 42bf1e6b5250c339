//! The merge driver's quick way through three versions of a sidecar: each version is cut at
//! its table headers into its `[[annotation]]` tables and the rest, an annotation's table
//! that two or three versions hold in the same text is parsed once, and the merge borrows the
//! entries it keeps as they are. Pure.
//!
//! The answer is the plain way's ([`super::files::merge_plain`]) or none: whatever this way
//! cannot be sure of (a version that does not parse, a cut that falls inside a value, an
//! annotation written some other way than as a `[[annotation]]` table) gives `None`, and the
//! caller takes the plain way, which also finds the line of any error.

use std::collections::HashMap;

use serde::Deserialize;

use super::super::format::{self, Entry, SidecarFile};
use super::{Index, index, merge_annotations, merge_top};
use crate::cores::on_every_core;

/// One version cut at its table headers.
struct Cut<'a> {
    /// Every line that is not in an `[[annotation]]` table, in order.
    rest: String,
    /// The text of each `[[annotation]]` table, from its header to the next header.
    tables: Vec<&'a str>,
}

/// True for a line that opens an `[[annotation]]` table (maybe with a comment after).
fn opens_annotation(line: &str) -> bool {
    line.trim_start()
        .strip_prefix("[[annotation]]")
        .is_some_and(|after| {
            let after = after.trim();
            after.is_empty() || after.starts_with('#')
        })
}

/// Inside which multi-line string a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Within {
    Nothing,
    /// `"""`
    Basic,
    /// `'''`
    Literal,
}

/// Where `line`, begun `within`, ends: follows the strings and comments of TOML far enough
/// to know whether the next line begins inside a multi-line string. A mistake here only
/// makes a cut fall inside a value or a header stay inside a table, which [`parse_table`]
/// and [`parse_rest`] refuse.
fn ends_within(line: &str, mut within: Within) -> Within {
    let bytes = line.as_bytes();
    // Most lines: one key, a one-line value, no multi-line string begun or ended.
    let triple = |quotes: &[u8]| memchr::memmem::find(bytes, quotes).is_some();
    let unchanged = match within {
        Within::Nothing => !triple(b"\"\"\"") && !triple(b"\'\'\'"),
        Within::Basic => !triple(b"\"\"\""),
        Within::Literal => !triple(b"\'\'\'"),
    };
    if unchanged {
        return within;
    }
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        match within {
            Within::Basic => match rest {
                [b'\\', _, ..] => i += 2,
                [b'"', b'"', b'"', ..] => {
                    i = past_closing(bytes, i, b'"');
                    within = Within::Nothing;
                }
                _ => i += 1,
            },
            Within::Literal => match rest {
                [b'\'', b'\'', b'\'', ..] => {
                    i = past_closing(bytes, i, b'\'');
                    within = Within::Nothing;
                }
                _ => i += 1,
            },
            Within::Nothing => match rest {
                [b'#', ..] => return Within::Nothing,
                [b'"', b'"', b'"', ..] => {
                    i += 3;
                    within = Within::Basic;
                }
                [b'\'', b'\'', b'\'', ..] => {
                    i += 3;
                    within = Within::Literal;
                }
                [b'"', ..] => {
                    // A one-line basic string: to the next quote not escaped.
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                [b'\'', ..] => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                }
                _ => i += 1,
            },
        }
    }
    within
}

/// Cuts `src` at every line that starts with `[` outside a multi-line string.
fn cut(src: &str) -> Cut<'_> {
    let mut rest = String::new();
    let mut tables = Vec::new();
    let mut open: Option<usize> = None;
    let mut offset = 0;
    let mut within = Within::Nothing;
    for line in src.split_inclusive('\n') {
        if within == Within::Nothing && line.trim_start().starts_with('[') {
            if let Some(start) = open.take() {
                tables.push(&src[start..offset]);
            }
            if opens_annotation(line) {
                open = Some(offset);
            }
        }
        if open.is_none() {
            rest.push_str(line);
        }
        within = ends_within(line, within);
        offset += line.len();
    }
    if let Some(start) = open {
        tables.push(&src[start..]);
    }
    Cut { rest, tables }
}

/// A table's text as a key: hashed by its length and its two ends only (the start holds
/// the id), compared whole. Hashing all 4 MB of each version took longer than the rest of
/// the look-ups.
#[derive(PartialEq, Eq)]
struct Text<'a>(&'a str);

impl std::hash::Hash for Text<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        const END: usize = 96;
        let bytes = self.0.as_bytes();
        state.write_usize(bytes.len());
        state.write(&bytes[..bytes.len().min(END)]);
        state.write(&bytes[bytes.len().saturating_sub(END)..]);
    }
}

/// One `[[annotation]]` table alone (a header missed by [`cut`] brings in something else,
/// which is refused).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Alone {
    annotation: Vec<Entry>,
}

/// The entry of one table's text, when it parses and passes the checks of
/// [`format::parse`].
fn parse_table(text: &&str) -> Option<Entry> {
    let Alone { annotation } = toml::from_str(text).ok()?;
    let [entry] = <[Entry; 1]>::try_from(annotation).ok()?;
    let known = matches!(
        entry.status.as_str(),
        "exact" | "moved" | "fuzzy" | "orphaned"
    );
    (entry.end >= entry.start && known).then_some(entry)
}

/// Everything of a version but its annotations, when it parses and holds none outside
/// `[[annotation]]` tables.
fn parse_rest(rest: &str) -> Option<SidecarFile> {
    format::parse(rest)
        .ok()
        .filter(|file| file.annotations.is_empty())
}

/// The merged text and how many notes hold both texts, or `None` to take the plain way.
pub(crate) fn merge_quick(
    base: &[u8],
    ours: &[u8],
    theirs: &[u8],
) -> Option<(String, usize, usize)> {
    let no_base = base.iter().all(u8::is_ascii_whitespace);
    let texts = [base, ours, theirs].map(std::str::from_utf8);
    let [Ok(b), Ok(o), Ok(t)] = texts else {
        return None;
    };
    let cuts = on_every_core(&[b, o, t], |text| Some(cut(text)), |_| None);
    let [Some(b), Some(o), Some(t)] = <[Option<Cut<'_>>; 3]>::try_from(cuts).ok()? else {
        return None;
    };
    let sides: &[&Cut<'_>] = if no_base { &[&o, &t] } else { &[&b, &o, &t] };
    // Each text once, in the order first met.
    let mut numbers: HashMap<Text<'_>, usize> = HashMap::new();
    let mut distinct: Vec<&str> = Vec::new();
    for side in sides {
        for table in &side.tables {
            numbers.entry(Text(table)).or_insert_with(|| {
                distinct.push(table);
                distinct.len() - 1
            });
        }
    }
    let entries: Vec<Entry> = on_every_core(&distinct, parse_table, |_| None)
        .into_iter()
        .collect::<Option<_>>()?;
    let side_index = |cut: &Cut<'_>| -> Option<Index<'_>> {
        let tables = cut.tables.iter();
        let found: Option<Vec<&Entry>> = tables
            .map(|t| numbers.get(&Text(t)).and_then(|&n| entries.get(n)))
            .collect();
        Some(index(found?))
    };
    let (ours_rest, theirs_rest) = (parse_rest(&o.rest)?, parse_rest(&t.rest)?);
    let (base_rest, base_index) = if no_base {
        let empty = SidecarFile {
            brief_note: String::new(),
            ..theirs_rest.clone()
        };
        (empty, Index::new())
    } else {
        (parse_rest(&b.rest)?, side_index(&b)?)
    };
    let (oi, ti) = (side_index(&o)?, side_index(&t)?);
    let top = merge_top(&base_rest, &ours_rest, &theirs_rest);
    let annotations = merge_annotations(&base_index, &oi, &ti);
    let conflicts = super::files::count_conflicts(
        &top.brief_note,
        &annotations,
        &ours_rest,
        &theirs_rest,
        &oi,
        &ti,
    );
    let text = format::write_with(&top, &annotations).ok()?;
    Some((text, conflicts, annotations.len()))
}

/// Where a multi-line string closed by the three `quote`s at `i` ends: up to two more quotes
/// right after them still belong to the string (`""""` ends with a quote in it).
fn past_closing(bytes: &[u8], i: usize, quote: u8) -> usize {
    let end = i + 3;
    end + bytes[end..]
        .iter()
        .take(2)
        .take_while(|&&b| b == quote)
        .count()
}
