use proptest::prelude::*;

use super::*;
use crate::annotation::Color;
use crate::codebook::memo::Memo;

fn code(name: &str, description: &str) -> Code {
    Code {
        description: description.into(),
        ..Code::named(name)
    }
}

fn book(codes: &[Code]) -> Codebook {
    Codebook {
        codes: codes.to_vec(),
        memos: Vec::new(),
        extra: toml::Table::new(),
    }
}

fn text(codes: &[Code]) -> String {
    write(&book(codes)).unwrap()
}

fn names(b: &Codebook) -> Vec<&str> {
    b.codes.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn codes_from_both_sides_are_kept_and_a_deletion_is_honoured() {
    let base = book(&[code("frame", ""), code("gone", ""), code("kept", "")]);
    let ours = book(&[code("frame", ""), code("kept", ""), code("ours/new", "")]);
    let theirs = book(&[
        code("frame", ""),
        code("gone", ""),
        code("kept", ""),
        code("theirs/new", ""),
    ]);
    let (merged, conflicts) = merge(Some(&base), &ours, &theirs);
    assert_eq!(names(&merged), ["frame", "kept", "ours/new", "theirs/new"]);
    assert_eq!(conflicts, 0);
}

#[test]
fn a_code_edited_on_one_side_takes_that_side_even_against_a_deletion() {
    let base = book(&[code("a", "old"), code("b", "old")]);
    let mut edited = code("a", "new");
    edited.color = Some(Color::Red);
    let ours = book(&[edited.clone(), code("b", "old")]);
    // The other side deleted `a` and edited `b`.
    let theirs = book(&[code("b", "theirs")]);
    let (merged, conflicts) = merge(Some(&base), &ours, &theirs);
    assert_eq!(merged.codes, [edited, code("b", "theirs")]);
    assert_eq!(conflicts, 0);
}

#[test]
fn fields_edited_on_different_sides_combine() {
    let base = book(&[code("a", "old")]);
    let mut coloured = code("a", "old");
    coloured.color = Some(Color::Blue);
    let (merged, conflicts) = merge(Some(&base), &book(&[coloured]), &book(&[code("a", "new")]));
    assert_eq!(merged.codes[0].description, "new");
    assert_eq!(merged.codes[0].color, Some(Color::Blue));
    assert_eq!(conflicts, 0);
}

#[test]
fn a_description_edited_on_both_sides_keeps_both_between_markers() {
    let base = text(&[code("a", "old")]);
    let ours = text(&[code("a", "mine")]);
    let theirs = text(&[code("a", "theirs")]);
    let merged = merge_bytes(base.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
    assert_eq!(merged.conflicts, 1);
    assert_eq!(
        merged.book.codes[0].description,
        "<<<<<<< this gloss\nmine\n=======\ntheirs\n>>>>>>> another gloss"
    );
    assert_eq!(
        parse(&merged.text).unwrap(),
        merged.book,
        "valid TOML, a codebook"
    );
    let same = merge_bytes(base.as_bytes(), ours.as_bytes(), ours.as_bytes()).unwrap();
    assert_eq!(same.conflicts, 0, "the same edit on both sides");
}

#[test]
fn without_an_ancestor_everything_is_an_addition() {
    let ours = text(&[code("a", "x"), code("b", "")]);
    let theirs = text(&[code("b", ""), code("c", "")]);
    let merged = merge_bytes(b"", ours.as_bytes(), theirs.as_bytes()).unwrap();
    assert_eq!(names(&merged.book), ["a", "b", "c"]);
    // Added on both sides with different descriptions: both kept.
    let theirs = text(&[code("a", "y")]);
    let merged = merge_bytes(b"\n", ours.as_bytes(), theirs.as_bytes()).unwrap();
    assert_eq!(merged.conflicts, 1);
}

#[test]
fn a_side_that_does_not_parse_is_named_with_its_line() {
    let good = text(&[code("a", "")]);
    let broken = "version = 1\n[[code]]\nname = \"a\"\n[[code]]\nname = \"a\"\n";
    let err = merge_bytes(good.as_bytes(), good.as_bytes(), broken.as_bytes()).unwrap_err();
    assert_eq!(err.side, Side::Theirs);
    assert_eq!(err.error.line, 5);
    let err = merge_bytes(b"", b"\xff", good.as_bytes()).unwrap_err();
    assert_eq!(err.side, Side::Ours);
    assert!(err.error.message.contains("UTF-8"), "{}", err.error);
}

#[test]
fn codebooks_are_told_from_sidecars() {
    assert!(looks_like_codebook(text(&[code("a", "")]).as_bytes()));
    assert!(looks_like_codebook(
        b"version = 1\n\n[[code]]\nname = \"a\"\n"
    ));
    assert!(!looks_like_codebook(
        crate::store::format::tests::SAMPLE.as_bytes()
    ));
}

fn arb_side() -> impl Strategy<Value = Vec<(u8, u8)>> {
    prop::collection::vec((0u8..12, 0u8..3), 0..10)
}

fn build(side: &[(u8, u8)]) -> Codebook {
    let mut codes: Vec<Code> = side
        .iter()
        .map(|(n, d)| code(&format!("c{n}"), &format!("d{d}")))
        .collect();
    codes.sort_by(|a, b| a.name.cmp(&b.name));
    codes.dedup_by(|a, b| a.name == b.name);
    book(&codes)
}

proptest! {
    /// Nothing either side kept is lost: a code on both sides, or added on one, is in the
    /// merge; a code is only missing when a side deleted it and the other left it as it was.
    #[test]
    fn a_merge_keeps_every_code_either_side_kept(
        base in arb_side(), ours in arb_side(), theirs in arb_side()
    ) {
        let (b, o, t) = (build(&base), build(&ours), build(&theirs));
        let (merged, _) = merge(Some(&b), &o, &t);
        for code in o.codes.iter().chain(&t.codes) {
            let in_base = b.get(&code.name);
            let other = if o.get(&code.name) == Some(code) { t.get(&code.name) } else { o.get(&code.name) };
            let deleted_unedited = other.is_none() && in_base == Some(code);
            prop_assert_eq!(merged.get(&code.name).is_some(), !deleted_unedited, "{}", code.name);
        }
        for code in &merged.codes {
            prop_assert!(o.get(&code.name).is_some() || t.get(&code.name).is_some());
        }
        let text = write(&merged).unwrap();
        prop_assert_eq!(parse(&text).unwrap(), merged);
    }
}

#[test]
fn memos_merge_by_title_and_code_memos_like_descriptions() {
    let memo = |title: &str, text: &str| Memo {
        title: title.into(),
        text: text.into(),
        extra: toml::Table::new(),
    };
    let with = |memos: Vec<Memo>, code_memo: &str| Codebook {
        codes: vec![Code {
            memo: code_memo.into(),
            ..Code::named("a")
        }],
        memos,
        extra: toml::Table::new(),
    };
    let base = with(vec![memo("plan", "v1"), memo("gone", "x")], "m");
    let ours = with(vec![memo("plan", "ours"), memo("mine", "1")], "m ours");
    let theirs = with(
        vec![
            memo("plan", "theirs"),
            memo("gone", "x"),
            memo("yours", "2"),
        ],
        "m",
    );
    let (merged, conflicts) = merge(Some(&base), &ours, &theirs);
    let titles: Vec<&str> = merged.memos.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        ["mine", "plan", "yours"],
        "`gone` deleted on one side, unedited"
    );
    assert_eq!(
        merged.memos[1].text,
        "<<<<<<< this gloss\nours\n=======\ntheirs\n>>>>>>> another gloss"
    );
    assert_eq!(merged.codes[0].memo, "m ours");
    assert_eq!(conflicts, 1);
}
