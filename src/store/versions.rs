//! The versions of a brief's text that gloss has seen, for `gloss diff FILE --versions`: when
//! each was first seen, its size and hash, and how its annotations landed when they were
//! carried onto it (moved, to review, orphaned).
//!
//! Kept beside the snapshots in the data folder, one file a brief,
//! `versions/PATHHASH.tsv` (the first 32 hex digits of the sha256 of the brief's full path):
//! a `#` line naming the brief, then one line a version, oldest first,
//! `first-seen TAB size TAB sha256 TAB moved TAB fuzzy TAB orphaned` (`-` for the counts of
//! a version that no annotations were carried onto: the one they were placed on). A version
//! seen again is not added again. At most [`KEPT`] lines: the first one and the newest.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::snapshot::sha256_hex;

/// Versions kept at most per brief.
pub const KEPT: usize = 200;

/// One version of a brief's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// When gloss first saw it.
    pub seen: Timestamp,
    /// Its normalised text's size in bytes.
    pub bytes: u64,
    /// Its normalised text's sha256, as sidecars store it.
    pub sha256: String,
    /// Annotations moved, to review (fuzzy) and orphaned when they were carried onto it.
    pub step: Option<[usize; 3]>,
}

impl Version {
    fn line(&self) -> String {
        let counts = match self.step {
            Some([m, f, o]) => format!("{m}\t{f}\t{o}"),
            None => "-\t-\t-".into(),
        };
        format!("{}\t{}\t{}\t{counts}", self.seen, self.bytes, self.sha256)
    }

    fn parse(line: &str) -> Option<Self> {
        let parts: Vec<&str> = line.split('\t').collect();
        let [seen, bytes, sha256, m, f, o] = parts.as_slice() else {
            return None;
        };
        let step = match (m.parse(), f.parse(), o.parse()) {
            (Ok(m), Ok(f), Ok(o)) => Some([m, f, o]),
            _ if [m, f, o].iter().all(|c| **c == "-") => None,
            _ => return None,
        };
        let sound = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        sound.then_some(())?;
        Some(Self {
            seen: seen.parse().ok()?,
            bytes: bytes.parse().ok()?,
            sha256: (*sha256).to_string(),
            step,
        })
    }
}

/// The versions log of one brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    file: PathBuf,
    brief: PathBuf,
}

impl Versions {
    /// The log of `brief` in the data folder `data`.
    pub fn of(data: &Path, brief: &Path) -> Self {
        let brief = fs::canonicalize(brief).unwrap_or_else(|_| brief.to_path_buf());
        let key = sha256_hex(brief.to_string_lossy().as_bytes());
        let name = format!("{}.tsv", key.get(..32).unwrap_or(&key));
        Self {
            file: data.join("versions").join(name),
            brief,
        }
    }

    /// The log of `brief` in the user's data folder, if there is one.
    pub fn in_data_dir(brief: &Path) -> Option<Self> {
        super::data_dir().map(|d| Self::of(&d, brief))
    }

    /// The log's file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Every version kept, oldest first (lines that do not parse are skipped).
    pub fn load(&self) -> Vec<Version> {
        crate::store::limits::read_capped_text(&self.file, crate::store::limits::DATA_FILE)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(Version::parse)
            .collect()
    }

    /// Adds `version` unless a version of that hash is kept already; true when it was added.
    pub fn record(&self, version: Version) -> io::Result<bool> {
        let mut all = self.load();
        if all.iter().any(|v| v.sha256 == version.sha256) {
            return Ok(false);
        }
        all.push(version);
        if all.len() > KEPT {
            all.drain(1..all.len() - (KEPT - 1));
        }
        let mut out = format!(
            "# gloss: versions of {} seen (first seen, size, sha256, moved, fuzzy, orphaned)\n",
            self.brief.display().to_string().replace(['\n', '\r'], " ")
        );
        for v in &all {
            out.push_str(&v.line());
            out.push('\n');
        }
        if let Some(dir) = self.file.parent() {
            fs::create_dir_all(dir)?;
        }
        super::write_atomic(&self.file, out.as_bytes())?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(second: i64, sha: char, step: Option<[usize; 3]>) -> Version {
        Version {
            seen: Timestamp::from_second(1_700_000_000 + second).unwrap(),
            bytes: 100 + second as u64,
            sha256: sha.to_string().repeat(64),
            step,
        }
    }

    #[test]
    fn each_version_is_kept_once_in_the_order_first_seen() {
        let dir = tempfile::tempdir().unwrap();
        let brief = dir.path().join("a.txt");
        fs::write(&brief, "x").unwrap();
        let log = Versions::of(&dir.path().join("data"), &brief);
        assert!(log.load().is_empty());
        assert!(log.record(version(0, 'a', None)).unwrap());
        assert!(log.record(version(5, 'b', Some([3, 1, 0]))).unwrap());
        assert!(
            !log.record(version(9, 'a', Some([0, 0, 0]))).unwrap(),
            "seen already"
        );
        assert_eq!(
            log.load(),
            [version(0, 'a', None), version(5, 'b', Some([3, 1, 0]))]
        );
        let text = fs::read_to_string(log.file()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("# gloss: versions of "), "{text}");
        assert_eq!(
            lines[2],
            format!("2023-11-14T22:13:25Z\t105\t{}\t3\t1\t0", "b".repeat(64))
        );
        assert!(lines[1].ends_with("\t-\t-\t-"), "{text}");
    }

    #[test]
    fn the_log_is_bounded_keeping_the_first_and_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let log = Versions::of(dir.path(), &dir.path().join("a.txt"));
        for i in 0..KEPT + 5 {
            let v = Version {
                sha256: format!("{i:064x}"),
                ..version(i as i64, 'a', None)
            };
            log.record(v).unwrap();
        }
        let all = log.load();
        assert_eq!(all.len(), KEPT);
        assert_eq!(all[0].sha256, format!("{:064x}", 0));
        assert_eq!(all[KEPT - 1].sha256, format!("{:064x}", KEPT + 4));
        assert_eq!(all[1].sha256, format!("{:064x}", 6));
    }

    #[test]
    fn lines_that_do_not_parse_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let log = Versions::of(dir.path(), &dir.path().join("a.txt"));
        fs::create_dir_all(log.file().parent().unwrap()).unwrap();
        let good = version(1, 'c', Some([1, 2, 3])).line();
        fs::write(
            log.file(),
            format!(
                "# x\nnot a line\n{good}\nz\t1\t{}\t-\t-\t-\n",
                "d".repeat(64)
            ),
        )
        .unwrap();
        assert_eq!(log.load(), [version(1, 'c', Some([1, 2, 3]))]);
    }
}
