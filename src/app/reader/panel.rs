//! The notes panel's state: open or not, its width, its filter and the selected entry. Focus is
//! the `panel` mode.

use super::Reader;
use super::layer::Layer;
use super::viewport::Placement;
use crate::annotation::{Annotation, Color};
use crate::app::Level;
use crate::input::Mode;

/// Narrowest and widest panel.
pub const PANEL_WIDTHS: (u16, u16) = (20, 80);

/// What the panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Highlights of one colour.
    Color(Color),
    /// Highlights with one tag.
    Tag(String),
    /// Highlights by one author (`author:NAME`, ignoring case).
    Author(String),
}

impl Filter {
    /// A filter from what the user typed: `author:NAME`, a colour name, else a tag; empty
    /// for none.
    pub fn parse(input: &str) -> Option<Self> {
        let input = input.trim().trim_start_matches('#');
        if input.is_empty() {
            return None;
        }
        if let Some(name) = input.strip_prefix("author:").map(str::trim) {
            return (!name.is_empty()).then(|| Filter::Author(name.to_string()));
        }
        Some(
            input
                .parse::<Color>()
                .map_or_else(|_| Filter::Tag(input.to_string()), Filter::Color),
        )
    }

    /// True when the annotation passes.
    pub fn accepts(&self, a: &Annotation) -> bool {
        match self {
            Filter::Color(c) => a.color == *c,
            Filter::Tag(t) => a.tags.iter().any(|x| x == t),
            Filter::Author(name) => a.author.to_lowercase() == name.to_lowercase(),
        }
    }

    /// How the filter is shown.
    pub fn label(&self) -> String {
        match self {
            Filter::Color(c) => c.name().to_string(),
            Filter::Tag(t) => format!("#{t}"),
            Filter::Author(name) => format!("author:{name}"),
        }
    }
}

/// The notes panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    /// Shown or hidden.
    pub open: bool,
    /// Columns wide.
    pub width: u16,
    /// Index of the selected entry among the filtered ones.
    pub selected: usize,
    /// The active filter.
    pub filter: Option<Filter>,
}

impl Panel {
    /// A closed panel `width` columns wide.
    pub fn new(width: u16) -> Self {
        Self {
            open: false,
            width,
            selected: 0,
            filter: None,
        }
    }

    /// The entries shown: placed highlights in document order, then the orphaned ones.
    pub fn entries<'a>(&self, state: &'a Reader) -> Vec<&'a Annotation> {
        let shown = |a: &&Annotation| self.filter.as_ref().is_none_or(|f| f.accepts(a));
        let placed = state
            .annotations
            .iter()
            .filter(|a| a.status != crate::annotation::Status::Orphaned);
        placed
            .chain(state.annotations.orphans())
            .filter(shown)
            .collect()
    }

    /// The selected entry.
    pub fn selected_annotation<'a>(&self, state: &'a Reader) -> Option<&'a Annotation> {
        let entries = self.entries(state);
        entries
            .get(self.selected.min(entries.len().saturating_sub(1)))
            .copied()
    }
}

impl Reader {
    /// Tab: closed -> open -> focused -> closed.
    pub fn cycle_panel(&mut self) {
        if !self.panel.open {
            self.panel.open = true;
        } else if self.mode() != Mode::Panel && !self.geometry().panel_hidden {
            self.focus_panel();
            return;
        } else {
            self.panel.open = false;
            self.layer = Layer::Text;
        }
        self.panel_changed();
    }

    /// Ctrl-w: moves focus between the text and the panel, opening it if needed.
    pub fn toggle_panel_focus(&mut self) {
        if self.mode() == Mode::Panel {
            self.layer = Layer::Text;
            return;
        }
        if !self.panel.open {
            self.panel.open = true;
            self.panel_changed();
        }
        self.focus_panel();
    }

    fn focus_panel(&mut self) {
        if self.geometry().panel_hidden {
            self.say(
                Level::Warning,
                "notes panel hidden: the terminal is too narrow",
            );
            return;
        }
        let at = self.doc.char_offset(self.cursor);
        let entries = self.panel.entries(self);
        self.panel.selected = entries.iter().position(|a| a.anchor.end > at).unwrap_or(0);
        self.layer = Layer::Panel;
    }

    /// Moves the panel selection by `delta` entries.
    pub fn move_panel(&mut self, delta: isize) {
        let count = self.panel.entries(self).len();
        self.panel.selected = self
            .panel
            .selected
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
    }

    /// Enter in the panel: shows the selected highlight in the text and returns focus there.
    pub fn jump_to_selected(&mut self) {
        let Some(start) = self.panel.selected_annotation(self).map(|a| a.anchor.start) else {
            return;
        };
        let offset = self.doc.byte_offset(start);
        if let Some(end) = self.hidden_end(offset)
            && end > offset
        {
            self.show_repeats = true;
            self.reflow();
        }
        self.move_cursor(offset, Placement::Center);
        self.layer = Layer::Text;
    }

    /// `<` and `>`: panel width in steps of 4 columns.
    pub fn resize_panel(&mut self, delta: i16) {
        let (min, max) = PANEL_WIDTHS;
        self.panel.width = self
            .panel
            .width
            .saturating_add_signed(delta)
            .clamp(min, max);
        self.panel_changed();
    }

    fn panel_changed(&mut self) {
        self.relayout();
        if self.panel.open && self.geometry().panel_hidden {
            self.say(
                Level::Warning,
                "notes panel hidden: the terminal is too narrow",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_colours_and_tags() {
        assert_eq!(Filter::parse("green"), Some(Filter::Color(Color::Green)));
        assert_eq!(Filter::parse(" #fed "), Some(Filter::Tag("fed".into())));
        assert_eq!(Filter::parse("rates"), Some(Filter::Tag("rates".into())));
        assert_eq!(Filter::parse("  "), None);
    }

    #[test]
    fn an_author_filter_keeps_that_authors_highlights() {
        let filter = Filter::parse("author: Ana").unwrap();
        assert_eq!(filter, Filter::Author("Ana".into()));
        assert_eq!(filter.label(), "author:Ana");
        let mut a = crate::annotation::tests::ann(1, 0..3);
        assert!(!filter.accepts(&a));
        a.author = "ana".into();
        assert!(filter.accepts(&a), "ignoring case");
        assert_eq!(Filter::parse("author:"), None);
    }
}
