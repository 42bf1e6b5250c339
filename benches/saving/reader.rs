//! The reader as `gloss brief.txt` opens it, and where on its screen a highlight can be clicked.

use std::fs;
use std::path::Path;

use gloss::app::reader::update;
use gloss::app::{Effect, Event, Reader, Saving, Settings};
use gloss::document::{Document, Format};
use gloss::input::Keymap;
use gloss::layout::Measured;
use gloss::runtime::{Persist, env};
use gloss::store::convert::Extras;
use gloss::store::{Sidecar, SidecarPaths, read_brief};

use super::per_key::{HEIGHT, WIDTH};

/// The brief's file name.
pub const BRIEF: &str = "brief.txt";

/// Writes the brief and its sidecar into `dir` and opens them as the reader does: the sidecar
/// loaded through the store, its annotations placed, the brief laid out at 200x50. Placing
/// and measuring, on threads of their own in the reader, finish here before the first key.
pub fn open(dir: &Path, text: &str, sidecar: &str) -> (Reader, Persist) {
    let path = dir.join(BRIEF);
    fs::write(&path, text).expect("the brief is written");
    let mut store = Sidecar::new(SidecarPaths::for_brief(&path));
    fs::write(&store.paths().data, sidecar).expect("the sidecar is written");
    let bytes = read_brief(&path).expect("the brief reads back");
    let doc = Document::parse(&bytes, Format::from_path(&path)).expect("the brief parses");
    let keymap = Keymap::default_keymap().expect("the default keymap loads");
    let settings = Settings {
        max_width: WIDTH,
        ..Settings::default()
    };
    let mut state = Reader::new(doc, BRIEF, settings, &keymap);
    let file = store
        .load()
        .expect("the sidecar loads")
        .expect("the sidecar is there");
    state.restore_position = usize::try_from(file.reading.position)
        .ok()
        .map(gloss::document::Chars);
    let extras = Extras::of(&file);
    state.set_unplaced(gloss::store::place::Stored::of(&file));
    state.saving = Saving::new(true, state.position());
    let persist = Persist::new(store, BRIEF.to_string(), extras);
    let mut effects = update(&mut state, Event::Resize(WIDTH, HEIGHT), &env());
    while let Some(effect) = effects.pop() {
        match effect {
            Effect::Place(job) => job.run(|event| {
                effects.extend(update(&mut state, event, &env()));
                true
            }),
            Effect::Measure { doc, width } => {
                let measured = Box::new(Measured::of(&doc, width));
                effects.extend(update(&mut state, Event::Measured(measured), &env()));
            }
            _ => {}
        }
    }
    assert!(state.locked().is_none(), "annotations can be changed");
    (state, persist)
}

/// A cell showing a highlight, to click: the `pick`-th (modulo their number) of those on the
/// screen, at its first character there.
pub fn highlight_on_screen(state: &Reader, pick: usize) -> Option<(u16, u16)> {
    let column = state.geometry().column;
    let doc = &state.doc;
    // Rows between paragraphs show no text.
    let mut rows = column.y..column.bottom();
    let first = rows.find_map(|y| state.offset_at_screen(column.x, y))?;
    let last = rows
        .rev()
        .find_map(|y| state.offset_at_screen(column.right() - 1, y))
        .unwrap_or(first);
    let chars = doc.char_offset(first)..doc.char_offset(last);
    let visible: Vec<_> = state.annotations.overlapping(chars.clone()).collect();
    let a = visible.get(pick % visible.len().max(1))?;
    let row = state
        .layout
        .row_of(doc, doc.byte_offset(a.anchor.start.max(chars.start)));
    let y = column.y + u16::try_from(row.checked_sub(state.top)?).ok()?;
    if y >= column.bottom() {
        return None;
    }
    (column.x..column.right())
        .find(|&x| {
            state
                .offset_at_screen(x, y)
                .is_some_and(|o| a.anchor.range().contains(&doc.char_offset(o)))
        })
        .map(|x| (x, y))
}
