//! Scenario tests of a brief read in pieces: the view while the rest streams in, `G` that
//! follows the end, the saved position, and saved annotations placed after the first frame.

use super::tests::{press, send};
use super::*;
use crate::annotation::{Anchor, Annotation, Annotations, Color};
use crate::app::*;
use crate::document::{Document, Format};
use crate::input::Keymap;
use crate::layout::{Layout, Measured};
use crate::store::convert::{Extras, to_file};
use crate::store::place::Stored;

/// A brief of `n` numbered paragraphs, each long enough to wrap.
pub(crate) fn brief(n: usize) -> String {
    let mut s = String::from("Streaming brief\n");
    for i in 0..n {
        s.push_str(&format!(
            "Paragraph {i} says that the ministry revised its forecast for the quarter again.\n"
        ));
    }
    s
}

/// The brief cut into a first piece of `first` lines and later pieces of `each` lines,
/// as the loader cuts a file, with the byte count read after each piece.
pub(crate) fn pieces(src: &str, first: usize, each: usize) -> (Document, Vec<Piece>) {
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let head: String = lines[..first].concat();
    let doc = Document::parse_start(head.as_bytes(), Format::Plain).unwrap();
    let mut read = head.len();
    let mut out = Vec::new();
    for chunk in lines[first..].chunks(each) {
        let bytes = chunk.concat();
        let part = Document::parse_continuation(bytes.as_bytes(), read).unwrap();
        read += bytes.len();
        out.push(Piece {
            measured: Some(Measured::of(&part, 60)),
            doc: part,
            read: read as u64,
        });
    }
    (doc, out)
}

/// A reader on the first piece of `src`, 60 columns wide, still reading the rest.
fn streaming(src: &str, first: usize, each: usize) -> (Reader, Vec<Piece>) {
    let (doc, rest) = pieces(src, first, each);
    let keymap = Keymap::default_keymap().unwrap();
    let settings = Settings {
        max_width: 60,
        ..Settings::default()
    };
    let mut state = Reader::new(doc, "big.txt", settings, &keymap);
    state.loading = Some(Loading::new(first as u64, src.len() as u64));
    send(&mut state, Event::Resize(60, 12));
    (state, rest)
}

fn top_text(state: &Reader) -> String {
    let offset = state.layout.pin_at(&state.doc, state.top).offset;
    state.doc.text()[offset..].chars().take(14).collect()
}

#[test]
fn pieces_grow_the_brief_to_what_reading_it_whole_gives() {
    let src = brief(40);
    let (mut s, rest) = streaming(&src, 3, 7);
    assert_eq!(s.doc.blocks().len(), 3);
    let mut last = 0;
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
        let percent = s.loading.unwrap().percent();
        assert!(percent >= last, "progress only grows");
        last = percent;
    }
    assert_eq!(last, 100);
    send(&mut s, Event::LoadDone);
    assert!(!s.is_loading());
    let whole = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    assert_eq!(*s.doc, whole);
    let layout = Layout::new(&whole, s.layout.width(), false);
    assert_eq!(s.layout.total_rows(), layout.total_rows());
}

#[test]
fn keys_work_on_what_is_read_and_g_follows_the_end_until_reading_is_done() {
    let src = brief(60);
    let (mut s, rest) = streaming(&src, 10, 10);
    press(&mut s, "j j");
    assert_eq!(s.top, 2, "scrolling works before the rest is read");
    press(&mut s, "G");
    assert!(s.loading.unwrap().follow_end);
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
        assert_eq!(s.top, s.max_top(), "the view stays at the growing end");
    }
    send(&mut s, Event::LoadDone);
    assert_eq!(s.top, s.max_top());
    let last = s.doc.blocks().len() - 1;
    assert_eq!(
        s.doc.block_at(s.cursor),
        last,
        "the caret is in the last paragraph"
    );
}

