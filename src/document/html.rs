//! HTML briefs: a saved web page becomes the article it holds. The article is found with
//! `dom_smoothie` (a port of Mozilla's Readability), its tree becomes blocks like a Markdown
//! brief's, and the page's metadata (Open Graph, `article:`, JSON-LD, `<time>`,
//! `<link rel=canonical>`) fills the same fields front matter does. Pure: text in, blocks out.

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability};

use super::block::BlockKind;
use super::builder::Builder;
use super::front_matter::Meta;
use super::html_blocks::{self, Found};

mod clean;

/// Above this many characters of text a page's article is taken as found; below it, and when
/// Readability finds nothing, the page's visible text is shown instead.
const MIN_ARTICLE_CHARS: usize = 100;

/// The largest web page gloss reads: article pages run to a few MiB with their scripts and
/// inline images; a page far past that is a dump or an attack, and building its whole tree
/// would take seconds and gigabytes.
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// What extracting a page found besides its blocks.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Title, byline, source, date and address, as front matter would give them.
    pub meta: Meta,
    /// Problems that did not stop it (no article found).
    pub warnings: Vec<String>,
}

/// Extracts the article of `html` into `builder`: its title block first, then its blocks.
pub fn parse(html: &str, builder: &mut Builder) -> Extracted {
    let dom = Dom::from(html);
    let page = PageMeta::read(&dom);
    let mut warnings = Vec::new();
    let cfg = Config {
        // Dropping classes costs time and gloss never looks at them.
        keep_classes: true,
        ..Config::default()
    };
    let article = Readability::with_document(dom, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .ok();
    let mut meta = page.meta();
    let mut blocks = Vec::new();
    if let Some(article) = &article {
        let title = article.title.trim();
        if !title.is_empty() {
            meta.title = Some(title.to_string());
        }
        meta.byline = article.byline.clone().or(meta.byline);
        meta.source = article.site_name.clone().or(meta.source);
        if let Some(date) = article.published_time.clone() {
            meta.published = Some(toml::Value::String(date));
        }
        let content = Dom::fragment(article.content.clone());
        blocks = html_blocks::collect(&content.root());
    }
    if text_chars(&blocks) < MIN_ARTICLE_CHARS {
        // Readability changed the tree it was given: read the page again for its text.
        let whole = Dom::from(html);
        let body = whole.body().unwrap_or_else(|| whole.root());
        let visible = html_blocks::collect(&body);
        if text_chars(&visible) > text_chars(&blocks) {
            blocks = visible;
        }
        warnings.push(if blocks.is_empty() {
            "no article and no visible text found in this page".to_string()
        } else {
            "no article found in this page; showing all its visible text".to_string()
        });
    }
    let blocks = clean::tidy_blocks(blocks);
    let meta = tidy(meta);
    push_blocks(meta.title.as_deref(), blocks, builder);
    Extracted { meta, warnings }
}

/// Pushes the title, then the blocks, leaving out a leading heading that repeats the title.
fn push_blocks(title: Option<&str>, blocks: Vec<Found>, builder: &mut Builder) {
    if let Some(title) = title {
        builder.push_line(BlockKind::Title, &title.replace(['\n', '\r'], " "));
    }
    let mut blocks = blocks.into_iter().peekable();
    while let Some(first) = blocks.peek() {
        let repeats_title = matches!(first.kind, BlockKind::Heading(_))
            && title.is_some_and(|t| same_words(t, first.text.as_str()));
        if !repeats_title && !first.text.as_str().trim().is_empty() {
            break;
        }
        blocks.next();
    }
    for found in blocks {
        builder.push(found.kind, found.prefix, found.text);
    }
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn text_chars(blocks: &[Found]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.as_str().trim().chars().count())
        .sum()
}

/// Trims every field and drops the empty ones.
fn tidy(mut meta: Meta) -> Meta {
    fn clean(field: &mut Option<String>) {
        *field = field
            .as_deref()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty());
    }
    clean(&mut meta.title);
    clean(&mut meta.byline);
    clean(&mut meta.source);
    clean(&mut meta.url);
    if let Some(toml::Value::String(date)) = &meta.published {
        let date = date.trim();
        meta.published = (!date.is_empty()).then(|| toml::Value::String(date.to_string()));
    }
    meta
}

/// What the page's head says about itself, read before Readability changes the tree.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    canonical: Option<String>,
    published: Option<String>,
    byline: Option<String>,
    source: Option<String>,
}

impl PageMeta {
    fn read(dom: &Dom) -> Self {
        let attr = |selector: &str, name: &str| {
            dom.select(selector)
                .iter()
                .find_map(|s| s.attr(name).map(|v| v.to_string()))
                .filter(|v| !v.trim().is_empty())
        };
        let title = dom.select("head title").text().to_string();
        Self {
            title: attr("meta[property='og:title']", "content")
                .or_else(|| (!title.trim().is_empty()).then_some(title)),
            canonical: attr("link[rel=canonical]", "href")
                .or_else(|| attr("meta[property='og:url']", "content")),
            published: attr("meta[property='article:published_time']", "content")
                .or_else(|| attr("meta[itemprop=datePublished]", "content"))
                .or_else(|| attr("time[datetime]", "datetime")),
            byline: attr("meta[name=author]", "content"),
            source: attr("meta[property='og:site_name']", "content"),
        }
    }

    fn meta(self) -> Meta {
        Meta {
            title: self.title,
            url: self.canonical,
            published: self.published.map(toml::Value::String),
            byline: self.byline,
            source: self.source,
            ..Meta::default()
        }
    }
}

#[cfg(test)]
mod tests;
