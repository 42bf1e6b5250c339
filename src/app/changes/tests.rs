//! The changes view on a re-issued brief: its entries (what changed, the annotations touched),
//! and the keys `D`, `] c` / `[ c` and Enter in scenario tests.

use super::*;
use crate::annotation::{Anchor, Annotation, Color};
use crate::app::reader::tests::{press, reader, send};
use crate::app::reader::tests_loading::place_all;
use crate::app::{Event, Layer, Reader};
use crate::document::Format;
use crate::input::Mode;
use crate::store::convert::{Extras, to_file};
use crate::store::place::Stored;

/// The brief as annotated.
pub(crate) const OLD: &str = "Council vote delayed\n\n\
The council will vote on Tuesday, said Mayor Okafur, after a long debate about the budget.\n\n\
A second paragraph that nobody touched at all, about parks and libraries.\n\n\
This sentence about the bypass road was removed in the corrected version.\n\n\
The last paragraph stays as it was, about the weather and the river.\n";

/// The brief as re-issued: a day and a name corrected, a paragraph gone, a notice appended.
pub(crate) const NEW: &str = "Council vote delayed\n\n\
The council will vote on Wednesday, said Mayor Okafor, after a long debate about the budget.\n\n\
A second paragraph that nobody touched at all, about parks and libraries.\n\n\
The last paragraph stays as it was, about the weather and the river.\n\n\
Correction: an earlier version of this article gave the wrong day.\n";

/// Characters of the first occurrence of `quote` in `text`.
fn chars_of(text: &str, quote: &str) -> std::ops::Range<usize> {
    let byte = text.find(quote).unwrap();
    let start = text[..byte].chars().count();
    start..start + quote.chars().count()
}

/// A reader of [`NEW`] at `w` x `h` whose annotations were placed on [`OLD`] (highlights on
/// "Tuesday", on the removed sentence, and on the untouched paragraph), carried through the
/// diff as the reader's placer does.
pub(crate) fn reissued(w: u16, h: u16) -> Reader {
    let old = Document::parse(OLD.as_bytes(), Format::Plain).unwrap();
    let quotes = ["vote on Tuesday", "about the bypass road", "nobody touched"];
    let items: Vec<Annotation> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let c = chars_of(old.text(), q);
            let bytes = old.byte_offset(Chars(c.start))..old.byte_offset(Chars(c.end));
            Annotation::new(
                uuid::Uuid::from_u128(i as u128 + 1),
                jiff::Timestamp::UNIX_EPOCH,
                Color::Yellow,
                Anchor::new(&old, bytes),
            )
        })
        .collect();
    let set = Annotations::from_vec(items, String::new());
    let file = to_file(&old, "brief.txt", &set, Chars(0), &Extras::default());
    let mut s = reader(NEW.as_bytes(), w, h);
    s.set_unplaced(Stored::of(&file).with_before(Some(old.text().into())));
    let effects = send(&mut s, Event::Tick);
    place_all(&mut s, effects);
    assert!(s.through.is_some(), "carried through the diff");
    s
}

fn changes(s: &Reader) -> &Changes {
    match &s.layer {
        Layer::Changes(c) => c,
        other => panic!("not in the changes view: {other:?}"),
    }
}

