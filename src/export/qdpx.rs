//! The REFI-QDA project export (`.qdpx`): a zip holding `project.qde` (namespace
//! `urn:QDA-XML:project:1.0`) and every brief as a plain-text source, `sources/GUID.txt`.
//!
//! A source's text is the brief's normalised text, byte for byte (UTF-8, no byte-order
//! mark), and every coded or annotated highlight placed in it becomes a
//! `<PlainTextSelection>` whose `startPosition`/`endPosition` are gloss's own anchor offsets:
//! characters (Unicode scalar values) from 0, the end one past the last character, as
//! REFI-QDA counts them. Each tag of the highlight is a `<Coding>`; tags that are not in the
//! codebook are added to the project's codebook so that every coding has its code. Notes
//! and memos become `<Note>`s: a highlight's note and a brief's note referred to from their
//! selection and source, a code's memo from its code, the library's memos from the project.
//! Authors are `<User>`s. Orphaned highlights have no place in the text and are left out
//! (the caller says how many). Pure: text and bytes in memory.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;

use super::refi::{code_guid, guid, indent, tree_names, write_codes};
use super::utc;
use super::xml::{attribute, escape};
use crate::annotation::{Annotations, Status};
use crate::codebook::Codebook;
use crate::document::Document;

/// The project namespace.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// One brief of the project.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Its path under the library (the source's name).
    pub name: &'a str,
    /// The brief.
    pub doc: &'a Document,
    /// Its annotations, placed in `doc`.
    pub annotations: &'a Annotations,
}

/// The project's files.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// `project.qde`.
    pub qde: String,
    /// `(path in the zip, text)` of every source, `sources/GUID.txt`.
    pub sources: Vec<(String, String)>,
    /// Highlights left out because they are orphaned.
    pub orphans: usize,
}

/// The GUID of the source whose name is `name`.
pub fn source_guid(name: &str) -> String {
    guid("source", name)
}

/// A note: its GUID, name and text.
struct Note {
    guid: String,
    name: String,
    text: String,
}

