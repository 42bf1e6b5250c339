//! Notes across the library: every annotation of every brief in one list, grouped by brief
//! or by tag, narrowed by a filter (`#tag`, `color:red`, `status:fuzzy` and free text);
//! Enter opens the brief at the highlight, and leaving the reader comes back here.

mod filter;
mod update;

pub use update::update;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};

use super::{Hints, Status};
use crate::annotation::query::Query;
use crate::input::{Keymap, Mode};
use crate::store::library::Note;

/// While the notes arrive, the list is grouped and filtered again at most this often.
pub const REGROUP: SignedDuration = SignedDuration::from_millis(100);

/// One line of the list: a group's heading or an annotation (an index into `rows`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A brief's title and path, or a tag (made safe to show).
    Group(Arc<str>),
    /// An annotation.
    Entry(usize),
}

/// The notes view.
#[derive(Debug, Clone)]
pub struct Notes {
    /// The library's folder.
    pub root: PathBuf,
    /// Every annotation found, brief by brief.
    pub rows: Vec<Note>,
    /// Grouped by tag (else by brief).
    pub by_tag: bool,
    /// The filter as typed, when there is one.
    pub filter: Option<String>,
    /// True while the filter is being typed.
    pub typing: bool,
    /// The lines shown.
    pub lines: Vec<Line>,
    /// The selected line (always an entry when there is one).
    pub selected: usize,
    /// The first line on screen.
    pub top: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// True once every brief has been read.
    pub done: bool,
    /// The brief opened from here, to read again when its reader is left.
    pub opened: Option<PathBuf>,
    /// The status bar's messages.
    pub status: Status,
    /// The keys hints name.
    pub hints: Hints,
    /// When the lines were last made while the notes are still arriving, and whether rows
    /// came in since: regrouping every row for each brief's few would cost the keys.
    regrouped: Option<Timestamp>,
    ungrouped: bool,
    /// The rows the last filter kept, and that filter: a filter typed on from it looks only
    /// at those (`None` once rows came or went).
    kept: Vec<usize>,
    kept_by: Option<Query>,
    /// The rows' tags with the rows under each, made when grouping by tag or filtering by
    /// one needs them (`None` once rows came or went).
    tags: Option<filter::Tags>,
}

impl Notes {
    /// The notes of the library in `root`, before any has arrived.
    pub fn new(root: PathBuf, keymap: &Keymap) -> Self {
        Self::with_hints(root, Hints::new(keymap))
    }

    /// The same, naming keys as `hints` do.
    pub fn with_hints(root: PathBuf, hints: Hints) -> Self {
        Self {
            root,
            rows: Vec::new(),
            by_tag: false,
            filter: None,
            typing: false,
            lines: Vec::new(),
            selected: 0,
            top: 0,
            size: (0, 0),
            done: false,
            opened: None,
            status: Status::default(),
            hints,
            regrouped: None,
            ungrouped: false,
            kept: Vec::new(),
            kept_by: None,
            tags: None,
        }
    }

    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        if self.typing {
            Mode::Prompt
        } else {
            Mode::Notes
        }
    }

    /// The annotation on the selected line.
    pub fn selected_note(&self) -> Option<&Note> {
        match self.lines.get(self.selected) {
            Some(Line::Entry(i)) => self.rows.get(*i),
            _ => None,
        }
    }

    /// How many annotations are shown.
    pub fn shown(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| matches!(l, Line::Entry(_)))
            .count()
    }

    /// Lines of the list on screen (the terminal less the status bar).
    pub fn height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1))
    }

    /// The filter as a query.
    pub fn query(&self) -> Query {
        filter::parse(self.filter.as_deref().unwrap_or_default())
    }

    /// Replaces the rows of `brief` (read again after its reader was left) or adds new ones,
    /// at `now`. While the notes are still arriving the lines are made again at most every
    /// [`REGROUP`]; the last batch (or [`Notes::all_in`]) makes them whole.
    pub(super) fn take(&mut self, brief: Option<&Path>, rows: Vec<Note>, now: Timestamp) {
        if let Some(brief) = brief {
            self.rows.retain(|r| r.brief.path != brief);
        }
        self.rows.extend(rows);
        self.kept_by = None;
        self.tags = None;
        let recent = self
            .regrouped
            .is_some_and(|t| now.duration_since(t) < REGROUP);
        if !self.done && recent {
            self.ungrouped = true;
            return;
        }
        self.regrouped = Some(now);
        self.refresh();
    }

    /// Every brief's notes are in: lines left to make are made.
    pub(super) fn all_in(&mut self) {
        self.done = true;
        if std::mem::take(&mut self.ungrouped) {
            self.refresh();
        }
    }

    /// Groups and filters again, keeping the same annotation selected when it is still shown.
    pub(super) fn refresh(&mut self) {
        let keep = self.selected_note().map(|n| n.id);
        // Rows unchanged since the last lines were made: the selected row is found by its
        // place in the rows, without reading every row's id.
        let row = match self.lines.get(self.selected) {
            Some(Line::Entry(i)) if self.kept_by.is_some() => Some(*i),
            _ => None,
        };
        let query = self.query();
        let among = self
            .kept_by
            .as_ref()
            .filter(|before| query.narrows(before))
            .map(|_| self.kept.as_slice());
        // Tags also answer a text filter for each list of tags once, not for every row.
        let tagged = self.by_tag || !query.tags.is_empty() || query.text.is_some();
        if tagged && self.tags.is_none() {
            self.tags = Some(filter::Tags::of(&self.rows));
        }
        self.kept = filter::kept(&self.rows, &query, among, self.tags.as_ref());
        self.kept_by = Some(query);
        self.lines = match (&self.tags, self.by_tag) {
            (Some(tags), true) => filter::lines_by_tag(tags, &self.kept, self.rows.len()),
            _ => filter::lines(&self.rows, &self.kept, self.by_tag),
        };
        let entry = |l: &Line| matches!(l, Line::Entry(_));
        let same = match row {
            Some(row) => self.lines.iter().position(|l| *l == Line::Entry(row)),
            None => keep.and_then(|id| {
                self.lines
                    .iter()
                    .position(|l| matches!(l, Line::Entry(i) if self.rows[*i].id == id))
            }),
        };
        self.selected = same
            .or_else(|| self.lines.iter().position(entry))
            .unwrap_or(0);
        self.reveal();
    }

    /// Moves the selection by `delta` annotations (headings are passed over).
    pub(super) fn move_by(&mut self, delta: isize) {
        if !matches!(self.lines.get(self.selected), Some(Line::Entry(_))) {
            return;
        }
        let entry = |i: &usize| matches!(self.lines[*i], Line::Entry(_));
        // The |delta|-th entry that way, or the last one there is.
        let steps = delta.unsigned_abs();
        let found = if delta >= 0 {
            (self.selected + 1..self.lines.len())
                .filter(entry)
                .take(steps)
                .last()
        } else {
            (0..self.selected).rev().filter(entry).take(steps).last()
        };
        if let Some(i) = found {
            self.selected = i;
        }
        self.reveal();
    }

    /// Scrolls so the selected line is on screen, with its heading when there is room.
    pub(super) fn reveal(&mut self) {
        self.top = super::listing::reveal(self.top, self.selected, self.height(), 1);
    }
}

#[cfg(test)]
mod tests;
