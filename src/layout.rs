//! The vertical layout of a brief at one column width: a pure model that maps screen rows to
//! text offsets and back, without ever wrapping more than it is asked to draw.
//!
//! Heights are computed once per width. The first row of every [`STRIDE`]-th item is kept, so
//! finding the item at any scroll row is a binary search and a walk over at most `STRIDE`
//! heights. Items taller than [`CHECKPOINT`] rows keep the start offset of
//! every `CHECKPOINT`-th row, so drawing the end of a 5 MB paragraph wraps at most
//! `CHECKPOINT` + screen-height rows.

mod flow;
mod item;
mod measured;
pub mod wrap;

use std::collections::HashMap;
use std::ops::Range;

use crate::document::Document;
use flow::Flow;
pub use item::Item;
pub use item::{LIST_INDENT, QUOTE_INDENT, collapsed_label, prefix_width};
pub use measured::{Measured, TALL};

/// Row interval at which tall items remember a row start.
pub const CHECKPOINT: usize = 64;

/// Item interval at which the layout keeps an item's first row. Every item's first row would
/// cost 8 bytes a paragraph (1.6 MB for a 100 MiB brief); every 64th costs an eighth of a byte,
/// and a look-up adds at most 63 heights.
pub const STRIDE: usize = 64;

/// A place in the text that a screen row is pinned to, so the view keeps it through a
/// reflow: a byte in the normalised text. (Not an annotation's `Anchor`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pin {
    /// Byte offset in the normalised text.
    pub offset: usize,
}

/// One screen row of the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Row `index` of a block: the byte range of the block's text it shows.
    Text {
        /// The block shown.
        block: usize,
        /// Which of the block's rows this is.
        index: usize,
        /// Bytes of the normalised text on this row.
        range: Range<usize>,
    },
    /// The marker row of a collapsed run.
    Collapsed(usize),
    /// The front-matter line under the title.
    Meta,
    /// The blank row between items.
    Gap,
}

/// Heights and row starts of every item at one width.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    width: usize,
    show_repeats: bool,
    /// Height of every block at `width`, by block index, in 2 bytes: [`TALL`] for a block of
    /// that many rows or more, whose height is in `tall`.
    heights: Vec<u16>,
    /// Heights of the blocks of [`TALL`] rows or more (a paragraph of megabytes).
    tall: HashMap<usize, usize>,
    /// Row starts (byte offsets in the block text) every `CHECKPOINT` rows, for tall blocks.
    checkpoints: HashMap<usize, Vec<usize>>,
    items: Flow,
    /// `starts[k]` is the first row of item `k * STRIDE`.
    starts: Vec<usize>,
    /// One past the last row (the first row an item appended next would have).
    end_row: usize,
    /// The block the front-matter line counts as (see [`Layout::first_of`]).
    meta_block: usize,
    /// First hidden block of each repeat, by repeat index, for the collapsed markers.
    repeat_starts: Vec<usize>,
}

impl Layout {
    /// Lays out `doc` for a column `width` wide; repeated runs are collapsed unless
    /// `show_repeats`.
    pub fn new(doc: &Document, width: usize, show_repeats: bool) -> Self {
        let mut layout = Self {
            width: width.max(1),
            show_repeats,
            ..Self::default()
        };
        layout.extend(doc, None);
        layout
    }

    /// Lays out `doc` from heights measured elsewhere (off the reader's thread) for all its
    /// blocks.
    pub fn measured(doc: &Document, measured: Measured, show_repeats: bool) -> Self {
        let mut layout = Self {
            width: measured.width,
            show_repeats,
            ..Self::default()
        };
        layout.extend(doc, Some(measured));
        layout
    }

    /// Adds the blocks `doc` gained since this layout was made (a brief read in pieces),
    /// using `measured` when it holds exactly those blocks at this width.
    pub fn extend(&mut self, doc: &Document, measured: Option<Measured>) {
        let from = self.heights.len();
        let fresh = doc.blocks().len().saturating_sub(from);
        // The document reserves room for the blocks it expects; so does the layout, rather
        // than doubling its lists past what they need (items: one more for the front-matter
        // line).
        let expected = doc.block_capacity().saturating_sub(from);
        self.heights.reserve_exact(expected);
        self.items.reserve_exact(expected + 1);
        self.starts.reserve_exact((expected + 1) / STRIDE + 1);
        let measured = match measured {
            Some(m) if m.width == self.width && m.heights.len() == fresh => m,
            _ => Measured::blocks(doc, from, self.width),
        };
        self.heights.extend_from_slice(&measured.heights);
        self.tall
            .extend(measured.tall.into_iter().map(|(b, h)| (b + from, h)));
        self.checkpoints.extend(
            measured
                .checkpoints
                .into_iter()
                .map(|(b, marks)| (b + from, marks)),
        );
        if doc.repeats().is_empty() || self.show_repeats {
            let meta = item::meta_slot(doc);
            let mut row = self.end_row;
            // Only block 0 can have the front-matter line beside it; the rest take the
            // plain path, one item per block.
            let mut next = from;
            if from == 0 && fresh > 0 && meta.is_some() {
                self.meta_block = meta.unwrap_or(0);
                for item in item::block_items(0, meta) {
                    let height = self.height_of(item);
                    self.push_item(item, row);
                    row += height + 1;
                }
                next = 1;
            }
            for b in next..from + fresh {
                self.push_item(Item::block(b), row);
                row += self.block_height(b) + 1;
            }
            self.end_row = row;
        } else {
            self.flow(doc);
        }
    }

