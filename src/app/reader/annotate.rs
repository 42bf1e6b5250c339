//! Making and changing annotations. Every change goes through the history, so `u` and `Ctrl-r`
//! can undo and redo it.

use uuid::Uuid;

use super::Reader;
use super::editor::{NoteEditor, NoteTarget};
use super::layer::{Layer, Visual};
use crate::annotation::{Anchor, Annotation, Change, Color, Status};
use crate::app::Level;
use crate::app::event::Env;
use crate::input::{Action, Mode};

impl Reader {
    /// Highlights the selection in `color`; returns the new annotation's id.
    pub fn highlight(&mut self, color: Color, env: &Env) -> Option<Uuid> {
        let selection = self.take_selection()?.selection;
        let range = selection.range(self.doc.text());
        if range.is_empty() {
            return None;
        }
        let anchor = Anchor::new(&self.doc, range.clone());
        let mut annotation = Annotation::new(env.id, env.now, color, anchor);
        annotation.author.clone_from(&self.author);
        self.history
            .apply(&mut self.annotations, Change::Add(annotation));
        self.cursor = range.start;
        let undo = self.hints.key(self.mode(), Action::Undo);
        self.say(
            Level::Info,
            &format!("highlighted in {} ({undo} undoes)", color.name()),
        );
        Some(env.id)
    }

    /// `.`: highlights the selection with the colour and codes last given on the tag prompt,
    /// as one change (one `u` undoes it).
    pub fn repeat_coding(&mut self, env: &Env) {
        let Some((color, tags)) = self.last_coding.clone() else {
            let code = self.hints.key(Mode::Visual, Action::CodeSelection);
            let text = format!("no coding to repeat yet: select and press {code} first");
            self.say(Level::Info, &text);
            return;
        };
        let Some(selection) = self.take_selection().map(|v| v.selection) else {
            return;
        };
        let range = selection.range(self.doc.text());
        if range.is_empty() {
            return;
        }
        let mut annotation = Annotation::new(
            env.id,
            env.now,
            color,
            Anchor::new(&self.doc, range.clone()),
        );
        annotation.tags.clone_from(&tags);
        self.history
            .apply(&mut self.annotations, Change::Add(annotation));
        self.cursor = range.start;
        let codes: Vec<String> = tags.iter().map(|t| format!("#{t}")).collect();
        let text = format!("coded {}", crate::sanitize::line(&codes.join(" ")));
        self.say(Level::Info, &text);
    }

    /// Changes the target annotation with `edit`; records it if anything changed.
    pub fn edit_target(&mut self, env: &Env, edit: impl FnOnce(&mut Annotation)) {
        let Some(before) = self.target().cloned() else {
            self.say_no_highlight();
            return;
        };
        self.edit_annotation(before, env, edit);
    }

    /// Applies `edit` to `before` and records it in the history if anything changed.
    pub(super) fn edit_annotation(
        &mut self,
        before: Annotation,
        env: &Env,
        edit: impl FnOnce(&mut Annotation),
    ) {
        let mut after = before.clone();
        edit(&mut after);
        if after != before {
            after.updated = env.now;
            self.history
                .apply(&mut self.annotations, Change::Edit { before, after });
        }
    }

    /// `y`: accepts an approximately found highlight: its quote becomes the text it covers now.
    pub fn confirm_anchor(&mut self, env: &Env) {
        let Some(target) = self.target().cloned() else {
            self.say(Level::Info, "no highlight here to confirm");
            return;
        };
        if target.status != Status::Fuzzy {
            self.say(Level::Info, "this highlight needs no review");
            return;
        }
        let doc = &self.doc;
        let anchor = Anchor::new(doc, target.anchor.bytes(doc));
        self.edit_annotation(target, env, |a| {
            a.anchor = anchor;
            a.status = Status::Exact;
        });
        self.say(Level::Info, "confirmed: the highlight keeps its new place");
    }

