//! A user's keymap reaches every hint: the status bar, the panel, the help and the messages
//! name the keys in use, not the default ones.

use super::tests::{draw, text};
use crate::app::reader::tests::send;
use crate::app::{Event, Reader, Settings, key_event};
use crate::document::{Document, Format};
use crate::input::{Key, Keymap};

const SAMPLE: &[u8] = include_bytes!("../../seeds/micron-cac-probe.txt");

/// A user's keymap.toml: new keys for help, quit, search, selecting, saving the theme,
/// closing the help, closing the note editor and the first highlight colour. The default keys stay bound too.
const USER: &str = r#"
[normal]
help = ["f2"]
quit = ["x"]
search = ["s"]
select_start = ["m"]
save_theme = ["ctrl-s"]

[help]
close_help = ["f2"]

[note]
close_editor = ["f10"]

[visual]
highlight1 = ["!"]
"#;

/// The sample brief in a reader with `user` merged over the default keymap.
fn reader_with(user: &str, w: u16, h: u16) -> (Reader, Keymap) {
    let keymap = Keymap::default_keymap()
        .unwrap()
        .merged("keymap.toml", user)
        .unwrap();
    let doc = Document::parse(SAMPLE, Format::Plain).unwrap();
    let mut state = Reader::new(doc, "test.txt", Settings::default(), &keymap);
    send(&mut state, Event::Resize(w, h));
    (state, keymap)
}

/// Presses space-separated keys through `keymap`.
fn press_with(keymap: &Keymap, state: &mut Reader, keys: &str) {
    let mut pending = None;
    for name in keys.split_whitespace() {
        let key: Key = name.parse().unwrap();
        if let Some(event) = key_event(keymap, state.mode(), &mut pending, key) {
            send(state, event);
        }
    }
}

fn status_line(state: &Reader) -> String {
    text(&draw(state)).lines().last().unwrap().to_string()
}

fn message(state: &Reader) -> &str {
    state.status.shown().map_or("", |m| m.text.as_str())
}

#[test]
fn the_status_bar_names_the_users_keys() {
    let (default, _) = reader_with("", 100, 24);
    assert!(
        status_line(&default).contains("? help  / search  v select  Tab notes  q quit"),
        "{}",
        status_line(&default)
    );
    let (mut s, keymap) = reader_with(USER, 100, 24);
    assert!(
        status_line(&s).contains("F2 help  s search  m select  Tab notes  x quit"),
        "{}",
        status_line(&s)
    );
    press_with(&keymap, &mut s, "m");
    assert!(
        status_line(&s).contains("!/2/3/4/5 colour  Enter highlight  a note  Esc cancel"),
        "{}",
        status_line(&s)
    );
}

#[test]
fn messages_name_the_users_keys() {
    let (mut s, keymap) = reader_with(USER, 100, 24);
    press_with(&keymap, &mut s, "n");
    assert_eq!(message(&s), "no search yet: press s to search");
    s.themes = vec!["default".into(), "paper".into()];
    press_with(&keymap, &mut s, "T");
    assert_eq!(message(&s), "theme: paper (Ctrl-s saves it)");
    press_with(&keymap, &mut s, "c");
    assert_eq!(
        message(&s),
        "no highlight here: select text with m, then press !/2/3/4/5"
    );
    crate::app::reader::tests::answer_save(&mut s, Err("disk full".into()));
    press_with(&keymap, &mut s, "x");
    assert_eq!(
        message(&s),
        "annotations NOT saved (disk full); press x again to quit and lose them"
    );
}

#[test]
fn the_empty_panel_the_help_and_the_editor_name_the_users_keys() {
    let (mut s, keymap) = reader_with(USER, 100, 80);
    press_with(&keymap, &mut s, "tab");
    let screen = text(&draw(&s));
    assert!(
        screen.contains("│No notes yet. Select text with m,"),
        "{screen}"
    );
    press_with(&keymap, &mut s, "f2");
    let screen = text(&draw(&s));
    assert!(
        screen.contains(" Keys (F2 closes, j/k scroll) "),
        "{screen}"
    );
    assert!(screen.contains("Selecting (after m)"), "{screen}");
    press_with(&keymap, &mut s, "f2 A");
    let screen = text(&draw(&s));
    assert!(
        screen.contains(" Note on the brief (F10 saves) "),
        "{screen}"
    );
    assert!(
        status_line(&s).contains("F10 saves and closes"),
        "{}",
        status_line(&s)
    );
}
