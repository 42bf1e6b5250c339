//! The analysis views of a library: the code x brief matrix (a heat map), code co-occurrence
//! (a triangle) and the timeline (a bar chart), on tabs. Everything drawn is computed once
//! when the library arrives (or a setting changes), never per frame; Enter on a cell lists
//! the segments behind it, and Enter on one of those opens its brief there.

mod update;

pub use update::update;

#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Hints, Status};
use crate::analysis::agreement::{Agreement, agreement};
use crate::analysis::cooccurrence::{Cooccurrence, Near, cooccurrence};
use crate::analysis::matrix::{Matrix, matrix};
use crate::analysis::timeline::{By, Timeline, timeline};
use crate::analysis::{Codes, Fold, Library, Scope};
use crate::document::Chars;
use crate::input::{Keymap, Mode};

/// The view's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Codes x briefs.
    #[default]
    Matrix,
    /// Codes x codes.
    Cooccurrence,
    /// Periods.
    Timeline,
    /// Two coders' agreement per code.
    Agreement,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 4] = [
        Tab::Matrix,
        Tab::Cooccurrence,
        Tab::Timeline,
        Tab::Agreement,
    ];

    /// Its name on screen.
    pub fn name(self) -> &'static str {
        match self {
            Tab::Matrix => "Matrix",
            Tab::Cooccurrence => "Co-occurrence",
            Tab::Timeline => "Timeline",
            Tab::Agreement => "Agreement",
        }
    }

    fn next(self) -> Self {
        match self {
            Tab::Matrix => Tab::Cooccurrence,
            Tab::Cooccurrence => Tab::Timeline,
            Tab::Timeline => Tab::Agreement,
            Tab::Agreement => Tab::Matrix,
        }
    }
}

/// One segment of a drill-down list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The brief's file.
    pub brief: PathBuf,
    /// Its path under the library.
    pub name: String,
    /// Where the segment starts, to open the brief there.
    pub at: Option<Chars>,
    /// The text it covers.
    pub quote: String,
    /// Its codes.
    pub tags: Vec<String>,
}

/// The segments behind one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segments {
    /// What they are (`frame in b1.md`).
    pub title: String,
    /// The segments.
    pub rows: Vec<Found>,
    /// The selected one.
    pub selected: usize,
    /// The first on screen.
    pub top: usize,
}

/// Everything the tabs draw, computed from the library.
#[derive(Debug, Clone, Default)]
pub struct Computed {
    /// The matrix, folded as the view folds codes.
    pub matrix: Matrix,
    /// Co-occurrence, folded the same way.
    pub cooccurrence: Cooccurrence,
    /// The timeline for the period and code filter chosen.
    pub timeline: Timeline,
    /// The agreement of the two coders picked, per code (full names).
    pub agreement: Vec<Agreement>,
}

/// The analysis view.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The library's folder.
    pub root: PathBuf,
    /// The library, once read.
    pub library: Option<Arc<Library>>,
    /// What the tabs draw.
    pub computed: Computed,
    /// Briefs or sidecars that could not be read.
    pub skipped: usize,
    /// The tab shown.
    pub tab: Tab,
    /// The folded codes: each counts its subtree in one row (every parent at first).
    pub fold: BTreeSet<String>,
    /// Every code of the library, full names, in name order.
    pub codes: Vec<String>,
    /// Every code with codes under it, at every level.
    pub parents: BTreeSet<String>,
    /// The authors of the library's segments, to pick from.
    pub authors: Vec<String>,
    /// Only segments by this author count (every author's when `None`).
    pub author: Option<String>,
    /// The agreement tab's two coders, numbers into `authors`.
    pub coders: (usize, usize),
    /// When two highlights meet in the co-occurrence tab: overlapping, or in one paragraph.
    pub near: Near,
    /// The timeline's periods.
    pub by: By,
    /// The timeline shows only this code (a full name) and those under it.
    pub code: Option<String>,
    /// The selected row (a code) of the matrix or co-occurrence.
    pub row: usize,
    /// The selected column (a brief, a code, or a period).
    pub col: usize,
    /// The first row on screen.
    pub top: usize,
    /// The first column on screen.
    pub left: usize,
    /// The code filter being typed (Tab completes from the codebook), while it is open.
    pub ask: Option<String>,
    /// The drill-down list, while it is open.
    pub segments: Option<Segments>,
    /// Terminal size.
    pub size: (u16, u16),
    /// The status bar's messages.
    pub status: Status,
    /// The keys hints name.
    pub hints: Hints,
}

/// Columns the code names take in the grids.
pub const NAME_COLUMNS: u16 = 22;
/// Columns one cell of a grid takes.
pub const CELL_COLUMNS: u16 = 5;

/// Columns one bar of the timeline takes: its period's label and a gap.
pub fn bar_columns(by: By) -> u16 {
    match by {
        By::Day => 11,
        By::Week => 9,
        By::Month => 8,
    }
}

