//! Styled text for printing outside the full-screen reader (`gloss themes`): a style as SGR
//! escape sequences. The text itself must already be safe.

use ratatui::style::{Color, Modifier, Style};

fn colour(c: Color, background: bool) -> Option<String> {
    let base = if background { 40 } else { 30 };
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

/// `text` wrapped in the SGR codes of `style`, reset after.
pub fn paint(text: &str, style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    for (m, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if style.add_modifier.contains(m) {
            codes.push(code.to_string());
        }
    }
    codes.extend(style.fg.and_then(|c| colour(c, false)));
    codes.extend(style.bg.and_then(|c| colour(c, true)));
    if codes.is_empty() {
        return text.to_string();
    }
    format!("\u{1b}[{}m{text}\u{1b}[0m", codes.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_become_sgr() {
        let s = Style::new()
            .fg(Color::Rgb(1, 2, 3))
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD);
        assert_eq!(paint("x", s), "\u{1b}[1;38;2;1;2;3;43mx\u{1b}[0m");
        assert_eq!(paint("x", Style::new()), "x");
        assert_eq!(
            paint("x", Style::new().fg(Color::Indexed(9))),
            "\u{1b}[38;5;9mx\u{1b}[0m"
        );
    }
}
