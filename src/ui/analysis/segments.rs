//! The drill-down list: the segments behind a cell, each with its brief, codes and text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::analysis::Segments;
use crate::sanitize;
use crate::theme::{Role, Theme};
use crate::ui::list_bar::cut;

/// Draws the list in `area` (its title first); what the status bar says.
pub fn render(list: &Segments, theme: &Theme, area: Rect, buf: &mut Buffer) -> String {
    let width = usize::from(area.width);
    let title = format!(
        "{}: {} segments",
        sanitize::line(&list.title),
        list.rows.len()
    );
    buf.set_stringn(
        area.x,
        area.y,
        cut(&title, width),
        width,
        theme.style(Role::PanelTitle),
    );
    let rows = usize::from(area.height.saturating_sub(1));
    for (n, found) in list.rows.iter().enumerate().skip(list.top).take(rows) {
        let y = area.y + 1 + u16::try_from(n - list.top).unwrap_or(0);
        let base = crate::ui::list_bar::row(theme, area, y, n == list.selected, buf);
        let name = cut(&sanitize::line(&found.name), 16);
        let x = buf
            .set_stringn(
                area.x + 1,
                y,
                &name,
                16,
                base.patch(theme.style(Role::PanelMeta)),
            )
            .0;
        let tags: Vec<String> = found
            .tags
            .iter()
            .map(|t| format!("#{}", sanitize::line(t)))
            .collect();
        let room = width.saturating_sub(usize::from(x - area.x) + 2);
        let x = buf
            .set_stringn(
                x + 2,
                y,
                cut(&tags.join(" "), room / 2),
                room / 2,
                base.patch(theme.style(Role::PanelTag)),
            )
            .0;
        let quote = sanitize::line(&found.quote.replace('\n', " ")).into_owned();
        let room = width.saturating_sub(usize::from(x - area.x) + 2);
        buf.set_stringn(
            x + 2,
            y,
            cut(&format!("“{quote}”"), room),
            room,
            base.patch(theme.style(Role::PanelQuote)),
        );
    }
    match list.rows.get(list.selected) {
        Some(f) if f.at.is_none() => "orphaned: opens at the brief's last place".into(),
        Some(f) => format!("{} of {} · {}", list.selected + 1, list.rows.len(), f.name),
        None => String::new(),
    }
}
