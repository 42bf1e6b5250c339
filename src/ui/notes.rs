//! The notes across the library: headings (a brief, or a tag) and under each its
//! annotations, one line each with the colour, the tags, the quote and the note; the selected
//! one marked; a status bar with the count, the filter and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::annotation::Status;
use crate::app::notes::{Line, Notes};
use crate::app::{Hints, Level};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

/// The notes view filling `area`.
#[derive(Debug, Clone, Copy)]
pub struct NotesView<'a> {
    /// What to draw.
    pub notes: &'a Notes,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl ratatui::widgets::Widget for NotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let NotesView { notes, theme } = self;
        if area.width < 20 || area.height < 2 {
            let style = theme.style(Role::Notice);
            buf.set_stringn(
                area.x,
                area.y,
                "terminal too small",
                usize::from(area.width),
                style,
            );
            return;
        }
        buf.set_style(area, theme.style(Role::Panel));
        let width = usize::from(area.width);
        let rows = usize::from(area.height - 1);
        for (n, line) in notes.lines.iter().enumerate().skip(notes.top).take(rows) {
            let y = area.y + u16::try_from(n - notes.top).unwrap_or(0);
            match line {
                Line::Group(heading) => {
                    buf.set_stringn(
                        area.x,
                        y,
                        fit(heading, width),
                        width,
                        theme.style(Role::PanelTitle),
                    );
                }
                Line::Entry(i) => {
                    let note = &notes.rows[*i];
                    let a = &note.annotation;
                    let selected = n == notes.selected;
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
                    let mut x = area.x + 2;
                    let mark = theme.style(Role::highlight(a.color));
                    x = buf.set_stringn(x, y, "■", 1, base.patch(mark)).0 + 1;
                    let tags: String = a.tags.iter().map(|t| format!("#{t} ")).collect();
                    let tags = sanitize::line(&tags).into_owned();
                    let room = width.saturating_sub(usize::from(x - area.x));
                    x = buf
                        .set_stringn(x, y, &tags, room, base.patch(theme.style(Role::PanelTag)))
                        .0;
                    let review = match a.status {
                        Status::Fuzzy => "review ",
                        Status::Orphaned => "orphaned ",
                        _ => "",
                    };
                    let room = width.saturating_sub(usize::from(x - area.x));
                    x = buf
                        .set_stringn(
                            x,
                            y,
                            review,
                            room,
                            base.patch(theme.style(Role::PanelReview)),
                        )
                        .0;
                    let quote = format!("“{}”", sanitize::line(&note.quote.replace('\n', " ")));
                    let room = width.saturating_sub(usize::from(x - area.x));
                    x = buf
                        .set_stringn(
                            x,
                            y,
                            fit(&quote, room.min(60)),
                            room,
                            base.patch(theme.style(Role::PanelQuote)),
                        )
                        .0;
                    if let Some(first) = a.note.lines().next() {
                        let text = format!("  {}", sanitize::line(first));
                        let room = width.saturating_sub(usize::from(x - area.x));
                        buf.set_stringn(
                            x,
                            y,
                            fit(&text, room),
                            room,
                            base.patch(theme.style(Role::PanelNote)),
                        );
                    }
                }
            }
        }
        status_bar(
            notes,
            theme,
            Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// `s` cut to `width` columns, with an ellipsis when it was longer.
fn fit(s: &str, width: usize) -> String {
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

fn status_bar(notes: &Notes, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.style(Role::Status));
    let width = usize::from(area.width);
    let (tag, left) = if notes.typing {
        (
            " FILTER ",
            format!(
                "/{}",
                sanitize::line(notes.filter.as_deref().unwrap_or_default())
            ),
        )
    } else {
        let reading = if notes.done { "" } else { ", reading…" };
        let by = if notes.by_tag { "tag" } else { "brief" };
        let filter = notes
            .filter
            .as_deref()
            .map(|f| format!(" matching {:?}", sanitize::line(f)))
            .unwrap_or_default();
        (
            " NOTES ",
            format!(
                "{} of {} annotations{filter}{reading} · by {by}",
                notes.shown(),
                notes.rows.len()
            ),
        )
    };
    let x = buf
        .set_stringn(area.x, area.y, tag, width, theme.style(Role::StatusMode))
        .0;
    let room = width.saturating_sub(usize::from(x - area.x) + 1);
    let (right, role) = match notes.status.shown() {
        Some(m) => (
            m.text.clone(),
            match m.level {
                Level::Info => Role::Status,
                Level::Warning => Role::StatusWarning,
                Level::Error => Role::StatusError,
            },
        ),
        None => (hints(&notes.hints, notes.typing), Role::StatusHint),
    };
    let share = if role == Role::StatusHint {
        room / 2
    } else {
        room.saturating_sub(12)
    };
    let right = fit(&right, share);
    let left_room = room.saturating_sub(right.width() + 1);
    let x = buf
        .set_stringn(
            x + 1,
            area.y,
            fit(&left, left_room),
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

/// The notes view's keys, named by the keymap in use.
fn hints(h: &Hints, typing: bool) -> String {
    let key = |mode, action| h.get(mode, action).map(str::to_string);
    if typing {
        return Hints::line(&[
            (key(Mode::Prompt, Action::PromptAccept), "keep"),
            (key(Mode::Prompt, Action::PromptCancel), "clear"),
        ]);
    }
    Hints::line(&[
        (key(Mode::Notes, Action::OpenBrief), "open"),
        (key(Mode::Notes, Action::Search), "filter"),
        (key(Mode::Notes, Action::ToggleGrouping), "by tag/brief"),
        (key(Mode::Notes, Action::Quit), "back"),
    ])
}
