//! The one impure loop: terminal events -> keymap -> update -> effects -> draw.

mod signals;
mod terminal;

pub use terminal::TerminalGuard;

use std::time::Duration;

use ratatui::crossterm::event::{self, Event as TermEvent, MouseEventKind};

use crate::app::{Effect, Event, State, key_event, update};
use crate::error::Error;
use crate::input::{Key, Keymap};
use crate::theme::Theme;
use crate::ui::Screen;
use signals::Signals;

/// Rows one notch of the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;
/// How often the loop wakes without input to notice signals.
const TICK: Duration = Duration::from_millis(100);

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A termination signal arrived (its number).
    Signal(i32),
}

/// Runs the reader until the user quits or a signal arrives; the terminal is restored in every
/// case, including a panic.
pub fn run(mut state: State, keymap: &Keymap, theme: &Theme) -> Result<Exit, Error> {
    let signals = Signals::register().map_err(Error::Terminal)?;
    let mut guard = TerminalGuard::enter().map_err(Error::Terminal)?;
    let terminal = guard.terminal();
    let size = terminal.size().map_err(Error::Terminal)?;
    update(&mut state, Event::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.received() {
            return Ok(Exit::Signal(signal));
        }
        if dirty {
            terminal
                .draw(|frame| {
                    frame.render_widget(
                        Screen {
                            state: &state,
                            theme,
                        },
                        frame.area(),
                    )
                })
                .map_err(Error::Terminal)?;
            dirty = false;
        }
        if !event::poll(TICK).map_err(Error::Terminal)? {
            continue;
        }
        // Handle everything already queued before drawing again (wheel bursts, fast typing).
        loop {
            let input = event::read().map_err(Error::Terminal)?;
            if let Some(ev) = translate(input, keymap, &state) {
                dirty = true;
                if update(&mut state, ev).contains(&Effect::Quit) {
                    return Ok(Exit::Quit);
                }
            }
            if !event::poll(Duration::ZERO).map_err(Error::Terminal)? {
                break;
            }
        }
    }
}

fn translate(input: TermEvent, keymap: &Keymap, state: &State) -> Option<Event> {
    match input {
        TermEvent::Key(k) => key_event(keymap, state.mode, Key::from_event(k)?),
        TermEvent::Resize(w, h) => Some(Event::Resize(w, h)),
        TermEvent::Paste(text) => Some(Event::Paste(text)),
        TermEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Event::Wheel(WHEEL_ROWS)),
            MouseEventKind::ScrollUp => Some(Event::Wheel(-WHEEL_ROWS)),
            _ => None,
        },
        _ => None,
    }
}
