//! Three versions of a sidecar as bytes, merged by [`merge`](super::merge) into the bytes to
//! write: the work of `gloss merge-driver`. Pure: no file is read or written here.

use std::borrow::Borrow;

use super::super::format::{self, Entry, FormatError, SidecarFile};
use super::{Index, index, merge};

/// Which of the three versions a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The common ancestor (git's `%O`).
    Base,
    /// This branch's version (`%A`).
    Ours,
    /// The other branch's version (`%B`).
    Theirs,
}

impl Side {
    /// How a message names this side.
    pub fn name(self) -> &'static str {
        match self {
            Self::Base => "the common ancestor",
            Self::Ours => "this branch's version",
            Self::Theirs => "the other branch's version",
        }
    }
}

/// A version that does not parse, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unparsable {
    /// Which version.
    pub side: Side,
    /// Line, column and reason.
    pub error: FormatError,
}

/// The merge of three versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// How many annotations the merged sidecar holds.
    pub annotations: usize,
    /// Its bytes, as gloss writes them.
    pub text: String,
    /// How many notes (the brief's note included) were edited differently on both sides and
    /// now hold both texts between conflict markers.
    pub conflicts: usize,
}

/// Parses one version.
fn parse_side(bytes: &[u8], side: Side) -> Result<SidecarFile, Unparsable> {
    format::parse_bytes(bytes).map_err(|error| Unparsable { side, error })
}

/// Parses the ancestor; an empty one (git gives one when both branches added the file) is
/// `None`.
fn parse_base(bytes: &[u8]) -> Result<Option<SidecarFile>, Unparsable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    parse_side(bytes, Side::Base).map(Some)
}

