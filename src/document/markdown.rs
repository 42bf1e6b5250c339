//! Markdown briefs (CommonMark via pulldown-cmark): headings, paragraphs, lists, block quotes,
//! code and inline emphasis become blocks of the normalised text. Markup itself (`#`, `*`,
//! list markers, link targets, raw HTML) is not part of the text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::block::{BlockKind, Inline, Prefix};
use super::builder::{BlockText, Builder};

struct Open {
    kind: BlockKind,
    prefix: Prefix,
    text: BlockText,
}

#[derive(Default)]
struct Walker {
    open: Option<Open>,
    quote_depth: u8,
    /// Next number of each enclosing list; `None` for bullet lists.
    lists: Vec<Option<u64>>,
    marker: Option<String>,
    styles: Vec<Inline>,
}

impl Walker {
    fn prefix(&mut self) -> Prefix {
        Prefix {
            quote_depth: self.quote_depth,
            list_depth: u8::try_from(self.lists.len()).unwrap_or(u8::MAX),
            marker: self.marker.take(),
        }
    }

    fn begin(&mut self, kind: BlockKind, builder: &mut Builder) {
        self.close(builder);
        let text = if kind == BlockKind::Code {
            BlockText::preformatted()
        } else {
            BlockText::default()
        };
        let prefix = self.prefix();
        self.open = Some(Open { kind, prefix, text });
    }

    fn close(&mut self, builder: &mut Builder) {
        if let Some(open) = self.open.take() {
            builder.push(open.kind, open.prefix, open.text);
        }
    }

    fn text(&mut self, piece: &str, style: Option<Inline>, builder: &mut Builder) {
        if self.open.is_none() {
            // Text in a tight list item arrives without a paragraph around it.
            self.begin(BlockKind::Paragraph, builder);
        }
        let style = style.or_else(|| self.styles.last().copied());
        if let Some(open) = self.open.as_mut() {
            open.text.push(piece, style);
        }
    }

    fn next_marker(&mut self) -> String {
        match self.lists.last_mut() {
            Some(Some(n)) => {
                let marker = format!("{n}.");
                *n += 1;
                marker
            }
            _ => "•".to_string(),
        }
    }
}

/// Appends the blocks of a Markdown body. Without a title from front matter, a heading that
/// opens the brief becomes its title.
pub fn parse(body: &str, builder: &mut Builder, has_title: bool) {
    let first_block = builder.len();
    let mut w = Walker::default();
    let options = Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(tag) => start(tag, &mut w, builder),
            Event::End(tag) => end(tag, &mut w, builder),
            Event::Text(t) => w.text(&t, None, builder),
            Event::Code(t) => w.text(&t, Some(Inline::Code), builder),
            Event::SoftBreak => w.text(" ", None, builder),
            Event::HardBreak => w.text("\n", None, builder),
            Event::TaskListMarker(done) => {
                w.text(if done { "[x] " } else { "[ ] " }, None, builder)
            }
            _ => {}
        }
    }
    w.close(builder);
    if !has_title && matches!(builder.kind(first_block), Some(BlockKind::Heading(_))) {
        builder.set_kind(first_block, BlockKind::Title);
    }
}

fn start(tag: Tag<'_>, w: &mut Walker, builder: &mut Builder) {
    match tag {
        Tag::Paragraph => w.begin(BlockKind::Paragraph, builder),
        Tag::Heading { level, .. } => w.begin(BlockKind::Heading(level as u8), builder),
        Tag::CodeBlock(_) => w.begin(BlockKind::Code, builder),
        Tag::BlockQuote(_) => {
            w.close(builder);
            w.quote_depth = w.quote_depth.saturating_add(1);
        }
        Tag::List(first) => {
            w.close(builder);
            w.lists.push(first);
        }
        Tag::Item => {
            w.close(builder);
            w.marker = Some(w.next_marker());
        }
        Tag::Emphasis => w.styles.push(Inline::Emphasis),
        Tag::Strong => w.styles.push(Inline::Strong),
        Tag::Strikethrough => w.styles.push(Inline::Strike),
        Tag::Link { .. } => w.styles.push(Inline::Link),
        _ => {}
    }
}

fn end(tag: TagEnd, w: &mut Walker, builder: &mut Builder) {
    match tag {
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => {
            w.close(builder)
        }
        TagEnd::BlockQuote(_) => {
            w.close(builder);
            w.quote_depth = w.quote_depth.saturating_sub(1);
        }
        TagEnd::List(_) => {
            w.close(builder);
            w.lists.pop();
        }
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
            w.styles.pop();
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::block::{Block, Span, Styles};

    fn parse_md(src: &str) -> (String, Vec<Block>, Styles) {
        let mut b = Builder::default();
        parse(src, &mut b, false);
        let built = b.finish();
        (built.text, built.blocks, built.styles)
    }

    #[test]
    fn markup_is_not_part_of_the_text() {
        let (text, blocks, styles) =
            parse_md("# Rates rise\n\nThe *Fed* raised **rates**\nagain.\n");
        assert_eq!(text, "Rates rise\nThe Fed raised rates again.");
        assert_eq!(blocks[0].kind(), BlockKind::Title);
        assert_eq!(
            styles.spans(1),
            [
                Span {
                    range: 4..7,
                    style: Inline::Emphasis
                },
                Span {
                    range: 15..20,
                    style: Inline::Strong
                }
            ]
        );
    }

    #[test]
    fn lists_and_quotes_carry_their_decoration() {
        let (text, _, styles) = parse_md("Intro\n\n- one\n- two\n  1. inner\n\n> quoted\n");
        assert_eq!(text, "Intro\none\ntwo\ninner\nquoted");
        assert_eq!(styles.prefix(1).marker.as_deref(), Some("•"));
        assert_eq!(
            *styles.prefix(3),
            Prefix {
                quote_depth: 0,
                list_depth: 2,
                marker: Some("1.".into())
            }
        );
        assert_eq!(styles.prefix(4).quote_depth, 1);
    }

    #[test]
    fn code_keeps_indentation_and_lines() {
        let (text, blocks, _) = parse_md("Para\n\n```\nfn x() {\n\tgo();\n}\n```\n");
        assert_eq!(text, "Para\nfn x() {\n    go();\n}");
        assert_eq!(blocks[1].kind(), BlockKind::Code);
    }

    #[test]
    fn links_keep_their_text_not_their_target() {
        let (text, _, styles) = parse_md("See [the report](https://example.com) now.");
        assert_eq!(text, "See the report now.");
        assert_eq!(styles.spans(0)[0].style, Inline::Link);
    }
}
