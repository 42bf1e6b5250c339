//! The merge: a base and two sides made from it by keeping, deleting, editing and adding
//! annotations as the bytes say. Nothing either side kept is lost: every addition is there
//! as added; one kept by both sides is there (a note edited on both keeps both texts); one
//! edited on one side is there as edited, even if the other deleted it; one deleted on one
//! side and left unchanged on the other is gone; no id appears twice.
#![no_main]

use std::collections::{HashMap, HashSet};

use gloss::annotation::Color;
use gloss::store::format::{DocumentInfo, Entry, Reading, SidecarFile, VERSION};
use gloss::store::merge::merge;
use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;
use uuid::Uuid;

fn entry(id: u128, note: &str) -> Entry {
    Entry {
        id: Uuid::from_u128(id),
        created: Timestamp::UNIX_EPOCH,
        updated: Timestamp::UNIX_EPOCH,
        author: String::new(),
        color: Color::Yellow,
        tags: Vec::new(),
        note: note.into(),
        quote: "q".into(),
        prefix: String::new(),
        suffix: String::new(),
        start: u64::try_from(id).unwrap_or(0),
        end: u64::try_from(id).unwrap_or(0) + 1,
        status: "exact".into(),
        extra: Default::default(),
    }
}

fn file(annotations: Vec<Entry>) -> SidecarFile {
    SidecarFile {
        version: VERSION,
        brief_note: String::new(),
        document: DocumentInfo::default(),
        reading: Reading::default(),
        annotations,
        extra: Default::default(),
    }
}

/// `base` with one op per entry (0 keep, 1 delete, 2 edit the note, 3 recolour) and `adds`
/// new annotations with ids from `from`.
fn side(base: &SidecarFile, ops: &[u8], adds: u8, from: u128, mark: &str) -> SidecarFile {
    let mut out: Vec<Entry> = Vec::new();
    for (e, op) in base
        .annotations
        .iter()
        .zip(ops.iter().chain(std::iter::repeat(&0)))
    {
        let mut e = e.clone();
        match op % 4 {
            1 => continue,
            2 => {
                e.note.push_str(mark);
                e.updated = Timestamp::from_second(1).unwrap_or(e.updated);
            }
            3 => {
                e.color = Color::Red;
                e.updated = Timestamp::from_second(1).unwrap_or(e.updated);
            }
            _ => {}
        }
        out.push(e);
    }
    for i in 0..u128::from(adds % 5) {
        out.push(entry(from + i, mark));
    }
    file(out)
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let n = usize::from(data[0] % 12);
    let rest = &data[3..];
    let (ours_ops, theirs_ops) = rest.split_at(rest.len() / 2);
    let base = file((1..=n as u128).map(|i| entry(i, "base")).collect());
    let ours = side(&base, ours_ops, data[1], 1000, "<o>");
    let theirs = side(&base, theirs_ops, data[2], 2000, "<t>");
    let merged = merge(&base, &ours, &theirs);
    let mut seen = HashSet::new();
    for e in &merged.annotations {
        assert!(seen.insert(e.id), "id {} twice", e.id);
    }
    let by_id: HashMap<Uuid, &Entry> = merged.annotations.iter().map(|e| (e.id, e)).collect();
    fn find(f: &SidecarFile, id: Uuid) -> Option<&Entry> {
        f.annotations.iter().find(|e| e.id == id)
    }
    for added in ours
        .annotations
        .iter()
        .chain(&theirs.annotations)
        .filter(|e| e.id.as_u128() >= 1000)
    {
        assert_eq!(by_id.get(&added.id).copied(), Some(added), "an addition");
    }
    for b in &base.annotations {
        let (o, t) = (find(&ours, b.id), find(&theirs, b.id));
        let got = by_id.get(&b.id).copied();
        match (o, t) {
            (Some(o), Some(t)) if o == b => assert_eq!(got, Some(t)),
            (Some(o), Some(t)) if t == b => assert_eq!(got, Some(o)),
            (Some(o), Some(t)) => {
                let got = got.expect("edited on both sides");
                // A note edited on both sides keeps both texts.
                assert!(got.note.contains(&o.note) || o.note == b.note, "{got:?}");
                assert!(got.note.contains(&t.note) || t.note == b.note, "{got:?}");
            }
            (None, Some(kept)) | (Some(kept), None) if kept == b => assert_eq!(got, None),
            (None, Some(edit)) | (Some(edit), None) => assert_eq!(got, Some(edit)),
            (None, None) => assert_eq!(got, None),
        }
    }
});
