//! Scenario tests of reviewing highlights after the brief changed: confirming a fuzzy match,
//! re-attaching, and orphans in the panel.

use super::tests::{press, reader, send};
use super::*;
use crate::annotation::Status;
use crate::app::*;
use crate::input::Mode;

const SAMPLE: &[u8] = include_bytes!("../../../seeds/micron-cac-probe.txt");

/// The sample with one highlight on the second paragraph's first word, given `status`.
fn with_status(status: Status) -> Reader {
    let mut s = reader(SAMPLE, 100, 30);
    press(&mut s, "} v e 1");
    let mut a = s.annotations.iter().next().unwrap().clone();
    a.status = status;
    if status == Status::Fuzzy {
        a.anchor.quote = "In an earlier move".into();
    }
    s.annotations.replace(a);
    s
}

#[test]
fn y_confirms_a_fuzzy_highlight_and_takes_the_new_quote() {
    let mut s = with_status(Status::Fuzzy);
    press(&mut s, "y");
    let a = s.annotations.iter().next().unwrap();
    assert_eq!(a.status, Status::Exact);
    assert_eq!(a.anchor.quote, "In");
    press(&mut s, "u");
    assert_eq!(
        s.annotations.iter().next().unwrap().status,
        Status::Fuzzy,
        "undoable"
    );
    press(&mut s, "g y");
    assert!(s.status.shown().unwrap().text.contains("no highlight here"));
}

#[test]
fn r_reattaches_a_highlight_to_a_new_selection() {
    let mut s = with_status(Status::Fuzzy);
    press(&mut s, "r");
    assert_eq!(s.mode(), Mode::Visual);
    press(&mut s, "w e r");
    let a = s.annotations.iter().next().unwrap();
    assert_eq!(a.anchor.quote, "In a move");
    assert_eq!(a.status, Status::Exact);
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn orphans_are_listed_last_and_reattached_from_the_panel() {
    let mut s = with_status(Status::Orphaned);
    press(&mut s, "} } v e 2");
    let entries: Vec<Status> = s.panel.entries(&s).iter().map(|a| a.status).collect();
    assert_eq!(entries, vec![Status::Exact, Status::Orphaned]);
    assert!(
        s.under_cursor()
            .iter()
            .all(|a| a.status != Status::Orphaned)
    );
    press(&mut s, "g ctrl-w j r");
    assert_eq!(s.mode(), Mode::Visual);
    press(&mut s, "} e r");
    let placed = s
        .annotations
        .iter()
        .filter(|a| a.status != Status::Orphaned)
        .count();
    assert_eq!(placed, 2, "the orphan has a place again");
}

#[test]
fn a_failed_save_warns_once_before_quitting_without_saving() {
    let mut s = with_status(Status::Exact);
    super::tests::answer_save(&mut s, Err("disk full".into()));
    assert!(
        s.status
            .shown()
            .unwrap()
            .text
            .contains("not saved: disk full")
    );
    let first = press(&mut s, "q");
    assert!(
        !first.contains(&Effect::Exit(Exit::Quit)),
        "the first q only warns: {first:?}"
    );
    assert!(s.status.shown().unwrap().text.contains("press q again"));
    assert_eq!(press(&mut s, "q"), vec![Effect::Exit(Exit::Quit)]);
    // After a successful save, q quits at once again.
    let mut s = with_status(Status::Exact);
    super::tests::answer_save(&mut s, Err("disk full".into()));
    super::tests::answer_save(&mut s, Ok(None));
    assert_eq!(press(&mut s, "q"), vec![Effect::Exit(Exit::Quit)]);
}

#[test]
fn a_malformed_sidecar_makes_annotations_read_only() {
    let mut s = with_status(Status::Exact);
    s.set_read_only("brief.txt.gloss.toml: line 3, column 1: oops".into());
    let before = s.annotations.clone();
    press(&mut s, "} v e 3 u d c");
    assert_eq!(s.annotations, before);
    assert!(
        s.status
            .shown()
            .unwrap()
            .text
            .contains("read-only: brief.txt.gloss.toml: line 3")
    );
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn r_reattaches_to_a_selection_made_with_the_mouse_and_esc_forgets_it() {
    let mut s = with_status(Status::Fuzzy);
    press(&mut s, "r");
    // The first word of the row below the highlight, dragged over with the mouse.
    let column = s.geometry().column;
    let row = s.layout.row_of(&s.doc, s.cursor) - s.top + 1;
    let y = column.y + u16::try_from(row).unwrap();
    let send = super::tests::send;
    send(
        &mut s,
        Event::MouseDown {
            x: column.x,
            y,
            clicks: 1,
        },
    );
    send(&mut s, Event::MouseDrag { x: column.x + 4, y });
    send(&mut s, Event::MouseUp);
    let selected = s.selection().unwrap().range(s.doc.text());
    let quote = s.doc.text()[selected].to_string();
    press(&mut s, "r");
    let a = s.annotations.iter().next().unwrap();
    assert_eq!(a.anchor.quote, quote, "attached to the dragged text");
    assert_eq!(a.status, Status::Exact);
    // Esc while re-attaching forgets the highlight: a later selection and r attaches nothing.
    let before = s.annotations.clone();
    press(&mut s, "r esc v e r");
    assert_eq!(s.annotations, before);
    assert!(
        s.status.shown().unwrap().text.contains("on a highlight"),
        "{:?}",
        s.status.shown()
    );
}

#[test]
fn conflict_copies_found_are_told_with_the_key_that_merges_them() {
    let mut s = reader(SAMPLE, 100, 30);
    s.copies_found(0);
    assert!(s.status.shown().is_none());
    send(&mut s, Event::CopiesFound(1));
    let shown = s.status.shown().unwrap();
    assert_eq!(
        (shown.text.as_str(), shown.level),
        (
            "1 conflict copy of these annotations: M merges it",
            Level::Warning
        )
    );
    let mut s = reader(SAMPLE, 100, 30);
    s.copies_found(3);
    assert_eq!(
        s.status.shown().unwrap().text,
        "3 conflict copies of these annotations: M merges them"
    );
}
