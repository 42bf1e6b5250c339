//! Terminal input: read on a thread of its own (so nothing the terminal does can keep the loop
//! from hearing signals), and turned into events through the keymap.

use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TermEvent, MouseButton, MouseEventKind};

use super::Wake;
use crate::app::{Event, key_event};
use crate::input::{Key, Keymap, Mode};

/// Rows one notch of the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;
/// Presses closer together than this count as a double or triple click.
const MULTI_CLICK: Duration = Duration::from_millis(400);

/// Reads terminal input until it ends, sending each event on `tx`.
pub fn read(tx: Sender<Wake>) -> std::io::Result<()> {
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
