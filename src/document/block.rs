//! One block of a brief (title, heading, paragraph, code) and the inline styles inside it.

use std::ops::Range;

/// What a block is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The brief's title, drawn first and emphasised.
    Title,
    /// A Markdown heading of level 1-6.
    Heading(u8),
    /// Running text.
    Paragraph,
    /// A fenced or indented code block; its lines are kept as hard breaks.
    Code,
}

/// Inline emphasis that Markdown marks inside a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Inline {
    /// `*text*`
    Emphasis,
    /// `**text**`
    Strong,
    /// `` `text` ``
    Code,
    /// `~~text~~`
    Strike,
    /// `[text](url)`: the text only; the URL is not part of the normalised text.
    Link,
}

/// An inline style over a byte range relative to the start of its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range inside the block's text.
    pub range: Range<usize>,
    /// The style applied over it.
    pub style: Inline,
}

/// Decoration drawn before a block's rows: block-quote bars and list indentation.
/// None of it is part of the normalised text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Prefix {
    /// Number of enclosing block quotes.
    pub quote_depth: u8,
    /// Number of enclosing lists.
    pub list_depth: u8,
    /// The list marker (`•`, `3.`) on the first block of a list item.
    pub marker: Option<String>,
}

/// A block: its kind and where its text lies in the normalised text.
///
/// A huge plain brief has one block per line, hundreds of thousands of them, all running text
/// with no styles or decoration, so a block is 16 bytes: its start and kind in 8, its lengths
/// in bytes and characters in 4 each. The few blocks with inline styles or decoration keep
/// them in the document's [`Styles`], and the offset of a block's first character is worked
/// out from one kept every [`CHAR_STRIDE`] blocks (see `Document::char_start`). (A block's
/// text is at most 4 GiB: a plain brief is at most 1 GiB and a tab, the widest normalisation,
/// becomes 4 spaces.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the block's text in the normalised text, shifted left by 8; the low
    /// byte is the kind (see [`kind_code`]).
    at: u64,
    /// Length of the block's text in bytes.
    len: u32,
    /// Length of the block's text in Unicode scalar values.
    char_len: u32,
}

/// The document keeps the offset of the first character of every this many blocks: half a
/// byte a block (0.1 MB on a 100 MiB brief), and a conversion between bytes and characters
/// adds at most this many lengths. At 64 the highlight look-up of a screen took 1.6x as long
/// (`cargo bench --bench hot_paths -- highlights`).
pub const CHAR_STRIDE: usize = 16;

/// Inline styles and decoration of a block that has any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Styling {
    /// Inline styles, sorted by start.
    pub spans: Vec<Span>,
    /// Quote and list decoration.
    pub prefix: Prefix,
}

/// The styling of the few blocks that have any, by block index (increasing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Styles {
    entries: Vec<(usize, Styling)>,
}

/// The decoration of a block that has none.
static NO_PREFIX: Prefix = Prefix {
    quote_depth: 0,
    list_depth: 0,
    marker: None,
};

impl Styles {
    /// Records the styling of block `index`, which comes after every block recorded so far;
    /// a block with neither styles nor decoration is not recorded.
    pub fn push(&mut self, index: usize, spans: Vec<Span>, prefix: Prefix) {
        if spans.is_empty() && prefix == NO_PREFIX {
            return;
        }
        self.entries.push((index, Styling { spans, prefix }));
    }

    /// Appends the styles of blocks that follow `offset` blocks of this document.
    pub fn append(&mut self, other: Styles, offset: usize) {
        self.entries
            .extend(other.entries.into_iter().map(|(b, s)| (b + offset, s)));
    }

    fn get(&self, index: usize) -> Option<&Styling> {
        if self.entries.is_empty() {
            return None;
        }
        self.entries
            .binary_search_by_key(&index, |(b, _)| *b)
            .ok()
            .map(|i| &self.entries[i].1)
    }

    /// Inline styles of block `index`, sorted by start.
    pub fn spans(&self, index: usize) -> &[Span] {
        self.get(index).map_or(&[], |s| &s.spans)
    }

    /// Quote and list decoration of block `index`.
    pub fn prefix(&self, index: usize) -> &Prefix {
        self.get(index).map_or(&NO_PREFIX, |s| &s.prefix)
    }
}

