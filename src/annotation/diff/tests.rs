//! Tests of the text diff: what counts as a change, and where old characters go.

use super::*;

fn shown(old: &str, new: &str) -> Vec<(Kind, String, String)> {
    let d = TextDiff::between(old, new);
    let slice = |t: &str, r: &Range<usize>| t.chars().skip(r.start).take(r.len()).collect();
    d.changes()
        .iter()
        .map(|c| (c.kind, slice(old, &c.old), slice(new, &c.new)))
        .collect()
}

#[test]
fn one_word_replaced_is_one_change() {
    assert_eq!(
        shown(
            "T\nThe probe began on Tuesday.",
            "T\nThe probe began on Wednesday."
        ),
        vec![(Kind::Replace, "Tuesday".into(), "Wednesday".into())]
    );
}

#[test]
fn paragraphs_added_and_dropped() {
    assert_eq!(
        shown("T\na b\nc d\n", "T\nc d\ne f\n"),
        vec![
            (Kind::Delete, "a b\n".into(), String::new()),
            (Kind::Insert, String::new(), "e f\n".into())
        ]
    );
}

#[test]
fn coincidences_inside_a_rewritten_sentence_fold_into_one_change() {
    let got = shown(
        "T\nShares of the firm fell sharply in early trade.",
        "T\nRegulators opened the inquiry without warning in May.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn unchanged_characters_map_through_edits() {
    let old = "T\nThe probe began on Tuesday, Okafur said.";
    let new = "Intro\nT\nThe probe began on Wednesday, Okafor said.";
    let d = TextDiff::between(old, new);
    // "The" moves by the inserted paragraph.
    assert_eq!(d.untouched(&(2..5)), Some(8..11));
    // "Tuesday" goes to exactly "Wednesday".
    assert_eq!(d.map(&(21..28)), 27..36);
    assert_eq!(d.untouched(&(21..28)), None);
    // "Okafur" to "Okafor", five of its six characters kept.
    assert_eq!(d.map(&(30..36)), 38..44);
    assert_eq!(d.kept(&(30..36)), 5);
    // Touching changes, by index.
    assert_eq!(d.touching_old(&(21..36)).len(), 2);
    assert!(d.touching_old(&(2..5)).is_empty());
}

#[test]
fn a_deletion_maps_to_an_empty_range() {
    let d = TextDiff::between(
        "T\nkeep this. drop this entirely. keep",
        "T\nkeep this. keep",
    );
    let r = d.map(&(13..31));
    assert!(r.is_empty(), "{r:?}");
    assert_eq!(d.kept(&(13..31)), 0);
}

#[test]
fn cjk_and_emoji_count_characters() {
    let old = "T\n東京の会議は🙂火曜日に始まった。";
    let new = "T\n東京の会議は🙂水曜日に始まった。";
    let d = TextDiff::between(old, new);
    assert_eq!(d.changes().len(), 1);
    let c = &d.changes()[0];
    assert_eq!((c.old.clone(), c.new.clone()), (9..10, 9..10));
    // Character refinement finds the one ideograph that changed.
    assert_eq!(d.map(&(9..10)), 9..10);
    assert_eq!(d.kept(&(8..12)), 3);
}

#[test]
fn identical_texts_have_no_changes() {
    let d = TextDiff::between("T\nsame", "T\nsame");
    assert!(d.is_empty());
    assert_eq!(d.ops().len(), 1);
}

#[test]
fn a_space_between_an_insertion_and_a_deletion_is_part_of_the_change() {
    // Myers' diff lines "5 percent of" -> "5% of" up as `5{+%+} [-percent -]of`.
    for (old, new) in [
        ("T\nwas 5 percent of it", "T\nwas 5% of it"),
        ("T\nwas 5 percent of the work", "T\nwas 5% of the work"),
    ] {
        let got = shown(old, new);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1.trim(), got[0].2.trim()), ("percent", "%"));
    }
}
