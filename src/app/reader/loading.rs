//! A brief that is still being read: pieces arrive and are laid out as they come, the status
//! bar shows how far reading has got, and a jump to the end follows the text as it grows.

use std::sync::Arc;

use super::Reader;
use crate::app::Level;
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
    /// A `%` jump waiting for the text it points into: the byte of the file it means.
    pub go_to: Option<u64>,
}

impl Loading {
    /// Reading has begun on a file of `total` bytes, `read` of them already in.
    pub fn new(read: u64, total: u64) -> Self {
        Self {
            read,
            total,
            follow_end: false,
            go_to: None,
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

impl Reader {
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
        let go_to = self
            .loading
            .and_then(|l| l.go_to.map(|byte| (byte, l.total)));
        let follow = self.loading.take().is_some_and(|l| l.follow_end);
        let tail = self.tail.take();
        let anchor =
            (self.layout.item_count() > 0).then(|| self.layout.pin_at(&self.doc, self.top).offset);
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
        if let Some((byte, total)) = go_to {
            self.go_to_share(byte, total);
        }
        self.after_growth();
        self.keep_cursor_visible();
    }

    /// Reading stopped early (a read error, binary data): what was read stays readable.
    pub(super) fn load_failed(&mut self, reason: &str) {
        self.load_done();
        self.notice(
            Level::Error,
            &format!("stopped reading: {reason}; showing what was read"),
        );
    }

    /// After the text grew: keeps following the end, and restores the saved reading position
    /// once the text it points into is in.
    fn after_growth(&mut self) {
        if self.loading.is_some_and(|l| l.follow_end) {
            self.go_to_end();
        }
        if let Some(loading) = self.loading
            && let Some(byte) = loading.go_to
            && byte <= loading.read
        {
            self.go_to_share(byte, loading.read);
            if let Some(loading) = self.loading.as_mut() {
                loading.go_to = None;
            }
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

    /// `N%`: the paragraph at that share of the brief; while it is being read, the share of
    /// the file, as soon as that much is read.
    pub(super) fn go_to_percent(&mut self, percent: u8) {
        self.stop_following();
        if percent >= 100 {
            self.bottom();
            return;
        }
        let Some(loading) = self.loading.as_mut() else {
            self.go_to_share(u64::from(percent), 100);
            return;
        };
        let byte = loading.total * u64::from(percent) / 100;
        if byte <= loading.read {
            let read = loading.read;
            self.go_to_share(byte, read);
        } else {
            loading.go_to = Some(byte);
        }
    }

    /// The start of the paragraph `part / whole` of the way through the text read so far.
    fn go_to_share(&mut self, part: u64, whole: u64) {
        let len = self.doc.text().len() as u64;
        let offset = usize::try_from(len * part / whole.max(1)).unwrap_or(usize::MAX);
        let block = self.doc.block_at(offset);
        let start = self.doc.blocks().get(block).map_or(0, |b| b.range().start);
        self.cursor = start;
        self.top = self.layout.row_of(&self.doc, start).min(self.max_top());
    }

    /// Any other movement stops following the end, and wins over a saved reading position
    /// still waiting for its text.
    pub(super) fn stop_following(&mut self) {
        if let Some(loading) = self.loading.as_mut() {
            loading.follow_end = false;
            loading.go_to = None;
            self.restore_position = None;
        }
    }
}
