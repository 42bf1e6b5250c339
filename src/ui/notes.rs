//! The notes across the library: headings (a brief, or a tag) and under each its
//! annotations, one line each with the colour, the tags, the quote and the note; the selected
//! one marked; a status bar with the count, the filter and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::list_bar::{self, Right, cut};
use crate::annotation::Status;
use crate::app::Hints;
use crate::app::notes::{Line, Notes};
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
            super::too_small(area, theme, buf);
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
                        cut(heading, width),
                        width,
                        theme.style(Role::PanelTitle),
                    );
                }
                Line::Entry(i) => {
                    let note = &notes.rows[*i];
                    let selected = n == notes.selected;
                    let base = list_bar::row(theme, area, y, selected, buf);
                    let mut x = area.x + 2;
                    let mark = theme.style(Role::highlight(note.color));
                    x = buf.set_stringn(x, y, "■", 1, base.patch(mark)).0 + 1;
                    let tags: String = note.tags.iter().map(|t| format!("#{t} ")).collect();
                    let tags = sanitize::line(&tags).into_owned();
                    let room = width.saturating_sub(usize::from(x - area.x));
                    x = buf
                        .set_stringn(x, y, &tags, room, base.patch(theme.style(Role::PanelTag)))
                        .0;
                    if !note.author.is_empty() {
                        let by = format!("by {} ", sanitize::line(&note.author));
                        let room = width.saturating_sub(usize::from(x - area.x));
                        let meta = base.patch(theme.style(Role::PanelMeta));
                        x = buf.set_stringn(x, y, &by, room, meta).0;
                    }
                    let review = match note.status {
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
                            cut(&quote, room.min(60)),
                            room,
                            base.patch(theme.style(Role::PanelQuote)),
                        )
                        .0;
                    if let Some(first) = note.note.lines().next() {
                        let text = format!("  {}", sanitize::line(first));
                        let room = width.saturating_sub(usize::from(x - area.x));
                        buf.set_stringn(
                            x,
                            y,
                            cut(&text, room),
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

fn status_bar(notes: &Notes, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (tag, left) = if notes.typing {
        list_bar::typing(notes.filter.as_deref())
    } else {
        let reading = if notes.done { "" } else { ", reading…" };
        let by = if notes.by_tag { "tag" } else { "brief" };
        let filter = notes
            .filter
            .as_deref()
            .map(|f| format!(" matching {:?}", sanitize::line(f)))
            .unwrap_or_default();
        let (shown, all) = (notes.shown(), notes.rows.len());
        (
            " NOTES ",
            format!("{shown} of {all} annotations{filter}{reading} · by {by}"),
        )
    };
    let right = match notes.status.shown() {
        Some(m) => Right::Message(m),
        None => Right::Hints(hints(&notes.hints, notes.typing)),
    };
    list_bar::render(theme, area, buf, tag, &left, right);
}

/// The notes view's keys, named by the keymap in use.
fn hints(h: &Hints, typing: bool) -> String {
    let keys = [
        (Action::OpenBrief, "open"),
        (Action::Search, "filter"),
        (Action::ToggleGrouping, "by tag/brief"),
        (Action::Quit, "back"),
    ];
    list_bar::hints(h, typing, Mode::Notes, &keys)
}
