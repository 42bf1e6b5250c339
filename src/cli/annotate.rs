//! `gloss annotate`: one highlight from the command line, saved through the same sidecar code
//! as the reader (lock, merge, atomic write).

use std::path::Path;

use crate::annotation::{Anchor, Annotation, Color, parse_tags};
use crate::document::Chars;
use crate::error::{Error, show_path};
use crate::store::convert::{Extras, to_file};
use crate::store::place::place_with;
use crate::store::snapshot::Snapshots;
use crate::store::versions::{Version, Versions};

/// What to highlight.
pub struct Request<'a> {
    /// The exact text.
    pub quote: &'a str,
    /// Which occurrence (1-based).
    pub nth: u32,
    /// Its colour.
    pub color: Color,
    /// Its tags.
    pub tags: &'a [String],
    /// Its note.
    pub note: Option<&'a str>,
    /// Who wrote it (empty: unknown).
    pub author: String,
    /// How long to wait for another process's lock on the sidecar.
    pub wait: std::time::Duration,
}

/// Adds the highlight and prints its id.
pub fn run(file: &Path, explicit: Option<&Path>, request: &Request<'_>) -> Result<(), Error> {
    let doc = super::load_brief(file)?;
    let mut sidecar = super::sidecar_of(file, explicit);
    sidecar.set_lock_wait(request.wait);
    let loaded = sidecar
        .load()
        .map_err(|e| Error::Annotations(e.to_string()))?;
    let snapshots = Snapshots::in_data_dir();
    let (mut annotations, extras, position, step) = match &loaded {
        Some(f) => {
            let placed = place_with(&doc, f, super::list::before_of(snapshots.as_ref(), f));
            let [_, moved, fuzzy, orphaned] = placed.counts;
            (
                placed.annotations,
                Extras::of(f),
                Chars(usize::try_from(f.reading.position).unwrap_or(0)),
                placed.changed.then_some([moved, fuzzy, orphaned]),
            )
        }
        None => Default::default(),
    };
    let text = doc.text();
    let found = if request.quote.is_empty() {
        None
    } else {
        text.match_indices(request.quote)
            .nth(request.nth as usize - 1)
    };
    let Some((start, quote)) = found else {
        let count = if request.quote.is_empty() {
            0
        } else {
            text.matches(request.quote).count()
        };
        return Err(Error::Annotations(format!(
            "{}: quote {:?} not found{}",
            show_path(file),
            request.quote,
            if count > 0 {
                format!(" {} times (it occurs {count} times)", request.nth)
            } else {
                String::new()
            }
        )));
    };
    let id = uuid::Uuid::now_v7();
    let mut annotation = Annotation::new(
        id,
        jiff::Timestamp::now(),
        request.color,
        Anchor::new(&doc, start..start + quote.len()),
    );
    annotation.tags = parse_tags(&request.tags.join(","));
    annotation.note = request.note.unwrap_or_default().to_string();
    annotation.author.clone_from(&request.author);
    annotations.insert(annotation);
    let saved = sidecar
        .save(to_file(
            &doc,
            &super::file_name(file),
            &annotations,
            position,
            &extras,
        ))
        .map_err(|e| Error::Annotations(e.to_string()))?;
    // The text the annotations are now placed on, for a later re-issue to be compared with;
    // a snapshot that cannot be written only means no diff then.
    if let Some(s) = &snapshots {
        let _ = s.save(&saved.file.document.sha256, doc.text());
        let _ = s.remember(&sidecar.paths().data);
    }
    if let Some(log) = Versions::in_data_dir(file) {
        let _ = log.record(Version {
            seen: jiff::Timestamp::now(),
            bytes: doc.text().len() as u64,
            sha256: saved.file.document.sha256.clone(),
            step,
        });
    }
    super::out::Out::new().line(&id.to_string())?;
    Ok(())
}
