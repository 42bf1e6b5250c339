//! The reader: one brief, its annotations and everything its view knows at one moment.
//! Changed only by its `update`; drawn by `ui::reader`. Its layers (selecting, the prompt,
//! the note editor, help) are types of their own in `layer`.

mod annotate;
mod changes;
mod copy;
mod editing;
pub(crate) mod editor;
mod failed;
mod geometry;
mod help;
mod jumps;
mod layer;
mod loading;
mod mouse;
mod panel;
mod placing;
mod prompt;
mod reading;
mod saving;
mod scan;
mod search;
mod searching;
mod selection;
mod tail;
mod update;
mod viewport;

pub use editing::Editing;
pub use editor::{NoteEditor, NoteTarget};
pub use geometry::{Geometry, MIN_HEIGHT, MIN_WIDTH, PANEL_MIN_TERMINAL, geometry};
pub use help::HelpLine;
pub use jumps::{Spot, Stop};
pub use layer::{Focus, Help, Layer, Visual};
pub use loading::{Loading, Piece};
pub use panel::{Filter, PANEL_WIDTHS, Panel};
pub use placing::{PlacingJob, Progress};
pub use prompt::{Prompt, PromptKind};
pub use saving::{DEBOUNCE, LAST_SAVE_WAIT, RETRY, Saving};
pub use search::{Found, Search};
pub use selection::Selection;
pub use tail::{TAIL_BYTES, Tail};
pub use update::update;
pub use viewport::Placement;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_annotate;
#[cfg(test)]
mod tests_copy;
#[cfg(test)]
mod tests_jumps;
#[cfg(test)]
pub(crate) mod tests_loading;
#[cfg(test)]
mod tests_review;
#[cfg(test)]
mod tests_saving;
#[cfg(test)]
mod tests_tail;

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::annotation::{Annotation, Annotations, History};
use crate::app::{Hints, Level, Status};
use crate::document::{Chars, Document};
use crate::input::{Keymap, Mode};
use crate::layout::Layout;
use crate::sanitize;
use crate::store::place::Through;
use mouse::Drag;
use reading::Remeasure;
use scan::Running;

/// User settings that shape the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Widest text column, in terminal columns.
    pub max_width: u16,
    /// Width of the notes panel.
    pub panel_width: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_width: 80,
            panel_width: 34,
        }
    }
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct Reader {
    /// The brief; shared (read-only) with the thread that places saved annotations once it is
    /// whole.
    pub doc: Arc<Document>,
    /// The brief's name as shown (sanitised).
    pub label: String,
    /// The brief's file, when it has one (the jump list names briefs by it).
    pub brief: Option<PathBuf>,
    /// Its whole text was remembered as read (see [`Effect::Read`]).
    read_noted: bool,
    /// View settings.
    pub settings: Settings,
    /// Terminal size.
    pub size: (u16, u16),
    /// Layout at the current column width.
    pub layout: Layout,
    /// First visible row.
    pub top: usize,
    /// Caret: a byte offset in the normalised text, on a character boundary.
    pub cursor: usize,
    /// Who has the keys, with what only it needs (a selection, a prompt, a note).
    pub layer: Layer,
    /// The last accepted search.
    pub search: Option<Search>,
    /// The notes panel.
    pub panel: Panel,
    /// The annotations of the brief.
    pub annotations: Annotations,
    /// The old text and its diff to this one, when the brief changed since its annotations
    /// were placed and that text was kept: what the changes view shows.
    pub through: Option<Arc<Through>>,
    /// Undo and redo of annotation changes.
    pub history: History,
    /// The mouse button held down, while it is.
    pub drag: Option<Drag>,
    /// Names of the themes `T` cycles through, and the one in use.
    pub themes: Vec<String>,
    /// Who new annotations are by (see `store::config::author`).
    pub author: String,
    /// Index into `themes`.
    pub theme: usize,
    /// A big brief being measured again at a new width.
    pub remeasure: Remeasure,
    /// Whether annotations may be changed now, and why not.
    pub editing: Editing,
    /// What the reader knows of its sidecar: what is saved, what is due, what is out.
    pub saving: Saving,
    /// Character offset to show at the top once the brief is laid out (the saved position).
    pub restore_position: Option<Chars>,
    /// Whether repeated paragraphs are shown.
    pub show_repeats: bool,
    /// Help overlay lines, made from the keymap.
    pub help: Vec<(Mode, HelpLine)>,
    /// The keys hints and messages name, made from the keymap.
    pub hints: Hints,
    /// The status bar's messages.
    pub status: Status,
    /// How far reading the brief has got, while it is still being read.
    pub loading: Option<Loading>,
    /// A search still running, a slice of the text per step.
    pub running: Option<Running>,
    /// The end of a brief still being read, shown early after `G`.
    pub tail: Option<Tail>,
    /// The colour and codes (tags) last given to a highlight on the tag prompt, for `.`.
    pub last_coding: Option<(crate::annotation::Color, Vec<String>)>,
    /// The codes of the codebook the brief belongs to, for completing tags.
    pub codes: Vec<String>,
    /// Tags given on the tag prompt, the most recent first, offered first when completing.
    pub recent: Vec<String>,
}

