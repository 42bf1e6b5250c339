//! The notes panel: the brief-level note, then every highlight in document order with its
//! colour, position, tags, quote and note. It follows the reader; with focus it follows its
//! own selection.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::note_marks::note_numbers;
use crate::annotation::{Annotation, Status};
use crate::app::{Focus, Reader};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

/// Longest quote shown, in columns.
const QUOTE_COLUMNS: usize = 90;
/// Most note lines shown per entry.
const NOTE_LINES: usize = 4;

pub fn render(state: &Reader, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = state.layer.focus() == Focus::Panel;
    let entries = state.panel.entries(state);
    let mut title = format!(" Notes ({}) ", entries.len());
    if let Some(filter) = &state.panel.filter {
        title.push_str(&format!("[{}] ", sanitize::line(&filter.label())));
    }
    let border = if focused {
        Role::PanelTitle
    } else {
        Role::PanelBorder
    };
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(theme.style(border))
        .title(title)
        .title_style(theme.style(Role::PanelTitle))
        .style(theme.style(Role::Panel));
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = panel_lines(state, theme, &entries, focused, usize::from(inner.height));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .style(theme.style(Role::Panel))
        .render(inner, buf);
}

fn panel_lines<'a>(
    state: &'a Reader,
    theme: &Theme,
    entries: &[&'a Annotation],
    focused: bool,
    height: usize,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let first = if focused {
        state.panel.selected.min(entries.len().saturating_sub(1))
    } else {
        let top = state.layout.pin_at(&state.doc, state.top).offset;
        let top_char = state.doc.char_offset(top);
        entries
            .iter()
            .position(|a| a.anchor.end > top_char)
            .unwrap_or(entries.len())
    };
    let brief = state.annotations.brief_note();
    if first == 0 && !brief.is_empty() {
        lines.push(Line::styled("Brief", theme.style(Role::PanelTitle)));
        lines.extend(note_lines(brief, theme.style(Role::PanelNote)));
        lines.push(Line::default());
    }
    if entries.is_empty() {
        let hint = if state.annotations.is_empty() {
            let select = state.hints.key(Mode::Normal, Action::SelectStart);
            let colours = state.hints.colour_keys();
            format!("No notes yet. Select text with {select}, then press {colours} to highlight.")
        } else {
            "No highlight matches the filter.".into()
        };
        lines.push(Line::styled(hint, theme.style(Role::PanelMeta)));
        return lines;
    }
    if first > 0 {
        lines.push(Line::styled(
            format!("↑ {first} above"),
            theme.style(Role::PanelMeta),
        ));
    }
    let active: HashSet<_> = state.under_cursor().iter().map(|a| a.id).collect();
    // Each entry takes at least two rows, so no more than `height` of them can be on screen.
    let shown = &entries[first.min(entries.len())..(first + height).min(entries.len())];
    let numbers = note_numbers(&state.annotations, shown);
    let total_chars = state.doc.char_len().get().max(1);
    let mut orphans_started = false;
    for (i, a) in entries.iter().enumerate().skip(first) {
        if lines.len() > height * 2 {
            break;
        }
        if a.status == Status::Orphaned && !orphans_started {
            orphans_started = true;
            lines.push(Line::styled(
                "Orphaned: not in this text",
                theme.style(Role::PanelOrphan),
            ));
        }
        let mut base = theme.style(Role::PanelNote);
        if active.contains(&a.id) {
            base = base.patch(theme.style(Role::PanelNoteActive));
        }
        if focused && i == state.panel.selected {
            base = base.patch(theme.style(Role::PanelNoteSelected));
        }
        let mut head = Vec::new();
        if let Some(n) = numbers.get(&a.id) {
            head.push(Span::styled(
                format!("[{n}] "),
                base.patch(theme.style(Role::NoteMark)),
            ));
        }
        head.push(Span::styled(
            "■ ",
            base.patch(theme.style(Role::highlight(a.color))),
        ));
        head.push(Span::styled(theme.color_name(a.color).to_string(), base));
        if a.status != Status::Orphaned {
            let percent = a.anchor.start.get() * 100 / total_chars;
            head.push(Span::styled(
                format!("  {percent}%"),
                base.patch(theme.style(Role::PanelMeta)),
            ));
        }
        if !a.author.is_empty() {
            head.push(Span::styled(
                format!("  by {}", sanitize::line(&a.author)),
                base.patch(theme.style(Role::PanelMeta)),
            ));
        }
        for tag in &a.tags {
            head.push(Span::styled(
                format!(" #{}", sanitize::line(tag)),
                base.patch(theme.style(Role::PanelTag)),
            ));
        }
        match a.status {
            Status::Fuzzy => head.push(Span::styled(
                "  ⚠ review",
                base.patch(theme.style(Role::PanelReview)),
            )),
            Status::Orphaned => head.push(Span::styled(
                "  r re-attaches",
                base.patch(theme.style(Role::PanelMeta)),
            )),
            Status::Moved | Status::Exact => {}
        }
        lines.push(Line::from(head));
        if a.status == Status::Fuzzy {
            let doc = &state.doc;
            let now = doc.text().get(a.anchor.bytes(doc)).unwrap_or_default();
            lines.push(Line::styled(
                format!("was “{}”", shorten(&a.anchor.quote)),
                base.patch(theme.style(Role::PanelQuote)),
            ));
            lines.push(Line::styled(
                format!("now “{}”", shorten(now)),
                base.patch(theme.style(Role::PanelReview)),
            ));
            let hint = base.patch(theme.style(Role::PanelMeta));
            lines.push(Line::styled("y accepts · r re-attaches", hint));
            lines.extend(note_lines(&a.note, base));
            lines.push(Line::default());
            continue;
        }
        lines.push(Line::styled(
            format!("“{}”", shorten(&a.anchor.quote)),
            base.patch(theme.style(Role::PanelQuote)),
        ));
        lines.extend(note_lines(&a.note, base));
        lines.push(Line::default());
    }
    lines
}

/// A note's lines, made safe, at most [`NOTE_LINES`] of them.
fn note_lines(note: &str, style: Style) -> Vec<Line<'static>> {
    let all: Vec<&str> = note.lines().collect();
    let mut out: Vec<Line<'static>> = all
        .iter()
        .take(NOTE_LINES)
        .map(|l| Line::styled(sanitize::line(l).into_owned(), style))
        .collect();
    if all.len() > NOTE_LINES {
        out.push(Line::styled("…", style));
    }
    out
}

/// A quote on one line, cut to [`QUOTE_COLUMNS`] with an ellipsis in the middle.
fn shorten(quote: &str) -> String {
    let flat = sanitize::line(&quote.replace('\n', " ")).into_owned();
    if flat.width() <= QUOTE_COLUMNS {
        return flat;
    }
    let chars: Vec<char> = flat.chars().collect();
    let keep = QUOTE_COLUMNS / 2 - 1;
    let head: String = chars.iter().take(keep).collect();
    let tail: String = chars
        .iter()
        .skip(chars.len().saturating_sub(keep))
        .collect();
    format!("{head} … {tail}")
}
