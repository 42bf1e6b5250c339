//! Terminal input: read on a thread of its own (so nothing the terminal does can keep the loop
//! from hearing signals), and turned into events through the keymap.
//!
//! crossterm reads the terminal with its `use-dev-tty` source (switched on in Cargo.toml), which
//! waits with poll(2). Its default source waits on an edge-triggered epoll and, when a resize and
//! a key came in one wake-up, answered the resize and went back to waiting with the key unread:
//! a `q` typed after a burst of resizes did nothing until another key came. The thread also looks
//! whether the terminal is still there between waits: when the other end of a terminal closes
//! without a hang-up signal, crossterm's wait returns at once without input, again and again.

use std::fs::File;
use std::io::IsTerminal;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TermEvent, MouseButton, MouseEventKind};
use rustix::event::{PollFd, PollFlags, Timespec};

use super::Wake;
use crate::app::{Event, key_event};
use crate::input::{Key, Keymap, Mode};

/// Rows one notch of the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;
/// Presses closer together than this count as a double or triple click.
const MULTI_CLICK: Duration = Duration::from_millis(400);
/// Longest wait for input before looking again whether the terminal is still there; also the
/// longest crossterm spins on a terminal that went away before gloss notices.
const LOOK_AGAIN: Duration = Duration::from_millis(100);

/// Reads terminal input until it ends, sending each event on `tx`. `drawn` is the size the
/// loop last drew at: crossterm hears of resizes only from its first wait on, so a resize
/// before that (the thread starts after the first frame) is sent as one once it listens.
pub fn read(tx: Sender<Wake>, drawn: (u16, u16)) -> std::io::Result<()> {
    let terminal = terminal();
    std::thread::Builder::new()
        .name("gloss-input".into())
        .spawn(move || {
            // The first wait sets up crossterm's reading, resize signal included.
            let ready = event::poll(Duration::ZERO);
            if let (Ok(_), Ok(now)) = (ready, ratatui::crossterm::terminal::size())
                && now != drawn
                && tx
                    .send(Wake::Input(TermEvent::Resize(now.0, now.1)))
                    .is_err()
            {
                return;
            }
            loop {
                let wake = next(terminal.as_ref());
                let gone = matches!(wake, Wake::InputGone);
                if tx.send(wake).is_err() || gone {
                    break;
                }
            }
        })?;
    Ok(())
}

/// The terminal crossterm reads (the standard input when it is one, else `/dev/tty`), to look
/// at on its own; none when it cannot be had, and crossterm's own errors then tell.
fn terminal() -> Option<OwnedFd> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return stdin.as_fd().try_clone_to_owned().ok();
    }
    File::open("/dev/tty").ok().map(OwnedFd::from)
}

/// The next terminal event, or [`Wake::InputGone`] once the terminal is gone or fails.
fn next(terminal: Option<&OwnedFd>) -> Wake {
    loop {
        if terminal.is_some_and(gone) {
            return Wake::InputGone;
        }
        match event::poll(LOOK_AGAIN) {
            Ok(true) => return event::read().map_or(Wake::InputGone, Wake::Input),
            Ok(false) => {}
            Err(_) => return Wake::InputGone,
        }
    }
}

/// True when `terminal` hung up or its other end closed (what poll(2) says without waiting).
fn gone(terminal: &impl AsFd) -> bool {
    let mut fds = [PollFd::new(terminal, PollFlags::IN)];
    match rustix::event::poll(&mut fds, Some(&Timespec::default())) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(e) => e != rustix::io::Errno::INTR,
    }
}

/// What earlier input means for the next: the first key of a two-key binding, and clicks.
#[derive(Debug, Default)]
pub struct Pressed {
    /// The first key of a two-key binding (`]` of `] h`), until the second comes.
    pending: Option<Key>,
    clicks: Clicks,
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

/// The event a terminal event means in `mode`, if any.
pub fn translate(
    input: TermEvent,
    keymap: &Keymap,
    mode: Mode,
    keys: &mut Pressed,
) -> Option<Event> {
    let clicks = &mut keys.clicks;
    match input {
        TermEvent::Key(k) => key_event(keymap, mode, &mut keys.pending, Key::from_terminal(k)?),
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
