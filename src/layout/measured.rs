//! Heights of blocks at one column width, measured apart from the layout that uses them (on
//! the reader's thread while a brief is read in pieces, or off the loop's thread at a new
//! width).

use super::{CHECKPOINT, prefix_width, wrap};
use crate::document::Document;

/// A block this many rows tall or taller keeps its height apart: heights take 2 bytes a
/// paragraph (0.4 MB on a 100 MiB brief), and only a paragraph of some megabytes is taller.
pub const TALL: u16 = u16::MAX;

/// Heights of a run of blocks at one column width, with the row starts of tall ones. Made
/// while a brief is read in pieces (off the reader's thread), then handed to
/// [`Layout::extend`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Measured {
    pub(super) width: usize,
    /// Heights in rows, [`TALL`] for a block of that many rows or more.
    pub(super) heights: Vec<u16>,
    /// Heights of the blocks of [`TALL`] rows or more, by block index within the run.
    pub(super) tall: Vec<(usize, usize)>,
    /// Row starts every `CHECKPOINT` rows, by block index within the run.
    pub(super) checkpoints: Vec<(usize, Vec<usize>)>,
}

impl Measured {
    /// Measures every block of `doc` at column `width`.
    pub fn of(doc: &Document, width: usize) -> Self {
        Self::blocks(doc, 0, width)
    }

    /// The column width these heights are for.
    pub fn width_of(&self) -> usize {
        self.width
    }

    /// Measures the blocks of `doc` from index `from` on.
    pub(super) fn blocks(doc: &Document, from: usize, width: usize) -> Self {
        let width = width.max(1);
        let count = doc.blocks().len().saturating_sub(from);
        let mut heights = Vec::with_capacity(count);
        let mut checkpoints = Vec::new();
        let mut tall = Vec::new();
        for b in from..from + count {
            let (height, marks) = measure(doc, b, width);
            let short = u16::try_from(height).unwrap_or(TALL);
            if short == TALL {
                tall.push((b - from, height));
            }
            heights.push(short);
            if !marks.is_empty() {
                checkpoints.push((b - from, marks));
            }
        }
        Self {
            width,
            heights,
            tall,
            checkpoints,
        }
    }
}

/// Height in rows of block `b` at `width`, and the row starts every `CHECKPOINT` rows.
pub(super) fn measure(doc: &Document, b: usize, column: usize) -> (usize, Vec<usize>) {
    let Some(block) = doc.blocks().get(b) else {
        return (0, Vec::new());
    };
    let text = doc.block_text(b);
    let width = column.saturating_sub(prefix_width(doc.prefix(b))).max(1);
    let mut marks = Vec::new();
    let mut count = 0;
    let mut at = 0;
    let mut ended_with_break = false;
    while let Some((row, next)) = wrap::next_row(text, at, width, block.is_ascii()) {
        count += 1;
        ended_with_break = next > row.end && next == text.len();
        at = next;
        if count % CHECKPOINT == 0 && at < text.len() {
            marks.push(at);
        }
    }
    (count + usize::from(ended_with_break), marks)
}
