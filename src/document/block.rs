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

/// A block: its kind, where its text lies in the normalised text, and its decoration.
///
/// A huge plain brief has one block per line, hundreds of thousands of them, all running text
/// with no styles or decoration: anything else a block carries lives behind one pointer, and
/// lengths are 32-bit, so such a block takes 32 bytes. (A block's text is at most 4 GiB: a
/// plain brief is at most 1 GiB and a tab, the widest normalisation, becomes 4 spaces.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the block's text in the normalised text.
    start: usize,
    /// Offset of the block's first character, in Unicode scalar values.
    char_start: usize,
    /// Length of the block's text in bytes.
    len: u32,
    /// Length of the block's text in Unicode scalar values.
    char_len: u32,
    /// Kind, inline styles and decoration, for a block that is not plain running text.
    styling: Option<Box<Styling>>,
}

/// What few blocks carry besides their text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Styling {
    kind: BlockKind,
    spans: Vec<Span>,
    prefix: Prefix,
}

/// The decoration of a block that has none.
static NO_PREFIX: Prefix = Prefix {
    quote_depth: 0,
    list_depth: 0,
    marker: None,
};

/// A length as kept in a block (see [`Block`] for why it fits).
fn narrow(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl Block {
    /// A block of `kind` over `range` of the normalised text, whose first character is
    /// character `char_start` of it and which holds `char_len` characters.
    pub fn new(
        kind: BlockKind,
        range: Range<usize>,
        (char_start, char_len): (usize, usize),
        spans: Vec<Span>,
        prefix: Prefix,
    ) -> Self {
        let plain = kind == BlockKind::Paragraph && spans.is_empty() && prefix == NO_PREFIX;
        let styling = (!plain).then(|| {
            Box::new(Styling {
                kind,
                spans,
                prefix,
            })
        });
        Self {
            start: range.start,
            char_start,
            len: narrow(range.len()),
            char_len: narrow(char_len),
            styling,
        }
    }

    /// What the block is.
    pub fn kind(&self) -> BlockKind {
        self.styling
            .as_ref()
            .map_or(BlockKind::Paragraph, |s| s.kind)
    }

    /// Makes the block a `kind` block.
    pub fn set_kind(&mut self, kind: BlockKind) {
        match &mut self.styling {
            Some(styling) => styling.kind = kind,
            None if kind == BlockKind::Paragraph => {}
            None => {
                self.styling = Some(Box::new(Styling {
                    kind,
                    spans: Vec::new(),
                    prefix: Prefix::default(),
                }));
            }
        }
    }

    /// Byte range of the block's text in the normalised text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.len as usize
    }

    /// Offset of the block's first character, in Unicode scalar values.
    pub fn char_start(&self) -> usize {
        self.char_start
    }

    /// Length of the block's text in Unicode scalar values.
    pub fn char_len(&self) -> usize {
        self.char_len as usize
    }

    /// The same block with its text `bytes` bytes and `chars` characters further on (a piece
    /// appended after earlier text).
    pub fn shifted(mut self, bytes: usize, chars: usize) -> Self {
        self.start += bytes;
        self.char_start += chars;
        self
    }

    /// True when the block's text is pure ASCII (bytes and characters coincide).
    pub fn is_ascii(&self) -> bool {
        self.len == self.char_len
    }

    /// Inline styles, sorted by start.
    pub fn spans(&self) -> &[Span] {
        self.styling.as_ref().map_or(&[], |s| &s.spans)
    }

    /// Quote and list decoration.
    pub fn prefix(&self) -> &Prefix {
        self.styling.as_ref().map_or(&NO_PREFIX, |s| &s.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_block_keeps_nothing_beside_its_offsets() {
        assert_eq!(std::mem::size_of::<Block>(), 32);
        let plain = Block::new(
            BlockKind::Paragraph,
            0..3,
            (0, 3),
            Vec::new(),
            Prefix::default(),
        );
        assert!(plain.styling.is_none());
        assert_eq!(plain.kind(), BlockKind::Paragraph);
        assert_eq!(
            (plain.range(), plain.char_start(), plain.char_len()),
            (0..3, 0, 3)
        );
        assert_eq!(plain.prefix(), &Prefix::default());
        assert!(plain.spans().is_empty());
        let moved = plain.shifted(10, 7);
        assert_eq!((moved.range(), moved.char_start()), (10..13, 7));
    }

    #[test]
    fn a_block_that_is_not_running_text_keeps_its_kind() {
        let mut block = Block::new(
            BlockKind::Heading(2),
            4..9,
            (4, 5),
            Vec::new(),
            Prefix::default(),
        );
        assert_eq!(block.kind(), BlockKind::Heading(2));
        block.set_kind(BlockKind::Title);
        assert_eq!(block.kind(), BlockKind::Title);
        let mut plain = Block::new(
            BlockKind::Paragraph,
            0..3,
            (0, 3),
            Vec::new(),
            Prefix::default(),
        );
        plain.set_kind(BlockKind::Title);
        assert_eq!(plain.kind(), BlockKind::Title);
    }

    #[test]
    fn styles_and_decoration_are_kept_when_there_are_any() {
        let span = Span {
            range: 0..2,
            style: Inline::Strong,
        };
        let quoted = Prefix {
            quote_depth: 1,
            ..Prefix::default()
        };
        let block = Block::new(
            BlockKind::Paragraph,
            0..3,
            (0, 3),
            vec![span.clone()],
            quoted.clone(),
        );
        assert_eq!(block.spans(), [span]);
        assert_eq!(block.prefix(), &quoted);
    }
}
