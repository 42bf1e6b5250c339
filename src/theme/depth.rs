//! Fitting colours to what the terminal can show: truecolor, 256 colours, 16 colours, or none
//! (`NO_COLOR`). Pure: the environment is read by the caller.

use ratatui::style::{Color, Style};

/// What the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// 24-bit colour.
    TrueColor,
    /// The xterm 256-colour palette.
    Indexed,
    /// The 16 ANSI colours.
    Ansi,
    /// No colour at all (modifiers stay, so highlights stay visible).
    NoColor,
}

impl Depth {
    /// The depth from `NO_COLOR`, `COLORTERM` and `TERM` values.
    pub fn detect(no_color: Option<&str>, colorterm: Option<&str>, term: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return Depth::NoColor;
        }
        if colorterm
            .is_some_and(|v| v.eq_ignore_ascii_case("truecolor") || v.eq_ignore_ascii_case("24bit"))
        {
            return Depth::TrueColor;
        }
        if term.is_some_and(|t| t.contains("256color")) {
            Depth::Indexed
        } else {
            Depth::Ansi
        }
    }

    /// A style with its colours fitted.
    pub fn fit(self, style: Style) -> Style {
        let map = |c: Option<Color>| match self {
            Depth::NoColor => None,
            _ => c.map(|c| self.colour(c)),
        };
        Style {
            fg: map(style.fg),
            bg: map(style.bg),
            ..style
        }
    }

    fn colour(self, c: Color) -> Color {
        match (self, c) {
            (Depth::TrueColor, c) => c,
            (Depth::Indexed, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256(r, g, b)),
            (Depth::Ansi, Color::Rgb(r, g, b)) => nearest_16(r, g, b),
            (Depth::Ansi, Color::Indexed(i)) => {
                let (r, g, b) = rgb_of_256(i);
                nearest_16(r, g, b)
            }
            (_, c) => c,
        }
    }
}

/// The 16 ANSI colours with typical RGB values (xterm's).
const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs();
    // Weighted towards green, to which the eye is most sensitive.
    2 * d(a.0, b.0).pow(2) + 4 * d(a.1, b.1).pow(2) + 3 * d(a.2, b.2).pow(2)
}

