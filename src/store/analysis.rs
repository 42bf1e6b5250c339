//! Reading a library for analysis: every brief (title, published date, length, blocks) with
//! its annotations placed in its current text, on every core, and the codebook's codes.
//! Reads only; a brief or sidecar that cannot be read is named and left out.

use std::path::{Path, PathBuf};

use super::library::{BriefNotes, beside, briefs, notes_of, summary};
use super::sidecar::SidecarPaths;
use crate::analysis::{Brief, Library, Segment};
use crate::annotation::Status;
use crate::cores::on_every_core;

/// A library read for analysis, and what could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The briefs and codes.
    pub library: Library,
    /// Briefs or sidecars left out, each naming the file and what is wrong.
    pub skipped: Vec<String>,
    /// Why the codebook could not be read, if so (its codes are then only the tags in use).
    pub codebook: Option<String>,
}

/// Reads the library at `root` for analysis.
pub fn load(root: &Path) -> Loaded {
    let all: Vec<PathBuf> = briefs(root);
    let read = on_every_core(
        &all,
        |path| read_brief(root, path),
        |path| {
            Err(format!(
                "{}: reading it failed",
                crate::error::show_path(path)
            ))
        },
    );
    let mut loaded = Loaded::default();
    for brief in read {
        match brief {
            Ok(brief) => loaded.library.briefs.push(brief),
            Err(problem) => loaded.skipped.push(problem),
        }
    }
    match super::codebook::load(root) {
        Ok(book) => loaded.library.codes = book.codes.iter().map(|c| c.name.clone()).collect(),
        Err(problem) => loaded.codebook = Some(problem),
    }
    loaded
}

/// One brief: read whole with its annotations placed when it has a sidecar, else its first
/// screen only (its date and title are all a brief without codes adds).
fn read_brief(root: &Path, path: &Path) -> Result<Brief, String> {
    if !SidecarPaths::at(beside(path)).data.exists() {
        let s = summary(root, path);
        if let Some(problem) = s.problem {
            return Err(problem);
        }
        return Ok(Brief {
            path: s.path,
            title: s.title.unwrap_or_else(|| s.name.clone()),
            name: s.name,
            published: s.published,
            ..Brief::default()
        });
    }
    Ok(of_notes(notes_of(root, path)?))
}

/// The analysis's view of a brief read with its annotations.
pub fn of_notes(notes: BriefNotes) -> Brief {
    let BriefNotes {
        summary,
        doc,
        annotations,
    } = notes;
    let segments = annotations
        .iter()
        .map(|a| {
            let placed = a.status != Status::Orphaned;
            let quote = if placed {
                doc.text()[a.anchor.bytes(&doc)].to_string()
            } else {
                a.anchor.quote.clone()
            };
            Segment {
                id: a.id,
                author: a.author.clone(),
                tags: a.tags.clone(),
                chars: a.anchor.start.get()..a.anchor.end.get(),
                placed,
                quote,
            }
        })
        .collect();
    Brief {
        path: summary.path,
        title: summary.title.unwrap_or_else(|| summary.name.clone()),
        name: summary.name,
        published: summary.published,
        chars: doc.char_len().get(),
        paragraphs: doc
            .blocks()
            .iter()
            // Blocks are joined by one `\n`: each starts a character past the last one's end.
            .scan(0, |start, b| {
                let chars = *start..*start + b.char_len();
                *start = chars.end + 1;
                Some(chars)
            })
            .collect(),
        segments,
    }
}
