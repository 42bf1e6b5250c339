//! The terminal backend: ratatui's crossterm backend, except that a frame is encoded into
//! one byte buffer of its own and written at once. The crossterm backend prints every cell
//! through the formatting machinery (`queue!(Print(symbol))`) and every cursor move and colour
//! change through `write!`; for a first frame that was more work than drawing the widgets.
//! The bytes are exactly the crossterm backend's: cursor moves are encoded here, and each
//! distinct colour, underline colour or attribute change is formatted by crossterm once and
//! then copied.

use std::collections::hash_map::Entry;
use std::io::{self, Write};

use foldhash::HashMap;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, Colors, SetAttribute, SetColors, SetUnderlineColor};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Sequences formatted once and kept; past this many of one kind they are all forgotten (a
/// session cycling through themes with true colours could otherwise keep every pair it met).
const MAX_KEPT: usize = 512;

/// A crossterm backend over `W` that encodes each frame into one buffer.
pub struct Direct<W: Write> {
    inner: CrosstermBackend<W>,
    /// The frame being encoded, kept between frames for its room.
    frame: Vec<u8>,
    /// The escape sequences met so far, by what they set.
    sequences: Sequences,
}

impl<W: Write> Direct<W> {
    pub fn new(writer: W) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            // A 200x50 frame of text is 4-12 KiB.
            frame: Vec::with_capacity(16 * 1024),
            sequences: Sequences::default(),
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

/// The colour, underline colour and attribute sequences crossterm writes, each formatted the
/// first time it is needed.
#[derive(Default)]
struct Sequences {
    colors: HashMap<(Color, Color), Box<[u8]>>,
    underlines: HashMap<Color, Box<[u8]>>,
    modifiers: HashMap<(Modifier, Modifier), Box<[u8]>>,
}

/// What ends every frame, as crossterm writes it: the foreground, background and underline
/// colours, then every attribute, back to the terminal's own.
const RESET: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m";

/// The sequence `key` stands for in `kept`, formatted by `format` if it is not there yet.
fn kept<K: std::hash::Hash + Eq + Copy>(
    kept: &mut HashMap<K, Box<[u8]>>,
    key: K,
    format: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) -> io::Result<&[u8]> {
    if kept.len() >= MAX_KEPT && !kept.contains_key(&key) {
        kept.clear();
    }
    match kept.entry(key) {
        Entry::Occupied(known) => Ok(known.into_mut()),
        Entry::Vacant(new) => {
            let mut bytes = Vec::new();
            format(&mut bytes)?;
            Ok(new.insert(bytes.into_boxed_slice()))
        }
    }
}

impl Sequences {
    fn colors(&mut self, fg: Color, bg: Color) -> io::Result<&[u8]> {
        kept(&mut self.colors, (fg, bg), |out| {
            let colors = Colors::new(fg.into_crossterm(), bg.into_crossterm());
            queue!(out, SetColors(colors))
        })
    }

    fn underline(&mut self, color: Color) -> io::Result<&[u8]> {
        kept(&mut self.underlines, color, |out| {
            queue!(out, SetUnderlineColor(color.into_crossterm()))
        })
    }

    fn modifier(&mut self, from: Modifier, to: Modifier) -> io::Result<&[u8]> {
        kept(&mut self.modifiers, (from, to), |out| {
            change_modifier(out, from, to)
        })
    }
}

/// Appends crossterm's `MoveTo(x, y)`: `ESC [ row ; column H`, both counted from 1.
fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    let mut digits = itoa::Buffer::new();
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(digits.format(u32::from(y) + 1).as_bytes());
    out.push(b';');
    out.extend_from_slice(digits.format(u32::from(x) + 1).as_bytes());
    out.push(b'H');
}

impl<W: Write> Backend for Direct<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out = std::mem::take(&mut self.frame);
        out.clear();
        let sequences = &mut self.sequences;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<Position> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some(p) if x == p.x.wrapping_add(1) && y == p.y) {
                move_to(&mut out, x, y);
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                out.extend_from_slice(sequences.modifier(modifier, cell.modifier)?);
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                out.extend_from_slice(sequences.colors(cell.fg, cell.bg)?);
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline {
                out.extend_from_slice(sequences.underline(cell.underline_color)?);
                underline = cell.underline_color;
            }
            out.extend_from_slice(cell.symbol().as_bytes());
        }
        out.extend_from_slice(RESET);
        let written = self.inner.write_all(&out);
        self.frame = out;
        written
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
            Color::Black,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::White,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::Indexed(0),
            Color::Indexed(255),
            Color::Rgb(255, 0, 128),
        ];
        let area = Rect::new(0, 0, 60, 24);
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

    #[test]
    fn later_frames_reuse_the_sequences_and_write_what_crossterm_writes() {
        let (a, b) = (Shared::default(), Shared::default());
        let (mut ours, mut theirs) = (Direct::new(a.clone()), CrosstermBackend::new(b.clone()));
        let area = Rect::new(0, 0, 20, 4);
        for round in 0..3u8 {
            let mut buffer = Buffer::empty(area);
            let style = Style::new()
                .fg(Color::Indexed(round))
                .bg(Color::Rgb(round, 7, 9))
                .underline_color(Color::Indexed(3))
                .add_modifier(Modifier::BOLD);
            buffer.set_string(round.into(), 1, "same words", style);
            buffer.set_string(0, 3, "plain", Style::new().italic());
            let cells = Buffer::empty(area).diff(&buffer);
            ours.draw(cells.clone().into_iter()).expect("drawn");
            theirs.draw(cells.into_iter()).expect("drawn");
        }
        assert!(!a.0.borrow().is_empty());
        assert_eq!(
            String::from_utf8_lossy(&a.0.borrow()),
            String::from_utf8_lossy(&b.0.borrow())
        );
        assert!(ours.sequences.colors.len() >= 3, "one pair a round");
    }

    #[test]
    fn past_so_many_colour_pairs_the_kept_ones_are_forgotten_and_frames_stay_crossterms() {
        let (a, b) = (Shared::default(), Shared::default());
        let (mut ours, mut theirs) = (Direct::new(a.clone()), CrosstermBackend::new(b.clone()));
        let area = Rect::new(0, 0, 40, 20);
        let mut buffer = Buffer::empty(area);
        for (i, cell) in buffer.content.iter_mut().enumerate() {
            let [hi, lo] = u16::try_from(i).expect("800 cells").to_be_bytes();
            cell.set_char('x').set_fg(Color::Rgb(hi, lo, 1));
        }
        let cells = Buffer::empty(area).diff(&buffer);
        ours.draw(cells.clone().into_iter()).expect("drawn");
        theirs.draw(cells.into_iter()).expect("drawn");
        let kept = ours.sequences.colors.len();
        assert!((1..=MAX_KEPT).contains(&kept), "{kept} pairs kept");
        assert_eq!(*a.0.borrow(), *b.0.borrow());
    }

    #[test]
    fn a_frame_ends_as_crossterm_ends_it() {
        use ratatui::crossterm::style::{
            Color as CrosstermColor, SetBackgroundColor, SetForegroundColor,
        };
        let mut theirs = Vec::new();
        queue!(
            theirs,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
        .expect("queued");
        assert_eq!(RESET, theirs);
    }

    #[test]
    fn cursor_moves_are_crossterms_move_to() {
        use ratatui::crossterm::cursor::MoveTo;
        for (x, y) in [(0, 0), (8, 9), (9, 10), (98, 99), (99, 100), (1234, 4321)]
            .into_iter()
            .chain([(u16::MAX - 1, u16::MAX - 1)])
        {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            move_to(&mut ours, x, y);
            queue!(theirs, MoveTo(x, y)).expect("queued");
            assert_eq!(ours, theirs, "{x},{y}");
        }
    }
}
