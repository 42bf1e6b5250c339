//! `gloss diff`: what changed in a brief since its annotations were placed, word by word, with
//! the annotations each change touches, as text (coloured on a terminal) or JSON. The old text
//! comes from its snapshot; the sidecar is only read.

use std::io::IsTerminal;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use super::list::{Listed, escape_controls, listed};
use crate::annotation::diff::{Change, Kind};
use crate::annotation::reanchor::Before;
use crate::annotation::{Annotation, Status};
use crate::document::{Chars, Document};
use crate::error::{Error, show_path};
use crate::sanitize;
use crate::store::convert::text_hash;
use crate::store::format::SidecarFile;
use crate::store::place::{Stored, place_through};
use crate::store::snapshot::Snapshots;

/// Characters of unchanged text shown either side of a change.
const CONTEXT: usize = 30;

/// One change as `--json` prints it.
#[derive(Debug, Serialize)]
struct ChangeOut {
    kind: Kind,
    old_start: usize,
    old_end: usize,
    new_start: usize,
    new_end: usize,
    old: String,
    new: String,
}

/// One annotation as `--json` prints it: `gloss list --json`'s object, the quote it had, and
/// the indexes of the changes it touches.
#[derive(Debug, Serialize)]
struct AnnotationOut<'a> {
    #[serde(flatten)]
    listed: Listed<'a>,
    was: String,
    change: Vec<usize>,
}

/// The old text, the new, their diff and the annotations placed through it.
pub(super) struct Compared {
    /// The brief now.
    pub(super) doc: Document,
    /// The text the annotations were placed on, and the diff.
    pub(super) before: Arc<Before>,
    /// The annotations placed now.
    pub(super) placed: Vec<Annotation>,
    /// Their stored anchors' character ranges in the old text, by position in `placed`, when
    /// the old text holds their quote there.
    pub(super) old_ranges: Vec<Option<Range<usize>>>,
}

/// Reads the brief, its sidecar and the snapshot of the text the sidecar names.
pub(super) fn compare(file: &Path, explicit: Option<&Path>) -> Result<Compared, Error> {
    let doc = super::load_brief(file)?;
    let mut sidecar = super::sidecar_of(file, explicit);
    let loaded = sidecar
        .load()
        .map_err(|e| Error::Annotations(e.to_string()))?;
    let Some(f) = loaded else {
        return Err(Error::Annotations(format!(
            "{}: no annotations file, so no earlier text to compare with",
            show_path(file)
        )));
    };
    let old = old_text(&doc, &f).ok_or_else(|| {
        Error::Annotations(format!(
            "{}: the text its annotations were placed on was not kept (no snapshot of {} in {}), \
             so there is nothing to compare with",
            show_path(file),
            f.document.sha256.get(..12).unwrap_or(&f.document.sha256),
            Snapshots::in_data_dir()
                .map(|s| show_path(s.dir()))
                .unwrap_or_else(|| "the data folder".into()),
        ))
    })?;
    Ok(Compared::new(doc, &f, old))
}

impl Compared {
    /// `f`'s annotations, placed on `old`, carried to `doc`.
    pub(super) fn new(doc: Document, f: &SidecarFile, old: String) -> Self {
        let before = Arc::new(Before::new(old, doc.text()));
        let placed: Vec<Annotation> = place_through(&doc, f, Arc::clone(&before))
            .annotations
            .iter()
            .cloned()
            .collect();
        let stored = Stored::of(f).annotations;
        let old_ranges = placed
            .iter()
            .map(|a| {
                let s = stored.iter().find(|s| s.id == a.id)?;
                let r = s.anchor.start.get()..s.anchor.end.get();
                (before.slice(&r) == Some(s.anchor.quote.as_str())).then_some(r)
            })
            .collect();
        Self {
            doc,
            before,
            placed,
            old_ranges,
        }
    }
}

/// The text `f` was placed on: the brief's own when unchanged, else its snapshot.
fn old_text(doc: &Document, f: &SidecarFile) -> Option<String> {
    if f.document.sha256 == text_hash(doc) {
        return Some(doc.text().to_string());
    }
    Snapshots::in_data_dir()?.load(&f.document.sha256)
}

impl Compared {
    /// Characters `range` of the new text.
    fn new_text(&self, range: &Range<usize>) -> &str {
        let d = &self.doc;
        d.text()
            .get(d.byte_offset(Chars(range.start))..d.byte_offset(Chars(range.end)))
            .unwrap_or("")
    }

    fn old_text(&self, range: &Range<usize>) -> &str {
        self.before.slice(range).unwrap_or("")
    }

    /// Indexes of the changes annotation `i` touches: by its old place when known, else by its
    /// new one.
    fn touched(&self, i: usize) -> Vec<usize> {
        let diff = self.before.diff();
        match (
            self.old_ranges.get(i).cloned().flatten(),
            self.placed.get(i),
        ) {
            (Some(r), _) => diff.touching_old(&r),
            (None, Some(a)) if a.status != Status::Orphaned => {
                diff.touching_new(&(a.anchor.start.get()..a.anchor.end.get()))
            }
            _ => Vec::new(),
        }
    }
}