#[test]
fn scrolling_away_stops_following_the_end() {
    let src = brief(60);
    let (mut s, mut rest) = streaming(&src, 10, 10);
    press(&mut s, "G k");
    assert!(!s.loading.unwrap().follow_end);
    let top = s.top;
    send(&mut s, Event::Loaded(Box::new(rest.remove(0))));
    assert_eq!(s.top, top, "more text below does not move the view");
}

#[test]
fn the_saved_position_is_shown_once_its_text_is_read() {
    let src = brief(60);
    let (mut s, rest) = streaming(&src, 5, 10);
    let whole = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    let target = whole.text().find("Paragraph 42").unwrap();
    s.restore_position = Some(whole.char_offset(target));
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
        if s.restore_position.is_none() {
            break;
        }
        assert_eq!(s.top, 0, "the view waits at the top meanwhile");
    }
    assert_eq!(top_text(&s), "Paragraph 42 s");
}

#[test]
fn repeats_found_after_reading_collapse_and_keep_the_view_in_place() {
    let body: String = (0..8)
        .map(|i| format!("Body paragraph {i} carries enough words to be worth collapsing later.\n"))
        .collect();
    let src = format!("Repeated\n{body}\t\n{body}");
    let (mut s, rest) = streaming(&src, 4, 3);
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
    }
    press(&mut s, "j j j j j");
    let before = top_text(&s);
    let items = s.layout.item_count();
    send(&mut s, Event::LoadDone);
    assert_eq!(s.doc.repeats().len(), 1);
    assert!(s.layout.item_count() < items, "the copy collapsed");
    assert_eq!(top_text(&s), before);
}

#[test]
fn a_read_error_keeps_what_was_read_and_says_why() {
    let src = brief(30);
    let (mut s, mut rest) = streaming(&src, 5, 10);
    send(&mut s, Event::Loaded(Box::new(rest.remove(0))));
    send(
        &mut s,
        Event::LoadFailed("binary data (NUL byte at offset 900)".into()),
    );
    assert!(!s.is_loading());
    assert_eq!(s.doc.blocks().len(), 15);
    let message = s.status.shown().cloned().unwrap();
    assert_eq!(message.level, Level::Error);
    assert!(
        message.text.contains("NUL byte at offset 900"),
        "{message:?}"
    );
}

/// A sidecar with one highlight on every paragraph of `src`.
pub(crate) fn sidecar(src: &str) -> crate::store::format::SidecarFile {
    let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    let items: Vec<Annotation> = (1..doc.blocks().len())
        .map(|b| {
            let range = doc.blocks()[b].range();
            let anchor = Anchor::new(&doc, range.start + 10..range.start + 25);
            Annotation::new(
                uuid::Uuid::from_u128(b as u128),
                jiff::Timestamp::UNIX_EPOCH,
                Color::Green,
                anchor,
            )
        })
        .collect();
    let set = Annotations::from_vec(items, String::new());
    to_file(
        &doc,
        "big.txt",
        &set,
        crate::document::Chars(0),
        &Extras::default(),
    )
}

/// Runs the placing job `effects` ask for as the runtime's thread would, handing every event
/// to the state.
pub(crate) fn place_all(s: &mut Reader, effects: Vec<Effect>) -> Vec<usize> {
    let job = effects
        .into_iter()
        .find_map(|e| match e {
            Effect::Place(job) => Some(job),
            _ => None,
        })
        .expect("a placing job");
    let mut events = Vec::new();
    job.run(|event| {
        events.push(event);
        true
    });
    let mut seen = Vec::new();
    for event in events {
        assert!(s.locked().is_some(), "locked until the last batch lands");
        send(s, event);
        seen.push(s.annotations.len());
    }
    seen
}

