//! Writes a document as a Markdown brief with TOML front matter, such that gloss reading the
//! file back gets the same normalised text: every character Markdown could take as markup is
//! escaped, and emphasis is written only where CommonMark is sure to read it as emphasis.
//! Pure: a document in, text out.

use serde::Serialize;

use super::{Block, BlockKind, Document, Inline, Prefix, Span};

/// Front matter of an imported brief, in the order it is written.
#[derive(Debug, Default, Serialize)]
pub struct ImportMeta {
    /// The article's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The page's canonical address (else where it was fetched from).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the article was published, as the page says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When gloss fetched or imported it (UTC, RFC 3339).
    pub fetched: String,
}

impl ImportMeta {
    /// The front matter of `doc` (an HTML brief's metadata), fetched at `fetched`, with
    /// `fallback_url` when the page names no address of its own.
    pub fn of(doc: &Document, fetched: String, fallback_url: Option<&str>) -> Self {
        let m = doc.meta();
        let published = m.published.as_ref().map(|v| match v {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        Self {
            title: doc.title().map(str::to_string),
            source: m.source.clone(),
            url: m.url.clone().or_else(|| fallback_url.map(str::to_string)),
            published,
            byline: m.byline.clone(),
            fetched,
        }
    }
}

/// The Markdown brief: `+++` front matter, then every block but the title (front matter's
/// `title` becomes the title block when gloss reads it).
pub fn write(doc: &Document, meta: &ImportMeta) -> String {
    // A struct of strings always serialises; an empty table is the worst that can happen.
    let front = toml::to_string(meta).unwrap_or_default();
    let mut out = format!("+++\n{front}+++\n");
    for (i, block) in doc.blocks().iter().enumerate() {
        if block.kind() == BlockKind::Title {
            continue;
        }
        out.push('\n');
        write_block(
            &mut out,
            block,
            doc.block_text(i),
            (doc.spans(i), doc.prefix(i)),
        );
        out.push('\n');
    }
    out
}

fn write_block(out: &mut String, block: &Block, text: &str, (spans, prefix): (&[Span], &Prefix)) {
    let quote = "> ".repeat(usize::from(prefix.quote_depth));
    let depth = usize::from(prefix.list_depth);
    let indent = "    ".repeat(depth.saturating_sub(1));
    // A list item's first block carries its marker; its later blocks sit inside the item.
    let lead = match (&prefix.marker, depth) {
        (Some(marker), _) => {
            let marker = if marker == "•" {
                "-"
            } else {
                marker.as_str()
            };
            format!("{quote}{indent}{marker} ")
        }
        (None, 0) => quote.clone(),
        (None, _) => format!("{quote}{indent}    "),
    };
    let rest = format!("{quote}{indent}{}", if depth > 0 { "    " } else { "" });
    match block.kind() {
        BlockKind::Code => {
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            out.push_str(&format!("{lead}{fence}\n"));
            for line in text.split('\n') {
                out.push_str(&format!("{rest}{line}\n"));
            }
            out.push_str(&format!("{rest}{fence}"));
        }
        BlockKind::Heading(level) => {
            let hashes = "#".repeat(usize::from(level.clamp(1, 6)));
            // A heading is one line: a hard break in it would end it.
            let line = inline(&text.replace('\n', " "), spans);
            out.push_str(&format!("{lead}{hashes} {line}"));
        }
        BlockKind::Title | BlockKind::Paragraph => {
            let body = inline(text, spans);
            let mut lines = body.split('\n');
            out.push_str(&lead);
            out.push_str(lines.next().unwrap_or_default());
            for line in lines {
                // A backslash before the line end is a hard break.
                out.push_str(&format!("\\\n{rest}{line}"));
            }
        }
    }
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// The text with its spans as Markdown, everything else escaped.
fn inline(text: &str, spans: &[super::Span]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for span in spans {
        let Some((start, end)) = emphasis_range(text, span, at) else {
            continue;
        };
        let marks = match span.style {
            Inline::Emphasis => "*",
            Inline::Strong => "**",
            Inline::Strike => "~~",
            // Code needs its own escaping rules and links lost their targets: plain text.
            Inline::Code | Inline::Link => continue,
        };
        escape_into(&mut out, &text[at..start], at == 0);
        out.push_str(marks);
        escape_into(&mut out, &text[start..end], false);
        out.push_str(marks);
        at = end;
    }
    escape_into(&mut out, &text[at..], at == 0);
    out
}

/// The span shrunk to its non-blank part when CommonMark reads delimiters around it as
/// emphasis for sure: it starts and ends with a letter or digit, touches no other span, and
/// holds no line break.
fn emphasis_range(text: &str, span: &super::Span, after: usize) -> Option<(usize, usize)> {
    let inner = text.get(span.range.clone())?;
    let trimmed = inner.trim();
    let start = span.range.start + (inner.len() - inner.trim_start().len());
    let end = start + trimmed.len();
    let first = trimmed.chars().next()?;
    let last = trimmed.chars().next_back()?;
    let ok = start > after
        && first.is_alphanumeric()
        && last.is_alphanumeric()
        && !trimmed.contains('\n');
    ok.then_some((start, end))
}

/// Appends `text` with every character Markdown might read as markup escaped. `line_start`
/// says the text begins a line, where `#`, `-`, `+`, `=` and `1.` start blocks.
fn escape_into(out: &mut String, text: &str, line_start: bool) {
    let mut at_start = line_start;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            out.push('\n');
            at_start = true;
            continue;
        }
        if at_start {
            at_start = false;
            if matches!(c, '#' | '-' | '+' | '=' | '>') {
                out.push('\\');
                out.push(c);
                continue;
            }
            if c.is_ascii_digit() {
                // "2026. A year" would be a numbered list: escape the dot or bracket after digits.
                let digits = text[i..].bytes().take_while(u8::is_ascii_digit).count();
                out.push_str(&text[i..i + digits]);
                for _ in 1..digits {
                    chars.next();
                }
                if let Some(&(_, next @ ('.' | ')'))) = chars.peek() {
                    out.push('\\');
                    out.push(next);
                    chars.next();
                }
                continue;
            }
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&' | '!' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn round_trip(html: &str) -> (Document, Document, String) {
        let page = Document::parse_html(html.as_bytes(), None).unwrap();
        let meta = ImportMeta::of(
            &page,
            "2026-12-01T10:00:00Z".into(),
            Some("https://x.test/a"),
        );
        let md = write(&page, &meta);
        let back = Document::parse(md.as_bytes(), Format::Markdown).unwrap();
        (page, back, md)
    }

    const HOSTILE: &str = "<html><head><title>A *title* [x] &amp; #1</title></head><body>\
        <article><p>- not a list, *not emphasis*, _nor_ this, `code`, [link](x), &lt;b&gt;, \
        &amp;amp;, back\\slash, ~~strike~~, a|pipe and ! bang</p>\
        <p># not a heading</p><p>2026. A year, not a list item</p><p>+ plus</p><p>===</p>\
        <p>---</p><p>&gt; not a quote</p><p>line one<br>--- not a rule<br>3) nor this</p>\
        <p>We <em>mean</em> it, <strong>really</strong> and <em> \"quoted\" </em> too</p>\
        <h3>A heading with <em>style</em></h3>\
        <ul><li>one</li><li>two<ol start=\"9\"><li>nine</li><li>ten</li></ol></li></ul>\
        <blockquote><p>quoted <b>strong</b></p><ul><li>listed in a quote</li></ul></blockquote>\
        <pre>```\n  code with ``` fences\n</pre>\
        <p>Esc &#27;[2J and tab\there in a paragraph long enough for Readability to keep.</p>\
        </article></body></html>";

    #[test]
    fn an_imported_brief_reads_back_to_the_same_text() {
        let (page, back, md) = round_trip(HOSTILE);
        assert_eq!(back.text(), page.text(), "{md}");
        assert!(back.warnings().is_empty(), "{:?}", back.warnings());
    }

    #[test]
    fn blocks_and_styles_survive_the_round_trip() {
        let (page, back, md) = round_trip(HOSTILE);
        let kinds = |d: &Document| d.blocks().iter().map(|b| b.kind()).collect::<Vec<_>>();
        let prefixes = |d: &Document| {
            (0..d.blocks().len())
                .map(|b| d.prefix(b).clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(&back), kinds(&page), "{md}");
        assert_eq!(prefixes(&back), prefixes(&page), "{md}");
        assert!(
            md.contains("We *mean* it, **really** and \"quoted\" too"),
            "{md}"
        );
        assert!(md.contains("### A heading with *style*"), "{md}");
    }

    #[test]
    fn front_matter_holds_the_page_metadata() {
        let page = Document::parse_html(
            std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/html/news.html"
            ))
            .unwrap()
            .as_slice(),
            None,
        )
        .unwrap();
        let meta = ImportMeta::of(&page, "2026-12-01T10:00:00Z".into(), None);
        let md = write(&page, &meta);
        assert!(
            md.starts_with(
                "+++\ntitle = \"Dutch join widened chip export curbs\"\nsource = \"Harbour Wire\"\n\
             url = \"https://wire.example.com/2026/11/20/dutch-chip-curbs\"\n\
             published = \"2026-11-20T08:30:00Z\"\nbyline = \"Ada Verhoeven\"\n\
             fetched = \"2026-12-01T10:00:00Z\"\n+++\n\nThe Netherlands"
            ),
            "{md}"
        );
        let back = Document::parse(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(back.text(), page.text());
        assert_eq!(back.meta().byline.as_deref(), Some("Ada Verhoeven"));
    }
}
