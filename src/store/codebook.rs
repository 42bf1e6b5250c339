//! `codebook.toml` at a library's root: reading it, and changing it under its lock with an
//! atomic save. A codebook that does not parse is never written over: every change is refused
//! with the file, line and key.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;

use super::library::sidecars::tally;
use super::retag::{Retagged, retag};
use super::write_atomic;
use crate::annotation::tag::Retag;
use crate::annotation::tally::Count;
use crate::codebook::format::{parse, write};
use crate::codebook::tree::{Row, rows, uncoded};
use crate::codebook::{Change, Codebook};
use crate::error::show_path;

/// The codebook's file name, at the library's root.
pub const FILE: &str = "codebook.toml";

/// How long a change waits for another process's lock on the codebook.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// The codebook a brief belongs to: the nearest `codebook.toml` in its folder or a folder
/// above it (as git finds `.git`); `None` when there is none or it does not parse.
pub fn nearest(brief: &Path) -> Option<Codebook> {
    let absolute = fs::canonicalize(brief).ok()?;
    absolute
        .ancestors()
        .skip(1)
        .find(|dir| path(dir).is_file())
        .and_then(|dir| load(dir).ok())
}

/// The codebook file of the library at `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(FILE)
}

/// The codebook of the library at `root` (empty when there is none yet); the error names the
/// file, line, column and key.
pub fn load(root: &Path) -> Result<Codebook, String> {
    read(&path(root)).map(|(book, _)| book)
}

fn read(file: &Path) -> Result<(Codebook, Option<Vec<u8>>), String> {
    let bytes = match super::limits::read_capped(file, super::limits::CODEBOOK) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Codebook::default(), None)),
        Err(e) => return Err(format!("{}: {e}", show_path(file))),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        format!(
            "{}: not valid UTF-8 (byte {})",
            show_path(file),
            e.valid_up_to()
        )
    })?;
    let book = parse(text).map_err(|e| format!("{}: {e}", show_path(file)))?;
    Ok((book, Some(bytes)))
}

/// Changes the codebook of the library at `root` under its lock: reads it as it is now, lets
/// `change` edit it (and do what must go with it, such as retagging the sidecars), and saves
/// it atomically (the previous version kept as `codebook.toml.bak`) when it differs. Nothing
/// is written when `change` fails or the codebook does not parse.
pub fn change<R>(
    root: &Path,
    change: impl FnOnce(&mut Codebook) -> Result<R, String>,
) -> Result<R, String> {
    let file = path(root);
    let _lock = lock(&with_ending(&file, ".lock"))?;
    let (mut book, before) = read(&file)?;
    let answer = change(&mut book)?;
    let text = write(&book).map_err(|e| format!("{}: {e}", show_path(&file)))?;
    if before.as_deref() != Some(text.as_bytes()) {
        let io = |p: &Path| {
            let shown = show_path(p);
            move |e: io::Error| format!("{shown}: {e}")
        };
        if let Some(previous) = &before {
            let backup = with_ending(&file, ".bak");
            write_atomic(&backup, previous).map_err(io(&backup))?;
        }
        write_atomic(&file, text.as_bytes()).map_err(io(&file))?;
    }
    Ok(answer)
}

fn with_ending(file: &Path, ending: &str) -> PathBuf {
    let mut s = file.as_os_str().to_owned();
    s.push(ending);
    PathBuf::from(s)
}

fn lock(path: &Path) -> Result<File, String> {
    let problem = |e: &dyn std::fmt::Display| format!("{}: {e}", show_path(path));
    super::lock_file::lock_within(path, LOCK_WAIT)
        .map_err(|e| problem(&e))?
        .ok_or_else(|| problem(&"another gloss is changing the codebook; try again"))
}

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// One line saying it (`renamed frame to lens: 3 annotations in 2 briefs`).
    pub said: String,
    /// The sidecars' retag, when the change had one.
    pub retagged: Option<Retagged>,
    /// How to finish the retag by hand when sidecars were skipped.
    pub finish: String,
}

/// Carries out `change` on the codebook of the library at `root` and in every sidecar there
/// (under the codebook's lock); nothing is written when it is refused. A delete of a code
/// that annotations carry is refused unless it says `yes`, with how many it would touch.
pub fn apply(root: &Path, change: &Change, now: Timestamp) -> Result<Applied, String> {
    self::change(root, |book| apply_to(root, book, change, now))
}

