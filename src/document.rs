//! The pure document model: a brief parsed into blocks over one normalised text.
//!
//! Knows nothing of terminals or files. Offsets inside gloss are byte offsets into
//! [`Document::text`]; offsets that leave gloss (annotations, JSON) are characters (Unicode
//! scalar values), converted with [`Document::char_offset`] and [`Document::byte_offset`].

mod block;
mod builder;
mod decode;
mod front_matter;
mod markdown;
pub mod motion;
mod plain;
mod repeats;

pub use block::{Block, BlockKind, Inline, Prefix, Span};
pub use builder::TAB_WIDTH;
pub use decode::DecodeError;
pub use front_matter::Meta;
pub use repeats::Repeat;

use builder::Builder;

/// How a brief's body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line; the first line is the title.
    Plain,
    /// CommonMark.
    Markdown,
}

impl Format {
    /// The format a file name suggests: Markdown for `.md` and `.markdown`, else plain text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// A parsed brief.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    blocks: Vec<Block>,
    char_len: usize,
    meta: Meta,
    repeats: Vec<Repeat>,
    warnings: Vec<String>,
}

impl Document {
    /// Parses a brief's bytes. Fails only for binary input; every other problem (invalid
    /// UTF-8, bad front matter) becomes a warning.
    pub fn parse(bytes: &[u8], format: Format) -> Result<Self, DecodeError> {
        let decoded = decode::decode(bytes)?;
        let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
        let split = front_matter::split(&decoded.text);
        warnings.extend(split.warning);
        let mut builder = Builder::default();
        let title = split
            .meta
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        if let Some(title) = title {
            builder.push_line(BlockKind::Title, &title.replace(['\n', '\r'], " "));
        }
        let has_title = builder.len() > 0;
        match format {
            Format::Plain => plain::parse(split.body, &mut builder, has_title),
            Format::Markdown => markdown::parse(split.body, &mut builder, has_title),
        }
        let (text, blocks, char_len) = builder.finish();
        let repeats = repeats::find(&text, &blocks);
        Ok(Self {
            text,
            blocks,
            char_len,
            meta: split.meta,
            repeats,
            warnings,
        })
    }

    /// The normalised text: block texts joined by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All blocks in document order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text of block `index`.
    pub fn block_text(&self, index: usize) -> &str {
        self.blocks
            .get(index)
            .map_or("", |b| &self.text[b.range.clone()])
    }

    /// Length of the normalised text in characters.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// True for a brief with no text at all.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The title block's text, when the brief has one.
    pub fn title(&self) -> Option<&str> {
        self.blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| &self.text[b.range.clone()])
    }

    /// Front-matter metadata.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Runs of blocks repeating an earlier run.
    pub fn repeats(&self) -> &[Repeat] {
        &self.repeats
    }

    /// Problems found while loading that did not stop it.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Index of the block holding byte `offset` (the `\n` after a block belongs to it).
    pub fn block_at(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.range.end < offset)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// Character offset of byte `offset` (which must lie on a character boundary).
    pub fn char_offset(&self, offset: usize) -> usize {
        let Some(block) = self.blocks.get(self.block_at(offset)) else {
            return 0;
        };
        if offset <= block.range.start {
            return block.char_start;
        }
        let end = offset.min(block.range.end);
        let inside = &self.text[block.range.start..end];
        let chars = if block.is_ascii() {
            inside.len()
        } else {
            inside.chars().count()
        };
        block.char_start + chars + usize::from(offset > block.range.end)
    }

    /// Byte offset of character `offset`, clamped to the end of the text.
    pub fn byte_offset(&self, offset: usize) -> usize {
        let index = self
            .blocks
            .partition_point(|b| b.char_start + b.char_len < offset);
        let Some(block) = self.blocks.get(index) else {
            return self.text.len();
        };
        let inside = offset.saturating_sub(block.char_start);
        if block.is_ascii() {
            return block.range.start + inside.min(block.range.len());
        }
        let text = &self.text[block.range.clone()];
        block.range.start
            + text
                .char_indices()
                .nth(inside)
                .map_or(text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_brief_has_a_title_and_a_collapsed_repeat() {
        let bytes = include_bytes!("../seeds/micron-cac-probe.txt");
        let doc = Document::parse(bytes, Format::Plain).unwrap();
        assert!(
            doc.title()
                .unwrap()
                .starts_with("US Chip Maker Micron Under Fire")
        );
        assert_eq!(doc.blocks().len(), 13);
        assert_eq!(
            doc.repeats(),
            &[Repeat {
                original: 1..7,
                copy: 7..13
            }]
        );
        assert!(doc.block_text(7).starts_with("In a move that appears"));
        assert!(doc.warnings().is_empty());
    }

    #[test]
    fn front_matter_title_comes_first() {
        let src = "+++\ntitle = \"From meta\"\nsource = \"Wire\"\n+++\nFirst line\nSecond";
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        assert_eq!(doc.text(), "From meta\nFirst line\nSecond");
        assert_eq!(doc.meta().source.as_deref(), Some("Wire"));
        assert_eq!(doc.blocks()[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn empty_input_is_an_empty_document() {
        let doc = Document::parse(b"", Format::Plain).unwrap();
        assert!(doc.is_empty());
        assert_eq!(doc.char_len(), 0);
        assert_eq!(doc.block_at(0), 0);
        assert_eq!(doc.char_offset(0), 0);
        assert_eq!(doc.byte_offset(5), 0);
    }

    #[test]
    fn char_and_byte_offsets_round_trip() {
        let doc =
            Document::parse("Tïtle\nCafé 東京 🙂 ok\nplain".as_bytes(), Format::Plain).unwrap();
        let text = doc.text();
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(doc.char_offset(bytes), chars, "byte {bytes}");
            assert_eq!(doc.byte_offset(chars), bytes, "char {chars}");
        }
        assert_eq!(doc.char_offset(text.len()), doc.char_len());
        assert_eq!(doc.byte_offset(doc.char_len()), text.len());
    }

    #[test]
    fn hostile_input_never_keeps_a_control_character() {
        let src = "T\u{1b}]0;pwned\u{7}\n\u{1b}[2J\u{9b}c\u{7f}\u{202e}evil\u{2069}\tx\r\n";
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        let bad: Vec<char> = doc
            .text()
            .chars()
            .filter(|&c| c != '\n' && crate::sanitize::is_unsafe(c))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            doc.text(),
            "T␛]0;pwned␇\n␛[2J\u{FFFD}c␡\u{FFFD}evil\u{FFFD}   x"
        );
    }

    #[test]
    fn markdown_is_chosen_by_extension() {
        assert_eq!(Format::from_path("a/b.MD".as_ref()), Format::Markdown);
        assert_eq!(Format::from_path("a/b.txt".as_ref()), Format::Plain);
        assert_eq!(Format::from_path("noext".as_ref()), Format::Plain);
    }
}
