//! The end of a brief shown before the rest is read: `G` on a huge brief still being read
//! shows its last lines at once (read straight from the end of the file), as text only,
//! until reading catches up; then the reader takes over at the same place.

use super::Reader;
use super::loading::Piece;
use crate::document::Document;
use crate::layout::Layout;

/// Unread bytes worth reading the end for: less than this is read from the start in about
/// the time `G` may take.
pub const TAIL_WORTH: u64 = 8 * 1024 * 1024;
/// Bytes read from the end of the file for the early view.
pub const TAIL_BYTES: u64 = 64 * 1024;

/// The last lines of the file, laid out, and the row at the top of the screen.
#[derive(Debug, Clone)]
pub struct Tail {
    /// The lines, parsed as a later piece of the brief.
    pub doc: Document,
    /// Their layout at the column width.
    pub layout: Layout,
    /// First row shown.
    pub top: usize,
}

impl Tail {
    fn max_top(&self, height: usize) -> usize {
        self.layout.total_rows().saturating_sub(height)
    }
}

impl Reader {
    /// True when `G` should read the end of the file rather than wait for it.
    pub(super) fn tail_worth_reading(&self) -> bool {
        self.tail.is_none()
            && self
                .loading
                .is_some_and(|l| l.total.saturating_sub(l.read) >= TAIL_WORTH)
    }

    /// The end of the file arrived: shown if the reader still waits for the end.
    pub(super) fn show_tail(&mut self, piece: Piece) {
        if !self.loading.is_some_and(|l| l.follow_end) || piece.doc.is_empty() {
            return;
        }
        let layout = Layout::new(&piece.doc, self.layout.width(), false);
        let mut tail = Tail {
            doc: piece.doc,
            layout,
            top: 0,
        };
        tail.top = tail.max_top(self.view_height());
        self.tail = Some(tail);
    }

    /// Scrolls the early view of the end; at its end it follows the end of the brief again.
    pub(super) fn scroll_tail(&mut self, delta: isize) {
        let height = self.view_height();
        let Some(tail) = self.tail.as_mut() else {
            return;
        };
        tail.top = tail
            .top
            .saturating_add_signed(delta)
            .min(tail.max_top(height));
        let at_end = tail.top == tail.max_top(height);
        if let Some(loading) = self.loading.as_mut() {
            loading.follow_end = at_end;
        }
    }

    /// Lays the early view out again at a new width, keeping its top line.
    pub(super) fn relayout_tail(&mut self) {
        let width = self.layout.width();
        let height = self.view_height();
        let Some(tail) = self.tail.as_mut() else {
            return;
        };
        let anchor = tail.layout.pin_at(&tail.doc, tail.top).offset;
        tail.layout = Layout::new(&tail.doc, width, false);
        tail.top = tail
            .layout
            .row_of(&tail.doc, anchor)
            .min(tail.max_top(height));
    }

    /// Leaves the early view for another key: the reader shows the same place in the whole
    /// brief when it is all there, else the end of what is read.
    pub(super) fn leave_tail(&mut self) {
        if let Some(tail) = self.tail.take() {
            let following = self.loading.is_none_or(|l| l.follow_end);
            self.land(&tail, following);
            self.stop_following();
        }
    }

    /// Moves the reader to where the early view was: the end when it was `following` it,
    /// else the same line, found in the whole brief.
    pub(super) fn land(&mut self, tail: &Tail, following: bool) {
        let text = self.doc.text();
        // The end of the file is the end of the brief: its text is the brief's last bytes.
        let base = text
            .ends_with(tail.doc.text())
            .then(|| text.len() - tail.doc.text().len());
        match base {
            Some(base) if !following => {
                let offset = base + tail.layout.pin_at(&tail.doc, tail.top).offset;
                self.top = self.layout.row_of(&self.doc, offset).min(self.max_top());
                self.cursor = self.layout.pin_at(&self.doc, self.top).offset;
            }
            _ => self.go_to_end(),
        }
    }
}
