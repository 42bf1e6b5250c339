//! Turns an HTML tree (an extracted article, or a whole page's body) into the blocks the
//! Markdown reader builds: paragraphs, headings, list items, block quotes, code, and emphasis,
//! strong, code, strike and link text as inline styles. What a reader does not see (scripts,
//! styles, forms, images) is left out. Pure: a parsed tree in, blocks out.

use dom_query::NodeRef;

use super::block::{BlockKind, Inline, Prefix};
use super::builder::BlockText;

/// Elements whose content is never shown as text.
const HIDDEN: [&str; 22] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "button", "select", "input", "textarea", "option", "head", "title", "meta", "link",
    "img", "picture", "video",
];

/// Elements that start and end a block of their own (the ones with a special meaning are
/// handled apart: headings, lists, items, quotes, `pre`).
const BLOCKS: [&str; 33] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "center",
    "form",
    "fieldset",
    "legend",
    "body",
    "html",
    "hgroup",
    "dialog",
    "menu",
    "audio",
];

/// Deeper than this, an element's text joins its parent's block as it is: broken markup can
/// nest without end, and the walk must not exhaust the stack.
const MAX_DEPTH: usize = 256;

/// One block found in the tree, not yet cleaned into the normalised text.
#[derive(Debug)]
pub struct Found {
    /// Its kind.
    pub kind: BlockKind,
    /// Its quote and list decoration.
    pub prefix: Prefix,
    /// Its text and inline styles.
    pub text: BlockText,
    /// Characters of its text inside links.
    pub link_chars: usize,
    /// Found inside a `figure`, `figcaption` or `caption`.
    pub caption: bool,
}

/// Collects the blocks of `root`'s subtree in document order.
pub fn collect(root: &NodeRef<'_>) -> Vec<Found> {
    let mut w = Walker::default();
    w.node(root, 0);
    w.close();
    w.found
}

#[derive(Default)]
struct Walker {
    found: Vec<Found>,
    open: Option<Found>,
    quote_depth: u8,
    lists: Vec<Option<u64>>,
    marker: Option<String>,
    styles: Vec<Inline>,
    /// Inside `pre`: whitespace is kept.
    pre: usize,
    /// Inside links.
    links: usize,
    /// Inside figures and captions.
    captions: usize,
    /// The last character given to the open block was whitespace (or nothing yet).
    after_space: bool,
}

