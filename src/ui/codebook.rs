//! The codebook view: the tree of codes (indented by depth, a colour mark, the name, the
//! counts and the description), then the uncoded tags under a heading; the selected line
//! marked; the selected code's memo under the list, and its editor over it; a status bar
//! with the counts or the prompt, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget as _};

use super::list_bar::{self, Right, cut};
use crate::annotation::tally::Count;
use crate::app::Hints;
use crate::app::codebook::{Ask, Codes, Line, MemoEditor};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::theme::{Role, Theme};

/// The codebook view filling `area`.
#[derive(Debug, Clone, Copy)]
pub struct CodebookView<'a> {
    /// What to draw.
    pub codes: &'a Codes,
    /// How to colour it.
    pub theme: &'a Theme,
}

/// Columns kept for a name before the counts.
const NAME_COLUMNS: usize = 28;

impl ratatui::widgets::Widget for CodebookView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let CodebookView { codes, theme } = self;
        if area.width < 20 || area.height < 2 {
            super::too_small(area, theme, buf);
            return;
        }
        buf.set_style(area, theme.style(Role::Panel));
        let width = usize::from(area.width);
        let memo_rows = codes.memo_rows();
        let rows = usize::from(area.height - 1).saturating_sub(memo_rows);
        let hint = codes.hints.key(Mode::Codebook, Action::AddCode).to_string();
        for (n, line) in codes.lines.iter().enumerate().skip(codes.top).take(rows) {
            let y = area.y + u16::try_from(n - codes.top).unwrap_or(0);
            let base = super::list_bar::row(theme, area, y, n == codes.selected, buf);
            let mut put = |x: u16, text: &str, style: Style| -> u16 {
                let room = width.saturating_sub(usize::from(x - area.x));
                buf.set_stringn(x, y, cut(text, room), room, base.patch(style))
                    .0
            };
            match line {
                Line::Code(row) => {
                    let indent = 2 * row.depth;
                    let x = area.x + u16::try_from(indent + 1).unwrap_or(0);
                    let x = match row.color {
                        Some(color) => put(x, "■", theme.style(Role::highlight(color))) + 1,
                        None => x + 2,
                    };
                    let role = if row.is_code {
                        Role::PanelTag
                    } else {
                        Role::PanelTitle
                    };
                    let name = sanitize::line(row.leaf()).into_owned();
                    let room = NAME_COLUMNS.saturating_sub(indent + 2).max(4);
                    put(x, &cut(&name, room), theme.style(role));
                    let x = area.x + u16::try_from(NAME_COLUMNS + 2).unwrap_or(0);
                    let x = put(x, &counts(row.count), theme.style(Role::PanelMeta));
                    if let Some(first) = row.description.lines().next() {
                        let text = format!("  {}", sanitize::line(first));
                        put(x, &text, theme.style(Role::PanelNote));
                    }
                }
                Line::Uncoded => {
                    let text = format!("Uncoded tags ({hint} adds one as a code)");
                    put(area.x, &text, theme.style(Role::PanelTitle));
                }
                Line::Memos => {
                    put(
                        area.x,
                        "Memos of the library",
                        theme.style(Role::PanelTitle),
                    );
                }
                Line::Memo(title, text) => {
                    let title = sanitize::line(title).into_owned();
                    put(
                        area.x + 3,
                        &cut(&title, NAME_COLUMNS - 3),
                        theme.style(Role::PanelNote),
                    );
                    if let Some(first) = text.lines().next() {
                        let x = area.x + u16::try_from(NAME_COLUMNS + 2).unwrap_or(0);
                        let first = sanitize::line(first).into_owned();
                        put(x, &first, theme.style(Role::PanelMeta));
                    }
                }
                Line::Tag(tag, count) => {
                    let name = format!("#{}", sanitize::line(tag));
                    put(
                        area.x + 3,
                        &cut(&name, NAME_COLUMNS - 3),
                        theme.style(Role::PanelReview),
                    );
                    let x = area.x + u16::try_from(NAME_COLUMNS + 2).unwrap_or(0);
                    put(x, &counts(*count), theme.style(Role::PanelMeta));
                }
            }
        }
        if codes.lines.is_empty() && codes.loaded {
            let text = "No codes and no tags yet: tag highlights in a brief, or add a code";
            buf.set_stringn(
                area.x,
                area.y,
                cut(text, width),
                width,
                theme.style(Role::PanelMeta),
            );
        }
        if let (Some(memo), true) = (codes.selected_memo(), memo_rows > 0) {
            let y = area.y + u16::try_from(rows).unwrap_or(0);
            let rule = format!("── memo {}", "─".repeat(width.saturating_sub(8)));
            buf.set_stringn(area.x, y, &rule, width, theme.style(Role::PanelMeta));
            for (n, line) in memo.lines().take(memo_rows - 1).enumerate() {
                let y = y + 1 + u16::try_from(n).unwrap_or(0);
                let text = format!(" {}", sanitize::line(line));
                buf.set_stringn(
                    area.x,
                    y,
                    cut(&text, width),
                    width,
                    theme.style(Role::PanelNote),
                );
            }
        }
        if let Some(editor) = &codes.memo {
            memo_editor(codes, editor, theme, area, buf);
        }
        status_bar(
            codes,
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

/// The memo editor as a bordered popup over the view, as the reader's note editor.
fn memo_editor(codes: &Codes, editor: &MemoEditor, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2).min(14);
    if width < 10 || height < 3 {
        return;
    }
    let popup = super::centered(area, width, height);
    let saves = codes
        .hints
        .get(Mode::Note, Action::CloseEditor)
        .map_or_else(String::new, |k| format!(" ({k} saves)"));
    let title = format!(" Memo on {}{saves} ", sanitize::line(editor.name()));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::EditorBorder))
        .title(title)
        .style(theme.style(Role::Editor));
    let mut text = editor.area.clone();
    text.set_style(theme.style(Role::Editor));
    text.set_cursor_style(theme.style(Role::Editor).patch(theme.style(Role::Cursor)));
    text.set_cursor_line_style(Style::default());
    text.set_block(block);
    Clear.render(popup, buf);
    (&text).render(popup, buf);
}