/// The project of the library `title` with codebook `book` and briefs `sources`.
pub fn project(title: &str, book: &Codebook, sources: &[Source<'_>]) -> Project {
    let mut notes: Vec<Note> = Vec::new();
    let mut users: BTreeSet<&str> = BTreeSet::new();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut orphans = 0;
    for s in sources {
        for a in s.annotations.iter() {
            if a.status == Status::Orphaned {
                orphans += usize::from(!a.tags.is_empty() || !a.note.is_empty());
                continue;
            }
            used.extend(a.tags.iter().map(String::as_str));
            if !a.author.is_empty() {
                users.insert(&a.author);
            }
        }
    }
    let uncoded: BTreeSet<&str> = used
        .iter()
        .copied()
        .filter(|t| book.get(t).is_none())
        .collect();
    let memo_of = |name: &str| book.get(name).filter(|c| !c.memo.is_empty());

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<Project xmlns=\"{NAMESPACE}\" name=\"{}\" origin=\"gloss\">",
        attribute(title)
    );
    if !users.is_empty() {
        out.push_str("  <Users>\n");
        for user in &users {
            let _ = writeln!(
                out,
                "    <User guid=\"{}\" name=\"{}\"/>",
                guid("user", user),
                attribute(user)
            );
        }
        out.push_str("  </Users>\n");
    }
    let names = tree_names(book, &uncoded);
    if !names.is_empty() {
        out.push_str("  <CodeBook>\n    <Codes>\n");
        let note_ref = |name: &str| match memo_of(name) {
            Some(_) => format!(
                "{}<NoteRef targetGUID=\"{}\"/>\n",
                indent(3 + name.matches('/').count() + 1),
                guid("memo:code", name)
            ),
            None => String::new(),
        };
        write_codes(&mut out, &names, book, &uncoded, 3, &note_ref);
        out.push_str("    </Codes>\n  </CodeBook>\n");
        for name in &names {
            if let Some(code) = memo_of(name) {
                notes.push(Note {
                    guid: guid("memo:code", name),
                    name: format!("Memo: {name}"),
                    text: code.memo.clone(),
                });
            }
        }
    }
    let mut files = Vec::new();
    if !sources.is_empty() {
        out.push_str("  <Sources>\n");
        for s in sources {
            let id = source_guid(s.name);
            let _ = writeln!(
                out,
                "    <TextSource guid=\"{id}\" name=\"{}\" plainTextPath=\"internal://{id}.txt\">",
                attribute(s.name)
            );
            if let Some(title) = s.doc.title() {
                let _ = writeln!(out, "      <Description>{}</Description>", escape(title));
            }
            for a in s.annotations.iter() {
                let coded = !a.tags.is_empty() || !a.note.is_empty();
                if a.status == Status::Orphaned || !coded {
                    continue;
                }
                let user = if a.author.is_empty() {
                    String::new()
                } else {
                    format!(" creatingUser=\"{}\"", guid("user", &a.author))
                };
                let created = utc(a.created);
                let _ = writeln!(
                    out,
                    "      <PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\"{user} creationDateTime=\"{created}\" modifiedDateTime=\"{}\">",
                    a.id,
                    attribute(&short(&s.doc.text()[a.anchor.bytes(s.doc)])),
                    a.anchor.start.get(),
                    a.anchor.end.get(),
                    utc(a.updated),
                );
                let mut tags: Vec<&str> = a.tags.iter().map(String::as_str).collect();
                tags.sort_unstable();
                tags.dedup();
                for tag in tags {
                    let _ = writeln!(
                        out,
                        "        <Coding guid=\"{}\"{user} creationDateTime=\"{created}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>",
                        guid("coding", &format!("{}:{tag}", a.id)),
                        code_guid(tag)
                    );
                }
                if !a.note.is_empty() {
                    let note = guid("note:annotation", &a.id.to_string());
                    let _ = writeln!(out, "        <NoteRef targetGUID=\"{note}\"/>");
                    notes.push(Note {
                        guid: note,
                        name: format!("Note: {}", short(&a.anchor.quote)),
                        text: a.note.clone(),
                    });
                }
                out.push_str("      </PlainTextSelection>\n");
            }
            let brief_note = s.annotations.brief_note();
            if !brief_note.is_empty() {
                let note = guid("note:brief", s.name);
                let _ = writeln!(out, "      <NoteRef targetGUID=\"{note}\"/>");
                notes.push(Note {
                    guid: note,
                    name: format!("Note: {}", s.name),
                    text: brief_note.to_string(),
                });
            }
            out.push_str("    </TextSource>\n");
            files.push((format!("sources/{id}.txt"), s.doc.text().to_string()));
        }
        out.push_str("  </Sources>\n");
    }
    let library: Vec<Note> = book
        .memos
        .iter()
        .map(|m| Note {
            guid: guid("memo:library", &m.title),
            name: m.title.clone(),
            text: m.text.clone(),
        })
        .collect();
    let project_refs: Vec<String> = library.iter().map(|n| n.guid.clone()).collect();
    notes.extend(library);
    if !notes.is_empty() {
        out.push_str("  <Notes>\n");
        for n in &notes {
            let _ = writeln!(
                out,
                "    <Note guid=\"{}\" name=\"{}\">\n      <PlainTextContent>{}</PlainTextContent>\n    </Note>",
                n.guid,
                attribute(&n.name),
                escape(&n.text)
            );
        }
        out.push_str("  </Notes>\n");
    }
    for target in project_refs {
        let _ = writeln!(out, "  <NoteRef targetGUID=\"{target}\"/>");
    }
    out.push_str("</Project>\n");
    Project {
        qde: out,
        sources: files,
        orphans,
    }
}

/// The first 60 characters of `s` on one line, for a name.
fn short(s: &str) -> String {
    let line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

/// The `.qdpx` zip of `project`: `project.qde` first, then the sources, deflated.
pub fn zip(project: &Project) -> Result<Vec<u8>, String> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let files = std::iter::once(("project.qde", project.qde.as_str())).chain(
        project
            .sources
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str())),
    );
    let mut seen = BTreeSet::new();
    for (path, text) in files {
        if !seen.insert(path) {
            continue;
        }
        writer
            .start_file(path, options)
            .map_err(|e| format!("{path}: {e}"))?;
        writer
            .write_all(text.as_bytes())
            .map_err(|e| format!("{path}: {e}"))?;
    }
    writer
        .finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}