    /// Rebuilds the flow of items after the repeats changed (found once a brief read in
    /// pieces is complete) or when `show_repeats` changes; heights are not measured again.
    pub fn reflow(&mut self, doc: &Document, show_repeats: bool) {
        self.show_repeats = show_repeats;
        self.flow(doc);
    }

    fn flow(&mut self, doc: &Document) {
        // The old flow goes first, so the two are never held at once.
        self.items = Flow::default();
        let items = item::items(doc, self.show_repeats);
        self.meta_block = item::meta_slot(doc).unwrap_or(0);
        self.repeat_starts = doc.repeats().iter().map(|r| r.copy.start).collect();
        self.starts = Vec::with_capacity(items.len() / STRIDE + 1);
        let mut row = 0;
        for (i, &item) in items.iter().enumerate() {
            if i.is_multiple_of(STRIDE) {
                self.starts.push(row);
            }
            row += self.height_of(item) + 1;
        }
        self.end_row = row;
        self.items = Flow::of(items);
    }

    /// Appends `item`, whose first row is `row`.
    fn push_item(&mut self, item: Item, row: usize) {
        if self.items.len().is_multiple_of(STRIDE) {
            self.starts.push(row);
        }
        self.items.push(item);
    }

    /// Item `i`'s first row (`i` below the number of items), from the nearest kept row.
    fn start_of(&self, i: usize) -> usize {
        let k = i / STRIDE;
        let from = self.starts.get(k).copied().unwrap_or(0);
        self.items
            .range(k * STRIDE..i)
            .fold(from, |row, item| row + self.height_of(item) + 1)
    }

    /// The height of `item` in rows.
    fn height_of(&self, item: Item) -> usize {
        match item {
            Item::Block(b) => self.block_height(b as usize),
            Item::Collapsed(_) | Item::Meta => 1,
        }
    }

    /// The height of block `b` in rows (0 past the last block).
    fn block_height(&self, b: usize) -> usize {
        match self.heights.get(b) {
            Some(&TALL) => self.tall.get(&b).copied().unwrap_or(usize::from(TALL)),
            Some(&h) => usize::from(h),
            None => 0,
        }
    }

    /// The first block `item` stands for. The front-matter line counts as the block after
    /// it, so looking up a block never lands on the line. (Worked out rather than kept: a
    /// list of them would cost 8 bytes a paragraph.)
    fn first_of(&self, item: Item) -> usize {
        match item {
            Item::Block(b) => b as usize,
            Item::Collapsed(r) => self.repeat_starts.get(r as usize).copied().unwrap_or(0),
            Item::Meta => self.meta_block,
        }
    }

    /// The column width this layout was made for.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of screen rows the whole brief takes (0 for an empty brief).
    pub fn total_rows(&self) -> usize {
        self.end_row.saturating_sub(1)
    }

    /// Number of items in the flow.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// Item `i` of the flow.
    pub fn item(&self, i: usize) -> Option<Item> {
        self.items.get(i)
    }

    /// First screen row of item `i`.
    pub fn item_row(&self, i: usize) -> usize {
        match i.cmp(&self.items.len()) {
            std::cmp::Ordering::Less => self.start_of(i),
            std::cmp::Ordering::Equal => self.end_row,
            std::cmp::Ordering::Greater => self.total_rows(),
        }
    }

    /// The item showing `row` and the row's index inside it (which equals the item's height
    /// for the gap row after it).
    pub fn item_at_row(&self, row: usize) -> Option<(usize, usize)> {
        if self.items.is_empty() {
            return None;
        }
        let k = self.starts.partition_point(|&s| s <= row).saturating_sub(1);
        let mut i = k * STRIDE;
        let mut start = self.starts.get(k).copied().unwrap_or(0);
        while i + 1 < self.items.len() {
            let Some(item) = self.items.get(i) else {
                break;
            };
            let next = start + self.height_of(item) + 1;
            if next > row {
                break;
            }
            start = next;
            i += 1;
        }
        Some((i, row.saturating_sub(start)))
    }

    /// The item that shows block `block` (a collapsed marker for hidden blocks).
    pub fn item_of_block(&self, block: usize) -> usize {
        self.items
            .last_at_or_before(block, |item| self.first_of(item))
    }

