//! What the reader stacks vertically: blocks, and one-line markers for collapsed repeats.

use unicode_width::UnicodeWidthStr;

use crate::document::{BlockKind, Document, Prefix};

/// One entry of the vertical flow. Indexes are 32-bit, so an entry takes 8 bytes (a huge
/// brief has one per paragraph): a brief of at most 1 GiB has fewer blocks than that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A document block, by index.
    Block(u32),
    /// A collapsed repeated run, by index into [`Document::repeats`].
    Collapsed(u32),
    /// The front-matter line under the title ([`crate::document::Meta::line`]): drawn, not text.
    Meta,
}

impl Item {
    /// Block `b`'s item.
    pub fn block(b: usize) -> Self {
        Item::Block(u32::try_from(b).unwrap_or(u32::MAX))
    }

    /// The marker of collapsed run `r`.
    pub fn collapsed(r: usize) -> Self {
        Item::Collapsed(u32::try_from(r).unwrap_or(u32::MAX))
    }
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

/// Where the front-matter line goes: before block 1, under the title, or before block 0 when
/// the brief has no title; `None` when there is no line or no block to put it by.
pub fn meta_slot(doc: &Document) -> Option<usize> {
    let first = doc.blocks().first()?;
    doc.meta().line()?;
    Some(usize::from(first.kind() == BlockKind::Title))
}

/// Block `b`'s item, with the front-matter line before or after it when it goes there. Only
/// block 0 ever has the line beside it, so a brief laid out piece by piece gets it once.
pub fn block_items(b: usize, meta: Option<usize>) -> impl Iterator<Item = Item> {
    let before = (b == 0 && meta == Some(0)).then_some(Item::Meta);
    let after = (b == 0 && meta == Some(1)).then_some(Item::Meta);
    before
        .into_iter()
        .chain(std::iter::once(Item::block(b)))
        .chain(after)
}

/// The flow of items: every block, with collapsed runs replaced by one marker each, and the
/// front-matter line in its slot.
pub fn items(doc: &Document, show_repeats: bool) -> Vec<Item> {
    let mut items = Vec::with_capacity(doc.blocks().len() + 1);
    let mut repeats = doc.repeats().iter().enumerate().peekable();
    let meta = meta_slot(doc);
    let mut block = 0;
    while block < doc.blocks().len() {
        match repeats.peek() {
            Some((r, repeat)) if !show_repeats && repeat.copy.start == block => {
                items.push(Item::collapsed(*r));
                block = repeat.copy.end;
                repeats.next();
            }
            _ if block == 0 => {
                items.extend(block_items(block, meta));
                block += 1;
            }
            _ => {
                items.push(Item::block(block));
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