fn counts(count: Count) -> String {
    format!("{:>5} ann. {:>4} briefs", count.annotations, count.briefs)
}

fn status_bar(codes: &Codes, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let typed = |t: &str| sanitize::line(t).into_owned();
    if codes.memo.is_some() {
        let right = match codes.status.shown() {
            Some(m) => Right::Message(m),
            None => Right::Hints(Hints::line(&[(
                codes
                    .hints
                    .get(Mode::Note, Action::CloseEditor)
                    .map(Into::into),
                "saves and closes",
            )])),
        };
        list_bar::render(theme, area, buf, " MEMO ", "", right);
        return;
    }
    let (tag, left) = match &codes.ask {
        Some(Ask::Add(text)) => (" ADD CODE ", format!("{}▏", typed(text))),
        Some(Ask::MemoTitle(text)) => (" NEW MEMO ", format!("title: {}▏", typed(text))),
        Some(Ask::Rename { code, text }) => {
            (" RENAME ", format!("{} → {}▏", typed(code), typed(text)))
        }
        Some(Ask::Merge { code, text }) => {
            (" MERGE ", format!("{} into {}▏", typed(code), typed(text)))
        }
        Some(Ask::Delete { code, count }) => (
            " DELETE ",
            format!(
                "{}: takes it off {} annotations in {} briefs",
                typed(code),
                count.annotations,
                count.briefs
            ),
        ),
        None => {
            let coded = codes
                .lines
                .iter()
                .filter(|l| matches!(l, Line::Code(r) if r.is_code))
                .count();
            let loose = codes
                .lines
                .iter()
                .filter(|l| matches!(l, Line::Tag(..)))
                .count();
            let doing = if !codes.loaded {
                ", reading…"
            } else if codes.busy {
                ", changing…"
            } else {
                ""
            };
            (
                " CODEBOOK ",
                format!("{coded} codes · {loose} uncoded tags{doing}"),
            )
        }
    };
    let right = match codes.status.shown() {
        Some(m) => Right::Message(m),
        None => Right::Hints(hints(&codes.hints, codes.ask.as_ref())),
    };
    list_bar::render(theme, area, buf, tag, &left, right);
}

/// The view's keys, named by the keymap in use.
fn hints(h: &Hints, ask: Option<&Ask>) -> String {
    let key = |mode, action| h.get(mode, action).map(str::to_string);
    match ask {
        Some(Ask::Delete { .. }) => Hints::line(&[
            (key(Mode::Prompt, Action::PromptAccept), "delete"),
            (key(Mode::Prompt, Action::PromptCancel), "keep"),
        ]),
        Some(_) => Hints::line(&[
            (key(Mode::Prompt, Action::PromptAccept), "do it"),
            (key(Mode::Prompt, Action::PromptCancel), "cancel"),
        ]),
        None => list_bar::hints(
            h,
            false,
            Mode::Codebook,
            &[
                (Action::AddCode, "add"),
                (Action::RenameCode, "rename/move"),
                (Action::MergeCode, "merge"),
                (Action::DeleteCode, "delete"),
                (Action::EditMemo, "memo"),
                (Action::AddMemo, "new memo"),
                (Action::Quit, "back"),
            ],
        ),
    }
}
