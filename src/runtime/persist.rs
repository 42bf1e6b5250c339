//! Keeping the sidecar in step with the reader: a debounced save after every change, retries
//! after a failure, a last save on quit and on termination signals, and other processes'
//! changes merged in as they happen.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::app::{Env, Event, State, update};
use crate::store::Sidecar;
use crate::store::convert::{Extras, annotations_of, text_hash, to_file_hashed};
use crate::store::format::SidecarFile;

/// Quiet time after a change before saving, so a burst of edits is one write.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// Wait before trying again after a failed save.
const RETRY: Duration = Duration::from_secs(2);

/// The sidecar of the open brief and what has been saved to it.
pub struct Persist {
    sidecar: Sidecar,
    file_name: String,
    extras: Extras,
    saved_revision: u64,
    saved_position: usize,
    /// When the next save is due.
    due: Option<Instant>,
    /// True when the content differs from the file for reasons other than an edit here (a
    /// merge with another process's changes).
    stale: bool,
    /// Whether a sidecar exists (a reading position alone does not create one).
    exists: bool,
    _watcher: Option<notify::RecommendedWatcher>,
    changes: Receiver<()>,
    /// Handed to the watcher when it starts.
    notify: Option<Sender<()>>,
    /// The text's hash and the text length it was taken at.
    hash: Option<(usize, String)>,
}

impl Persist {
    /// Starts keeping `sidecar` in step with `state`; `exists` says whether the file was there.
    pub fn new(
        sidecar: Sidecar,
        file_name: String,
        extras: Extras,
        state: &State,
        exists: bool,
    ) -> Self {
        let (tx, changes) = channel();
        Self {
            sidecar,
            file_name,
            extras,
            saved_revision: state.history.revision(),
            saved_position: state.position(),
            due: None,
            stale: false,
            exists,
            _watcher: None,
            changes,
            notify: Some(tx),
            hash: None,
        }
    }

    /// Starts watching the sidecar for other processes' changes (after the first frame: it
    /// starts a thread, which the first screen need not wait for).
    pub fn watch(&mut self) {
        if let Some(tx) = self.notify.take() {
            let data = self.sidecar.paths().data.clone();
            self._watcher = watch(data, move || {
                let _ = tx.send(());
            });
        }
    }

    fn dirty(&self, state: &State) -> bool {
        state.locked().is_none() && (self.stale || state.history.revision() != self.saved_revision)
    }

    fn ours(&mut self, state: &State) -> SidecarFile {
        let len = state.doc.text().len();
        let hash = match &self.hash {
            // The text only ever grows, so its length tells whether it changed.
            Some((at, hash)) if *at == len => hash.clone(),
            _ => {
                let hash = text_hash(&state.doc);
                self.hash = Some((len, hash.clone()));
                hash
            }
        };
        to_file_hashed(
            &state.doc,
            hash,
            &self.file_name,
            &state.annotations,
            state.position(),
            &self.extras,
        )
    }

    /// After an update: schedules a save if the annotations changed.
    pub fn after_update(&mut self, state: &State) {
        if self.dirty(state) && self.due.is_none() {
            self.due = Some(Instant::now() + DEBOUNCE);
        }
    }

    /// How long the event loop may sleep before this needs attention.
    /// A save due while the brief is still being read waits for it (see [`Persist::tick`]).
    pub fn timeout(&self, state: &State, tick: Duration) -> Duration {
        match self.due {
            Some(due) if !state.is_loading() => {
                due.saturating_duration_since(Instant::now()).min(tick)
            }
            _ => tick,
        }
    }

    /// Saves when due and merges in changes from other processes. True when the state changed.
    pub fn tick(&mut self, state: &mut State) -> bool {
        let mut changed = false;
        // While annotations are locked, other processes' changes wait in the channel.
        if state.locked().is_none() && self.changes.try_iter().count() > 0 {
            changed |= self.absorb(state);
        }
        // While a huge brief is still being read, a due save waits for the whole text (its hash
        // goes in the file); quitting saves at once all the same.
        if self.due.is_some_and(|due| Instant::now() >= due) && !state.is_loading() {
            self.save(state);
            changed = true;
        }
        changed
    }

