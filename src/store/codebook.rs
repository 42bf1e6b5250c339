//! `codebook.toml` at a library's root: reading it, and changing it under its lock with an
//! atomic save. A codebook that does not parse is never written over: every change is refused
//! with the file, line and key.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::write_atomic;
use crate::codebook::Codebook;
use crate::codebook::format::{parse, write};
use crate::error::show_path;

/// The codebook's file name, at the library's root.
pub const FILE: &str = "codebook.toml";

/// How long a change waits for another process's lock on the codebook.
const LOCK_WAIT: Duration = Duration::from_secs(5);

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
    let bytes = match fs::read(file) {
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
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| problem(&e))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(problem(
                    &"another gloss is changing the codebook; try again",
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(problem(&e)),
        }
    }
}
