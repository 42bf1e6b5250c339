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
mod html;
mod html_blocks;
mod html_charset;
mod markdown;
pub mod markdown_out;
mod matcher;
pub mod motion;
mod plain;
mod repeats;
mod sniff;

pub use block::{Block, BlockKind, CHAR_STRIDE, Inline, Prefix, Span, Styles};
pub use builder::TAB_WIDTH;
pub use chars::Chars;
pub use decode::{DecodeError, refuse_binary};
pub use front_matter::Meta;
pub use html::MAX_PAGE_BYTES;
pub use matcher::Matcher;
pub use repeats::Repeat;
pub use sniff::sniff;

use builder::{Builder, Built};

/// How a brief's body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line; the first line is the title.
    Plain,
    /// CommonMark.
    Markdown,
    /// A web page: the article it holds (see [`Document::parse_html`]).
    Html,
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
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Plain,
        }
    }
}

/// A parsed brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    text: String,
    blocks: Vec<Block>,
    /// Inline styles and decoration of the blocks that have any.
    styles: Styles,
    /// `char_marks[k]` is the offset in characters of block `k * CHAR_STRIDE`'s first
    /// character (8 bytes every 16 blocks instead of every block).
    char_marks: Vec<usize>,
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
        if format == Format::Html {
            return Self::parse_html(bytes, None);
        }
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
            Format::Markdown | Format::Html => markdown::parse(split.body, &mut builder, has_title),
        }
        Ok(Self::of(builder.finish(), split.meta, warnings))
    }

    /// Parses a web page: its bytes decoded by the charset `declared` (an HTTP header's), a
    /// byte-order mark or the page's `<meta charset>`, its article extracted, its metadata
    /// read as front matter's. Fails only for binary input (a NUL byte).
    pub fn parse_html(bytes: &[u8], declared: Option<&str>) -> Result<Self, DecodeError> {
        let bytes_len = bytes.len() as u64;
        if bytes_len > MAX_PAGE_BYTES {
            return Err(DecodeError::TooLarge {
                bytes: bytes_len,
                limit: MAX_PAGE_BYTES,
            });
        }
        refuse_binary(bytes, 0)?;
        let page = html_charset::decode(bytes, declared);
        let mut builder = Builder::default();
        let extracted = html::parse(&page.text, &mut builder);
        let mut warnings: Vec<String> = page.warning.into_iter().collect();
        warnings.extend(extracted.warnings);
        let mut doc = Self::of(builder.finish(), extracted.meta, warnings);
        doc.find_repeats();
        Ok(doc)
    }

    /// Parses a later piece of a plain-text brief: whole lines that began at byte `base` of
    /// the file, every one a paragraph. Error offsets and warnings count from the file's start.
    pub fn parse_continuation(bytes: &[u8], base: usize) -> Result<Self, DecodeError> {
        let decoded = decode::decode(bytes, base)?;
        let mut builder = Builder::with_capacity(bytes.len());
        plain::parse(&decoded.text, &mut builder, true);
        Ok(Self::of(
            builder.finish(),
            Meta::default(),
            decoded.warning.into_iter().collect(),
        ))
    }

    /// The document a builder made.
    fn of(built: Built, meta: Meta, warnings: Vec<String>) -> Self {
        let mut doc = Self {
            text: built.text,
            blocks: built.blocks,
            styles: built.styles,
            char_marks: Vec::new(),
            char_len: built.chars,
            meta,
            repeats: Vec::new(),
            warnings,
        };
        doc.mark_chars(0, 0);
        doc
    }

    /// Keeps the first character's offset of every [`CHAR_STRIDE`]-th block from block
    /// `from` on, whose first character is character `chars`.
    fn mark_chars(&mut self, from: usize, mut chars: usize) {
        self.char_marks.truncate(from.div_ceil(CHAR_STRIDE));
        let marks = (self.blocks.len().div_ceil(CHAR_STRIDE)).saturating_sub(self.char_marks.len());
        self.char_marks.reserve_exact(marks);
        for (i, block) in self.blocks.iter().enumerate().skip(from) {
            if i.is_multiple_of(CHAR_STRIDE) {
                self.char_marks.push(chars);
            }
            chars += block.char_len() + 1;
        }
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
            part.blocks[0].set_kind(BlockKind::Title);
            self.text.push_str(&part.text);
            self.blocks = part.blocks;
            self.styles = part.styles;
            self.char_marks = part.char_marks;
            self.char_len = part.char_len;
            return;
        }
        self.text.push('\n');
        let (bytes, chars, from) = (self.text.len(), self.char_len + 1, self.blocks.len());
        self.text.push_str(&part.text);
        self.blocks.reserve(part.blocks.len());
        self.blocks
            .extend(part.blocks.into_iter().map(|b| b.shifted(bytes)));
        self.styles.append(part.styles, from);
        self.mark_chars(from, chars);
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
            let blocks = (bytes as f64 * per_byte * 1.1) as usize;
            self.blocks.reserve_exact(blocks);
            self.char_marks.reserve_exact(blocks / CHAR_STRIDE + 1);
        }
    }

    /// Finds runs of blocks that repeat an earlier run (done by [`Document::parse`]; call it
    /// once after the last piece of a brief read in pieces).
    pub fn find_repeats(&mut self) {
        self.repeats = repeats::find(&self.text, &self.blocks, &self.styles);
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

    /// Inline styles of block `index`, sorted by start (none past the last block).
    pub fn spans(&self, index: usize) -> &[Span] {
        self.styles.spans(index)
    }

    /// Quote and list decoration of block `index`.
    pub fn prefix(&self, index: usize) -> &Prefix {
        self.styles.prefix(index)
    }

    /// Offset of block `index`'s first character, in Unicode scalar values (the text's
    /// length in characters past the last block): the kept offset of the block at most
    /// [`CHAR_STRIDE`] - 1 before it, plus the lengths between.
    pub fn char_start(&self, index: usize) -> usize {
        let index = index.min(self.blocks.len());
        let group = index / CHAR_STRIDE;
        let Some(&mark) = self.char_marks.get(group) else {
            return self.char_len;
        };
        let between = &self.blocks[group * CHAR_STRIDE..index];
        (mark + between.iter().map(|b| b.char_len() + 1).sum::<usize>()).min(self.char_len)
    }

    /// The text of block `index`.
    pub fn block_text(&self, index: usize) -> &str {
        self.blocks.get(index).map_or("", |b| &self.text[b.range()])
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
            .filter(|b| b.kind() == BlockKind::Title)
            .map(|b| &self.text[b.range()])
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
            .partition_point(|b| b.range().end < offset)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// Character offset of byte `offset` (which must lie on a character boundary).
    pub fn char_offset(&self, offset: usize) -> Chars {
        Chars(self.chars_before(offset))
    }

    fn chars_before(&self, offset: usize) -> usize {
        let index = self.block_at(offset);
        let Some(block) = self.blocks.get(index) else {
            return 0;
        };
        let char_start = self.char_start(index);
        if offset <= block.range().start {
            return char_start;
        }
        let end = offset.min(block.range().end);
        let inside = &self.text[block.range().start..end];
        let chars = if block.is_ascii() {
            inside.len()
        } else {
            inside.chars().count()
        };
        char_start + chars + usize::from(offset > block.range().end)
    }

    /// Byte offset of character `offset`, clamped to the end of the text.
    pub fn byte_offset(&self, offset: Chars) -> usize {
        let offset = offset.get();
        // The first block whose last character ends at or past `offset`: it lies in the last
        // group that starts at or before it, or is the first block of the next group.
        let group = self
            .char_marks
            .partition_point(|&m| m <= offset)
            .saturating_sub(1);
        let mut char_start = self.char_marks.get(group).copied().unwrap_or(0);
        let mut index = group * CHAR_STRIDE;
        while let Some(b) = self.blocks.get(index)
            && char_start + b.char_len() < offset
        {
            char_start += b.char_len() + 1;
            index += 1;
        }
        let Some(block) = self.blocks.get(index) else {
            return self.text.len();
        };
        let inside = offset.saturating_sub(char_start);
        if block.is_ascii() {
            return block.range().start + inside.min(block.range().len());
        }
        let text = &self.text[block.range()];
        block.range().start
            + text
                .char_indices()
                .nth(inside)
                .map_or(text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod tests_props;
