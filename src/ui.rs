//! Drawing: a pure function of the state, the theme and the area. One widget per file.

pub mod ansi;
mod help;
mod note_editor;
mod note_marks;
mod notes_panel;
mod reader;
mod status_bar;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{State, geometry};
use crate::input::Mode;
use crate::theme::{Role, Theme};

/// The whole screen for one frame.
#[derive(Debug, Clone, Copy)]
pub struct Screen<'a> {
    /// What to draw.
    pub state: &'a State,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Screen { state, theme } = self;
        let g = geometry(
            area,
            state.settings.max_width,
            state.panel.open,
            state.panel.width,
        );
        if g.too_small {
            buf.set_stringn(
                area.x,
                area.y,
                "terminal too small",
                usize::from(area.width),
                theme.style(Role::Notice),
            );
            return;
        }
        reader::render(state, theme, &g, buf);
        if let Some(panel) = g.panel {
            notes_panel::render(state, theme, panel, buf);
        }
        status_bar::render(state, theme, g.status, buf);
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        match state.mode() {
            Mode::Help => help::render(state, theme, body, buf),
            Mode::Note => note_editor::render(state, theme, g.reader, buf),
            _ => {}
        }
    }
}

/// A `width` x `height` rectangle in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
pub(crate) mod tests_annotate;
#[cfg(test)]
mod tests_front_matter;
#[cfg(test)]
mod tests_keymap;
#[cfg(test)]
mod tests_themes;
