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

use std::time::{Duration, Instant};

use gloss::app::reader::update;
use gloss::app::{Env, Event, Reader, Settings};
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::input::{Action, Keymap};
use gloss::theme::Theme;
use gloss::ui::ReaderView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;
const KEYS: usize = 5_000;

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

/// A small deterministic generator (xorshift), so every run replays the same keys.
struct Keys(u64);

impl Keys {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One key: mostly scrolling, sometimes a jump.
    fn key(&mut self) -> Vec<Event> {
        let action = |a| vec![Event::Action(a)];
        match self.next() % 20 {
            0..=5 => action(Action::ScrollDown),
            6..=8 => action(Action::ScrollUp),
            9..=11 => action(Action::PageDown),
            12..=13 => action(Action::PageUp),
            14 => action(Action::HalfPageDown),
            15 => action(Action::HalfPageUp),
            16 => action(Action::Bottom),
            17 => action(Action::Top),
            _ => percent(self.next() % 100),
        }
    }
}

/// The events of typing `%`, the digits and Enter.
fn percent(n: u64) -> Vec<Event> {
    let mut events = vec![Event::Action(Action::GoToPercent)];
    events.extend(n.to_string().chars().map(Event::Char));
    events.push(Event::Action(Action::PromptAccept));
    events
}

/// Applies `events` and draws one frame; returns how long that took.
fn step(state: &mut Reader, events: Vec<Event>, theme: &Theme, buf: &mut Buffer) -> Duration {
    let start = Instant::now();
    for event in events {
        update(state, event, &Env::fixed(1));
    }
    buf.reset();
    ReaderView { state, theme }.render(buf.area, buf);
    start.elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
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
        let mut keys = Keys(0x9E37_79B9_7F4A_7C15);
        let mut times: Vec<Duration> = (0..KEYS)
            .map(|_| {
                let events = keys.key();
                step(&mut state, events, &theme, &mut buf)
            })
            .collect();
        times.sort_unstable();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
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
            ms(at(0.5)),
            ms(at(0.99)),
            ms(at(1.0)),
            ms(g),
            ms(half)
        );
    }
}
