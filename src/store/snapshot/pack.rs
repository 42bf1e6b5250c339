//! Packs: short texts' snapshots compressed together, several to a file. A 3 KB brief alone
//! compresses to about 45% of its size (zstd has too little text to learn from) and its file
//! still takes a whole block of the file system (4 KiB, more than the text); compressed with
//! other briefs, English prose takes a third of its size and the blocks are shared.
//!
//! A pack (`packs/N.zst` in the snapshot folder) is one zstd frame holding a header line and
//! then, for each text, a line with its length in bytes followed by the text and a newline.
//! A text is found by its hash, computed when the pack is read (64 hex digits a text would
//! cost 1% of the size: they do not compress), so a damaged entry is simply a text nobody
//! asks for; a pack cut short keeps the entries of the zstd blocks (128 KiB) before the cut. Adding or pruning rewrites the pack whole
//! (atomically, under `packs/lock`), so a crash leaves the pack as it was before. A pack is
//! only a cache of texts kept elsewhere too: nothing here may touch a sidecar or a brief.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::sha256_hex;
use crate::store::limits::{self, read_capped};
use crate::store::write_atomic;

/// Texts up to this many bytes go into a pack; longer ones compress well alone.
pub const SMALL: usize = 64 << 10;

/// A pack is full once it holds this many bytes of text: rewriting it at level 19 costs about
/// 0.4 s of one core, and past it the share of the size hardly falls (33.5% at 512 KiB of the
/// corpus's English articles, 32.7% at 690 KB).
pub const FULL: usize = 512 << 10;

/// zstd level of a pack: small inputs pack tightest at the top levels, and a pack is rewritten
/// only when a new text comes in, off the loop's thread.
const LEVEL: i32 = 19;

/// The first line of every pack.
const HEADER: &[u8] = b"gloss snapshot pack 1\n";

/// How every pack's first line begins, whatever its version: a pack of another version (a
/// newer gloss's) is read as empty but never rewritten or deleted.
const FAMILY: &[u8] = b"gloss snapshot pack ";

/// A pack's text never decompresses to more than this (a hostile file cannot fill memory).
const MOST: u64 = (FULL + SMALL + (1 << 16)) as u64;

/// How long a writer waits for another to finish with the packs before giving up (no
/// snapshot this time: only a diff later, which the next save will make good).
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// One text in a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its hash, as its sidecar stores it.
    pub sha256: String,
    /// The text.
    pub text: String,
}

/// The packs of the snapshot folder `dir`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packs {
    dir: PathBuf,
}

impl Packs {
    /// The packs under `snapshots/packs/`.
    pub fn in_folder(snapshots: &Path) -> Self {
        Self {
            dir: snapshots.join("packs"),
        }
    }

    /// Every pack file, in number order.
    pub fn files(&self) -> Vec<(u32, PathBuf)> {
        let mut files: Vec<(u32, PathBuf)> = fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let n = name.strip_suffix(".zst")?.parse().ok()?;
                Some((n, e.path()))
            })
            .collect();
        files.sort();
        files
    }

    /// The text hashed `sha256`, from whichever pack holds it soundly.
    pub fn find(&self, sha256: &str) -> Option<String> {
        self.files().into_iter().find_map(|(_, path)| {
            read(&path)
                .into_iter()
                .find(|e| e.sha256 == sha256)
                .map(|e| e.text)
        })
    }

    /// The hashes of every sound entry.
    pub fn hashes(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .flat_map(|(_, path)| read(&path).into_iter().map(|e| e.sha256))
            .collect()
    }

    /// Adds `text` (hashed `sha256`) to the newest pack with room, or a new one. False when a
    /// sound copy was there already (another process may have added it meanwhile).
    pub fn add(&self, sha256: &str, text: &str) -> io::Result<bool> {
        fs::create_dir_all(&self.dir)?;
        let _lock = lock(&self.dir.join("lock"))?;
        let files = self.files();
        let mut last = None;
        for (n, path) in &files {
            let entries = read(path);
            if entries.iter().any(|e| e.sha256 == sha256) {
                return Ok(false);
            }
            last = Some((*n, path.clone(), (!foreign(path)).then_some(entries)));
        }
        let entry = Entry {
            sha256: sha256.to_string(),
            text: text.to_string(),
        };
        let (path, mut entries) = match last {
            Some((_, path, Some(entries))) if size(&entries) + text.len() <= FULL => {
                (path, entries)
            }
            Some((n, ..)) => (self.numbered(n + 1), Vec::new()),
            None => (self.numbered(1), Vec::new()),
        };
        entries.push(entry);
        write_atomic(&path, &encode(&entries)?)?;
        Ok(true)
    }

    /// Drops every entry whose hash is not in `keep`, rewriting the packs that held one and
    /// deleting those left empty (or holding nothing readable). (kept, removed, bytes freed).
    pub fn prune(&self, keep: &HashSet<String>) -> io::Result<(usize, usize, u64)> {
        let files = self.files();
        if files.is_empty() {
            return Ok((0, 0, 0));
        }
        let _lock = lock(&self.dir.join("lock"))?;
        let (mut kept, mut removed, mut freed) = (0, 0, 0);
        for (_, path) in self.files() {
            if foreign(&path) {
                continue;
            }
            let before = fs::metadata(&path).map_or(0, |m| m.len());
            let entries = read(&path);
            let all = entries.len();
            let left: Vec<Entry> = entries
                .into_iter()
                .filter(|e| keep.contains(&e.sha256))
                .collect();
            kept += left.len();
            removed += all - left.len();
            if left.is_empty() {
                fs::remove_file(&path)?;
                freed += before;
            } else if left.len() < all {
                write_atomic(&path, &encode(&left)?)?;
                freed += before.saturating_sub(fs::metadata(&path).map_or(0, |m| m.len()));
            }
        }
        Ok((kept, removed, freed))
    }

    fn numbered(&self, n: u32) -> PathBuf {
        self.dir.join(format!("{n}.zst"))
    }
}

