//! The library's table on screen: rows, the sorted column, the selection and a brief with a
//! problem.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::LibraryView;
use super::tests::text;
use crate::app::Event;
use crate::app::library::{Library, update};
use crate::input::Keymap;
use crate::store::library::Summary;
use crate::theme::{Role, Theme};

fn library(w: u16, h: u16) -> Library {
    let keymap = Keymap::default_keymap().unwrap();
    let mut lib = Library::new("/briefs".into(), &keymap);
    update(&mut lib, Event::Resize(w, h), &crate::app::Env::fixed(0));
    let brief = |name: &str, title: Option<&str>| Summary {
        path: format!("/briefs/{name}").into(),
        name: name.to_string(),
        title: title.map(str::to_string),
        bytes: 5_000,
        ..Summary::default()
    };
    let mut annotated = brief("probe.txt", Some("Micron under fire"));
    annotated.progress = Some(40);
    (annotated.highlights, annotated.notes, annotated.review) = (12, 3, 1);
    annotated.annotated = Some(jiff::Timestamp::from_second(1_764_000_000).unwrap());
    annotated.source = Some("Wire \u{1b}[31m".into());
    let mut broken = brief("broken.txt", Some("Broken sidecar"));
    broken.problem = Some("broken.txt.gloss.toml: line 2, column 1: expected `]`".into());
    let found = vec![annotated, broken, brief("untitled.txt", None)];
    update(&mut lib, Event::Scanned(found), &crate::app::Env::fixed(1));
    update(&mut lib, Event::ScanDone, &crate::app::Env::fixed(2));
    lib
}

fn draw(lib: &Library) -> Buffer {
    let area = Rect::new(0, 0, lib.size.0, lib.size.1);
    let mut buf = Buffer::empty(area);
    LibraryView {
        library: lib,
        theme: &Theme::default(),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn the_library_at_100x8() {
    let lib = library(100, 8);
    let buf = draw(&lib);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    let selection = theme.style(Role::Selection);
    assert_eq!(
        buf[(0, 1)].bg,
        selection.bg.unwrap(),
        "the first row is selected"
    );
    assert!(
        !text(&buf).contains('\u{1b}'),
        "no escape reaches the screen"
    );
    // Off the selection, the broken brief keeps its warning colour.
    let mut lib = lib;
    let keymap = Keymap::default_keymap().unwrap();
    let j = crate::app::key_event(&keymap, lib.mode(), &mut None, "j".parse().unwrap()).unwrap();
    update(&mut lib, j, &crate::app::Env::fixed(3));
    let buf = draw(&lib);
    let warning = theme.style(Role::StatusWarning);
    assert_eq!(
        buf[(0, 1)].fg,
        warning.fg.unwrap(),
        "the broken brief is marked"
    );
    assert_eq!(
        buf[(0, 2)].bg,
        selection.bg.unwrap(),
        "the selection moved down"
    );
}

#[test]
fn a_selected_brief_with_a_problem_says_it_in_the_status_bar_at_40x6() {
    let lib = library(40, 6);
    let buf = draw(&lib);
    insta::assert_snapshot!(text(&buf));
    let last = text(&buf).lines().last().unwrap().to_string();
    assert!(
        last.contains("broken.txt.gloss"),
        "the problem, cut to the width: {last}"
    );
}

#[test]
fn a_terminal_with_columns_and_no_rows_draws_nothing_and_does_not_panic() {
    let lib = library(50, 0);
    for (w, h) in [(50, 0), (0, 0), (0, 5)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        LibraryView {
            library: &lib,
            theme: &Theme::default(),
        }
        .render(area, &mut buf);
        let keymap = Keymap::default_keymap().unwrap();
        let notes = crate::app::notes::Notes::new("/briefs".into(), &keymap);
        crate::ui::NotesView {
            notes: &notes,
            theme: &Theme::default(),
        }
        .render(area, &mut buf);
    }
}

#[test]
fn a_brief_with_conflict_copies_is_marked_and_says_what_to_do_at_80x4() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut lib = Library::new("/briefs".into(), &keymap);
    update(&mut lib, Event::Resize(80, 4), &crate::app::Env::fixed(0));
    let synced = Summary {
        path: "/briefs/synced.txt".into(),
        name: "synced.txt".into(),
        title: Some("A synced brief".into()),
        conflicts: 2,
        ..Summary::default()
    };
    let plain = Summary {
        path: "/briefs/plain.txt".into(),
        name: "plain.txt".into(),
        title: Some("Plain".into()),
        ..Summary::default()
    };
    update(
        &mut lib,
        Event::Scanned(vec![synced, plain]),
        &crate::app::Env::fixed(1),
    );
    update(&mut lib, Event::ScanDone, &crate::app::Env::fixed(2));
    let buf = draw(&lib);
    insta::assert_snapshot!(text(&buf));
    let screen = text(&buf);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[1].starts_with("≠ A synced brief"), "{screen}");
    assert!(rows[2].starts_with("Plain"), "{screen}");
    assert!(
        rows[3].contains("2 conflict copies of its notes: gloss merge synced.txt"),
        "{screen}"
    );
}

#[test]
fn a_brief_re_issued_since_it_was_read_shows_a_question_mark_in_the_review_column() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut lib = Library::new("/briefs".into(), &keymap);
    update(&mut lib, Event::Resize(100, 6), &crate::app::Env::fixed(0));
    let brief = |name: &str, review: usize, changed: bool| Summary {
        path: format!("/briefs/{name}").into(),
        name: name.to_string(),
        title: Some(name.to_string()),
        bytes: 5_000,
        review,
        changed,
        ..Summary::default()
    };
    let found = vec![
        brief("read-only.txt", 0, true),
        brief("annotated.txt", 2, true),
        brief("calm.txt", 0, false),
    ];
    update(&mut lib, Event::Scanned(found), &crate::app::Env::fixed(1));
    update(&mut lib, Event::ScanDone, &crate::app::Env::fixed(2));
    let shown = text(&draw(&lib));
    let row = |name: &str| {
        shown
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {shown}"))
            .to_string()
    };
    assert!(row("read-only.txt").contains(" ? "), "{shown}");
    assert!(row("annotated.txt").contains("2+?"), "{shown}");
    assert!(!row("calm.txt").contains('?'), "{shown}");
}
