//! A folder of briefs: finding every brief under it and what each one's first screen and
//! sidecar say (title, source, date, progress, annotation counts), for the library view.
//! Reads only: a broken sidecar is reported, never touched.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::FIRST_PIECE;
use super::format;
use super::sidecar::SidecarPaths;

mod listing;
use crate::cores::on_every_core;
use crate::document::{Document, Format};
use crate::error::show_path;
use hashes::TextHashes;
pub use listing::{Listed, listed};

/// File endings the library lists as briefs.
const BRIEF_ENDINGS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// One brief of a library, as much as its first screen and its sidecar tell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The brief's file.
    pub path: PathBuf,
    /// Its path under the library's folder, for showing.
    pub name: String,
    /// Its title (front matter's or its first line), if it has one.
    pub title: Option<String>,
    /// Front matter's `source`.
    pub source: Option<String>,
    /// Front matter's `published`, as written.
    pub published: Option<String>,
    /// The file's size in bytes.
    pub bytes: u64,
    /// How far through it the reader last was, 0-100, when it has a sidecar.
    pub progress: Option<u8>,
    /// Highlights.
    pub highlights: usize,
    /// Highlights with a note.
    pub notes: usize,
    /// Annotations to review (fuzzy or orphaned).
    pub review: usize,
    /// When an annotation last changed.
    pub annotated: Option<Timestamp>,
    /// The brief's text is not the one its sidecar's reading position and annotations were
    /// placed in (it was re-issued since it was last read): annotations are re-anchored when
    /// it is opened, and more may need review then. Known for every brief with a sidecar when
    /// the scan has the remembered text hashes (`hashes`), else for briefs it reads whole
    /// (up to 32 KiB).
    pub changed: bool,
    /// Why the brief or its sidecar could not be read, if so.
    pub problem: Option<String>,
    /// Only the file's name is known yet: the scan has not read it.
    pub pending: bool,
    /// Conflict copies a sync tool left beside its sidecar (see `store::conflicts`).
    pub conflicts: usize,
}

impl Summary {
    /// A brief known by its name alone, before the scan reads it.
    pub fn named(root: &Path, path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            name: path
                .strip_prefix(root)
                .map_or_else(|_| show_path(path), show_path),
            pending: true,
            ..Self::default()
        }
    }
}

/// Calls `found` with every brief under `root` (subfolders too, hidden ones and sidecars
/// skipped, each folder once even through symbolic links), in name order within each folder;
/// stops early when `found` returns false.
pub fn scan(root: &Path, mut found: impl FnMut(Summary) -> bool) {
    walk(root, &mut HashSet::new(), |path| {
        found(summary_with_copies(root, path))
    });
}

/// Rows the library's first screen needs: the size of each batch [`scan_batches`] sends.
pub const BATCH: usize = 64;

/// [`scan`] on every core: the folder is walked first, and `send` has the first [`BATCH`]
/// names as soon as they are found and the rest once the walk is done (names only, see
/// [`Summary::named`]), so a screen of file names shows before any brief is read; then each
/// core reads its share of the briefs' first screens and sidecars and hands `send` batches
/// of [`BATCH`] as they are done, in no particular order; a core stops when `send` returns
/// false.
pub fn scan_batches(root: &Path, send: impl Fn(Vec<Summary>) -> bool + Sync) {
    let mut suspects = HashSet::new();
    let mut briefs = Vec::new();
    let mut sent = 0;
    let mut going = true;
    walk(root, &mut suspects, |path| {
        briefs.push(path.to_path_buf());
        if briefs.len() == BATCH {
            going = send(briefs.iter().map(|b| Summary::named(root, b)).collect());
            sent = briefs.len();
        }
        going
    });
    if !going {
        return;
    }
    let rest: Vec<Summary> = briefs[sent..]
        .iter()
        .map(|b| Summary::named(root, b))
        .collect();
    if !rest.is_empty() && !send(rest) {
        return;
    }
    let suspects = &suspects;
    let hashes = TextHashes::in_data_dir();
    let known = Some(&hashes);
    // Only a folder where the walk saw a conflict copy's name is listed again.
    let summary = |root: &Path, brief: &Path| match brief.parent() {
        Some(folder) if suspects.contains(folder) => summary_with_copies_in(root, brief, known),
        _ => summary_in(root, brief, known),
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let share = briefs.len().div_ceil(cores).max(1);
    let send = &send;
    std::thread::scope(|scope| {
        for part in briefs.chunks(share) {
            scope.spawn(move || {
                for chunk in part.chunks(BATCH) {
                    if !send(chunk.iter().map(|b| summary(root, b)).collect()) {
                        return;
                    }
                }
            });
        }
    });
    hashes.save();
}

/// Every brief under `root`, as [`scan`] finds them, without reading any.
pub fn briefs(root: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    walk(root, &mut HashSet::new(), |path| {
        all.push(path.to_path_buf());
        true
    });
    all
}

/// Calls `found` with every brief under `root`; stops when it returns false. Folders holding
/// a file named like a conflict copy go into `suspects`.
fn walk(root: &Path, suspects: &mut HashSet<PathBuf>, mut found: impl FnMut(&Path) -> bool) {
    let mut seen = HashSet::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(path) = folders.pop() {
        let real = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !seen.insert(real) {
            continue;
        }
        let Some(folder) = listing::Folder::read(&path) else {
            continue;
        };
        if folder.suspect {
            suspects.insert(path.clone());
        }
        for brief in &folder.briefs {
            if !found(&brief.path) {
                return;
            }
        }
        // Depth first, in name order.
        folders.extend(folder.subfolders.into_iter().rev());
    }
}

/// The brief a changed file under `root` is about: the file itself when it is a brief, the
/// brief beside it when it is a brief's sidecar; `None` for anything else (other files,
/// leftovers of a save, anything in a hidden folder).
pub fn brief_of(root: &Path, changed: &Path) -> Option<PathBuf> {
    let under = changed.strip_prefix(root).ok()?;
    let hidden = under.parent().is_some_and(|p| {
        p.components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    });
    if hidden {
        return None;
    }
    let name = changed.file_name()?.to_string_lossy().into_owned();
    if name.starts_with('.') {
        return None;
    }
    // A conflict copy of a sidecar is news about its brief.
    let name = super::conflicts::original_name(&name).map_or(name, |(original, _)| original);
    if let Some(brief) = name.strip_suffix(".gloss.toml") {
        let brief = changed.with_file_name(brief);
        return is_brief(&brief).then_some(brief);
    }
    is_brief(changed).then(|| changed.to_path_buf())
}

/// True for a file the library lists: a brief's ending, and not a sidecar or its leftovers.
fn is_brief(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.contains(".gloss.toml") {
        return false;
    }
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| BRIEF_ENDINGS.contains(&e.as_str()))
}

