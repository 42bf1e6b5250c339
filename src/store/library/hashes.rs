//! The hash of each big brief's normalised text, remembered between library scans with the
//! file's size and modification time, so the library can mark every brief changed since its
//! sidecar was written without reading 10,000 whole briefs on each scan: a brief is read and
//! hashed again only when its size or time differ from the remembered ones.
//!
//! Kept in the data folder as `text-hashes.tsv`, one brief a line, `sha256 TAB size TAB
//! mtime-nanoseconds TAB path`, sorted by path (plain and diff-friendly), at most [`KEPT`]
//! lines: the briefs of the last scan first. A line that does not parse is skipped; a file
//! that cannot be read is an empty cache. Paths holding a tab or a line break are not kept.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use super::reads::{self, Reads};
use crate::document::{Document, Format};
use crate::store::convert::text_hash;

/// Lines kept at most.
pub const KEPT: usize = 50_000;

/// The file's name in the data folder.
pub const FILE: &str = "text-hashes.tsv";

/// What is remembered of one brief.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Known {
    sha256: String,
    size: u64,
    mtime: u128,
}

/// Remembered hashes, and the ones found during this scan.
#[derive(Debug, Default)]
pub struct TextHashes {
    file: Option<PathBuf>,
    known: BTreeMap<PathBuf, Known>,
    /// Briefs looked up in this scan, with what they are now.
    seen: Mutex<BTreeMap<PathBuf, Known>>,
    /// The text each brief had when last read (kept beside, in [`reads::FILE`]).
    reads: Reads,
}

impl TextHashes {
    /// The cache of the data folder (empty when there is none).
    pub fn in_data_dir() -> Self {
        match crate::store::data_dir() {
            Some(dir) => Self::load(&dir.join(FILE)),
            None => Self::default(),
        }
    }

    /// The cache kept in `file`.
    pub fn load(file: &Path) -> Self {
        let text = crate::store::limits::read_capped_text(file, crate::store::limits::DATA_FILE)
            .unwrap_or_default();
        let known = text
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(4, '\t');
                let sha256 = parts.next()?.to_string();
                let size = parts.next()?.parse().ok()?;
                let mtime = parts.next()?.parse().ok()?;
                let path = PathBuf::from(parts.next()?);
                let sound = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
                sound.then_some((
                    path,
                    Known {
                        sha256,
                        size,
                        mtime,
                    },
                ))
            })
            .collect();
        Self {
            file: Some(file.to_path_buf()),
            known,
            seen: Mutex::default(),
            reads: Reads::load(&file.with_file_name(reads::FILE)),
        }
    }

    /// The hash of `brief`'s text when it was last read, if it was.
    pub fn read_of(&self, brief: &Path) -> Option<&str> {
        let absolute = fs::canonicalize(brief).ok()?;
        self.reads.of(&absolute)
    }

    /// The hash of the normalised text of `path`: remembered when its size and time are as
    /// remembered, else read, hashed and remembered. None when it cannot be read.
    pub fn hash_of(&self, path: &Path) -> Option<String> {
        let meta = fs::metadata(path).ok()?;
        let mtime = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let size = meta.len();
        let known = match self.known.get(path) {
            Some(k) if k.size == size && k.mtime == mtime => k.clone(),
            _ => {
                let bytes = crate::store::read_brief(path).ok()?;
                let doc = Document::parse(&bytes, Format::from_path(path)).ok()?;
                Known {
                    sha256: text_hash(&doc),
                    size,
                    mtime,
                }
            }
        };
        let sha = known.sha256.clone();
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(path.to_path_buf(), known);
        }
        Some(sha)
    }

    /// Writes the cache back when the scan learnt something: the briefs seen in it, then the
    /// others remembered, up to [`KEPT`] lines. Failing to write only costs a later scan time.
    pub fn save(self) {
        let Some(file) = self.file else {
            return;
        };
        let seen = self.seen.into_inner().unwrap_or_default();
        if seen.iter().all(|(p, k)| self.known.get(p) == Some(k)) {
            return;
        }
        let mut kept = seen;
        for (path, known) in self.known {
            if kept.len() >= KEPT {
                break;
            }
            kept.entry(path).or_insert(known);
        }
        let mut out = String::new();
        for (path, k) in &kept {
            let Some(name) = path.to_str().filter(|p| !p.contains(['\t', '\n', '\r'])) else {
                continue;
            };
            out.push_str(&format!("{}\t{}\t{}\t{name}\n", k.sha256, k.size, k.mtime));
        }
        if let Some(dir) = file.parent() {
            let _ = fs::create_dir_all(dir);
        }
        let _ = crate::store::write_atomic(&file, out.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_is_hashed_once_and_again_only_when_its_size_or_time_change() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("data").join(FILE);
        let brief = dir.path().join("a.txt");
        fs::write(&brief, "Title\nSome text.\n").unwrap();
        let first = TextHashes::load(&cache);
        let sha = first.hash_of(&brief).unwrap();
        first.save();
        let kept = fs::read_to_string(&cache).unwrap();
        assert!(kept.starts_with(&format!("{sha}\t17\t")), "{kept}");
        assert!(kept.trim_end().ends_with("a.txt"), "{kept}");

        // A cache that says otherwise for the same size and time is believed: nothing is read.
        let lied = kept.replacen(&sha, &"0".repeat(64), 1);
        fs::write(&cache, &lied).unwrap();
        let second = TextHashes::load(&cache);
        assert_eq!(second.hash_of(&brief).unwrap(), "0".repeat(64));
        second.save();
        assert_eq!(
            fs::read_to_string(&cache).unwrap(),
            lied,
            "nothing new, nothing written"
        );

        // Re-issued (another size): read and hashed again, and remembered.
        fs::write(&brief, "Title\nSome corrected text.\n").unwrap();
        let third = TextHashes::load(&cache);
        let new = third.hash_of(&brief).unwrap();
        assert_ne!(new, sha);
        assert_ne!(new, "0".repeat(64));
        third.save();
        assert!(fs::read_to_string(&cache).unwrap().starts_with(&new));
    }

    #[test]
    fn bad_lines_are_skipped_and_a_missing_file_is_an_empty_cache() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(FILE);
        assert!(TextHashes::load(&cache).known.is_empty());
        let good = format!("{}\t3\t4\t/x/b.txt", "a".repeat(64));
        fs::write(&cache, format!("nonsense\n{good}\nzz\t1\t2\t/x/c.txt\n")).unwrap();
        let known = TextHashes::load(&cache).known;
        assert_eq!(known.len(), 1);
        assert!(known.contains_key(Path::new("/x/b.txt")));
    }
}
