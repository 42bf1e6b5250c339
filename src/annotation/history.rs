//! Undo and redo of annotation changes, as reversible changes rather than snapshots.

use super::{Annotation, Annotations};

/// One reversible change.
// An edit holds the annotation twice, so it is twice the size of the other variants; a history
// holds one per change the user made, and boxing them would cost an allocation each for no
// memory that matters.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// An annotation was created.
    Add(Annotation),
    /// An annotation was deleted.
    Remove(Annotation),
    /// An annotation was edited (note, tags, colour, anchor).
    Edit {
        /// As it was.
        before: Annotation,
        /// As it is now.
        after: Annotation,
    },
    /// The brief-level note changed.
    BriefNote {
        /// As it was.
        before: String,
        /// As it is now.
        after: String,
    },
}

impl Change {
    fn inverse(&self) -> Self {
        match self {
            Change::Add(a) => Change::Remove(a.clone()),
            Change::Remove(a) => Change::Add(a.clone()),
            Change::Edit { before, after } => Change::Edit {
                before: after.clone(),
                after: before.clone(),
            },
            Change::BriefNote { before, after } => Change::BriefNote {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    fn perform(&self, set: &mut Annotations) {
        match self {
            Change::Add(a) => set.insert(a.clone()),
            Change::Remove(a) => {
                set.remove(a.id);
            }
            Change::Edit { after, .. } => {
                set.replace(after.clone());
            }
            Change::BriefNote { after, .. } => {
                set.set_brief_note(after.clone());
            }
        }
    }
}

/// Done and undone changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
    revision: u64,
}

impl History {
    /// Performs a change and records it; anything undone can no longer be redone.
    pub fn apply(&mut self, set: &mut Annotations, change: Change) {
        change.perform(set);
        self.done.push(change);
        self.undone.clear();
        self.revision += 1;
    }

    /// Counts every apply, undo and redo: a change of it means the annotations changed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Reverts the last change; returns it.
    pub fn undo(&mut self, set: &mut Annotations) -> Option<&Change> {
        let change = self.done.pop()?;
        change.inverse().perform(set);
        self.undone.push(change);
        self.revision += 1;
        self.undone.last()
    }

    /// Performs the last undone change again; returns it.
    pub fn redo(&mut self, set: &mut Annotations) -> Option<&Change> {
        let change = self.undone.pop()?;
        change.perform(set);
        self.done.push(change);
        self.revision += 1;
        self.done.last()
    }

    /// Changes that can be undone.
    pub fn undo_steps(&self) -> usize {
        self.done.len()
    }

    /// Changes that can be redone.
    pub fn redo_steps(&self) -> usize {
        self.undone.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::tests::ann;

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut set = Annotations::default();
        let mut h = History::default();
        let a = ann(1, 0..5);
        h.apply(&mut set, Change::Add(a.clone()));
        let mut edited = a.clone();
        edited.note = "why".into();
        h.apply(
            &mut set,
            Change::Edit {
                before: a.clone(),
                after: edited.clone(),
            },
        );
        h.apply(
            &mut set,
            Change::BriefNote {
                before: String::new(),
                after: "overall".into(),
            },
        );
        assert_eq!((set.len(), set.brief_note()), (1, "overall"));

        h.undo(&mut set);
        assert_eq!(set.brief_note(), "");
        h.undo(&mut set);
        assert_eq!(set.get(a.id).unwrap().note, "");
        h.undo(&mut set);
        assert!(set.is_empty());
        assert!(h.undo(&mut set).is_none());
        assert_eq!((h.undo_steps(), h.redo_steps()), (0, 3));

        h.redo(&mut set);
        h.redo(&mut set);
        assert_eq!(set.get(a.id).unwrap().note, "why");
        h.apply(&mut set, Change::Remove(edited));
        assert_eq!(h.redo_steps(), 0, "a new change drops the redo list");
        h.undo(&mut set);
        assert_eq!(set.get(a.id).unwrap().note, "why");
    }
}
