//! The codebook view: the library's codes as a tree with counts and descriptions, then the
//! tags in use that are not codes ("uncoded"), one key adding such a tag as a code; codes are
//! renamed (or moved, by typing another parent), merged and deleted through the prompt, and
//! every sidecar follows (the change is an effect; the view reads the codebook again after).
//! The selected code's memo shows under the list and opens in a note editor.

mod memo;
mod update;

pub use memo::{MemoEditor, MemoOf};
pub use update::update;

use std::path::PathBuf;

use super::{Hints, Status};
use crate::annotation::tally::Count;
use crate::codebook::tree::Row;
use crate::input::{Keymap, Mode};
use crate::store::codebook::Listing;

/// One line of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A code, or a parent that only groups codes.
    Code(Row),
    /// The heading over the uncoded tags.
    Uncoded,
    /// A tag in use that is not a code, with its counts.
    Tag(String, Count),
    /// The heading over the library's memos.
    Memos,
    /// A memo of the library: its title and text.
    Memo(String, String),
}

/// What the prompt asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The name of a new code.
    Add(String),
    /// The new full name of `code` (another parent moves it).
    Rename {
        /// The code.
        code: String,
        /// Typed so far.
        text: String,
    },
    /// The code to merge `code` into.
    Merge {
        /// The code.
        code: String,
        /// Typed so far.
        text: String,
    },
    /// The title of a new memo of the library.
    MemoTitle(String),
    /// Whether to delete `code`, which `count` annotations carry.
    Delete {
        /// The code.
        code: String,
        /// Its annotations and briefs.
        count: Count,
    },
}

impl Ask {
    /// What has been typed, for the prompts that take text.
    pub fn text_mut(&mut self) -> Option<&mut String> {
        match self {
            Self::Add(text)
            | Self::MemoTitle(text)
            | Self::Rename { text, .. }
            | Self::Merge { text, .. } => Some(text),
            Self::Delete { .. } => None,
        }
    }
}

/// The codebook view.
#[derive(Debug, Clone)]
pub struct Codes {
    /// The library's folder.
    pub root: PathBuf,
    /// The lines shown.
    pub lines: Vec<Line>,
    /// The selected line (never the heading when there is another).
    pub selected: usize,
    /// The first line on screen.
    pub top: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// True once the codebook has been read.
    pub loaded: bool,
    /// True while a change is being carried out.
    pub busy: bool,
    /// Why the codebook could not be read (its codes then show as uncoded tags).
    pub problem: Option<String>,
    /// The prompt, while it asks.
    pub ask: Option<Ask>,
    /// The memo editor, while it is open.
    pub memo: Option<MemoEditor>,
    /// The status bar's messages.
    pub status: Status,
    /// The keys hints name.
    pub hints: Hints,
}

impl Codes {
    /// The codebook of the library in `root`, before it has been read.
    pub fn new(root: PathBuf, keymap: &Keymap) -> Self {
        Self::with_hints(root, Hints::new(keymap))
    }

    /// The same, naming keys as `hints` do.
    pub fn with_hints(root: PathBuf, hints: Hints) -> Self {
        Self {
            root,
            lines: Vec::new(),
            selected: 0,
            top: 0,
            size: (0, 0),
            loaded: false,
            busy: false,
            problem: None,
            ask: None,
            memo: None,
            status: Status::default(),
            hints,
        }
    }

    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        if self.memo.is_some() {
            Mode::Note
        } else if self.ask.is_some() {
            Mode::Prompt
        } else {
            Mode::Codebook
        }
    }

    /// Lines of the list on screen (the terminal less the status bar and the memo pane).
    pub fn height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1)).saturating_sub(self.memo_rows())
    }

    /// The memo of the selected code, if it has one.
    pub fn selected_memo(&self) -> Option<&str> {
        match self.selected_line() {
            Some(Line::Code(row)) if !row.memo.is_empty() => Some(&row.memo),
            Some(Line::Memo(_, text)) if !text.is_empty() => Some(text),
            _ => None,
        }
    }

    /// Rows of the memo pane under the list: a rule and up to four lines of the selected
    /// code's memo, when it has one and the screen has room for it.
    pub fn memo_rows(&self) -> usize {
        let room = usize::from(self.size.1.saturating_sub(1));
        match self.selected_memo() {
            Some(memo) if room >= 8 => 1 + memo.lines().count().min(4),
            _ => 0,
        }
    }

    /// The selected line.
    pub fn selected_line(&self) -> Option<&Line> {
        self.lines.get(self.selected)
    }

    /// Takes in a listing, keeping the same name selected when it is still there.
    pub(super) fn take(&mut self, listing: Listing) {
        let keep = self.selected_line().map(name_of);
        self.loaded = true;
        self.problem = listing.problem;
        self.lines = listing.rows.into_iter().map(Line::Code).collect();
        if !listing.uncoded.is_empty() {
            self.lines.push(Line::Uncoded);
            self.lines
                .extend(listing.uncoded.into_iter().map(|(t, c)| Line::Tag(t, c)));
        }
        if !listing.memos.is_empty() {
            self.lines.push(Line::Memos);
            self.lines
                .extend(listing.memos.into_iter().map(|(t, m)| Line::Memo(t, m)));
        }
        let same = keep.and_then(|k| self.lines.iter().position(|l| name_of(l) == k));
        self.selected = same.unwrap_or(0);
        self.skip_heading(1);
        self.reveal();
    }

    /// Moves the selection by `delta` lines, over the heading.
    pub(super) fn move_by(&mut self, delta: isize) {
        let last = self.lines.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.skip_heading(if delta < 0 { -1 } else { 1 });
        self.reveal();
    }

    fn skip_heading(&mut self, towards: isize) {
        if matches!(self.selected_line(), Some(Line::Uncoded | Line::Memos)) {
            let next = self.selected.saturating_add_signed(towards);
            self.selected = if next < self.lines.len() && next != self.selected {
                next
            } else {
                self.selected.saturating_sub(1)
            };
        }
    }

    /// Scrolls so the selected line is on screen.
    pub(super) fn reveal(&mut self) {
        self.top = super::listing::reveal(self.top, self.selected, self.height(), 0);
    }
}

/// The name a line stands for (empty for the heading).
fn name_of(line: &Line) -> String {
    match line {
        Line::Code(row) => row.name.clone(),
        Line::Tag(tag, _) => tag.clone(),
        // Not a code's name: a code may have any name a memo has.
        Line::Memo(title, _) => format!("\0memo {title}"),
        Line::Uncoded | Line::Memos => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
