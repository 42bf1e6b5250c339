//! The HTML export: one self-contained page to send someone who does not use a terminal.
//! The brief with its highlights in the theme's colours, notes as numbered side notes beside
//! their passages (footnotes on a narrow screen, by CSS alone), tags, the brief-level note
//! and the source line. No script, no external request; everything from the brief escaped.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{Brief, Highlight, Palette};
use crate::annotation::{Annotation, Status};
use crate::document::{BlockKind, Inline};
use crate::sanitize;

/// Text made safe inside HTML elements and attribute values: the five special characters
/// as entities and every control neutralised.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize::text(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page for `brief`.
pub fn page(brief: &Brief<'_>) -> String {
    let info = brief.info();
    let numbers = note_numbers(brief);
    let mut body = String::new();
    let _ = writeln!(body, "<header>");
    let _ = writeln!(body, "<h1 class=\"title\">{}</h1>", escape(&info.title));
    let mut meta: Vec<String> = Vec::new();
    meta.extend(info.source.iter().map(|s| escape(s)));
    meta.extend(info.published.iter().map(|s| escape(s)));
    if let Some(url) = &info.url {
        meta.push(format!("<span class=\"url\">{}</span>", escape(url)));
    }
    if !meta.is_empty() {
        let _ = writeln!(body, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    if !info.tags.is_empty() {
        let _ = writeln!(body, "<p class=\"tags\">{}</p>", tag_list(&info.tags));
    }
    if !info.note.is_empty() {
        let _ = writeln!(
            body,
            "<section class=\"brief-note\"><h2>Note on the brief</h2>{}</section>",
            paragraphs(&info.note)
        );
    }
    let _ = writeln!(body, "</header>\n<article>");
    let placed: Vec<&Annotation> = brief
        .annotations
        .iter()
        .filter(|a| a.status != Status::Orphaned)
        .collect();
    for (b, block) in brief.doc.blocks().iter().enumerate() {
        if b == 0 && block.kind() == BlockKind::Title {
            continue;
        }
        let inner = block_html(brief, b, &placed, &numbers);
        let prefix = brief.doc.prefix(b);
        let depth = usize::from(prefix.list_depth);
        let (open, close) = match block.kind() {
            BlockKind::Title => ("<p class=\"title\">".to_string(), "</p>".to_string()),
            BlockKind::Heading(level) => {
                let h = (level + 1).min(6);
                (format!("<h{h}>"), format!("</h{h}>"))
            }
            BlockKind::Code => ("<pre><code>".to_string(), "</code></pre>".to_string()),
            BlockKind::Paragraph if depth > 0 => (
                format!("<p class=\"item\" style=\"margin-left:{}em\">", depth * 2),
                "</p>".to_string(),
            ),
            BlockKind::Paragraph => ("<p>".to_string(), "</p>".to_string()),
        };
        let marker = prefix
            .marker
            .as_ref()
            .map(|m| format!("<span class=\"marker\">{}</span> ", escape(m)))
            .unwrap_or_default();
        let quotes = usize::from(prefix.quote_depth);
        body.push_str(&"<blockquote>".repeat(quotes));
        let _ = write!(body, "{open}{marker}{inner}{close}");
        body.push_str(&"</blockquote>".repeat(quotes));
        body.push('\n');
    }
    let _ = writeln!(body, "</article>");
    body.push_str(&footnotes(brief, &numbers));
    body.push_str(&orphans(brief));
    let _ = writeln!(
        body,
        "<footer>Exported by gloss from <span class=\"url\">{}</span></footer>",
        escape(&info.uri)
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&info.title),
        css(brief.palette)
    )
}

/// The number of each annotation with a note, in document order (as the reader numbers
/// them in its margin); orphans last.
fn note_numbers(brief: &Brief<'_>) -> Vec<(uuid::Uuid, usize)> {
    brief
        .annotations
        .iter()
        .filter(|a| a.status != Status::Orphaned)
        .chain(brief.annotations.orphans())
        .filter(|a| !a.note.is_empty())
        .enumerate()
        .map(|(i, a)| (a.id, i + 1))
        .collect()
}

fn number_of(numbers: &[(uuid::Uuid, usize)], id: uuid::Uuid) -> Option<usize> {
    numbers.iter().find(|(i, _)| *i == id).map(|(_, n)| *n)
}

/// A block's text with its inline styles and highlights: cut where any of them starts or
/// ends, each piece wrapped in the styles over it and the innermost highlight over it
/// (the shortest, as the reader draws it; `overlap` when there are several); a note's
/// number and side note follow the end of its highlight.
fn block_html(
    brief: &Brief<'_>,
    b: usize,
    placed: &[&Annotation],
    numbers: &[(uuid::Uuid, usize)],
) -> String {
    let doc = brief.doc;
    let Some(block) = doc.blocks().get(b) else {
        return String::new();
    };
    let start = block.range().start;
    let end = block.range().end;
    let text = doc.text();
    let here: Vec<(&Annotation, std::ops::Range<usize>)> = placed
        .iter()
        .map(|a| (*a, a.anchor.bytes(doc)))
        .filter(|(_, r)| r.start < end && r.end > start || (r.is_empty() && r.start == start))
        .collect();
    let mut cuts: BTreeSet<usize> = [start, end].into();
    for (_, r) in &here {
        cuts.insert(r.start.clamp(start, end));
        cuts.insert(r.end.clamp(start, end));
    }
    for span in doc.spans(b) {
        cuts.insert((start + span.range.start).min(end));
        cuts.insert((start + span.range.end).min(end));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = String::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let piece = text.get(from..to).unwrap_or("");
        let mut html = escape(piece);
        for span in doc.spans(b) {
            if start + span.range.start <= from && to <= start + span.range.end {
                let tag = match span.style {
                    Inline::Emphasis => "em",
                    Inline::Strong => "strong",
                    Inline::Code => "code",
                    Inline::Strike => "s",
                    Inline::Link => "u",
                };
                html = format!("<{tag}>{html}</{tag}>");
            }
        }
        let over: Vec<&(&Annotation, std::ops::Range<usize>)> = here
            .iter()
            .filter(|(_, r)| r.start <= from && to <= r.end)
            .collect();
        if let Some((top, _)) = over.iter().min_by_key(|(_, r)| r.len()) {
            let overlap = if over.len() > 1 { " overlap" } else { "" };
            let fuzzy = if top.status == Status::Fuzzy {
                " fuzzy"
            } else {
                ""
            };
            // Hovering shows the command that opens gloss at the highlight.
            let open = brief.highlight(top).open;
            html = format!(
                "<mark class=\"{}{overlap}{fuzzy}\" title=\"{}\">{html}</mark>",
                super::w3c::style_class(top.color.name()),
                escape(&open)
            );
        }
        out.push_str(&html);
        for (a, r) in &here {
            if r.end == to {
                out.push_str(&side_note(&brief.highlight(a), numbers, a.id));
            }
        }
    }
    out
}

/// The number after a highlight with a note and its side note (hidden on narrow screens,
/// where the footnotes show instead).
fn side_note(h: &Highlight, numbers: &[(uuid::Uuid, usize)], id: uuid::Uuid) -> String {
    let Some(n) = number_of(numbers, id) else {
        return String::new();
    };
    let tags = if h.tags.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"tags\">{}</span>", tag_list(&h.tags))
    };
    format!(
        "<sup class=\"ref\" id=\"ref-{n}\"><a href=\"#note-{n}\">{n}</a></sup>\
         <span class=\"side\"><span class=\"num\">{n}</span> {}{tags}{}</span>",
        escape(&h.note).replace('\n', "<br>"),
        by(&h.author)
    )
}