/// What the first screen of `path` and its sidecar say.
pub fn summary(root: &Path, path: &Path) -> Summary {
    summary_in(root, path, None)
}

/// [`summary`], with the remembered text hashes of big briefs: a brief too big to read whole
/// is marked changed too, read and hashed only when its size or time changed since the last
/// scan (see `hashes`).
pub fn summary_in(root: &Path, path: &Path, hashes: Option<&TextHashes>) -> Summary {
    let bytes = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let doc = first_screen(path);
    let whole = Format::from_path(path) == Format::Html
        || u64::try_from(FIRST_PIECE).is_ok_and(|piece| bytes <= piece);
    let sidecar = read_sidecar(path);
    let mut s = describe(
        root,
        path,
        bytes,
        doc.as_ref(),
        whole,
        sidecar.as_ref().map(Option::as_ref),
    );
    if !whole
        && s.problem.is_none()
        && let (Some(hashes), Ok(Some(file))) = (hashes, &sidecar)
    {
        s.changed = hashes
            .hash_of(path)
            .is_some_and(|sha| sha != file.document.sha256);
    }
    // Read but never annotated: no sidecar, but the text it was read with is remembered.
    if s.problem.is_none()
        && let (Some(hashes), Ok(None)) = (hashes, &sidecar)
        && let Some(read) = hashes.read_of(path)
    {
        s.changed = hashes.hash_of(path).is_some_and(|sha| sha != read);
    }
    s
}

/// [`summary`], with the conflict copies beside the sidecar counted (one more listing of
/// the brief's folder).
pub fn summary_with_copies(root: &Path, path: &Path) -> Summary {
    summary_with_copies_in(root, path, None)
}

/// [`summary_with_copies`] with the remembered text hashes (see [`summary_in`]).
pub fn summary_with_copies_in(root: &Path, path: &Path, hashes: Option<&TextHashes>) -> Summary {
    Summary {
        conflicts: super::conflicts::copies(&beside(path)).len(),
        ..summary_in(root, path, hashes)
    }
}

/// [`summary_with_copies_in`] with the data folder's remembered text hashes, for one brief
/// (back from the reader, or changed on disk): read and written back around it.
pub fn summary_remembered(root: &Path, path: &Path) -> Summary {
    let hashes = TextHashes::in_data_dir();
    let s = summary_with_copies_in(root, path, Some(&hashes));
    hashes.save();
    s
}

