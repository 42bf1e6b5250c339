//! The sidecar's worker: saves (lock, re-read, merge, `.bak`, atomic write) and merges of other
//! processes' changes run here, one at a time, off the loop's thread, so no key ever waits for
//! the disk. The watcher asks here whether a change on disk is news: gloss's own writes are
//! recognised by the hash of their bytes, without parsing or building anything.

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use notify::{RecursiveMode, Watcher};

use super::worker;
use crate::app::{Event, Level, MergeResult, SaveResult, Snapshot, Work};
use crate::store::conflicts::fold_copies;
use crate::store::convert::{Extras, annotations_of, text_hash, to_file_hashed};
use crate::store::format::SidecarFile;
use crate::store::snapshot::Snapshots;
use crate::store::{Sidecar, SidecarPaths};

/// A request to the sidecar's worker.
#[derive(Debug)]
pub enum Job {
    /// Save these annotations.
    Save(Box<Snapshot>),
    /// Merge another process's version with these annotations.
    Absorb(Box<Snapshot>),
    /// The watcher saw the file change: tell the loop if it was not this gloss.
    Check,
    /// Fold the sync tool's conflict copies into the sidecar (see `store::conflicts`).
    MergeCopies,
}

/// The sidecar of the open brief, owned by its worker.
pub struct Persist {
    sidecar: Sidecar,
    file_name: String,
    extras: Extras,
    /// The text's hash and the text length it was taken at.
    hash: Option<(usize, String)>,
    /// Where the text annotations are placed on is kept, and the hash last kept there.
    snapshots: Option<Snapshots>,
    kept: Option<String>,
}

impl Persist {
    /// The worker's state for `sidecar`, as loaded (`extras` are the keys gloss does not know,
    /// kept through every save).
    pub fn new(sidecar: Sidecar, file_name: String, extras: Extras) -> Self {
        Self {
            sidecar,
            file_name,
            extras,
            hash: None,
            snapshots: Snapshots::in_data_dir(),
            kept: None,
        }
    }

    /// Keeps snapshots in `snapshots` (none: keeps none).
    pub fn with_snapshots(mut self, snapshots: Option<Snapshots>) -> Self {
        self.snapshots = snapshots;
        self
    }

    /// Where the sidecar lives.
    pub fn paths(&self) -> &SidecarPaths {
        self.sidecar.paths()
    }

