//! The Markdown export: a research note per brief for Obsidian and any Markdown viewer, with
//! YAML front matter, the brief-level note and each highlight as a `> [!quote]` callout with a
//! block id; and the merge that updates only what gloss wrote in a note exported before.

use super::{Brief, GroupBy, Highlight};
use crate::sanitize;

/// The line that opens what gloss writes in the note.
pub const BEGIN: &str =
    "<!-- gloss:begin (gloss rewrites everything down to gloss:end; add your own text outside) -->";
/// The line that closes it.
pub const END: &str = "<!-- gloss:end -->";

/// Front-matter keys gloss writes (and replaces when it exports again).
const KEYS: [&str; 6] = ["title", "source", "url", "published", "tags", "gloss"];

/// The note for `brief`: front matter, then gloss's part between [`BEGIN`] and [`END`].
pub fn note(brief: &Brief<'_>, group_by: GroupBy) -> String {
    let info = brief.info();
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml(&info.title)));
    for (key, value) in [
        ("source", &info.source),
        ("url", &info.url),
        ("published", &info.published),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("{key}: {}\n", yaml(value)));
        }
    }
    if !info.tags.is_empty() {
        out.push_str("tags:\n");
        for tag in &info.tags {
            out.push_str(&format!("  - {}\n", yaml(tag)));
        }
    }
    out.push_str(&format!("gloss: {}\n", yaml(&info.path)));
    out.push_str("---\n");
    out.push_str(BEGIN);
    out.push_str("\n\n");
    out.push_str(&format!("# {}\n\n", inline(&info.title)));
    if !info.note.is_empty() {
        out.push_str("## Note on the brief\n\n");
        out.push_str(&note_text(&info.note));
        out.push_str("\n\n");
    }
    for group in brief.groups(group_by) {
        out.push_str(&format!("## {}\n\n", inline(&group.name)));
        for h in &group.highlights {
            out.push_str(&callout(h));
        }
    }
    let orphans = brief.orphans();
    if !orphans.is_empty() {
        out.push_str(
            "## Orphaned\n\nNot found in the brief as it is now; the quote is the one stored.\n\n",
        );
        for h in &orphans {
            out.push_str(&callout(h));
        }
    }
    out.push_str(END);
    out.push('\n');
    out
}

/// One highlight as a callout: colour, position, quote, note, tags and the command that
/// opens it, then its block id on a line of its own (Obsidian's rule for block quotes).
fn callout(h: &Highlight) -> String {
    let place = h
        .percent
        .map_or_else(|| "orphaned".to_string(), |p| format!("{p}%"));
    let mut head = format!("{} · {place}", h.color_name);
    if h.status == "fuzzy" || h.status == "moved" {
        head.push_str(&format!(" · {}", h.status));
    }
    let mut out = format!("> [!quote] {}\n", inline(&head));
    for line in h.quote.lines() {
        out.push_str(&format!("> {}\n", inline(line)));
    }
    if !h.note.is_empty() {
        out.push_str(">\n");
        for line in note_text(&h.note).lines() {
            out.push_str(&format!("> {line}\n"));
        }
    }
    if !h.tags.is_empty() {
        let tags: Vec<String> = h.tags.iter().map(|t| format!("#{}", tag(t))).collect();
        out.push_str(&format!(">\n> {}\n", tags.join(" ")));
    }
    if !h.author.is_empty() {
        out.push_str(&format!(">\n> by {}\n", inline(&h.author)));
    }
    out.push_str(&format!(
        ">\n> `{}`\n\n^{}\n\n",
        h.open.replace('`', "'"),
        h.block_id
    ));
    out
}

/// Text from the brief on one line of Markdown: controls neutralised, and every character
/// Markdown or HTML would read as markup escaped, so it shows as it is written.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in sanitize::line(s).chars().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            // A quote line, a list item or a heading only at the start of a line.
            '>' | '-' | '+' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '$' | '^' | '=' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A note as Markdown: the user's own Markdown is kept, but raw HTML cannot pass (`<` and
/// `&` become entities) and controls are neutralised; line breaks stay.
fn note_text(s: &str) -> String {
    sanitize::text(s).replace('&', "&amp;").replace('<', "&lt;")
}

/// A tag as Obsidian reads it: letters, digits, `_`, `-` and `/`; anything else becomes `-`.
fn tag(t: &str) -> String {
    t.chars()
        .map(|c| {
            if c.is_alphanumeric() || "_-/".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A YAML scalar: a JSON string, which YAML 1.2 reads the same, with controls escaped.
fn yaml(s: &str) -> String {
    let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if sanitize::is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Why a note exported before cannot be updated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// The file has no gloss markers: it is not one gloss wrote, or they were removed.
    #[error(
        "it has no gloss markers ({BEGIN} ... {END}), so it is not a note gloss wrote: not overwritten (choose another -o, or put the two marker lines where gloss may write)"
    )]
    NoMarkers,
    /// One marker without the other, or the end before the beginning.
    #[error(
        "its gloss markers are broken (one missing, or the end before the beginning): not overwritten"
    )]
    BrokenMarkers,
}

