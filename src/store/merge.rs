//! Three-way merge of sidecar contents by annotation id, for two writers on one sidecar.
//!
//! `base` is what this process last read or wrote, `ours` what it wants to write now, `theirs`
//! what is on disk. Additions from both sides are kept; a deletion is honoured unless the other
//! side edited the annotation (a note is never lost that way); fields edited on one side take
//! that side's value; a note edited differently on both sides keeps both texts between
//! conflict markers. An anchor is taken whole from one side (see `same_anchor`).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use super::format::{Entry, SidecarFile};

/// Marks the start of a note conflict.
pub const CONFLICT_OURS: &str = "<<<<<<< this gloss";
/// Separates the two texts of a note conflict.
pub const CONFLICT_SPLIT: &str = "=======";
/// Marks the end of a note conflict.
pub const CONFLICT_THEIRS: &str = ">>>>>>> another gloss";

/// Both texts of a note, with conflict markers.
pub fn conflict(ours: &str, theirs: &str) -> String {
    format!("{CONFLICT_OURS}\n{ours}\n{CONFLICT_SPLIT}\n{theirs}\n{CONFLICT_THEIRS}")
}

fn merge_text(base: &str, ours: &str, theirs: &str) -> String {
    if ours == base || ours == theirs {
        theirs.to_string()
    } else if theirs == base {
        ours.to_string()
    } else {
        conflict(ours, theirs)
    }
}

fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
    if ours == base {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// True when `a` and `b` point at the same place in the same way.
///
/// An anchor (quote, prefix, suffix, start, end, status) is one value: each field only means
/// something beside the others, so a merge takes all of them from one side, never some from
/// each. Accepting a fuzzy place (`y`) in one window and re-attaching (`r`) in another would
/// otherwise give the new offsets with the old quote, or a status no one chose. The side that
/// changed the anchor wins; when both did, ours (the later save) does, as for other fields.
fn same_anchor(a: &Entry, b: &Entry) -> bool {
    a.quote == b.quote
        && a.prefix == b.prefix
        && a.suffix == b.suffix
        && a.start == b.start
        && a.end == b.end
        && a.status == b.status
}

fn merge_entry(base: &Entry, ours: &Entry, theirs: &Entry) -> Entry {
    let anchor = if same_anchor(ours, base) {
        theirs
    } else {
        ours
    };
    let tags = if ours.tags != base.tags && theirs.tags != base.tags {
        let mut tags = ours.tags.clone();
        tags.extend(
            theirs
                .tags
                .iter()
                .filter(|t| !ours.tags.contains(t))
                .cloned(),
        );
        tags
    } else {
        pick(&base.tags, &ours.tags, &theirs.tags)
    };
    let mut extra = theirs.extra.clone();
    extra.extend(ours.extra.clone());
    Entry {
        id: ours.id,
        created: base.created,
        updated: ours.updated.max(theirs.updated),
        author: pick(&base.author, &ours.author, &theirs.author),
        color: pick(&base.color, &ours.color, &theirs.color),
        tags,
        note: merge_text(&base.note, &ours.note, &theirs.note),
        quote: anchor.quote.clone(),
        prefix: anchor.prefix.clone(),
        suffix: anchor.suffix.clone(),
        start: anchor.start,
        end: anchor.end,
        status: anchor.status.clone(),
        extra,
    }
}

/// Annotations by id, borrowed from a side; a later entry with an id already seen replaces
/// the earlier one.
pub(crate) type Index<'a> = HashMap<Uuid, &'a Entry>;

/// The index of `entries`.
pub(crate) fn index<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Index<'a> {
    entries.into_iter().map(|e| (e.id, e)).collect()
}

