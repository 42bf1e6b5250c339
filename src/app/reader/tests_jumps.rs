//! Scenario tests of moving between annotations: `] h` `[ h`, `] n` `[ n`, `] r` `[ r`.

use super::tests::{press, reader};
use super::*;
use crate::annotation::Status;
use crate::document::Chars;

const SAMPLE: &[u8] = include_bytes!("../../../seeds/micron-cac-probe.txt");

/// The sample with a highlight on the first word of paragraphs 2, 4 and 6, the middle one
/// with a note and the last one fuzzy; the caret back at the top.
fn highlighted() -> (Reader, [Chars; 3]) {
    let mut s = reader(SAMPLE, 100, 30);
    press(&mut s, "} v e 1 } } v e 2 } } v e 3 g");
    let mut all: Vec<Annotation> = s.annotations.iter().cloned().collect();
    assert_eq!(all.len(), 3);
    all[1].note = "the key claim".into();
    all[2].status = Status::Fuzzy;
    let starts = [
        all[0].anchor.start,
        all[1].anchor.start,
        all[2].anchor.start,
    ];
    for a in all {
        s.annotations.replace(a);
    }
    assert_eq!(s.cursor, 0);
    (s, starts)
}

fn shown(s: &Reader) -> String {
    s.status.shown().map(|m| m.text.clone()).unwrap_or_default()
}

fn caret(s: &Reader) -> Chars {
    s.doc.char_offset(s.cursor)
}

#[test]
fn bracket_h_goes_from_highlight_to_highlight_and_wraps_at_the_ends() {
    let (mut s, [a, b, c]) = highlighted();
    press(&mut s, "] h");
    assert_eq!(caret(&s), a);
    press(&mut s, "] h");
    assert_eq!(caret(&s), b);
    press(&mut s, "] h");
    assert_eq!(caret(&s), c);
    assert!(s.status.shown().is_none(), "no message on a plain move");
    press(&mut s, "] h");
    assert_eq!(caret(&s), a, "past the last, back to the first");
    assert!(shown(&s).contains("wrapped to the top"), "{}", shown(&s));
    press(&mut s, "[ h");
    assert_eq!(caret(&s), c, "before the first, the last");
    press(&mut s, "[ h");
    assert_eq!(caret(&s), b);
    let row = s.layout.row_of(&s.doc, s.cursor);
    assert!(
        (s.top..s.top + s.view_height()).contains(&row),
        "the highlight is on screen"
    );
}

#[test]
fn bracket_n_stops_only_at_notes_and_bracket_r_only_at_highlights_to_review() {
    let (mut s, [_, b, c]) = highlighted();
    press(&mut s, "] n");
    assert_eq!(caret(&s), b);
    press(&mut s, "] n");
    assert_eq!(caret(&s), b, "the only note, found again after wrapping");
    press(&mut s, "g ] r");
    assert_eq!(caret(&s), c);
    press(&mut s, "[ r");
    assert_eq!(caret(&s), c);
}

#[test]
fn with_nothing_to_stop_at_the_caret_stays_and_the_status_says_why() {
    let mut s = reader(SAMPLE, 100, 30);
    press(&mut s, "} ] h");
    let here = s.cursor;
    assert!(shown(&s).contains("no highlights in this brief"));
    let (mut s, _) = highlighted();
    let mut orphan = s.annotations.iter().next().unwrap().clone();
    orphan.status = Status::Orphaned;
    s.annotations.replace(orphan);
    let mut fuzzy: Vec<Annotation> = s.annotations.iter().cloned().collect();
    for a in &mut fuzzy {
        if a.status == Status::Fuzzy {
            a.status = Status::Exact;
        }
    }
    for a in fuzzy {
        s.annotations.replace(a);
    }
    press(&mut s, "] r");
    assert_eq!(s.cursor, 0);
    assert!(
        shown(&s).contains("1 not found (see the panel)"),
        "{}",
        shown(&s)
    );
    assert_ne!(here, 0);
}

#[test]
fn a_key_after_the_prefix_that_finishes_nothing_does_nothing() {
    let (mut s, _) = highlighted();
    press(&mut s, "] x j");
    assert_eq!(s.top, 1, "] x meant nothing; j scrolled");
    assert_eq!(s.cursor, s.layout.pin_at(&s.doc, 1).offset);
}
