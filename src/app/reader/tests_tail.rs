//! Scenario tests of `G` on a huge brief still being read: its end is read from the file and
//! shown at once, scrolls, and hands over to the reader at the same line.

use super::tests::{press, send};
use super::tests_loading::{brief, pieces};
use super::*;
use crate::app::*;
use crate::document::Document;
use crate::input::Keymap;

/// A reader on the first lines of `src`, with a file size that makes reading the end worth it.
fn huge(src: &str) -> (Reader, Vec<Piece>, Piece) {
    let (doc, rest) = pieces(src, 5, 10);
    let keymap = Keymap::default_keymap().unwrap();
    let settings = Settings {
        max_width: 60,
        ..Settings::default()
    };
    let mut state = Reader::new(doc, "huge.txt", settings, &keymap);
    let pretend = 1 << 30;
    state.loading = Some(Loading::new(5, pretend));
    send(&mut state, Event::Resize(60, 12));
    // What the runtime reads for ReadTail: whole lines near the end of the file.
    let last: String = src.split_inclusive('\n').skip(50).collect();
    let start = src.len() - last.len();
    let piece = Piece {
        doc: Document::parse_continuation(last.as_bytes(), start).unwrap(),
        measured: None,
        read: src.len() as u64,
    };
    (state, rest, piece)
}

fn shown_text(state: &Reader) -> String {
    crate::ui::tests::text(&crate::ui::tests::draw(state))
}

#[test]
fn g_reads_the_end_of_a_huge_brief_and_shows_it_at_once() {
    let src = brief(60);
    let (mut s, _rest, tail) = huge(&src);
    assert_eq!(press(&mut s, "G"), [Effect::ReadTail]);
    send(&mut s, Event::Tail(Box::new(tail)));
    let screen = shown_text(&s);
    assert!(screen.contains("Paragraph 59 says"), "{screen}");
    assert!(screen.contains("end, shown early · reading 0%"), "{screen}");
    assert!(press(&mut s, "G").is_empty(), "the end is read once");
}

#[test]
fn the_early_end_scrolls_and_hands_over_at_the_same_line() {
    let src = brief(60);
    let (mut s, rest, tail) = huge(&src);
    press(&mut s, "G");
    send(&mut s, Event::Tail(Box::new(tail)));
    press(&mut s, "k k k");
    let before = s.tail.as_ref().map(|t| {
        let offset = t.layout.pin_at(&t.doc, t.top).offset;
        t.doc.text()[offset..offset + 20].to_string()
    });
    assert!(
        !s.loading.unwrap().follow_end,
        "scrolled up: no longer following"
    );
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
    }
    send(&mut s, Event::LoadDone);
    assert!(s.tail.is_none());
    let offset = s.layout.pin_at(&s.doc, s.top).offset;
    assert_eq!(Some(s.doc.text()[offset..offset + 20].to_string()), before);
    assert_eq!(s.top, s.max_top() - 3);
}

#[test]
fn at_the_early_end_reading_finishes_at_the_end_and_other_keys_leave_it() {
    let src = brief(60);
    let (mut s, rest, tail) = huge(&src);
    press(&mut s, "G");
    send(&mut s, Event::Tail(Box::new(tail.clone())));
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
    }
    send(&mut s, Event::LoadDone);
    assert_eq!(s.top, s.max_top(), "following the end lands at the end");

    let (mut s, _rest, tail) = huge(&src);
    press(&mut s, "G");
    send(&mut s, Event::Tail(Box::new(tail)));
    press(&mut s, "g");
    assert!(s.tail.is_none());
    assert_eq!(
        (s.top, s.cursor),
        (0, 0),
        "g goes to the top of what is read"
    );
    assert!(!s.loading.unwrap().follow_end);
}

#[test]
fn a_tail_that_comes_after_the_user_moved_on_is_not_shown() {
    let src = brief(60);
    let (mut s, _rest, tail) = huge(&src);
    press(&mut s, "G g");
    send(&mut s, Event::Tail(Box::new(tail)));
    assert!(s.tail.is_none());
}
