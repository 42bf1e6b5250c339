//! Builds the normalised text block by block: the one place where text is cleaned.
//!
//! Cleaning rules (documented in the README): tabs expand to the next multiple of
//! [`TAB_WIDTH`] columns, unsafe characters are neutralised one for one (see
//! [`crate::sanitize`]), leading and trailing whitespace of a block is dropped, empty blocks are
//! dropped, and blocks are joined by a single `\n`.

use super::block::{Block, BlockKind, Inline, Prefix, Span, Styles};
use crate::sanitize;

/// Tab stops are every this many columns.
pub const TAB_WIDTH: usize = 4;

/// Accumulates the normalised text and its blocks.
#[derive(Debug, Default)]
pub struct Builder {
    text: String,
    blocks: Vec<Block>,
    styles: Styles,
    chars: usize,
}

/// What a [`Builder`] made: the normalised text, its blocks, their styles and the text's
/// length in characters.
#[derive(Debug)]
pub struct Built {
    pub text: String,
    pub blocks: Vec<Block>,
    pub styles: Styles,
    pub chars: usize,
}

/// The text of one block while it is being assembled, with its inline styles.
#[derive(Debug, Default)]
pub struct BlockText {
    text: String,
    spans: Vec<Span>,
    column: usize,
    keep_indent: bool,
}

impl BlockText {
    /// A block whose leading whitespace is significant (code).
    pub fn preformatted() -> Self {
        Self {
            keep_indent: true,
            ..Self::default()
        }
    }

    /// The text so far, cleaned.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends a piece of source text, cleaned, styled with `style` when given.
    pub fn push(&mut self, piece: &str, style: Option<Inline>) {
        let start = self.text.len();
        for c in piece.chars() {
            match c {
                '\t' => {
                    let pad = TAB_WIDTH - self.column % TAB_WIDTH;
                    self.text.extend(std::iter::repeat_n(' ', pad));
                    self.column += pad;
                }
                '\n' => {
                    self.text.push('\n');
                    self.column = 0;
                }
                '\r' => {}
                _ => {
                    self.text.push(sanitize::neutralise(c));
                    self.column += 1;
                }
            }
        }
        if let Some(style) = style
            && self.text.len() > start
        {
            self.spans.push(Span {
                range: start..self.text.len(),
                style,
            });
        }
    }
}

impl Builder {
    /// A builder with room for about `bytes` bytes of text, so a big piece grows in place.
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            // News paragraphs run to hundreds of bytes; this is a guess, not a limit.
            blocks: Vec::with_capacity(bytes / 256),
            styles: Styles::default(),
            chars: 0,
        }
    }

    /// Appends a finished block; a block that is blank after trimming is dropped.
    pub fn push(&mut self, kind: BlockKind, prefix: Prefix, block: BlockText) {
        let BlockText {
            text,
            mut spans,
            keep_indent,
            ..
        } = block;
        let trimmed_end = text.trim_end();
        let trimmed = if keep_indent {
            trimmed_end.trim_start_matches('\n')
        } else {
            trimmed_end.trim_start()
        };
        if trimmed.is_empty() {
            return;
        }
        let cut = trimmed.as_ptr() as usize - text.as_ptr() as usize;
        let len = trimmed.len();
        spans.retain_mut(|span| {
            span.range.start = span.range.start.saturating_sub(cut).min(len);
            span.range.end = span.range.end.saturating_sub(cut).min(len);
            !span.range.is_empty()
        });
        self.push_clean(kind, prefix, trimmed, spans);
    }

    /// Appends one line of plain text: tabs expanded, controls neutralised, trimmed.
    pub fn push_line(&mut self, kind: BlockKind, line: &str) {
        let is_clean = line.bytes().all(|b| (0x20..0x7F).contains(&b));
        if is_clean {
            let trimmed = line.trim_matches(' ');
            if !trimmed.is_empty() {
                self.push_clean(kind, Prefix::default(), trimmed, Vec::new());
            }
        } else {
            let mut block = BlockText::default();
            block.push(line, None);
            self.push(kind, Prefix::default(), block);
        }
    }

    fn push_clean(&mut self, kind: BlockKind, prefix: Prefix, text: &str, spans: Vec<Span>) {
        if !self.blocks.is_empty() {
            self.text.push('\n');
            self.chars += 1;
        }
        let start = self.text.len();
        self.text.push_str(text);
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        self.styles.push(self.blocks.len(), spans, prefix);
        self.blocks
            .push(Block::new(kind, start..self.text.len(), char_len));
        self.chars += char_len;
    }

    /// The number of blocks so far.
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    /// Changes the kind of an already pushed block (a leading heading that becomes the title).
    pub fn set_kind(&mut self, index: usize, kind: BlockKind) {
        if let Some(block) = self.blocks.get_mut(index) {
            block.set_kind(kind);
        }
    }

    /// Kind of an already pushed block.
    pub fn kind(&self, index: usize) -> Option<BlockKind> {
        self.blocks.get(index).map(|b| b.kind())
    }

    /// The normalised text, its blocks, their styles and its length in characters.
    pub fn finish(self) -> Built {
        Built {
            text: self.text,
            blocks: self.blocks,
            styles: self.styles,
            chars: self.chars,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(lines: &[&str]) -> (String, Vec<Block>, usize) {
        let mut b = Builder::default();
        for line in lines {
            b.push_line(BlockKind::Paragraph, line);
        }
        let built = b.finish();
        (built.text, built.blocks, built.chars)
    }

    #[test]
    fn lines_are_trimmed_and_blank_ones_dropped() {
        let (text, blocks, chars) = build(&["  one  ", "\t\t\t", "", "\t two"]);
        assert_eq!(text, "one\ntwo");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].range(), 4..7);
        assert_eq!(chars, 7);
    }

    #[test]
    fn tabs_expand_to_stops_inside_a_line() {
        let (text, ..) = build(&["a\tb\tc"]);
        assert_eq!(text, "a   b   c");
    }

    #[test]
    fn controls_are_neutralised_and_offsets_count_characters() {
        let (text, blocks, chars) = build(&["é\u{1b}[31m", "東京"]);
        assert_eq!(text, "é␛[31m\n東京");
        assert_eq!(blocks[0].char_len(), 6);
        assert_eq!(chars, 9);
        assert!(!blocks[1].is_ascii());
    }

    #[test]
    fn spans_follow_trimming() {
        let mut b = Builder::default();
        let mut block = BlockText::default();
        block.push("  lead ", None);
        block.push("bold", Some(Inline::Strong));
        block.push("  ", None);
        b.push(BlockKind::Paragraph, Prefix::default(), block);
        let built = b.finish();
        assert_eq!(built.text, "lead bold");
        assert_eq!(
            built.styles.spans(0),
            vec![Span {
                range: 5..9,
                style: Inline::Strong
            }]
        );
    }
}
