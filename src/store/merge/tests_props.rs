//! Property tests of the three-way merge: random sides derived from one base by random adds,
//! deletes and edits on each side.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::document::{Chars, Document, Format};
use crate::store::convert::tests_props::annotation;
use crate::store::convert::{Extras, to_file};

/// What one side does to one annotation of the base.
#[derive(Debug, Clone)]
enum Op {
    Keep,
    Delete,
    /// Changes the fields picked by the bits: note, colour, tags, anchor, status.
    Edit(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => Just(Op::Keep),
        1 => Just(Op::Delete),
        2 => (1u8..32).prop_map(Op::Edit),
    ]
}

/// A sidecar holding `items` (ids must be distinct).
fn file_of(items: Vec<crate::annotation::Annotation>) -> SidecarFile {
    let doc = Document::parse(b"Title\nBody", Format::Plain).unwrap();
    let set = crate::annotation::Annotations::from_vec(items, String::new());
    to_file(&doc, "b.txt", &set, Chars(0), &Extras::default())
}

/// `entry` with the fields `bits` picks changed, each to a value it cannot already have; the
/// side (`mark`) is in every new value, so the two sides never make the same edit.
fn edited(entry: &Entry, bits: u8, mark: &str) -> Entry {
    let mut e = entry.clone();
    if bits & 1 != 0 {
        e.note.push_str(mark);
    }
    if bits & 2 != 0 {
        e.color = e.color.next();
    }
    if bits & 4 != 0 {
        e.tags.push(format!("tag {mark}"));
    }
    if bits & 8 != 0 {
        e.quote.push_str(mark);
        e.end += 1;
    }
    if bits & 16 != 0 {
        e.status = if e.status == "moved" {
            "fuzzy"
        } else {
            "moved"
        }
        .into();
    }
    e.updated = e
        .updated
        .checked_add(jiff::SignedDuration::from_secs(1))
        .unwrap_or(e.updated);
    e
}

/// `base` with `ops` (one per entry) done to it and `added` appended.
fn side(base: &SidecarFile, ops: &[Op], added: &[Entry], mark: &str) -> SidecarFile {
    let mut file = base.clone();
    file.annotations = base
        .annotations
        .iter()
        .zip(ops)
        .filter_map(|(e, op)| match op {
            Op::Keep => Some(e.clone()),
            Op::Delete => None,
            Op::Edit(bits) => Some(edited(e, *bits, mark)),
        })
        .chain(added.iter().cloned())
        .collect();
    file
}

