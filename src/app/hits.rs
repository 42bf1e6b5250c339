//! Search across the library: a query typed once, every brief with hits under a heading with
//! its count, a line of context per hit. Enter opens the brief at the hit with the query as
//! the reader's search (so `n` and `N` go on from there); leaving the reader comes back here.

mod update;

pub use update::update;

use std::path::PathBuf;

use super::{Hints, Status};
use crate::input::Mode;
use crate::store::search::{Found, Hit, Stats};

/// One line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A brief's heading (an index into `found`).
    Brief(usize),
    /// A hit: the brief, and the hit in it.
    Hit(usize, usize),
}

/// The search view.
#[derive(Debug, Clone)]
pub struct Hits {
    /// The library's folder.
    pub root: PathBuf,
    /// The query as typed.
    pub query: String,
    /// The query of the results shown (what was typed before a new one is accepted).
    pub searched: Option<String>,
    /// True while the query is being typed.
    pub typing: bool,
    /// Which search the results are of: results of an older one are dropped.
    pub generation: u64,
    /// The briefs with hits, in the library's order.
    pub found: Vec<Found>,
    /// The lines shown.
    pub lines: Vec<Line>,
    /// The selected line (a hit when there is one).
    pub selected: usize,
    /// The first line on screen.
    pub top: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// How the search went, once it is done.
    pub done: Option<Stats>,
    /// The status bar's messages.
    pub status: Status,
    /// The keys hints name.
    pub hints: Hints,
}

impl Hits {
    /// A search of the library in `root`, its query still to type.
    pub fn new(root: PathBuf, hints: Hints) -> Self {
        Self {
            root,
            query: String::new(),
            searched: None,
            typing: true,
            generation: 0,
            found: Vec::new(),
            lines: Vec::new(),
            selected: 0,
            top: 0,
            size: (0, 0),
            done: None,
            status: Status::default(),
            hints,
        }
    }

    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        if self.typing {
            Mode::Prompt
        } else {
            Mode::Search
        }
    }

    /// Every hit found so far (listed or only counted).
    pub fn count(&self) -> usize {
        self.found.iter().map(|f| f.total).sum()
    }

    /// The brief and hit on the selected line (a heading selects its first hit).
    pub fn selected_hit(&self) -> Option<(&Found, &Hit)> {
        let (b, h) = match self.lines.get(self.selected)? {
            Line::Brief(b) => (*b, 0),
            Line::Hit(b, h) => (*b, *h),
        };
        let found = self.found.get(b)?;
        Some((found, found.hits.get(h)?))
    }

    /// Lines of the list on screen (the terminal less the status bar).
    pub fn height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1))
    }

    /// Adds a brief's hits (as they arrive).
    pub(super) fn take(&mut self, found: Vec<Found>) {
        let first = self.lines.is_empty();
        for f in found {
            let b = self.found.len();
            self.lines.push(Line::Brief(b));
            self.lines
                .extend((0..f.hits.len()).map(|h| Line::Hit(b, h)));
            self.found.push(f);
        }
        if first && !self.lines.is_empty() {
            self.selected = 1.min(self.lines.len() - 1);
        }
    }

    /// Forgets the results, for a new search.
    pub(super) fn clear(&mut self) {
        self.found.clear();
        self.lines.clear();
        self.selected = 0;
        self.top = 0;
        self.done = None;
    }

    /// Moves the selection by `delta` hits (headings are passed over).
    pub(super) fn move_by(&mut self, delta: isize) {
        let hits: Vec<usize> = (0..self.lines.len())
            .filter(|&i| matches!(self.lines[i], Line::Hit(..)))
            .collect();
        let now = hits.iter().position(|&i| i >= self.selected).unwrap_or(0);
        let Some(&next) = hits.get(
            now.saturating_add_signed(delta)
                .min(hits.len().saturating_sub(1)),
        ) else {
            return;
        };
        self.selected = next;
        self.reveal();
    }

    /// Scrolls so the selected line is on screen, with its heading when there is room.
    pub(super) fn reveal(&mut self) {
        self.top = super::listing::reveal(self.top, self.selected, self.height(), 1);
    }
}

#[cfg(test)]
pub(crate) mod tests;
