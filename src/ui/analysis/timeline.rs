//! The timeline tab: coded segments per period as ratatui's bar chart, the periods on
//! screen from the first scrolled to, the selected bar in the heat map's top colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use crate::app::analysis::{Analysis, bar_columns};
use crate::sanitize;
use crate::theme::{Role, Theme};

/// Draws the chart in `area` (a line saying what it counts first); what the status bar says
/// of the selected period.
pub fn render(view: &Analysis, theme: &Theme, area: Rect, buf: &mut Buffer) -> String {
    let t = &view.computed.timeline;
    let code = view.code.as_deref().map_or_else(
        || "every code".to_string(),
        |c| sanitize::line(c).into_owned(),
    );
    let mut head = format!("coded segments per {} · {code}", view.by.name());
    if t.undated.briefs > 0 {
        head.push_str(&format!(
            " · no date: {} briefs, {} segments",
            t.undated.briefs, t.undated.segments
        ));
    }
    let meta = theme.style(Role::PanelMeta);
    buf.set_stringn(area.x, area.y, &head, area.width.into(), meta);
    if t.periods.is_empty() {
        let text = "No brief has a published date (front matter `published`)";
        buf.set_stringn(area.x, area.y + 1, text, area.width.into(), meta);
        return "no dates".into();
    }
    let bar = theme.style(Role::Panel).patch(theme.style(Role::ChartBar));
    let chosen = theme.style(Role::Panel).patch(theme.style(Role::HeatHigh));
    let bars: Vec<Bar> = t
        .periods
        .iter()
        .enumerate()
        .skip(view.left)
        .take(view.width())
        .map(|(i, b)| {
            let label = b.period.clone().unwrap_or_default();
            Bar::with_label(label, u64::from(b.segments))
                .style(if i == view.col { chosen } else { bar })
                .value_style(if i == view.col {
                    chosen
                } else {
                    bar.patch(theme.style(Role::Cursor))
                })
        })
        .collect();
    let width = bar_columns(view.by) - 1;
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .label_style(meta);
    let chart_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    chart.render(chart_area, buf);
    match t.periods.get(view.col) {
        Some(b) => format!(
            "{}: {} briefs, {} coded segments",
            b.period.as_deref().unwrap_or_default(),
            b.briefs,
            b.segments
        ),
        None => String::new(),
    }
}
