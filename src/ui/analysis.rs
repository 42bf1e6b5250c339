//! The analysis views: tabs on the first row; the matrix as a heat map of codes (rows) by
//! briefs (numbered columns), co-occurrence as a triangle of codes by codes, the timeline as
//! a bar chart; the drill-down list over them; a status bar naming the selected cell.

mod agreement;
mod grid;
mod segments;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::list_bar::{self, Right};
use crate::app::Hints;
use crate::app::analysis::{Analysis, Tab};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

/// The analysis view filling `area`.
#[derive(Debug, Clone, Copy)]
pub struct AnalysisView<'a> {
    /// What to draw.
    pub view: &'a Analysis,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl ratatui::widgets::Widget for AnalysisView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let AnalysisView { view, theme } = self;
        if area.width < 30 || area.height < 4 {
            super::too_small(area, theme, buf);
            return;
        }
        buf.set_style(area, theme.style(Role::Panel));
        tabs(view, theme, Rect { height: 1, ..area }, buf);
        let body = Rect {
            y: area.y + 1,
            height: area.height - 2,
            ..area
        };
        let left = match (&view.segments, view.library.is_some(), view.tab) {
            (_, false, _) => {
                let text = "reading the library…";
                buf.set_stringn(
                    body.x,
                    body.y,
                    text,
                    body.width.into(),
                    theme.style(Role::PanelMeta),
                );
                "reading…".to_string()
            }
            (Some(list), _, _) => segments::render(list, theme, body, buf),
            (None, true, Tab::Timeline) => timeline::render(view, theme, body, buf),
            (None, true, Tab::Agreement) => agreement::render(view, theme, body, buf),
            (None, true, _) => grid::render(view, theme, body, buf),
        };
        let (tag, left) = match &view.ask {
            Some(typed) => (" CODE ", typing(view, typed)),
            None => (tag(view.tab), left),
        };
        let right = match (view.status.shown(), &view.ask) {
            (Some(m), _) => Right::Message(m),
            (None, Some(_)) => Right::Hints(list_bar::hints(
                &view.hints,
                false,
                Mode::Prompt,
                &[
                    (Action::PromptComplete, "complete"),
                    (Action::PromptAccept, "show"),
                    (Action::PromptCancel, "cancel"),
                ],
            )),
            (None, None) => Right::Hints(hints(&view.hints, view)),
        };
        let bar = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        list_bar::render(theme, bar, buf, tag, &sanitize::line(&left), right);
    }
}

/// The status bar's words while the code filter is typed: the text and its completions.
fn typing(view: &Analysis, typed: &str) -> String {
    let all = view.completions();
    let shown: Vec<&str> = all.iter().take(5).copied().collect();
    let more = all.len().saturating_sub(shown.len());
    let mut text = format!("timeline of: {typed}▏  {}", shown.join("  "));
    if more > 0 {
        text.push_str(&format!("  +{more}"));
    }
    if all.is_empty() {
        text.push_str("no code matches");
    }
    text
}

/// The status bar's name of `tab`.
fn tag(tab: Tab) -> &'static str {
    {
        match tab {
            Tab::Matrix => " MATRIX ",
            Tab::Cooccurrence => " CO-OCCURRENCE ",
            Tab::Timeline => " TIMELINE ",
            Tab::Agreement => " AGREEMENT ",
        }
    }
}

/// The tab names, the one shown marked.
fn tabs(view: &Analysis, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut x = area.x;
    for tab in Tab::ALL {
        let role = if tab == view.tab {
            Role::StatusMode
        } else {
            Role::PanelMeta
        };
        let text = format!(" {} ", tab.name());
        let room = usize::from(area.right().saturating_sub(x));
        x = buf.set_stringn(x, area.y, &text, room, theme.style(role)).0 + 1;
    }
    let fold = view.fold_name();
    let room = usize::from(area.right().saturating_sub(x));
    // The co-occurrence tab says when highlights meet.
    let near = if view.tab == Tab::Cooccurrence {
        format!(" · {}", view.near_name())
    } else {
        String::new()
    };
    buf.set_stringn(
        x,
        area.y,
        format!(
            " codes {fold} · by {}{near}",
            sanitize::line(view.author_name())
        ),
        room,
        theme.style(Role::PanelMeta),
    );
}

/// The view's keys, named by the keymap in use.
fn hints(h: &Hints, view: &Analysis) -> String {
    let keys: &[(Action, &str)] = match (&view.segments, view.tab) {
        (Some(_), _) => &[(Action::Drill, "open"), (Action::Quit, "back")],
        (None, Tab::Timeline) => &[
            (Action::NextTab, "tab"),
            (Action::CyclePeriod, "period"),
            (Action::TypeCodeFilter, "code"),
            (Action::NextAuthor, "author"),
            (Action::Quit, "back"),
        ],
        (None, Tab::Agreement) => &[
            (Action::NextTab, "tab"),
            (Action::NextCoder, "coder 1"),
            (Action::NextOtherCoder, "coder 2"),
            (Action::Quit, "back"),
        ],
        (None, Tab::Cooccurrence) => &[
            (Action::NextTab, "tab"),
            (Action::Drill, "segments"),
            (Action::ToggleParagraph, "paragraph"),
            (Action::ToggleFold, "fold"),
            (Action::NextAuthor, "author"),
            (Action::Quit, "back"),
        ],
        (None, _) => &[
            (Action::NextTab, "tab"),
            (Action::Drill, "segments"),
            (Action::ToggleFoldHere, "fold"),
            (Action::ToggleFold, "all"),
            (Action::NextAuthor, "author"),
            (Action::Quit, "back"),
        ],
    };
    list_bar::hints(h, false, Mode::Analysis, keys)
}

/// The heat role of `count` on a scale up to `max`: thirds of it, none for zero.
pub fn heat(count: u32, max: u32) -> Option<Role> {
    if count == 0 || max == 0 {
        return None;
    }
    let level = (u64::from(count) * 3).div_ceil(u64::from(max));
    Some(match level {
        0 | 1 => Role::HeatLow,
        2 => Role::HeatMid,
        _ => Role::HeatHigh,
    })
}

#[cfg(test)]
mod tests;
