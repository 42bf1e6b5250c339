//! The notes view's filter and grouping: `#tag` (a tag keeps its children), `color:red`,
//! `status:fuzzy`, `author:NAME`, and any other words as text to find in the quote, note or tags.

use std::collections::HashMap;
use std::sync::Arc;

use super::Line;
use crate::annotation::query::{Query, tag_within};
use crate::cores::on_every_core;
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

/// Every tag of a set of rows with the rows under it (each row once per time it carries the
/// tag, in row order), in tag order, and the untagged rows: made once per set of rows, so
/// grouping by tag and a `#tag` filter do not walk every row's tags again.
#[derive(Debug, Clone, Default)]
pub struct Tags {
    groups: Vec<(String, Vec<u32>)>,
    untagged: Vec<u32>,
}

impl Tags {
    /// The tags of `rows`. Rows with the same tags share one list of them, so each list's
    /// tags are looked up once and every row after it costs a look-up of the list's address.
    pub fn of(rows: &[Note]) -> Self {
        let mut group_of: HashMap<&str, u32> = HashMap::new();
        let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
        let mut lists: HashMap<*const String, Vec<u32>> = HashMap::new();
        let mut untagged = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else {
                break;
            };
            if row.tags.is_empty() {
                untagged.push(i);
                continue;
            }
            let ids = lists.entry(row.tags.as_ptr()).or_insert_with(|| {
                row.tags
                    .iter()
                    .filter_map(|tag| {
                        let next = u32::try_from(groups.len()).ok()?;
                        Some(*group_of.entry(tag).or_insert_with(|| {
                            groups.push((tag, Vec::new()));
                            next
                        }))
                    })
                    .collect()
            });
            for &g in ids.iter() {
                if let Some((_, members)) = groups.get_mut(g as usize) {
                    members.push(i);
                }
            }
        }
        let mut groups: Vec<(String, Vec<u32>)> = groups
            .into_iter()
            .map(|(tag, rows)| (tag.to_string(), rows))
            .collect();
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Self { groups, untagged }
    }

    /// Which rows (of `n`) carry a tag that `wanted` says yes to.
    fn having(&self, wanted: impl Fn(&str) -> bool, n: usize) -> Vec<bool> {
        let mut any = vec![false; n];
        for (_, rows) in self.groups.iter().filter(|(t, _)| wanted(t)) {
            for &i in rows {
                if let Some(slot) = any.get_mut(i as usize) {
                    *slot = true;
                }
            }
        }
        any
    }

    /// Which rows (of `n`) carry every tag of `wanted` or one under it.
    fn carrying(&self, wanted: &[String], n: usize) -> Vec<bool> {
        let mut all = vec![true; n];
        for w in wanted {
            let mut any = vec![false; n];
            for (_, rows) in self.groups.iter().filter(|(t, _)| tag_within(t, w)) {
                for &i in rows {
                    if let Some(slot) = any.get_mut(i as usize) {
                        *slot = true;
                    }
                }
            }
            for (a, b) in all.iter_mut().zip(any) {
                *a &= b;
            }
        }
        all
    }
}

/// The rows `query` keeps, in order: of `among` when given (rows a wider query kept), else
/// of all; `tags`, when at hand, answers the query's `#tag`s without looking at every row.
pub fn kept(
    rows: &[Note],
    query: &Query,
    among: Option<&[usize]>,
    tags: Option<&Tags>,
) -> Vec<usize> {
    if *query == Query::default() {
        return among.map_or_else(|| (0..rows.len()).collect(), <[usize]>::to_vec);
    }
    let carrying = tags
        .filter(|_| !query.tags.is_empty())
        .map(|t| t.carrying(&query.tags, rows.len()));
    let has_text = query.text.is_some();
    let query = query.compiled();
    // The text looked for once in each tag, not in every row's tags.
    let text_in_tags = tags
        .filter(|_| has_text)
        .map(|t| t.having(|tag| query.text_in(tag), rows.len()));
    let keeps = |i: &usize| {
        carrying.as_ref().is_none_or(|c| c[*i])
            && query.keeps_knowing(rows[*i].parts(), text_in_tags.as_ref().map(|t| t[*i]))
    };
    // First, on this thread, the rows the cheap answers leave (the tags, and whether the
    // text's bytes can be in the row at all): a `#tag` or a rare word leaves few, and those
    // are not worth a thread each core (under load a thread can wait for a core longer than
    // the work takes).
    let may = |i: &usize| {
        carrying.as_ref().is_none_or(|c| c[*i])
            && (query.may_hold(rows[*i].kinds) || text_in_tags.as_ref().is_none_or(|t| t[*i]))
    };
    let left: Vec<usize> = match among {
        Some(among) => among.iter().copied().filter(may).collect(),
        None => (0..rows.len()).filter(may).collect(),
    };
    let among = left.as_slice();
    // A long list is split over the cores: the text of 150,000 notes is more than one core
    // reads within a frame. A share that failed is done again here.
    if among.len() < PARALLEL {
        return among.iter().copied().filter(keeps).collect();
    }
    let verdicts = on_every_core(among, keeps, keeps);
    among
        .iter()
        .zip(verdicts)
        .filter_map(|(&i, kept)| kept.then_some(i))
        .collect()
}

/// Rows past which a filter is split over the cores.
const PARALLEL: usize = 20_000;

/// [`lines`] by tag, from the rows' [`Tags`]: the same lines, without hashing every kept
/// row's tags again.
pub fn lines_by_tag(tags: &Tags, kept: &[usize], n: usize) -> Vec<Line> {
    let mut keep = vec![false; n];
    for &i in kept {
        if let Some(slot) = keep.get_mut(i) {
            *slot = true;
        }
    }
    let mut lines = Vec::with_capacity(kept.len() + kept.len() / 8);
    let mut group = |heading: &str, rows: &[u32]| {
        let mut members = rows
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| keep.get(i).copied().unwrap_or(false))
            .peekable();
        if members.peek().is_some() {
            lines.push(Line::Group(sanitize::line(heading).into()));
            lines.extend(members.map(Line::Entry));
        }
    };
    for (tag, rows) in &tags.groups {
        group(&format!("#{tag}"), rows);
    }
    group("no tag", &tags.untagged);
    lines
}

/// The lines to show: headings, each followed by its rows of `kept`; by brief in the order
/// they were read, or by tag in tag order (an annotation under each of its tags, untagged
/// ones last).
pub fn lines(rows: &[Note], kept: &[usize], by_tag: bool) -> Vec<Line> {
    let mut lines = Vec::with_capacity(kept.len() + kept.len() / 8);
    let heading = |text: &str| Line::Group(sanitize::line(text).into());
    if by_tag {
        let mut tags: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut untagged = Vec::new();
        for &i in kept {
            if rows[i].tags.is_empty() {
                untagged.push(i);
            }
            for tag in rows[i].tags.iter() {
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
            // A brief's notes share its path: comparing pointers spares comparing paths.
            // (Comparing the paths' bytes: `Path`'s own comparison parses their components.)
            let other = |l: &Note| {
                !Arc::ptr_eq(&l.brief, &row.brief)
                    && l.brief.path.as_os_str() != row.brief.path.as_os_str()
            };
            if last.is_none_or(other) {
                lines.push(Line::Group(Arc::clone(&row.brief.heading)));
            }
            last = Some(row);
            lines.push(Line::Entry(i));
        }
    }
    lines
}
