//! The status bar: mode, title, search prompt or message, the codes under the caret or key
//! hints, and position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::app::{Hints, Layer, Level, PromptKind, Reader};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

pub fn render(state: &Reader, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.style(Role::Status));
    let width = usize::from(area.width);
    let title = || sanitize::line(state.title()).into_owned();
    let (tag, left) = match &state.layer {
        Layer::Prompt(prompt) => {
            let query = sanitize::line(&prompt.query);
            match prompt.kind {
                PromptKind::Search => (" SEARCH ", format!("/{query}")),
                PromptKind::Tags(_) => (" TAGS ", format!("tags: {query}")),
                PromptKind::Filter => (" FILTER ", format!("colour or tag: {query}")),
                PromptKind::Percent => (" GO TO ", format!("{query}%")),
            }
        }
        Layer::Help(_) => (" HELP ", title()),
        Layer::Visual(_) => (" VISUAL ", title()),
        Layer::Panel => (" PANEL ", title()),
        Layer::Note(_) => (" NOTE ", title()),
        Layer::Text => (" READ ", title()),
    };
    let position = position(state);
    let (right, right_role) = right_text(state);
    let avail = width.saturating_sub(tag.width() + position.width() + 1);
    let short = short_hint(&state.hints);
    let right = fit_right(&right, &short, right_role, avail, left.width());
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
    if state.mode() == Mode::Prompt && x < area.right() {
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
fn position(state: &Reader) -> String {
    let percent = state.percent();
    if state.running.is_some() && state.mode() != Mode::Prompt {
        return match state.hints.get(state.mode(), Action::StopSearch) {
            Some(stop) => format!(" {percent:>3}% · searching ({stop} stops) "),
            None => format!(" {percent:>3}% · searching "),
        };
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
    if let Some(progress) = &state.placing() {
        let (done, all) = (progress.done, progress.all);
        return format!(" {percent:>3}% · placing {done}/{all} ");
    }
    format!(" {percent:>3}% ")
}

/// The right-hand text cut to fit: key hints give way to the title (and shrink to `short`),
/// messages take what they need and leave the title at least a little room.
fn fit_right(text: &str, short: &str, role: Role, avail: usize, title_width: usize) -> String {
    const TITLE_MIN: usize = 12;
    if role == Role::StatusHint {
        let title_room = title_width.min(16);
        return [text, short]
            .into_iter()
            .filter(|h| !h.is_empty())
            .find(|h| h.width() + 2 + title_room <= avail)
            .map_or_else(String::new, |h| format!("{h} "));
    }
    let room = avail
        .saturating_sub(TITLE_MIN.min(title_width))
        .max(avail / 2);
    format!("{} ", shorten(text, room.saturating_sub(1)))
}

fn right_text(state: &Reader) -> (String, Role) {
    if let Layer::Prompt(prompt) = &state.layer {
        let key = |action| state.hints.get(Mode::Prompt, action);
        let accept = key(Action::PromptAccept);
        return match prompt.kind {
            PromptKind::Search if state.running.is_some() => (
                key(Action::PromptCancel).map_or_else(
                    || "searching…".into(),
                    |stop| format!("searching… {stop} stops"),
                ),
                Role::StatusHint,
            ),
            PromptKind::Search if !prompt.query.is_empty() && !prompt.found => {
                ("no match".into(), Role::StatusError)
            }
            PromptKind::Search => (
                Hints::line(&[
                    (accept.map(Into::into), "accept"),
                    (key(Action::PromptCancel).map(Into::into), "cancel"),
                ]),
                Role::StatusHint,
            ),
            PromptKind::Tags(_) => {
                let options = state.completions();
                match key(Action::PromptComplete) {
                    Some(complete) if !options.is_empty() => (
                        format!("{complete}: {}", sanitize::line(&options.join(" · "))),
                        Role::StatusHint,
                    ),
                    _ => (
                        accept.map_or_else(
                            || "comma separates".into(),
                            |accept| format!("{accept} saves  comma separates"),
                        ),
                        Role::StatusHint,
                    ),
                }
            }
            PromptKind::Percent => (
                accept.map_or_else(
                    || "0-100".into(),
                    |accept| format!("0-100, {accept} goes there"),
                ),
                Role::StatusHint,
            ),
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
                // In front, where cutting a long message to the bar's width cannot hide it.
                n => format!("[+{n}] {}", m.text),
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
        None => match codes_under_caret(state) {
            Some(codes) => (codes, Role::Status),
            None => (key_hints(state), Role::StatusHint),
        },
    }
}

/// While reading, the codes (tags) of the highlights under the caret, innermost first and
/// each once: `codes: frame/conflict · actor`; `None` when the caret is on none.
fn codes_under_caret(state: &Reader) -> Option<String> {
    if !matches!(state.layer, Layer::Text) {
        return None;
    }
    let mut codes: Vec<&str> = Vec::new();
    for a in state.under_cursor() {
        for tag in &a.tags {
            if !codes.contains(&tag.as_str()) {
                codes.push(tag);
            }
        }
    }
    (!codes.is_empty()).then(|| format!("codes: {}", sanitize::line(&codes.join(" · "))))
}

/// What the main keys of the mode do, named by the keymap in use.
fn key_hints(state: &Reader) -> String {
    let h = &state.hints;
    let key = |mode, action| h.get(mode, action).map(str::to_string);
    match state.mode() {
        Mode::Visual => Hints::line(&[
            (h.colours(), "colour"),
            (key(Mode::Visual, Action::Highlight), "highlight"),
            (key(Mode::Visual, Action::HighlightWithNote), "note"),
            (key(Mode::Visual, Action::SelectCancel), "cancel"),
        ]),
        Mode::Panel => Hints::line(&[
            (
                h.pair(Mode::Panel, Action::PanelDown, Action::PanelUp),
                "move",
            ),
            (key(Mode::Panel, Action::PanelJump), "jump"),
            (key(Mode::Panel, Action::EditNote), "note"),
            (key(Mode::Panel, Action::EditTags), "tags"),
            (key(Mode::Panel, Action::DeleteHighlight), "delete"),
            (key(Mode::Panel, Action::PanelFilter), "filter"),
        ]),
        Mode::Note => Hints::line(&[(key(Mode::Note, Action::CloseEditor), "saves and closes")]),
        _ => Hints::line(&[
            (key(Mode::Normal, Action::Help), "help"),
            (key(Mode::Normal, Action::Search), "search"),
            (key(Mode::Normal, Action::SelectStart), "select"),
            (key(Mode::Normal, Action::TogglePanel), "notes"),
            (key(Mode::Normal, Action::Quit), "quit"),
        ]),
    }
}

/// The hint left when the others do not fit: `? help`.
fn short_hint(hints: &Hints) -> String {
    Hints::line(&[(
        hints.get(Mode::Normal, Action::Help).map(Into::into),
        "help",
    )])
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
