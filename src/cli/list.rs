//! `gloss list`: a brief's annotations, placed in its current text, as text or JSON.

use std::path::Path;

use serde::Serialize;

use crate::annotation::{Annotation, Status};
use crate::document::{Chars, Document};
use crate::error::Error;
use crate::sanitize;
use crate::store::format::SidecarFile;
use crate::store::place::place_with;
use crate::store::snapshot::Snapshots;

/// One annotation as `gloss list --json` prints it.
#[derive(Debug, Serialize)]
pub(super) struct Listed<'a> {
    id: String,
    /// The text the highlight covers now, or the stored quote when orphaned.
    pub(super) quote: String,
    /// Character offsets in the current normalised text; null when orphaned.
    start: Option<Chars>,
    end: Option<Chars>,
    status: &'static str,
    color: &'static str,
    tags: &'a [String],
    note: &'a str,
    /// Who made it; empty when unknown.
    author: &'a str,
    created: String,
    updated: String,
}

pub(super) fn listed<'a>(doc: &Document, a: &'a Annotation) -> Listed<'a> {
    let quote = if a.status == Status::Orphaned {
        a.anchor.quote.clone()
    } else {
        doc.text()[doc.byte_offset(a.anchor.start)..doc.byte_offset(a.anchor.end)].to_string()
    };
    quoted(a, quote)
}

/// `a` as listed, covering `quote` now (its stored quote when orphaned).
pub(super) fn quoted(a: &Annotation, quote: String) -> Listed<'_> {
    let placed = a.status != Status::Orphaned;
    Listed {
        id: a.id.to_string(),
        quote,
        start: placed.then_some(a.anchor.start),
        end: placed.then_some(a.anchor.end),
        status: a.status.name(),
        color: a.color.name(),
        tags: &a.tags,
        note: &a.note,
        author: &a.author,
        created: a.created.to_string(),
        updated: a.updated.to_string(),
    }
}

/// The snapshot of the text `f`'s annotations were placed on, if kept.
pub(super) fn before_of(
    snapshots: Option<&Snapshots>,
    f: &SidecarFile,
) -> Option<std::sync::Arc<str>> {
    snapshots?
        .load(&f.document.sha256)
        .map(std::sync::Arc::from)
}

/// JSON with every character that must not reach a terminal raw written as `\uXXXX`.
/// serde_json escapes C0 controls but writes DEL, C1 controls (U+009B is CSI on many
/// terminals) and bidi controls as they are. Outside strings JSON is ASCII punctuation,
/// digits, words and the spaces and line breaks of its layout, so such a character is always
/// inside a string, where its escape means the same character; all of them are in the Basic
/// Multilingual Plane (one `\u` each). The layout's line breaks stay.
pub(super) fn escape_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && sanitize::is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Prints the annotations; the sidecar is only read.
pub fn run(file: &Path, explicit: Option<&Path>, json: bool) -> Result<(), Error> {
    let doc = super::load_brief(file)?;
    let mut sidecar = super::sidecar_of(file, explicit);
    let loaded = sidecar
        .load()
        .map_err(|e| Error::Annotations(e.to_string()))?;
    let annotations = loaded
        .map(|f| place_with(&doc, &f, before_of(Snapshots::in_data_dir().as_ref(), &f)).annotations)
        .unwrap_or_default();
    let items: Vec<Listed<'_>> = annotations.iter().map(|a| listed(&doc, a)).collect();
    let mut out = super::out::Out::new();
    if json {
        let text =
            serde_json::to_string_pretty(&items).map_err(|e| Error::Annotations(e.to_string()))?;
        return out.line(&escape_controls(&text));
    }
    for item in &items {
        for line in text_lines(item, "") {
            out.line(&line)?;
        }
    }
    Ok(())
}

/// An annotation as `gloss list` prints it: id, status, colour, place, tags and quote, then
/// the note's lines; each line after `indent`, made safe for the terminal.
pub(super) fn text_lines(item: &Listed<'_>, indent: &str) -> Vec<String> {
    let place = match (item.start, item.end) {
        (Some(s), Some(e)) => format!("{s}-{e}"),
        _ => "-".to_string(),
    };
    let tags: String = item.tags.iter().map(|t| format!(" #{t}")).collect();
    let by = if item.author.is_empty() {
        String::new()
    } else {
        format!(" by {}", item.author)
    };
    let line = format!(
        "{indent}{} {:<8} {:<6} {place}{tags} \"{}\"{by}",
        item.id,
        item.status,
        item.color,
        item.quote.replace('\n', " ")
    );
    let mut lines = vec![sanitize::line(&line).into_owned()];
    for note_line in item.note.lines() {
        lines.push(format!("{indent}    {}", sanitize::line(note_line)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_del_c1_and_bidi_and_still_reads_back() {
        let note = "a\u{7f}b\u{9b}31m\u{85}c\u{202e}d\u{1b}[2J\n\"q\"\\";
        let json = escape_controls(&serde_json::to_string_pretty(&[note, "x"]).unwrap());
        assert!(
            !json.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)),
            "{json:?}"
        );
        assert!(
            json.contains("a\\u007fb\\u009b31m\\u0085c\\u202ed"),
            "{json}"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [note, "x"]);
    }
}