/// Prints the diff.
pub fn run(file: &Path, explicit: Option<&Path>, plain: bool, json: bool) -> Result<(), Error> {
    let c = compare(file, explicit)?;
    let mut out = super::out::Out::new();
    if json {
        let text = serde_json::to_string_pretty(&to_json(&c))
            .map_err(|e| Error::Annotations(e.to_string()))?;
        return out.line(&escape_controls(&text));
    }
    let colour = !plain && std::io::stdout().is_terminal();
    for line in text_lines(&c, &show_path(file), colour) {
        out.line(&line)?;
    }
    Ok(())
}

fn to_json(c: &Compared) -> serde_json::Value {
    let changes: Vec<ChangeOut> = c
        .before
        .diff()
        .changes()
        .iter()
        .map(|ch| ChangeOut {
            kind: ch.kind,
            old_start: ch.old.start,
            old_end: ch.old.end,
            new_start: ch.new.start,
            new_end: ch.new.end,
            old: c.old_text(&ch.old).to_string(),
            new: c.new_text(&ch.new).to_string(),
        })
        .collect();
    let annotations: Vec<AnnotationOut<'_>> = c
        .placed
        .iter()
        .enumerate()
        .map(|(i, a)| AnnotationOut {
            listed: listed(&c.doc, a),
            was: a.anchor.quote.clone(),
            change: c.touched(i),
        })
        .collect();
    serde_json::json!({ "changes": changes, "annotations": annotations })
}

/// The diff as lines of text: a summary, then each change in context with the annotations it
/// touches under it. `colour` styles deletions and insertions with escape codes; without it
/// they are marked `[-old-]` and `{+new+}`. Everything from the brief is made safe first.
pub(super) fn text_lines(c: &Compared, name: &str, colour: bool) -> Vec<String> {
    let changes = c.before.diff().changes();
    let mut lines = vec![
        sanitize::line(&format!(
            "{name}: {} since the annotations were placed",
            match changes.len() {
                0 => "unchanged".to_string(),
                1 => "1 change".to_string(),
                n => format!("{n} changes"),
            }
        ))
        .into_owned(),
    ];
    let touched: Vec<Vec<usize>> = (0..c.placed.len()).map(|i| c.touched(i)).collect();
    for (n, ch) in changes.iter().enumerate() {
        lines.push(String::new());
        lines.push(format!(
            "{} {}: old {}-{}, new {}-{}",
            n + 1,
            kind_name(ch.kind),
            ch.old.start,
            ch.old.end,
            ch.new.start,
            ch.new.end
        ));
        lines.push(format!("  {}", in_context(c, ch, colour)));
        for (i, a) in c.placed.iter().enumerate() {
            if touched.get(i).is_some_and(|t| t.contains(&n)) {
                let now = if a.status == Status::Orphaned {
                    "-".to_string()
                } else {
                    format!(
                        "\"{}\"",
                        one_line(c.new_text(&(a.anchor.start.get()..a.anchor.end.get())))
                    )
                };
                lines.push(format!(
                    "    {} {}: was \"{}\", now {now}",
                    a.status.name(),
                    a.id,
                    one_line(&a.anchor.quote)
                ));
            }
        }
    }
    lines
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Insert => "insert",
        Kind::Delete => "delete",
        Kind::Replace => "replace",
    }
}

/// `text` on one line, safe for a terminal (paragraph breaks shown as `¶`).
fn one_line(text: &str) -> String {
    sanitize::line(&text.replace('\n', " ¶ ")).into_owned()
}

/// The change with up to [`CONTEXT`] characters of the new text either side.
fn in_context(c: &Compared, ch: &Change, colour: bool) -> String {
    let len = c.doc.char_len().get();
    let before = ch.new.start.saturating_sub(CONTEXT)..ch.new.start;
    let after = ch.new.end..(ch.new.end + CONTEXT).min(len);
    let (del, ins) = if colour {
        (("\x1b[31;9m", "\x1b[0m"), ("\x1b[32;4m", "\x1b[0m"))
    } else {
        (("[-", "-]"), ("{+", "+}"))
    };
    let mut s = one_line(c.new_text(&before));
    if !ch.old.is_empty() {
        s.push_str(&format!(
            "{}{}{}",
            del.0,
            one_line(c.old_text(&ch.old)),
            del.1
        ));
    }
    if !ch.new.is_empty() {
        s.push_str(&format!(
            "{}{}{}",
            ins.0,
            one_line(c.new_text(&ch.new)),
            ins.1
        ));
    }
    s.push_str(&one_line(c.new_text(&after)));
    s
}

pub mod versions;

#[cfg(test)]
mod tests;