/// Updates `existing` (a note gloss exported before) with `fresh` (a new export): only the
/// text between the markers is replaced, and in the front matter only gloss's keys; the
/// user's keys and everything outside the markers stay as they were.
pub fn merge(existing: &str, fresh: &str) -> Result<String, MergeError> {
    let (old_begin, old_end) = markers(existing)?;
    let (new_begin, new_end) = markers(fresh)?;
    let before = &existing[..old_begin];
    let after = &existing[old_end..];
    let (fresh_matter, _) = front_matter(&fresh[..new_begin]);
    let region = &fresh[new_begin..new_end];
    let mut out = String::new();
    match front_matter(before) {
        (Some(old), rest) => {
            let mut matter: Vec<&str> = fresh_matter.unwrap_or_default();
            matter.extend(
                old.into_iter()
                    .filter(|entry| !KEYS.contains(&key_of(entry))),
            );
            out.push_str("---\n");
            for entry in matter {
                out.push_str(entry);
            }
            out.push_str("---\n");
            out.push_str(rest);
        }
        (None, rest) => {
            if let Some(matter) = fresh_matter {
                out.push_str("---\n");
                matter.iter().for_each(|e| out.push_str(e));
                out.push_str("---\n");
            }
            out.push_str(rest);
        }
    }
    out.push_str(region);
    out.push_str(after);
    Ok(out)
}

/// Byte range of gloss's part: from the start of the [`BEGIN`] line to the end of the
/// [`END`] line.
fn markers(s: &str) -> Result<(usize, usize), MergeError> {
    let begin = line_starting(s, "<!-- gloss:begin", 0);
    let end = line_starting(s, END, 0);
    match (begin, end) {
        (None, None) => Err(MergeError::NoMarkers),
        (Some(b), Some(e)) if b < e => {
            let line_end = s[e..].find('\n').map_or(s.len(), |i| e + i + 1);
            Ok((b, line_end))
        }
        _ => Err(MergeError::BrokenMarkers),
    }
}

/// Offset of the first line at or after `from` that starts with `prefix`.
fn line_starting(s: &str, prefix: &str, from: usize) -> Option<usize> {
    let mut at = from;
    for line in s[from..].split_inclusive('\n') {
        if line.starts_with(prefix) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// The entries of a YAML front matter at the start of `s` (each a top-level key with its
/// indented lines), and what follows it; `None` when `s` does not start with one.
fn front_matter(s: &str) -> (Option<Vec<&str>>, &str) {
    let Some(body) = s.strip_prefix("---\n") else {
        return (None, s);
    };
    let mut entries: Vec<&str> = Vec::new();
    let mut at = 0;
    let mut entry_start = 0;
    for line in body.split_inclusive('\n') {
        if line.trim_end() == "---" {
            if at > entry_start {
                entries.push(&body[entry_start..at]);
            }
            return (Some(entries), &body[at + line.len()..]);
        }
        let continues = line.starts_with([' ', '\t', '-', '#']) || line.trim().is_empty();
        if !continues && at > entry_start {
            entries.push(&body[entry_start..at]);
            entry_start = at;
        }
        at += line.len();
    }
    (None, s)
}

/// The key of a front-matter entry (`title` of `title: "x"`).
fn key_of(entry: &str) -> &str {
    entry.split(':').next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "---\ntitle: \"Old\"\naliases:\n  - probe\ngloss: \"a.txt\"\n---\nMy intro.\n<!-- gloss:begin x -->\nold part\n<!-- gloss:end -->\n\nMy own thoughts.\n";
    const NEW: &str = "---\ntitle: \"New\"\ngloss: \"a.txt\"\n---\n<!-- gloss:begin x -->\nnew part\n<!-- gloss:end -->\n";

    #[test]
    fn merge_replaces_only_glosss_part_and_keys() {
        let merged = merge(OLD, NEW).unwrap();
        assert_eq!(
            merged,
            "---\ntitle: \"New\"\ngloss: \"a.txt\"\naliases:\n  - probe\n---\nMy intro.\n<!-- gloss:begin x -->\nnew part\n<!-- gloss:end -->\n\nMy own thoughts.\n"
        );
        // Exporting the same again changes nothing.
        assert_eq!(merge(&merged, NEW).unwrap(), merged);
    }

    #[test]
    fn a_file_without_markers_is_refused() {
        assert_eq!(merge("# my note\n", NEW), Err(MergeError::NoMarkers));
        assert_eq!(
            merge("<!-- gloss:end -->\n<!-- gloss:begin -->\n", NEW),
            Err(MergeError::BrokenMarkers)
        );
        assert_eq!(
            merge("<!-- gloss:begin -->\n", NEW),
            Err(MergeError::BrokenMarkers)
        );
    }

    #[test]
    fn inline_text_cannot_become_markup() {
        assert_eq!(inline("> - not a quote"), "\\> - not a quote");
        assert_eq!(inline("-1 point"), "\\-1 point");
        assert_eq!(
            inline("<b>1*2</b> [x](y) #t \u{1b}[2J"),
            "&lt;b>1\\*2&lt;/b> \\[x\\](y) \\#t ␛\\[2J"
        );
    }
}
