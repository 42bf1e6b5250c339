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
/// A huge plain brief has one block per line, hundreds of thousands of them, none with styles
/// or decoration: those live behind one pointer, so such a block takes 48 bytes, not 96.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte range of the block's text in the normalised text.
    pub range: Range<usize>,
    /// Offset of the block's first character, in Unicode scalar values.
    pub char_start: usize,
    /// Length of the block's text in Unicode scalar values.
    pub char_len: usize,
    /// Inline styles and decoration, for a block that has any.
    styling: Option<Box<Styling>>,
}

/// What few blocks carry besides their text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Styling {
    spans: Vec<Span>,
    prefix: Prefix,
}

/// The decoration of a block that has none.
static NO_PREFIX: Prefix = Prefix {
    quote_depth: 0,
    list_depth: 0,
    marker: None,
};

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
        let styling =
            (!spans.is_empty() || prefix != NO_PREFIX).then(|| Box::new(Styling { spans, prefix }));
        Self {
            kind,
            range,
            char_start,
            char_len,
            styling,
        }
    }

    /// True when the block's text is pure ASCII (bytes and characters coincide).
    pub fn is_ascii(&self) -> bool {
        self.range.len() == self.char_len
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
        assert_eq!(std::mem::size_of::<Block>(), 48);
        let plain = Block::new(
            BlockKind::Paragraph,
            0..3,
            (0, 3),
            Vec::new(),
            Prefix::default(),
        );
        assert!(plain.styling.is_none());
        assert_eq!(plain.prefix(), &Prefix::default());
        assert!(plain.spans().is_empty());
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
