//! The pure document model: a brief parsed into blocks over one normalised text.
//!
//! Knows nothing of terminals or files. Offsets inside gloss are byte offsets into
//! [`Document::text`]; offsets that leave gloss (annotations, JSON) are characters (Unicode
//! scalar values), converted with [`Document::char_offset`] and [`Document::byte_offset`].

mod block;
mod builder;
mod chars;
mod decode;
mod front_matter;
mod markdown;
pub mod motion;
mod plain;
mod repeats;

pub use block::{Block, BlockKind, Inline, Prefix, Span};
pub use builder::TAB_WIDTH;
pub use chars::Chars;
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
#[derive(Debug, Clone, PartialEq)]
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
        let mut doc = Self::parse_start(bytes, format)?;
        doc.find_repeats();
        Ok(doc)
    }

    /// Parses the first piece of a brief read in pieces: like [`Document::parse`], but
    /// repeated runs are left for [`Document::find_repeats`] once every piece is in.
    pub fn parse_start(bytes: &[u8], format: Format) -> Result<Self, DecodeError> {
        let decoded = decode::decode(bytes, 0)?;
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
        Ok(Self {
            text,
            blocks,
            char_len,
            meta: split.meta,
            repeats: Vec::new(),
            warnings,
        })
    }

    /// Parses a later piece of a plain-text brief: whole lines that began at byte `base` of
    /// the file, every one a paragraph. Error offsets and warnings count from the file's start.
    pub fn parse_continuation(bytes: &[u8], base: usize) -> Result<Self, DecodeError> {
        let decoded = decode::decode(bytes, base)?;
        let mut builder = Builder::with_capacity(bytes.len());
        plain::parse(&decoded.text, &mut builder, true);
        let (text, blocks, char_len) = builder.finish();
        Ok(Self {
            text,
            blocks,
            char_len,
            meta: Meta::default(),
            repeats: Vec::new(),
            warnings: decoded.warning.into_iter().collect(),
        })
    }

    /// Appends a piece parsed with [`Document::parse_continuation`] from the bytes that follow
    /// this document's, as if both had been parsed together.
    pub fn append(&mut self, mut part: Document) {
        self.warnings.append(&mut part.warnings);
        if part.blocks.is_empty() {
            return;
        }
        if self.blocks.is_empty() {
            // Nothing before held text, so the first line of this piece is the title.
            part.blocks[0].kind = BlockKind::Title;
            self.text.push_str(&part.text);
            self.blocks = part.blocks;
            self.char_len = part.char_len;
            return;
        }
        self.text.push('\n');
        let (bytes, chars) = (self.text.len(), self.char_len + 1);
        self.text.push_str(&part.text);
        self.blocks.reserve(part.blocks.len());
        self.blocks.extend(part.blocks.into_iter().map(|mut b| {
            b.range = b.range.start + bytes..b.range.end + bytes;
            b.char_start += chars;
            b
        }));
        self.char_len = chars + part.char_len;
    }

    /// Makes room for `bytes` more bytes of text, and for as many more blocks as text like
    /// the text so far would hold, so that appending pieces neither copies the text again and
    /// again nor doubles the block list past what it needs.
    pub fn reserve(&mut self, bytes: usize) {
        self.text.reserve(bytes);
        if !self.text.is_empty() {
            let per_byte = self.blocks.len() as f64 / self.text.len() as f64;
            // Ten percent over the estimate, so a slightly denser rest does not double it.
            self.blocks
                .reserve_exact((bytes as f64 * per_byte * 1.1) as usize);
        }
    }

    /// Finds runs of blocks that repeat an earlier run (done by [`Document::parse`]; call it
    /// once after the last piece of a brief read in pieces).
    pub fn find_repeats(&mut self) {
        self.repeats = repeats::find(&self.text, &self.blocks);
    }

    /// The normalised text: block texts joined by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All blocks in document order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Blocks the document has room for (see [`Document::reserve`]).
    pub fn block_capacity(&self) -> usize {
        self.blocks.capacity()
    }

    /// The text of block `index`.
    pub fn block_text(&self, index: usize) -> &str {
        self.blocks
            .get(index)
            .map_or("", |b| &self.text[b.range.clone()])
    }

    /// Length of the normalised text in characters.
    pub fn char_len(&self) -> Chars {
        Chars(self.char_len)
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
    pub fn char_offset(&self, offset: usize) -> Chars {
        Chars(self.chars_before(offset))
    }

    fn chars_before(&self, offset: usize) -> usize {
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
    pub fn byte_offset(&self, offset: Chars) -> usize {
        let offset = offset.get();
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

    /// Parses `src` in pieces cut after the newlines at `cuts`, as the loader does.
    fn in_pieces(src: &str, cuts: &[usize]) -> Document {
        let mut bounds = vec![0];
        bounds.extend(cuts.iter().map(|&c| {
            let before = &src.as_bytes()[..c.min(src.len())];
            before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1)
        }));
        bounds.push(src.len());
        let mut doc = Document::parse_start(&src.as_bytes()[..bounds[1]], Format::Plain).unwrap();
        for w in bounds[1..].windows(2) {
            let part = Document::parse_continuation(&src.as_bytes()[w[0]..w[1]], w[0]).unwrap();
            doc.append(part);
        }
        doc.find_repeats();
        doc
    }

    #[test]
    fn a_brief_read_in_pieces_equals_one_read_whole() {
        let sample = std::str::from_utf8(include_bytes!("../seeds/micron-cac-probe.txt")).unwrap();
        let hostile = "\n\nTïtle\n\n\tCafé 東京\r\n  \n\u{1b}[2J x\nlast";
        for src in [sample, hostile] {
            let whole = Document::parse(src.as_bytes(), Format::Plain).unwrap();
            for cuts in [
                vec![1],
                vec![3, 9],
                vec![src.len() / 2],
                vec![10, 20, 30, 40],
            ] {
                let pieces = in_pieces(src, &cuts);
                assert_eq!(pieces.text(), whole.text(), "cuts {cuts:?}");
                assert_eq!(pieces.blocks(), whole.blocks(), "cuts {cuts:?}");
                assert_eq!(pieces.char_len(), whole.char_len());
                assert_eq!(pieces.repeats(), whole.repeats());
            }
        }
    }

    #[test]
    fn errors_and_warnings_in_a_later_piece_count_from_the_file_start() {
        let err = Document::parse_continuation(b"ab\0", 1000).unwrap_err();
        assert_eq!(err, DecodeError::Binary { offset: 1002 });
        let part = Document::parse_continuation(b"ok\n\xff", 50).unwrap();
        assert!(
            part.warnings()[0].contains("offset 53"),
            "{:?}",
            part.warnings()
        );
        let mut doc = Document::parse_start(b"Title\n", Format::Plain).unwrap();
        doc.append(part);
        assert_eq!(doc.text(), "Title\nok\n\u{FFFD}");
        assert_eq!(doc.warnings().len(), 1);
    }

    #[test]
    fn empty_input_is_an_empty_document() {
        let doc = Document::parse(b"", Format::Plain).unwrap();
        assert!(doc.is_empty());
        assert_eq!(doc.char_len(), Chars(0));
        assert_eq!(doc.block_at(0), 0);
        assert_eq!(doc.char_offset(0), Chars(0));
        assert_eq!(doc.byte_offset(Chars(5)), 0);
    }

    #[test]
    fn char_and_byte_offsets_round_trip() {
        let doc =
            Document::parse("Tïtle\nCafé 東京 🙂 ok\nplain".as_bytes(), Format::Plain).unwrap();
        let text = doc.text();
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(doc.char_offset(bytes), Chars(chars), "byte {bytes}");
            assert_eq!(doc.byte_offset(Chars(chars)), bytes, "char {chars}");
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
