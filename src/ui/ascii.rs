//! Drawing ASCII text into a buffer a byte at a time. `Buffer::set_stringn` splits its text
//! into graphemes and measures each one's width, which for ASCII is always one character in
//! one cell; on a first screen of text that was a fifth of the work before the first frame.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// What `buf.set_stringn(x, y, text, max_width, style)` does for ASCII `text`, with the same
/// result (control characters skipped, as it skips them; cut at `max_width` cells and at the
/// buffer's right edge): returns the column after the text. Text that is not all ASCII goes to
/// `set_stringn` itself.
pub fn set_ascii(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: usize,
    style: Style,
) -> u16 {
    if !text.is_ascii() {
        return buf.set_stringn(x, y, text, max_width, style).0;
    }
    let area = buf.area;
    let room = usize::from(area.right().saturating_sub(x)).min(max_width);
    if room == 0 || y < area.top() || y >= area.bottom() || x < area.left() {
        return x;
    }
    let start = buf.index_of(x, y);
    let printable = text.bytes().filter(|b| !b.is_ascii_control()).take(room);
    let mut drawn = 0;
    for (cell, byte) in buf.content[start..].iter_mut().zip(printable) {
        cell.set_char(char::from(byte)).set_style(style);
        drawn += 1;
    }
    x + drawn
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    use super::*;

    /// Both ways of drawing `text` at (x, y) over a patterned buffer, cell for cell.
    fn both(x: u16, y: u16, text: &str, max: usize) {
        let area = Rect::new(2, 1, 12, 3);
        let mut plain = Buffer::empty(area);
        plain.set_style(
            area,
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        );
        plain.set_string(2, 2, "under", Style::new().bg(Color::Blue));
        let mut fast = plain.clone();
        let style = Style::new()
            .fg(Color::Indexed(110))
            .remove_modifier(Modifier::BOLD);
        let expected = plain.set_stringn(x, y, text, max, style).0;
        let got = set_ascii(&mut fast, x, y, text, max, style);
        assert_eq!(fast, plain, "{text:?} at ({x}, {y}) max {max}");
        assert_eq!(got, expected, "{text:?} at ({x}, {y}) max {max}");
    }

    #[test]
    fn ascii_is_drawn_as_set_stringn_draws_it() {
        for text in [
            "",
            "a",
            "hello world",
            "tab\there",
            "bell\x07 del\x7f",
            "é not ascii",
        ] {
            for (x, y) in [(2, 1), (5, 2), (13, 3), (14, 2)] {
                for max in [0, 1, 3, 100] {
                    both(x, y, text, max);
                }
            }
        }
    }
}
