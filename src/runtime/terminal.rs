//! Entering and leaving the full-screen terminal, including after a panic.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// The terminal in raw mode on the alternate screen with mouse capture and bracketed paste.
/// Dropping it puts everything back.
pub struct TerminalGuard {
    terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Takes over the terminal. A panic on this thread from here on restores it before the
    /// message prints. A panic on any other thread leaves the terminal to the reader and prints
    /// nothing over its screen: the workers catch their panics and the reader shows them in
    /// the status bar.
    pub fn enter() -> io::Result<Self> {
        let terminal = ratatui::try_init()?;
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
    pub fn terminal(&mut self) -> &mut DefaultTerminal {
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
