//! Reading actions: scrolling, paragraph jumps, repeated search, the repeat toggle.

use super::Reader;
use super::scan::{Purpose, Scan};
use super::viewport::Placement;
use crate::app::Level;
use crate::input::Action;
use crate::layout::{Layout, Measured};

/// Bytes of text from which a new column width is measured off the reader's thread (about
/// 6 ms of measuring for ASCII prose, 18 ms with non-ASCII words).
pub const MEASURE_OFF_THREAD: usize = 2 * 1024 * 1024;

/// A big brief measured again at a new width off the loop's thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Remeasure {
    /// The column width the layout should have (the old layout is drawn until then).
    pub wanted: Option<usize>,
    /// The width being measured now, if any: one at a time.
    pub out: Option<usize>,
}

impl Reader {
    /// Lays the brief out again if the column width changed, keeping the text at the top of
    /// the screen in place. A big brief that is wholly read is measured again off the
    /// reader's thread (an `Effect::Measure`); until then the old layout is drawn,
    /// clipped to the new column.
    pub fn relayout(&mut self) {
        let width = usize::from(self.geometry().column.width).max(1);
        if self.layout.width() != width || self.layout.item_count() == 0 {
            let off_thread = !self.is_loading()
                && self.layout.item_count() > 0
                && self.doc.text().len() >= MEASURE_OFF_THREAD;
            if off_thread {
                self.remeasure.wanted = Some(width);
            } else {
                self.remeasure.wanted = None;
                self.rebuild(width);
                self.restore_saved_position();
            }
        }
        self.top = self.top.min(self.max_top());
        self.follow_cursor();
    }

    /// After the view changed shape: scrolls so the caret is on screen. A resize moves the
    /// view to the caret, never the caret to the view, so no size (however small, however
    /// briefly) loses the place the user was at.
    fn follow_cursor(&mut self) {
        if self.geometry().too_small || self.doc.is_empty() {
            return;
        }
        let row = self.layout.row_of(&self.doc, self.cursor);
        self.reveal(row, Placement::Nearest);
    }

    /// The width to measure the brief at off the reader's thread, if one is wanted and none
    /// is being measured; marks it as being measured.
    pub(super) fn wants_measuring(&mut self) -> Option<usize> {
        let width = self.remeasure.wanted?;
        if self.remeasure.out.is_some() {
            return None;
        }
        self.remeasure.out = Some(width);
        Some(width)
    }

    /// Heights measured off the reader's thread arrived: the layout takes them if they are
    /// for the width wanted now (a later resize asks for another measuring).
    pub(super) fn measured(&mut self, measured: Measured) {
        self.remeasure.out = None;
        if self.remeasure.wanted != Some(measured.width_of()) {
            return;
        }
        self.remeasure.wanted = None;
        let anchor = self.layout.pin_at(&self.doc, self.top).offset;
        self.layout = Layout::measured(&self.doc, measured, self.show_repeats);
        self.top = self.layout.row_of(&self.doc, anchor).min(self.max_top());
        self.follow_cursor();
    }

    /// Shows the saved reading position at the top, once the text it points into is in.
    pub(super) fn restore_saved_position(&mut self) {
        let Some(position) = self.restore_position else {
            return;
        };
        if self.is_loading() && position > self.doc.char_len() {
            return;
        }
        let offset = self.doc.byte_offset(position);
        let row = self.layout.row_of(&self.doc, offset);
        // While reading, wait until a whole screen below the position is in.
        if self.is_loading() && row > self.max_top() {
            return;
        }
        self.restore_position = None;
        self.top = row.min(self.max_top());
        self.cursor = self.layout.pin_at(&self.doc, self.top).offset;
    }

    /// Work between keys: the next slice of a running search.
    pub(super) fn work(&mut self) {
        if self.scan_can_step() {
            self.scan_step();
        }
    }

    /// True while there is work for [`Event::Work`](super::Event::Work) steps.
    pub fn has_work(&self) -> bool {
        self.scan_can_step()
    }

    fn rebuild(&mut self, width: usize) {
        let anchor =
            (self.layout.item_count() > 0).then(|| self.layout.pin_at(&self.doc, self.top));
        self.layout = Layout::new(&self.doc, width, self.show_repeats);
        if let Some(anchor) = anchor {
            self.top = self.layout.row_of(&self.doc, anchor.offset);
        }
    }

    /// Re-flows the layout after `show_repeats` changed: heights do not change, only the
    /// flow of items does.
    pub(super) fn reflow(&mut self) {
        let anchor = self.layout.pin_at(&self.doc, self.top).offset;
        self.layout.reflow(&self.doc, self.show_repeats);
        self.top = self.layout.row_of(&self.doc, anchor).min(self.max_top());
        self.keep_cursor_visible();
    }

    /// `z`.
    pub fn toggle_repeats(&mut self) {
        if self.doc.repeats().is_empty() {
            self.say(Level::Info, "no repeated paragraphs in this brief");
            return;
        }
        self.show_repeats = !self.show_repeats;
        self.reflow();
        let text = if self.show_repeats {
            "showing repeated paragraphs"
        } else {
            "repeated paragraphs hidden"
        };
        self.say(Level::Info, text);
    }

    /// `G`.
    pub fn go_to_end(&mut self) {
        self.top = self.max_top();
        let total = self.layout.total_rows();
        let last = self.layout.lines(&self.doc, total.saturating_sub(1)..total);
        self.cursor = last.iter().find_map(|l| self.line_start(l)).unwrap_or(0);
    }

    /// `}` and `{` while reading: the cursor to the next or previous paragraph.
    pub fn jump_paragraph(&mut self, forward: bool) {
        if self.doc.is_empty() {
            return;
        }
        let item = self.layout.item_of_block(self.doc.block_at(self.cursor));
        let start = self.item_start(item).unwrap_or(0);
        // Items without text of their own (the front-matter line) are passed over.
        let target = if forward {
            (item + 1..self.layout.item_count()).find_map(|i| self.item_start(i))
        } else if self.cursor > start {
            Some(start)
        } else {
            (0..item).rev().find_map(|i| self.item_start(i))
        };
        if let Some(offset) = target {
            self.move_cursor(offset, Placement::Top);
        }
    }

    /// `n` and `N`.
    pub fn repeat_search(&mut self, forward: bool) {
        let Some(search) = self.search.clone() else {
            let search = self.hints.key(self.mode(), Action::Search);
            self.say(
                Level::Info,
                &format!("no search yet: press {search} to search"),
            );
            return;
        };
        let scan = if forward {
            let next = self.doc.text()[self.cursor..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            Scan::forward(search, self.cursor + next)
        } else {
            Scan::backward(search, self.cursor)
        };
        self.start_scan(scan, Purpose::Repeat);
    }
}
