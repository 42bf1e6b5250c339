//! Selecting text: a selection is two character positions of the normalised text (never screen
//! rows), so it survives resizes and the repeat toggle. The head is inclusive, as in vim.

use std::ops::Range;

use super::Reader;
use super::layer::{Layer, Visual};
use super::viewport::Placement;
use crate::document::motion;
use crate::input::Action;

/// Two ends of a selection, as byte offsets of characters in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection began.
    pub anchor: usize,
    /// The end that moves (and where the cursor is).
    pub head: usize,
}

impl Selection {
    /// A one-character selection at `offset`.
    pub fn at(offset: usize) -> Self {
        Self {
            anchor: offset,
            head: offset,
        }
    }

    /// The selected bytes: from the earlier end through the whole character at the later end.
    pub fn range(&self, text: &str) -> Range<usize> {
        let (a, b) = (self.anchor.min(self.head), self.anchor.max(self.head));
        a..motion::next_grapheme(text, b.min(text.len())).max(a)
    }
}

impl Reader {
    /// Starts selecting at the cursor.
    pub fn start_selection(&mut self) {
        if self.doc.is_empty() {
            return;
        }
        let at = self.cursor.min(motion::last_grapheme(self.doc.text()));
        self.select(Selection::at(at));
    }

    /// Selecting `selection`; a highlight waiting to be re-attached stays waiting.
    pub(super) fn select(&mut self, selection: Selection) {
        let reattach = match &self.layer {
            Layer::Visual(v) => v.reattach,
            _ => None,
        };
        self.layer = Layer::Visual(Visual {
            selection,
            reattach,
        });
    }

    /// Selects the whole paragraph under the cursor (or the selection's head).
    pub fn select_paragraph(&mut self) {
        if self.doc.is_empty() {
            return;
        }
        let text = self.doc.text();
        let para = motion::paragraph(text, self.cursor);
        let head = motion::prev_grapheme(text, para.end).max(para.start);
        self.select(Selection {
            anchor: para.start,
            head,
        });
        self.cursor = head;
    }

    /// Leaves selecting without making anything.
    pub fn cancel_selection(&mut self) {
        if matches!(self.layer, Layer::Visual(_)) {
            self.layer = Layer::Text;
        }
    }

    /// Ends selecting: the selection and the highlight waiting to be re-attached to it.
    pub(super) fn take_selection(&mut self) -> Option<Visual> {
        match std::mem::take(&mut self.layer) {
            Layer::Visual(v) => Some(v),
            other => {
                self.layer = other;
                None
            }
        }
    }

    /// Moves the selection's head by a motion action; returns false for other actions.
    pub fn extend_selection(&mut self, action: Action) -> bool {
        let Some(mut sel) = self.selection() else {
            return false;
        };
        let text = self.doc.text();
        let head = sel.head;
        sel.head = match action {
            Action::MoveLeft => motion::left(text, head),
            Action::MoveRight => motion::right(text, head),
            Action::WordNext => motion::word_next(text, head),
            Action::WordEnd => motion::word_end(text, head),
            Action::WordBack => motion::word_back(text, head),
            Action::SentenceNext => motion::sentence_next(text, head),
            Action::SentencePrev => motion::sentence_prev(text, head),
            Action::ParagraphEnd => motion::paragraph_end(text, head),
            Action::ParagraphStart => motion::paragraph_start(text, head),
            Action::LineDown => self.vertical(head, 1),
            Action::LineUp => self.vertical(head, -1),
            Action::LineStart => self.row_bounds(head).0,
            Action::LineEnd => self.row_bounds(head).1,
            Action::SwapEnds => {
                std::mem::swap(&mut sel.anchor, &mut sel.head);
                sel.head
            }
            _ => return false,
        };
        self.select(sel);
        self.move_cursor(sel.head, Placement::Nearest);
        true
    }

    /// The character `rows` screen rows below (or above) `offset`, at the same column.
    fn vertical(&self, offset: usize, rows: isize) -> usize {
        let column = self.column_of(offset);
        let mut row = self.layout.row_of(&self.doc, offset);
        let total = self.layout.total_rows();
        loop {
            row = match row.checked_add_signed(rows) {
                Some(r) if r < total => r,
                _ => return offset,
            };
            if let Some(found) = self.offset_at(row, column) {
                return found;
            }
        }
    }

    /// First and last character of the screen row showing `offset`.
    fn row_bounds(&self, offset: usize) -> (usize, usize) {
        let row = self.layout.row_of(&self.doc, offset);
        match self.layout.lines(&self.doc, row..row + 1).first() {
            Some(crate::layout::Line::Text { range, .. }) => {
                let text = self.doc.text();
                let last = motion::prev_grapheme(text, range.end).max(range.start);
                (range.start, last)
            }
            _ => (offset, offset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_is_inclusive() {
        let text = "rates rose";
        assert_eq!(Selection { anchor: 0, head: 4 }.range(text), 0..5);
        assert_eq!(Selection { anchor: 4, head: 0 }.range(text), 0..5);
        assert_eq!(Selection { anchor: 9, head: 9 }.range(text), 9..10);
        assert_eq!(Selection::at(0).range(""), 0..0);
        assert_eq!(Selection { anchor: 0, head: 2 }.range("é!"), 0..3);
    }
}
