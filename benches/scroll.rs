//! Per-frame latency while reading: the 99th percentile the issue targets, which criterion's
//! mean does not show.
//!
//! For a 10 KB, a 10 MiB and a 100 MiB generated brief (`gloss::corpus`, seed 1), opened as
//! the reader opens them (the whole brief parsed and laid out at 200x50), it replays 5,000
//! seeded random keys (line, half-page and page scrolls both ways, `%` jumps anywhere, `G`,
//! `g`) and times each one: the update plus drawing the whole 200x50 frame into a buffer
//! (what the terminal then receives is a diff of that buffer). It prints the median, the
//! 99th percentile and the maximum per brief, and the time of `G` and of a `%` jump alone.
//!
//! Run with `cargo bench --bench scroll` (add `-- 10KB 10MiB` to pick briefs).

#![allow(missing_docs)]
#![allow(clippy::expect_used)] // a benchmark: a broken setup should stop it loudly

mod per_key;

use std::time::{Duration, Instant};

use gloss::app::reader::update;
use gloss::app::{Env, Event, Reader, Settings};
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::input::{Action, Keymap};
use gloss::theme::Theme;
use per_key::{HEIGHT, KEYS, Keys, WIDTH, at, draw, ms, percent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn open(text: &str) -> Reader {
    let doc = Document::parse(text.as_bytes(), Format::Plain).expect("a generated brief parses");
    let keymap = Keymap::default_keymap().expect("the default keymap loads");
    let settings = Settings {
        max_width: WIDTH,
        ..Settings::default()
    };
    let mut state = Reader::new(doc, "bench.txt", settings, &keymap);
    update(&mut state, Event::Resize(WIDTH, HEIGHT), &Env::fixed(0));
    state
}

/// Applies `events` and draws one frame; returns how long that took.
fn step(state: &mut Reader, events: Vec<Event>, theme: &Theme, buf: &mut Buffer) -> Duration {
    let start = Instant::now();
    for event in events {
        update(state, event, &Env::fixed(1));
    }
    draw(state, theme, buf);
    start.elapsed()
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let cases = [("10KB", 10_000), ("10MiB", 10 << 20), ("100MiB", 100 << 20)];
    let theme = Theme::default();
    println!("per key, update + 200x50 frame, {KEYS} seeded keys (ms)");
    println!(
        "{:<8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "brief", "median", "p99", "max", "G", "50%"
    );
    for (name, bytes) in cases {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        let text = corpus::brief(bytes, 1);
        let mut state = open(&text);
        let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        let mut keys = Keys::seeded();
        let mut times: Vec<Duration> = (0..KEYS)
            .map(|_| {
                let events = keys.key();
                step(&mut state, events, &theme, &mut buf)
            })
            .collect();
        times.sort_unstable();
        update(&mut state, Event::Action(Action::Top), &Env::fixed(1));
        let g = step(
            &mut state,
            vec![Event::Action(Action::Bottom)],
            &theme,
            &mut buf,
        );
        let half = step(&mut state, percent(50), &theme, &mut buf);
        println!(
            "{:<8} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
            name,
            ms(at(&times, 0.5)),
            ms(at(&times, 0.99)),
            ms(at(&times, 1.0)),
            ms(g),
            ms(half)
        );
    }
}
