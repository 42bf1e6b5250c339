//! Snapshots: the normalised text annotations were placed on, kept zstd-compressed in the data
//! folder under the `sha256` their sidecar stores, so that a re-issued brief can be compared with
//! it. One snapshot serves every sidecar that points at the same text.
//!
//! A text up to [`pack::SMALL`] goes into a pack with others (see [`pack`]); a longer one is a
//! file of its own, `SHA256.zst`. Snapshots written before packs existed (short texts in files
//! of their own) are read and pruned as before.
//!
//! A snapshot is only ever a help: one that is missing, cut short or altered (its text does not
//! hash to its name) is treated as absent, and the next save writes it again. Every sidecar
//! gloss saves is remembered (a small file under `known/` holding its path) so that
//! [`Snapshots::gc`] can tell which snapshots are still referred to.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::limits::{self, Limit, read_capped, read_capped_text};
use super::write_atomic;

pub mod pack;
use pack::Packs;

/// zstd level for texts of their own up to [`BIG`]: 19 packs them tightest;
/// it costs about 2.7 s per MB, so longer texts get [`BIG_LEVEL`] (about 0.14 s per MiB, and
/// 17% of the size on the corpus). Either way a snapshot is written once per text, off the
/// loop's thread.
const LEVEL: i32 = 19;

/// Texts longer than this are compressed at [`BIG_LEVEL`].
const BIG: usize = 256 << 10;
const BIG_LEVEL: i32 = 9;

/// A snapshot never decompresses to more than this (a corrupt or hostile file cannot fill
/// memory): the largest brief gloss reads.
const LIMIT: Limit = limits::PLAIN_BRIEF;

/// The snapshot folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshots {
    dir: PathBuf,
}

/// What [`Snapshots::gc`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collected {
    /// Snapshots still referred to.
    pub kept: usize,
    /// Snapshots deleted.
    pub removed: usize,
    /// Bytes those took.
    pub freed: u64,
    /// Sidecars read to decide.
    pub sidecars: usize,
}

/// Hex SHA-256 of `bytes` (lower case). The library hashes every brief's text when it scans
/// and when it collects the notes: two hex digits a byte from a table, not a `format!` each.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

