//! Entering and leaving the full-screen terminal, including after a panic.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::Terminal;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode, size,
};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::Size;
use ratatui::style::{Color, Modifier};

use super::backend::Direct;
use super::first_frame::{SETTLE, first_frame};

/// Room for a whole frame of a big terminal, so each frame reaches the terminal in one write
/// (the standard output's own buffer flushes every 1 KiB: ten writes for one 200x50 frame).
const FRAME_BYTES: usize = 256 * 1024;

/// The terminal gloss draws on: frames are buffered whole and written at once.
pub type Screen = Terminal<Direct<BufWriter<Stdout>>>;

/// The terminal in raw mode on the alternate screen with mouse capture and bracketed paste.
/// Dropping it puts everything back.
pub struct TerminalGuard {
    drawing: Drawing,
}

/// How the next frame is drawn.
enum Drawing {
    /// Nothing is drawn yet: the first frame goes straight to the terminal (see
    /// [`first_frame`]).
    First(Direct<BufWriter<Stdout>>),
    /// Every later frame, through ratatui's terminal.
    Later(Screen),
    /// The first frame failed: the terminal is gone.
    Gone,
}

impl TerminalGuard {
    /// Takes over the terminal. A panic on this thread from here on restores it before the
    /// message prints. A panic on any other thread leaves the terminal to the reader and prints
    /// nothing over its screen: the workers catch their panics and the reader shows them in
    /// the status bar.
    pub fn enter() -> io::Result<Self> {
        // What `ratatui::try_init` does, without the terminal it makes and gloss would drop
        // (two screen-sized buffers filled for nothing before the first frame).
        let previous = std::panic::take_hook();
        let owner = std::thread::current().id();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() != owner {
                return;
            }
            restore();
            previous(info);
        }));
        enable_raw_mode()?;
        let mut out = BufWriter::with_capacity(FRAME_BYTES, io::stdout());
        // One write for every mode; a failure puts back what was set.
        let entered = queue!(
            out,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )
        .and_then(|()| out.flush());
        match entered {
            Ok(()) => Ok(Self {
                drawing: Drawing::First(Direct::new(out)),
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// The terminal's size now.
    pub fn size(&self) -> io::Result<Size> {
        match &self.drawing {
            Drawing::Later(screen) => screen.size(),
            _ => size().map(|(width, height)| Size { width, height }),
        }
    }

    /// Draws a frame: `paint` fills a buffer of the terminal's size, and what differs from
    /// the frame before is written.
    pub fn draw(&mut self, paint: impl FnOnce(&mut Buffer)) -> io::Result<()> {
        match std::mem::replace(&mut self.drawing, Drawing::Gone) {
            Drawing::First(backend) => {
                let screen = first_frame(backend, self.size()?, SETTLE, paint)?;
                self.drawing = Drawing::Later(screen);
            }
            Drawing::Later(mut screen) => {
                let drawn = screen.draw(|frame| paint(frame.buffer_mut())).map(|_| ());
                self.drawing = Drawing::Later(screen);
                drawn?;
            }
            Drawing::Gone => return Err(io::Error::other("the terminal is gone")),
        }
        Ok(())
    }
}

/// Blanks in a row fewer than this are written as spaces: skipping them would cost a cursor
/// move (`ESC[row;colH`, 6 to 10 bytes) for every gap between two words.
const MIN_BLANK_RUN: usize = 8;

/// Makes every run of [`MIN_BLANK_RUN`] or more cells in a row that look like the terminal's
/// own blank (a space on the default background, with nothing that shows on a space) exactly
/// the blank cell, so a frame writes only what differs from an empty screen: a theme that sets
/// only a foreground colour does not paint the whole screen with spaces. What the screen
/// shows is unchanged.
pub fn unpaint_blanks(buffer: &mut Buffer) {
    let visible_on_space = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    // gloss marks no cell to be skipped or forced; such a cell is left as it is all the same.
    let blank = |cell: &Cell| {
        cell.bg == Color::Reset
            && !cell.modifier.intersects(visible_on_space)
            && cell.diff_option == CellDiffOption::None
            && cell.symbol() == " "
    };
    let width = usize::from(buffer.area.width).max(1);
    for row in buffer.content.chunks_mut(width) {
        // The blank cells just before `x`.
        let mut run = 0;
        for x in 0..row.len() {
            if blank(&row[x]) {
                run += 1;
                continue;
            }
            if run >= MIN_BLANK_RUN {
                row[x - run..x].iter_mut().for_each(Cell::reset);
            }
            run = 0;
        }
        if run >= MIN_BLANK_RUN {
            let end = row.len();
            row[end - run..].iter_mut().for_each(Cell::reset);
        }
    }
}

/// Puts the terminal back as it was: each step tried even when one before failed, and no
/// failure reported, since the terminal is where a report would go (`ratatui::restore` prints
/// one with `eprintln!`, which panics on a terminal that went away).
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, Show);
    let _ = disable_raw_mode();
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = out.flush();
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // What the last frame left in the buffer goes out before the screen is left.
        match std::mem::replace(&mut self.drawing, Drawing::Gone) {
            Drawing::First(mut backend) => {
                let _ = backend.flush();
                restore();
            }
            Drawing::Later(mut screen) => {
                let _ = screen.backend_mut().flush();
                restore();
                // Not dropped: ratatui's `Terminal` shows the cursor when dropped (done above)
                // and reports a failure with `eprintln!`, which panics when the terminal is
                // gone and so turned a hang-up into an abort. The process ends soon after.
                std::mem::forget(screen);
            }
            Drawing::Gone => restore(),
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    #[test]
    fn long_runs_of_blanks_on_the_default_background_become_the_empty_cell() {
        let area = Rect::new(0, 0, 20, 2);
        let mut buffer = Buffer::empty(area);
        let fg = Style::new().fg(Color::Indexed(254)).bold();
        buffer.set_style(area, fg);
        // Row 0: a gap of 7 stays painted (a cursor move would cost more), the 9 after "cd"
        // do not. Row 1: all 20.
        buffer.set_string(0, 0, "ab       cd", Style::new());
        unpaint_blanks(&mut buffer);
        let mut expected = Buffer::with_lines([format!("{:20}", "ab       cd"), " ".repeat(20)]);
        expected.set_style(Rect::new(0, 0, 11, 1), fg);
        assert_eq!(buffer, expected);
    }

    #[test]
    fn a_run_of_exactly_the_least_between_words_becomes_the_empty_cell() {
        let gap = " ".repeat(MIN_BLANK_RUN);
        let area = Rect::new(0, 0, MIN_BLANK_RUN as u16 + 4, 1);
        let mut buffer = Buffer::empty(area);
        let fg = Style::new().fg(Color::Indexed(254));
        buffer.set_style(area, fg);
        buffer.set_string(0, 0, format!("ab{gap}cd"), Style::new());
        unpaint_blanks(&mut buffer);
        let mut expected = Buffer::with_lines([format!("ab{gap}cd")]);
        expected.set_style(Rect::new(0, 0, 2, 1), fg);
        expected.set_style(Rect::new(2 + MIN_BLANK_RUN as u16, 0, 2, 1), fg);
        assert_eq!(buffer, expected);
    }

    #[test]
    fn blanks_that_show_keep_their_style() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4 * MIN_BLANK_RUN as u16, 1));
        let styles = [
            Style::new().bg(Color::Indexed(237)),
            Style::new().reversed(),
            Style::new().underlined(),
            Style::new().crossed_out(),
        ];
        let run = MIN_BLANK_RUN as u16;
        for (x, style) in styles.into_iter().enumerate() {
            buffer.set_style(Rect::new(x as u16 * run, 0, run, 1), style.fg(Color::Red));
        }
        let before = buffer.clone();
        unpaint_blanks(&mut buffer);
        assert_eq!(buffer, before);
    }
}
