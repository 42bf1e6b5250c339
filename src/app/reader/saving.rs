//! Keeping the sidecar in step with the reader, decided here and carried out by the runtime:
//! a save 0.3 s after the last change (the clock comes in with each event), a retry 2 s after
//! a failure, a last save before quitting or on a signal, and other processes' changes merged
//! in. One save or merge is out at a time; its answer comes back as an event.

use jiff::{SignedDuration, Timestamp};

use super::Reader;
use super::layer::Layer;
use super::prompt::PromptKind;
use crate::annotation::Annotations;
use crate::app::Level;
use crate::app::effect::{Effect, Exit, Snapshot};
use crate::app::event::Env;
use crate::app::event::{MergeResult, SaveResult};
use crate::document::Chars;
use crate::input::Action;

/// Quiet time after a change before saving, so a burst of edits is one write.
pub const DEBOUNCE: SignedDuration = SignedDuration::from_millis(300);
/// Wait before trying again after a failed save.
pub const RETRY: SignedDuration = SignedDuration::from_secs(2);
/// Longest gloss waits, when leaving, for its last save to come back: a folder that stops
/// answering (a network share, a sidecar swapped for a pipe that never ends) must not keep it
/// from ever leaving. It then leaves and says so.
pub const LAST_SAVE_WAIT: SignedDuration = SignedDuration::from_secs(10);

/// What the reader knows of its sidecar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saving {
    /// The history revision last on disk.
    saved_revision: u64,
    /// The reading position last on disk.
    saved_position: Chars,
    /// Whether a sidecar exists (a reading position alone does not create one).
    exists: bool,
    /// The annotations differ from the file for a reason other than an edit here (another
    /// process's changes merged in).
    stale: bool,
    /// When the next save is due.
    due: Option<Timestamp>,
    /// The time a wake-up was last asked for.
    timer: Option<Timestamp>,
    /// The save or merge out now: the revision it was taken at.
    in_flight: Option<u64>,
    /// The sidecar changed on disk and that is not merged in yet.
    changed_on_disk: bool,
    /// The last merge could not be taken in (the reader changed meanwhile).
    rebase: bool,
    /// Leave once everything is saved.
    exit: Option<Exit>,
    /// When leaving began, to leave anyway [`LAST_SAVE_WAIT`] later.
    leaving_since: Option<Timestamp>,
    /// The last save failure, until a save succeeds.
    error: Option<String>,
    /// Set by a first `q` while annotations are unsaved; a second one quits anyway.
    quit_warned: bool,
    /// The last save on a signal failed: leave without another.
    gave_up: bool,
}

impl Saving {
    /// A reader whose sidecar `exists` (or not), last saved at `position`.
    pub fn new(exists: bool, position: Chars) -> Self {
        Self {
            exists,
            saved_position: position,
            ..Self::default()
        }
    }

    /// The last save failure, until a save succeeds.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// True while a save or merge is out.
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some()
    }
}

impl Reader {
    /// True when the annotations differ from the sidecar and may be written.
    fn unsaved(&self) -> bool {
        self.locked().is_none()
            && (self.saving.stale || self.history.revision() != self.saving.saved_revision)
    }

    /// True when leaving now would lose something: unsaved annotations, or a reading
    /// position that moved in an existing sidecar.
    fn worth_a_last_save(&self) -> bool {
        self.unsaved()
            || (self.locked().is_none()
                && self.saving.exists
                && self.position() != self.saving.saved_position)
    }

    fn snapshot(&mut self) -> Box<Snapshot> {
        let revision = self.history.revision();
        // Every save and merge re-reads the file: what changed on disk so far is in it.
        self.saving.changed_on_disk = false;
        self.saving.in_flight = Some(revision);
        self.saving.due = None;
        Box::new(Snapshot {
            doc: std::sync::Arc::clone(&self.doc),
            annotations: self.annotations.clone(),
            position: self.position(),
            revision,
            rebase: self.saving.rebase,
        })
    }

    /// After every event: what saving needs now. A save due while a huge brief is still being
    /// read waits for it (the text's hash goes in the file); leaving saves at once.
    pub(super) fn keep_saved(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(exit) = self.saving.exit.clone() else {
            self.saving.leaving_since = None;
            if self.saving.is_busy() {
                return Vec::new();
            }
            return self.keep_saved_while_reading(now);
        };
        let give_up = *self.saving.leaving_since.get_or_insert(now) + LAST_SAVE_WAIT;
        if self.saving.is_busy() {
            if now < give_up {
                return self.wake_at(give_up);
            }
            // On a signal there is no one to tell (as when its save fails): it leaves as asked.
            if exit != Exit::Quit {
                return vec![Effect::Exit(exit)];
            }
            let text = format!(
                "the last save of the annotations of {} did not finish within {} s: \
                 what changed since the save before may not be on disk",
                self.label,
                LAST_SAVE_WAIT.as_secs()
            );
            return vec![Effect::Exit(Exit::Unsaved(text))];
        }
        if !self.saving.gave_up && self.worth_a_last_save() {
            let mut effects = vec![Effect::Save(self.snapshot())];
            effects.extend(self.wake_at(give_up));
            return effects;
        }
        vec![Effect::Exit(exit)]
    }

