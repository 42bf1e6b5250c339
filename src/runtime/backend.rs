//! The terminal backend: ratatui's crossterm backend, except that a frame's text is written
//! straight into the frame's buffer. The crossterm backend prints every cell through the
//! formatting machinery (`queue!(Print(symbol))`); for a first frame that was as much work as
//! drawing the widgets. Cursor moves, colours and attributes still go through crossterm's
//! commands, exactly as the crossterm backend sends them, and only where they change.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// A crossterm backend over `W` that writes cell text without formatting it.
pub struct Direct<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> Direct<W> {
    pub fn new(writer: W) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
        }
    }
}

impl<W: Write> Write for Direct<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for Direct<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // The crossterm backend writes to its writer as a `Write` of its own.
        let out = &mut self.inner;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<Position> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                queue!(out, MoveTo(x, y))?;
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                change_modifier(out, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                queue!(out, SetColors(colors))?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline {
                queue!(
                    out,
                    SetUnderlineColor(cell.underline_color.into_crossterm())
                )?;
                underline = cell.underline_color;
            }
            out.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            out,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The attributes that take the terminal from `from` to `to`, as the crossterm backend sends
/// them: what is taken off first (bold and dim share one "normal intensity" reset, after which
/// whichever of the two stays is set again), then what is added.
fn change_modifier(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let (removed, added) = (from - to, to - from);
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    // In the order they are sent.
    let steps = [
        (removed.contains(Modifier::REVERSED), Attribute::NoReverse),
        (intensity, Attribute::NormalIntensity),
        (intensity && to.contains(Modifier::DIM), Attribute::Dim),
        (intensity && to.contains(Modifier::BOLD), Attribute::Bold),
        (removed.contains(Modifier::ITALIC), Attribute::NoItalic),
        (
            removed.contains(Modifier::UNDERLINED),
            Attribute::NoUnderline,
        ),
        (
            removed.contains(Modifier::CROSSED_OUT),
            Attribute::NotCrossedOut,
        ),
        (removed.contains(Modifier::HIDDEN), Attribute::NoHidden),
        (
            removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK),
            Attribute::NoBlink,
        ),
        (added.contains(Modifier::REVERSED), Attribute::Reverse),
        (
            !intensity && added.contains(Modifier::BOLD),
            Attribute::Bold,
        ),
        (added.contains(Modifier::ITALIC), Attribute::Italic),
        (added.contains(Modifier::UNDERLINED), Attribute::Underlined),
        (!intensity && added.contains(Modifier::DIM), Attribute::Dim),
        (added.contains(Modifier::CROSSED_OUT), Attribute::CrossedOut),
        (added.contains(Modifier::HIDDEN), Attribute::Hidden),
        (added.contains(Modifier::SLOW_BLINK), Attribute::SlowBlink),
        (added.contains(Modifier::RAPID_BLINK), Attribute::RapidBlink),
    ];
    for (_, attribute) in steps.into_iter().filter(|(wanted, _)| *wanted) {
        queue!(out, SetAttribute(attribute))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// A writer whose bytes the test reads after the backend has written them.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// What a backend writes for the cells of `buffer` that differ from an empty screen.
    fn drawn<B: Backend>(mut backend: B, out: &Shared, buffer: &Buffer) -> String
    where
        B::Error: std::fmt::Debug,
    {
        let cells = Buffer::empty(buffer.area).diff(buffer);
        backend.draw(cells.into_iter()).expect("drawn");
        String::from_utf8_lossy(&out.0.borrow()).into_owned()
    }

    #[test]
    fn every_style_change_is_written_as_the_crossterm_backend_writes_it() {
        let modifiers = [
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::DIM,
            Modifier::BOLD | Modifier::DIM,
            Modifier::ITALIC | Modifier::UNDERLINED,
            Modifier::REVERSED | Modifier::CROSSED_OUT,
            Modifier::HIDDEN | Modifier::SLOW_BLINK,
            Modifier::RAPID_BLINK | Modifier::BOLD,
            Modifier::all(),
        ];
        let colors = [
            Color::Reset,
            Color::Red,
            Color::LightCyan,
            Color::Gray,
            Color::DarkGray,
            Color::Indexed(110),
            Color::Rgb(1, 2, 3),
        ];
        let area = Rect::new(0, 0, 30, 12);
        let mut buffer = Buffer::empty(area);
        let mut n = 0usize;
        for y in 0..area.height {
            for x in 0..area.width {
                n += 7;
                let style = Style::new()
                    .fg(colors[n % colors.len()])
                    .bg(colors[(n / 3) % colors.len()])
                    .underline_color(colors[(n / 5) % colors.len()])
                    .add_modifier(modifiers[(n / 2) % modifiers.len()]);
                // Gaps, wide characters and plain text, so that cursor moves are needed too.
                let text = ["a", " ", "界", "é", "z"][n % 5];
                if !n.is_multiple_of(11) {
                    buffer.set_string(x, y, text, style);
                }
            }
        }
        let (a, b) = (Shared::default(), Shared::default());
        let ours = drawn(Direct::new(a.clone()), &a, &buffer);
        let theirs = drawn(CrosstermBackend::new(b.clone()), &b, &buffer);
        assert!(
            ours.len() > 1000,
            "the frame is drawn: {} bytes",
            ours.len()
        );
        assert_eq!(ours, theirs);
    }
}
