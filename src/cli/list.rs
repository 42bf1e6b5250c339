//! `gloss list`: a brief's annotations, placed in its current text, as text or JSON.

use std::path::Path;

use serde::Serialize;

use crate::annotation::{Annotation, Status};
use crate::document::{Chars, Document};
use crate::error::Error;
use crate::sanitize;
use crate::store::place::place;

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
    created: String,
    updated: String,
}

pub(super) fn listed<'a>(doc: &Document, a: &'a Annotation) -> Listed<'a> {
    let placed = a.status != Status::Orphaned;
    let quote = if placed {
        doc.text()[doc.byte_offset(a.anchor.start)..doc.byte_offset(a.anchor.end)].to_string()
    } else {
        a.anchor.quote.clone()
    };
    Listed {
        id: a.id.to_string(),
        quote,
        start: placed.then_some(a.anchor.start),
        end: placed.then_some(a.anchor.end),
        status: a.status.name(),
        color: a.color.name(),
        tags: &a.tags,
        note: &a.note,
        created: a.created.to_string(),
        updated: a.updated.to_string(),
    }
}

/// Prints the annotations; the sidecar is only read.
pub fn run(file: &Path, explicit: Option<&Path>, json: bool) -> Result<(), Error> {
    let doc = super::load_brief(file)?;
    let mut sidecar = super::sidecar_of(file, explicit);
    let loaded = sidecar
        .load()
        .map_err(|e| Error::Annotations(e.to_string()))?;
    let annotations = loaded
        .map(|f| place(&doc, &f).annotations)
        .unwrap_or_default();
    let items: Vec<Listed<'_>> = annotations.iter().map(|a| listed(&doc, a)).collect();
    let mut out = super::out::Out::new();
    if json {
        let text =
            serde_json::to_string_pretty(&items).map_err(|e| Error::Annotations(e.to_string()))?;
        return out.line(&text);
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
    let line = format!(
        "{indent}{} {:<8} {:<6} {place}{tags} \"{}\"",
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
