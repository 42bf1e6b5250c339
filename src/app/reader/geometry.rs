//! Where each part of the screen goes for a terminal size: shared by `update` (to lay text out
//! at the right width) and the renderer (to draw it there), so the two always agree.

use ratatui::layout::Rect;

/// Below this width or height the reader shows a "too small" notice instead.
pub const MIN_WIDTH: u16 = 20;
/// Rows needed: one of text and the status bar.
pub const MIN_HEIGHT: u16 = 2;
/// The notes panel hides itself on terminals narrower than this.
pub const PANEL_MIN_TERMINAL: u16 = 60;

/// The parts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The text column (wrapping width is its width).
    pub column: Rect,
    /// The area around the column, left of the panel.
    pub reader: Rect,
    /// The notes panel, when open and there is room.
    pub panel: Option<Rect>,
    /// The status bar (the last row).
    pub status: Rect,
    /// True when the terminal is too small to read in.
    pub too_small: bool,
    /// True when the panel is open but the terminal is too narrow to show it.
    pub panel_hidden: bool,
}

/// Splits `area` for a maximum column width and panel state.
pub fn geometry(area: Rect, max_width: u16, panel_open: bool, panel_width: u16) -> Geometry {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Geometry {
            too_small: true,
            ..Geometry::default()
        };
    }
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let show_panel = panel_open && area.width >= PANEL_MIN_TERMINAL;
    let (reader, panel) = if show_panel {
        let width = panel_width.clamp(20, area.width / 2);
        let reader = Rect {
            width: body.width - width,
            ..body
        };
        (
            reader,
            Some(Rect {
                x: reader.right(),
                width,
                ..body
            }),
        )
    } else {
        (body, None)
    };
    let width = max_width.max(1).min(reader.width.saturating_sub(2)).max(1);
    let column = Rect {
        x: reader.x + (reader.width - width) / 2,
        width,
        ..reader
    };
    Geometry {
        column,
        reader,
        panel,
        status,
        too_small: false,
        panel_hidden: panel_open && !show_panel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_centre_a_capped_column() {
        let g = geometry(Rect::new(0, 0, 120, 40), 80, false, 32);
        assert_eq!(g.column, Rect::new(20, 0, 80, 39));
        assert_eq!(g.status, Rect::new(0, 39, 120, 1));
        assert!(g.panel.is_none());
    }

    #[test]
    fn the_panel_takes_the_right_and_hides_when_narrow() {
        let g = geometry(Rect::new(0, 0, 100, 30), 80, true, 32);
        assert_eq!(g.panel, Some(Rect::new(68, 0, 32, 29)));
        assert_eq!(g.column.width, 66);
        let narrow = geometry(Rect::new(0, 0, 40, 12), 80, true, 32);
        assert!(narrow.panel.is_none() && narrow.panel_hidden);
        assert_eq!(narrow.column, Rect::new(1, 0, 38, 11));
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        for (w, h) in [(0, 0), (1, 1), (19, 10), (80, 1)] {
            assert!(
                geometry(Rect::new(0, 0, w, h), 80, false, 32).too_small,
                "{w}x{h}"
            );
        }
    }
}