impl Reader {
    /// A reader on `doc`, before the first resize. `label` is the name shown for the brief.
    pub fn new(doc: Document, label: &str, settings: Settings, keymap: &Keymap) -> Self {
        let mut status = Status::default();
        if !doc.warnings().is_empty() {
            status.notice(Level::Warning, &doc.warnings().join("; "));
        }
        let help = help::help_lines(keymap);
        Self {
            doc: Arc::new(doc),
            label: sanitize::line(label).into_owned(),
            brief: None,
            read_noted: false,
            settings,
            size: (0, 0),
            layout: Layout::default(),
            top: 0,
            cursor: 0,
            layer: Layer::Text,
            search: None,
            panel: Panel::new(settings.panel_width),
            annotations: Annotations::default(),
            through: None,
            history: History::default(),
            drag: None,
            themes: Vec::new(),
            author: String::new(),
            theme: 0,
            remeasure: Remeasure::default(),
            editing: Editing::Open,
            saving: Saving::default(),
            restore_position: None,
            show_repeats: false,
            help,
            hints: Hints::new(keymap),
            status,
            loading: None,
            running: None,
            tail: None,
            last_coding: None,
            codes: Vec::new(),
            recent: Vec::new(),
        }
    }

    /// Screen parts at the current size.
    pub fn geometry(&self) -> Geometry {
        geometry(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.settings.max_width,
            self.panel.open,
            self.panel.width,
        )
    }

    /// Rows of text visible at once.
    pub fn view_height(&self) -> usize {
        usize::from(self.geometry().column.height)
    }

    /// The title shown in the status bar: the brief's title, else its name.
    pub fn title(&self) -> &str {
        self.doc.title().unwrap_or(&self.label)
    }

    /// Position through the brief, in percent of rows, at the bottom of the view.
    pub fn percent(&self) -> usize {
        let total = self.layout.total_rows();
        if total == 0 {
            return 100;
        }
        let bottom = (self.top + self.view_height()).min(total);
        bottom * 100 / total
    }

    /// The block-hiding rule of the current view: for an offset inside a collapsed run, where
    /// that run ends.
    pub fn hidden_end(&self, offset: usize) -> Option<usize> {
        if self.show_repeats {
            return None;
        }
        let block = self.doc.block_at(offset);
        let repeat = self
            .doc
            .repeats()
            .iter()
            .find(|r| r.copy.contains(&block))?;
        let last = self.doc.blocks().get(repeat.copy.end - 1)?;
        Some(last.range().end + 1)
    }
}

impl Reader {
    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        self.layer.mode()
    }

    /// The selection, while selecting.
    pub fn selection(&self) -> Option<Selection> {
        match &self.layer {
            Layer::Visual(v) => Some(v.selection),
            _ => None,
        }
    }

    /// The prompt, while it is open.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.layer {
            Layer::Prompt(p) => Some(p),
            _ => None,
        }
    }

    /// The note editor, while it is open.
    pub fn editor(&self) -> Option<&NoteEditor> {
        match &self.layer {
            Layer::Note(e) => Some(e),
            _ => None,
        }
    }

    pub(super) fn prompt_mut(&mut self) -> Option<&mut Prompt> {
        match &mut self.layer {
            Layer::Prompt(p) => Some(p),
            _ => None,
        }
    }

    pub(super) fn editor_mut(&mut self) -> Option<&mut NoteEditor> {
        match &mut self.layer {
            Layer::Note(e) => Some(e),
            _ => None,
        }
    }

    /// Closes the prompt: the keys go back where they were when it opened.
    pub(super) fn take_prompt(&mut self) -> Option<Prompt> {
        match std::mem::take(&mut self.layer) {
            Layer::Prompt(p) => {
                self.layer = Layer::of(p.back_to);
                Some(p)
            }
            other => {
                self.layer = other;
                None
            }
        }
    }

    /// Closes the note editor: the keys go back where they were when it opened.
    pub(super) fn take_editor(&mut self) -> Option<Box<NoteEditor>> {
        match std::mem::take(&mut self.layer) {
            Layer::Note(e) => {
                self.layer = Layer::of(e.back_to);
                Some(e)
            }
            other => {
                self.layer = other;
                None
            }
        }
    }

    /// Character offset of the text at the top of the screen (the reading position).
    pub fn position(&self) -> Chars {
        if self.layout.item_count() == 0 {
            return self.restore_position.unwrap_or_default();
        }
        self.doc
            .char_offset(self.layout.pin_at(&self.doc, self.top).offset)
    }

    /// The annotations covering the cursor, innermost first.
    pub fn under_cursor(&self) -> Vec<&Annotation> {
        self.annotations.at(self.doc.char_offset(self.cursor))
    }

    /// The annotation actions apply to: the panel's selected entry when the panel has focus,
    /// else the innermost one under the cursor.
    pub fn target(&self) -> Option<&Annotation> {
        if self.mode() == Mode::Panel {
            return self.panel.selected_annotation(self);
        }
        self.under_cursor().into_iter().next()
    }
}
