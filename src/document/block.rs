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
    /// Inline styles, sorted by start.
    pub spans: Vec<Span>,
    /// Quote and list decoration.
    pub prefix: Prefix,
}

impl Block {
    /// True when the block's text is pure ASCII (bytes and characters coincide).
    pub fn is_ascii(&self) -> bool {
        self.range.len() == self.char_len
    }
}
