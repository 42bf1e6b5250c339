//! Entering and leaving the full-screen terminal, including after a panic.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// Room for a whole frame of a big terminal, so each frame reaches the terminal in one write
/// (the standard output's own buffer flushes every 1 KiB: ten writes for one 200x50 frame).
const FRAME_BYTES: usize = 256 * 1024;

/// The terminal gloss draws on: frames are buffered whole and written at once.
pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// The terminal in raw mode on the alternate screen with mouse capture and bracketed paste.
/// Dropping it puts everything back.
pub struct TerminalGuard {
    terminal: Screen,
}

impl TerminalGuard {
    /// Takes over the terminal. A panic on this thread from here on restores it before the
    /// message prints. A panic on any other thread leaves the terminal to the reader and prints
    /// nothing over its screen: the workers catch their panics and the reader shows them in
    /// the status bar.
    pub fn enter() -> io::Result<Self> {
        // Raw mode, the alternate screen and ratatui's restoring panic hook; the terminal it
        // returns writes through the 1 KiB buffer, so gloss draws through its own.
        drop(ratatui::try_init()?);
        let backend = CrosstermBackend::new(BufWriter::with_capacity(FRAME_BYTES, io::stdout()));
        let terminal = Terminal::new(backend)?;
        let previous = std::panic::take_hook();
        let owner = std::thread::current().id();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() != owner {
                return;
            }
            leave_extras();
            previous(info);
        }));
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(Self { terminal })
    }

    /// The terminal to draw on.
    pub fn terminal(&mut self) -> &mut Screen {
        &mut self.terminal
    }
}

/// Turns off what `ratatui::restore` does not know about.
fn leave_extras() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, Show);
    let _ = out.flush();
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        leave_extras();
        ratatui::restore();
    }
}
