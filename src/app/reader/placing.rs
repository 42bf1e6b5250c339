//! Saved annotations placed after the brief is on screen, on a thread of their own: all at
//! once when the brief is unchanged, a batch at a time when it changed and must be
//! re-anchored, each batch shown as it lands. Until every one is placed, annotations cannot be
//! edited and nothing is saved, so a half-placed set can never overwrite the sidecar.

use std::sync::Arc;

use super::Reader;
use super::editing::Editing;
use crate::annotation::Annotations;
use crate::app::Level;
use crate::app::event::Event;
use crate::document::Document;
use crate::store::place::{Placed, Placer, Stored};

/// Annotations re-anchored per batch: one pass over the text each.
pub const BATCH: usize = 250;

/// How far placing has got: (placed, all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// How far comparing the changed brief with the text its annotations were placed on has
    /// got, in percent, while it runs.
    pub comparing: Option<usize>,
    /// Annotations placed so far.
    pub done: usize,
    /// All the sidecar's annotations.
    pub all: usize,
}

/// The work of placing a sidecar's annotations in the whole brief, to run off the reader's
/// thread.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacingJob {
    doc: Arc<Document>,
    stored: Box<Stored>,
    brief: Option<std::path::PathBuf>,
}

impl PlacingJob {
    /// The brief the annotations are placed in.
    pub fn doc(&self) -> &Arc<Document> {
        &self.doc
    }

    /// The brief's file, when it has one (its versions are logged by it).
    pub fn brief(&self) -> Option<&std::path::Path> {
        self.brief.as_deref()
    }

    /// The hash of the text the annotations were placed on.
    pub fn sha256(&self) -> &str {
        &self.stored.sha256
    }

    /// With that text, from its snapshot, to carry the annotations through the diff.
    pub fn with_before(mut self, before: Option<Arc<str>>) -> Self {
        self.stored.before = before;
        self
    }

    /// Places everything, sending [`Event::Placed`] after each batch and
    /// [`Event::PlaceDone`] at the end; stops early when `send` returns false.
    pub fn run(self, mut send: impl FnMut(Event) -> bool) {
        // The diff of a big brief takes a while: its progress shown a percent at a time.
        let mut shown = None;
        let mut placer = Placer::new_with(&self.doc, &self.stored, &mut |done, all| {
            let percent = done * 100 / all.max(1);
            if shown != Some(percent) {
                shown = Some(percent);
                send(Event::Compared(percent));
            }
        });
        while !placer.is_done() {
            placer.step(&self.doc, BATCH);
            let (done, _) = placer.progress();
            if !placer.is_done() && !send(Event::Placed(Box::new(placer.annotations()), done)) {
                return;
            }
        }
        send(Event::PlaceDone(Box::new(placer.finish())));
    }
}

impl Reader {
    /// Hands the reader the sidecar's annotations, to place once the whole brief is in.
    pub fn set_unplaced(&mut self, stored: Stored) {
        self.editing = Editing::Waiting(Box::new(stored));
    }

    /// The sidecar cannot be written: annotations stay read-only, saying why.
    pub fn set_read_only(&mut self, reason: String) {
        self.editing = Editing::ReadOnly(reason);
    }

    /// The placing to start now, if the brief is whole and annotations wait to be placed.
    pub(super) fn take_placing_job(&mut self) -> Option<PlacingJob> {
        if self.is_loading() || !matches!(self.editing, Editing::Waiting(_)) {
            return None;
        }
        let Editing::Waiting(stored) = std::mem::take(&mut self.editing) else {
            return None;
        };
        self.editing = Editing::Placing(Progress {
            comparing: None,
            done: 0,
            all: stored.annotations.len(),
        });
        Some(PlacingJob {
            doc: Arc::clone(&self.doc),
            stored,
            brief: self.brief.clone(),
        })
    }

    /// Once the brief is whole: the effect that remembers its text as read, once.
    pub(super) fn take_read(&mut self) -> Option<crate::app::Effect> {
        if self.read_noted || self.is_loading() {
            return None;
        }
        let brief = self.brief.clone()?;
        self.read_noted = true;
        Some(crate::app::Effect::Read {
            brief,
            doc: Arc::clone(&self.doc),
        })
    }

    /// Why annotations cannot be changed or saved right now, if so.
    pub fn locked(&self) -> Option<String> {
        match &self.editing {
            Editing::Open => None,
            Editing::ReadOnly(reason) => Some(format!("annotations are read-only: {reason}")),
            Editing::Placing(Progress { done, all, .. }) => Some(format!(
                "annotations are being placed in the changed brief ({done} of {all}); wait a moment"
            )),
            Editing::Waiting(_) => {
                Some("annotations are placed once the brief is read; wait a moment".to_string())
            }
        }
    }

    /// How far placing has got, while it runs.
    pub fn placing(&self) -> Option<Progress> {
        match self.editing {
            Editing::Placing(progress) => Some(progress),
            _ => None,
        }
    }

    /// Comparing the old text with the new has got to `percent`.
    pub(super) fn compared(&mut self, percent: usize) {
        if let Editing::Placing(progress) = &mut self.editing {
            progress.comparing = (percent < 100).then_some(percent);
        }
    }

    /// A batch landed: the annotations placed so far are shown.
    pub(super) fn placed_some(&mut self, annotations: Annotations, done: usize) {
        if let Editing::Placing(progress) = &mut self.editing {
            self.annotations = annotations;
            progress.done = done;
        }
    }

    /// Every annotation is placed.
    pub(super) fn placed_all(&mut self, placed: Placed) {
        if !matches!(self.editing, Editing::Placing(_)) {
            return;
        }
        self.editing = Editing::Open;
        if placed.changed {
            self.notice(Level::Warning, &placed.summary());
        }
        self.annotations = placed.annotations;
        self.through = placed.through.map(Arc::new);
    }
}
