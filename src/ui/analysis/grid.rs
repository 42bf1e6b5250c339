//! The matrix and co-occurrence tabs: a grid of counts coloured by heat, code names on the
//! left, numbered columns on top, scrolled to keep the selected cell on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::heat;
use crate::app::analysis::{Analysis, CELL_COLUMNS, NAME_COLUMNS, Tab};
use crate::sanitize;
use crate::theme::{Role, Theme};
use crate::ui::list_bar::cut;

/// Draws the grid of the tab shown in `area` (header row first); what the status bar says
/// of the selected cell.
pub fn render(view: &Analysis, theme: &Theme, area: Rect, buf: &mut Buffer) -> String {
    let triangle = view.tab == Tab::Cooccurrence;
    let (codes, columns, counts, max) = if triangle {
        let c = view.cooccurrence();
        let max = (0..c.codes.len())
            .flat_map(|i| (0..i).map(move |j| (i, j)))
            .map(|(i, j)| c.counts[i][j])
            .max()
            .unwrap_or(0);
        (&c.codes, c.codes.len(), &c.counts, max)
    } else {
        let m = view.matrix();
        (&m.codes, m.briefs.len(), &m.counts, m.max())
    };
    if codes.is_empty() {
        let text = "No codes yet: tag highlights in a brief to see them here";
        buf.set_stringn(
            area.x,
            area.y,
            text,
            area.width.into(),
            theme.style(Role::PanelMeta),
        );
        return "no codes".into();
    }
    let panel = theme.style(Role::Panel);
    let meta = theme.style(Role::PanelMeta);
    let selected = panel.patch(theme.style(Role::Selection));
    let name_x = area.x;
    let grid_x = area.x + NAME_COLUMNS;
    let shown_cols = view.width();
    let rows = usize::from(area.height.saturating_sub(1));
    // The header: column numbers (briefs or codes), the selected one marked.
    for c in (view.left..columns).take(shown_cols) {
        let x = grid_x + u16::try_from(c - view.left).unwrap_or(0) * CELL_COLUMNS;
        let style = if c == view.col { selected } else { meta };
        let label = format!("{:>4}", c + 1);
        buf.set_stringn(x, area.y, &label, 4, style);
    }
    for (r, code) in codes.iter().enumerate().skip(view.top).take(rows) {
        let y = area.y + 1 + u16::try_from(r - view.top).unwrap_or(0);
        let role = if r == view.row {
            selected
        } else {
            panel.patch(theme.style(Role::PanelTag))
        };
        // A folded code counts its subtree: a mark says rows are hidden under it.
        let mark = if view.is_folded(code) { '▸' } else { ' ' };
        let name = format!("{:>3}{mark}{}", r + 1, sanitize::line(code));
        let name = cut(&name, usize::from(NAME_COLUMNS - 1));
        buf.set_stringn(name_x, y, &name, usize::from(NAME_COLUMNS - 1), role);
        for c in (view.left..columns).take(shown_cols) {
            if triangle && c > r {
                break;
            }
            let x = grid_x + u16::try_from(c - view.left).unwrap_or(0) * CELL_COLUMNS;
            let n = counts[r][c];
            let diagonal = triangle && c == r;
            let mut style = match (diagonal, heat(n, max)) {
                (true, _) => meta,
                (false, Some(role)) => panel.patch(theme.style(role)),
                (false, None) => meta,
            };
            if r == view.row && c == view.col {
                style = style.patch(theme.style(Role::Cursor));
            }
            let text = if n == 0 {
                "   ·".to_string()
            } else {
                format!("{n:>4}")
            };
            buf.set_stringn(x, y, &text, 4, style);
        }
    }
    said(view)
}

/// The status bar's words for the selected cell.
fn said(view: &Analysis) -> String {
    match view.tab {
        Tab::Cooccurrence => {
            let c = view.cooccurrence();
            match (c.codes.get(view.row), c.codes.get(view.col)) {
                (Some(a), Some(b)) if a == b => {
                    format!("{a}: {} segments", c.counts[view.row][view.col])
                }
                (Some(a), Some(b)) => {
                    format!(
                        "{a} with {b} ({}): {}",
                        view.col + 1,
                        c.counts[view.row][view.col]
                    )
                }
                _ => String::new(),
            }
        }
        _ => {
            let m = view.matrix();
            let title = view
                .library
                .as_ref()
                .and_then(|l| l.briefs.get(view.col))
                .map(|b| b.title.clone())
                .unwrap_or_default();
            match (m.codes.get(view.row), m.briefs.get(view.col)) {
                (Some(code), Some(brief)) => format!(
                    "{code} in {} {brief} \"{title}\": {}",
                    view.col + 1,
                    m.counts[view.row][view.col]
                ),
                _ => String::new(),
            }
        }
    }
}