/// Merges `ours` and `theirs`, both descended from `base`, with the rules of the live merge.
/// Most annotations of two branches are the same text in all three versions: the quick way
/// ([`super::chunks`]) parses each such table once and carries it through; whatever it
/// cannot take (any version that does not parse, among others) goes the plain way, which
/// gives the same bytes and says where a version is wrong.
pub fn merge_bytes(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Merged, Unparsable> {
    match super::chunks::merge_quick(base, ours, theirs) {
        Some((text, conflicts, annotations)) => Ok(Merged {
            annotations,
            text,
            conflicts,
        }),
        None => merge_plain(base, ours, theirs),
    }
}

/// [`merge_bytes`] the plain way: the three versions parsed whole (at once, on threads of
/// their own), merged by [`merge`] and written.
pub fn merge_plain(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Merged, Unparsable> {
    let failed = |side| Unparsable {
        side,
        error: FormatError {
            line: 1,
            column: 1,
            key: None,
            message: "reading it failed".into(),
        },
    };
    let (b, o, t) = std::thread::scope(|scope| {
        let b = scope.spawn(|| parse_base(base));
        let t = scope.spawn(|| parse_side(theirs, Side::Theirs));
        let o = parse_side(ours, Side::Ours);
        let b = b.join().unwrap_or_else(|_| Err(failed(Side::Base)));
        let t = t.join().unwrap_or_else(|_| Err(failed(Side::Theirs)));
        (b, o, t)
    });
    let (ours, theirs) = (o?, t?);
    // Without an ancestor every annotation on either side is an addition.
    let base = b?.unwrap_or_else(|| SidecarFile {
        annotations: Vec::new(),
        brief_note: String::new(),
        ..theirs.clone()
    });
    let file = merge(&base, &ours, &theirs);
    let conflicts = conflicts(&file, &ours, &theirs);
    let text = format::write(&file).map_err(|e| Unparsable {
        side: Side::Ours,
        error: FormatError {
            line: 1,
            column: 1,
            key: None,
            message: format!("the merge cannot be written: {e}"),
        },
    })?;
    Ok(Merged {
        annotations: file.annotations.len(),
        text,
        conflicts,
    })
}

/// The notes of `merged` that are neither side's text: the merge wrote both between markers
/// (it returns one side's note otherwise).
pub fn conflicts(merged: &SidecarFile, ours: &SidecarFile, theirs: &SidecarFile) -> usize {
    count_conflicts(
        &merged.brief_note,
        &merged.annotations,
        ours,
        theirs,
        &index(&ours.annotations),
        &index(&theirs.annotations),
    )
}

/// [`conflicts`] from the merged brief note and annotations, and each side's file (for its
/// brief note) and annotations by id.
pub(crate) fn count_conflicts<E: std::borrow::Borrow<Entry>>(
    brief_note: &str,
    annotations: &[E],
    ours: &SidecarFile,
    theirs: &SidecarFile,
    o: &Index<'_>,
    t: &Index<'_>,
) -> usize {
    let mixed = |note: &str, a: Option<&str>, b: Option<&str>| {
        a.is_some_and(|a| a != note) && b.is_some_and(|b| b != note)
    };
    let brief = usize::from(mixed(
        brief_note,
        Some(&ours.brief_note),
        Some(&theirs.brief_note),
    ));
    brief
        + annotations
            .iter()
            .map(Borrow::borrow)
            .filter(|e: &&Entry| {
                let (a, b) = (o.get(&e.id), t.get(&e.id));
                mixed(
                    &e.note,
                    a.map(|a| a.note.as_str()),
                    b.map(|b| b.note.as_str()),
                )
            })
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::format::tests::SAMPLE;

    fn edited(change: impl FnOnce(&mut SidecarFile)) -> String {
        let mut f = format::parse(SAMPLE).unwrap();
        change(&mut f);
        format::write(&f).unwrap()
    }

    #[test]
    fn edits_on_both_sides_merge_without_conflict() {
        let ours = edited(|f| f.annotations[0].note = "ours".into());
        let theirs = edited(|f| f.annotations.remove(1).note.clear());
        let merged = merge_bytes(SAMPLE.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
        assert_eq!(merged.conflicts, 0);
        let file = format::parse(&merged.text).unwrap();
        assert_eq!(merged.annotations, 1);
        assert_eq!(file.annotations.len(), 1);
        assert_eq!(file.annotations[0].note, "ours");
    }

    #[test]
    fn authors_are_kept_and_old_sidecars_have_none() {
        assert!(
            format::parse(SAMPLE).unwrap().annotations[0]
                .author
                .is_empty()
        );
        let ours = edited(|f| f.annotations[0].author = "ana".into());
        assert!(
            ours.contains("\nauthor = \"ana\"\ncolor"),
            "after `updated`: {ours}"
        );
        let theirs = edited(|f| f.annotations[1].author = "bo".into());
        let merged = merge_bytes(SAMPLE.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
        let file = format::parse(&merged.text).unwrap();
        let authors: Vec<&str> = file.annotations.iter().map(|e| e.author.as_str()).collect();
        assert_eq!(authors, ["ana", "bo"]);
    }

    #[test]
    fn a_note_edited_on_both_sides_is_counted() {
        let ours = edited(|f| {
            f.annotations[0].note = "ours".into();
            f.brief_note = "ours".into();
        });
        let theirs = edited(|f| {
            f.annotations[0].note = "theirs".into();
            f.brief_note = "theirs".into();
        });
        let merged = merge_bytes(SAMPLE.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
        assert_eq!(merged.conflicts, 2);
        let same = merge_bytes(SAMPLE.as_bytes(), ours.as_bytes(), ours.as_bytes()).unwrap();
        assert_eq!(same.conflicts, 0, "the same edit on both sides");
    }

    #[test]
    fn an_empty_ancestor_makes_everything_an_addition() {
        let ours = edited(|f| f.annotations.truncate(1));
        let theirs = edited(|f| {
            f.annotations.remove(0);
        });
        let merged = merge_bytes(b"", ours.as_bytes(), theirs.as_bytes()).unwrap();
        assert_eq!(format::parse(&merged.text).unwrap().annotations.len(), 2);
        assert_eq!(merged.annotations, 2);
        assert_eq!(merged.conflicts, 0);
    }

    #[test]
    fn a_side_that_does_not_parse_is_named_with_its_line() {
        let broken = "version = 1\n[document]\nfile = \n";
        let err = merge_bytes(SAMPLE.as_bytes(), SAMPLE.as_bytes(), broken.as_bytes()).unwrap_err();
        assert_eq!(err.side, Side::Theirs);
        assert_eq!(err.error.line, 3);
        let err = merge_bytes(b"", b"", SAMPLE.as_bytes()).unwrap_err();
        assert_eq!(err.side, Side::Ours, "only the ancestor may be empty");
    }
}
