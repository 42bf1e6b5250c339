//! A lock file taken with a bounded wait: the sidecar's, the codebook's, the snapshot packs'
//! and the read texts' writers all wait the same way for another gloss to finish.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// Opens (creating it if need be) the lock file at `path` and takes its exclusive lock,
/// waiting up to `wait` while another process holds it. `Ok(None)` when it is still held after
/// that; the lock is released when the file is dropped.
pub fn lock_within(path: &Path, wait: Duration) -> io::Result<Option<File>> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(fs::TryLockError::WouldBlock) => return Ok(None),
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_held_elsewhere_is_waited_for_then_given_up_and_free_again_once_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let held = lock_within(&path, Duration::ZERO).unwrap().expect("free");
        let start = Instant::now();
        assert!(
            lock_within(&path, Duration::from_millis(50))
                .unwrap()
                .is_none()
        );
        assert!(start.elapsed() >= Duration::from_millis(50), "it waited");
        drop(held);
        assert!(lock_within(&path, Duration::ZERO).unwrap().is_some());
    }
}