    /// `r`: on a highlight (or a panel entry), remembers it and starts a selection; in a
    /// selection, attaches the remembered highlight to it.
    pub fn reattach(&mut self, env: &Env) {
        if let Layer::Visual(visual) = &self.layer {
            let Some(id) = visual.reattach else {
                let reattach = self.hints.key(Mode::Normal, Action::Reattach);
                self.say(
                    Level::Info,
                    &format!("press {reattach} on a highlight (or a panel entry) first"),
                );
                return;
            };
            let Some(Visual { selection, .. }) = self.take_selection() else {
                return;
            };
            let range = selection.range(self.doc.text());
            if range.is_empty() {
                return;
            }
            let anchor = Anchor::new(&self.doc, range.clone());
            if let Some(before) = self.annotations.get(id).cloned() {
                self.edit_annotation(before, env, |a| {
                    a.anchor = anchor;
                    a.status = Status::Exact;
                });
                self.cursor = range.start;
                let undo = self.hints.key(self.mode(), Action::Undo);
                self.say(
                    Level::Info,
                    &format!("highlight attached to the selection ({undo} undoes)"),
                );
            }
            return;
        }
        let Some(id) = self.target().map(|a| a.id) else {
            let reattach = self.hints.key(self.mode(), Action::Reattach);
            self.say(
                Level::Info,
                &format!("no highlight here: press {reattach} on a highlight or a panel entry"),
            );
            return;
        };
        self.layer = Layer::Text;
        self.start_selection();
        if let Layer::Visual(visual) = &mut self.layer {
            visual.reattach = Some(id);
        }
        let reattach = self.hints.key(self.mode(), Action::Reattach);
        self.say(
            Level::Info,
            &format!("select the new text for this highlight, then press {reattach}"),
        );
    }

    /// Deletes the target annotation.
    pub fn delete_target(&mut self) {
        match self.target().cloned() {
            Some(a) => {
                self.history.apply(&mut self.annotations, Change::Remove(a));
                let undo = self.hints.key(self.mode(), Action::Undo);
                self.say(Level::Info, &format!("highlight deleted ({undo} undoes)"));
            }
            None => self.say(Level::Info, "no highlight here to delete"),
        }
    }

    /// Opens the note editor on the target annotation.
    pub fn open_note(&mut self) {
        match self.target() {
            Some(a) => {
                let editor =
                    NoteEditor::new(NoteTarget::Annotation(a.id), &a.note, self.layer.focus());
                self.layer = Layer::Note(Box::new(editor));
            }
            None => {
                let note = self.hints.key(Mode::Visual, Action::HighlightWithNote);
                let how = self.hints.select_then(note);
                self.say(Level::Info, &format!("no highlight here: {how}"));
            }
        }
    }

    /// Opens the note editor on the brief as a whole.
    pub fn open_brief_note(&mut self) {
        let note = self.annotations.brief_note();
        let editor = NoteEditor::new(NoteTarget::Brief, note, self.layer.focus());
        self.layer = Layer::Note(Box::new(editor));
    }

    /// Closes the note editor and keeps what was typed. An empty note removes the note, never
    /// the highlight.
    pub fn close_note(&mut self, env: &Env) {
        let Some(editor) = self.take_editor() else {
            return;
        };
        let text = editor.text();
        match editor.target {
            NoteTarget::Brief => {
                let before = self.annotations.brief_note().to_string();
                if before != text {
                    self.history.apply(
                        &mut self.annotations,
                        Change::BriefNote {
                            before,
                            after: text,
                        },
                    );
                }
            }
            NoteTarget::Annotation(id) => {
                if let Some(before) = self.annotations.get(id).cloned() {
                    self.edit_annotation(before, env, |a| a.note = text);
                }
            }
        }
    }

    /// Undoes (or redoes) the last annotation change and says how many steps remain.
    pub fn undo(&mut self, redo: bool) {
        let done = if redo {
            self.history.redo(&mut self.annotations).is_some()
        } else {
            self.history.undo(&mut self.annotations).is_some()
        };
        let (undo, redo_left) = (self.history.undo_steps(), self.history.redo_steps());
        let text = match (done, redo) {
            (false, false) => "nothing to undo".to_string(),
            (false, true) => "nothing to redo".to_string(),
            (true, false) => format!("undone ({undo} more to undo, {redo_left} to redo)"),
            (true, true) => format!("redone ({undo} to undo, {redo_left} more to redo)"),
        };
        self.say(Level::Info, &text);
    }

    /// Says there is no highlight to act on, and how to make one.
    pub(super) fn say_no_highlight(&mut self) {
        let how = self.hints.select_then(&self.hints.colour_keys());
        self.say(Level::Info, &format!("no highlight here: {how}"));
    }

    /// Puts a message about what was just done in the status bar, until the next key.
    pub fn say(&mut self, level: Level, text: &str) {
        self.status.say(level, text);
    }

    /// Puts a message in the status bar that stays until it has been seen.
    pub fn notice(&mut self, level: Level, text: &str) {
        self.status.notice(level, text);
    }

    /// Tells of `copies` conflict copies beside the sidecar, and of the key that merges them.
    pub fn copies_found(&mut self, copies: usize) {
        if copies == 0 {
            return;
        }
        let key = self
            .hints
            .key(Mode::Normal, Action::MergeCopies)
            .to_string();
        let (copy, them) = if copies == 1 {
            ("copy", "it")
        } else {
            ("copies", "them")
        };
        self.notice(
            Level::Warning,
            &format!("{copies} conflict {copy} of these annotations: {key} merges {them}"),
        );
    }
}