/// The ANSI colour of the same hue. Distance in RGB would send pastel colours (most themes'
/// highlights) all to grey and make them indistinguishable; hue keeps yellow yellow.
fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    let (r, g, b) = (
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
    );
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let light = (max + min) / 2.0;
    let chroma = max - min;
    let saturation = if chroma == 0.0 {
        0.0
    } else {
        chroma / (1.0 - (2.0 * light - 1.0).abs())
    };
    if saturation < 0.15 || chroma < 0.08 {
        return match light {
            l if l < 0.2 => Color::Black,
            l if l < 0.45 => Color::DarkGray,
            l if l < 0.8 => Color::Gray,
            _ => Color::White,
        };
    }
    let hue = if max == r {
        60.0 * ((g - b) / chroma).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / chroma + 2.0)
    } else {
        60.0 * ((r - g) / chroma + 4.0)
    };
    let bright = light > 0.6;
    let pick = |normal, light_variant| if bright { light_variant } else { normal };
    match hue {
        h if !(30.0..330.0).contains(&h) => pick(Color::Red, Color::LightRed),
        h if h < 75.0 => pick(Color::Yellow, Color::LightYellow),
        h if h < 150.0 => pick(Color::Green, Color::LightGreen),
        h if h < 200.0 => pick(Color::Cyan, Color::LightCyan),
        h if h < 265.0 => pick(Color::Blue, Color::LightBlue),
        _ => pick(Color::Magenta, Color::LightMagenta),
    }
}

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[usize::from(i)].1,
        16..=231 => {
            let i = i - 16;
            (
                CUBE[usize::from(i / 36)],
                CUBE[usize::from(i / 6 % 6)],
                CUBE[usize::from(i % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// The nearest of the 240 cube and grey colours. The distance is a weighted sum over the
/// channels, so the nearest cube colour is the nearest level in each channel; the nearest grey
/// is next to the weighted mean. Ties go to the lower index, as a scan of all 240 would.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| {
        (0..CUBE.len())
            .min_by_key(|&i| (i32::from(CUBE[i]) - i32::from(v)).unsigned_abs())
            .unwrap_or(0)
    };
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
    let mean = (2 * u32::from(r) + 4 * u32::from(g) + 3 * u32::from(b)) / 9;
    let step = (mean.saturating_sub(8) / 10).min(23);
    let greys = step.saturating_sub(1)..=(step + 1).min(23);
    let candidates = std::iter::once(cube).chain(greys.map(|k| 232 + k as usize));
    candidates
        .filter_map(|i| u8::try_from(i).ok())
        .min_by_key(|&i| (distance(rgb_of_256(i), (r, g, b)), i))
        .unwrap_or(16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn the_nearest_256_colour_is_what_a_scan_of_all_240_finds() {
        let scan = |r, g, b| {
            (16..=255u8)
                .min_by_key(|&i| distance(rgb_of_256(i), (r, g, b)))
                .unwrap_or(16)
        };
        let mut samples: Vec<(u8, u8, u8)> = Vec::new();
        for r in (0..=255u8).step_by(15) {
            for g in (0..=255u8).step_by(17) {
                for b in (0..=255u8).step_by(15) {
                    samples.push((r, g, b));
                }
            }
        }
        // Every grey and every cube midpoint, where ties live.
        samples.extend((0..=255u8).map(|v| (v, v, v)));
        for w in CUBE.windows(2) {
            let mid = w[0] / 2 + w[1] / 2;
            samples.extend([(mid, 0, 0), (0, mid, 0), (0, 0, mid), (mid, mid, mid)]);
        }
        for (r, g, b) in samples {
            assert_eq!(nearest_256(r, g, b), scan(r, g, b), "({r}, {g}, {b})");
        }
    }

    #[test]
    fn detection() {
        assert_eq!(
            Depth::detect(Some("1"), Some("truecolor"), None),
            Depth::NoColor
        );
        assert_eq!(
            Depth::detect(Some(""), Some("truecolor"), None),
            Depth::TrueColor,
            "empty NO_COLOR is unset"
        );
        assert_eq!(Depth::detect(None, Some("24bit"), None), Depth::TrueColor);
        assert_eq!(
            Depth::detect(None, None, Some("xterm-256color")),
            Depth::Indexed
        );
        assert_eq!(Depth::detect(None, None, Some("xterm")), Depth::Ansi);
        assert_eq!(Depth::detect(None, None, None), Depth::Ansi);
    }

    #[test]
    fn colours_map_to_the_nearest() {
        let ansi = |r, g, b| {
            Depth::Ansi
                .fit(Style::new().fg(Color::Rgb(r, g, b)))
                .fg
                .unwrap()
        };
        assert_eq!(ansi(250, 10, 10), Color::Red);
        assert_eq!(ansi(255, 120, 120), Color::LightRed);
        // The default theme's pastel highlights stay five different colours.
        assert_eq!(ansi(235, 203, 139), Color::LightYellow);
        assert_eq!(ansi(163, 190, 140), Color::LightGreen);
        assert_eq!(ansi(129, 161, 193), Color::LightBlue);
        assert_eq!(ansi(191, 97, 106), Color::Red);
        assert_eq!(ansi(180, 142, 173), Color::LightMagenta);
        assert_eq!(ansi(46, 52, 64), Color::DarkGray);
        assert_eq!(ansi(216, 222, 233), Color::White);
        assert_eq!(ansi(20, 20, 20), Color::Black);
        assert_eq!(
            Depth::Indexed
                .fit(Style::new().fg(Color::Rgb(255, 0, 0)))
                .fg,
            Some(Color::Indexed(196))
        );
        assert_eq!(
            Depth::Indexed
                .fit(Style::new().fg(Color::Rgb(128, 128, 128)))
                .fg,
            Some(Color::Indexed(244))
        );
        assert_eq!(
            Depth::Ansi.fit(Style::new().fg(Color::Indexed(196))).fg,
            Some(Color::Red)
        );
        assert_eq!(
            Depth::TrueColor
                .fit(Style::new().fg(Color::Rgb(1, 2, 3)))
                .fg,
            Some(Color::Rgb(1, 2, 3))
        );
        assert_eq!(
            Depth::Ansi.fit(Style::new().fg(Color::Blue)).fg,
            Some(Color::Blue),
            "named colours stay"
        );
    }

    #[test]
    fn no_color_removes_colours_and_keeps_modifiers() {
        let style = Style::new()
            .fg(Color::Red)
            .bg(Color::Rgb(1, 2, 3))
            .add_modifier(Modifier::UNDERLINED);
        let fitted = Depth::NoColor.fit(style);
        assert_eq!((fitted.fg, fitted.bg), (None, None));
        assert!(fitted.add_modifier.contains(Modifier::UNDERLINED));
    }
}
