//! What the reader stacks vertically: blocks, and one-line markers for collapsed repeats.

use unicode_width::UnicodeWidthStr;

use crate::document::{Document, Prefix};

/// One entry of the vertical flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A document block, by index.
    Block(usize),
    /// A collapsed repeated run, by index into [`Document::repeats`].
    Collapsed(usize),
}

/// Columns per list level (marker plus gap).
pub const LIST_INDENT: usize = 3;
/// Columns per block-quote level (`│ `).
pub const QUOTE_INDENT: usize = 2;

/// Width of the decoration drawn before each row of a block.
pub fn prefix_width(prefix: &Prefix) -> usize {
    let marker = prefix.marker.as_deref().map_or(0, |m| m.width() + 1);
    usize::from(prefix.quote_depth) * QUOTE_INDENT
        + usize::from(prefix.list_depth) * LIST_INDENT
        + marker.saturating_sub(LIST_INDENT)
}

/// The flow of items: every block, with collapsed runs replaced by one marker each.
pub fn items(doc: &Document, show_repeats: bool) -> Vec<Item> {
    let mut items = Vec::with_capacity(doc.blocks().len());
    let mut repeats = doc.repeats().iter().enumerate().peekable();
    let mut block = 0;
    while block < doc.blocks().len() {
        match repeats.peek() {
            Some((r, repeat)) if !show_repeats && repeat.copy.start == block => {
                items.push(Item::Collapsed(*r));
                block = repeat.copy.end;
                repeats.next();
            }
            _ => {
                items.push(Item::Block(block));
                block += 1;
            }
        }
    }
    items
}

/// The marker line drawn for a collapsed run.
pub fn collapsed_label(doc: &Document, repeat: usize) -> String {
    let Some(r) = doc.repeats().get(repeat) else {
        return String::new();
    };
    let n = r.copy.len();
    format!("⋯ {n} paragraphs repeated from above, hidden (z shows them)")
}
