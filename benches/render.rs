//! Rendering and loading costs on generated briefs (`gloss::corpus`).
//!
//! The layout promises that a frame costs what is on screen, not what is in the brief: the
//! `frame` group draws one 100x50 frame at the top, middle and end of a small brief, a 10 MiB
//! brief and a brief with one 5 MB paragraph, so a cost that grows with document size or
//! scroll position shows up as a difference between ids. `open`, `layout` and `parse` time the
//! work done once, before the first frame, and `before-first-frame` the keymap and theme
//! set-up that start-up does beside the brief.
//!
//! Run with `cargo bench --bench render`; estimates land in `target/criterion`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;

mod common;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use gloss::app::reader::update;
use gloss::app::{Env, Event, Reader, Settings};
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::input::Keymap;
use gloss::layout::Layout;
use gloss::theme::{Catalog, Theme};
use gloss::ui::ReaderView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const WIDTH: u16 = 100;
const HEIGHT: u16 = 50;
const SMALL: usize = 10_000;
const LARGE: usize = 10 * 1024 * 1024;
const LONG_PARAGRAPH: usize = 5_000_000;
/// The column a 100-column terminal would have without the 80-column cap.
const LAYOUT_WIDTH: usize = 98;

/// A reader on `text` as the runtime leaves it before its first frame.
fn open(text: &str) -> Reader {
    let doc = Document::parse(text.as_bytes(), Format::Plain).expect("a generated brief parses");
    let keymap = Keymap::default_keymap().expect("the default keymap loads");
    let mut state = Reader::new(doc, "bench.txt", Settings::default(), &keymap);
    update(&mut state, Event::Resize(WIDTH, HEIGHT), &Env::fixed(0));
    state
}

/// Scroll positions drawn: the first row, the middle of the brief, the last screenful.
fn positions(state: &Reader) -> [(&'static str, usize); 3] {
    let max = state.max_top();
    [("top", 0), ("middle", max / 2), ("end", max)]
}

fn draw(state: &Reader, theme: &Theme, buf: &mut Buffer) {
    buf.reset();
    ReaderView { state, theme }.render(buf.area, buf);
}

/// The text of row `y`, to check once that a frame really shows the brief.
fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn frame(c: &mut Criterion) {
    let theme = Theme::default();
    let briefs = [
        ("10KB", corpus::brief(SMALL, 1)),
        ("10MiB", corpus::brief(LARGE, 1)),
        (
            "5MB-paragraph",
            corpus::brief_with_long_paragraph(LONG_PARAGRAPH, 1),
        ),
    ];
    let mut group = c.benchmark_group("frame");
    for (name, text) in &briefs {
        let mut state = open(text);
        for (place, top) in positions(&state) {
            state.top = top;
            state.keep_cursor_visible();
            let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
            draw(&state, &theme, &mut buf);
            assert!(row_text(&buf, HEIGHT - 1).contains(" READ "));
            assert!(
                (0..HEIGHT - 1).any(|y| !row_text(&buf, y).trim().is_empty()),
                "{name}/{place} drew no text"
            );
            group.bench_function(format!("{name}/{place}"), |b| {
                b.iter(|| draw(black_box(&state), &theme, &mut buf));
            });
        }
    }
    group.finish();
}

/// `count` highlights spread evenly over the brief, every third with a note.
fn highlight(state: &mut Reader, count: usize) {
    use gloss::annotation::{Anchor, Annotation, Annotations, Color};
    let text = state.doc.text();
    let step = text.len() / count;
    let items = (0..count)
        .map(|i| {
            let mut start = i * step;
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let mut end = (start + 12).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let id = uuid::Uuid::from_u128(i as u128 + 1);
            let color = [
                Color::Yellow,
                Color::Green,
                Color::Blue,
                Color::Red,
                Color::Purple,
            ][i % 5];
            let mut a = Annotation::new(
                id,
                jiff::Timestamp::UNIX_EPOCH,
                color,
                Anchor::new(&state.doc, start..end),
            );
            if i % 3 == 0 {
                a.note = format!("note {i}");
            }
            a
        })
        .collect();
    state.annotations = Annotations::from_vec(items, String::new());
}

/// Frames with 10,000 highlights in a 10 MiB brief, the notes panel open: the highlight lookup
/// and the panel must not scan every annotation in a way that grows past the frame budget.
fn highlighted(c: &mut Criterion) {
    let theme = Theme::default();
    let mut state = open(&corpus::brief(LARGE, 3));
    highlight(&mut state, 10_000);
    update(
        &mut state,
        Event::Action(gloss::input::Action::TogglePanel),
        &Env::fixed(0),
    );
    let mut group = c.benchmark_group("frame-10k-highlights");
    for (place, top) in positions(&state) {
        state.top = top;
        state.keep_cursor_visible();
        let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        draw(&state, &theme, &mut buf);
        assert!(row_text(&buf, 0).contains('│'), "the panel is open");
        group.bench_function(format!("10MiB/{place}"), |b| {
            b.iter(|| draw(black_box(&state), &theme, &mut buf));
        });
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let small = corpus::brief(SMALL, 2);
    let large = corpus::brief(LARGE, 2);
    let unicode = corpus::with_unicode(LARGE, 2);

    let mut group = c.benchmark_group("open");
    group.sampling_mode(SamplingMode::Flat);
    for (name, text) in [("10KB", &small), ("10MiB", &large)] {
        // Freeing a 10 MiB brief is not part of opening it.
        group.bench_function(name, |b| b.iter_with_large_drop(|| open(black_box(text))));
    }
    group.finish();

    let mut group = c.benchmark_group("layout");
    group.sampling_mode(SamplingMode::Flat);
    for (name, text) in [("10MiB", &large), ("10MiB-unicode", &unicode)] {
        let doc = Document::parse(text.as_bytes(), Format::Plain).expect("a generated brief");
        group.bench_function(name, |b| {
            b.iter_with_large_drop(|| Layout::new(black_box(&doc), LAYOUT_WIDTH, false));
        });
    }
    group.finish();

    // What start-up does before the first frame beside the brief: the default keymap (a table
    // the build script made; the same file parsed as TOML, as a user keymap is, for scale) and
    // the default theme, resolved from its TOML.
    let mut group = c.benchmark_group("before-first-frame");
    let keymap_toml = include_str!("../src/input/keymap.toml");
    group.bench_function("default-keymap", |b| b.iter(Keymap::default_keymap));
    group.bench_function("default-keymap-as-toml", |b| {
        b.iter(|| Keymap::from_toml("keymap.toml", black_box(keymap_toml)));
    });
    let catalog = Catalog::bundled();
    group.bench_function("default-theme", |b| {
        b.iter(|| catalog.get(black_box("default")))
    });
    group.finish();

    let mut group = c.benchmark_group("parse");
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("10MiB", |b| {
        b.iter_with_large_drop(|| Document::parse(black_box(large.as_bytes()), Format::Plain));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = frame, highlighted, startup
}
criterion_main!(benches);
