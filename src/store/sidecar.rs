//! The annotation sidecar on disk: where it lives, reading it, and saving it without ever
//! losing a note.
//!
//! A save takes an exclusive lock on a separate `.lock` file (the data file's inode is replaced
//! by every save, so a lock on it would protect nothing), re-reads the sidecar, merges by
//! annotation id if another process changed it, keeps the previous version as `.bak`, and
//! replaces the file atomically and durably (temp file, fsync, rename, fsync of the directory).
//! A sidecar that does not parse is never written over.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::format::{self, FormatError, SidecarFile};
use super::limits;
use super::merge::merge;
use super::write_atomic;
use crate::error::show_path;

/// How long a save waits for another process's lock.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// Where a brief's annotations live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarPaths {
    /// The sidecar itself: `name.ext.gloss.toml`.
    pub data: PathBuf,
    /// Locked while saving: `name.ext.gloss.toml.lock`.
    pub lock: PathBuf,
    /// The previous version: `name.ext.gloss.toml.bak`.
    pub backup: PathBuf,
    /// True when the brief's own directory was not writable and the user's data directory
    /// is used instead.
    pub fallback: bool,
}

impl SidecarPaths {
    /// The sidecar at an explicit path.
    pub fn at(data: PathBuf) -> Self {
        let with = |ext: &str| {
            let mut s = data.clone().into_os_string();
            s.push(ext);
            PathBuf::from(s)
        };
        Self {
            lock: with(".lock"),
            backup: with(".bak"),
            data,
            fallback: false,
        }
    }

    /// The sidecar of `brief`: beside it, or in the user's data directory when its directory
    /// cannot be written (and no sidecar is there yet).
    pub fn for_brief(brief: &Path) -> Self {
        let name = brief
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "brief".into());
        let beside = brief.with_file_name(format!("{name}.gloss.toml"));
        let dir = brief
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if beside.exists() || writable(dir) {
            return Self::at(beside);
        }
        match data_dir() {
            Some(base) => {
                let absolute = fs::canonicalize(brief).unwrap_or_else(|_| brief.to_path_buf());
                let digest = Sha256::digest(absolute.to_string_lossy().as_bytes());
                let key: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                let mut paths = Self::at(base.join(format!("{key}-{name}.gloss.toml")));
                paths.fallback = true;
                paths
            }
            None => Self::at(beside),
        }
    }
}

impl SidecarPaths {
    /// The sidecar of a brief read from standard input, whose text hashes to `hash`: in the
    /// user's data directory, so the same text piped again finds its annotations. `None` when
    /// the system names no data directory.
    pub fn for_stdin(hash: &str) -> Option<Self> {
        let key: String = hash.chars().take(16).collect();
        data_dir().map(|base| Self::at(base.join(format!("stdin-{key}.gloss.toml"))))
    }
}

fn data_dir() -> Option<PathBuf> {
    super::data_dir().map(|d| d.join("sidecars"))
}

/// True when a file can be created in `dir`, as the kernel answers for this process's
/// effective user: write and search permission on a file system mounted writable, the
/// directory not immutable. Asked with access(2), a path look-up: creating and removing a
/// probe file, two journalled changes to the folder, took about 0.15 ms of the start-up
/// before the first screen. Should the kernel's answer prove wrong, the save beside the brief
/// fails as any failed save does: the notes stay in memory, the status bar says so, and the
/// save is tried again.
fn writable(dir: &Path) -> bool {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    accessat(
        CWD,
        dir,
        Access::WRITE_OK | Access::EXEC_OK,
        AtFlags::EACCESS,
    )
    .is_ok()
}

/// Why a sidecar could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file system said no.
    #[error("{path}: {source}")]
    Io {
        /// The file, for printing.
        path: String,
        /// The reason.
        source: io::Error,
    },
    /// The sidecar is not a valid sidecar; it is left as it is.
    #[error("{path}: {source}")]
    Format {
        /// The file, for printing.
        path: String,
        /// Line, column and reason.
        source: FormatError,
    },
    /// Another process held the lock too long.
    #[error("{path}: another gloss is saving; gave up waiting after {secs} s")]
    Locked {
        /// The lock file, for printing.
        path: String,
        /// Seconds waited.
        secs: f64,
    },
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The content now on disk (the merge of ours and theirs when another process wrote).
    pub file: SidecarFile,
    /// True when another process's changes were merged in.
    pub merged: bool,
}

