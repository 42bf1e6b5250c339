//! The reader's widgets: the text column, the notes panel, the status bar, the note editor
//! and the help overlay, each drawing the part of `app::reader` of the same name.

mod editor;
mod help;
mod note_marks;
mod panel;
mod status_bar;
mod text;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{Layer, Reader, geometry};
use crate::input::Mode;
use crate::theme::Theme;

/// A reader filling the screen: its text column, the notes panel, the status bar, and the
/// note editor or help over them.
#[derive(Debug, Clone, Copy)]
pub struct ReaderView<'a> {
    /// The reader to draw.
    pub state: &'a Reader,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ReaderView { state, theme } = self;
        let g = geometry(
            area,
            state.settings.max_width,
            state.panel.open,
            state.panel.width,
        );
        if g.too_small {
            crate::ui::too_small(area, theme, buf);
            return;
        }
        text::render(state, theme, &g, buf);
        if let Some(panel) = g.panel {
            panel::render(state, theme, panel, buf);
        }
        status_bar::render(state, theme, g.status, buf);
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        if let Layer::Changes(changes) = &state.layer {
            crate::ui::ChangesView { changes, theme }.render(body, buf);
        }
        match state.mode() {
            Mode::Help => help::render(state, theme, body, buf),
            Mode::Note => editor::render(state, theme, g.reader, buf),
            _ => {}
        }
    }
}
