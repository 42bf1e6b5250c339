//! Looking at threads from inside: how long one waited for a core or ran on one (Linux's
//! `/proc/.../schedstat`; zeros elsewhere), and counting the watcher's checks.

use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use gloss::runtime::persist::{self, Job};

/// The schedstat of the calling thread.
pub const THIS: &str = "/proc/thread-self/schedstat";

/// A thread's time on a core and time ready to run but waiting for one, so far.
pub fn schedstat(path: &str) -> (Duration, Duration) {
    let text = fs::read_to_string(path).unwrap_or_default();
    let mut ns = text
        .split_whitespace()
        .map(|n| Duration::from_nanos(n.parse().unwrap_or(0)));
    (ns.next().unwrap_or_default(), ns.next().unwrap_or_default())
}

/// The ids of this process's threads named `name`.
pub fn named(name: &str) -> Vec<u64> {
    let Ok(tasks) = fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .filter_map(Result::ok)
        .filter(|t| fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == name))
        .filter_map(|t| t.file_name().to_str()?.parse::<u64>().ok())
        .collect()
}

/// The schedstat file of a thread named `name` that is not among `old`, once it has taken its
/// name (a thread names itself as it starts); `None` after a second without one.
pub fn new_named(name: &str, old: &[u64]) -> Option<String> {
    let until = Instant::now() + Duration::from_secs(1);
    loop {
        if let Some(tid) = named(name).into_iter().find(|t| !old.contains(t)) {
            return Some(format!("/proc/self/task/{tid}/schedstat"));
        }
        if Instant::now() > until {
            return None;
        }
        thread::sleep(Duration::from_millis(1));
    }
}

/// A channel whose jobs are counted and passed on to `jobs`, for the watcher: its sender, the
/// count, and the thread, which ends when every sender is gone.
pub fn counted(jobs: Sender<Job>) -> (Sender<Job>, Arc<AtomicUsize>, JoinHandle<()>) {
    let (tx, rx) = persist::jobs();
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let relay = thread::Builder::new()
        .name("check-relay".into())
        .spawn(move || {
            for job in rx {
                counter.fetch_add(1, Ordering::Relaxed);
                if jobs.send(job).is_err() {
                    break;
                }
            }
        })
        .expect("the relay starts");
    (tx, count, relay)
}
