//! The first frame, drawn before ratatui's `Terminal` exists. A `Terminal` keeps two
//! screen-sized buffers and writes what differs between them; for the first frame that means
//! filling a second buffer of empty cells and comparing every cell against it (10,000 cells at
//! 200x50: more work than drawing the widgets). The screen starts empty, so the first frame is
//! simply every cell that is not the empty cell. The `Terminal` is made after it and told that
//! this frame is what the screen shows, so every later frame is drawn as usual.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier};

/// Paints one frame into `paint`'s buffer of `size`, writes it, waits `settle` (see
/// [`SETTLE`]) and returns the terminal that draws the frames after it.
pub fn first_frame<B: Backend>(
    mut backend: B,
    size: Size,
    settle: Duration,
    paint: impl FnOnce(&mut Buffer),
) -> Result<Terminal<B>, B::Error> {
    let area = Rect::new(0, 0, size.width, size.height);
    let mut buffer = empty(area);
    paint(&mut buffer);
    backend.draw(shown(&buffer))?;
    // gloss never shows the terminal's own cursor (the caret is drawn as a cell).
    backend.hide_cursor()?;
    backend.flush()?;
    std::thread::sleep(settle);
    let mut terminal = Terminal::new(backend)?;
    if terminal.current_buffer_mut().area == area {
        *terminal.current_buffer_mut() = buffer;
        terminal.swap_buffers();
    } else {
        // Resized in the meantime: the next frame is drawn whole on a cleared screen. Not
        // `Terminal::clear`, which asks the terminal where its cursor is and waits for the
        // answer (for two seconds, then fails, on a terminal that does not answer).
        terminal.backend_mut().clear_region(ClearType::All)?;
    }
    Ok(terminal)
}

/// How long gloss does nothing once the first frame is written, so the terminal has the machine
/// to itself to show it: what comes next (the `Terminal`'s two screen-sized buffers, then the
/// threads for input, signals, reading the rest and the sidecar) took the CPU the terminal
/// needed. Keys pressed meanwhile wait in the terminal. Measured, key press to tmux reading the
/// frame, 25 alternating runs on the 10 KB brief: 4.42 -> 4.09 ms (less 3.22 ms).
pub const SETTLE: Duration = Duration::from_millis(3);

/// `Buffer::empty(area)`, made by copying the empty cell into place: `Buffer::empty` clones
/// it into every cell, a call each (0.27 M instructions for a 200x50 screen, 27 a cell).
fn empty(area: Rect) -> Buffer {
    Buffer {
        area,
        content: (0..area.area()).map(|_| Cell::EMPTY).collect(),
    }
}

/// Every cell of `buffer` that differs from the empty screen, exactly as `Buffer::diff`
/// against an empty buffer gives them: the cells a wide character covers are left out, except
/// after an emoji with a variation selector, whose covered cells are written when they hold
/// text (some terminals draw such an emoji one cell wide).
fn shown(buffer: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let cells = &buffer.content;
    let area = buffer.area;
    let mut at = Walk {
        i: 0,
        x: 0,
        y: 0,
        width: area.width.max(1),
    };
    // Cells up to here are covered by an emoji with a variation selector.
    let mut covered = 0;
    std::iter::from_fn(move || {
        loop {
            let index = at.i;
            let cell = cells.get(index)?;
            let here = (area.x.saturating_add(at.x), area.y.saturating_add(at.y));
            if index < covered {
                at.step(cell.cell_width().max(1));
                covered = covered.max(at.i).min(cells.len());
                if !skipped(cell) && cell.symbol() != " " {
                    return Some((here, cell));
                }
                continue;
            }
            if blank(cell) || skipped(cell) {
                at.step(1);
                continue;
            }
            let width = cell.cell_width();
            let mut by = 1;
            if let CellDiffOption::ForcedWidth(_) = cell.diff_option {
                by = width.max(1);
            } else if width > 1 && cell.symbol().contains('\u{FE0F}') {
                covered = (index + usize::from(width)).min(cells.len());
            } else if width > 1 {
                by = width;
            }
            at.step(by);
            return Some((here, cell));
        }
    })
    .map(|((x, y), cell)| (x, y, cell))
}

