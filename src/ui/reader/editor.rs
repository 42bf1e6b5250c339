//! The note editor popup: a bordered text area over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::{NoteTarget, Reader};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

pub fn render(state: &Reader, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(editor) = state.editor() else { return };
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2).min(14);
    if width < 10 || height < 3 {
        return;
    }
    let popup = crate::ui::centered(area, width, height);
    let saves = state
        .hints
        .get(Mode::Note, Action::CloseEditor)
        .map_or_else(String::new, |k| format!(" ({k} saves)"));
    let title = match editor.target {
        NoteTarget::Brief => format!(" Note on the brief{saves} "),
        NoteTarget::Annotation(id) => {
            let quote = state
                .annotations
                .get(id)
                .map_or("", |a| a.anchor.quote.as_str());
            let quote: String = sanitize::line(&quote.replace('\n', " "))
                .chars()
                .take(30)
                .collect();
            format!(" Note on “{quote}”{saves} ")
        }
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::EditorBorder))
        .title(title)
        .style(theme.style(Role::Editor));
    let mut area = editor.area.clone();
    area.set_style(theme.style(Role::Editor));
    area.set_cursor_style(theme.style(Role::Editor).patch(theme.style(Role::Cursor)));
    area.set_cursor_line_style(Style::default());
    area.set_block(block);
    Clear.render(popup, buf);
    (&area).render(popup, buf);
}
