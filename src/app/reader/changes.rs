//! The reader's side of the changes view: opening it on the diff the placer carried the
//! annotations through, moving between changes (in the view, and in the text with `] c` /
//! `[ c`), and Enter going into the text at a change.

use super::Reader;
use super::layer::Layer;
use super::viewport::Placement;
use crate::app::Level;
use crate::app::changes::Changes;
use crate::document::Chars;

impl Reader {
    /// Opens the changes view, or says why there is none.
    pub(super) fn show_changes(&mut self) {
        let Some(through) = self.through.as_deref() else {
            let why = match &self.editing {
                super::Editing::Placing(_) | super::Editing::Waiting(_) => {
                    "the brief is still being compared with the text its annotations were placed on"
                }
                _ => {
                    "nothing to compare: the brief is as its annotations were placed, or that text was not kept"
                }
            };
            self.say(Level::Info, why);
            return;
        };
        if through.before.diff().is_empty() {
            self.say(Level::Info, "no change in the words of the brief");
            return;
        }
        let here = self.doc.char_offset(self.cursor);
        let mut changes = Changes::new(through, &self.doc, &self.annotations, here);
        let (w, h) = self.changes_area();
        changes.reveal(w, h);
        self.layer = Layer::Changes(Box::new(changes));
    }

    /// Columns and rows the changes view has (the screen less the status bar and a border).
    pub(super) fn changes_area(&self) -> (usize, usize) {
        let (w, h) = self.size;
        (
            usize::from(w.saturating_sub(2)),
            usize::from(h.saturating_sub(3)),
        )
    }

    /// Keeps the selected change on screen (after a resize).
    pub(super) fn reveal_change(&mut self) {
        let (w, h) = self.changes_area();
        if let Layer::Changes(changes) = &mut self.layer {
            changes.reveal(w, h);
        }
    }

    /// The next (or previous) change in the view.
    pub(super) fn step_change(&mut self, forward: bool) {
        let (w, h) = self.changes_area();
        let Layer::Changes(changes) = &mut self.layer else {
            return;
        };
        let wrapped = changes.step(forward);
        changes.reveal(w, h);
        if wrapped {
            let end = if forward { "first" } else { "last" };
            self.say(Level::Info, &format!("wrapped to the {end} change"));
        }
    }

    /// Enter in the view: closes it and puts the caret at the selected change in the text.
    pub(super) fn jump_to_change(&mut self) {
        let Layer::Changes(changes) = std::mem::take(&mut self.layer) else {
            return;
        };
        let Some(entry) = changes.current() else {
            return;
        };
        let (n, all) = (changes.selected + 1, changes.entries.len());
        self.go_to_char(Chars(entry.new.start));
        self.say(Level::Info, &format!("change {n} of {all}"));
    }

    /// `] c` / `[ c` in the text: the caret to the start of the next (or previous) change,
    /// wrapping around the ends as the other motions do.
    pub(super) fn next_change(&mut self, forward: bool) {
        let Some(through) = self.through.as_deref() else {
            self.show_changes();
            return;
        };
        let here = self.doc.char_offset(self.cursor).get();
        let starts: Vec<usize> = through
            .before
            .diff()
            .changes()
            .iter()
            .map(|c| c.new.start)
            .collect();
        let after = starts.iter().find(|&&s| s > here);
        let before = starts.iter().rev().find(|&&s| s < here);
        let (target, wrapped) = match (forward, after, before) {
            (true, Some(&s), _) | (false, _, Some(&s)) => (Some(s), false),
            (true, None, _) => (starts.first().copied(), true),
            (false, _, None) => (starts.last().copied(), true),
        };
        let Some(target) = target else {
            self.say(Level::Info, "no change in the words of the brief");
            return;
        };
        self.go_to_char(Chars(target));
        let n = starts.iter().position(|&s| s == target).unwrap_or(0) + 1;
        let wrap = if wrapped { ", wrapped" } else { "" };
        self.say(
            Level::Info,
            &format!("change {n} of {}{wrap}", starts.len()),
        );
    }

    /// The caret to character `at`, centred, showing a collapsed repeat it falls in.
    fn go_to_char(&mut self, at: Chars) {
        let offset = self.doc.byte_offset(at.min(self.doc.char_len()));
        if let Some(end) = self.hidden_end(offset)
            && end > offset
        {
            self.show_repeats = true;
            self.reflow();
        }
        self.move_cursor(offset, Placement::Center);
    }
}