    fn height(&self, i: usize) -> usize {
        self.items.get(i).map_or(0, |item| self.height_of(item))
    }

    /// The screen rows `rows`, described by what each shows. Cost is proportional to the rows
    /// asked for, not to the document or the scroll position.
    pub fn lines(&self, doc: &Document, rows: Range<usize>) -> Vec<Line> {
        let mut out = Vec::with_capacity(rows.len());
        let mut row = rows.start;
        while row < rows.end {
            let Some((i, inner)) = self.item_at_row(row) else {
                break;
            };
            let height = self.height(i);
            if inner >= height {
                if i + 1 < self.items.len() {
                    out.push(Line::Gap);
                }
                row += 1;
                if i + 1 >= self.items.len() {
                    break;
                }
                continue;
            }
            let want = (rows.end - row).min(height - inner);
            match self.items.get(i).unwrap_or(Item::Meta) {
                Item::Collapsed(r) => out.push(Line::Collapsed(r as usize)),
                Item::Meta => out.push(Line::Meta),
                Item::Block(b) => {
                    let b = b as usize;
                    let block_rows = self.block_rows(doc, b, inner, want);
                    out.extend(
                        block_rows
                            .into_iter()
                            .enumerate()
                            .map(|(k, range)| Line::Text {
                                block: b,
                                index: inner + k,
                                range,
                            }),
                    );
                }
            }
            row += want;
        }
        out
    }

    /// `count` rows of block `b` from row `from`, as byte ranges in the text.
    fn block_rows(&self, doc: &Document, b: usize, from: usize, count: usize) -> Vec<Range<usize>> {
        let Some(block) = doc.blocks().get(b) else {
            return Vec::new();
        };
        let text = doc.block_text(b);
        let w = self.wrap_width(doc, b);
        let (mut index, mut at) = match self.checkpoints.get(&b) {
            Some(marks) if from >= CHECKPOINT => {
                let k = (from / CHECKPOINT).min(marks.len());
                (k * CHECKPOINT, marks[k - 1])
            }
            _ => (0, 0),
        };
        let base = block.range().start;
        let mut out = Vec::with_capacity(count);
        let mut rows = std::iter::from_fn(|| {
            let (row, next) = wrap::next_row(text, at, w, block.is_ascii())?;
            at = next;
            Some(row)
        });
        while out.len() < count {
            let Some(row) = rows.next() else {
                // A block ending in a hard break has one empty last row.
                out.push(base + text.len()..base + text.len());
                break;
            };
            if index >= from {
                out.push(base + row.start..base + row.end);
            }
            index += 1;
        }
        out
    }

    /// The wrapping width of block `b` (the column less its decoration).
    pub fn wrap_width(&self, doc: &Document, b: usize) -> usize {
        let prefix = prefix_width(doc.prefix(b));
        self.width.saturating_sub(prefix).max(1)
    }

    /// The screen row showing byte `offset` of the text (a collapsed marker's row for hidden
    /// text).
    pub fn row_of(&self, doc: &Document, offset: usize) -> usize {
        if self.items.is_empty() {
            return 0;
        }
        let b = doc.block_at(offset);
        let i = self.item_of_block(b);
        let Some(Item::Block(b)) = self.items.get(i) else {
            return self.start_of(i);
        };
        let b = b as usize;
        let Some(block) = doc.blocks().get(b) else {
            return self.start_of(i);
        };
        let text = doc.block_text(b);
        let local = offset.saturating_sub(block.range().start).min(text.len());
        let w = self.wrap_width(doc, b);
        let (mut index, mut at) = match self.checkpoints.get(&b) {
            Some(marks) => {
                let k = marks.partition_point(|&m| m <= local);
                (k * CHECKPOINT, if k == 0 { 0 } else { marks[k - 1] })
            }
            None => (0, 0),
        };
        while let Some((_, next)) = wrap::next_row(text, at, w, block.is_ascii()) {
            if local < next || next >= text.len() {
                break;
            }
            at = next;
            index += 1;
        }
        self.start_of(i) + index.min(self.height(i).saturating_sub(1))
    }

    /// The text position shown at the start of `row`, to keep it in place across a re-layout.
    pub fn pin_at(&self, doc: &Document, row: usize) -> Pin {
        let offset = match self.lines(doc, row..row + 1).first() {
            Some(Line::Text { range, .. }) => range.start,
            Some(Line::Collapsed(r)) => doc
                .repeats()
                .get(*r)
                .and_then(|rep| doc.blocks().get(rep.copy.start))
                .map_or(0, |b| b.range().start),
            _ => match self.item_at_row(row) {
                Some((i, _)) if i + 1 < self.items.len() => {
                    let b = self.items.get(i + 1).map_or(0, |item| self.first_of(item));
                    doc.blocks().get(b).map_or(0, |bl| bl.range().start)
                }
                _ => doc.text().len(),
            },
        };
        Pin { offset }
    }
}

#[cfg(test)]
mod tests;
