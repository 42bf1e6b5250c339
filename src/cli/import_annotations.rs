//! `gloss import-annotations FILE --from FILE.json`: W3C or Hypothesis annotations onto a
//! brief, placed by the same re-anchoring as a changed brief's (quote, context, position),
//! annotations already there skipped, saved through the sidecar's lock, merge and atomic
//! write. A file that does not parse or is not such JSON imports nothing.

use std::path::Path;

use crate::annotation::{Anchor, Annotation, Annotations, Color, Status, parse_tags};
use crate::document::{Chars, Document};
use crate::error::{Error, show_path};
use crate::export::incoming::{self, Incoming};
use crate::store::convert::{Extras, to_file};
use crate::store::limits;
use crate::store::place::{Placer, Stored, place};

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Annotations added.
    pub added: usize,
    /// Skipped: already in the brief (the same id; for one without a UUID of its own, such
    /// as Hypothesis's, the same place and note).
    pub duplicates: usize,
    /// Added but found only approximately (to review).
    pub fuzzy: usize,
    /// Added but not found in the text (kept as orphans).
    pub orphaned: usize,
}

/// Imports and prints what happened.
pub fn run(file: &Path, from: &Path, explicit: Option<&Path>) -> Result<(), Error> {
    let bytes = limits::read_capped(from, limits::IMPORT).map_err(|e| Error::Read {
        path: show_path(from),
        source: e,
    })?;
    let nothing =
        |what: String| Error::Export(format!("{}: {what}; nothing imported", show_path(from)));
    let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        nothing(format!(
            "line {}, column {}: not JSON: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let read = incoming::read(&json).map_err(|e| nothing(e.to_string()))?;
    let doc = super::load_brief(file)?;
    let mut sidecar = super::sidecar_of(file, explicit);
    let loaded = sidecar
        .load()
        .map_err(|e| Error::Annotations(e.to_string()))?;
    let (mut annotations, extras, position) = match &loaded {
        Some(f) => (
            place(&doc, f).annotations,
            Extras::of(f),
            Chars(usize::try_from(f.reading.position).unwrap_or(0)),
        ),
        None => Default::default(),
    };
    let outcome = import(
        &doc,
        &mut annotations,
        &read.annotations,
        jiff::Timestamp::now(),
    );
    if outcome.added > 0 {
        sidecar
            .save(to_file(
                &doc,
                &super::file_name(file),
                &annotations,
                position,
                &extras,
            ))
            .map_err(|e| Error::Annotations(e.to_string()))?;
    }
    let whole = if read.whole > 0 {
        format!(" and {} on the whole page (no quote to place)", read.whole)
    } else {
        String::new()
    };
    super::out::Out::new().line(&format!(
        "imported {} ({} to review, {} orphaned), skipped {} already there{whole}",
        outcome.added, outcome.fuzzy, outcome.orphaned, outcome.duplicates
    ))
}

/// Places `incoming` in `doc` and adds those not already in `annotations`.
pub fn import(
    doc: &Document,
    annotations: &mut Annotations,
    incoming: &[Incoming],
    now: jiff::Timestamp,
) -> Outcome {
    let fresh: Vec<Annotation> = incoming.iter().map(|i| annotation(i, now)).collect();
    let no_id: std::collections::HashSet<uuid::Uuid> = incoming
        .iter()
        .zip(&fresh)
        .filter(|(i, _)| i.id.is_none())
        .map(|(_, a)| a.id)
        .collect();
    // Placed as a changed brief's annotations are: the stored hash never matches.
    let stored = Stored {
        annotations: Annotations::from_vec(fresh, String::new()),
        sha256: String::new(),
        before: None,
    };
    let mut placer = Placer::new(doc, &stored);
    while !placer.is_done() {
        placer.step(doc, usize::MAX);
    }
    let mut outcome = Outcome::default();
    for a in placer.finish().annotations.iter() {
        let same = |b: &Annotation| {
            let place = if a.status == Status::Orphaned {
                b.status == Status::Orphaned && b.anchor.quote == a.anchor.quote
            } else {
                b.status != Status::Orphaned && b.anchor.range() == a.anchor.range()
            };
            place && b.note == a.note
        };
        if annotations.get(a.id).is_some()
            || (no_id.contains(&a.id) && annotations.iter().any(same))
        {
            outcome.duplicates += 1;
            continue;
        }
        match a.status {
            Status::Fuzzy => outcome.fuzzy += 1,
            Status::Orphaned => outcome.orphaned += 1,
            _ => {}
        }
        outcome.added += 1;
        annotations.insert(a.clone());
    }
    outcome
}

/// An annotation at the offsets and with the quote the file gives, to be placed.
fn annotation(i: &Incoming, now: jiff::Timestamp) -> Annotation {
    let (start, end) = i.position.unwrap_or((0, 0));
    let anchor = Anchor {
        start: Chars(start),
        end: Chars(end),
        quote: i.exact.clone(),
        prefix: i.prefix.clone(),
        suffix: i.suffix.clone(),
    };
    let created = i.created.unwrap_or(now);
    let mut a = Annotation::new(
        i.id.unwrap_or_else(uuid::Uuid::now_v7),
        created,
        i.color.unwrap_or(Color::Yellow),
        anchor,
    );
    a.updated = i.modified.unwrap_or(created);
    a.tags = parse_tags(&i.tags.join(","));
    a.note = i.note.clone();
    a
}