fn is_hash(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

impl Snapshots {
    /// Snapshots in `dir`.
    pub fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// Snapshots in the data folder's `snapshots/`.
    pub fn in_data_dir() -> Option<Self> {
        super::data_dir().map(|d| Self::at(d.join("snapshots")))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the text hashed `sha256`, if that is a hash.
    pub fn path(&self, sha256: &str) -> Option<PathBuf> {
        is_hash(sha256).then(|| self.dir.join(format!("{sha256}.zst")))
    }

    /// The text hashed `sha256`; `None` when there is no snapshot, it cannot be read or it is
    /// not that text.
    pub fn load(&self, sha256: &str) -> Option<String> {
        self.read(sha256).ok().flatten()
    }

    /// The packs of short texts.
    pub fn packs(&self) -> Packs {
        Packs::in_folder(&self.dir)
    }

    /// The hash of every text kept (in a file of its own or in a pack), sorted.
    pub fn hashes(&self) -> Vec<String> {
        let mut all: Vec<String> = fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".zst")
                    .filter(|h| is_hash(h))
                    .map(str::to_string)
            })
            .filter(|h| self.load(h).is_some())
            .chain(self.packs().hashes())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// The text hashed `sha256`: `None` when there is no snapshot or it is not that text
    /// (cut short, altered); an error when it cannot be read, and one of kind
    /// [`io::ErrorKind::FileTooLarge`] naming the limit when the file is past
    /// [`limits::SNAPSHOT`] or its text past [`LIMIT`] (neither is read further).
    pub fn read(&self, sha256: &str) -> io::Result<Option<String>> {
        let Some(path) = self.path(sha256) else {
            return Ok(None);
        };
        let bytes = match read_capped(&path, limits::SNAPSHOT) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(self.packs().find(sha256));
            }
            Err(e) => return Err(e),
        };
        let mut text = Vec::new();
        let Ok(decoder) = zstd::stream::read::Decoder::new(bytes.as_slice()) else {
            return Ok(None);
        };
        if decoder
            .take(LIMIT.bytes + 1)
            .read_to_end(&mut text)
            .is_err()
        {
            return Ok(None);
        }
        if text.len() as u64 > LIMIT.bytes {
            return Err(limits::too_large(LIMIT.bytes, LIMIT, true));
        }
        let own = (sha256_hex(&text) == sha256)
            .then(|| String::from_utf8(text).ok())
            .flatten();
        // A short text's damaged file of its own: its next save went into a pack.
        Ok(own.or_else(|| self.packs().find(sha256)))
    }

    /// Keeps `text` under its hash `sha256` unless a sound snapshot of it is there already.
    /// True when it wrote one.
    pub fn save(&self, sha256: &str, text: &str) -> io::Result<bool> {
        let Some(path) = self.path(sha256) else {
            return Err(io::Error::other(format!("not a text hash: {sha256:?}")));
        };
        if sha256_hex(text.as_bytes()) != sha256 {
            return Err(io::Error::other("the text does not have that hash"));
        }
        if self.load(sha256).is_some() {
            return Ok(false);
        }
        fs::create_dir_all(&self.dir)?;
        if text.len() <= pack::SMALL {
            let added = self.packs().add(sha256, text)?;
            // A damaged file of its own (an older gloss wrote short texts so) is replaced.
            let _ = fs::remove_file(&path);
            return Ok(added);
        }
        let level = if text.len() > BIG { BIG_LEVEL } else { LEVEL };
        let packed = zstd::bulk::compress(text.as_bytes(), level)?;
        write_atomic(&path, &packed)?;
        Ok(true)
    }

    /// Remembers `sidecar` as one whose snapshots [`Self::gc`] must keep.
    pub fn remember(&self, sidecar: &Path) -> io::Result<()> {
        let absolute = fs::canonicalize(sidecar).unwrap_or_else(|_| sidecar.to_path_buf());
        let shown = absolute.to_string_lossy();
        let key = sha256_hex(shown.as_bytes());
        let known = self.dir.join("known");
        let file = known.join(key.get(..32).unwrap_or(&key));
        if read_capped_text(&file, limits::KNOWN_ENTRY).is_ok_and(|s| s == shown) {
            return Ok(());
        }
        fs::create_dir_all(&known)?;
        write_atomic(&file, shown.as_bytes())
    }

    /// Deletes every snapshot no sidecar refers to. The sidecars asked are those gloss has
    /// saved (remembered under `known/`) and every `*.gloss.toml` under `dirs` (which are
    /// remembered from now on); a sidecar refers to a snapshot when its text, or that of its
    /// `.bak`, holds the snapshot's hash (its `[document] sha256`). A remembered sidecar that no
    /// longer exists is forgotten. A sidecar, `.bak` or entry of `known/` past its limit
    /// stops it before anything is deleted, with an error naming the file (it cannot be read
    /// to know what it refers to).
    pub fn gc(&self, dirs: &[PathBuf]) -> io::Result<Collected> {
        let mut found = Vec::new();
        for dir in dirs {
            sidecars_under(dir, &mut found, 0)?;
        }
        for sidecar in &found {
            self.remember(sidecar)?;
        }
        let mut referred = HashSet::new();
        let mut done = Collected::default();
        let known = self.dir.join("known");
        for entry in fs::read_dir(&known).into_iter().flatten().flatten() {
            let path = match read_capped_text(&entry.path(), limits::KNOWN_ENTRY) {
                Ok(path) => path,
                Err(e) if e.kind() == io::ErrorKind::FileTooLarge => {
                    return Err(named(&entry.path(), e));
                }
                Err(_) => continue,
            };
            let sidecar = PathBuf::from(path);
            if !sidecar.exists() {
                fs::remove_file(entry.path())?;
                continue;
            }
            done.sidecars += 1;
            let mut backup = sidecar.clone().into_os_string();
            backup.push(".bak");
            for file in [sidecar, PathBuf::from(backup)] {
                match read_capped(&file, limits::SIDECAR) {
                    Ok(bytes) => hashes_in(&bytes, &mut referred),
                    Err(e) if e.kind() == io::ErrorKind::FileTooLarge => {
                        return Err(named(&file, e));
                    }
                    Err(_) => {}
                }
            }
        }
        for entry in fs::read_dir(&self.dir)?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(hash) = name.strip_suffix(".zst").filter(|h| is_hash(h)) else {
                continue;
            };
            if referred.contains(hash) {
                done.kept += 1;
            } else {
                done.freed += entry.metadata().map_or(0, |m| m.len());
                fs::remove_file(entry.path())?;
                done.removed += 1;
            }
        }
        let (kept, removed, freed) = self.packs().prune(&referred)?;
        done.kept += kept;
        done.removed += removed;
        done.freed += freed;
        Ok(done)
    }
}

/// `e` with the file it is about, for a message.
fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", crate::error::show_path(path)))
}

/// Every run of 64 lowercase hex digits in `bytes`.
fn hashes_in(bytes: &[u8], out: &mut HashSet<String>) {
    let text = String::from_utf8_lossy(bytes);
    for word in text.split(|c: char| !c.is_ascii_hexdigit()) {
        if is_hash(word) {
            out.insert(word.to_string());
        }
    }
}

/// Sidecars (`*.gloss.toml`) under `dir`, not following links to folders, skipping hidden
/// folders.
fn sidecars_under(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> io::Result<()> {
    if depth > 64 {
        return Ok(());
    }
    for entry in fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && !name.starts_with('.') {
            sidecars_under(&path, out, depth + 1)?;
        } else if kind.is_file() && name.ends_with(".gloss.toml") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pack;
