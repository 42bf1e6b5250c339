//! The text each brief had when it was last read (opened in the reader until its text was
//! whole), so the library can mark a brief re-issued since then even when it has no sidecar
//! (read, never annotated: a reading position alone writes none).
//!
//! Kept in the data folder as `read-texts.tsv`, one brief a line, `sha256 TAB path`, sorted by
//! path, at most [`KEPT`] lines (the newest read first to stay). A line that does not parse is
//! skipped; a file that cannot be read is empty. Written under `read-texts.tsv.lock`,
//! atomically; paths holding a tab or a line break are not kept.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::store::limits::{DATA_FILE, read_capped_text};

/// Lines kept at most.
pub const KEPT: usize = 50_000;

/// The file's name in the data folder.
pub const FILE: &str = "read-texts.tsv";

/// What was read, by brief.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    read: BTreeMap<PathBuf, String>,
}

impl Reads {
    /// What `file` says.
    pub fn load(file: &Path) -> Self {
        let text = read_capped_text(file, DATA_FILE).unwrap_or_default();
        let read = text
            .lines()
            .filter_map(|line| {
                let (sha, path) = line.split_once('\t')?;
                let sound = sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit());
                sound.then(|| (PathBuf::from(path), sha.to_string()))
            })
            .collect();
        Self { read }
    }

    /// The hash of `brief`'s text when it was last read.
    pub fn of(&self, brief: &Path) -> Option<&str> {
        self.read.get(brief).map(String::as_str)
    }
}

/// Remembers in `file` that `brief` (made absolute) was read with its text hashed `sha256`.
/// Failing only costs the library's mark later, so the caller may ignore the error.
pub fn record(file: &Path, brief: &Path, sha256: &str) -> std::io::Result<()> {
    let brief = fs::canonicalize(brief).unwrap_or_else(|_| brief.to_path_buf());
    let Some(name) = brief.to_str().filter(|p| !p.contains(['\t', '\n', '\r'])) else {
        return Ok(());
    };
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut lock_path = file.as_os_str().to_owned();
    lock_path.push(".lock");
    let wait = Duration::from_secs(5);
    let _lock =
        crate::store::lock_file::lock_within(Path::new(&lock_path), wait)?.ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::WouldBlock,
                "another gloss is writing what was read",
            )
        })?;
    let mut reads = Reads::load(file);
    if reads.of(&brief) == Some(sha256) {
        return Ok(());
    }
    reads.read.remove(&brief);
    // Past the limit, drop others to make room (the file holds no order of reading).
    while reads.read.len() >= KEPT {
        reads.read.pop_first();
    }
    reads.read.insert(PathBuf::from(name), sha256.to_string());
    let mut out = String::new();
    for (path, sha) in &reads.read {
        if let Some(p) = path.to_str() {
            out.push_str(&format!("{sha}\t{p}\n"));
        }
    }
    crate::store::write_atomic(file, out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_text_read_is_kept_per_brief_and_bad_lines_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data").join(FILE);
        let brief = dir.path().join("a.txt");
        fs::write(&brief, "x").unwrap();
        let (one, two) = ("1".repeat(64), "2".repeat(64));
        record(&file, &brief, &one).unwrap();
        record(&file, &brief, &two).unwrap();
        let abs = fs::canonicalize(&brief).unwrap();
        assert_eq!(Reads::load(&file).of(&abs), Some(two.as_str()));
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        fs::write(&file, format!("junk\n{one}\t/x/b.txt\nzz\t/x/c.txt\n")).unwrap();
        let reads = Reads::load(&file);
        assert_eq!(reads.of(Path::new("/x/b.txt")), Some(one.as_str()));
        assert_eq!(reads.of(Path::new("/x/c.txt")), None);
    }
}
