//! Scrolling and the caret: keeping the view inside the brief and the caret inside the view.

use super::Reader;
use crate::layout::{Item, Line};

/// Where to put a row that must become visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// At the top of the view.
    Top,
    /// In the middle of the view.
    Center,
    /// Scroll as little as possible.
    Nearest,
}

impl Reader {
    /// The largest useful scroll row: the last row at the bottom of the view.
    pub fn max_top(&self) -> usize {
        self.layout.total_rows().saturating_sub(self.view_height())
    }

    /// Scrolls by `delta` rows and pulls the caret into view.
    pub fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max_top());
        self.keep_cursor_visible();
    }

    /// Scrolls so `row` is visible, placing it as asked when it is not.
    pub fn reveal(&mut self, row: usize, placement: Placement) {
        let h = self.view_height();
        if row >= self.top && row < self.top + h {
            return;
        }
        let top = match placement {
            Placement::Top => row,
            Placement::Center => row.saturating_sub(h / 2),
            Placement::Nearest if row < self.top => row,
            Placement::Nearest => row + 1 - h.max(1),
        };
        self.top = top.min(self.max_top());
    }

    /// Moves the caret to `offset` and scrolls it into view.
    pub fn move_cursor(&mut self, offset: usize, placement: Placement) {
        self.cursor = offset.min(self.doc.text().len());
        let row = self.layout.row_of(&self.doc, self.cursor);
        self.reveal(row, placement);
    }

    /// Text offset where a visible line starts (a collapsed marker counts as its first hidden
    /// block).
    pub fn line_start(&self, line: &Line) -> Option<usize> {
        match line {
            Line::Text { range, .. } => Some(range.start),
            Line::Collapsed(r) => self.repeat_start(*r),
            Line::Gap | Line::Meta => None,
        }
    }

    fn repeat_start(&self, repeat: usize) -> Option<usize> {
        let r = self.doc.repeats().get(repeat)?;
        self.doc.blocks().get(r.copy.start).map(|b| b.range().start)
    }

    /// Text offset where item `i` starts.
    pub fn item_start(&self, i: usize) -> Option<usize> {
        match self.layout.item(i)? {
            Item::Block(b) => self.doc.blocks().get(b as usize).map(|b| b.range().start),
            Item::Collapsed(r) => self.repeat_start(r as usize),
            Item::Meta => None,
        }
    }

    /// Display column of `offset` within its screen row.
    pub fn column_of(&self, offset: usize) -> usize {
        use unicode_width::UnicodeWidthStr;
        let row = self.layout.row_of(&self.doc, offset);
        match self.layout.lines(&self.doc, row..row + 1).first() {
            Some(Line::Text { range, .. }) if offset >= range.start => {
                self.doc.text()[range.start..offset.min(range.end)].width()
            }
            _ => 0,
        }
    }

    /// The character shown at display column `column` of screen row `row` (the row's last
    /// character when the column is past its end); `None` for gaps and markers.
    pub fn offset_at(&self, row: usize, column: usize) -> Option<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::UnicodeWidthStr;
        let lines = self.layout.lines(&self.doc, row..row + 1);
        let Some(Line::Text { range, .. }) = lines.first() else {
            return None;
        };
        let text = &self.doc.text()[range.clone()];
        let mut x = 0;
        let mut last = range.start;
        for (i, g) in text.grapheme_indices(true) {
            let w = g.width();
            if column < x + w.max(1) {
                return Some(range.start + i);
            }
            x += w;
            last = range.start + i;
        }
        Some(last)
    }

    /// Pulls the caret onto the first (or last) visible line when scrolling left it outside.
    pub fn keep_cursor_visible(&mut self) {
        let h = self.view_height();
        if h == 0 || self.doc.is_empty() {
            return;
        }
        let row = self.layout.row_of(&self.doc, self.cursor);
        let lines = || self.layout.lines(&self.doc, self.top..self.top + h);
        let target = if row < self.top {
            lines().iter().find_map(|l| self.line_start(l))
        } else if row >= self.top + h {
            lines().iter().rev().find_map(|l| self.line_start(l))
        } else {
            None
        };
        if let Some(offset) = target {
            self.cursor = offset;
        }
    }
}
