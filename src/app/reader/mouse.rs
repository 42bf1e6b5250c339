//! Mouse selection: press-drag-release selects, a double click a word, a triple click a
//! paragraph. Dragging past the top or bottom edge scrolls.

use super::Reader;
use super::layer::{Layer, Visual};
use super::selection::Selection;
use crate::document::motion;

/// A press of the mouse button, until it is released: where it went down, and the highlight
/// waiting to be re-attached to the selection a drag makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drag {
    /// The text offset under the press.
    pub from: usize,
    /// The highlight `r` is re-attaching, if any.
    pub reattach: Option<uuid::Uuid>,
}

impl Reader {
    /// The character under screen cell (`x`, `y`), if the cell shows text. Cells left or right
    /// of the text column count as its first or last column.
    pub fn offset_at_screen(&self, x: u16, y: u16) -> Option<usize> {
        let g = self.geometry();
        let column = g.column;
        if y < column.y || y >= column.bottom() || x >= g.reader.right() {
            return None;
        }
        let row = self.top + usize::from(y - column.y);
        let (item, _) = self.layout.item_at_row(row)?;
        let block = match self.layout.item(item)? {
            crate::layout::Item::Block(b) => b as usize,
            crate::layout::Item::Collapsed(_) | crate::layout::Item::Meta => return None,
        };
        let prefix = crate::layout::prefix_width(self.doc.prefix(block));
        let col = usize::from(x.saturating_sub(column.x)).saturating_sub(prefix);
        self.offset_at(row, col)
    }

    /// A press: `clicks` is 1, 2 or 3 for single, double and triple clicks.
    pub fn mouse_down(&mut self, x: u16, y: u16, clicks: u8) {
        if matches!(
            self.layer,
            Layer::Note(_) | Layer::Prompt(_) | Layer::Help(_)
        ) {
            return;
        }
        let Some(at) = self.offset_at_screen(x, y) else {
            return;
        };
        let text = self.doc.text();
        self.cursor = at;
        match clicks {
            1 => {
                let reattach = self.waiting_reattach();
                self.layer = Layer::Text;
                self.drag = Some(Drag { from: at, reattach });
            }
            2 => self.select_bytes(motion::word_around(text, at)),
            _ => self.select_bytes(motion::paragraph(text, at)),
        }
    }

    fn select_bytes(&mut self, range: std::ops::Range<usize>) {
        let text = self.doc.text();
        if range.is_empty() {
            return;
        }
        let head = motion::prev_grapheme(text, range.end).max(range.start);
        let reattach = self.waiting_reattach();
        self.layer = Layer::Visual(Visual {
            selection: Selection {
                anchor: range.start,
                head,
            },
            reattach,
        });
        self.cursor = head;
        self.drag = None;
    }

    /// A drag: extends a selection from the press, scrolling when past an edge.
    pub fn mouse_drag(&mut self, x: u16, y: u16) {
        let Some(Drag { from, reattach }) = self.drag else {
            return;
        };
        let column = self.geometry().column;
        let y = if y < column.y {
            self.scroll_by(-1);
            column.y
        } else if y >= column.bottom() {
            self.scroll_by(1);
            column.bottom().saturating_sub(1)
        } else {
            y
        };
        if let Some(at) = self.offset_at_screen(x, y) {
            self.layer = Layer::Visual(Visual {
                selection: Selection {
                    anchor: from,
                    head: at,
                },
                reattach,
            });
            self.cursor = at;
        }
    }

    /// A release ends the drag; the selection stays for a colour key.
    pub fn mouse_up(&mut self) {
        self.drag = None;
    }

    /// The highlight waiting to be re-attached to the selection being made, by keys or by
    /// the mouse.
    fn waiting_reattach(&self) -> Option<uuid::Uuid> {
        match &self.layer {
            Layer::Visual(v) => v.reattach,
            _ => self.drag.and_then(|d| d.reattach),
        }
    }
}
