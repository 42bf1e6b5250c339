//! The changes view, over the reader: each change since the annotations were placed under a
//! heading (its number, what it did, where), the lost text in the `diff.delete` style and the
//! gained text in `diff.insert`, a little unchanged text around them, then the annotations it
//! touches (status, what they were, what they are now). The selected change is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthChar;

use super::list_bar::cut;
use crate::annotation::Status;
use crate::annotation::diff::Kind;
use crate::app::changes::{Changes, Entry, TOUCHED_ROWS, text_rows};
use crate::theme::{Role, Theme};

/// The changes view filling `area` (the reader's screen less its status bar).
#[derive(Debug, Clone, Copy)]
pub struct ChangesView<'a> {
    /// What to draw.
    pub changes: &'a Changes,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl Widget for ChangesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ChangesView { changes, theme } = self;
        if area.width < 10 || area.height < 3 {
            return;
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.style(Role::PanelBorder))
            .title(title(changes))
            .style(theme.style(Role::Panel));
        let inner = block.inner(area);
        Clear.render(area, buf);
        block.render(area, buf);
        let mut y = inner.y;
        for (n, entry) in changes.entries.iter().enumerate().skip(changes.top) {
            if y >= inner.bottom() {
                break;
            }
            let rows = u16::try_from(entry.rows(usize::from(inner.width))).unwrap_or(u16::MAX);
            let base = if n == changes.selected {
                let rows = rows.min(inner.bottom() - y);
                let selected = theme
                    .style(Role::Panel)
                    .patch(theme.style(Role::PanelNoteSelected));
                buf.set_style(
                    Rect {
                        y,
                        height: rows.saturating_sub(1),
                        ..inner
                    },
                    selected,
                );
                selected
            } else {
                theme.style(Role::Panel)
            };
            let all = changes.entries.len();
            y = draw_entry(
                entry,
                (n, all, n == changes.selected),
                inner,
                y,
                base,
                theme,
                buf,
            );
        }
    }
}

/// ` 12 changes since the annotations were placed `.
fn title(changes: &Changes) -> String {
    match changes.entries.len() {
        1 => " 1 change since the annotations were placed ".into(),
        n => format!(" {n} changes since the annotations were placed "),
    }
}

/// Draws `entry` from row `y` of `area`; returns the row after it.
fn draw_entry(
    entry: &Entry,
    (n, all, selected): (usize, usize, bool),
    area: Rect,
    mut y: u16,
    base: Style,
    theme: &Theme,
    buf: &mut Buffer,
) -> u16 {
    let width = usize::from(area.width);
    let kind = match entry.kind {
        Kind::Insert => "inserted",
        Kind::Delete => "deleted",
        Kind::Replace => "replaced",
    };
    let marker = if selected { "▶" } else { " " };
    let heading = format!("{marker} {}/{all} {kind} · at {}%", n + 1, entry.percent);
    let heading_style = base.patch(theme.style(Role::DiffHeading));
    buf.set_stringn(area.x, y, &heading, width, heading_style);
    y += 1;
    let text = base.patch(theme.style(Role::Text));
    let meta = base.patch(theme.style(Role::PanelMeta));
    let sides = [
        (entry.old_line(), Role::DiffDelete),
        (entry.new_line(), Role::DiffInsert),
    ];
    for (line, role) in sides {
        let Some([sign, before, changed, after]) = line else {
            continue;
        };
        let styles = [meta, text, base.patch(theme.style(role)), text];
        let parts: Vec<(&str, Style)> = [sign, before, changed, after]
            .into_iter()
            .zip(styles)
            .collect();
        let columns = parts
            .iter()
            .map(|(p, _)| unicode_width::UnicodeWidthStr::width(*p))
            .sum();
        let rows = text_rows(columns, width);
        y = flow(&parts, area, y, rows, buf);
    }
    for touch in entry.touched.iter().take(TOUCHED_ROWS) {
        if y >= area.bottom() {
            return y;
        }
        let role = match touch.status {
            Status::Fuzzy => Role::PanelReview,
            Status::Orphaned => Role::PanelOrphan,
            Status::Exact | Status::Moved => Role::PanelMeta,
        };
        let now = match &touch.now {
            Some(now) => format!("now “{now}”"),
            None => "now gone".into(),
        };
        let status = format!("    {:<8} ", touch.status.name());
        let x = buf
            .set_stringn(area.x, y, &status, width, base.patch(theme.style(role)))
            .0;
        let rest = format!("was “{}”  {now}", touch.was);
        let room = usize::from(area.right().saturating_sub(x));
        buf.set_stringn(
            x,
            y,
            cut(&rest, room),
            room,
            base.patch(theme.style(Role::PanelQuote)),
        );
        y += 1;
    }
    if entry.touched.len() > TOUCHED_ROWS && y < area.bottom() {
        let more = format!("    and {} more", entry.touched.len() - TOUCHED_ROWS);
        buf.set_stringn(area.x, y, &more, width, meta);
        y += 1;
    }
    y + 1
}

/// Lays `parts` (text, style) out from row `y` over at most `rows` rows of `area`, breaking
/// anywhere; what does not fit ends in `…`. Returns the row after the last one used.
fn flow(parts: &[(&str, Style)], area: Rect, y: u16, rows: usize, buf: &mut Buffer) -> u16 {
    let width = area.width;
    let last_row = y.saturating_add(u16::try_from(rows).unwrap_or(u16::MAX)) - 1;
    let (mut x, mut row) = (0u16, y);
    let total: usize = parts.iter().map(|(p, _)| p.chars().count()).sum();
    let mut seen = 0;
    for (part, style) in parts {
        for c in part.chars() {
            seen += 1;
            let w = u16::try_from(c.width().unwrap_or(0)).unwrap_or(0);
            if x + w > width {
                if row >= last_row {
                    return finish(area, row, width, buf);
                }
                (x, row) = (0, row + 1);
            }
            if row >= area.bottom() {
                return row;
            }
            // The last cell of the last row gives way to `…` when more is left.
            if row == last_row && x + w >= width && seen < total {
                return finish(area, row, width, buf);
            }
            buf.set_stringn(area.x + x, row, c.to_string(), usize::from(w), *style);
            x += w;
        }
    }
    row + 1
}

/// Puts `…` in the last cell of `row` and returns the row after it.
fn finish(area: Rect, row: u16, width: u16, buf: &mut Buffer) -> u16 {
    if row < area.bottom() && width > 0 {
        let at = area.x + width - 1;
        let style = buf.cell((at, row)).map(|c| c.style()).unwrap_or_default();
        buf.set_stringn(at, row, "…", 1, style);
    }
    row + 1
}
