//! Search across the library: a heading per brief with its count, and under it a line per
//! hit (where it is, and the context with the match marked); the selected one marked; a
//! status bar with the query, the counts and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::list_bar::{self, Right, cut};
use crate::app::Hints;
use crate::app::hits::{Hits, Line};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::store::search::{Hit, Kind};
use crate::theme::{Role, Theme};

/// The search view filling `area`.
#[derive(Debug, Clone, Copy)]
pub struct HitsView<'a> {
    /// What to draw.
    pub hits: &'a Hits,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl ratatui::widgets::Widget for HitsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let HitsView { hits, theme } = self;
        if area.width < 20 || area.height < 2 {
            super::too_small(area, theme, buf);
            return;
        }
        buf.set_style(area, theme.style(Role::Panel));
        let width = usize::from(area.width);
        let rows = usize::from(area.height - 1);
        for (n, line) in hits.lines.iter().enumerate().skip(hits.top).take(rows) {
            let y = area.y + u16::try_from(n - hits.top).unwrap_or(0);
            match *line {
                Line::Brief(b) => {
                    // The count stays whole; the name and title are cut to leave it room.
                    let f = &hits.found[b];
                    let count = if f.total > f.hits.len() {
                        format!(" ({}, first {} listed)", f.total, f.hits.len())
                    } else {
                        format!(" ({})", f.total)
                    };
                    let heading = format!("{} — {}", f.name, f.title);
                    let heading = sanitize::line(&heading).into_owned();
                    let room = width.saturating_sub(count.len());
                    let style = theme.style(Role::PanelTitle);
                    let x = buf
                        .set_stringn(area.x, y, cut(&heading, room), room, style)
                        .0;
                    buf.set_stringn(x, y, &count, width.saturating_sub(room), style);
                }
                Line::Hit(b, h) => {
                    let hit = &hits.found[b].hits[h];
                    let base = list_bar::row(theme, area, y, n == hits.selected, buf);
                    let kind = match hit.kind {
                        Kind::Text => "     ",
                        Kind::Quote => "quote",
                        Kind::Note => "note ",
                        Kind::Tag => "tag  ",
                    };
                    let x = buf
                        .set_stringn(
                            area.x + 2,
                            y,
                            kind,
                            width.saturating_sub(2),
                            base.patch(theme.style(Role::PanelTag)),
                        )
                        .0;
                    context(hit, (x + 1, y), area.right(), base, theme, buf);
                }
            }
        }
        status_bar(
            hits,
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

/// The hit's context from `at` up to `right`: the match in the search-match colours, the
/// rest plain.
fn context(
    hit: &Hit,
    at: (u16, u16),
    right: u16,
    base: ratatui::style::Style,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let (mut x, y) = at;
    let text = hit.context.as_str();
    let marked = hit.marked.clone();
    let (before, matched, after) = match (
        text.get(..marked.start),
        text.get(marked.clone()),
        text.get(marked.end..),
    ) {
        (Some(b), Some(m), Some(a)) => (b, m, a),
        _ => (text, "", ""),
    };
    let hit = matched;
    let matched = base.patch(theme.style(Role::SearchMatch));
    for (part, style) in [(before, base), (hit, matched), (after, base)] {
        let room = usize::from(right.saturating_sub(x));
        if room == 0 {
            return;
        }
        let part = cut(part, room);
        x = buf.set_stringn(x, y, &part, room, style).0;
        if part.width() == room {
            return;
        }
    }
}

fn status_bar(hits: &Hits, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (tag, left) = if hits.typing {
        (" SEARCH ", format!("/{}", sanitize::line(&hits.query)))
    } else {
        let query = sanitize::line(hits.searched.as_deref().unwrap_or_default()).into_owned();
        let (count, briefs) = (hits.count(), hits.found.len());
        let progress = match hits.done {
            Some(stats) => format!(" · {} briefs searched", stats.briefs),
            None => ", searching…".to_string(),
        };
        (
            " SEARCH ",
            format!("{query:?}: {count} hits in {briefs} briefs{progress}"),
        )
    };
    let right = match hits.status.shown() {
        Some(m) => Right::Message(m),
        None => Right::Hints(hints(&hits.hints, hits.typing)),
    };
    list_bar::render(theme, area, buf, tag, &left, right);
}

/// The search view's keys, named by the keymap in use.
fn hints(h: &Hints, typing: bool) -> String {
    let key = |mode, action| h.get(mode, action).map(str::to_string);
    if typing {
        return Hints::line(&[
            (key(Mode::Prompt, Action::PromptAccept), "search"),
            (key(Mode::Prompt, Action::PromptCancel), "cancel"),
        ]);
    }
    let keys = [
        (Action::OpenBrief, "open"),
        (Action::Search, "new search"),
        (Action::Quit, "back"),
    ];
    list_bar::hints(h, false, Mode::Search, &keys)
}
