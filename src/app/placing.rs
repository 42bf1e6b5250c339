//! Saved annotations placed after the brief is on screen: all at once when the brief is
//! unchanged, a batch per step when it changed and must be re-anchored. Until every one is
//! placed, annotations cannot be edited and nothing is saved, so a half-placed set can never
//! overwrite the sidecar.

use super::state::{Level, State};
use crate::store::format::SidecarFile;
use crate::store::place::Placer;

/// Annotations re-anchored per step: one pass over the text each, small enough to keep keys
/// answered between steps.
pub const BATCH: usize = 250;

impl State {
    /// Hands the reader the sidecar's annotations, to place once the whole brief is in.
    pub fn set_unplaced(&mut self, file: SidecarFile) {
        self.unplaced = Some(Box::new(file));
        if !self.is_loading() {
            self.start_placing();
        }
    }

    /// True while saved annotations wait to be placed.
    pub fn is_placing(&self) -> bool {
        self.unplaced.is_some() || self.placing.is_some()
    }

    /// Why annotations cannot be changed or saved right now, if so.
    pub fn locked(&self) -> Option<String> {
        if let Some(reason) = &self.read_only {
            return Some(format!("annotations are read-only: {reason}"));
        }
        if let Some(placer) = &self.placing {
            let (done, all) = placer.progress();
            return Some(format!(
                "annotations are being placed in the changed brief ({done} of {all}); wait a moment"
            ));
        }
        self.unplaced
            .is_some()
            .then(|| "annotations are placed once the brief is read; wait a moment".to_string())
    }

    /// Begins placing the saved annotations in the whole brief.
    pub(super) fn start_placing(&mut self) {
        let Some(file) = self.unplaced.take() else {
            return;
        };
        let placer = Placer::new(&self.doc, &file);
        if placer.is_done() {
            self.finish_placing(placer);
        } else {
            self.placing = Some(Box::new(placer));
        }
    }

    /// Places the next batch; the annotations placed so far are shown at once.
    pub(super) fn place_step(&mut self) {
        let Some(mut placer) = self.placing.take() else {
            return;
        };
        placer.step(&self.doc, BATCH);
        if placer.is_done() {
            self.finish_placing(*placer);
        } else {
            self.annotations = placer.annotations();
            self.placing = Some(placer);
        }
    }

    fn finish_placing(&mut self, placer: Placer) {
        let placed = placer.finish();
        if placed.changed {
            self.say(Level::Warning, &placed.summary());
        }
        self.annotations = placed.annotations;
    }
}