/// The merged annotations of three sides, in document order then id: borrowed where the
/// merge keeps one side's entry as it is, made anew where it combines them.
pub(crate) fn merge_annotations<'a>(
    b: &Index<'a>,
    o: &Index<'a>,
    t: &Index<'a>,
) -> Vec<Cow<'a, Entry>> {
    let ids: BTreeSet<Uuid> = b.keys().chain(o.keys()).chain(t.keys()).copied().collect();
    let mut annotations = Vec::with_capacity(ids.len());
    for id in ids {
        let (base, ours, theirs) = (
            b.get(&id).copied(),
            o.get(&id).copied(),
            t.get(&id).copied(),
        );
        let kept = match (base, ours, theirs) {
            (Some(base), Some(ours), Some(theirs)) if ours == theirs && theirs == base => {
                Some(Cow::Borrowed(theirs))
            }
            (Some(base), Some(ours), Some(theirs)) => {
                Some(Cow::Owned(merge_entry(base, ours, theirs)))
            }
            // Deleted here; kept unless they changed it meanwhile.
            (Some(base), None, Some(theirs)) => (theirs != base).then_some(Cow::Borrowed(theirs)),
            // Deleted there; kept unless we changed it meanwhile.
            (Some(base), Some(ours), None) => (ours != base).then_some(Cow::Borrowed(ours)),
            (None, Some(ours), Some(theirs)) if ours == theirs => Some(Cow::Borrowed(theirs)),
            (None, Some(ours), Some(theirs)) => Some(Cow::Owned(merge_entry(theirs, ours, theirs))),
            (None, Some(only), None) | (None, None, Some(only)) => Some(Cow::Borrowed(only)),
            (Some(_), None, None) | (None, None, None) => None,
        };
        annotations.extend(kept);
    }
    annotations.sort_by_key(|e| (e.start, e.end, e.id));
    annotations
}

/// Merges everything of the three sides but their annotations, which it leaves empty.
pub(crate) fn merge_top(
    base: &SidecarFile,
    ours: &SidecarFile,
    theirs: &SidecarFile,
) -> SidecarFile {
    let mut extra = theirs.extra.clone();
    extra.extend(ours.extra.clone());
    SidecarFile {
        version: ours.version,
        brief_note: merge_text(&base.brief_note, &ours.brief_note, &theirs.brief_note),
        document: ours.document.clone(),
        reading: ours.reading.clone(),
        annotations: Vec::new(),
        extra,
    }
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &SidecarFile, ours: &SidecarFile, theirs: &SidecarFile) -> SidecarFile {
    let (b, o, t) = (
        index(&base.annotations),
        index(&ours.annotations),
        index(&theirs.annotations),
    );
    SidecarFile {
        annotations: merge_annotations(&b, &o, &t)
            .into_iter()
            .map(Cow::into_owned)
            .collect(),
        ..merge_top(base, ours, theirs)
    }
}

mod chunks;
pub mod codebook;
pub mod files;

