//! The other process: another program that rewrites the sidecar every so often, as a second
//! gloss (or a script) would, under the sidecar's lock.

use std::fs::{self, OpenOptions};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use gloss::runtime::persist::Job;
use gloss::store::SidecarPaths;

/// Every `every` until `stop`, changes one note of the sidecar at `paths`; `check`, when given,
/// is told of each rewrite (where no file watcher runs). Ends with the number of rewrites.
pub fn spawn(
    paths: SidecarPaths,
    every: Duration,
    stop: Arc<AtomicBool>,
    check: Option<Sender<Job>>,
) -> JoinHandle<usize> {
    let spawned = thread::Builder::new()
        .name("other-process".into())
        .spawn(move || {
            let mut done = 0;
            let mut next = Instant::now() + every;
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(next.saturating_duration_since(Instant::now()));
                next += every;
                match rewrite(&paths, done) {
                    Ok(()) => done += 1,
                    Err(e) => eprintln!("the other process could not rewrite the sidecar: {e}"),
                }
                if let Some(check) = &check {
                    let _ = check.send(Job::Check);
                }
            }
            done
        });
    spawned.expect("the other process starts")
}

/// One rewrite: lock, read, change one of the one-line notes (a different one each time `n`
/// changes), write a temporary file and rename it over the sidecar.
fn rewrite(paths: &SidecarPaths, n: usize) -> io::Result<()> {
    const NOTE: &str = "\nnote = \"";
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&paths.lock)?;
    lock.lock()?;
    let text = fs::read_to_string(&paths.data)?;
    let notes: Vec<usize> = text
        .match_indices(NOTE)
        .map(|(i, _)| i + NOTE.len())
        // Not an empty note, nor a `"""` block.
        .filter(|&i| !text[i..].starts_with('"'))
        .collect();
    let Some(&at) = notes.get(n.wrapping_mul(7919) % notes.len().max(1)) else {
        return Err(io::Error::other("no one-line note to change"));
    };
    let edited = format!("{}(other process, edit {n}) {}", &text[..at], &text[at..]);
    let temp = paths.data.with_extension("toml.other");
    fs::write(&temp, edited)?;
    fs::rename(&temp, &paths.data)
}
