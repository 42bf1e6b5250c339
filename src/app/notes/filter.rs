//! The notes view's filter and grouping: `#tag` (a tag keeps its children), `color:red`,
//! `status:fuzzy`, `author:NAME`, and any other words as text to find in the quote, note or tags.

use std::collections::BTreeMap;

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

/// The lines to show: headings, each followed by its annotations that `query` keeps; by brief
/// in the order they were read, or by tag in tag order (an annotation under each of its tags,
/// untagged ones last).
pub fn lines(rows: &[Note], query: &Query, by_tag: bool) -> Vec<Line> {
    let kept = (0..rows.len()).filter(|&i| query.keeps(&rows[i].annotation, &rows[i].quote));
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    if by_tag {
        let mut tags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut untagged = Vec::new();
        for i in kept {
            if rows[i].annotation.tags.is_empty() {
                untagged.push(i);
            }
            for tag in &rows[i].annotation.tags {
                tags.entry(format!("#{tag}")).or_default().push(i);
            }
        }
        groups.extend(tags);
        if !untagged.is_empty() {
            groups.push(("no tag".to_string(), untagged));
        }
    } else {
        for i in kept {
            let heading = format!("{} · {}", rows[i].title, rows[i].name);
            match groups.last_mut() {
                Some((last, members)) if *last == heading => members.push(i),
                _ => groups.push((heading, vec![i])),
            }
        }
    }
    let mut lines = Vec::new();
    for (heading, members) in groups {
        lines.push(Line::Group(sanitize::line(&heading).into_owned()));
        lines.extend(members.into_iter().map(Line::Entry));
    }
    lines
}
