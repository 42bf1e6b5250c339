//! The status bar: mode, title, search prompt or message, key hints and position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::app::{Level, PromptKind, State};
use crate::input::Mode;
use crate::sanitize;
use crate::theme::{Role, Theme};

const HINTS: &str = "? help  / search  v select  Tab notes  q quit";
const VISUAL_HINTS: &str = "1-5 colour  Enter highlight  a note  Esc cancel";
const PANEL_HINTS: &str = "j/k move  Enter jump  a note  t tags  d delete  f filter";
const NOTE_HINTS: &str = "Esc saves and closes";
const SHORT_HINT: &str = "? help";
const SEARCH_HINTS: &str = "Enter accept  Esc cancel";

pub fn render(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.style(Role::Status));
    let width = usize::from(area.width);
    let title = || sanitize::line(state.title()).into_owned();
    let (tag, left) = match (state.mode, &state.prompt) {
        (Mode::Prompt, Some(prompt)) => {
            let query = sanitize::line(&prompt.query);
            match prompt.kind {
                PromptKind::Search => (" SEARCH ", format!("/{query}")),
                PromptKind::Tags(_) => (" TAGS ", format!("tags: {query}")),
                PromptKind::Filter => (" FILTER ", format!("colour or tag: {query}")),
                PromptKind::Percent => (" GO TO ", format!("{query}%")),
            }
        }
        (Mode::Help, _) => (" HELP ", title()),
        (Mode::Visual, _) => (" VISUAL ", title()),
        (Mode::Panel, _) => (" PANEL ", title()),
        (Mode::Note, _) => (" NOTE ", title()),
        _ => (" READ ", title()),
    };
    let position = position(state);
    let (right, right_role) = right_text(state);
    let avail = width.saturating_sub(tag.width() + position.width() + 1);
    let right = fit_right(&right, right_role, avail, left.width());
    let left_room = avail.saturating_sub(right.width() + 1);

    let x = buf
        .set_stringn(area.x, area.y, tag, width, theme.style(Role::StatusMode))
        .0;
    let x = buf
        .set_stringn(
            x + 1,
            area.y,
            shorten(&left, left_room),
            left_room,
            theme.style(Role::Status),
        )
        .0;
    if state.mode == Mode::Prompt && x < area.right() {
        let caret = theme.style(Role::Status).patch(theme.style(Role::Cursor));
        buf.set_stringn(x, area.y, " ", 1, caret);
    }
    let used = right.width() + position.width();
    let right_x = area
        .right()
        .saturating_sub(u16::try_from(used).unwrap_or(u16::MAX));
    if right_x >= x {
        let x = buf
            .set_stringn(
                right_x,
                area.y,
                &right,
                right.width(),
                theme.style(right_role),
            )
            .0;
        buf.set_stringn(
            x,
            area.y,
            &position,
            position.width(),
            theme.style(Role::Status),
        );
    }
}

/// Where the view is, and how far reading the brief or placing its annotations has got.
fn position(state: &State) -> String {
    let percent = state.percent();
    if state.running.is_some() && state.mode != Mode::Prompt {
        return format!(" {percent:>3}% · searching (Esc stops) ");
    }
    if let Some(loading) = &state.loading {
        if state.tail.is_some() {
            return format!(" end, shown early · reading {}% ", loading.percent());
        }
        if let Some(byte) = loading.go_to {
            let wanted = byte * 100 / loading.total.max(1);
            return format!(" going to {wanted}% · reading {}% ", loading.percent());
        }
        return format!(" {percent:>3}% · reading {}% ", loading.percent());
    }
    if let Some(progress) = &state.placing {
        let (done, all) = (progress.done, progress.all);
        return format!(" {percent:>3}% · placing {done}/{all} ");
    }
    format!(" {percent:>3}% ")
}

/// The right-hand text cut to fit: key hints give way to the title (and shrink to `? help`),
/// messages take what they need and leave the title at least a little room.
fn fit_right(text: &str, role: Role, avail: usize, title_width: usize) -> String {
    const TITLE_MIN: usize = 12;
    if role == Role::StatusHint {
        let title_room = title_width.min(16);
        return [text, SHORT_HINT]
            .into_iter()
            .find(|h| h.width() + 2 + title_room <= avail)
            .map_or_else(String::new, |h| format!("{h} "));
    }
    let room = avail
        .saturating_sub(TITLE_MIN.min(title_width))
        .max(avail / 2);
    format!("{} ", shorten(text, room.saturating_sub(1)))
}

fn right_text(state: &State) -> (String, Role) {
    if let (Mode::Prompt, Some(prompt)) = (state.mode, &state.prompt) {
        return match prompt.kind {
            PromptKind::Search if state.running.is_some() => {
                ("searching… Esc stops".into(), Role::StatusHint)
            }
            PromptKind::Search if !prompt.query.is_empty() && !prompt.found => {
                ("no match".into(), Role::StatusError)
            }
            PromptKind::Search => (SEARCH_HINTS.into(), Role::StatusHint),
            PromptKind::Tags(_) => {
                let options = state.completions();
                if options.is_empty() {
                    ("Enter saves  comma separates".into(), Role::StatusHint)
                } else {
                    (
                        format!("Tab: {}", sanitize::line(&options.join(" · "))),
                        Role::StatusHint,
                    )
                }
            }
            PromptKind::Percent => ("0-100, Enter goes there".into(), Role::StatusHint),
            PromptKind::Filter => (
                "yellow green blue red purple, or a tag".into(),
                Role::StatusHint,
            ),
        };
    }
    match state.status.shown() {
        Some(m) => (
            match state.status.waiting() {
                0 => m.text.clone(),
                n => format!("{} (+{n})", m.text),
            },
            match m.level {
                Level::Info => Role::Status,
                Level::Warning => Role::StatusWarning,
                Level::Error => Role::StatusError,
            },
        ),
        None if state.geometry().panel_hidden => {
            ("notes panel hidden: too narrow".into(), Role::StatusWarning)
        }
        None => (
            match state.mode {
                Mode::Visual => VISUAL_HINTS,
                Mode::Panel => PANEL_HINTS,
                Mode::Note => NOTE_HINTS,
                _ => HINTS,
            }
            .into(),
            Role::StatusHint,
        ),
    }
}

/// `s` cut to `room` columns with an ellipsis.
fn shorten(s: &str, room: usize) -> String {
    if s.width() <= room {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > room {
            break;
        }
        out.push(c);
    }
    if room > 0 {
        out.push('…');
    }
    out
}
