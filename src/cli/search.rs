//! `gloss search DIR QUERY`: every match across a library, in briefs' text and in their
//! annotations' quotes, notes and tags, grouped by brief with a line of context; smart case as
//! in the reader. `#tag` and `color:red` in the query narrow it to annotations with that tag
//! (or one under it) or colour, and to the text they cover.

use std::path::Path;

use serde::Serialize;

use super::list::escape_controls;
use super::out::Out;
use crate::annotation::Annotation;
use crate::annotation::query::{Query, tag_within};
use crate::app::Search;
use crate::document::{Chars, Document, Format};
use crate::error::Error;
use crate::sanitize;
use crate::store::library::{briefs, notes_of, summary};

/// Characters of context shown either side of a hit.
const CONTEXT: usize = 30;

/// One hit, as `--json` prints it.
#[derive(Debug, Serialize)]
struct Hit {
    kind: &'static str,
    start: Chars,
    end: Chars,
    context: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
}

/// One brief with hits, as `--json` prints it.
#[derive(Debug, Serialize)]
struct Matched {
    brief: String,
    title: String,
    hits: Vec<Hit>,
}

/// The text part of a query and what narrows it.
fn parse(query: &str) -> (String, Query) {
    let mut narrow = Query::default();
    let mut words = Vec::new();
    for word in query.split_whitespace() {
        if let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty()) {
            narrow.tags.push(tag.to_string());
        } else if let Some(color) = word.strip_prefix("color:").and_then(|c| c.parse().ok()) {
            narrow.color = Some(color);
        } else {
            words.push(word);
        }
    }
    (words.join(" "), narrow)
}

/// The paragraph of `text` around the bytes `hit`, up to [`CONTEXT`] characters either side,
/// with the hit in brackets, on one line, made safe.
fn context(text: &str, hit: std::ops::Range<usize>) -> String {
    let start = text[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[hit.end..]
        .find('\n')
        .map_or(text.len(), |i| hit.end + i);
    let mut before: Vec<char> = text[start..hit.start].chars().rev().take(CONTEXT).collect();
    before.reverse();
    let before: String = before.into_iter().collect();
    let after: String = text[hit.end..end].chars().take(CONTEXT).collect();
    let line = format!("{before}[{}]{after}", &text[hit.clone()]);
    sanitize::line(&line.replace('\n', " ")).into_owned()
}

/// The hits in one brief.
fn hits(doc: &Document, annotations: &[&Annotation], search: &Search, narrowed: bool) -> Vec<Hit> {
    let text = doc.text();
    let mut found = Vec::new();
    // Narrowed to some annotations, the text searched is what they cover.
    let ranges: Vec<std::ops::Range<usize>> = if narrowed {
        annotations.iter().map(|a| a.anchor.bytes(doc)).collect()
    } else {
        std::iter::once(0..text.len()).collect()
    };
    for range in ranges {
        for m in search.matches_in(text, range) {
            found.push(Hit {
                kind: "text",
                start: doc.char_offset(m.start),
                end: doc.char_offset(m.end),
                context: context(text, m),
                id: None,
            });
        }
    }
    for a in annotations {
        let id = Some(a.id.to_string());
        let mut hit = |kind, field: &str| {
            for m in search.matches_in(field, 0..field.len()) {
                found.push(Hit {
                    kind,
                    start: a.anchor.start,
                    end: a.anchor.end,
                    context: context(field, m),
                    id: id.clone(),
                });
            }
        };
        hit("quote", &a.anchor.quote);
        hit("note", &a.note);
        for tag in &a.tags {
            hit("tag", tag);
        }
    }
    found
}

/// Prints the matches of `query` under `root`: a line per brief with its count, then its hits.
pub fn run(root: &Path, query: &str, json: bool) -> Result<(), Error> {
    let (text, narrow) = parse(query);
    let narrowed = narrow != Query::default();
    let Some(search) = Search::new(&text) else {
        return Err(Error::Annotations(format!(
            "nothing to search for in {:?}: give some words besides #tags and color:",
            sanitize::line(query)
        )));
    };
    let mut out = Out::new();
    let mut all = Vec::new();
    for path in briefs(root) {
        let (doc, annotations, title, name) = match notes_of(root, &path) {
            Ok(n) => {
                let title = n
                    .summary
                    .title
                    .clone()
                    .unwrap_or_else(|| n.summary.name.clone());
                (n.doc, n.annotations, title, n.summary.name)
            }
            Err(_) => {
                // No readable sidecar: the text alone, if the brief itself reads.
                let s = summary(root, &path);
                let Ok(bytes) = crate::store::read_brief(&path) else {
                    continue;
                };
                let Ok(doc) = Document::parse(&bytes, Format::from_path(&path)) else {
                    continue;
                };
                let title = s.title.clone().unwrap_or_else(|| s.name.clone());
                (doc, Default::default(), title, s.name)
            }
        };
        let kept: Vec<&Annotation> = annotations
            .iter()
            .filter(|a| {
                narrow
                    .tags
                    .iter()
                    .all(|w| a.tags.iter().any(|t| tag_within(t, w)))
                    && narrow.color.is_none_or(|c| a.color == c)
            })
            .collect();
        if narrowed && kept.is_empty() {
            continue;
        }
        let found = hits(&doc, &kept, &search, narrowed);
        if found.is_empty() {
            continue;
        }
        if json {
            all.push(Matched {
                brief: name,
                title,
                hits: found,
            });
            continue;
        }
        let count = found.len();
        out.line(&sanitize::line(&format!("{name} — {title} ({count})")))?;
        for hit in &found {
            out.line(&format!(
                "  {:<5} {}-{}  {}",
                hit.kind, hit.start, hit.end, hit.context
            ))?;
        }
    }
    if json {
        let text =
            serde_json::to_string_pretty(&all).map_err(|e| Error::Annotations(e.to_string()))?;
        out.line(&escape_controls(&text))?;
    }
    Ok(())
}
