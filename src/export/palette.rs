//! A theme's colours as CSS, for the HTML page and the W3C export's stylesheet: the page
//! and each highlight colour, as the theme draws them in a 24-bit terminal.

use ratatui::style::{Color as Term, Style};
use strum::IntoEnumIterator;

use crate::annotation::Color;
use crate::theme::{Role, Theme};

/// A foreground and background colour in CSS (`#rrggbb`); `None` where the theme leaves it
/// to the terminal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pair {
    /// Text colour.
    pub fg: Option<String>,
    /// Background colour.
    pub bg: Option<String>,
}

/// What the exports need of a theme.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Palette {
    /// The page's text.
    pub text: Pair,
    /// The front-matter line.
    pub meta: Pair,
    /// The five highlights, in [`Color`] order.
    pub highlights: [Pair; 5],
    /// What the theme calls each colour, in [`Color`] order.
    pub names: [String; 5],
}

impl Palette {
    /// The colours and colour names of `theme`.
    pub fn of(theme: &Theme) -> Self {
        let mut highlights: [Pair; 5] = Default::default();
        let mut names: [String; 5] = Default::default();
        for (i, c) in Color::iter().enumerate() {
            if let (Some(slot), Some(name)) = (highlights.get_mut(i), names.get_mut(i)) {
                *slot = pair(theme.style(Role::highlight(c)));
                *name = theme.color_name(c).to_string();
            }
        }
        Self {
            text: pair(theme.style(Role::Text)),
            meta: pair(theme.style(Role::TextMeta)),
            highlights,
            names,
        }
    }

    /// The colours of highlight `color`.
    pub fn highlight(&self, color: Color) -> &Pair {
        let i = Color::iter().position(|c| c == color).unwrap_or(0);
        &self.highlights[i.min(4)]
    }
}

fn pair(style: Style) -> Pair {
    let (fg, bg) = if style
        .add_modifier
        .contains(ratatui::style::Modifier::REVERSED)
    {
        (style.bg, style.fg)
    } else {
        (style.fg, style.bg)
    };
    Pair {
        fg: fg.and_then(css),
        bg: bg.and_then(css),
    }
}

/// A terminal colour in CSS: 24-bit as it is, the 256 and 16 colours as xterm shows them.
pub fn css(c: Term) -> Option<String> {
    let (r, g, b) = match c {
        Term::Reset => return None,
        Term::Rgb(r, g, b) => (r, g, b),
        Term::Indexed(i) => indexed(i),
        named => indexed(match named {
            Term::Black => 0,
            Term::Red => 1,
            Term::Green => 2,
            Term::Yellow => 3,
            Term::Blue => 4,
            Term::Magenta => 5,
            Term::Cyan => 6,
            Term::Gray => 7,
            Term::DarkGray => 8,
            Term::LightRed => 9,
            Term::LightGreen => 10,
            Term::LightYellow => 11,
            Term::LightBlue => 12,
            Term::LightMagenta => 13,
            Term::LightCyan => 14,
            _ => 15,
        }),
    };
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// xterm's colour `i` of 256.
fn indexed(i: u8) -> (u8, u8, u8) {
    const BASIC: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match i {
        0..=15 => BASIC[usize::from(i)],
        16..=231 => {
            let n = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_colours_become_css() {
        assert_eq!(css(Term::Rgb(240, 198, 116)).as_deref(), Some("#f0c674"));
        assert_eq!(css(Term::Indexed(196)).as_deref(), Some("#ff0000"));
        assert_eq!(css(Term::Indexed(244)).as_deref(), Some("#808080"));
        assert_eq!(css(Term::Blue).as_deref(), Some("#0000ee"));
        assert_eq!(css(Term::Reset), None);
    }

    #[test]
    fn the_default_theme_gives_five_different_highlights() {
        let palette = Palette::of(&Theme::default());
        let bgs: std::collections::HashSet<_> =
            palette.highlights.iter().map(|p| p.bg.clone()).collect();
        assert_eq!(bgs.len(), 5, "{palette:?}");
        assert!(bgs.iter().all(Option::is_some));
    }
}
