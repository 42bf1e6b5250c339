//! The one impure loop: terminal events -> keymap -> update -> effects -> draw.

mod loader;
mod persist;
mod signals;
mod terminal;

pub use persist::Persist;

pub use terminal::TerminalGuard;

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TermEvent, MouseButton, MouseEventKind};

use crate::app::{Effect, Event, Piece, PlacingJob, State, TAIL_BYTES, key_event, update};
use crate::document::Document;
use crate::error::Error;
use crate::input::{Key, Keymap};
use crate::layout::Measured;
use crate::store::BriefFile;
use crate::theme::ThemeSet;
use crate::ui::Screen;
use persist::env;

/// Rows one notch of the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;
/// How often the loop wakes without input to notice signals.
const TICK: Duration = Duration::from_millis(100);
/// Longest the loop handles queued events before drawing again.
const FRAME_BUDGET: Duration = Duration::from_millis(12);
/// Presses closer together than this count as a double or triple click.
const MULTI_CLICK: Duration = Duration::from_millis(400);

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
/// `rest`, when given, is the part of the brief still to read: it streams in on a thread of
/// its own while the reader runs.
pub fn run(
    mut state: State,
    keymap: &Keymap,
    themes: &ThemeSet,
    persist: &mut Persist,
    rest: Option<BriefFile>,
) -> Result<Exit, Error> {
    let (tx, rx) = mpsc::channel();
    signals::forward(tx.clone(), Wake::Signal).map_err(Error::Terminal)?;
    let mut guard = TerminalGuard::enter().map_err(Error::Terminal)?;
    let terminal = guard.terminal();
    let size = terminal.size().map_err(Error::Terminal)?;
    update(&mut state, Event::Resize(size.width, size.height), &env());
    let shared = loader::Shared::default();
    shared.width.store(state.layout.width(), Ordering::Release);
    // Worker threads (placing annotations, measuring at a new width) report through this.
    let worker_tx = tx.clone();
    let loader_tx = tx.clone();
    let brief = rest.as_ref().map(|f| f.path().to_path_buf());
    read_input(tx).map_err(Error::Terminal)?;
    // Reading the rest and watching the sidecar start once the first frame is out, so the
    // first screen shares the machine with nothing.
    let mut after_first_frame = Some(rest);
    let mut dirty = true;
    // A piece read off screen changes only the progress figure, drawn at most every TICK.
    let mut progress = false;
    let mut drawn = Instant::now();
    let mut clicks = Clicks::default();
    loop {
        if let Some(job) = state.take_placing_job() {
            place_annotations(job, worker_tx.clone()).map_err(Error::Terminal)?;
        }
        if let Some(width) = state.wants_measuring() {
            measure(&state, width, worker_tx.clone()).map_err(Error::Terminal)?;
        }
        dirty |= persist.tick(&mut state);
        dirty |= progress && drawn.elapsed() >= TICK;
        if dirty {
            terminal
                .draw(|frame| {
                    let theme = themes.get(state.theme);
                    frame.render_widget(
                        Screen {
                            state: &state,
                            theme,
                        },
                        frame.area(),
                    );
                })
                .map_err(Error::Terminal)?;
            dirty = false;
            progress = false;
            drawn = Instant::now();
            if let Some(rest) = after_first_frame.take() {
                if let Some(file) = rest {
                    loader::spawn(file, shared.clone(), loader_tx.clone(), Wake::Load)
                        .map_err(Error::Terminal)?;
                }
                persist.watch();
            }
        }
        let wait = if state.has_work() {
            Duration::ZERO
        } else {
            persist.timeout(&state, TICK)
        };
        let first = match rx.recv_timeout(wait) {
            Ok(wake) => wake,
            // Background work runs a step at a time, only when no input is waiting.
            Err(RecvTimeoutError::Timeout) if state.has_work() => {
                update(&mut state, Event::Work, &env());
                dirty = true;
                continue;
            }
            Err(RecvTimeoutError::Timeout) => {
                // A terminal that vanished without a SIGHUP is a hang-up all the same.
                if ratatui::crossterm::terminal::size().is_err() {
                    persist.save(&mut state);
                    return Ok(Exit::Signal(signals::HANGUP));
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => Wake::InputGone,
        };
        // Handle what is already queued before drawing again (wheel bursts, fast typing), for
        // up to a frame's time; what is left stays queued for after the next frame.
        let started = Instant::now();
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            let read = matches!(wake, Wake::Load(Event::Loaded(_)));
            let unseen = read && !grows_view(&state);
            let context = Context {
                persist: &mut *persist,
                shared: &shared,
                keymap,
                brief: brief.as_deref(),
            };
            if let Some(exit) = handle(&mut state, wake, context, &mut clicks) {
                return Ok(exit);
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
    }
}

/// True when text added at the end of what is read would show: the view reaches the end, or
/// follows it.
fn grows_view(state: &State) -> bool {
    state.top + state.view_height() >= state.layout.total_rows()
        || state.loading.is_some_and(|l| l.follow_end)
}

/// What handling a wake-up needs besides the state.
struct Context<'a> {
    persist: &'a mut Persist,
    shared: &'a loader::Shared,
    keymap: &'a Keymap,
    /// The brief's file while it is still being read.
    brief: Option<&'a Path>,
}

/// Applies one wake-up to the state; `Some` when gloss must end.
fn handle(
    state: &mut State,
    wake: Wake,
    context: Context<'_>,
    clicks: &mut Clicks,
) -> Option<Exit> {
    let Context {
        persist,
        shared,
        keymap,
        brief,
    } = context;
    let ev = match wake {
        Wake::Input(input) => translate(input, keymap, state, clicks)?,
        Wake::Load(ev) => {
            shared.in_flight.fetch_sub(1, Ordering::AcqRel);
            ev
        }
        Wake::Worker(ev) => ev,
        // Save before the terminal is given back: the guard restores it on return.
        Wake::Signal(signal) => {
            persist.save(state);
            return Some(Exit::Signal(signal));
        }
        Wake::InputGone => {
            persist.save(state);
            return Some(Exit::Signal(signals::HANGUP));
        }
    };
    let effects = update(state, ev, &env());
    for effect in &effects {
        match effect {
            Effect::SaveTheme(name) => save_theme(state, name),
            Effect::ReadTail => read_tail(state, brief),
            Effect::Quit => {}
        }
    }
    persist.after_update(state);
    shared.width.store(state.layout.width(), Ordering::Release);
    // A failed last save keeps gloss open (with the reason on screen) unless the user
    // already confirmed quitting without saving.
    (effects.contains(&Effect::Quit) && (persist.save(state) || state.quit_warned))
        .then_some(Exit::Quit)
}

/// What wakes the event loop.
enum Wake {
    /// Terminal input.
    Input(TermEvent),
    /// The terminal's input ended or failed.
    InputGone,
    /// A termination signal.
    Signal(i32),
    /// News from the thread reading the brief.
    Load(Event),
    /// News from a worker thread: annotations placed, the brief measured at a new width.
    Worker(Event),
}

/// Measures the whole (read) brief at a new column width on a thread of its own.
fn measure(state: &State, width: usize, tx: mpsc::Sender<Wake>) -> std::io::Result<()> {
    let doc = std::sync::Arc::clone(&state.doc);
    std::thread::Builder::new()
        .name("gloss-measure".into())
        .spawn(move || {
            let measured = Measured::of(&doc, width);
            let _ = tx.send(Wake::Worker(Event::Measured(Box::new(measured))));
        })?;
    Ok(())
}

/// Places saved annotations on a thread of their own; each batch arrives as an event.
fn place_annotations(job: PlacingJob, tx: mpsc::Sender<Wake>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("gloss-placer".into())
        .spawn(move || job.run(|event| tx.send(Wake::Worker(event)).is_ok()))?;
    Ok(())
}

/// Reads terminal input on a thread of its own, so that nothing the terminal does can keep
/// the loop from hearing signals.
fn read_input(tx: mpsc::Sender<Wake>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("gloss-input".into())
        .spawn(move || {
            loop {
                let wake = event::read().map_or(Wake::InputGone, Wake::Input);
                let gone = matches!(wake, Wake::InputGone);
                if tx.send(wake).is_err() || gone {
                    break;
                }
            }
        })?;
    Ok(())
}

/// Turns quick repeated presses at one place into double and triple clicks.
#[derive(Debug, Default)]
struct Clicks {
    last: Option<(Instant, u16, u16)>,
    count: u8,
}

impl Clicks {
    fn press(&mut self, x: u16, y: u16) -> u8 {
        let now = Instant::now();
        let repeat = self
            .last
            .is_some_and(|(t, lx, ly)| now.duration_since(t) < MULTI_CLICK && lx == x && ly == y);
        self.count = if repeat { self.count % 3 + 1 } else { 1 };
        self.last = Some((now, x, y));
        self.count
    }
}

/// Reads the last lines of the brief for `G` while the rest is still being read; if that
/// fails the reader simply waits for the end.
fn read_tail(state: &mut State, brief: Option<&Path>) {
    let Some(path) = brief else {
        return;
    };
    if let Ok((start, bytes)) = crate::store::read_tail(path, TAIL_BYTES)
        && let Ok(doc) = Document::parse_continuation(&bytes, usize::try_from(start).unwrap_or(0))
    {
        let read = start + bytes.len() as u64;
        let piece = Piece {
            doc,
            measured: None,
            read,
        };
        update(state, Event::Tail(Box::new(piece)), &env());
    }
}

/// Writes the theme choice to the config file and says how that went.
fn save_theme(state: &mut State, name: &str) {
    use crate::app::Level;
    let result = match crate::store::config::config_dir() {
        Some(dir) => crate::store::config::save_theme(&dir, name),
        None => Err("no configuration folder on this system".to_string()),
    };
    let notice = match result {
        Ok(path) => (
            Level::Info,
            format!("theme {name} saved in {}", crate::error::show_path(&path)),
        ),
        Err(e) => (Level::Error, format!("theme not saved: {e}")),
    };
    update(state, Event::Notice(notice.0, notice.1), &env());
}

fn translate(
    input: TermEvent,
    keymap: &Keymap,
    state: &State,
    clicks: &mut Clicks,
) -> Option<Event> {
    match input {
        TermEvent::Key(k) => key_event(keymap, state.mode, Key::from_terminal(k)?),
        TermEvent::Resize(w, h) => Some(Event::Resize(w, h)),
        TermEvent::Paste(text) => Some(Event::Paste(text)),
        TermEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Event::Wheel(WHEEL_ROWS)),
            MouseEventKind::ScrollUp => Some(Event::Wheel(-WHEEL_ROWS)),
            MouseEventKind::Down(MouseButton::Left) => Some(Event::MouseDown {
                x: m.column,
                y: m.row,
                clicks: clicks.press(m.column, m.row),
            }),
            MouseEventKind::Drag(MouseButton::Left) => Some(Event::MouseDrag {
                x: m.column,
                y: m.row,
            }),
            MouseEventKind::Up(MouseButton::Left) => Some(Event::MouseUp),
            _ => None,
        },
        _ => None,
    }
}
