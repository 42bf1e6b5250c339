//! The sidecar file format: a versioned, flat TOML document that people can read and git can
//! diff. Pure: bytes in, structures out, and back. Unknown keys are carried through untouched.

use std::ops::Range;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::annotation::Color;
use crate::location::line_column as position;

/// The format version this gloss writes and reads.
pub const VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SidecarFile {
    /// Format version; a newer one is refused rather than misread.
    pub version: u32,
    /// The note on the brief as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub brief_note: String,
    /// What the annotations were made against.
    pub document: DocumentInfo,
    /// Where the reader was.
    #[serde(default)]
    pub reading: Reading,
    /// The annotations, in document order then id.
    #[serde(default, rename = "annotation", skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Entry>,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The `[document]` table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The brief's file name.
    #[serde(default)]
    pub file: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// SHA-256 of the normalised text, hex.
    #[serde(default)]
    pub sha256: String,
    /// Length of the normalised text in characters.
    #[serde(default)]
    pub chars: u64,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The `[reading]` table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reading {
    /// Character offset of the text at the top of the screen.
    #[serde(default)]
    pub position: u64,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// One `[[annotation]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable id (UUID v7).
    pub id: Uuid,
    /// Created, RFC 3339.
    pub created: Timestamp,
    /// Last changed, RFC 3339.
    pub updated: Timestamp,
    /// Who made it; left out when unknown (sidecars from before it was recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Highlight colour name.
    pub color: Color,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The note (multi-line strings are written as `"""` blocks).
    #[serde(default)]
    pub note: String,
    /// The quoted text as it was when anchored.
    pub quote: String,
    /// Up to 32 characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// First character (Unicode scalar values into the normalised text).
    pub start: u64,
    /// One past the last character.
    pub end: u64,
    /// `exact` (left out), `moved`, `fuzzy` or `orphaned`.
    #[serde(default = "exact", skip_serializing_if = "is_exact")]
    pub status: String,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

fn exact() -> String {
    "exact".to_string()
}

fn is_exact(s: &str) -> bool {
    s == "exact"
}

/// What is wrong with a sidecar, with where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}{}: {message}", key.as_ref().map(|k| format!(", key `{k}`")).unwrap_or_default())]
pub struct FormatError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The key written on that line, if any.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

fn error_at(src: &str, span: Option<Range<usize>>, message: String) -> FormatError {
    let (line, column) = span.map_or((1, 1), |s| position(src, s.start));
    let key = src
        .lines()
        .nth(line - 1)
        .and_then(|l| l.split_once('='))
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with('['));
    FormatError {
        line,
        column,
        key,
        message,
    }
}

/// Parses a sidecar's bytes, refusing invalid UTF-8 with its position.
pub fn parse_bytes(bytes: &[u8]) -> Result<SidecarFile, FormatError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let (line, column) = position(&valid, valid.len());
            let message = format!("not valid UTF-8 (byte {})", e.valid_up_to());
            Err(FormatError {
                line,
                column,
                key: None,
                message,
            })
        }
    }
}

/// Parses a sidecar. Refuses a version newer than [`VERSION`] and entries that cannot be
/// right (an end before its start), naming the line.
pub fn parse(src: &str) -> Result<SidecarFile, FormatError> {
    let table: toml::Table =
        toml::from_str(src).map_err(|e| error_at(src, e.span(), e.message().trim().to_string()))?;
    let version = match table.get("version") {
        Some(toml::Value::Integer(v)) => u32::try_from(*v).unwrap_or(u32::MAX),
        Some(_) => {
            return Err(error_at(
                src,
                span_of_key(src, "version"),
                "version must be a whole number".into(),
            ));
        }
        None => {
            return Err(FormatError {
                line: 1,
                column: 1,
                key: None,
                message: "missing `version`".into(),
            });
        }
    };
    if version > VERSION {
        return Err(error_at(
            src,
            span_of_key(src, "version"),
            format!(
                "written by a newer gloss (format version {version}; this gloss reads version {VERSION})"
            ),
        ));
    }
    // Convert the table already parsed; only a failure goes back to the text, whose parser
    // knows where the bad value is.
    let file: SidecarFile = match toml::Value::Table(table).try_into() {
        Ok(file) => file,
        Err(_) => {
            let err = toml::from_str::<SidecarFile>(src).err();
            let (span, message) = err.map_or((None, "not a gloss sidecar".to_string()), |e| {
                (e.span(), e.message().trim().to_string())
            });
            return Err(error_at(src, span, message));
        }
    };
    for entry in &file.annotations {
        if entry.end < entry.start {
            let span = find_id(src, entry.id);
            return Err(error_at(
                src,
                span,
                format!(
                    "annotation {}: end {} is before start {}",
                    entry.id, entry.end, entry.start
                ),
            ));
        }
        if !matches!(
            entry.status.as_str(),
            "exact" | "moved" | "fuzzy" | "orphaned"
        ) {
            let span = find_id(src, entry.id);
            return Err(error_at(
                src,
                span,
                format!("annotation {}: unknown status {:?}", entry.id, entry.status),
            ));
        }
    }
    Ok(file)
}

/// Where `key =` first appears at the start of a line.
fn span_of_key(src: &str, key: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        if line.trim_start().starts_with(key)
            && line.trim_start()[key.len()..].trim_start().starts_with('=')
        {
            return Some(offset..offset + line.len());
        }
        offset += line.len();
    }
    None
}

/// Where an annotation's id is written.
fn find_id(src: &str, id: Uuid) -> Option<Range<usize>> {
    let text = id.to_string();
    src.find(&text).map(|i| i..i + text.len())
}

/// A sidecar to write, borrowed: [`SidecarFile`]'s fields with the annotations as any slice
/// of what serialises as an [`Entry`] (the merge driver's are partly borrowed from the three
/// versions it read). Both are written by this one struct, so they give the same bytes.
#[derive(Serialize)]
struct Written<'a, E: Serialize> {
    version: u32,
    #[serde(skip_serializing_if = "str::is_empty")]
    brief_note: &'a str,
    document: &'a DocumentInfo,
    reading: &'a Reading,
    #[serde(rename = "annotation", skip_serializing_if = "<[E]>::is_empty")]
    annotations: &'a [E],
    #[serde(flatten)]
    extra: &'a toml::Table,
}

/// Writes a sidecar. The output is stable: the same content always gives the same bytes.
pub fn write(file: &SidecarFile) -> Result<String, toml::ser::Error> {
    write_with(file, &file.annotations)
}

/// Writes `file` with `annotations` in place of its own, as [`write`] would write them.
pub(crate) fn write_with<E: Serialize>(
    file: &SidecarFile,
    annotations: &[E],
) -> Result<String, toml::ser::Error> {
    let written = Written {
        version: file.version,
        brief_note: &file.brief_note,
        document: &file.document,
        reading: &file.reading,
        annotations,
        extra: &file.extra,
    };
    let mut body = toml::to_string(&written)?;
    if !body.ends_with('\n') {
        body.push('\n');
    }
    Ok(format!("{HEADER}{body}"))
}

/// The comment at the top of every sidecar.
pub const HEADER: &str = "# gloss annotations: one [[annotation]] per highlight. Offsets count characters of the\n# normalised text (see gloss's README). Safe to edit by hand; keep `id`s unique.\n";

#[cfg(test)]
pub(crate) mod tests;