/// Annotations with the ids `from..from + n`: their anchors are anywhere, so they interleave
/// with the base's and each other's in document order.
fn entries(from: u128, n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Entry>> {
    n.prop_flat_map(move |n| {
        (0..n as u128)
            .map(|i| annotation(Uuid::from_u128(from + i)))
            .collect::<Vec<_>>()
    })
    .prop_map(|items| file_of(items).annotations)
}

/// A base and what each side did to it.
#[derive(Debug, Clone)]
struct Scenario {
    base: SidecarFile,
    /// One op per base annotation, for each side.
    ours: Vec<Op>,
    theirs: Vec<Op>,
    /// Annotations each side added.
    our_adds: Vec<Entry>,
    their_adds: Vec<Entry>,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    entries(1, 0..8).prop_flat_map(|base| {
        let n = base.len();
        let mut file = file_of(Vec::new());
        file.annotations = base;
        (
            Just(file),
            prop::collection::vec(op(), n),
            prop::collection::vec(op(), n),
            entries(1000, 0..4),
            entries(2000, 0..4),
        )
            .prop_map(|(base, ours, theirs, our_adds, their_adds)| Scenario {
                base,
                ours,
                theirs,
                our_adds,
                their_adds,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A merge keeps every annotation either side kept. With `ours` and `theirs` each made
    /// from `base` by keeping, deleting or editing each annotation and adding new ones:
    /// every addition is there as added; an annotation both sides kept (edited or not) is
    /// there; one edited on one side and kept unchanged on the other is there as edited; one
    /// deleted on one side is gone if the other left it unchanged or deleted it too, and there
    /// as edited if the other edited it; no id appears twice; nothing else appears.
    #[test]
    fn a_merge_keeps_every_annotation_either_side_kept(
        s in scenario(),
    ) {
        let Scenario { base, ours: our_ops, theirs: their_ops, our_adds, their_adds } = s;
        let ours = side(&base, &our_ops, &our_adds, "<o>");
        let theirs = side(&base, &their_ops, &their_adds, "<t>");
        let merged = merge(&base, &ours, &theirs);

        let mut seen = HashSet::new();
        for e in &merged.annotations {
            prop_assert!(seen.insert(e.id), "id {} twice", e.id);
        }
        let by_id: HashMap<Uuid, &Entry> = merged.annotations.iter().map(|e| (e.id, e)).collect();
        let find = |f: &SidecarFile, id| f.annotations.iter().find(|e| e.id == id).cloned();
        let mut expected = 0;
        for added in our_adds.iter().chain(&their_adds) {
            prop_assert_eq!(by_id.get(&added.id).copied(), Some(added), "an addition");
            expected += 1;
        }
        for (i, b) in base.annotations.iter().enumerate() {
            let (o, t) = (find(&ours, b.id), find(&theirs, b.id));
            let got = by_id.get(&b.id).copied();
            let what = format!("{:?} here, {:?} there", our_ops[i], their_ops[i]);
            match (&o, &t) {
                (Some(o), Some(t)) if o == b => prop_assert_eq!(got, Some(t), "{}", what),
                (Some(o), Some(t)) if t == b => prop_assert_eq!(got, Some(o), "{}", what),
                (Some(_), Some(_)) => prop_assert!(got.is_some(), "{}", what),
                (None, Some(kept)) | (Some(kept), None) if kept == b => {
                    prop_assert_eq!(got, None, "{}", what)
                }
                (None, Some(edit)) | (Some(edit), None) => {
                    prop_assert_eq!(got, Some(edit), "{}", what)
                }
                (None, None) => prop_assert_eq!(got, None, "{}", what),
            }
            expected += usize::from(got.is_some());
        }
        prop_assert_eq!(merged.annotations.len(), expected, "nothing else appears");
    }
}

/// `file` written, then changed as `twist`'s bits say: a note with lines that look like
/// table headers, keys spaced and commented otherwise than gloss writes them, a table after
/// the annotations, a brief note, a value that does not parse.
fn twisted(file: &SidecarFile, twist: u8, mark: &str) -> String {
    let mut file = file.clone();
    if twist & 1 != 0
        && let Some(e) = file.annotations.first_mut()
    {
        e.note = format!("{mark}\n[[annotation]]\nid = 1\n[x]\n  [ y ]");
    }
    if twist & 16 != 0 {
        file.brief_note = format!("brief {mark}");
    }
    let mut text = crate::store::format::write(&file).unwrap();
    if twist & 2 != 0 {
        text = text.replace("\ncolor = ", "\n  color   =   ");
    }
    if twist & 4 != 0 {
        text = text.replace("[[annotation]]\n", "[[annotation]] # by hand\n\n");
    }
    if twist & 8 != 0 {
        text.push_str("\n[[bookmark]]\nat = 1\n");
    }
    if twist & 32 != 0 {
        text = text.replacen("\nend = ", "\nend = -", 1);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The merge driver's quick way (tables parsed once, kept ones borrowed) gives what the
    /// plain way gives, byte for byte, count for count, error for error; and it is taken
    /// whenever the three versions are as gloss writes them.
    #[test]
    fn the_quick_merge_gives_what_the_plain_merge_gives(
        s in scenario(),
        twists in (0u8..64, 0u8..64, 0u8..64),
        no_base in proptest::bool::weighted(0.1),
    ) {
        let Scenario { base, ours: our_ops, theirs: their_ops, our_adds, their_adds } = s;
        let ours = side(&base, &our_ops, &our_adds, "<o>");
        let theirs = side(&base, &their_ops, &their_adds, "<t>");
        let b = if no_base { String::new() } else { twisted(&base, twists.0, "<b>") };
        let (o, t) = (twisted(&ours, twists.1, "<o>"), twisted(&theirs, twists.2, "<t>"));
        let plain = files::merge_plain(b.as_bytes(), o.as_bytes(), t.as_bytes());
        let quick = chunks::merge_quick(b.as_bytes(), o.as_bytes(), t.as_bytes());
        if let Some((text, conflicts, annotations)) = &quick {
            let plain = plain.clone();
            prop_assert_eq!(
                plain,
                Ok(files::Merged { annotations: *annotations, text: text.clone(), conflicts: *conflicts })
            );
        }
        let plainly_written = [twists.0, twists.1, twists.2].iter().all(|t| t & 0b10_0000 == 0);
        if plainly_written {
            prop_assert!(quick.is_some(), "the quick way refused files gloss wrote");
        }
        prop_assert_eq!(
            files::merge_bytes(b.as_bytes(), o.as_bytes(), t.as_bytes()),
            plain
        );
    }
}
