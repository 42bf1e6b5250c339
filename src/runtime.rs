//! The one impure loop: terminal events -> keymap -> update -> effects -> draw. The loop
//! never changes the state itself: every event goes through `update`, and every effect it
//! returns is carried out here or on a worker, whose answer comes back as an event.

mod backend;
mod clipboard;
mod effects;
mod first_frame;
mod input;
mod library;
mod loader;
pub mod open;
pub mod persist;
mod signals;
mod snapshot;
mod terminal;
#[cfg(test)]
mod tests_open;
pub mod worker;

pub use crate::app::Exit;
pub use open::Opener;
pub use persist::Persist;
pub use terminal::TerminalGuard;

use std::collections::VecDeque;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event as TermEvent;
use ratatui::widgets::Widget;

use crate::app::{App, Env, Event, Level, Reader, update};
use crate::error::Error;
use crate::input::Keymap;
use crate::store::BriefFile;
use crate::theme::ThemeSet;
use crate::ui::Screen;
use effects::Effects;

/// How often the loop wakes without input to notice a terminal that went away.
const TICK: Duration = Duration::from_millis(100);
/// Longest the loop handles queued events before drawing again.
const FRAME_BUDGET: Duration = Duration::from_millis(12);

/// What wakes the event loop.
pub(crate) enum Wake {
    /// Terminal input.
    Input(TermEvent),
    /// The terminal's input ended or failed.
    InputGone,
    /// A termination signal.
    Signal(i32),
    /// News from the thread reading a reader's brief (its generation, the news).
    Load(u64, Event),
    /// News from a worker thread: annotations placed or saved, the brief measured, briefs
    /// found (the generation of the reader it is for, or `effects::APP`).
    Worker(u64, Event),
    /// A brief the library asked for, opened (or why not).
    Opened(Box<Result<open::Opened, String>>),
}

