//! The agreement tab: the two coders picked, then a row per code with p_o and Cohen's kappa
//! ("—" where kappa is undefined), the numbers of `gloss analyse --view agreement`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::analysis::Analysis;
use crate::sanitize;
use crate::theme::{Role, Theme};
use crate::ui::list_bar::cut;

/// Columns the code names take.
const NAME: usize = 30;

/// Draws the table in `area` (a line naming the coders first); what the status bar says of
/// the selected code.
pub fn render(view: &Analysis, theme: &Theme, area: Rect, buf: &mut Buffer) -> String {
    let meta = theme.style(Role::PanelMeta);
    let width = usize::from(area.width);
    let Some((a, b)) = view.coder_names() else {
        let text = "Agreement needs two coders: no two authors have coded in this library";
        buf.set_stringn(area.x, area.y, text, width, meta);
        return "one coder".into();
    };
    let (a, b) = (sanitize::line(a), sanitize::line(b));
    let rows = &view.computed.agreement;
    let head = format!(
        "{:<NAME$} {:>9} {:>9}   coders {a} and {b}",
        "code", "agreement", "kappa"
    );
    buf.set_stringn(area.x, area.y, &head, width, meta);
    if rows.is_empty() {
        let text = format!("No brief has codes by both {a} and {b}");
        buf.set_stringn(area.x, area.y + 1, &text, width, meta);
        return "nothing both coded".into();
    }
    let panel = theme.style(Role::Panel);
    let selected = panel.patch(theme.style(Role::Selection));
    let shown = usize::from(area.height.saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(view.top).take(shown) {
        let y = area.y + 1 + u16::try_from(i - view.top).unwrap_or(0);
        let style = if i == view.row {
            selected
        } else {
            panel.patch(theme.style(Role::PanelTag))
        };
        let line = format!(
            "{:<NAME$} {:>9.4} {:>9}",
            cut(&sanitize::line(&row.code), NAME),
            row.agreement,
            kappa_text(row.kappa),
        );
        buf.set_stringn(area.x, y, &line, width, style);
    }
    match rows.get(view.row) {
        Some(r) => format!(
            "{}: p_o {:.4}, kappa {} ({a} and {b})",
            r.code,
            r.agreement,
            kappa_text(r.kappa)
        ),
        None => String::new(),
    }
}

/// Kappa to four places, or "—" where it is undefined.
pub(super) fn kappa_text(k: Option<f64>) -> String {
    k.map_or_else(|| "—".into(), |k| format!("{k:.4}"))
}
