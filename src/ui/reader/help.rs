//! The help overlay, generated from the keymap and the actions' descriptions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::{Hints, Layer, Reader};
use crate::input::{Action, Mode};
use crate::theme::{Role, Theme};

const KEY_COLUMN: usize = 20;

pub fn render(state: &Reader, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(84);
    let height = area.height.saturating_sub(2);
    if width < 10 || height < 3 {
        return;
    }
    let popup = crate::ui::centered(area, width, height);
    let key_column = KEY_COLUMN.min(usize::from(width) / 3);
    let mut lines = Vec::new();
    let mut section = None;
    for (mode, line) in &state.help {
        if section != Some(*mode) {
            section = Some(*mode);
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(
                heading(*mode, &state.hints),
                theme.style(Role::HelpKey),
            ));
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<key_column$}", line.key_names()),
                theme.style(Role::HelpKey),
            ),
            Span::styled(line.text, theme.style(Role::Help)),
        ]));
    }
    let scroll = match &state.layer {
        Layer::Help(help) => help.scroll,
        _ => 0,
    }
    .min(lines.len().saturating_sub(1));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::HelpBorder))
        .title(title(&state.hints))
        .style(theme.style(Role::Help));
    Clear.render(popup, buf);
    Paragraph::new(lines.split_off(scroll))
        .block(block)
        .style(theme.style(Role::Help))
        .render(popup, buf);
}

/// ` Keys (Esc closes, j/k scroll) `, with the keys of the help mode in use.
fn title(hints: &Hints) -> String {
    let close = hints.get(Mode::Help, Action::CloseHelp);
    let scroll = hints.pair(Mode::Help, Action::ScrollDown, Action::ScrollUp);
    let parts: Vec<String> = [
        close.map(|k| format!("{k} closes")),
        scroll.map(|k| format!("{k} scroll")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        " Keys ".into()
    } else {
        format!(" Keys ({}) ", parts.join(", "))
    }
}

fn heading(mode: Mode, hints: &Hints) -> String {
    match mode {
        Mode::Normal => "Reading".into(),
        Mode::Visual => match hints.get(Mode::Normal, Action::SelectStart) {
            Some(select) => format!("Selecting (after {select})"),
            None => "Selecting".into(),
        },
        Mode::Panel => "In the notes panel".into(),
        Mode::Prompt => "On the prompt (search, tags, filter)".into(),
        Mode::Note => "Writing a note".into(),
        Mode::Help => "In this help".into(),
        Mode::Library => "In the library".into(),
        Mode::Notes => "In the notes across the library".into(),
        Mode::Codebook => "In the codebook".into(),
        Mode::Search => "In a search across the library".into(),
        Mode::Changes => "In the changes view".into(),
        Mode::Analysis => "In the analysis views".into(),
    }
}
