//! The library: every brief under a folder as a table, filled in as a background scan finds
//! them, sorted by a column and narrowed by a fuzzy filter; Enter opens a brief in the reader,
//! and leaving the reader comes back to the same row.

mod filter;
mod sort;
mod update;

pub use sort::Sort;
pub use update::update;

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};
use std::path::PathBuf;

use super::{Hints, Status};
use crate::input::{Keymap, Mode};
use crate::sanitize;
use crate::store::library::Summary;

/// Where the scan of the folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// Not asked for yet.
    Waiting,
    /// Briefs are arriving.
    Running,
    /// Every brief is in.
    Done,
}

/// The library view.
#[derive(Debug, Clone)]
pub struct Library {
    /// The folder.
    pub root: PathBuf,
    /// The folder as shown (sanitised).
    pub label: String,
    /// Every brief found so far, in the order found.
    pub briefs: Vec<Summary>,
    /// The column the table is sorted by.
    pub sort: Sort,
    /// The fuzzy filter, when one is typed or kept.
    pub filter: Option<String>,
    /// True while the filter is being typed.
    pub typing: bool,
    /// Indexes into `briefs` of the rows shown, in order.
    pub shown: Vec<usize>,
    /// The selected row (an index into `shown`).
    pub selected: usize,
    /// The first row on screen.
    pub top: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// How far the scan has got.
    pub scan: Scan,
    /// The status bar's messages.
    pub status: Status,
    /// The keys hints name.
    pub hints: Hints,
    /// The brief last opened, to read its summary again when its reader is left.
    pub opened: Option<PathBuf>,
    /// Where each brief is in `briefs`, by path.
    index: HashMap<PathBuf, usize>,
    /// When the rows were last sorted and filtered while the scan runs, and whether briefs
    /// came in since: sorting 10,000 rows for every batch of 64 would cost the keys.
    sorted: Option<Timestamp>,
    unsorted: bool,
}

/// While the scan runs, rows are sorted again at most this often (batches between only
/// update the rows in place).
pub const RESORT: SignedDuration = SignedDuration::from_millis(100);

impl Library {
    /// The library of the folder `root`, before its scan.
    pub fn new(root: PathBuf, keymap: &Keymap) -> Self {
        let label = sanitize::line(&root.display().to_string()).into_owned();
        Self {
            root,
            label,
            briefs: Vec::new(),
            sort: Sort::default(),
            filter: None,
            typing: false,
            shown: Vec::new(),
            selected: 0,
            top: 0,
            size: (0, 0),
            scan: Scan::Waiting,
            status: Status::default(),
            hints: Hints::new(keymap),
            opened: None,
            index: HashMap::new(),
            sorted: None,
            unsorted: false,
        }
    }

    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        if self.typing {
            Mode::Prompt
        } else {
            Mode::Library
        }
    }

    /// The brief on the selected row.
    pub fn selected_brief(&self) -> Option<&Summary> {
        self.shown
            .get(self.selected)
            .and_then(|&i| self.briefs.get(i))
    }

    /// Rows of the table on screen (the terminal less the header and the status bar).
    pub fn rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(2))
    }

    /// Takes in briefs found (or found again: a brief already listed is replaced) at `now`.
    /// While the scan runs, the rows are sorted again at most every [`RESORT`]; until then
    /// new briefs wait at the end and changed ones show their new cells in place.
    pub(super) fn found(&mut self, found: Vec<Summary>, now: Timestamp) {
        let first_new = self.briefs.len();
        for summary in found {
            match self.index.get(&summary.path) {
                Some(&i) => self.briefs[i] = summary,
                None => {
                    self.index.insert(summary.path.clone(), self.briefs.len());
                    self.briefs.push(summary);
                }
            }
        }
        let recent = self.sorted.is_some_and(|t| now.duration_since(t) < RESORT);
        if self.scan == Scan::Running && recent {
            self.unsorted = true;
            if self.filter.is_none() {
                self.shown.extend(first_new..self.briefs.len());
            }
            return;
        }
        self.sorted = Some(now);
        self.refresh();
    }

    /// The scan is done: rows left unsorted are sorted now.
    pub(super) fn scan_done(&mut self) {
        self.scan = Scan::Done;
        if std::mem::take(&mut self.unsorted) {
            self.refresh();
        }
    }

    /// Forgets a brief that is gone.
    pub(super) fn removed(&mut self, path: &std::path::Path) {
        if self.index.remove(path).is_some() {
            self.briefs.retain(|b| b.path != path);
            self.index = self
                .briefs
                .iter()
                .enumerate()
                .map(|(i, b)| (b.path.clone(), i))
                .collect();
            self.refresh();
        }
    }

    /// Sorts and filters again, keeping the same brief selected when it is still shown.
    pub(super) fn refresh(&mut self) {
        let keep = self.selected_brief().map(|b| b.path.clone());
        self.shown = filter::matching(&self.briefs, self.filter.as_deref());
        sort::sort(&mut self.shown, &self.briefs, self.sort);
        self.selected = keep
            .and_then(|p| self.shown.iter().position(|&i| self.briefs[i].path == p))
            .unwrap_or(0)
            .min(self.shown.len().saturating_sub(1));
        self.reveal();
    }

    /// Scrolls so the selected row is on screen.
    pub(super) fn reveal(&mut self) {
        self.top = super::listing::reveal(self.top, self.selected, self.rows(), 0);
    }

    /// Moves the selection by `delta` rows.
    pub(super) fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.reveal();
    }
}

#[cfg(test)]
mod tests;