/// The sidecar of one brief and what this process last saw of it.
#[derive(Debug, Clone)]
pub struct Sidecar {
    paths: SidecarPaths,
    /// What was last read or written: the base of a three-way merge.
    base: Option<SidecarFile>,
    /// Hash of the bytes last read or written, to notice other writers.
    seen: Option<[u8; 32]>,
    /// The base of the last merge: when the reader could not take that merge in (it changed
    /// meanwhile), the next save or merge starts again from here.
    before_merge: Option<SidecarFile>,
    /// How long a save waits for another process's lock.
    lock_wait: Duration,
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl Sidecar {
    /// A sidecar at `paths`, not read yet.
    pub fn new(paths: SidecarPaths) -> Self {
        Self {
            paths,
            base: None,
            seen: None,
            before_merge: None,
            lock_wait: LOCK_WAIT,
        }
    }

    /// Saves wait up to `wait` for another process's lock (5 s unless set).
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    /// Its paths.
    pub fn paths(&self) -> &SidecarPaths {
        &self.paths
    }

    fn io(&self, path: &Path) -> impl Fn(io::Error) -> SidecarError + '_ {
        let path = show_path(path);
        move |source| SidecarError::Io {
            path: path.clone(),
            source,
        }
    }

    fn read_bytes(&self) -> Result<Option<Vec<u8>>, SidecarError> {
        match limits::read_capped(&self.paths.data, limits::SIDECAR) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.io(&self.paths.data)(e)),
        }
    }

    fn parse(&self, bytes: &[u8]) -> Result<SidecarFile, SidecarError> {
        format::parse_bytes(bytes).map_err(|source| SidecarError::Format {
            path: show_path(&self.paths.data),
            source,
        })
    }

    /// Reads the sidecar; `None` when there is none yet.
    pub fn load(&mut self) -> Result<Option<SidecarFile>, SidecarError> {
        let Some(bytes) = self.read_bytes()? else {
            self.base = None;
            self.seen = None;
            return Ok(None);
        };
        let file = self.parse(&bytes)?;
        self.base = Some(file.clone());
        self.seen = Some(hash(&bytes));
        Ok(Some(file))
    }

    /// The sidecar as another process left it, if it changed since this one last read or
    /// wrote it.
    pub fn changed_on_disk(&self) -> Result<Option<SidecarFile>, SidecarError> {
        let Some(bytes) = self.read_bytes()? else {
            return Ok(None);
        };
        if Some(hash(&bytes)) == self.seen {
            return Ok(None);
        }
        self.parse(&bytes).map(Some)
    }

    /// Takes in a version read from disk (after merging it into the reader): it becomes the
    /// base for the next merge.
    pub fn accept(&mut self, theirs: SidecarFile) -> Result<(), SidecarError> {
        let bytes = self.read_bytes()?;
        self.seen = bytes.as_deref().map(hash);
        self.base = Some(theirs);
        Ok(())
    }

    /// True when the file on disk is not what this process last read or wrote (another
    /// process wrote it). Reads and hashes it; parses nothing.
    pub fn changed_by_others(&self) -> Result<bool, SidecarError> {
        Ok(self.read_bytes()?.map(|b| hash(&b)) != self.seen)
    }

    /// When another process changed the sidecar: `ours` merged with its version, which
    /// becomes the new base. `None` when nothing changed. With `rebase` (the reader could not
    /// take in the last merge), the version on disk is merged again from before that merge.
    pub fn absorb(
        &mut self,
        ours: &SidecarFile,
        rebase: bool,
    ) -> Result<Option<SidecarFile>, SidecarError> {
        let theirs = if rebase {
            match self.read_bytes()? {
                Some(bytes) => self.parse(&bytes)?,
                None => return Ok(None),
            }
        } else {
            match self.changed_on_disk()? {
                Some(theirs) => theirs,
                None => return Ok(None),
            }
        };
        let base = self.base_for(&theirs, rebase);
        let merged = merge(&base, ours, &theirs);
        self.before_merge = Some(base);
        self.accept(theirs)?;
        Ok(Some(merged))
    }

    /// The base of a merge with `theirs`: on a rebase, the base of the last merge.
    fn base_for(&self, theirs: &SidecarFile, rebase: bool) -> SidecarFile {
        match (&self.before_merge, rebase) {
            (Some(before), true) => before.clone(),
            _ => self.merge_base(theirs),
        }
    }

    /// The base of a merge with `theirs`: what this process last read or wrote, or, when it
    /// read nothing (the sidecar appeared meanwhile), `theirs` without annotations, so that
    /// every annotation on both sides counts as an addition.
    fn merge_base(&self, theirs: &SidecarFile) -> SidecarFile {
        self.base.clone().unwrap_or_else(|| SidecarFile {
            annotations: Vec::new(),
            ..theirs.clone()
        })
    }

    /// Saves `ours`, merging with whatever another process wrote since the last read.
    pub fn save(&mut self, ours: SidecarFile) -> Result<Saved, SidecarError> {
        self.save_rebased(ours, false)
    }

    /// [`Sidecar::save`]; with `rebase` (the reader could not take in the last merge, having
    /// changed meanwhile), the file is merged again from before that merge, even if nobody
    /// wrote it since, so that neither side's changes are lost.
    pub fn save_rebased(&mut self, ours: SidecarFile, rebase: bool) -> Result<Saved, SidecarError> {
        if let Some(dir) = self
            .paths
            .data
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            fs::create_dir_all(dir).map_err(self.io(dir))?;
        }
        let _lock = self.lock()?;
        let current = self.read_bytes()?;
        let (file, merged) = match &current {
            Some(bytes) if rebase || Some(hash(bytes)) != self.seen => {
                let theirs = self.parse(bytes)?;
                let base = self.base_for(&theirs, rebase);
                let merged = merge(&base, &ours, &theirs);
                self.before_merge = Some(base);
                (merged, true)
            }
            _ => {
                self.before_merge = Some(ours.clone());
                (ours, false)
            }
        };
        self.write_over(current.as_deref(), &file)?;
        Ok(Saved { file, merged })
    }

    /// Writes `file` over what was on disk (`current`, kept as `.bak`) unless it is the same
    /// bytes; `file` becomes the base of the next merge. The lock must be held.
    fn write_over(
        &mut self,
        current: Option<&[u8]>,
        file: &SidecarFile,
    ) -> Result<(), SidecarError> {
        let text =
            format::write(file).map_err(|e| self.io(&self.paths.data)(io::Error::other(e)))?;
        // A sidecar past the limit could not be read back: refuse to write it (the reader
        // keeps the annotations in memory and says why).
        if text.len() as u64 > limits::SIDECAR.bytes {
            let size = text.len() as u64;
            return Err(self.io(&self.paths.data)(limits::too_large(
                size,
                limits::SIDECAR,
                false,
            )));
        }
        if current != Some(text.as_bytes()) {
            if let Some(previous) = current {
                self.keep_backup(previous)?;
            }
            write_atomic(&self.paths.data, text.as_bytes()).map_err(self.io(&self.paths.data))?;
        }
        self.seen = Some(hash(text.as_bytes()));
        self.base = Some(file.clone());
        Ok(())
    }

    /// Keeps the sidecar as it is on disk (`previous`, its bytes) as `.bak`: a second name for
    /// the same file, which the save about to replace it leaves alone (the data is on disk
    /// already, so nothing needs syncing but the folder, which the save syncs); where the file
    /// system has no hard links, a durable copy.
    fn keep_backup(&self, previous: &[u8]) -> Result<(), SidecarError> {
        let mut link = self.paths.backup.clone().into_os_string();
        link.push(".new");
        let link = PathBuf::from(link);
        let _ = fs::remove_file(&link);
        let linked = fs::hard_link(&self.paths.data, &link)
            .and_then(|()| fs::rename(&link, &self.paths.backup));
        if linked.is_err() {
            let _ = fs::remove_file(&link);
            write_atomic(&self.paths.backup, previous).map_err(self.io(&self.paths.backup))?;
        }
        Ok(())
    }

    /// Changes the sidecar where it lies, for a change made across a library (a tag renamed
    /// everywhere): under its lock, reads it as it is now, lets `change` edit it and, when
    /// `change` says it did, saves it the way [`Sidecar::save`] does (`.bak`, atomic, durable).
    /// Reading under the lock leaves nothing to merge here; a reader holding this sidecar
    /// merges the change in as it does any other process's. Waits at most `wait` for another
    /// process's lock ([`SidecarError::Locked`]); a sidecar that does not parse is an error and
    /// is left as it is; none at all is `Ok(false)`.
    pub fn rewrite(
        &mut self,
        wait: Duration,
        change: impl FnOnce(&mut SidecarFile) -> bool,
    ) -> Result<bool, SidecarError> {
        let _lock = self.lock_within(wait)?;
        let Some(current) = self.read_bytes()? else {
            return Ok(false);
        };
        let mut file = self.parse(&current)?;
        if !change(&mut file) {
            return Ok(false);
        }
        self.write_over(Some(&current), &file)?;
        Ok(true)
    }

    fn lock(&self) -> Result<File, SidecarError> {
        self.lock_within(self.lock_wait)
    }

    fn lock_within(&self, wait: Duration) -> Result<File, SidecarError> {
        super::lock_file::lock_within(&self.paths.lock, wait)
            .map_err(self.io(&self.paths.lock))?
            .ok_or_else(|| SidecarError::Locked {
                path: show_path(&self.paths.lock),
                secs: wait.as_secs_f64(),
            })
    }
}

#[cfg(test)]
mod tests;
