//! Property test of the two list views (the library and the notes across it): whatever the
//! names, titles, notes and tags, the keys, the size and the theme, each draws only inside
//! its area and never puts a control character in a cell.

use proptest::prelude::*;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color as Colour, Style};
use ratatui::widgets::Widget;

use super::{LibraryView, NotesView};
use crate::annotation::Color;
use crate::annotation::tests::ann;
use crate::app::{Env, Event, library, notes};
use crate::input::{Key, Keymap};
use crate::store::convert::tests_props::odd_text;
use crate::store::library::{Note, NoteBrief, Shared, Summary};
use crate::theme::{BUNDLED, Catalog, Theme};

/// Keys both views know, and a few they leave unbound.
const KEYS: &[&str] = &[
    "j",
    "k",
    "g",
    "G",
    "enter",
    "esc",
    "/",
    "tab",
    "s",
    "S",
    "t",
    "backspace",
    "pagedown",
    "pageup",
    "x",
    "1",
    "?",
];

fn key(name: &str) -> Key {
    name.parse().unwrap()
}

fn summary(i: usize, name: String, title: String, problem: Option<String>) -> Summary {
    Summary {
        path: format!("/lib/{i}-{name}").into(),
        name,
        title: Some(title.clone()).filter(|t| !t.is_empty()),
        source: Some(title),
        bytes: u64::try_from(i).unwrap_or(0) * 997,
        progress: Some(u8::try_from(i % 101).unwrap_or(0)),
        highlights: i,
        problem,
        ..Summary::default()
    }
}

fn note(i: usize, name: String, quote: String, text: String) -> Note {
    let mut a = ann(u128::try_from(i).unwrap_or(0) + 1, 0..5);
    a.note = text.clone();
    a.tags = vec![quote.clone(), format!("t/{text}")];
    a.color = Color::nth(i % 5 + 1).unwrap_or_default();
    let title = format!("{name} {quote}");
    let brief = std::sync::Arc::new(NoteBrief::new(format!("/lib/{name}").into(), name, title));
    Note::new(&brief, &a, &quote, &mut Shared::default())
}

fn sentinel() -> Cell {
    let mut cell = Cell::default();
    cell.set_symbol("@")
        .set_style(Style::new().fg(Colour::Indexed(42)));
    cell
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Draws with `draw` into an area offset inside a bigger buffer and checks every cell.
fn check(
    w: u16,
    h: u16,
    x: u16,
    y: u16,
    draw: impl Fn(Rect, &mut Buffer),
) -> Result<(), TestCaseError> {
    let area = Rect::new(x, y, w, h);
    let mut buf = Buffer::filled(Rect::new(0, 0, w + x + 3, h + y + 3), sentinel());
    draw(area, &mut buf);
    for (i, cell) in buf.content.iter().enumerate() {
        let (cx, cy) = buf.pos_of(i);
        if area.contains((cx, cy).into()) {
            prop_assert!(
                !cell.symbol().chars().any(is_control),
                "control character at ({}, {}): {:?}",
                cx,
                cy,
                cell.symbol()
            );
        } else {
            prop_assert_eq!(
                cell,
                &sentinel(),
                "drawn outside the area at ({}, {})",
                cx,
                cy
            );
        }
    }
    Ok(())
}

fn theme(name: &str) -> Theme {
    Catalog::bundled().get(name).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The library at any size from 0x0 to 300x100, any bundled theme, any file names,
    /// titles and problems, after any keys (the filter typed with hostile text too).
    #[test]
    fn the_library_draws_inside_its_area_and_writes_no_control_character(
        rows in prop::collection::vec((odd_text(), odd_text(), prop::option::of(odd_text())), 0..12),
        keys in prop::collection::vec(prop::sample::select(KEYS), 0..12),
        typed in odd_text(),
        (w, h) in (0u16..=300, 0u16..=100),
        (x, y) in (0u16..4, 0u16..4),
        name in prop::sample::select(BUNDLED.map(|(name, _)| name).to_vec()),
    ) {
        let keymap = Keymap::default_keymap().unwrap();
        let mut lib = library::Library::new("/lib\u{1b}]0;x\u{7}".into(), &keymap);
        let found = rows
            .into_iter()
            .enumerate()
            .map(|(i, (n, t, p))| summary(i, n, t, p))
            .collect();
        library::update(&mut lib, Event::Scanned(found), &Env::fixed(1));
        library::update(&mut lib, Event::ScanDone, &Env::fixed(2));
        for k in &keys {
            library::update(&mut lib, Event::Key(key(k)), &Env::fixed(3));
        }
        library::update(&mut lib, Event::Paste(typed), &Env::fixed(4));
        library::update(&mut lib, Event::Resize(w, h), &Env::fixed(5));
        let theme = theme(name);
        check(w, h, x, y, |area, buf| LibraryView { library: &lib, theme: &theme }.render(area, buf))?;
    }

    /// The notes across the library, likewise, with any quotes, notes and tags.
    #[test]
    fn the_notes_draw_inside_their_area_and_write_no_control_character(
        rows in prop::collection::vec((odd_text(), odd_text(), odd_text()), 0..12),
        keys in prop::collection::vec(prop::sample::select(KEYS), 0..12),
        typed in odd_text(),
        (w, h) in (0u16..=300, 0u16..=100),
        (x, y) in (0u16..4, 0u16..4),
        name in prop::sample::select(BUNDLED.map(|(name, _)| name).to_vec()),
    ) {
        let keymap = Keymap::default_keymap().unwrap();
        let mut list = notes::Notes::new("/lib".into(), &keymap);
        let found = rows
            .into_iter()
            .enumerate()
            .map(|(i, (n, q, t))| note(i, n, q, t))
            .collect();
        notes::update(&mut list, Event::Noted(found), &Env::fixed(1));
        notes::update(&mut list, Event::NotesDone, &Env::fixed(2));
        for k in &keys {
            notes::update(&mut list, Event::Key(key(k)), &Env::fixed(3));
        }
        notes::update(&mut list, Event::Paste(typed), &Env::fixed(4));
        notes::update(&mut list, Event::Resize(w, h), &Env::fixed(5));
        let theme = theme(name);
        check(w, h, x, y, |area, buf| NotesView { notes: &list, theme: &theme }.render(area, buf))?;
    }
}