/// A length as kept in a block (see [`Block`] for why it fits).
fn narrow(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The low byte of [`Block::at`] for each kind.
fn kind_code(kind: BlockKind) -> u64 {
    match kind {
        BlockKind::Paragraph => 0,
        BlockKind::Title => 1,
        BlockKind::Code => 2,
        // Markdown has six levels; the clamp keeps any level inside the byte.
        BlockKind::Heading(level) => 3 + u64::from(level.min(252)),
    }
}

impl Block {
    /// A block of `kind` over `range` of the normalised text, which holds `char_len`
    /// characters.
    pub fn new(kind: BlockKind, range: Range<usize>, char_len: usize) -> Self {
        Self {
            at: ((range.start as u64) << 8) | kind_code(kind),
            len: narrow(range.len()),
            char_len: narrow(char_len),
        }
    }

    /// What the block is.
    pub fn kind(&self) -> BlockKind {
        match self.at & 0xff {
            0 => BlockKind::Paragraph,
            1 => BlockKind::Title,
            2 => BlockKind::Code,
            code => BlockKind::Heading(u8::try_from(code - 3).unwrap_or(u8::MAX)),
        }
    }

    /// Makes the block a `kind` block.
    pub fn set_kind(&mut self, kind: BlockKind) {
        self.at = (self.at & !0xff) | kind_code(kind);
    }

    fn start(&self) -> usize {
        usize::try_from(self.at >> 8).unwrap_or(usize::MAX)
    }

    /// Byte range of the block's text in the normalised text.
    pub fn range(&self) -> Range<usize> {
        let start = self.start();
        start..start + self.len as usize
    }

    /// Length of the block's text in Unicode scalar values.
    pub fn char_len(&self) -> usize {
        self.char_len as usize
    }

    /// The same block with its text `bytes` bytes further on (a piece appended after
    /// earlier text).
    pub fn shifted(mut self, bytes: usize) -> Self {
        self.at += (bytes as u64) << 8;
        self
    }

    /// True when the block's text is pure ASCII (bytes and characters coincide).
    pub fn is_ascii(&self) -> bool {
        self.len == self.char_len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_keeps_nothing_beside_its_offsets_and_kind() {
        assert_eq!(std::mem::size_of::<Block>(), 16);
        let plain = Block::new(BlockKind::Paragraph, 0..3, 3);
        assert_eq!(plain.kind(), BlockKind::Paragraph);
        assert_eq!((plain.range(), plain.char_len()), (0..3, 3));
        assert!(plain.is_ascii());
        let moved = plain.shifted(10);
        assert_eq!(moved.range(), 10..13);
        let wide = Block::new(BlockKind::Code, 5..11, 2);
        assert!(!wide.is_ascii());
        assert_eq!((wide.kind(), wide.range()), (BlockKind::Code, 5..11));
    }

    #[test]
    fn every_kind_survives_packing_and_a_change() {
        let kinds = [BlockKind::Paragraph, BlockKind::Title, BlockKind::Code]
            .into_iter()
            .chain((1..=6).map(BlockKind::Heading));
        for kind in kinds {
            let mut block = Block::new(kind, 1 << 40..(1 << 40) + 7, 7);
            assert_eq!(
                (block.kind(), block.range()),
                (kind, 1 << 40..(1 << 40) + 7)
            );
            block.set_kind(BlockKind::Title);
            assert_eq!(
                (block.kind(), block.range()),
                (BlockKind::Title, 1 << 40..(1 << 40) + 7)
            );
            block.set_kind(kind);
            assert_eq!(block.kind(), kind);
        }
    }

    #[test]
    fn styles_and_decoration_are_kept_by_block_when_there_are_any() {
        let span = Span {
            range: 0..2,
            style: Inline::Strong,
        };
        let quoted = Prefix {
            quote_depth: 1,
            ..Prefix::default()
        };
        let mut styles = Styles::default();
        styles.push(0, Vec::new(), Prefix::default());
        styles.push(1, vec![span.clone()], Prefix::default());
        styles.push(3, Vec::new(), quoted.clone());
        assert_eq!(styles.entries.len(), 2);
        assert_eq!(styles.spans(1), std::slice::from_ref(&span));
        assert!(styles.spans(0).is_empty() && styles.spans(3).is_empty());
        assert_eq!(styles.prefix(3), &quoted);
        assert_eq!(styles.prefix(1), &Prefix::default());
        let mut before = Styles::default();
        before.push(0, vec![span.clone()], Prefix::default());
        before.append(styles, 10);
        assert_eq!(before.spans(0), std::slice::from_ref(&span));
        assert_eq!(before.spans(11), [span]);
        assert_eq!(before.prefix(13), &quoted);
        assert!(before.spans(1).is_empty());
    }
}
