//! Scenario tests: a brief, the keys a user presses, and what the state is afterwards.

use super::update;
use super::*;
use crate::app::*;
use crate::document::{Document, Format};
use crate::input::{Key, Keymap, Mode};

const SAMPLE: &[u8] = include_bytes!("../../../seeds/micron-cac-probe.txt");

/// Sends one event with a fresh test environment (ids and times count up).
pub(crate) fn send(state: &mut Reader, event: Event) -> Vec<Effect> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    update(
        state,
        event,
        &Env::fixed(NEXT.fetch_add(1, Ordering::Relaxed)),
    )
}

pub(crate) fn reader(src: &[u8], w: u16, h: u16) -> Reader {
    let doc = Document::parse(src, Format::Plain).unwrap();
    let keymap = Keymap::default_keymap().unwrap();
    let mut state = Reader::new(doc, "test.txt", Settings::default(), &keymap);
    send(&mut state, Event::Resize(w, h));
    state
}

/// Answers the save that is out (or a save of the current revision) with `outcome`.
pub(crate) fn answer_save(
    state: &mut Reader,
    outcome: Result<Option<crate::annotation::Annotations>, String>,
) -> Vec<Effect> {
    let result = SaveResult {
        revision: state.history.revision(),
        position: state.position(),
        outcome,
    };
    send(state, Event::Saved(Box::new(result)))
}

/// Presses space-separated keys (`j`, `ctrl-d`, `enter`) through the default keymap.
pub(crate) fn press(state: &mut Reader, keys: &str) -> Vec<Effect> {
    let keymap = Keymap::default_keymap().unwrap();
    let mut effects = Vec::new();
    let mut pending = None;
    for name in keys.split_whitespace() {
        let key: Key = name.parse().unwrap();
        if let Some(event) = key_event(&keymap, state.mode(), &mut pending, key) {
            effects.extend(send(state, event));
        }
    }
    effects
}

/// Types text into the prompt.
pub(crate) fn type_text(state: &mut Reader, text: &str) {
    for c in text.chars() {
        send(state, Event::Char(c));
    }
}

fn at_cursor(state: &Reader, len: usize) -> &str {
    let text = state.doc.text();
    &text[state.cursor..(state.cursor + len).min(text.len())]
}

#[test]
fn j_k_and_pages_scroll_within_bounds() {
    let mut s = reader(SAMPLE, 80, 12);
    assert_eq!(s.view_height(), 11);
    press(&mut s, "j j j");
    assert_eq!(s.top, 3);
    press(&mut s, "k");
    assert_eq!(s.top, 2);
    press(&mut s, "k k k k");
    assert_eq!(s.top, 0);
    press(&mut s, "space");
    assert_eq!(s.top, 10, "a page keeps one line of context");
    press(&mut s, "b");
    assert_eq!(s.top, 0);
    press(&mut s, "G");
    assert_eq!(s.top, s.max_top());
    assert_eq!(s.top + s.view_height(), s.layout.total_rows());
    press(&mut s, "j j");
    assert_eq!(s.top, s.max_top(), "cannot scroll past the end");
    press(&mut s, "ctrl-u");
    assert_eq!(s.top, s.max_top() - 5);
    press(&mut s, "g");
    assert_eq!((s.top, s.cursor), (0, 0));
}

#[test]
fn scrolling_pulls_the_cursor_into_view() {
    let mut s = reader(SAMPLE, 80, 24);
    assert_eq!(s.cursor, 0);
    press(&mut s, "ctrl-d ctrl-d");
    let row = s.layout.row_of(&s.doc, s.cursor);
    assert_eq!(row, s.top, "cursor moves to the first visible line");
    press(&mut s, "g");
    assert_eq!(s.cursor, 0);
}

#[test]
fn paragraph_jumps_move_the_cursor_between_blocks() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "}");
    assert!(at_cursor(&s, 12).starts_with("In a move"));
    press(&mut s, "} }");
    assert!(at_cursor(&s, 12).starts_with("These measu"));
    press(&mut s, "{");
    assert!(at_cursor(&s, 12).starts_with("The probe is"));
    press(&mut s, "} } } } } } }");
    // Past the last body paragraph the cursor rests on the collapsed repeat.
    assert_eq!(s.cursor, s.doc.blocks()[7].range().start);
}

#[test]
fn incremental_search_finds_accepts_and_cancels() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "/");
    assert_eq!(s.mode(), Mode::Prompt);
    type_text(&mut s, "cybersecurity probe");
    assert_eq!(at_cursor(&s, 19), "cybersecurity probe");
    press(&mut s, "enter");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.search.as_ref().unwrap().query(), "cybersecurity probe");

    let found_at = s.cursor;
    press(&mut s, "/");
    type_text(&mut s, "deloitte");
    assert_ne!(s.cursor, found_at);
    press(&mut s, "esc");
    assert_eq!(
        s.cursor, found_at,
        "cancel returns to where the search began"
    );
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn a_query_that_does_not_match_says_so() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "/");
    type_text(&mut s, "zzzz");
    assert!(!s.prompt().as_ref().unwrap().found);
    press(&mut s, "enter");
    assert_eq!(s.cursor, 0);
    assert_eq!(s.status.shown().unwrap().text, "not found: zzzz");
}