#[cfg(test)]
mod tests_props;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::format::parse;

    fn file() -> SidecarFile {
        parse(crate::store::format::tests::SAMPLE).unwrap()
    }

    fn with(mut f: SidecarFile, change: impl FnOnce(&mut Vec<Entry>)) -> SidecarFile {
        change(&mut f.annotations);
        f
    }

    fn new_entry(id: u128, start: u64) -> Entry {
        let mut e = file().annotations[0].clone();
        e.id = Uuid::from_u128(id);
        e.start = start;
        e.end = start + 3;
        e
    }

    fn ids(f: &SidecarFile) -> Vec<u128> {
        f.annotations
            .iter()
            .map(|e| e.id.as_u128() & 0xff)
            .collect()
    }

    #[test]
    fn additions_from_both_sides_are_kept() {
        let base = file();
        let ours = with(file(), |a| a.push(new_entry(1, 5)));
        let theirs = with(file(), |a| a.push(new_entry(2, 700)));
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.annotations.len(), 4);
        assert_eq!(ids(&merged), vec![1, 0x0b, 0x0c, 2], "document order");
    }

    #[test]
    fn a_deletion_on_one_side_is_honoured() {
        let base = file();
        let ours = with(file(), |a| {
            a.remove(1);
        });
        let merged = merge(&base, &ours, &file());
        assert_eq!(ids(&merged), vec![0x0b]);
        let merged = merge(&base, &file(), &ours);
        assert_eq!(ids(&merged), vec![0x0b], "and from their side too");
    }

    #[test]
    fn a_deletion_never_loses_an_edit_from_the_other_side() {
        let base = file();
        let ours = with(file(), |a| {
            a.remove(0);
        });
        let theirs = with(file(), |a| a[0].note = "edited elsewhere".into());
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.annotations[0].note, "edited elsewhere");
    }

    #[test]
    fn edits_to_different_fields_combine() {
        let base = file();
        let ours = with(file(), |a| a[0].color = crate::annotation::Color::Blue);
        let theirs = with(file(), |a| a[0].note = "their note".into());
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.annotations[0].color, crate::annotation::Color::Blue);
        assert_eq!(merged.annotations[0].note, "their note");
    }

    #[test]
    fn the_same_note_edited_on_both_sides_keeps_both_with_a_marker() {
        let base = file();
        let ours = with(file(), |a| a[0].note = "mine".into());
        let theirs = with(file(), |a| a[0].note = "theirs".into());
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            merged.annotations[0].note,
            "<<<<<<< this gloss\nmine\n=======\ntheirs\n>>>>>>> another gloss"
        );
        let same = merge(&base, &ours, &ours);
        assert_eq!(
            same.annotations[0].note, "mine",
            "identical edits are no conflict"
        );
    }

    /// The anchor fields of an entry, compared as one value.
    fn anchor(e: &Entry) -> (&str, &str, &str, u64, u64, &str) {
        (&e.quote, &e.prefix, &e.suffix, e.start, e.end, &e.status)
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Side {
        Base,
        Ours,
        Theirs,
    }

    /// `y` on a fuzzy highlight: the status is cleared, the offsets stay.
    fn accept(e: &mut Entry) {
        e.status = "exact".into();
    }

    /// `r`: every anchor field new.
    fn reattach(e: &mut Entry) {
        e.quote = "Micron Technology".into();
        e.prefix = "a cybersecurity probe into ".into();
        e.suffix = ", one of the largest".into();
        e.start = 159;
        e.end = 176;
        e.status = "exact".into();
    }

    /// Quote and offsets new, status left as it was.
    fn move_quote(e: &mut Entry) {
        e.quote = "cybersecurity".into();
        e.suffix = " probe into Micron Technology, o".into();
        e.end = 133;
    }

    fn shrink_start(e: &mut Entry) {
        e.quote = "ybersecurity probe".into();
        e.prefix = "d Europe, China has launched a c".into();
        e.start = 121;
    }

    fn edit_note(e: &mut Entry) {
        e.note = "edited".into();
    }

    fn nothing(_: &mut Entry) {}

    #[test]
    fn an_anchor_is_taken_whole_from_one_side() {
        type Edit = fn(&mut Entry);
        #[rustfmt::skip]
        let cases: [(&str, Edit, Edit, Side); 9] = [
            ("ours accepted, theirs re-attached", accept, reattach, Side::Ours),
            ("ours re-attached, theirs accepted", reattach, accept, Side::Ours),
            ("ours: status only; theirs: quote and offsets", accept, move_quote, Side::Ours),
            ("ours: quote and offsets; theirs: status only", move_quote, accept, Side::Ours),
            ("both changed offsets differently", shrink_start, move_quote, Side::Ours),
            ("only theirs changed it", edit_note, reattach, Side::Theirs),
            ("only ours changed it", reattach, edit_note, Side::Ours),
            ("the same change on both sides", reattach, reattach, Side::Ours),
            ("neither changed it", edit_note, nothing, Side::Base),
        ];
        let base = with(file(), |a| a[0].status = "fuzzy".into());
        let mut wrong = Vec::new();
        for (name, edit_ours, edit_theirs, want) in cases {
            let ours = with(base.clone(), |a| edit_ours(&mut a[0]));
            let theirs = with(base.clone(), |a| edit_theirs(&mut a[0]));
            let merged = merge(&base, &ours, &theirs);
            let got = merged
                .annotations
                .iter()
                .find(|e| e.id == base.annotations[0].id);
            let want = match want {
                Side::Base => &base,
                Side::Ours => &ours,
                Side::Theirs => &theirs,
            };
            let want = anchor(&want.annotations[0]);
            if got.map(anchor) != Some(want) {
                wrong.push(format!("{name}: got {:?}, want {want:?}", got.map(anchor)));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn tags_added_on_both_sides_are_united() {
        let base = file();
        let ours = with(file(), |a| a[0].tags.push("mine".into()));
        let theirs = with(file(), |a| a[0].tags.push("theirs".into()));
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            merged.annotations[0].tags,
            vec!["china", "semis", "mine", "theirs"]
        );
    }

    #[test]
    fn brief_notes_merge_like_notes() {
        let base = file();
        let mut ours = file();
        ours.brief_note = "ours".into();
        let merged = merge(&base, &ours, &file());
        assert_eq!(merged.brief_note, "ours");
        let mut theirs = file();
        theirs.brief_note = "theirs".into();
        assert!(
            merge(&base, &ours, &theirs)
                .brief_note
                .starts_with(CONFLICT_OURS)
        );
    }
}
