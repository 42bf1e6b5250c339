//! The notes panel beside the text. Annotations fill it in a later step; for now it says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::theme::{Role, Theme};

pub fn render(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(theme.style(Role::PanelBorder))
        .title(" Notes ")
        .title_style(theme.style(Role::PanelTitle))
        .style(theme.style(Role::Panel));
    Paragraph::new("No notes yet.")
        .style(theme.style(Role::Panel))
        .wrap(Wrap { trim: true })
        .block(block)
        .render(area, buf);
}
