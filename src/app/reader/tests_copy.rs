//! Scenario tests of copying: the keys give an `Effect::Copy` with the right text, or a
//! message saying why not.

use super::tests::{press, reader, type_text};
use crate::app::{COPY_MAX_BYTES, Effect};
use crate::input::Mode;

const BRIEF: &[u8] = b"+++\ntitle = \"Chip curbs\"\nsource = \"Wire\"\npublished = 2026-11-20\nurl = \"https://example.com/a\"\n+++\nChip curbs\n\nThe Netherlands joined new curbs on chip tools.\n";

fn copied(effects: &[Effect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn y_in_a_selection_copies_its_text_and_ends_it() {
    let mut s = reader(BRIEF, 80, 24);
    press(&mut s, "/");
    type_text(&mut s, "new curbs");
    let effects = press(&mut s, "enter v e e y");
    assert_eq!(copied(&effects), ["new curbs"]);
    assert_eq!(s.mode(), Mode::Normal);
    assert!(s.annotations.is_empty(), "copying highlights nothing");
}

#[test]
fn shift_y_copies_the_highlight_as_a_quote_with_its_source() {
    let mut s = reader(BRIEF, 80, 24);
    assert!(
        copied(&press(&mut s, "Y")).is_empty(),
        "no highlight under the cursor"
    );
    press(&mut s, "/");
    type_text(&mut s, "new curbs");
    press(&mut s, "enter v e e 2");
    let effects = press(&mut s, "Y");
    assert_eq!(
        copied(&effects),
        ["> new curbs\n— Chip curbs, Wire, 2026-11-20, https://example.com/a"]
    );
}

#[test]
fn l_copies_the_url() {
    let mut s = reader(BRIEF, 80, 24);
    assert_eq!(copied(&press(&mut s, "L")), ["https://example.com/a"]);
    let mut plain = reader(b"Title\nNo address here.\n", 80, 24);
    assert!(copied(&press(&mut plain, "L")).is_empty());
}

#[test]
fn a_selection_too_big_for_a_clipboard_is_not_copied() {
    let big = format!("Title\n{}\n", "word ".repeat(COPY_MAX_BYTES / 5 + 10));
    let mut s = reader(big.as_bytes(), 80, 24);
    let effects = press(&mut s, "} V y");
    assert!(copied(&effects).is_empty());
    assert_eq!(s.mode(), Mode::Visual, "the selection stays");
}

#[test]
fn controls_in_the_text_are_neutralised_before_the_clipboard() {
    let mut s = reader(b"Title\nred \x1b[31m alert\n", 80, 24);
    let effects = press(&mut s, "} V y");
    assert_eq!(copied(&effects), ["red ␛[31m alert"]);
}