/// A cell's index in a buffer and its column and row, kept together as the index moves on
/// (`Buffer::pos_of` divides for every cell).
struct Walk {
    i: usize,
    x: u16,
    y: u16,
    width: u16,
}

impl Walk {
    fn step(&mut self, by: u16) {
        self.i += usize::from(by);
        let mut x = u32::from(self.x) + u32::from(by);
        let width = u32::from(self.width);
        while x >= width {
            x -= width;
            self.y = self.y.saturating_add(1);
        }
        // Below the width, a `u16`.
        self.x = u16::try_from(x).unwrap_or(u16::MAX);
    }
}

/// Whether ratatui's diff leaves `cell` out whatever it holds.
#[allow(deprecated)] // `skip` is still honoured by ratatui's own diff
fn skipped(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && cell.diff_option == CellDiffOption::None)
}

/// Whether `cell` is the empty cell, which the empty screen already shows. The colours and
/// attributes are compared first: they tell most cells apart without reading the symbol.
#[allow(deprecated)]
fn blank(cell: &Cell) -> bool {
    cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier == Modifier::empty()
        && cell.diff_option == CellDiffOption::None
        && !cell.skip
        && cell.symbol() == " "
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::backend::TestBackend;
    use ratatui::style::Style;

    use super::*;

    /// A buffer drawn the way widgets draw: styled areas, then strings over them.
    fn painted(area: Rect, strokes: &[(u16, u16, String, u8)]) -> Buffer {
        let mut buffer = Buffer::empty(area);
        for (x, y, text, look) in strokes {
            let style = match look % 4 {
                0 => Style::new(),
                1 => Style::new().fg(Color::Indexed(*look)),
                2 => Style::new().bg(Color::Indexed(*look)).bold(),
                _ => Style::new().reversed(),
            };
            let (x, y) = (x % area.width, y % area.height);
            if look.is_multiple_of(7) {
                buffer.set_style(Rect::new(0, y, area.width, 1), style);
            } else {
                buffer.set_stringn(x, y, text, usize::from(area.width - x), style);
            }
        }
        buffer
    }

    fn strokes() -> impl Strategy<Value = Vec<(u16, u16, String, u8)>> {
        prop::collection::vec(
            (
                0u16..40,
                0u16..8,
                "[a-z 界é🎉❤\u{FE0F}\u{301}]{0,12}",
                any::<u8>(),
            ),
            0..24,
        )
    }

    #[test]
    fn the_empty_buffer_is_ratatuis() {
        for area in [Rect::ZERO, Rect::new(0, 0, 1, 1), Rect::new(0, 0, 200, 50)] {
            assert_eq!(empty(area), Buffer::empty(area));
        }
    }

    proptest! {
        #[test]
        fn the_cells_shown_are_the_diff_against_an_empty_screen(strokes in strokes()) {
            let buffer = painted(Rect::new(0, 0, 40, 8), &strokes);
            let ours: Vec<_> = shown(&buffer).collect();
            let theirs = Buffer::empty(buffer.area).diff(&buffer);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn frames_after_the_first_are_drawn_as_a_terminal_draws_them(
            first in strokes(),
            second in strokes(),
        ) {
            let area = Rect::new(0, 0, 40, 8);
            let (one, two) = (painted(area, &first), painted(area, &second));
            let mut ours = first_frame(TestBackend::new(40, 8), area.as_size(), Duration::ZERO, |b| {
                *b = one.clone();
            })
            .expect("first frame");
            let mut theirs = Terminal::new(TestBackend::new(40, 8)).expect("terminal");
            theirs.draw(|f| *f.buffer_mut() = one.clone()).expect("drawn");
            prop_assert_eq!(ours.backend().buffer(), theirs.backend().buffer());
            // A cell the first frame showed and the second does not is cleared only if the
            // terminal compares the second frame with the first.
            let written = |t: &mut Terminal<TestBackend>| {
                t.draw(|f| *f.buffer_mut() = two.clone()).expect("drawn");
                t.backend().buffer().clone()
            };
            prop_assert_eq!(written(&mut ours), written(&mut theirs));
        }
    }
}