fn shown(s: &Reader) -> String {
    s.status.shown().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn entries_hold_each_change_and_the_annotations_it_touches() {
    let mut s = reissued(80, 24);
    press(&mut s, "D");
    assert_eq!(s.mode(), Mode::Changes);
    let c = changes(&s);
    let shown: Vec<(Kind, &str, &str)> = c
        .entries
        .iter()
        .map(|e| (e.kind, e.removed.as_str(), e.added.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (Kind::Replace, "Tuesday", "Wednesday"),
            (Kind::Replace, "Okafur", "Okafor"),
            (
                Kind::Delete,
                "This sentence about the bypass road was removed in the corrected version. ¶ ",
                ""
            ),
            (
                Kind::Insert,
                "",
                " ¶ Correction: an earlier version of this article gave the wrong day."
            ),
        ],
        "{:#?}",
        c.entries
    );
    let day = &c.entries[0];
    assert_eq!(
        day.touched,
        [Touch {
            status: Status::Fuzzy,
            was: "vote on Tuesday".into(),
            now: Some("vote on Wednesday".into()),
        }]
    );
    assert!(c.entries[1].touched.is_empty(), "nothing on the name");
    assert_eq!(
        c.entries[2].touched,
        [Touch {
            status: Status::Orphaned,
            was: "about the bypass road".into(),
            now: None,
        }]
    );
    assert_eq!(c.selected, 0, "the first change at or after the caret");
    assert_eq!(day.before[1], " ¶ The council will vote on ", "{day:?}");
    assert_eq!(
        day.after,
        [
            ", said Mayor Okafur, after a",
            ", said Mayor Okafor, after a"
        ]
    );
}

#[test]
fn bracket_c_moves_between_changes_in_the_view_and_wraps() {
    let mut s = reissued(80, 24);
    press(&mut s, "D ] c");
    assert_eq!(changes(&s).selected, 1);
    press(&mut s, "j ] c");
    assert_eq!(changes(&s).selected, 3);
    press(&mut s, "] c");
    assert_eq!(changes(&s).selected, 0, "past the last, the first");
    assert!(shown(&s).contains("wrapped to the first"), "{}", shown(&s));
    press(&mut s, "[ c");
    assert_eq!(changes(&s).selected, 3);
    press(&mut s, "k");
    assert_eq!(changes(&s).selected, 2);
    assert_eq!(s.cursor, 0, "moving in the view leaves the text alone");
    press(&mut s, "esc");
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn enter_goes_into_the_text_at_the_change() {
    let mut s = reissued(80, 24);
    press(&mut s, "D ] c ] c ] c enter");
    assert_eq!(s.mode(), Mode::Normal, "the view closes");
    let want = chars_of(s.doc.text(), "\nCorrection").start;
    assert_eq!(s.doc.char_offset(s.cursor), Chars(want));
    assert_eq!(shown(&s), "change 4 of 4");
    press(&mut s, "g D");
    assert_eq!(changes(&s).selected, 0, "opens at the caret's change");
}

#[test]
fn bracket_c_in_the_text_goes_from_change_to_change() {
    let mut s = reissued(80, 24);
    let wednesday = Chars(chars_of(s.doc.text(), "Wednesday").start);
    press(&mut s, "] c");
    assert_eq!(s.doc.char_offset(s.cursor), wednesday);
    assert_eq!(shown(&s), "change 1 of 4");
    press(&mut s, "[ c");
    assert_eq!(shown(&s), "change 4 of 4, wrapped");
    press(&mut s, "] c");
    assert_eq!(s.doc.char_offset(s.cursor), wednesday);
}

#[test]
fn an_unchanged_brief_has_no_changes_to_show() {
    let mut s = reader(NEW.as_bytes(), 80, 24);
    press(&mut s, "D");
    assert_eq!(s.mode(), Mode::Normal);
    assert!(shown(&s).contains("nothing to compare"), "{}", shown(&s));
}

#[test]
fn the_selected_change_stays_on_a_short_screen() {
    let mut s = reissued(60, 12);
    press(&mut s, "D ] c ] c ] c");
    let c = changes(&s);
    assert_eq!(c.selected, 3);
    let (w, h) = (58, 9);
    let rows: usize = c.entries[c.top..=c.selected]
        .iter()
        .map(|e| e.rows(w))
        .sum();
    assert!(c.top > 0 && rows <= h, "top {} rows {rows}", c.top);
    press(&mut s, "] c");
    assert_eq!(changes(&s).top, 0);
}

#[test]
fn a_long_line_wraps_over_at_most_three_rows() {
    assert_eq!(text_rows(0, 10), 1);
    assert_eq!(text_rows(10, 10), 1);
    assert_eq!(text_rows(11, 10), 2);
    assert_eq!(text_rows(1000, 10), TEXT_ROWS);
}

#[test]
fn enter_in_the_view_is_a_jump_ctrl_o_comes_back_and_moving_in_the_view_is_not() {
    use crate::app::App;
    let mut app = App::reading(reissued(80, 24));
    let caret = |app: &App| app.reader().map(|r| r.doc.char_offset(r.cursor));
    crate::app::update::tests::press(&mut app, "j D ] c ] c [ c");
    assert_eq!(app.jumps.len(), 0, "moving in the view records nothing");
    crate::app::update::tests::press(&mut app, "enter");
    assert_eq!(app.jumps.len(), 1);
    let at = caret(&app);
    let okafor = app.reader().map(|r| chars_of(r.doc.text(), "Okafor").start);
    assert_eq!(at, okafor.map(Chars));
    crate::app::update::tests::press(&mut app, "ctrl-o");
    assert_eq!(caret(&app), Some(Chars(0)), "back where Enter left");
    crate::app::update::tests::press(&mut app, "ctrl-i");
    assert_eq!(caret(&app), at);
}

#[test]
fn comparing_the_versions_reports_progress_before_placing() {
    let old = Document::parse(OLD.as_bytes(), Format::Plain).unwrap();
    let c = chars_of(old.text(), "vote on Tuesday");
    let bytes = old.byte_offset(Chars(c.start))..old.byte_offset(Chars(c.end));
    let a = Annotation::new(
        uuid::Uuid::from_u128(1),
        jiff::Timestamp::UNIX_EPOCH,
        Color::Yellow,
        Anchor::new(&old, bytes),
    );
    let set = Annotations::from_vec(vec![a], String::new());
    let file = to_file(&old, "brief.txt", &set, Chars(0), &Extras::default());
    let mut s = reader(NEW.as_bytes(), 80, 24);
    s.set_unplaced(Stored::of(&file).with_before(Some(old.text().into())));
    let job = send(&mut s, Event::Tick)
        .into_iter()
        .find_map(|e| match e {
            crate::app::Effect::Place(job) => Some(job),
            _ => None,
        })
        .unwrap();
    let mut events = Vec::new();
    job.run(|e| {
        events.push(e);
        true
    });
    let percents: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            Event::Compared(p) => Some(*p),
            _ => None,
        })
        .collect();
    assert_eq!(percents.first(), Some(&0), "{percents:?}");
    assert_eq!(percents.last(), Some(&100), "{percents:?}");
    assert!(
        percents.windows(2).all(|w| w[0] < w[1]),
        "once a percent: {percents:?}"
    );
    assert!(matches!(events.last(), Some(Event::PlaceDone(_))));
    // On screen while it runs; gone once it is done.
    send(&mut s, Event::Compared(40));
    let screen = crate::ui::tests::text(&crate::ui::tests::draw(&s));
    assert!(screen.contains("comparing versions 40%"), "{screen}");
    send(&mut s, Event::Compared(100));
    let screen = crate::ui::tests::text(&crate::ui::tests::draw(&s));
    assert!(screen.contains("placing 0/1"), "{screen}");
}
