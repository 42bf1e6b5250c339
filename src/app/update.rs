//! The pure state transition: `update(&mut State, Event) -> Vec<Effect>`. No files, clocks or
//! terminals here; the runtime carries out the effects.

use super::search::Search;
use super::state::{Level, Message, Prompt, State};
use super::viewport::Placement;
use crate::input::{Action, Mode};
use crate::layout::Layout;
use crate::sanitize;

/// Something that happened: a bound action, or input that is not a key binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key bound in the keymap.
    Action(Action),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A character typed where text is expected (the search prompt).
    Char(char),
    /// Text pasted by the terminal (bracketed paste).
    Paste(String),
    /// Mouse wheel: rows to scroll, positive downwards.
    Wheel(isize),
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave gloss.
    Quit,
}

/// Applies one event to the state.
pub fn update(state: &mut State, event: Event) -> Vec<Effect> {
    if !matches!(event, Event::Resize(..)) {
        state.message = None;
    }
    match event {
        Event::Resize(w, h) => resize(state, w, h),
        Event::Wheel(rows) if state.mode == Mode::Help => scroll_help(state, rows),
        Event::Wheel(rows) => state.scroll_by(rows),
        Event::Char(c) if state.mode == Mode::Search => type_text(state, &c.to_string()),
        Event::Paste(text) if state.mode == Mode::Search => {
            let first_line = text.lines().next().unwrap_or_default();
            type_text(state, &sanitize::line(first_line));
        }
        Event::Char(_) | Event::Paste(_) => {}
        Event::Action(action) => return act(state, action),
    }
    Vec::new()
}

fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let h = state.view_height();
    let page = isize::try_from(h.saturating_sub(1).max(1)).unwrap_or(1);
    let half = isize::try_from((h / 2).max(1)).unwrap_or(1);
    if state.mode == Mode::Help {
        match action {
            Action::ScrollDown => scroll_help(state, 1),
            Action::ScrollUp => scroll_help(state, -1),
            Action::PageDown => scroll_help(state, page),
            Action::PageUp => scroll_help(state, -page),
            Action::CloseHelp | Action::Help => state.mode = Mode::Normal,
            Action::Quit => return vec![Effect::Quit],
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::ScrollDown => state.scroll_by(1),
        Action::ScrollUp => state.scroll_by(-1),
        Action::PageDown => state.scroll_by(page),
        Action::PageUp => state.scroll_by(-page),
        Action::HalfPageDown => state.scroll_by(half),
        Action::HalfPageUp => state.scroll_by(-half),
        Action::Top => {
            state.top = 0;
            state.cursor = 0;
        }
        Action::Bottom => {
            state.top = state.max_top();
            let total = state.layout.total_rows();
            let last = state
                .layout
                .lines(&state.doc, total.saturating_sub(1)..total);
            state.cursor = last.iter().find_map(|l| state.line_start(l)).unwrap_or(0);
        }
        Action::NextParagraph => paragraph(state, true),
        Action::PrevParagraph => paragraph(state, false),
        Action::Search => {
            state.mode = Mode::Search;
            state.prompt = Some(Prompt {
                query: String::new(),
                live: None,
                origin_top: state.top,
                origin_cursor: state.cursor,
                found: false,
            });
        }
        Action::SearchNext => repeat_search(state, true),
        Action::SearchPrev => repeat_search(state, false),
        Action::SearchAccept => accept_search(state),
        Action::SearchCancel => cancel_search(state),
        Action::SearchDelete => {
            let emptied = state
                .prompt
                .as_mut()
                .is_none_or(|p| p.query.pop().is_none());
            if emptied {
                cancel_search(state);
            } else {
                incremental(state);
            }
        }
        Action::TogglePanel => {
            state.panel_open = !state.panel_open;
            relayout(state);
            if state.geometry().panel_hidden {
                note(
                    state,
                    Level::Warning,
                    "notes panel hidden: the terminal is too narrow",
                );
            }
        }
        Action::ToggleRepeats => toggle_repeats(state),
        Action::Help => {
            state.mode = Mode::Help;
            state.help_scroll = 0;
        }
        Action::CloseHelp => state.mode = Mode::Normal,
        Action::Quit => return vec![Effect::Quit],
    }
    Vec::new()
}

fn note(state: &mut State, level: Level, text: &str) {
    state.message = Some(Message::new(level, text));
}

fn resize(state: &mut State, w: u16, h: u16) {
    state.size = (w, h);
    relayout(state);
}

/// Lays the brief out again if the column width or the repeat toggle changed, keeping the
/// text at the top of the screen in place.
fn relayout(state: &mut State) {
    let width = usize::from(state.geometry().column.width).max(1);
    let stale = state.layout.width() != width || state.layout.items().is_empty();
    if stale {
        rebuild(state, width);
    }
    state.top = state.top.min(state.max_top());
    state.keep_cursor_visible();
}

