use proptest::prelude::*;

use super::format::{CodebookError, parse, write};
use super::tree::{rows, uncoded};
use super::*;
use crate::annotation::tally::Tally;

fn book(names: &[&str]) -> Codebook {
    let mut book = Codebook::default();
    for name in names {
        book.add(Code::named(name)).unwrap();
    }
    book
}

fn names(book: &Codebook) -> Vec<&str> {
    book.codes.iter().map(|c| c.name.as_str()).collect()
}

fn rename(from: &str, to: &str) -> Retag {
    Retag::Rename {
        from: from.into(),
        to: to.into(),
    }
}

#[test]
fn add_refuses_a_name_taken_or_bad() {
    let mut b = book(&["frame/conflict"]);
    assert!(
        b.add(Code::named("frame/conflict"))
            .unwrap_err()
            .contains("already")
    );
    assert!(b.add(Code::named("frame/")).unwrap_err().contains("end"));
    assert!(
        b.add(Code::named("a\u{7}"))
            .unwrap_err()
            .contains("control")
    );
    b.add(Code::named("actor")).unwrap();
    assert_eq!(names(&b), ["actor", "frame/conflict"]);
}

#[test]
fn rename_takes_the_codes_under_it_and_refuses_a_name_in_use() {
    let mut b = book(&["frame", "frame/conflict", "frame/economic", "actor"]);
    assert_eq!(b.rename("frame", "lens").unwrap(), rename("frame", "lens"));
    assert_eq!(
        names(&b),
        ["actor", "lens", "lens/conflict", "lens/economic"]
    );
    assert!(b.rename("lens", "actor").unwrap_err().contains("merge"));
    assert!(b.rename("nothing", "x").unwrap_err().contains("not a code"));
}

#[test]
fn move_re_parents_refuses_cycles_and_unknown_parents() {
    let mut b = book(&["frame/conflict/war", "tone", "actor"]);
    assert_eq!(
        b.move_to("frame/conflict", "tone").unwrap(),
        rename("frame/conflict", "tone/conflict")
    );
    assert_eq!(names(&b), ["actor", "tone", "tone/conflict/war"]);
    assert!(
        b.move_to("tone", "tone/conflict")
            .unwrap_err()
            .contains("cycle")
    );
    assert!(b.move_to("tone", "tone").unwrap_err().contains("cycle"));
    assert!(
        b.move_to("actor", "nowhere")
            .unwrap_err()
            .contains("not a code")
    );
    assert_eq!(
        b.move_to("tone/conflict", "/").unwrap(),
        rename("tone/conflict", "conflict")
    );
    assert_eq!(names(&b), ["actor", "conflict/war", "tone"]);
    assert!(
        b.move_to("conflict", "/")
            .unwrap_err()
            .contains("already there")
    );
}

#[test]
fn merge_folds_one_code_into_another_keeping_what_is_there() {
    let mut b = book(&["semis", "semis/memory", "chips", "chips/memory"]);
    b.codes[0].description = "theirs".into(); // chips
    b.codes[3].description = "from semis".into(); // semis/memory
    assert_eq!(b.merge("semis", "chips").unwrap(), rename("semis", "chips"));
    assert_eq!(names(&b), ["chips", "chips/memory"]);
    assert_eq!(b.get("chips").unwrap().description, "theirs");
    assert_eq!(
        b.get("chips/memory").unwrap().description,
        "from semis",
        "filled in"
    );
    let mut b = book(&["a", "a/b"]);
    assert!(b.merge("a", "a/b").unwrap_err().contains("under"));
}

#[test]
fn an_import_adds_new_names_and_fills_in_what_existing_codes_lack() {
    let mut b = book(&["frame", "actor"]);
    b.codes[0].description = "ours".into(); // actor
    let mut theirs = vec![
        Code::named("actor"),
        Code::named("frame"),
        Code::named("tone"),
    ];
    theirs[0].description = "theirs".into();
    theirs[1].description = "how it is told".into();
    theirs[1].color = Some(Color::Red);
    assert_eq!(b.import(theirs).unwrap(), (1, 1));
    assert_eq!(names(&b), ["actor", "frame", "tone"]);
    assert_eq!(b.get("actor").unwrap().description, "ours", "kept");
    assert_eq!(b.get("frame").unwrap().color, Some(Color::Red), "filled in");
}

#[test]
fn delete_takes_the_codes_under_it() {
    let mut b = book(&["frame", "frame/conflict", "frames"]);
    assert_eq!(
        b.delete("frame").unwrap(),
        Retag::Delete {
            tag: "frame".into()
        }
    );
    assert_eq!(names(&b), ["frames"]);
    assert!(b.delete("frame").is_err());
}

