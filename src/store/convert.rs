//! Between the in-memory annotations and the sidecar file. Pure.

use std::collections::HashMap;

use uuid::Uuid;

use super::format::{DocumentInfo, Entry, Reading, SidecarFile, VERSION};
use crate::annotation::{Anchor, Annotation, Annotations, Status};
use crate::document::{Chars, Document};

/// Hex SHA-256 of the normalised text: tells whether the brief changed since annotating.
pub fn text_hash(doc: &Document) -> String {
    super::snapshot::sha256_hex(doc.text().as_bytes())
}

/// Keys gloss does not know, from the file last read, to write back unchanged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    top: toml::Table,
    document: toml::Table,
    reading: toml::Table,
    entries: HashMap<Uuid, toml::Table>,
}

impl Extras {
    /// The unknown keys of a file.
    pub fn of(file: &SidecarFile) -> Self {
        Self {
            top: file.extra.clone(),
            document: file.document.extra.clone(),
            reading: file.reading.extra.clone(),
            entries: file
                .annotations
                .iter()
                .filter(|e| !e.extra.is_empty())
                .map(|e| (e.id, e.extra.clone()))
                .collect(),
        }
    }
}

/// What the reader holds, as a file: `position` is the character offset at the top of the
/// screen, `file_name` the brief's name.
pub fn to_file(
    doc: &Document,
    file_name: &str,
    annotations: &Annotations,
    position: Chars,
    extras: &Extras,
) -> SidecarFile {
    to_file_hashed(
        doc,
        text_hash(doc),
        file_name,
        annotations,
        position,
        extras,
    )
}

/// [`to_file`] with the text's hash already known (hashing a huge brief costs a quarter of a
/// second; its text does not change once read).
pub fn to_file_hashed(
    doc: &Document,
    sha256: String,
    file_name: &str,
    annotations: &Annotations,
    position: Chars,
    extras: &Extras,
) -> SidecarFile {
    let entries = annotations
        .iter()
        .map(|a| Entry {
            id: a.id,
            created: a.created,
            updated: a.updated,
            author: a.author.clone(),
            color: a.color,
            tags: a.tags.clone(),
            note: a.note.clone(),
            quote: a.anchor.quote.clone(),
            prefix: a.anchor.prefix.clone(),
            suffix: a.anchor.suffix.clone(),
            start: a.anchor.start.get() as u64,
            end: a.anchor.end.get() as u64,
            status: a.status.name().to_string(),
            extra: extras.entries.get(&a.id).cloned().unwrap_or_default(),
        })
        .collect();
    SidecarFile {
        version: VERSION,
        brief_note: annotations.brief_note().to_string(),
        document: DocumentInfo {
            file: file_name.to_string(),
            title: doc.title().unwrap_or_default().to_string(),
            sha256,
            chars: doc.char_len().get() as u64,
            extra: extras.document.clone(),
        },
        reading: Reading {
            position: position.get() as u64,
            extra: extras.reading.clone(),
        },
        annotations: entries,
        extra: extras.top.clone(),
    }
}

/// The annotations a file holds, at the offsets it gives (no re-anchoring here).
pub fn annotations_of(file: &SidecarFile) -> Annotations {
    let items = file
        .annotations
        .iter()
        .map(|e| Annotation {
            id: e.id,
            created: e.created,
            updated: e.updated,
            author: e.author.clone(),
            color: e.color,
            tags: e.tags.clone(),
            note: e.note.clone(),
            anchor: Anchor {
                start: Chars(usize::try_from(e.start).unwrap_or(usize::MAX)),
                end: Chars(usize::try_from(e.end).unwrap_or(usize::MAX)),
                quote: e.quote.clone(),
                prefix: e.prefix.clone(),
                suffix: e.suffix.clone(),
            },
            status: e.status.parse().unwrap_or(Status::Exact),
        })
        .collect();
    Annotations::from_vec(items, file.brief_note.clone())
}

#[cfg(test)]
pub(crate) mod tests_props;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::store::format::{parse, tests::SAMPLE, write};

    #[test]
    fn a_file_survives_the_trip_through_memory() {
        let file = parse(SAMPLE).unwrap();
        let doc = Document::parse(b"Title\nbody", Format::Plain).unwrap();
        let annotations = annotations_of(&file);
        assert_eq!(annotations.len(), 2);
        assert_eq!(annotations.orphans().count(), 1);
        let back = to_file(&doc, "b.txt", &annotations, Chars(7), &Extras::of(&file));
        assert_eq!(
            back.annotations, file.annotations,
            "entries, unknown keys included"
        );
        assert_eq!(back.extra, file.extra);
        assert_eq!(back.document.extra, file.document.extra);
        assert_eq!(back.brief_note, file.brief_note);
        assert_eq!(back.reading.position, 7);
        assert_eq!(back.document.sha256, text_hash(&doc));
        assert!(write(&back).unwrap().contains("[[bookmark]]"));
    }

    #[test]
    fn the_text_hash_is_sha256_hex() {
        let doc = Document::parse(b"", Format::Plain).unwrap();
        assert_eq!(
            text_hash(&doc),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
