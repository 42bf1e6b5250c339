//! Shared by the store and diff benches: annotations spread over a brief, their sidecar, and a
//! brief with scattered edits.

use gloss::annotation::{Anchor, Annotation, Annotations, Color};
use gloss::document::Document;
use gloss::store::convert::{Extras, to_file};
use gloss::store::format::SidecarFile;

/// `count` annotations spread evenly over `doc`, each on a word of 4-40 characters, with a
/// note on every third.
pub fn annotations(doc: &Document, count: usize) -> Annotations {
    let text = doc.text();
    let step = text.len() / count;
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let mut start = i * step;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let start = text[start..].find(' ').map_or(start, |j| start + j + 1);
        let mut end = (start + 4 + i % 36).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let id = uuid::Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0000 + i as u128);
        let mut a = Annotation::new(
            id,
            jiff::Timestamp::UNIX_EPOCH,
            Color::Yellow,
            Anchor::new(doc, start..end),
        );
        a.tags = vec!["bench".into()];
        if i % 3 == 0 {
            a.note = format!("Note {i}\nwith a second line.");
        }
        items.push(a);
    }
    Annotations::from_vec(items, String::new())
}

pub fn sidecar_file(doc: &Document, count: usize) -> SidecarFile {
    to_file(
        doc,
        "bench.txt",
        &annotations(doc, count),
        gloss::document::Chars(0),
        &Extras::default(),
    )
}

/// `text` with `edits` scattered changes: words inserted, deleted and replaced.
pub fn edited(text: &str, edits: usize) -> String {
    let mut out = String::with_capacity(text.len() + edits * 8);
    let step = text.len() / edits;
    let mut last = 0;
    for i in 0..edits {
        let mut at = (i * step + step / 2).min(text.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let Some(space) = text[at..].find(' ') else {
            break;
        };
        let at = at + space;
        if at < last {
            continue;
        }
        out.push_str(&text[last..at]);
        match i % 3 {
            0 => {
                out.push_str(" newly");
                last = at;
            }
            1 => {
                let next = text[at + 1..].find(' ').map_or(text.len(), |j| at + 1 + j);
                last = next;
            }
            _ => {
                out.push_str(" amended");
                let next = text[at + 1..].find(' ').map_or(text.len(), |j| at + 1 + j);
                last = next;
            }
        }
    }
    out.push_str(&text[last..]);
    out
}