/// Runs `app` until the user quits or a signal arrives; the terminal is restored in every
/// case, including a panic. `reading`, when the app starts on a reader, is its background
/// work: its sidecar (saved on a worker of its own) and the part of its brief still to read
/// (streamed in on a thread of its own). `opener` opens the briefs the library asks for.
pub fn run(
    mut app: App,
    keymap: &Keymap,
    themes: &ThemeSet,
    opener: Opener,
    reading: Option<(Persist, Option<BriefFile>)>,
) -> Result<Exit, Error> {
    let (tx, rx) = mpsc::channel();
    // Caught from here on; their thread starts after the first frame.
    let caught = signals::catch().map_err(Error::Terminal)?;
    let mut guard = TerminalGuard::enter().map_err(Error::Terminal)?;
    let size = guard.size().map_err(Error::Terminal)?;
    let base_theme = opener.theme;
    let mut effects = Effects::new(tx.clone(), opener);
    if let Some((persist, rest)) = reading {
        effects.adopt(persist, rest);
    }
    let first = update(&mut app, Event::Resize(size.width, size.height), &env());
    if let Some(exit) = effects.run(first) {
        return Ok(exit);
    }
    effects.set_width(reader_width(&app));
    // Forwarding signals, reading input and the rest, the sidecar's worker and its watcher
    // start once the first frame is out, so the first screen shares the machine with nothing
    // (keys pressed before wait in the terminal, signals caught before wait for their thread).
    let mut caught = Some(caught);
    let mut dirty = true;
    // A piece read off screen changes only the progress figure, drawn at most every TICK.
    let mut progress = false;
    let mut drawn = Instant::now();
    let mut pressed = input::Pressed::default();
    // The terminal can no longer be drawn on.
    let mut gone = false;
    // Wakes taken off the channel but not handled yet (looking past a resize for another).
    let mut queue: VecDeque<Wake> = VecDeque::new();
    loop {
        dirty |= progress && drawn.elapsed() >= TICK;
        if dirty && !gone {
            let drawn_ok = guard.draw(|buffer| {
                let theme = themes.get(app.reader().map_or(base_theme, |r| r.theme));
                Screen { app: &app, theme }.render(buffer.area, buffer);
                terminal::unpaint_blanks(buffer);
            });
            dirty = false;
            progress = false;
            drawn = Instant::now();
            if drawn_ok.is_err() {
                // The terminal went away: nothing more is drawn, and what is unsaved is saved
                // before leaving, as for a hang-up.
                gone = true;
                let out = update(&mut app, Event::InputGone, &env());
                if let Some(exit) = effects.run(out) {
                    return Ok(exit);
                }
            }
            if let Some(caught) = caught.take() {
                caught
                    .forward(tx.clone(), Wake::Signal)
                    .map_err(Error::Terminal)?;
                input::read(tx.clone(), (size.width, size.height)).map_err(Error::Terminal)?;
                effects.start().map_err(Error::Terminal)?;
            }
        }
        let wait = effects.wait(TICK);
        let received = match queue.pop_front() {
            Some(wake) => Ok(wake),
            None => rx.recv_timeout(wait),
        };
        let first = match received {
            Ok(wake) => wake,
            Err(RecvTimeoutError::Timeout) => {
                let Some(event) = effects.due() else {
                    // A terminal that vanished without a SIGHUP is a hang-up all the same.
                    if ratatui::crossterm::terminal::size().is_err() {
                        tx.send(Wake::InputGone).ok();
                    }
                    continue;
                };
                let out = update(&mut app, event, &env());
                if let Some(exit) = effects.run(out) {
                    return Ok(exit);
                }
                dirty = true;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => Wake::InputGone,
        };
        // Handle what is already queued before drawing again (wheel bursts, fast typing), for
        // up to a frame's time; what is left stays queued for after the next frame.
        let started = Instant::now();
        queue.push_front(first);
        while let Some(wake) = queue.pop_front().or_else(|| rx.try_recv().ok()) {
            // A burst of resizes (a window dragged) is laid out once, at the last size.
            // What comes next is looked at in order: the queue's front, else the channel.
            if matches!(wake, Wake::Input(TermEvent::Resize(..))) {
                match queue.pop_front().or_else(|| rx.try_recv().ok()) {
                    Some(next) if matches!(next, Wake::Input(TermEvent::Resize(..))) => {
                        queue.push_front(next);
                        continue;
                    }
                    Some(next) => queue.push_front(next),
                    None => {}
                }
            }
            let read = matches!(wake, Wake::Load(_, Event::Loaded(_)));
            let unseen = read && !app.reader().is_some_and(grows_view);
            let event = match wake {
                Wake::Input(input) => input::translate(input, keymap, app.mode(), &mut pressed),
                // Work of a reader that was left is dropped.
                Wake::Load(generation, event) => effects.is_current(generation).then(|| {
                    effects.piece_taken();
                    event
                }),
                Wake::Worker(generation, event) => effects.is_current(generation).then_some(event),
                Wake::Opened(opened) => Some(match *opened {
                    Ok(opened) => effects.opened(opened).map_err(Error::Terminal)?,
                    Err(why) => Event::Notice(Level::Error, format!("not opened: {why}")),
                }),
                Wake::Signal(signal) => Some(Event::Signal(signal)),
                Wake::InputGone => Some(Event::InputGone),
            };
            if let Some(event) = event {
                let out = update(&mut app, event, &env());
                if let Some(exit) = effects.run(out) {
                    return Ok(exit);
                }
                effects.set_width(reader_width(&app));
            }
            if unseen {
                progress = true;
            } else {
                dirty = true;
            }
            if started.elapsed() > FRAME_BUDGET {
                break;
            }
        }
        // A save falls due even while keys keep coming.
        if let Some(tick) = effects.timer() {
            let out = update(&mut app, tick, &env());
            if let Some(exit) = effects.run(out) {
                return Ok(exit);
            }
        }
    }
}

/// The column width of the reader whose brief is being read, for measuring its pieces.
fn reader_width(app: &App) -> usize {
    app.reader().map_or(0, |r| r.layout.width())
}

/// True when text added at the end of what is read would show: the view reaches the end, or
/// follows it.
fn grows_view(state: &Reader) -> bool {
    state.top + state.view_height() >= state.layout.total_rows()
        || state.loading.is_some_and(|l| l.follow_end)
}

/// The time and a fresh id for one update.
pub fn env() -> Env {
    Env {
        now: jiff::Timestamp::now(),
        id: uuid::Uuid::now_v7(),
    }
}
