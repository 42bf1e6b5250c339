//! What the list views (the library, the notes, the search, the codebook) share on screen:
//! text cut to a width, a row painted and marked when selected, and a
//! status bar with the view's tag, what it shows, and on the right a message, a problem or
//! the view's keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::{Hints, Level, Message};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

/// `s` cut to `width` columns, with an ellipsis when it was longer.
pub fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` cut or padded to exactly `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let mut out = cut(s, width);
    let used = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Paints row `y` of a list in `area` (marked when `selected`) and gives the style its
/// text is drawn on.
pub fn row(theme: &Theme, area: Rect, y: u16, selected: bool, buf: &mut Buffer) -> Style {
    let base = if selected {
        theme
            .style(Role::Panel)
            .patch(theme.style(Role::PanelNoteSelected))
    } else {
        theme.style(Role::Panel)
    };
    buf.set_style(
        Rect {
            y,
            height: 1,
            ..area
        },
        base,
    );
    base
}

/// What the right of the bar says.
pub enum Right<'a> {
    /// A message of the view's.
    Message(&'a Message),
    /// A warning about the selected row.
    Problem(String),
    /// The view's keys.
    Hints(String),
}

/// The bar: `tag` (` LIBRARY `), `left` (the view's state), and `right`. A message or a
/// problem may take all but a little of the bar; key hints half of it.
pub fn render(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    tag: &str,
    left: &str,
    right: Right<'_>,
) {
    buf.set_style(area, theme.style(Role::Status));
    let width = usize::from(area.width);
    let x = buf
        .set_stringn(area.x, area.y, tag, width, theme.style(Role::StatusMode))
        .0;
    let room = width.saturating_sub(usize::from(x - area.x) + 1);
    let (right, role) = match right {
        Right::Message(m) => (
            m.text.clone(),
            match m.level {
                Level::Info => Role::Status,
                Level::Warning => Role::StatusWarning,
                Level::Error => Role::StatusError,
            },
        ),
        Right::Problem(problem) => (problem, Role::StatusWarning),
        Right::Hints(hints) => (hints, Role::StatusHint),
    };
    let share = if role == Role::StatusHint {
        room / 2
    } else {
        room.saturating_sub(12)
    };
    let right = cut(&right, share);
    let left_room = room.saturating_sub(right.width() + 1);
    let x = buf
        .set_stringn(
            x + 1,
            area.y,
            cut(left, left_room),
            left_room,
            theme.style(Role::Status),
        )
        .0;
    let right_x = area
        .right()
        .saturating_sub(u16::try_from(right.width()).unwrap_or(u16::MAX));
    if right_x > x {
        let style = theme.style(Role::Status).patch(theme.style(role));
        buf.set_stringn(
            right_x,
            area.y,
            &right,
            usize::from(area.right() - right_x),
            style,
        );
    }
}

/// The bar's tag and text while a filter is typed.
pub fn typing(filter: Option<&str>) -> (&'static str, String) {
    let typed = sanitize::line(filter.unwrap_or_default()).into_owned();
    (" FILTER ", format!("/{typed}"))
}

/// The view's keys, named by the keymap in use: `keys` of `mode`, or while a filter is typed
/// how to keep or clear it.
pub fn hints(h: &Hints, typing: bool, mode: Mode, keys: &[(Action, &str)]) -> String {
    let key = |mode, action| h.get(mode, action).map(str::to_string);
    if typing {
        return Hints::line(&[
            (key(Mode::Prompt, Action::PromptAccept), "keep"),
            (key(Mode::Prompt, Action::PromptCancel), "clear"),
        ]);
    }
    let keys: Vec<(Option<String>, &str)> = keys
        .iter()
        .map(|&(action, what)| (key(mode, action), what))
        .collect();
    Hints::line(&keys)
}