/// Who made a note, after it; nothing when unknown.
fn by(author: &str) -> String {
    if author.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"by\">by {}</span>", escape(author))
    }
}

fn tag_list(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("<span class=\"tag\">#{}</span>", escape(t)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn paragraphs(s: &str) -> String {
    s.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", escape(p.trim()).replace('\n', "<br>")))
        .collect()
}

/// The notes again as footnotes, for narrow screens (and print).
fn footnotes(brief: &Brief<'_>, numbers: &[(uuid::Uuid, usize)]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section class=\"footnotes\"><h2>Notes</h2><ol>\n");
    for (id, n) in numbers {
        let Some(a) = brief.annotations.get(*id) else {
            continue;
        };
        let h = brief.highlight(a);
        let tags = if h.tags.is_empty() {
            String::new()
        } else {
            format!(" {}", tag_list(&h.tags))
        };
        let _ = writeln!(
            out,
            "<li id=\"note-{n}\" value=\"{n}\"><q class=\"{}\">{}</q> {}{tags}{} <a href=\"#ref-{n}\">↩</a></li>",
            super::w3c::style_class(h.color),
            escape(&h.quote),
            escape(&h.note).replace('\n', "<br>"),
            by(&h.author)
        );
    }
    out.push_str("</ol></section>\n");
    out
}

/// Highlights not found in the brief as it is now, with their stored quotes.
fn orphans(brief: &Brief<'_>) -> String {
    let orphans = brief.orphans();
    if orphans.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section class=\"orphans\"><h2>Orphaned</h2><p>Not found in the brief as it is now; the quotes are the ones stored.</p>\n",
    );
    for h in &orphans {
        let _ = writeln!(
            out,
            "<blockquote><mark class=\"{}\">{}</mark>{}</blockquote>",
            super::w3c::style_class(h.color),
            escape(&h.quote),
            if h.note.is_empty() {
                String::new()
            } else {
                format!("<p>{}</p>", escape(&h.note).replace('\n', "<br>"))
            }
        );
    }
    out.push_str("</section>\n");
    out
}

/// The page's style: the theme's text and highlight colours, side notes in the right margin
/// from 62em up, footnotes below that.
fn css(palette: &Palette) -> String {
    // The theme's page only when it sets a background: its ink alone may be meant for a
    // dark terminal and unreadable on white.
    let (fg, bg, meta) = match (&palette.text.fg, &palette.text.bg) {
        (Some(fg), Some(bg)) => (
            fg.as_str(),
            bg.as_str(),
            palette.meta.fg.as_deref().unwrap_or(fg),
        ),
        _ => ("#1d1f21", "#fdfdf8", "#5c6166"),
    };
    let mut out = format!(
        "         body {{ color: {fg}; background: {bg}; font: 17px/1.55 Georgia, 'Times New Roman', serif; margin: 0; padding: 2em 1.2em; }}\n\
         header, article, section, footer {{ max-width: 36em; margin: 0 auto; }}\n\
         @media (min-width: 62em) {{ header, article, section, footer {{ margin-left: 8%; }} }}\n\
         h1.title {{ font-size: 1.7em; line-height: 1.2; margin: 0 0 .3em; }}\n\
         .meta, footer {{ color: {meta}; font-size: .9em; }}\n\
         .url {{ word-break: break-all; }}\n\
         .tag {{ font: .8em/1.4 ui-monospace, monospace; padding: 0 .3em; border: 1px solid currentColor; border-radius: .3em; opacity: .8; }}\n\
         .brief-note {{ border-left: 3px solid currentColor; padding-left: 1em; margin: 1.2em 0; }}\n\
         .brief-note h2, .footnotes h2, .orphans h2 {{ font-size: 1em; text-transform: uppercase; letter-spacing: .05em; }}\n\
         blockquote {{ margin: 0 0 0 1em; padding-left: 1em; border-left: 2px solid currentColor; }}\n\
         pre {{ white-space: pre-wrap; font-size: .85em; }}\n\
         mark {{ padding: 0 .1em; border-radius: .15em; }}\n\
         mark.overlap {{ text-decoration: underline; }}\n\
         mark.fuzzy {{ text-decoration: line-through; }}\n\
         sup.ref {{ line-height: 0; }}\n\
         sup.ref a {{ color: inherit; font-size: .75em; font-weight: bold; text-decoration: none; }}\n\
         .side {{ display: none; }}\n\
         @media (min-width: 62em) {{\n\
           article {{ position: relative; }}\n\
           .side {{ display: block; float: right; clear: right; width: 15em; margin-right: -18em; font-size: .8em; line-height: 1.4; }}\n\
           .side .num {{ font-weight: bold; }}\n\
           .footnotes {{ display: none; }}\n\
         }}\n\
         @media print {{ .side {{ display: none; }} .footnotes {{ display: block; }} }}\n"
    );
    for c in <crate::annotation::Color as strum::IntoEnumIterator>::iter() {
        let pair = palette.highlight(c);
        let _ = writeln!(
            out,
            ".{} {{ background: {}; color: {}; }}",
            super::w3c::style_class(c.name()),
            pair.bg.as_deref().unwrap_or("transparent"),
            pair.fg.as_deref().unwrap_or("inherit"),
        );
    }
    out
}
