//! The Readwise CSV export: the columns Readwise's CSV import reads,
//! `Highlight,Title,Author,URL,Note,Location,Date` (`Author` is the brief's, as Readwise
//! means it), then `Annotator`, who made the highlight; tags go into the note as Readwise's
//! `.tag` inline notes (`.china .semis`).

use super::Brief;
use crate::sanitize;

/// The header row.
pub const COLUMNS: [&str; 8] = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
    "Annotator",
];

/// Every highlight of `briefs` (orphans too, with their stored quote), one row each;
/// `Location` is the character offset (empty for an orphan), `Author` the brief's source.
pub fn export(briefs: &[Brief<'_>]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for brief in briefs {
        let info = brief.info();
        for a in brief.annotations.iter() {
            let h = brief.highlight(a);
            let tags: Vec<String> = h
                .tags
                .iter()
                .map(|t| format!(".{}", t.replace(char::is_whitespace, "-")))
                .collect();
            let note = match (h.note.is_empty(), tags.is_empty()) {
                (_, true) => h.note.clone(),
                (true, false) => tags.join(" "),
                (false, false) => format!("{}\n{}", tags.join(" "), h.note),
            };
            let location = h.start.map(|s| s.to_string()).unwrap_or_default();
            let created = h.created.replace('T', " ").replace('Z', "");
            w.write_record([
                sanitize::text(&h.quote).as_ref(),
                sanitize::line(&info.title).as_ref(),
                sanitize::line(info.source.as_deref().unwrap_or("")).as_ref(),
                sanitize::line(&info.uri).as_ref(),
                sanitize::text(&note).as_ref(),
                location.as_str(),
                created.as_str(),
                sanitize::line(&h.author).as_ref(),
            ])?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