#[test]
fn the_tree_has_implied_parents_and_counts_and_uncoded_tags_apart() {
    let mut b = book(&["frame/conflict", "frame/economic", "frame-x"]);
    let conflict = b.codes.iter_mut().find(|c| c.name == "frame/conflict");
    conflict.unwrap().description = "war and strife".into();
    let mut tally = Tally::default();
    let used = ["frame/conflict", "market", "frame/economic"];
    tally.add(0, &[used[0].into(), used[1].into()]);
    tally.add(1, &[used[2].into()]);
    let tree = rows(&b, &tally);
    let seen: Vec<(&str, usize, bool, usize)> = tree
        .iter()
        .map(|r| (r.name.as_str(), r.depth, r.is_code, r.count.annotations))
        .collect();
    assert_eq!(
        seen,
        [
            ("frame", 0, false, 2),
            ("frame/conflict", 1, true, 1),
            ("frame/economic", 1, true, 1),
            ("frame-x", 0, true, 0),
        ]
    );
    assert_eq!(tree[1].leaf(), "conflict");
    assert_eq!(tree[1].description, "war and strife");
    let loose = uncoded(&b, used, &tally);
    assert_eq!(loose.len(), 1);
    assert_eq!((loose[0].0.as_str(), loose[0].1.briefs), ("market", 1));
}

fn error(src: &str) -> CodebookError {
    parse(src).unwrap_err()
}

#[test]
fn a_bad_codebook_names_line_and_key() {
    let e = error(
        "version = 1\n[[code]]\nname = \"a\"\n[[code]]\nname = \"b\"\n[[code]]\nname = \"a\"\n",
    );
    assert_eq!((e.line, e.key.as_deref()), (7, Some("name")));
    assert!(e.message.contains("already a code (line 3)"), "{e}");
    let e = error("version = 1\n\n[[code]]\nname = \"frame/\"\n");
    assert_eq!((e.line, e.key.as_deref()), (4, Some("name")));
    let e = error("version = 1\n[[code]]\nname = \"a\\u001b[2J\"\n");
    assert!(
        e.message.contains("control") && !e.to_string().contains('\u{1b}'),
        "{e}"
    );
    let e = error("version = 1\n[[code]]\nname = \"a\"\ncolor = \"teal\"\n");
    assert_eq!((e.line, e.key.as_deref()), (4, Some("color")));
    let e = error("version = 1\n[[code]]\ndescription = \"x\"\n");
    assert!(e.message.contains("without a `name`"), "{e}");
    let e = error("version = 9\n");
    assert!(e.message.contains("newer gloss"), "{e}");
    let e = error("[[code]]\nname = \"a\"\n");
    assert!(e.message.contains("missing `version`"), "{e}");
    let e = error("version = 1\n[[code]\n");
    assert_eq!(e.line, 2, "{e}");
}

#[test]
fn unknown_keys_are_kept_and_codes_come_out_in_name_order() {
    let src = "version = 1\nowner = \"lab\"\n[[code]]\nname = \"b\"\nmemo = \"kept\"\n[[code]]\nname = \"a\"\ncolor = \"red\"\n";
    let b = parse(src).unwrap();
    assert_eq!(names(&b), ["a", "b"]);
    assert_eq!(b.codes[0].color, Some(Color::Red));
    let text = write(&b).unwrap();
    assert!(text.starts_with(format::HEADER));
    assert!(
        text.contains("owner = \"lab\"") && text.contains("memo = \"kept\""),
        "{text}"
    );
    assert!(
        text.find("name = \"a\"") < text.find("name = \"b\""),
        "{text}"
    );
}

fn part() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9 _-]{0,6}[a-z0-9]".prop_map(|s| s)
}

fn code() -> impl Strategy<Value = Code> {
    (
        prop::collection::vec(part(), 1..4),
        "(?s).{0,40}",
        prop::option::of(0usize..5),
        "(?s).{0,60}",
    )
        .prop_map(|(parts, description, color, memo)| Code {
            name: parts.join("/"),
            description,
            color: color.and_then(|i| Color::nth(i + 1)),
            memo,
            extra: toml::Table::new(),
        })
}

proptest! {
    #[test]
    fn any_codebook_round_trips_byte_for_byte(
        codes in prop::collection::vec(code(), 0..8),
        memos in prop::collection::vec(("[A-Za-z][A-Za-z ]{0,12}", "(?s).{1,60}"), 0..4),
    ) {
        let mut book = Codebook::default();
        for code in codes {
            let _ = book.add(code);
        }
        for (title, text) in memos {
            let _ = book.set_library_memo(&title, &text);
        }
        let text = write(&book).unwrap();
        let back = parse(&text).unwrap();
        prop_assert_eq!(&back, &book);
        prop_assert_eq!(write(&back).unwrap(), text);
    }
}
