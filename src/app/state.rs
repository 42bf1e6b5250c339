//! Everything the reader knows at one moment. Changed only by `update`; drawn by `ui`.

use ratatui::layout::Rect;

use super::geometry::{Geometry, geometry};
use super::search::Search;
use crate::document::Document;
use crate::input::{Action, Keymap, Mode};
use crate::layout::Layout;
use crate::sanitize;

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

/// How important a status message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Plain information.
    Info,
    /// Something the user should know (lossy decoding, a wrapped search).
    Warning,
    /// Something failed.
    Error,
}

/// A message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Already sanitised text.
    pub text: String,
    /// Its importance.
    pub level: Level,
}

impl Message {
    /// A message with its text made safe for the terminal.
    pub fn new(level: Level, text: &str) -> Self {
        Self {
            text: sanitize::line(text).into_owned(),
            level,
        }
    }
}

/// A search being typed: the query and where the view was when it began.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What has been typed.
    pub query: String,
    /// The query compiled, when it is not empty.
    pub live: Option<Search>,
    /// Scroll row when the search began, restored on cancel.
    pub origin_top: usize,
    /// Cursor when the search began, restored on cancel.
    pub origin_cursor: usize,
    /// Whether the query currently matches.
    pub found: bool,
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, e.g. `j, Down`.
    pub keys: String,
    /// What they do.
    pub text: &'static str,
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The brief.
    pub doc: Document,
    /// The brief's name as shown (sanitised).
    pub label: String,
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
    /// Which keymap table is active.
    pub mode: Mode,
    /// The search being typed.
    pub prompt: Option<Prompt>,
    /// The last accepted search.
    pub search: Option<Search>,
    /// Whether the notes panel is open.
    pub panel_open: bool,
    /// Whether repeated paragraphs are shown.
    pub show_repeats: bool,
    /// First line of the help overlay shown.
    pub help_scroll: usize,
    /// Help overlay lines, made from the keymap.
    pub help: Vec<(Mode, HelpLine)>,
    /// Status message until the next key.
    pub message: Option<Message>,
}

impl State {
    /// A reader on `doc`, before the first resize. `label` is the name shown for the brief.
    pub fn new(doc: Document, label: &str, settings: Settings, keymap: &Keymap) -> Self {
        let message = (!doc.warnings().is_empty())
            .then(|| Message::new(Level::Warning, &doc.warnings().join("; ")));
        let help = help_lines(keymap);
        Self {
            doc,
            label: sanitize::line(label).into_owned(),
            settings,
            size: (0, 0),
            layout: Layout::default(),
            top: 0,
            cursor: 0,
            mode: Mode::Normal,
            prompt: None,
            search: None,
            panel_open: false,
            show_repeats: false,
            help_scroll: 0,
            help,
            message,
        }
    }

    /// Screen parts at the current size.
    pub fn geometry(&self) -> Geometry {
        geometry(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.settings.max_width,
            self.panel_open,
            self.settings.panel_width,
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
        Some(last.range.end + 1)
    }
}

fn help_lines(keymap: &Keymap) -> Vec<(Mode, HelpLine)> {
    use strum::IntoEnumIterator;
    let mut lines = Vec::new();
    for mode in Mode::iter() {
        for (action, keys) in keymap.bindings(mode) {
            if mode != Mode::Normal
                && matches!(
                    action,
                    Action::ScrollDown
                        | Action::ScrollUp
                        | Action::PageDown
                        | Action::PageUp
                        | Action::Quit
                )
            {
                continue;
            }
            let keys = keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            lines.push((
                mode,
                HelpLine {
                    keys,
                    text: action.describe(),
                },
            ));
        }
    }
    lines
}
