//! The notes view's filter and grouping: `#tag` (a tag keeps its children), `color:red`,
//! `status:fuzzy`, `author:NAME`, and any other words as text to find in the quote, note or tags.

use std::collections::HashMap;

use super::Line;
use crate::annotation::query::Query;
use crate::sanitize;
use crate::store::library::Note;

/// The query a typed filter means.
pub fn parse(typed: &str) -> Query {
    let mut query = Query::default();
    let mut words = Vec::new();
    for word in typed.split_whitespace() {
        if let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty()) {
            query.tags.push(tag.to_string());
        } else if let Some(color) = word.strip_prefix("color:").and_then(|c| c.parse().ok()) {
            query.color = Some(color);
        } else if let Some(status) = word.strip_prefix("status:").and_then(|s| s.parse().ok()) {
            query.status = Some(status);
        } else if let Some(author) = word.strip_prefix("author:").filter(|a| !a.is_empty()) {
            query.author = Some(author.to_string());
        } else {
            words.push(word);
        }
    }
    query.text = (!words.is_empty()).then(|| words.join(" "));
    query
}

/// The rows `query` keeps, in order: of `among` when given (rows a wider query kept), else
/// of all.
pub fn kept(rows: &[Note], query: &Query, among: Option<&[usize]>) -> Vec<usize> {
    if *query == Query::default() {
        return among.map_or_else(|| (0..rows.len()).collect(), <[usize]>::to_vec);
    }
    let query = query.compiled();
    let keeps = |&i: &usize| query.keeps(&rows[i].annotation, &rows[i].quote);
    match among {
        Some(among) => among.iter().copied().filter(keeps).collect(),
        None => (0..rows.len()).filter(keeps).collect(),
    }
}

/// The lines to show: headings, each followed by its rows of `kept`; by brief in the order
/// they were read, or by tag in tag order (an annotation under each of its tags, untagged
/// ones last).
pub fn lines(rows: &[Note], kept: &[usize], by_tag: bool) -> Vec<Line> {
    let mut lines = Vec::with_capacity(kept.len() + kept.len() / 8);
    let heading = |text: &str| Line::Group(sanitize::line(text).into_owned());
    if by_tag {
        let mut tags: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut untagged = Vec::new();
        for &i in kept {
            if rows[i].annotation.tags.is_empty() {
                untagged.push(i);
            }
            for tag in &rows[i].annotation.tags {
                tags.entry(tag.as_str()).or_default().push(i);
            }
        }
        let mut tags: Vec<(&str, Vec<usize>)> = tags.into_iter().collect();
        tags.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (tag, members) in tags {
            lines.push(heading(&format!("#{tag}")));
            lines.extend(members.into_iter().map(Line::Entry));
        }
        if !untagged.is_empty() {
            lines.push(heading("no tag"));
            lines.extend(untagged.into_iter().map(Line::Entry));
        }
    } else {
        let mut last: Option<&Note> = None;
        for &i in kept {
            let row = &rows[i];
            if last.is_none_or(|l| l.brief != row.brief) {
                lines.push(heading(&format!("{} · {}", row.title, row.name)));
            }
            last = Some(row);
            lines.push(Line::Entry(i));
        }
    }
    lines
}