fn apply_to(
    root: &Path,
    book: &mut Codebook,
    change: &Change,
    now: Timestamp,
) -> Result<Applied, String> {
    let follow = |r: Retag, said: String| -> Applied {
        let done = retag(root, &r, now, true);
        let finish = match &r {
            Retag::Rename { from, to } => {
                format!("finish with gloss tags DIR --rename {from} {to}")
            }
            Retag::Delete { tag } => format!("take the tag {tag} off there by hand"),
        };
        Applied {
            said: format!(
                "{said}: {} annotations in {} briefs",
                done.annotations,
                done.briefs.len()
            ),
            retagged: Some(done),
            finish,
        }
    };
    match change {
        Change::Add(code) => {
            let name = code.name.clone();
            book.add(code.clone())?;
            Ok(Applied {
                said: format!("added {name} to {}", show_path(&path(root))),
                retagged: None,
                finish: String::new(),
            })
        }
        Change::Rename { old, new } => {
            let r = book.rename(old, new)?;
            Ok(follow(r, format!("renamed {old} to {new}")))
        }
        Change::Move { code, parent } => {
            let r = book.move_to(code, parent)?;
            let to = match &r {
                Retag::Rename { to, .. } => to.clone(),
                Retag::Delete { .. } => String::new(),
            };
            Ok(follow(r, format!("moved {code} to {to}")))
        }
        Change::Merge { from, into } => {
            let r = book.merge(from, into)?;
            Ok(follow(r, format!("merged {from} into {into}")))
        }
        Change::Delete { code, yes } => {
            let r = book.delete(code)?;
            let would = retag(root, &r, now, false);
            if would.annotations > 0 && !yes {
                return Err(format!(
                    "deleting {code} takes it off {} annotations in {} briefs; run again with --yes to do it",
                    would.annotations,
                    would.briefs.len()
                ));
            }
            Ok(follow(r, format!("deleted {code}")))
        }
        Change::Memo { code, text } => {
            let said = book.set_memo(code, text)?;
            Ok(Applied {
                said: format!("{code}: {said}"),
                retagged: None,
                finish: String::new(),
            })
        }
        Change::LibraryMemo { title, text } => {
            let said = book.set_library_memo(title, text)?;
            Ok(Applied {
                said: format!("{}: {said}", title.trim()),
                retagged: None,
                finish: String::new(),
            })
        }
    }
}

/// A library's codebook as a tree with counts, and the tags in use that are not codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// The tree, parents first.
    pub rows: Vec<Row>,
    /// Tags in use that are not codes, with their counts.
    pub uncoded: Vec<(String, Count)>,
    /// The library's memos (title, text), in title order.
    pub memos: Vec<(String, String)>,
    /// Why the codebook could not be read (then every tag is uncoded).
    pub problem: Option<String>,
    /// Sidecars that could not be read.
    pub skipped: Vec<String>,
}

/// The listing of the library at `root`, from its codebook and its sidecars.
pub fn listing(root: &Path) -> Listing {
    let (book, problem) = match load(root) {
        Ok(book) => (book, None),
        Err(problem) => (Codebook::default(), Some(problem)),
    };
    let tallied = tally(root);
    Listing {
        rows: rows(&book, &tallied.tally),
        uncoded: uncoded(
            &book,
            tallied.used.iter().map(String::as_str),
            &tallied.tally,
        ),
        memos: book.memos.into_iter().map(|m| (m.title, m.text)).collect(),
        problem,
        skipped: tallied.skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_finds_the_nearest_codebook_above_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("wires/2026")).unwrap();
        let brief = root.join("wires/2026/a.txt");
        fs::write(&brief, "A brief\n").unwrap();
        assert!(nearest(&brief).is_none_or(|b| b.get("frame").is_none()));
        fs::write(path(root), "version = 1\n[[code]]\nname = \"frame\"\n").unwrap();
        assert!(nearest(&brief).unwrap().get("frame").is_some());
        fs::write(
            path(&root.join("wires")),
            "version = 1\n[[code]]\nname = \"actor\"\n",
        )
        .unwrap();
        let book = nearest(&brief).unwrap();
        assert!(
            book.get("actor").is_some() && book.get("frame").is_none(),
            "the nearest"
        );
    }

    #[test]
    fn a_codebook_past_its_limit_is_refused_naming_it_and_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        File::create(&file)
            .unwrap()
            .set_len(crate::store::limits::CODEBOOK.bytes + 1)
            .unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(
            err.contains("codebook.toml") && err.contains("codebooks up to 16 MiB"),
            "{err}"
        );
        let changed = change(dir.path(), |book| book.import(Vec::new()));
        assert!(changed.is_err());
        assert_eq!(
            fs::metadata(&file).unwrap().len(),
            crate::store::limits::CODEBOOK.bytes + 1,
            "never written over"
        );
    }
}