#[test]
fn n_and_shift_n_cycle_through_matches_and_skip_hidden_repeats() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "/");
    type_text(&mut s, "micron");
    press(&mut s, "enter");
    let visible_end = s.doc.blocks()[6].range().end;
    let mut seen = vec![s.cursor];
    for _ in 0..10 {
        press(&mut s, "n");
        seen.push(s.cursor);
    }
    assert!(
        seen.iter().all(|&c| c < visible_end),
        "no match inside the collapsed copy"
    );
    assert!(
        s.status.shown().is_some() || seen.windows(2).any(|w| w[1] < w[0]),
        "wrapped"
    );
    press(&mut s, "N");
    assert_eq!(s.cursor, seen[seen.len() - 2]);
    // With repeats shown, n reaches the copy.
    press(&mut s, "z");
    let copy_start = s.doc.blocks()[7].range().start;
    let mut reached_copy = false;
    for _ in 0..20 {
        press(&mut s, "n");
        reached_copy |= s.cursor >= copy_start;
    }
    assert!(reached_copy);
}

#[test]
fn resize_keeps_the_top_text_in_place() {
    let mut s = reader(SAMPLE, 100, 30);
    press(&mut s, "j j j j j j j");
    let anchor = s.layout.pin_at(&s.doc, s.top).offset;
    send(&mut s, Event::Resize(50, 20));
    let lines = s.layout.lines(&s.doc, s.top..s.top + 1);
    let Some(crate::layout::Line::Text { range, .. }) = lines.first() else {
        panic!("{lines:?}")
    };
    assert!(range.contains(&anchor), "{range:?} should hold {anchor}");
}

#[test]
fn any_size_is_survivable() {
    let mut s = reader(SAMPLE, 80, 24);
    for (w, h) in [
        (0, 0),
        (1, 1),
        (1, 0),
        (0, 5),
        (19, 2),
        (20, 2),
        (300, 1),
        (3, 200),
    ] {
        send(&mut s, Event::Resize(w, h));
        press(&mut s, "j G g } { ctrl-d / m enter n N tab tab z z");
        assert!(s.top <= s.max_top());
    }
}

#[test]
fn the_empty_brief_handles_every_key() {
    let mut s = reader(b"", 80, 24);
    press(
        &mut s,
        "j k G g } { space b ctrl-d ctrl-u / x enter n N z tab ? esc",
    );
    assert_eq!((s.top, s.cursor), (0, 0));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "?");
    assert_eq!(s.mode(), Mode::Help);
    press(&mut s, "j j");
    assert!(
        matches!(s.layer, Layer::Help(Help { scroll: 2 })),
        "{:?}",
        s.layer
    );
    assert_eq!(s.top, 0, "j scrolls the help, not the brief");
    press(&mut s, "q");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(press(&mut s, "q"), vec![Effect::Exit(Exit::Quit)]);
}

#[test]
fn the_panel_narrows_the_column_and_hides_on_small_terminals() {
    let mut s = reader(SAMPLE, 100, 30);
    let rows = s.layout.total_rows();
    press(&mut s, "tab");
    assert!(s.panel.open);
    assert!(s.layout.total_rows() > rows, "narrower column, more rows");
    send(&mut s, Event::Resize(40, 12));
    press(&mut s, "tab tab");
    assert!(s.status.shown().unwrap().text.contains("panel hidden"));
}

#[test]
fn repeats_toggle_with_z() {
    let mut s = reader(SAMPLE, 80, 24);
    let collapsed = s.layout.total_rows();
    press(&mut s, "z");
    assert!(s.show_repeats);
    assert!(s.layout.total_rows() > collapsed);
    press(&mut s, "z");
    assert_eq!(s.layout.total_rows(), collapsed);
}

#[test]
fn the_mouse_wheel_scrolls() {
    let mut s = reader(SAMPLE, 80, 24);
    send(&mut s, Event::Wheel(3));
    assert_eq!(s.top, 3);
    send(&mut s, Event::Wheel(-5));
    assert_eq!(s.top, 0);
}

#[test]
fn load_warnings_reach_the_status_bar() {
    let s = reader(b"Title\ncaf\xe9", 80, 24);
    let message = s.status.shown().unwrap();
    assert_eq!(message.level, Level::Warning);
    assert!(message.text.contains("UTF-8"));
}

#[test]
fn t_cycles_themes_and_ctrl_t_asks_to_save_the_choice() {
    let mut s = reader(SAMPLE, 80, 24);
    s.themes = vec!["default".into(), "paper".into(), "mono".into()];
    press(&mut s, "T");
    assert_eq!(s.theme, 1);
    assert_eq!(
        s.status.shown().unwrap().text,
        "theme: paper (Ctrl-t saves it)"
    );
    press(&mut s, "T T");
    assert_eq!(s.theme, 0, "wraps round");
    press(&mut s, "T");
    assert_eq!(
        press(&mut s, "ctrl-t"),
        vec![Effect::SaveTheme("paper".into())]
    );
}

#[test]
fn the_caret_stays_on_screen_through_any_sequence_of_resizes() {
    let mut s = reader(SAMPLE, 100, 12);
    press(&mut s, "/");
    type_text(&mut s, "Deloitte");
    press(&mut s, "enter");
    assert_eq!(at_cursor(&s, 8), "Deloitte");
    let on_screen = |s: &Reader| {
        let row = s.layout.row_of(&s.doc, s.cursor);
        (s.top..s.top + s.view_height()).contains(&row)
    };
    assert!(on_screen(&s));
    for (w, h) in [(40, 10), (1, 1), (3, 1), (300, 100), (100, 30)] {
        send(&mut s, Event::Resize(w, h));
        if s.view_height() > 0 && !s.geometry().too_small {
            assert!(
                on_screen(&s),
                "at {w}x{h}: top {} cursor row {}",
                s.top,
                s.layout.row_of(&s.doc, s.cursor)
            );
        }
    }
    assert_eq!(
        at_cursor(&s, 8),
        "Deloitte",
        "the caret is still on the match"
    );
    assert!(on_screen(&s), "the match is on screen at 100x30");
}
