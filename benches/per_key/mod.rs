//! What the per-key latency benches share (`scroll`, `saving`): the screen size, the seeded key
//! mix, one timed frame and the percentiles they report.

use std::time::Duration;

use gloss::app::{Event, Reader};
use gloss::input::Action;
use gloss::theme::Theme;
use gloss::ui::ReaderView;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

/// The terminal the reader is drawn at.
pub const WIDTH: u16 = 200;
/// See [`WIDTH`].
pub const HEIGHT: u16 = 50;
/// Keys per run.
pub const KEYS: usize = 5_000;

/// A small deterministic generator (xorshift), so every run replays the same keys.
pub struct Keys(u64);

impl Keys {
    /// The generator every per-key bench starts from.
    pub fn seeded() -> Self {
        Self(0x9E37_79B9_7F4A_7C15)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One key: mostly scrolling, sometimes a jump.
    pub fn key(&mut self) -> Vec<Event> {
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
pub fn percent(n: u64) -> Vec<Event> {
    let mut events = vec![Event::Action(Action::GoToPercent)];
    events.extend(n.to_string().chars().map(Event::Char));
    events.push(Event::Action(Action::PromptAccept));
    events
}

/// Draws the whole screen into `buf`, as the terminal's frame is drawn before it is diffed.
pub fn draw(state: &Reader, theme: &Theme, buf: &mut Buffer) {
    buf.reset();
    ReaderView { state, theme }.render(buf.area, buf);
}

/// The time at quantile `q` (0 to 1) of `sorted`.
pub fn at(sorted: &[Duration], q: f64) -> Duration {
    let last = sorted.len().saturating_sub(1);
    sorted
        .get((last as f64 * q) as usize)
        .copied()
        .unwrap_or_default()
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