/// Bytes of text in `entries`.
fn size(entries: &[Entry]) -> usize {
    entries.iter().map(|e| e.text.len()).sum()
}

/// `entries` as a compressed pack.
pub fn encode(entries: &[Entry]) -> io::Result<Vec<u8>> {
    let mut raw = HEADER.to_vec();
    for e in entries {
        raw.extend_from_slice(format!("{}\n", e.text.len()).as_bytes());
        raw.extend_from_slice(e.text.as_bytes());
        raw.push(b'\n');
    }
    let mut c = zstd::bulk::Compressor::new(LEVEL)?;
    // Every entry is checked against its own hash: zstd's checksum would only repeat that.
    c.include_checksum(false)?;
    c.compress(&raw)
}

/// The sound entries of the pack at `path`: none when it cannot be read or is not a pack;
/// those before the damage when it is cut short or altered.
pub fn read(path: &Path) -> Vec<Entry> {
    decode(&raw(path))
}

/// True when the file at `path` is a pack of another version.
fn foreign(path: &Path) -> bool {
    let raw = raw(path);
    raw.starts_with(FAMILY) && !raw.starts_with(HEADER)
}

/// What the pack at `path` decompresses to, as far as it does.
fn raw(path: &Path) -> Vec<u8> {
    let Ok(bytes) = read_capped(path, limits::SNAPSHOT) else {
        return Vec::new();
    };
    let Ok(decoder) = zstd::stream::read::Decoder::new(bytes.as_slice()) else {
        return Vec::new();
    };
    let mut raw = Vec::new();
    // A frame cut short still yields what it decoded before the cut.
    let _ = decoder.take(MOST).read_to_end(&mut raw);
    raw
}

/// The entries of a pack's decompressed bytes, up to the first that does not parse, each under
/// the hash of its text.
pub fn decode(raw: &[u8]) -> Vec<Entry> {
    let mut out = Vec::new();
    let Some(mut rest) = raw.strip_prefix(HEADER) else {
        return out;
    };
    while let Some(newline) = rest.iter().take(24).position(|&b| b == b'\n') {
        let line = String::from_utf8_lossy(rest.get(..newline).unwrap_or_default());
        let Ok(len) = line.parse::<usize>() else {
            break;
        };
        let body = newline + 1;
        let (Some(text), Some(b'\n')) = (
            rest.get(body..body.saturating_add(len)),
            rest.get(body.saturating_add(len)),
        ) else {
            break;
        };
        if let Ok(text) = std::str::from_utf8(text) {
            out.push(Entry {
                sha256: sha256_hex(text.as_bytes()),
                text: text.to_string(),
            });
        }
        rest = rest.get(body + len + 1..).unwrap_or_default();
    }
    out
}

/// Waits up to [`LOCK_WAIT`] for the packs' lock file.
fn lock(path: &Path) -> io::Result<File> {
    crate::store::lock_file::lock_within(path, LOCK_WAIT)?.ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::WouldBlock,
            "another gloss is writing snapshots",
        )
    })
}