impl Walker {
    fn begin(&mut self, kind: BlockKind) {
        self.close();
        let text = if kind == BlockKind::Code {
            BlockText::preformatted()
        } else {
            BlockText::default()
        };
        let prefix = Prefix {
            quote_depth: self.quote_depth,
            list_depth: u8::try_from(self.lists.len()).unwrap_or(u8::MAX),
            marker: self.marker.take(),
        };
        self.open = Some(Found {
            kind,
            prefix,
            text,
            link_chars: 0,
            caption: self.captions > 0,
        });
        self.after_space = true;
    }

    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            self.found.push(open);
        }
    }

    /// Adds text as HTML shows it: outside `pre`, every run of whitespace is one space.
    fn text(&mut self, piece: &str) {
        if self.pre > 0 {
            self.push(piece);
            return;
        }
        let mut collapsed = String::with_capacity(piece.len());
        for c in piece.chars() {
            if c.is_ascii_whitespace() {
                if !self.after_space {
                    collapsed.push(' ');
                    self.after_space = true;
                }
            } else {
                collapsed.push(c);
                self.after_space = false;
            }
        }
        if collapsed.is_empty() || (self.open.is_none() && collapsed == " ") {
            return;
        }
        self.push(&collapsed);
    }

    fn push(&mut self, piece: &str) {
        if self.open.is_none() {
            self.begin(BlockKind::Paragraph);
            self.after_space = piece.ends_with(' ');
        }
        let style = match self.pre {
            0 => self.styles.last().copied(),
            _ => None,
        };
        if let Some(open) = self.open.as_mut() {
            open.text.push(piece, style);
            if self.links > 0 {
                open.link_chars += piece.chars().filter(|c| !c.is_whitespace()).count();
            }
        }
    }

    fn line_break(&mut self) {
        if self.open.is_some() {
            self.push("\n");
            self.after_space = true;
        }
    }

    fn children(&mut self, node: &NodeRef<'_>, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn node(&mut self, node: &NodeRef<'_>, depth: usize) {
        if node.is_text() {
            self.text(&node.text());
            return;
        }
        let Some(name) = node.node_name() else {
            // The document or a fragment: walk into it.
            if node.is_document() || node.is_fragment() {
                self.children(node, depth);
            }
            return;
        };
        let name = name.to_ascii_lowercase();
        let name = name.as_str();
        if HIDDEN.contains(&name) || node.has_attr("hidden") {
            return;
        }
        if depth > MAX_DEPTH {
            self.text(&node.text());
            return;
        }
        match name {
            "br" => self.line_break(),
            "hr" => self.close(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                self.begin(BlockKind::Heading(level));
                self.children(node, depth);
                self.close();
            }
            "ul" | "ol" => {
                self.close();
                let first = (name == "ol").then(|| {
                    node.attr("start")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1)
                });
                self.lists.push(first);
                self.children(node, depth);
                self.close();
                self.lists.pop();
            }
            "li" => {
                self.close();
                self.marker = Some(self.next_marker());
                self.children(node, depth);
                self.close();
                // An item with no text leaves no marker for the next block.
                self.marker = None;
            }
            "blockquote" => {
                self.close();
                self.quote_depth = self.quote_depth.saturating_add(1);
                self.children(node, depth);
                self.close();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "pre" => {
                self.begin(BlockKind::Code);
                self.pre += 1;
                self.children(node, depth);
                self.pre -= 1;
                self.close();
            }
            "td" | "th" => {
                // Cells of a row read as one line, a space between them.
                if self.open.is_some() && !self.after_space {
                    self.text(" ");
                }
                self.children(node, depth);
            }
            "figure" | "figcaption" | "caption" => {
                self.close();
                self.captions += 1;
                self.children(node, depth);
                self.close();
                self.captions -= 1;
            }
            _ if BLOCKS.contains(&name) => {
                self.close();
                self.children(node, depth);
                self.close();
            }
            _ => match inline_style(name) {
                Some(style) => {
                    let link = usize::from(style == Inline::Link);
                    self.links += link;
                    self.styles.push(style);
                    self.children(node, depth);
                    self.styles.pop();
                    self.links -= link;
                }
                None => self.children(node, depth),
            },
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

fn inline_style(name: &str) -> Option<Inline> {
    Some(match name {
        "em" | "i" | "cite" | "dfn" | "var" => Inline::Emphasis,
        "strong" | "b" => Inline::Strong,
        "code" | "kbd" | "samp" | "tt" => Inline::Code,
        "s" | "strike" | "del" => Inline::Strike,
        "a" => Inline::Link,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::block::{Block, Span, Styles};
    use crate::document::builder::Builder;

    fn blocks(html: &str) -> (String, Vec<Block>, Styles) {
        let doc = dom_query::Document::from(html);
        let mut b = Builder::default();
        for f in collect(&doc.root()) {
            b.push(f.kind, f.prefix, f.text);
        }
        let built = b.finish();
        (built.text, built.blocks, built.styles)
    }

    #[test]
    fn paragraphs_headings_and_whitespace() {
        let (text, blocks, styles) = blocks(
            "<h2>  Rates\n rise </h2><p>The   Fed\n\traised <em>rates</em> <b>again</b>.</p><p></p>",
        );
        assert_eq!(text, "Rates rise\nThe Fed raised rates again.");
        assert_eq!(blocks[0].kind(), BlockKind::Heading(2));
        assert_eq!(
            styles.spans(1),
            vec![
                Span {
                    range: 15..20,
                    style: Inline::Emphasis
                },
                Span {
                    range: 21..26,
                    style: Inline::Strong
                }
            ]
        );
    }

    #[test]
    fn lists_quotes_and_code_carry_their_decoration() {
        let (text, blocks, styles) = blocks(
            "<ul><li>one</li><li>two<ol start=3><li>inner</li></ol></li></ul>\
             <blockquote><p>quoted</p></blockquote><pre>fn x() {\n\tgo();\n}</pre>",
        );
        assert_eq!(text, "one\ntwo\ninner\nquoted\nfn x() {\n    go();\n}");
        assert_eq!(styles.prefix(0).marker.as_deref(), Some("•"));
        assert_eq!(styles.prefix(2).marker.as_deref(), Some("3."));
        assert_eq!(styles.prefix(2).list_depth, 2);
        assert_eq!(styles.prefix(3).quote_depth, 1);
        assert_eq!(blocks[4].kind(), BlockKind::Code);
    }

    #[test]
    fn hidden_elements_leave_no_text() {
        let (text, ..) = blocks(
            "<p>Kept<script>alert('x')</script><style>p{}</style></p>\
             <div hidden>gone</div><noscript>enable js</noscript><p>also <img alt=pic> kept</p>",
        );
        assert_eq!(text, "Kept\nalso kept");
    }

    #[test]
    fn breaks_cells_and_loose_text() {
        let (text, ..) = blocks(
            "<div>loose <span>text</span><br>next line</div>\
             <table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>",
        );
        assert_eq!(text, "loose text\nnext line\na b\nc");
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let html = format!("{}deep{}", "<span>".repeat(5000), "</span>".repeat(5000));
        let (text, ..) = blocks(&html);
        assert_eq!(text, "deep");
    }
}