fn rebuild(state: &mut State, width: usize) {
    let anchor =
        (!state.layout.items().is_empty()).then(|| state.layout.anchor_at(&state.doc, state.top));
    state.layout = Layout::new(&state.doc, width, state.show_repeats);
    if let Some(anchor) = anchor {
        state.top = state.layout.row_of(&state.doc, anchor.offset);
    }
}

fn toggle_repeats(state: &mut State) {
    let n = state.doc.repeats().len();
    if n == 0 {
        note(state, Level::Info, "no repeated paragraphs in this brief");
        return;
    }
    state.show_repeats = !state.show_repeats;
    rebuild(state, state.layout.width());
    state.top = state.top.min(state.max_top());
    state.keep_cursor_visible();
    let text = if state.show_repeats {
        "showing repeated paragraphs"
    } else {
        "repeated paragraphs hidden"
    };
    note(state, Level::Info, text);
}

fn scroll_help(state: &mut State, rows: isize) {
    let max = state.help.len().saturating_sub(1);
    state.help_scroll = state.help_scroll.saturating_add_signed(rows).min(max);
}

fn paragraph(state: &mut State, forward: bool) {
    if state.doc.is_empty() {
        return;
    }
    let item = state.layout.item_of_block(state.doc.block_at(state.cursor));
    let start = state.item_start(item).unwrap_or(0);
    let target = if forward {
        state.item_start(item + 1)
    } else if state.cursor > start {
        Some(start)
    } else {
        item.checked_sub(1).and_then(|i| state.item_start(i))
    };
    if let Some(offset) = target {
        state.move_cursor(offset, Placement::Top);
    }
}

fn type_text(state: &mut State, text: &str) {
    if let Some(prompt) = state.prompt.as_mut() {
        prompt.query.push_str(text);
    }
    incremental(state);
}

/// Moves to the first match of the prompt's query from where the search began.
fn incremental(state: &mut State) {
    let Some(prompt) = state.prompt.as_ref() else {
        return;
    };
    let (origin_top, origin_cursor) = (prompt.origin_top, prompt.origin_cursor);
    let live = Search::new(&prompt.query);
    let found = live
        .as_ref()
        .and_then(|s| s.forward(&state.doc, &|o| state.hidden_end(o), origin_cursor));
    state.top = origin_top;
    state.cursor = origin_cursor;
    if let Some(found) = &found {
        state.move_cursor(found.range.start, Placement::Center);
    }
    if let Some(prompt) = state.prompt.as_mut() {
        prompt.found = found.is_some();
        prompt.live = live;
    }
}

fn accept_search(state: &mut State) {
    let Some(prompt) = state.prompt.take() else {
        return;
    };
    state.mode = Mode::Normal;
    match prompt.live {
        Some(search) if prompt.found => state.search = Some(search),
        Some(search) => {
            state.top = prompt.origin_top;
            state.cursor = prompt.origin_cursor;
            note(
                state,
                Level::Warning,
                &format!("not found: {}", search.query()),
            );
        }
        None => {}
    }
}

fn cancel_search(state: &mut State) {
    if let Some(prompt) = state.prompt.take() {
        state.top = prompt.origin_top;
        state.cursor = prompt.origin_cursor;
    }
    state.mode = Mode::Normal;
}

fn repeat_search(state: &mut State, forward: bool) {
    let Some(search) = state.search.clone() else {
        note(state, Level::Info, "no search yet: press / to search");
        return;
    };
    let hidden = |o| state.hidden_end(o);
    let found = if forward {
        let next = state.doc.text()[state.cursor..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        search.forward(&state.doc, &hidden, state.cursor + next)
    } else {
        search.backward(&state.doc, &hidden, state.cursor)
    };
    match found {
        Some(found) => {
            state.move_cursor(found.range.start, Placement::Center);
            if found.wrapped {
                let text = if forward {
                    "search wrapped to the top"
                } else {
                    "search wrapped to the bottom"
                };
                note(state, Level::Info, text);
            }
        }
        None => note(
            state,
            Level::Warning,
            &format!("not found: {}", search.query()),
        ),
    }
}

/// The event a key press means in the current mode: its binding, or a typed character in the
/// search prompt. Unbound keys mean nothing.
pub fn key_event(
    keymap: &crate::input::Keymap,
    mode: Mode,
    key: crate::input::Key,
) -> Option<Event> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if let Some(action) = keymap.action(mode, key) {
        return Some(Event::Action(action));
    }
    match key.code {
        KeyCode::Char(c)
            if mode == Mode::Search
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Event::Char(c))
        }
        _ => None,
    }
}