#[test]
fn saved_annotations_wait_for_the_whole_brief_and_cannot_be_edited_meanwhile() {
    let src = brief(30);
    let (mut s, rest) = streaming(&src, 5, 10);
    s.set_unplaced(Stored::of(&sidecar(&src)));
    assert!(s.annotations.is_empty());
    assert!(s.locked().is_some());
    assert!(
        s.take_placing_job().is_none(),
        "nothing is placed before the brief is whole"
    );
    press(&mut s, "v e 1");
    assert!(
        s.annotations.is_empty(),
        "no highlight while placing is pending"
    );
    assert!(
        s.status
            .shown()
            .unwrap()
            .text
            .contains("once the brief is read")
    );
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
    }
    let effects = send(&mut s, Event::LoadDone);
    assert_eq!(
        place_all(&mut s, effects),
        [30],
        "unchanged brief: placed at once"
    );
    assert!(s.locked().is_none() && s.editing == Editing::Open);
    let message = s
        .status
        .shown()
        .map(|m| m.text.as_str())
        .unwrap_or_default();
    assert!(
        !message.contains("brief changed"),
        "unchanged brief: {message}"
    );
}

#[test]
fn annotations_of_a_changed_brief_appear_a_batch_at_a_time() {
    let n = placing::BATCH * 2 + 17;
    let old = brief(n);
    let new = old.replace("Paragraph 3 says", "Paragraph 3 now says");
    let (mut s, rest) = streaming(&new, 5, 100);
    s.set_unplaced(Stored::of(&sidecar(&old)));
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
    }
    let effects = send(&mut s, Event::LoadDone);
    assert!(s.annotations.is_empty());
    assert_eq!(
        place_all(&mut s, effects),
        [placing::BATCH, 2 * placing::BATCH, n]
    );
    assert!(s.locked().is_none());
    let message = s.status.shown().cloned().unwrap();
    assert!(message.text.starts_with("brief changed"), "{message:?}");
}

#[test]
fn a_search_waits_for_text_still_being_read_and_finds_it_when_it_comes() {
    let src = brief(60);
    let (mut s, rest) = streaming(&src, 5, 10);
    press(&mut s, "/");
    super::tests::type_text(&mut s, "paragraph 55 ");
    assert!(
        s.running.is_some(),
        "not in the text read so far: still searching"
    );
    assert!(!s.has_work(), "waiting costs nothing until more text comes");
    press(&mut s, "enter");
    assert_eq!(s.mode(), crate::input::Mode::Normal);
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
        while s.has_work() {
            send(&mut s, Event::Work);
        }
    }
    assert!(s.running.is_none());
    assert!(s.doc.text()[s.cursor..].starts_with("Paragraph 55 "));
    press(&mut s, "g n");
    assert!(
        s.doc.text()[s.cursor..].starts_with("Paragraph 55 "),
        "n repeats it"
    );
}

#[test]
fn esc_stops_a_running_search_and_leaves_the_view_where_it_began() {
    let src = brief(60);
    let (mut s, _rest) = streaming(&src, 5, 10);
    press(&mut s, "j j /");
    super::tests::type_text(&mut s, "nowhere yet");
    assert!(s.running.is_some());
    press(&mut s, "esc");
    assert!(s.running.is_none());
    assert_eq!(s.top, 2);
    // Accepted before it finished, then stopped from the reader.
    press(&mut s, "/");
    super::tests::type_text(&mut s, "nowhere yet");
    press(&mut s, "enter esc");
    assert!(s.running.is_none());
    assert_eq!(s.status.shown().unwrap().text, "search stopped");
    assert_eq!(s.top, 2);
}