    fn absorb(&mut self, state: &mut State) -> bool {
        let ours = self.ours(state);
        match self.sidecar.absorb(&ours) {
            Ok(Some(merged)) => {
                self.extras = Extras::of(&merged);
                update(state, Event::External(annotations_of(&merged)), &env());
                self.stale = true;
                self.exists = true;
                self.after_update(state);
                true
            }
            Ok(None) => false,
            Err(e) => {
                update(state, Event::Saved(Err(e.to_string())), &env());
                true
            }
        }
    }

    /// Saves now if anything needs saving; false when a needed save failed.
    pub fn save(&mut self, state: &mut State) -> bool {
        self.due = None;
        let position_moved = self.exists && state.position() != self.saved_position;
        if state.locked().is_some() || !(self.dirty(state) || position_moved) {
            return true;
        }
        let revision = state.history.revision();
        let ours = self.ours(state);
        match self.sidecar.save(ours) {
            Ok(saved) => {
                self.extras = Extras::of(&saved.file);
                self.saved_revision = revision;
                self.saved_position = state.position();
                self.stale = false;
                self.exists = true;
                let merged = saved.merged.then(|| annotations_of(&saved.file));
                update(state, Event::Saved(Ok(merged)), &env());
                true
            }
            Err(e) => {
                self.due = Some(Instant::now() + RETRY);
                update(state, Event::Saved(Err(e.to_string())), &env());
                false
            }
        }
    }
}

/// Watches the sidecar's directory (a save replaces the file, so watching the file itself
/// would lose track of it) and calls `changed` for events on the sidecar.
fn watch(data: PathBuf, changed: impl Fn() + Send + 'static) -> Option<notify::RecommendedWatcher> {
    let dir = data
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let name = data.file_name().map(ToOwned::to_owned);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && event.paths.iter().any(|p| p.file_name() == name.as_deref())
        {
            changed();
        }
    })
    .ok()?;
    watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

/// The time and a fresh id for one update.
pub fn env() -> Env {
    Env {
        now: jiff::Timestamp::now(),
        id: uuid::Uuid::now_v7(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::{press, reader};
    use crate::app::{Loading, tests_loading::brief};
    use crate::store::SidecarPaths;

    #[test]
    fn a_due_save_waits_while_the_brief_is_read_and_quitting_saves_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("big.txt.gloss.toml");
        let mut state = reader(brief(20).as_bytes(), 80, 24);
        state.loading = Some(Loading::new(100, 1 << 30));
        let sidecar = Sidecar::new(SidecarPaths::at(data.clone()));
        let mut persist = Persist::new(sidecar, "big.txt".into(), Extras::default(), &state, false);
        press(&mut state, "j j V 2");
        assert_eq!(state.annotations.len(), 1, "annotating works while reading");
        persist.after_update(&state);
        assert_eq!(
            persist.timeout(&state, DEBOUNCE * 10),
            DEBOUNCE * 10,
            "no spinning"
        );
        std::thread::sleep(DEBOUNCE + Duration::from_millis(50));
        persist.tick(&mut state);
        assert!(
            !data.exists(),
            "the hash of half a brief is not worth a write"
        );
        state.loading = None;
        assert_eq!(persist.timeout(&state, DEBOUNCE * 10), Duration::ZERO);
        persist.tick(&mut state);
        assert!(data.exists(), "saved once the whole brief is in");
        // Quitting while reading saves at once.
        state.loading = Some(Loading::new(100, 1 << 30));
        press(&mut state, "c");
        persist.after_update(&state);
        assert!(persist.save(&mut state));
        let saved = std::fs::read_to_string(&data).unwrap();
        assert!(saved.contains("color = \"blue\""), "{saved}");
    }
}