    /// One wake-up at `at` (none when one is asked for already).
    fn wake_at(&mut self, at: Timestamp) -> Vec<Effect> {
        if self.saving.timer == Some(at) {
            return Vec::new();
        }
        self.saving.timer = Some(at);
        vec![Effect::WakeAt(at)]
    }

    /// [`Reader::keep_saved`] while the reader is not leaving and nothing is out.
    fn keep_saved_while_reading(&mut self, now: Timestamp) -> Vec<Effect> {
        if !self.unsaved() {
            self.saving.due = None;
            // Nothing of ours to write: another process's changes are merged in on their own.
            if self.saving.changed_on_disk && self.locked().is_none() && !self.is_loading() {
                self.saving.changed_on_disk = false;
                return vec![Effect::Absorb(self.snapshot())];
            }
            return Vec::new();
        }
        // With changes of ours, the save itself merges in the other process's: a merge on its
        // own first could be outrun by every key and keep the save from ever going out.
        let due = *self.saving.due.get_or_insert(now + DEBOUNCE);
        if due <= now {
            if self.is_loading() {
                return Vec::new();
            }
            return vec![Effect::Save(self.snapshot())];
        }
        // One timer per due time (a retry after a failure sets a new one).
        self.wake_at(due)
    }

    /// `q`: leaves once the annotations are saved. When the last save failed, it warns once
    /// and leaves without saving on a second `q`.
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        match &self.saving.error {
            Some(reason) if !self.saving.quit_warned => {
                self.saving.quit_warned = true;
                let again = self.hints.key(self.mode(), Action::Quit);
                let text = format!(
                    "annotations NOT saved ({reason}); press {again} again to quit and lose them"
                );
                self.say(Level::Error, &text);
                Vec::new()
            }
            Some(_) => vec![Effect::Exit(Exit::Quit)],
            None => {
                self.saving.exit = Some(Exit::Quit);
                Vec::new()
            }
        }
    }

    /// Whether the reader is on its way out: it leaves once its last save lands.
    pub fn is_leaving(&self) -> bool {
        self.saving.exit.is_some()
    }

    /// Any key but `q` takes back a warning about quitting.
    pub(super) fn keep_quitting_warning(&mut self, quitting: bool) {
        if !quitting {
            self.saving.quit_warned = false;
        }
    }

    /// A termination signal or a lost terminal: save what can be saved, then leave whatever
    /// came of it.
    /// What is being typed is kept first, as Esc would keep it: the note in the editor and
    /// the tags on the prompt.
    pub(super) fn terminate(&mut self, signal: i32, env: &Env) {
        match &self.layer {
            Layer::Note(_) => self.close_note(env),
            Layer::Prompt(p) if matches!(p.kind, PromptKind::Tags(_)) => self.prompt_accept(env),
            _ => {}
        }
        self.saving.exit = Some(Exit::Signal(signal));
    }

    /// The sidecar changed on disk: merged in as soon as nothing else is out and the
    /// annotations may change.
    pub(super) fn sidecar_changed(&mut self) {
        self.saving.changed_on_disk = true;
    }

    /// A save came back.
    pub(super) fn saved(&mut self, result: SaveResult, now: Timestamp) {
        self.saving.in_flight = None;
        match result.outcome {
            Ok(merged) => {
                let saving = &mut self.saving;
                saving.error = None;
                saving.quit_warned = false;
                saving.saved_revision = result.revision;
                saving.saved_position = result.position;
                saving.exists = true;
                saving.stale = false;
                saving.rebase = false;
                if let Some(annotations) = merged {
                    self.take_merge(result.revision, annotations, false);
                    self.notice(Level::Info, "merged changes saved by another gloss");
                }
            }
            Err(reason) => {
                self.saving.due = Some(now + RETRY);
                if self.saving.exit == Some(Exit::Quit) {
                    // Back to the reader, with the reason: a second `q` leaves anyway.
                    self.saving.exit = None;
                    self.saving.quit_warned = true;
                    let again = self.hints.key(self.mode(), Action::Quit);
                    let text = format!(
                        "annotations NOT saved ({reason}); press {again} again to quit and lose them"
                    );
                    self.say(Level::Error, &text);
                } else if let Some(Exit::Signal(_)) = self.saving.exit {
                    // Leaving all the same: there is no one to ask.
                    self.saving.gave_up = true;
                } else {
                    self.notice(Level::Error, &format!("not saved: {reason} (retrying)"));
                }
                self.saving.error = Some(reason);
            }
        }
    }

    /// Another process's changes came back merged with ours.
    pub(super) fn merged(&mut self, result: MergeResult) {
        self.saving.in_flight = None;
        match result.outcome {
            Ok(Some(annotations)) => {
                self.saving.exists = true;
                if self.take_merge(result.revision, annotations, true) {
                    self.notice(Level::Info, "annotations updated by another gloss");
                }
            }
            Ok(None) => {}
            Err(reason) => self.notice(Level::Error, &format!("not merged: {reason}")),
        }
    }

    /// Takes in merged annotations if the reader is still where it was when the save or merge
    /// began; else the next save merges again from before, so neither side's changes are lost.
    /// True when they were taken in.
    fn take_merge(&mut self, revision: u64, annotations: Annotations, stale: bool) -> bool {
        if self.history.revision() == revision {
            self.annotations = annotations;
            self.saving.stale = stale;
            true
        } else {
            self.saving.rebase = true;
            false
        }
    }
}
