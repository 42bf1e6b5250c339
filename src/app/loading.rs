//! A brief that is still being read: pieces arrive and are laid out as they come, the status
//! bar shows how far reading has got, and a jump to the end follows the text as it grows.

use std::sync::Arc;

use super::state::{Level, State};
use crate::document::Document;
use crate::layout::Measured;

/// How far reading a brief in pieces has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// Bytes of the file read so far.
    pub read: u64,
    /// The file's size in bytes.
    pub total: u64,
    /// Set by `G` while reading: the view stays at the end as the text grows.
    pub follow_end: bool,
}

impl Loading {
    /// Reading has begun on a file of `total` bytes, `read` of them already in.
    pub fn new(read: u64, total: u64) -> Self {
        Self {
            read,
            total,
            follow_end: false,
        }
    }

    /// Percent of the file read, 0-100.
    pub fn percent(&self) -> u64 {
        if self.total == 0 {
            return 100;
        }
        (self.read.min(self.total) * 100) / self.total
    }
}

/// A piece of a brief read off the reader's thread: its blocks, their heights if they were
/// measured there, and how many bytes of the file have been read with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The piece, parsed with [`Document::parse_continuation`].
    pub doc: Document,
    /// Its blocks measured at the column width the reader had when it was read.
    pub measured: Option<Measured>,
    /// Bytes of the file read so far, this piece included.
    pub read: u64,
}

impl State {
    /// True while the brief is still being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Adds a piece of the brief to the document and the layout.
    pub(super) fn load_piece(&mut self, piece: Piece) {
        let Piece {
            doc,
            measured,
            read,
        } = piece;
        // Unique while reading: nothing shares the document before it is whole.
        Arc::make_mut(&mut self.doc).append(doc);
        // Before the first resize there is no layout yet; the resize lays out everything.
        if self.layout.width() > 0 {
            self.layout.extend(&self.doc, measured);
        }
        if let Some(loading) = self.loading.as_mut() {
            loading.read = read;
        }
        self.after_growth();
    }

    /// The whole brief is in: repeated runs are found and collapsed, the view kept in place.
    pub(super) fn load_done(&mut self) {
        let follow = self.loading.take().is_some_and(|l| l.follow_end);
        let tail = self.tail.take();
        let anchor = (!self.layout.items().is_empty())
            .then(|| self.layout.anchor_at(&self.doc, self.top).offset);
        Arc::make_mut(&mut self.doc).find_repeats();
        if !self.doc.repeats().is_empty() && self.layout.width() > 0 {
            self.layout.reflow(&self.doc, self.show_repeats);
            if let Some(offset) = anchor {
                self.top = self.layout.row_of(&self.doc, offset).min(self.max_top());
            }
        }
        match tail {
            Some(tail) => self.land(&tail, follow),
            None if follow => self.go_to_end(),
            None => {}
        }
        self.after_growth();
        self.keep_cursor_visible();
    }

    /// Reading stopped early (a read error, binary data): what was read stays readable.
    pub(super) fn load_failed(&mut self, reason: &str) {
        self.load_done();
        self.say(
            Level::Error,
            &format!("stopped reading the brief: {reason}; showing what was read"),
        );
    }

    /// After the text grew: keeps following the end, and restores the saved reading position
    /// once the text it points into is in.
    fn after_growth(&mut self) {
        if self.loading.is_some_and(|l| l.follow_end) {
            self.go_to_end();
        }
        if self.layout.width() > 0 {
            self.restore_saved_position();
        }
    }

    /// `G`: the end of the brief, and while reading, the end as it grows.
    pub(super) fn bottom(&mut self) {
        if let Some(loading) = self.loading.as_mut() {
            loading.follow_end = true;
        }
        self.go_to_end();
    }

    /// Any other movement stops following the end, and wins over a saved reading position
    /// still waiting for its text.
    pub(super) fn stop_following(&mut self) {
        if let Some(loading) = self.loading.as_mut() {
            loading.follow_end = false;
            self.restore_position = None;
        }
    }
}