impl Analysis {
    /// The analysis of the library in `root`, before it has been read.
    pub fn new(root: PathBuf, keymap: &Keymap) -> Self {
        Self::with_hints(root, Hints::new(keymap))
    }

    /// The same, naming keys as `hints` do.
    pub fn with_hints(root: PathBuf, hints: Hints) -> Self {
        Self {
            root,
            library: None,
            computed: Computed::default(),
            skipped: 0,
            tab: Tab::Matrix,
            fold: BTreeSet::new(),
            codes: Vec::new(),
            parents: BTreeSet::new(),
            authors: Vec::new(),
            author: None,
            coders: (0, 1),
            near: Near::Overlap,
            by: By::Month,
            code: None,
            row: 0,
            col: 0,
            top: 0,
            left: 0,
            ask: None,
            segments: None,
            size: (0, 0),
            status: Status::default(),
            hints,
        }
    }

    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        if self.ask.is_some() {
            Mode::Prompt
        } else {
            Mode::Analysis
        }
    }

    /// The codes the typed filter completes to, best first: every code and every parent.
    pub fn completions(&self) -> Vec<&str> {
        let typed = self.ask.as_deref().unwrap_or_default();
        let all: Vec<&str> = self
            .codes
            .iter()
            .chain(self.parents.iter().filter(|p| !self.codes.contains(p)))
            .map(String::as_str)
            .collect();
        super::completion::best(typed.trim(), &all)
    }

    /// Takes in the library and computes every tab.
    pub fn take(&mut self, library: Library) {
        self.authors = crate::analysis::authors(&library);
        let author = self.author.take();
        // The author picked stays picked when the library is read again, if still there.
        self.author = author.and_then(|a| {
            self.authors
                .iter()
                .find(|b| crate::analysis::same_author(&a, b))
                .cloned()
        });
        self.codes = Codes::of(&library, &Scope::default()).names;
        let first = self.library.is_none();
        self.parents = crate::analysis::parents(&self.codes);
        if first {
            self.fold = self.parents.clone();
        } else {
            // Codes gone since (renamed, deleted) are no longer folded.
            self.fold.retain(|c| self.parents.contains(c));
        }
        self.library = Some(Arc::new(library));
        self.recompute();
    }

    /// Computes the matrix, co-occurrence and timeline again for the author picked.
    pub(super) fn recompute(&mut self) {
        let Some(library) = self.library.clone() else {
            return;
        };
        self.computed.matrix = matrix(&library, &self.scope());
        self.recount_cooccurrence();
        self.retime();
        self.reagree();
        self.clamp();
    }

    /// The two coders of the agreement tab, when the library has two.
    pub fn coder_names(&self) -> Option<(&str, &str)> {
        let a = self.authors.get(self.coders.0)?;
        let b = self.authors.get(self.coders.1)?;
        Some((a, b))
    }

    /// Computes the agreement of the two coders picked again (every author's segments,
    /// codes in full, as `gloss analyse --view agreement --authors A,B`).
    fn reagree(&mut self) {
        self.computed.agreement = match (&self.library, self.coder_names()) {
            (Some(library), Some((a, b))) => agreement(library, &Scope::default(), a, b),
            _ => Vec::new(),
        };
    }

    /// Picks the next author as the first coder (`first`) or the second, never the other.
    pub(super) fn next_coder(&mut self, first: bool) {
        let n = self.authors.len();
        if n < 2 {
            return;
        }
        let (mine, other) = if first {
            (self.coders.0, self.coders.1)
        } else {
            (self.coders.1, self.coders.0)
        };
        let mut next = (mine + 1) % n;
        if next == other {
            next = (next + 1) % n;
        }
        if first {
            self.coders.0 = next;
        } else {
            self.coders.1 = next;
        }
        self.reagree();
        self.clamp();
    }

    /// The segments the grids count: the author picked's, or everyone's.
    pub fn scope(&self) -> Scope {
        Scope {
            author: self.author.clone(),
            fold: Fold::Codes(self.fold.clone()),
            ..Scope::default()
        }
    }

    /// Computes the timeline again for the period, code and author chosen.
    pub(super) fn retime(&mut self) {
        if let Some(library) = &self.library {
            let scope = Scope {
                code: self.code.clone(),
                author: self.author.clone(),
                ..Scope::default()
            };
            self.computed.timeline = timeline(library, &scope, self.by);
        }
    }

    /// Picks the next author of the library (after the last: every author).
    pub(super) fn next_author(&mut self) {
        let now = self
            .author
            .as_ref()
            .and_then(|a| self.authors.iter().position(|b| b == a));
        let next = now.map_or(0, |i| i + 1);
        self.author = self.authors.get(next).cloned();
        self.recompute();
    }

    /// Counts highlights in one paragraph as meeting too, or only overlapping ones again
    /// (only the co-occurrence changes).
    pub(super) fn toggle_paragraph(&mut self) {
        self.near = match self.near {
            Near::Overlap => Near::Paragraph,
            Near::Paragraph => Near::Overlap,
        };
        self.recount_cooccurrence();
        self.clamp();
    }

    /// The co-occurrence table again, for the scope and the meeting rule now.
    fn recount_cooccurrence(&mut self) {
        if let Some(library) = &self.library {
            self.computed.cooccurrence = cooccurrence(library, &self.scope(), self.near);
        }
    }

    /// When two highlights meet, as the tab row and the status say it.
    pub fn near_name(&self) -> &'static str {
        match self.near {
            Near::Overlap => "overlapping",
            Near::Paragraph => "in one paragraph",
        }
    }

    /// How codes are folded, as the tab row says it.
    pub fn fold_name(&self) -> &'static str {
        match (self.fold.is_empty(), self.fold == self.parents) {
            (true, _) => "unfolded",
            (false, true) => "folded",
            (false, false) => "partly folded",
        }
    }

    /// Folds every code with codes under it, or unfolds them all when some are folded.
    pub(super) fn toggle_fold_all(&mut self) {
        let name = self.row_name();
        if self.fold.is_empty() {
            self.fold = self.parents.clone();
        } else {
            self.fold.clear();
        }
        self.recompute();
        self.select(name.as_deref());
    }

    /// Unfolds the folded code under the cursor, or folds the code's parent onto it;
    /// what happened, to say.
    pub(super) fn toggle_fold_here(&mut self) -> Option<String> {
        let name = self.row_name()?;
        let (text, keep) = if self.fold.remove(&name) {
            (format!("{name} unfolded"), name)
        } else if let Some((parent, _)) = name.rsplit_once('/') {
            self.fold.insert(parent.to_string());
            (format!("{parent} folded"), parent.to_string())
        } else {
            return Some(format!("no codes under {name}"));
        };
        self.recompute();
        self.select(Some(&keep));
        Some(text)
    }

    /// The code of the selected row of the grid tabs.
    fn row_name(&self) -> Option<String> {
        let codes = match self.tab {
            Tab::Cooccurrence => &self.cooccurrence().codes,
            _ => &self.matrix().codes,
        };
        codes.get(self.row).cloned()
    }

    /// Puts the cursor on `name`'s row, or the first row under it.
    fn select(&mut self, name: Option<&str>) {
        let Some(name) = name else { return };
        let codes = match self.tab {
            Tab::Cooccurrence => &self.cooccurrence().codes,
            _ => &self.matrix().codes,
        };
        let under = |c: &String| {
            c == name
                || c.strip_prefix(name).is_some_and(|r| r.starts_with('/'))
                || name
                    .strip_prefix(c.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        };
        if let Some(row) = codes.iter().position(under) {
            self.row = row;
            self.clamp();
        }
    }

    /// Whether the row's code is folded with codes under it hidden.
    pub fn is_folded(&self, code: &str) -> bool {
        self.fold.contains(code)
    }

    /// The author filter as the title names it.
    pub fn author_name(&self) -> &str {
        self.author.as_deref().unwrap_or("all")
    }

    /// The matrix shown.
    pub fn matrix(&self) -> &Matrix {
        &self.computed.matrix
    }

    /// The co-occurrence table shown.
    pub fn cooccurrence(&self) -> &Cooccurrence {
        &self.computed.cooccurrence
    }

    /// Rows and columns of the tab shown.
    pub fn extent(&self) -> (usize, usize) {
        match self.tab {
            Tab::Matrix => (self.matrix().codes.len(), self.matrix().briefs.len()),
            Tab::Cooccurrence => {
                let n = self.cooccurrence().codes.len();
                (n, n)
            }
            Tab::Timeline => (1, self.computed.timeline.periods.len()),
            Tab::Agreement => (self.computed.agreement.len(), 1),
        }
    }

    /// Grid rows on screen: the terminal less the tabs, the header and the status bar.
    pub fn height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3))
    }

    /// Grid columns (or timeline bars) on screen.
    pub fn width(&self) -> usize {
        if self.tab == Tab::Timeline {
            return usize::from(self.size.0 / bar_columns(self.by)).max(1);
        }
        let room = self.size.0.saturating_sub(NAME_COLUMNS);
        usize::from(room / CELL_COLUMNS).max(1)
    }

    /// Keeps the selection inside the tab (the triangle, for co-occurrence) and on screen.
    pub(super) fn clamp(&mut self) {
        let (rows, cols) = self.extent();
        self.row = self.row.min(rows.saturating_sub(1));
        self.col = self.col.min(cols.saturating_sub(1));
        if self.tab == Tab::Cooccurrence {
            self.col = self.col.min(self.row);
        }
        self.top = super::listing::reveal(self.top, self.row, self.height(), 0);
        self.left = super::listing::reveal(self.left, self.col, self.width(), 0);
        if self.tab == Tab::Timeline {
            self.top = 0;
        }
    }

    pub(super) fn next_tab(&mut self) {
        self.tab = self.tab.next();
        self.clamp();
    }
}