fn read_sidecar(path: &Path) -> Result<Option<format::SidecarFile>, String> {
    let sidecar = SidecarPaths::at(beside(path)).data;
    let problem = |e: &dyn std::fmt::Display| format!("{}: {e}", show_path(&sidecar));
    match super::limits::read_capped(&sidecar, super::limits::SIDECAR) {
        Ok(bytes) => format::parse_bytes(&bytes)
            .map(Some)
            .map_err(|e| problem(&e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(problem(&e)),
    }
}

/// The summary of the brief at `path` (`bytes` long) from what was read of it: its start
/// (`whole` when that is all of it), and its sidecar.
fn describe(
    root: &Path,
    path: &Path,
    bytes: u64,
    doc: Result<&Document, &String>,
    whole: bool,
    sidecar: Result<Option<&format::SidecarFile>, &String>,
) -> Summary {
    let name = path
        .strip_prefix(root)
        .map_or_else(|_| show_path(path), show_path);
    let mut s = Summary {
        path: path.to_path_buf(),
        name,
        bytes,
        ..Summary::default()
    };
    let mut hash = None;
    match doc {
        Ok(doc) => {
            if whole {
                hash = Some(super::convert::text_hash(doc));
            }
            s.title = doc.title().map(str::to_string);
            s.source = doc.meta().source.clone();
            s.published = doc.meta().published.as_ref().map(|p| match p {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
        Err(problem) => s.problem = Some(problem.clone()),
    }
    match sidecar {
        Ok(Some(file)) => {
            let all = file.document.chars.max(1);
            s.progress =
                Some(u8::try_from(file.reading.position.min(all) * 100 / all).unwrap_or(100));
            s.highlights = file.annotations.len();
            s.notes = file
                .annotations
                .iter()
                .filter(|e| !e.note.is_empty())
                .count();
            s.review = file
                .annotations
                .iter()
                .filter(|e| e.status == "fuzzy" || e.status == "orphaned")
                .count();
            s.annotated = file.annotations.iter().map(|e| e.updated).max();
            s.changed = hash.is_some_and(|hash| hash != file.document.sha256);
        }
        Ok(None) => {}
        Err(problem) => s.problem = Some(problem.clone()),
    }
    s
}

/// The sidecar beside `brief`.
pub(crate) fn beside(brief: &Path) -> PathBuf {
    let name = brief
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    brief.with_file_name(format!("{name}.gloss.toml"))
}

/// The first piece of the brief, parsed (a web page whole: its metadata may sit anywhere, and
/// only the article extracted from all of it has a start).
fn first_screen(path: &Path) -> Result<Document, String> {
    let mut file = fs::File::open(path).map_err(|e| format!("{}: {e}", show_path(path)))?;
    let piece = match Format::from_path(path) {
        // One byte over the limit, so a page too big is refused rather than cut.
        Format::Html => crate::document::MAX_PAGE_BYTES + 1,
        _ => FIRST_PIECE as u64,
    };
    let mut start = Vec::with_capacity(FIRST_PIECE);
    file.by_ref()
        .take(piece)
        .read_to_end(&mut start)
        .map_err(|e| format!("{}: {e}", show_path(path)))?;
    Document::parse_start(&start, Format::from_path(path))
        .map_err(|e| format!("{}: {e}", show_path(path)))
}

pub mod hashes;
mod note;
pub mod reads;
pub mod sidecars;
#[cfg(test)]
mod tests;

pub use note::{Note, NoteBrief, Shared};

/// Every annotation of one brief, placed in its text as it is now.
#[derive(Debug, Clone)]
pub struct BriefNotes {
    /// The brief's summary (its title, path and name).
    pub summary: Summary,
    /// The whole brief.
    pub doc: Document,
    /// Its annotations, placed in `doc`.
    pub annotations: crate::annotation::Annotations,
}

/// The annotations of the brief at `path` (under `root`), placed in its current text; `Ok`
/// with none when it has no sidecar; `Err` naming the file when the brief or its sidecar
/// cannot be read.
pub fn notes_of(root: &Path, path: &Path) -> Result<BriefNotes, String> {
    let file = read_sidecar(path)?;
    let brief = super::read_brief(path).map_err(|e| e.to_string())?;
    let doc = Document::parse(&brief, Format::from_path(path))
        .map_err(|e| format!("{}: {e}", show_path(path)))?;
    // The brief and its sidecar are read once, for the summary and the annotations alike;
    // whether the text changed is for placing to find (it hashes the text itself).
    let bytes = brief.len() as u64;
    let summary = describe(root, path, bytes, Ok(&doc), false, Ok(file.as_ref()));
    let annotations = file
        .map(|f| super::place::place(&doc, &f).annotations)
        .unwrap_or_default();
    Ok(BriefNotes {
        summary,
        doc,
        annotations,
    })
}

/// Every annotation under `root`, brief by brief in the order [`scan`] finds them (briefs
/// without a sidecar left out), read and placed on every core, as rows of the notes view
/// (sharing tag lists and authors across briefs). A brief or sidecar that cannot be read is
/// an `Err` naming it.
pub fn notes_in(root: &Path) -> Vec<Result<Vec<Note>, String>> {
    let shared = std::sync::Mutex::new(Shared::default());
    notes_with(root, |notes| notes.map(|n| n.rows_sharing(&shared)))
}

/// `work` done on every core for each brief under `root` that has a sidecar, in the order
/// [`scan`] finds them, given its annotations placed in its current text (or why they could
/// not be read); each brief's text is dropped as soon as its work is done.
pub fn notes_with<R: Send>(
    root: &Path,
    work: impl Fn(Result<BriefNotes, String>) -> R + Sync,
) -> Vec<R> {
    // The listing says which briefs have a sidecar, without a look-up for each.
    let annotated: Vec<PathBuf> = listed(root)
        .into_iter()
        .filter(|l| l.sidecar.is_some())
        .map(|l| l.path)
        .collect();
    on_every_core(
        &annotated,
        |b| work(notes_of(root, b)),
        |b| work(Err(format!("{}: reading annotations failed", show_path(b)))),
    )
}
