//! Three versions of a library's `codebook.toml` merged by code name: the work of
//! `gloss merge-driver` on a codebook. Pure: bytes in, bytes out.
//!
//! The rules are the sidecar merge's, with the code's name in the place of the annotation's
//! id: codes added on either side are kept; a code deleted on one side goes unless the other
//! side edited it (a renamed code is a deletion and an addition); a field edited on one side
//! takes that side's value (the colour and the keys this gloss does not know, when both
//! changed them, take this branch's); a description edited differently on both sides keeps
//! both texts between conflict markers, and only that asks a human.

use std::collections::{BTreeMap, BTreeSet};

use super::conflict;
use super::files::Side;
use crate::codebook::format::{CodebookError, parse, write};
use crate::codebook::memo::Memo;
use crate::codebook::{Code, Codebook};

/// A version that does not parse, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unparsable {
    /// Which version.
    pub side: Side,
    /// Line, column and reason.
    pub error: CodebookError,
}

/// The merge of three codebooks.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged codebook.
    pub book: Codebook,
    /// Its bytes, as gloss writes them.
    pub text: String,
    /// How many descriptions were edited differently on both sides and now hold both texts
    /// between conflict markers.
    pub conflicts: usize,
}

fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
    if ours == base {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// A text on both sides, descended from `base`: one side's edit, or both between markers
/// (true in the second place).
fn merge_text(base: &str, ours: &str, theirs: &str) -> (String, bool) {
    if ours == base || ours == theirs {
        (theirs.to_string(), false)
    } else if theirs == base {
        (ours.to_string(), false)
    } else {
        (conflict(ours, theirs), true)
    }
}

/// One code on both sides, descended from `base`; the second place counts its texts
/// (description, memo) that hold both sides' between markers.
fn merge_code(base: &Code, ours: &Code, theirs: &Code) -> (Code, usize) {
    let (description, a) = merge_text(&base.description, &ours.description, &theirs.description);
    let (memo, b) = merge_text(&base.memo, &ours.memo, &theirs.memo);
    let code = Code {
        name: ours.name.clone(),
        description,
        color: pick(&base.color, &ours.color, &theirs.color),
        memo,
        extra: pick(&base.extra, &ours.extra, &theirs.extra),
    };
    (code, usize::from(a) + usize::from(b))
}

/// The library's memos merged by title, as codes are by name.
fn merge_memos(base: &[Memo], ours: &[Memo], theirs: &[Memo]) -> (Vec<Memo>, usize) {
    let by_title = |m: &[Memo]| -> BTreeMap<String, Memo> {
        m.iter().map(|m| (m.title.clone(), m.clone())).collect()
    };
    let (b, o, t) = (by_title(base), by_title(ours), by_title(theirs));
    let titles: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
    let (mut memos, mut conflicts) = (Vec::new(), 0);
    for title in titles {
        let memo = match (b.get(title), o.get(title), t.get(title)) {
            (_, Some(ours), Some(theirs)) if ours == theirs => Some(ours.clone()),
            (base, Some(ours), Some(theirs)) => {
                let empty = String::new();
                let base_text = base.map_or(&empty, |m| &m.text);
                let (text, c) = merge_text(base_text, &ours.text, &theirs.text);
                conflicts += usize::from(c);
                let base_extra = base.map_or(&ours.extra, |m| &m.extra);
                Some(Memo {
                    text,
                    extra: pick(base_extra, &ours.extra, &theirs.extra),
                    ..ours.clone()
                })
            }
            (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) => {
                (kept != base).then(|| kept.clone())
            }
            (None, Some(added), None) | (None, None, Some(added)) => Some(added.clone()),
            (_, None, None) => None,
        };
        memos.extend(memo);
    }
    (memos, conflicts)
}

/// Merges `ours` and `theirs`, both descended from `base` (`None`: no common ancestor, so
/// every code is an addition), by code name.
pub fn merge(base: Option<&Codebook>, ours: &Codebook, theirs: &Codebook) -> (Codebook, usize) {
    let by_name = |b: &Codebook| -> BTreeMap<String, Code> {
        b.codes
            .iter()
            .map(|c| (c.name.clone(), c.clone()))
            .collect()
    };
    let empty = Codebook::default();
    let base = base.unwrap_or(&empty);
    let (b, o, t) = (by_name(base), by_name(ours), by_name(theirs));
    let names: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
    let mut codes = Vec::new();
    let mut conflicts = 0;
    for name in names {
        let code = match (b.get(name), o.get(name), t.get(name)) {
            (_, Some(ours), Some(theirs)) if ours == theirs => Some(ours.clone()),
            (Some(base), Some(ours), Some(theirs)) => {
                let (code, conflicted) = merge_code(base, ours, theirs);
                conflicts += conflicted;
                Some(code)
            }
            // Added on both sides, differently: as if descended from a code with nothing
            // but its name.
            (None, Some(ours), Some(theirs)) => {
                let (code, conflicted) = merge_code(&Code::named(name), ours, theirs);
                conflicts += conflicted;
                Some(code)
            }
            // Deleted on one side: gone, unless the other side edited it.
            (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) => {
                (kept != base).then(|| kept.clone())
            }
            (None, Some(added), None) | (None, None, Some(added)) => Some(added.clone()),
            (_, None, None) => None,
        };
        codes.extend(code);
    }
    let (memos, memo_conflicts) = merge_memos(&base.memos, &ours.memos, &theirs.memos);
    let book = Codebook {
        codes,
        memos,
        extra: pick(&base.extra, &ours.extra, &theirs.extra),
    };
    let conflicts = conflicts + memo_conflicts;
    (book, conflicts)
}

fn parse_side(bytes: &[u8], side: Side) -> Result<Codebook, Unparsable> {
    let failed = |message: String| Unparsable {
        side,
        error: CodebookError {
            line: 1,
            column: 1,
            key: None,
            message,
        },
    };
    let text = std::str::from_utf8(bytes)
        .map_err(|e| failed(format!("not valid UTF-8 (byte {})", e.valid_up_to())))?;
    parse(text).map_err(|error| Unparsable { side, error })
}

/// Parses the three versions and merges them; an empty ancestor (both branches added the
/// file) means none.
pub fn merge_bytes(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Merged, Unparsable> {
    let base = if base.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        Some(parse_side(base, Side::Base)?)
    };
    let ours = parse_side(ours, Side::Ours)?;
    let theirs = parse_side(theirs, Side::Theirs)?;
    let (book, conflicts) = merge(base.as_ref(), &ours, &theirs);
    let text = write(&book).map_err(|e| Unparsable {
        side: Side::Ours,
        error: CodebookError {
            line: 1,
            column: 1,
            key: None,
            message: format!("the merge cannot be written: {e}"),
        },
    })?;
    Ok(Merged {
        book,
        text,
        conflicts,
    })
}

/// True when `bytes` look like a codebook rather than a sidecar: gloss writes a codebook
/// with its own first line, and a codebook has `[[code]]` tables where a sidecar has
/// `[document]`.
pub fn looks_like_codebook(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.starts_with("# gloss codebook")
        || (text.lines().any(|l| l.trim() == "[[code]]")
            && !text.lines().any(|l| l.trim() == "[document]"))
}

#[cfg(test)]
mod tests;