    /// Runs the worker on a thread of its own until `jobs` closes; answers go to `tx`. A panic
    /// while doing one job is that job's failure; the worker goes on with the next.
    pub fn spawn<W: Send + 'static>(
        mut self,
        jobs: Receiver<Job>,
        tx: Sender<W>,
        wrap: impl Fn(Event) -> W + Clone + Send + 'static,
    ) -> std::io::Result<()> {
        let answer = wrap.clone();
        worker::spawn("gloss-sidecar", Work::Saving, tx, wrap, move |tx| {
            let copies = crate::store::conflicts::copies(&self.sidecar.paths().data).len();
            if copies > 0 && tx.send(answer(Event::CopiesFound(copies))).is_err() {
                return;
            }
            for job in jobs {
                let event =
                    panic::catch_unwind(AssertUnwindSafe(|| self.run(job))).unwrap_or_else(|p| {
                        Some(Event::Failed(Work::Saving, worker::said(p.as_ref())))
                    });
                if let Some(event) = event
                    && tx.send(answer(event)).is_err()
                {
                    break;
                }
            }
        })
    }

    /// Does one job; the event to send back, if any.
    pub fn run(&mut self, job: Job) -> Option<Event> {
        match job {
            Job::Save(snapshot) => Some(self.save(&snapshot)),
            Job::Absorb(snapshot) => Some(self.absorb(&snapshot)),
            Job::Check => match self.sidecar.changed_by_others() {
                Ok(false) => None,
                // A file that cannot be read is for the merge to report.
                Ok(true) | Err(_) => Some(Event::SidecarChanged),
            },
            Job::MergeCopies => Some(match fold_copies(self.sidecar.paths()) {
                Ok(folded) => {
                    let level = if folded.clean() {
                        Level::Info
                    } else {
                        Level::Warning
                    };
                    Event::Notice(level, folded.message())
                }
                Err(e) => Event::Notice(Level::Error, format!("conflict copies not merged: {e}")),
            }),
        }
    }

    fn ours(&mut self, snapshot: &Snapshot) -> SidecarFile {
        let doc = &snapshot.doc;
        let len = doc.text().len();
        let hash = match &self.hash {
            // The text only ever grows, so its length tells whether it changed.
            Some((at, hash)) if *at == len => hash.clone(),
            _ => {
                let hash = text_hash(doc);
                self.hash = Some((len, hash.clone()));
                hash
            }
        };
        to_file_hashed(
            doc,
            hash,
            &self.file_name,
            &snapshot.annotations,
            snapshot.position,
            &self.extras,
        )
    }

    fn save(&mut self, snapshot: &Snapshot) -> Event {
        let ours = self.ours(snapshot);
        let outcome = match self.sidecar.save_rebased(ours, snapshot.rebase) {
            Ok(saved) => {
                self.keep_snapshot(snapshot, &saved.file.document.sha256);
                self.extras = Extras::of(&saved.file);
                Ok(saved.merged.then(|| annotations_of(&saved.file)))
            }
            Err(e) => Err(e.to_string()),
        };
        Event::Saved(Box::new(SaveResult {
            revision: snapshot.revision,
            position: snapshot.position,
            outcome,
        }))
    }

    /// Keeps the text just saved against, once per text: a snapshot that cannot be written
    /// only means no diff later, so a failure is not reported.
    fn keep_snapshot(&mut self, snapshot: &Snapshot, sha256: &str) {
        let Some(snaps) = &self.snapshots else {
            return;
        };
        if self.kept.as_deref() == Some(sha256) {
            return;
        }
        self.kept = Some(sha256.to_string());
        // Compressing a big brief takes a while: on a thread of its own, so the save's answer
        // (and quitting) does not wait. Cut off by the process ending, it leaves no snapshot,
        // never a broken one (the write is atomic), and the next session writes it.
        let (snaps, doc, sha, data) = (
            snaps.clone(),
            std::sync::Arc::clone(&snapshot.doc),
            sha256.to_string(),
            self.sidecar.paths().data.clone(),
        );
        let _ = std::thread::Builder::new()
            .name("gloss-snapshot".into())
            .spawn(move || {
                if snaps.save(&sha, doc.text()).is_ok() {
                    let _ = snaps.remember(&data);
                }
            });
    }

    fn absorb(&mut self, snapshot: &Snapshot) -> Event {
        let ours = self.ours(snapshot);
        let outcome = match self.sidecar.absorb(&ours, snapshot.rebase) {
            Ok(Some(merged)) => {
                self.extras = Extras::of(&merged);
                Ok(Some(annotations_of(&merged)))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(e.to_string()),
        };
        Event::Merged(Box::new(MergeResult {
            revision: snapshot.revision,
            outcome,
        }))
    }
}

/// The channel to the sidecar's worker, made before the worker starts (jobs wait in it).
pub fn jobs() -> (Sender<Job>, Receiver<Job>) {
    channel()
}

/// Watches the sidecar's directory (a save replaces the file, so watching the file itself
/// would lose track of it) and sends [`Job::Check`] for changes to the sidecar. Opening and
/// reading it are no change: a check reads the file, and must not set off another check.
pub fn watch(data: PathBuf, jobs: Sender<Job>) -> Option<notify::RecommendedWatcher> {
    let dir = data
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let name = data.file_name().map(ToOwned::to_owned);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
            && event.paths.iter().any(|p| p.file_name() == name.as_deref())
        {
            let _ = jobs.send(Job::Check);
        }
    })
    .ok()?;
    watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

#[cfg(test)]
mod tests;