#[test]
fn a_percent_jump_goes_to_that_share_of_the_brief_and_waits_for_unread_text() {
    let src = brief(100);
    let (mut s, rest) = streaming(&src, 10, 10);
    press(&mut s, "% 5 0 enter");
    assert_eq!(s.top, 0, "half the file is not read yet");
    assert!(crate::ui::tests::text(&crate::ui::tests::draw(&s)).contains("going to 50%"));
    for piece in rest {
        send(&mut s, Event::Loaded(Box::new(piece)));
    }
    send(&mut s, Event::LoadDone);
    assert!(top_text(&s).starts_with("Paragraph 49"), "{}", top_text(&s));
    press(&mut s, "% 1 0 enter");
    assert!(top_text(&s).starts_with("Paragraph 9"), "{}", top_text(&s));
    press(&mut s, "% 1 0 0 enter");
    assert_eq!(s.top, s.max_top());
    press(&mut s, "% 0 enter");
    assert_eq!(s.top, 0);
    press(&mut s, "% x 7 7 7 7 enter");
    assert_eq!(
        s.status.shown().unwrap().text,
        "type a percentage from 0 to 100"
    );
}

#[test]
fn a_big_brief_is_measured_at_a_new_width_off_the_readers_thread() {
    use super::reading::MEASURE_OFF_THREAD;
    let text = crate::corpus::brief(MEASURE_OFF_THREAD + 100_000, 5);
    let mut s = super::tests::reader(text.as_bytes(), 100, 30);
    press(&mut s, "space space");
    let anchor = s.layout.pin_at(&s.doc, s.top).offset;
    let width = s.layout.width();
    let measure = |effects: Vec<Effect>| {
        let widths: Vec<usize> = effects
            .into_iter()
            .filter_map(|e| match e {
                Effect::Measure { width, .. } => Some(width),
                _ => None,
            })
            .collect();
        assert!(widths.len() <= 1, "one measuring at a time: {widths:?}");
        widths.first().copied()
    };
    let wanted = measure(send(&mut s, Event::Resize(60, 30))).unwrap();
    assert_eq!(s.layout.width(), width, "the old layout is drawn meanwhile");
    assert_eq!(
        measure(send(&mut s, Event::Resize(50, 30))),
        None,
        "one at a time"
    );
    // The result for the first width comes after the second resize: it is dropped, and the
    // latest width is measured next.
    let stale = Measured::of(&s.doc, wanted);
    let latest = measure(send(&mut s, Event::Measured(Box::new(stale)))).unwrap();
    assert_eq!(s.layout.width(), width);
    assert!(latest < wanted);
    let measured = Measured::of(&s.doc, latest);
    send(&mut s, Event::Measured(Box::new(measured)));
    assert_eq!(s.layout.width(), latest);
    let fresh = Layout::new(&s.doc, latest, false);
    assert_eq!(s.layout.total_rows(), fresh.total_rows());
    assert_eq!(
        s.top,
        s.layout.row_of(&s.doc, anchor),
        "the same text at the top"
    );
    // A small brief is laid out at once, as before.
    let mut small = super::tests::reader(brief(30).as_bytes(), 100, 30);
    assert_eq!(measure(send(&mut small, Event::Resize(60, 30))), None);
    assert_eq!(
        small.layout.width(),
        usize::from(small.geometry().column.width)
    );
}

#[test]
fn a_brief_whole_at_last_is_remembered_as_read_once() {
    let src = brief(20);
    let (mut s, rest) = streaming(&src, 3, 7);
    s.brief = Some("/lib/big.txt".into());
    let reads = |effects: &[Effect]| {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::Read { .. }))
            .count()
    };
    let mut seen = 0;
    for piece in rest {
        seen += reads(&send(&mut s, Event::Loaded(Box::new(piece))));
    }
    assert_eq!(seen, 0, "not before the text is whole");
    let effects = send(&mut s, Event::LoadDone);
    let Some(Effect::Read { brief, doc }) =
        effects.iter().find(|e| matches!(e, Effect::Read { .. }))
    else {
        panic!("remembered as read: {effects:?}");
    };
    assert_eq!(brief, std::path::Path::new("/lib/big.txt"));
    assert_eq!(doc.text(), s.doc.text());
    assert_eq!(reads(&press(&mut s, "j j")), 0, "once");
}
