//! Drawing: a pure function of the state, the theme and the area. One widget per file, named
//! after the state it draws (`ui/reader/panel.rs` draws `app/reader/panel.rs`).

mod analysis;
pub mod ansi;
mod ascii;
mod changes;
mod codebook;
mod fill;
mod hits;
mod library;
mod list_bar;
mod notes;
mod reader;

pub use analysis::AnalysisView;
pub use changes::ChangesView;
pub use codebook::CodebookView;
pub use hits::HitsView;
pub use library::LibraryView;
pub use notes::NotesView;
pub use reader::ReaderView;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, View};
use crate::theme::Theme;

/// The whole screen for one frame: the view on top.
#[derive(Debug, Clone, Copy)]
pub struct Screen<'a> {
    /// What to draw.
    pub app: &'a App,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.app.top() {
            View::Library(library) => LibraryView {
                library,
                theme: self.theme,
            }
            .render(area, buf),
            View::Notes(notes) => NotesView {
                notes,
                theme: self.theme,
            }
            .render(area, buf),
            View::Codebook(codes) => CodebookView {
                codes,
                theme: self.theme,
            }
            .render(area, buf),
            View::Analysis(view) => AnalysisView {
                view,
                theme: self.theme,
            }
            .render(area, buf),
            View::Hits(hits) => HitsView {
                hits,
                theme: self.theme,
            }
            .render(area, buf),
            View::Reader(state) => ReaderView {
                state,
                theme: self.theme,
            }
            .render(area, buf),
        }
    }
}

/// Says the terminal is too small, on the first row of `area` when it has one (with no rows,
/// that row would be outside it).
pub(crate) fn too_small(area: Rect, theme: &Theme, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let style = theme.style(crate::theme::Role::Notice);
    buf.set_stringn(
        area.x,
        area.y,
        "terminal too small",
        usize::from(area.width),
        style,
    );
}

/// A `width` x `height` rectangle in the middle of `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
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
mod tests_changes;
#[cfg(test)]
mod tests_codebook;
#[cfg(test)]
mod tests_front_matter;
#[cfg(test)]
mod tests_hits;
#[cfg(test)]
mod tests_keymap;
#[cfg(test)]
mod tests_library;
#[cfg(test)]
mod tests_notes;
#[cfg(test)]
mod tests_props;
#[cfg(test)]
mod tests_props_lists;
#[cfg(test)]
mod tests_themes;
