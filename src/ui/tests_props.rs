//! Property test of drawing: whatever the brief, the keys pressed, the size and the theme,
//! the reader draws only inside its area and never puts a control character in a cell.

use proptest::prelude::*;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

use crate::app::reader::tests::{press, reader, send};
use crate::app::{Event, Level, Reader, Settings};
use crate::document::tests_props::hostile_bytes;
use crate::document::{Document, Format};
use crate::input::{Key, KeyCode, Keymap, Modifiers};
use crate::store::convert::tests_props::odd_text;
use crate::theme::{BUNDLED, Catalog};

/// Every key of the default keymap, in every mode, and a few it leaves unbound.
const KEYS: &[&str] = &[
    "j",
    "k",
    "h",
    "l",
    "w",
    "e",
    "b",
    "0",
    "$",
    "(",
    ")",
    "{",
    "}",
    "o",
    "g",
    "G",
    "%",
    "space",
    "pagedown",
    "pageup",
    "ctrl-d",
    "ctrl-u",
    "ctrl-f",
    "ctrl-b",
    "home",
    "end",
    "up",
    "down",
    "left",
    "right",
    "/",
    "n",
    "N",
    "esc",
    "enter",
    "tab",
    "backspace",
    "v",
    "V",
    "a",
    "t",
    "c",
    "d",
    "A",
    "y",
    "r",
    "u",
    "ctrl-r",
    "ctrl-w",
    "<",
    ">",
    "z",
    "T",
    "ctrl-t",
    "?",
    "f1",
    "f",
    "1",
    "2",
    "3",
    "4",
    "5",
    "q",
    "ctrl-c",
    "x",
    "alt-j",
    "f12",
];

/// One thing the user (or the runtime) does before the frame is drawn.
#[derive(Debug, Clone)]
enum Step {
    /// A key by name, through the default keymap.
    Press(&'static str),
    /// A character typed on the prompt and in the note editor, whatever the mode.
    Type(char),
    Paste(String),
    Notice(String),
    Wheel(isize),
    Click(u16, u16, u8),
    Drag(u16, u16),
    Resize(u16, u16),
    /// A step of a running search.
    Work,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => prop::sample::select(KEYS).prop_map(Step::Press),
        3 => any::<char>().prop_map(Step::Type),
        1 => prop::sample::select(vec!['\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\t', '\n', '\r'])
            .prop_map(Step::Type),
        1 => odd_text().prop_map(Step::Paste),
        1 => odd_text().prop_map(Step::Notice),
        1 => (-30isize..30).prop_map(Step::Wheel),
        1 => (0u16..310, 0u16..110, 1u8..=3).prop_map(|(x, y, n)| Step::Click(x, y, n)),
        1 => (0u16..310, 0u16..110).prop_map(|(x, y)| Step::Drag(x, y)),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Work),
    ]
}

fn apply(state: &mut Reader, step: &Step) {
    match step {
        Step::Press(name) => {
            press(state, name);
        }
        Step::Type(c) => {
            send(state, Event::Char(*c));
            send(
                state,
                Event::Key(Key::new(KeyCode::Char(*c), Modifiers::NONE)),
            );
        }
        Step::Paste(text) => {
            send(state, Event::Paste(text.clone()));
        }
        Step::Notice(text) => {
            send(state, Event::Notice(Level::Warning, text.clone()));
        }
        Step::Wheel(n) => {
            send(state, Event::Wheel(*n));
        }
        Step::Click(x, y, clicks) => {
            let (x, y, clicks) = (*x, *y, *clicks);
            send(state, Event::MouseDown { x, y, clicks });
            send(state, Event::MouseUp);
        }
        Step::Drag(x, y) => {
            send(state, Event::MouseDrag { x: *x, y: *y });
        }
        Step::Resize(w, h) => {
            send(state, Event::Resize(*w, *h));
        }
        Step::Work => {
            send(state, Event::Work);
        }
    }
}

/// A length up to `max`, often 0 or under `min` (where the reader says it is too small).
fn size(max: u16, min: u16) -> impl Strategy<Value = u16> {
    prop_oneof![
        1 => Just(0),
        2 => 1..min,
        6 => min..=max,
    ]
}

/// C0, DEL and C1 controls (ratatui leaves out a string's graphemes holding one, so this
/// catches a widget writing a cell by hand), and bidi controls (which ratatui writes as
/// they are: only gloss's neutralising keeps them out).
fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// What the cells around the reader's area hold before it is drawn.
fn sentinel() -> Cell {
    let mut cell = Cell::default();
    cell.set_symbol("@")
        .set_style(Style::new().fg(Color::Indexed(42)));
    cell
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// For any brief (plain or Markdown, hostile bytes), any keys, typing, pasting, notices,
    /// mouse and resizes first, any size from 0x0 to 300x100 and any bundled theme: drawing
    /// into an area offset inside a bigger buffer leaves every cell outside the area as it
    /// was, and no cell holds a control character.
    #[test]
    fn drawing_stays_inside_its_area_and_writes_no_control_character(
        bytes in hostile_bytes(),
        markdown in any::<bool>(),
        steps in prop::collection::vec(step(), 0..24),
        (w, h) in (size(300, 20), size(100, 2)),
        (x, y) in (0u16..4, 0u16..4),
        theme in prop::sample::select(BUNDLED.map(|(name, _)| name).to_vec()),
    ) {
        let mut state = if markdown {
            let doc = Document::parse(&bytes, Format::Markdown).unwrap();
            let keymap = Keymap::default_keymap().unwrap();
            Reader::new(doc, "brief\u{1b}[2J.md", Settings::default(), &keymap)
        } else {
            reader(&bytes, w, h)
        };
        for step in &steps {
            apply(&mut state, step);
        }
        send(&mut state, Event::Resize(w, h));
        let theme = Catalog::bundled().get(theme).unwrap();

        let area = Rect::new(x, y, w, h);
        let outer = Rect::new(0, 0, w + x + 3, h + y + 3);
        let mut buf = Buffer::filled(outer, sentinel());
        super::ReaderView { state: &state, theme: &theme }.render(area, &mut buf);

        for (i, cell) in buf.content.iter().enumerate() {
            let (cx, cy) = buf.pos_of(i);
            if area.contains((cx, cy).into()) {
                prop_assert!(
                    !cell.symbol().chars().any(is_control),
                    "control character at ({}, {}): {:?}", cx, cy, cell.symbol()
                );
            } else {
                prop_assert_eq!(cell, &sentinel(), "drawn outside the area at ({}, {})", cx, cy);
            }
        }
    }
}
