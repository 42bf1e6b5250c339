//! The pure state transition: `update(&mut State, Event, &Env) -> Vec<Effect>`. No files, clocks
//! or terminals here: the time and a fresh id come in through [`Env`], and the runtime carries
//! out the effects.

use jiff::Timestamp;
use uuid::Uuid;

use super::loading::Piece;
use super::state::Level;
use super::state::{PromptKind, State};
use crate::annotation::{Annotations, Color};
use crate::input::{Action, Key, Keymap, Mode};
use crate::layout::Measured;
use crate::sanitize;
use crate::store::place::Placed;

/// Something that happened: a bound action, or input that is not a key binding.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A key bound in the keymap.
    Action(Action),
    /// A key that is not bound, for the note editor.
    Key(Key),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A character typed on the prompt.
    Char(char),
    /// Text pasted by the terminal (bracketed paste).
    Paste(String),
    /// Mouse wheel: rows to scroll, positive downwards.
    Wheel(isize),
    /// A mouse button went down at (column, row); `clicks` counts quick repeats (1-3).
    MouseDown {
        /// Screen column.
        x: u16,
        /// Screen row.
        y: u16,
        /// 1, 2 or 3.
        clicks: u8,
    },
    /// The mouse moved with the button down.
    MouseDrag {
        /// Screen column.
        x: u16,
        /// Screen row.
        y: u16,
    },
    /// The button went up.
    MouseUp,
    /// A save finished: `Ok` with the annotations now on disk when another process's changes
    /// were merged in, or the reason it failed.
    Saved(Result<Option<Annotations>, String>),
    /// Another process changed the sidecar: the annotations merged with its changes.
    External(Annotations),
    /// Something the runtime did, to tell the user (a saved config, a failure).
    Notice(Level, String),
    /// The next piece of a brief being read.
    Loaded(Box<Piece>),
    /// The whole brief has been read.
    LoadDone,
    /// Reading the brief failed part way (the reason); what was read stays.
    LoadFailed(String),
    /// Time for a step of background work (a running search), between keys.
    Work,
    /// A batch of saved annotations is placed: all placed so far, and how many that is.
    Placed(Box<Annotations>, usize),
    /// Every saved annotation is placed.
    PlaceDone(Box<Placed>),
    /// The last lines of a brief still being read, read from the end of its file.
    Tail(Box<Piece>),
    /// The whole brief measured at a new column width, off the reader's thread.
    Measured(Box<Measured>),
}

/// What the outside world lends an update: the time, and an id for anything it creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Env {
    /// Now.
    pub now: Timestamp,
    /// A fresh UUID v7, used if the update creates an annotation.
    pub id: Uuid,
}

impl Env {
    /// A fixed environment: the epoch plus `n` seconds and id `n` (for tests and benchmarks).
    pub fn fixed(n: u64) -> Self {
        let now =
            Timestamp::from_second(i64::try_from(n).unwrap_or(0)).unwrap_or(Timestamp::UNIX_EPOCH);
        Self {
            now,
            id: Uuid::from_u128(u128::from(n)),
        }
    }
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave gloss.
    Quit,
    /// Write this theme name to the config file.
    SaveTheme(String),
    /// Read the end of the brief's file (for `G` while it is still being read).
    ReadTail,
}

/// Applies one event to the state.
pub fn update(state: &mut State, event: Event, env: &Env) -> Vec<Effect> {
    let background = is_background(&event);
    if !background && !matches!(event, Event::MouseDrag { .. } | Event::MouseUp) {
        state.message = None;
    }
    let top = state.top;
    let follows = matches!(event, Event::Action(Action::Bottom));
    let moved_by_user = !background;
    let effects = apply(state, event, env);
    if moved_by_user && !follows && state.top != top {
        state.stop_following();
    }
    effects
}

/// Events that do not come from the user (the terminal resized, the brief or its annotations
/// arriving, a step of a search): they neither clear the message nor count as moving.
fn is_background(event: &Event) -> bool {
    matches!(
        event,
        Event::Resize(..)
            | Event::Loaded(_)
            | Event::LoadDone
            | Event::Work
            | Event::Placed(..)
            | Event::PlaceDone(_)
            | Event::Tail(_)
            | Event::Measured(_)
    )
}

fn apply(state: &mut State, event: Event, env: &Env) -> Vec<Effect> {
    match event {
        Event::Loaded(piece) => state.load_piece(*piece),
        Event::LoadDone => state.load_done(),
        Event::LoadFailed(reason) => state.load_failed(&reason),
        Event::Work => state.work(),
        Event::Placed(annotations, done) => state.placed_some(*annotations, done),
        Event::PlaceDone(placed) => state.placed_all(*placed),
        Event::Tail(piece) => state.show_tail(*piece),
        Event::Measured(measured) => state.measured(*measured),
        Event::Resize(w, h) => {
            state.size = (w, h);
            state.relayout();
            state.relayout_tail();
        }
        Event::Wheel(rows) if state.tail.is_some() => state.scroll_tail(rows),
        Event::Wheel(rows) if state.mode == Mode::Help => state.scroll_help(rows),
        Event::Wheel(rows) => state.scroll_by(rows),
        Event::Char(c) if state.mode == Mode::Prompt => state.prompt_type(&c.to_string()),
        Event::Paste(text) if state.mode == Mode::Prompt => {
            let first_line = text.lines().next().unwrap_or_default();
            state.prompt_type(&sanitize::line(first_line));
        }
        Event::Paste(text) if state.mode == Mode::Note => {
            if let Some(editor) = state.editor.as_mut() {
                editor.paste(&text);
            }
        }
        Event::Key(key) if state.mode == Mode::Note => {
            if let Some(editor) = state.editor.as_mut() {
                editor.key(key);
            }
        }
        Event::MouseDown { x, y, clicks } => {
            state.leave_tail();
            state.mouse_down(x, y, clicks);
        }
        Event::MouseDrag { x, y } => state.mouse_drag(x, y),
        Event::MouseUp => state.mouse_up(),
        Event::Saved(Ok(merged)) => {
            state.save_error = None;
            state.quit_warned = false;
            if let Some(annotations) = merged {
                state.annotations = annotations;
                state.say(Level::Info, "merged changes saved by another gloss");
            }
        }
        Event::Saved(Err(reason)) => {
            state.say(Level::Error, &format!("not saved: {reason} (retrying)"));
            state.save_error = Some(reason);
        }
        Event::Notice(level, text) => state.say(level, &text),
        Event::External(annotations) => {
            state.annotations = annotations;
            state.say(Level::Info, "annotations updated by another gloss");
        }
        Event::Char(_) | Event::Paste(_) | Event::Key(_) => {}
        Event::Action(action) => return act(state, action, env),
    }
    Vec::new()
}

fn act(state: &mut State, action: Action, env: &Env) -> Vec<Effect> {
    let h = state.view_height();
    let page = isize::try_from(h.saturating_sub(1).max(1)).unwrap_or(1);
    let half = isize::try_from((h / 2).max(1)).unwrap_or(1);
    if state.mode == Mode::Help {
        match action {
            Action::ScrollDown => state.scroll_help(1),
            Action::ScrollUp => state.scroll_help(-1),
            Action::PageDown => state.scroll_help(page),
            Action::PageUp => state.scroll_help(-page),
            Action::CloseHelp | Action::Help => state.mode = Mode::Normal,
            Action::Quit => return vec![Effect::Quit],
            _ => {}
        }
        return Vec::new();
    }
    if state.mode == Mode::Visual && state.extend_selection(action) {
        return Vec::new();
    }
    if state.tail.is_some() && tail_scroll(state, action, page, half) {
        return Vec::new();
    }
    if changes_annotations(action)
        && let Some(reason) = state.locked()
    {
        state.cancel_selection();
        state.say(Level::Error, &reason);
        return Vec::new();
    }
    if action != Action::Quit {
        state.quit_warned = false;
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
            state.bottom();
            if state.tail_worth_reading() {
                return vec![Effect::ReadTail];
            }
        }
        Action::NextParagraph => state.jump_paragraph(true),
        Action::PrevParagraph => state.jump_paragraph(false),
        Action::Search => state.open_prompt(PromptKind::Search, String::new()),
        Action::GoToPercent => state.open_prompt(PromptKind::Percent, String::new()),
        Action::SearchNext => state.repeat_search(true),
        Action::SearchPrev => state.repeat_search(false),
        Action::StopSearch => state.stop_search(),
        Action::PromptAccept => state.prompt_accept(env),
        Action::PromptCancel => state.prompt_cancel(env),
        Action::PromptDelete => state.prompt_delete(env),
        Action::PromptComplete => state.prompt_complete(),
        Action::SelectStart => state.start_selection(),
        Action::SelectParagraph => state.select_paragraph(),
        Action::SelectCancel => state.cancel_selection(),
        Action::Highlight => {
            state.highlight(Color::default(), env);
        }
        Action::Highlight1
        | Action::Highlight2
        | Action::Highlight3
        | Action::Highlight4
        | Action::Highlight5 => {
            let color = action
                .color_number()
                .and_then(Color::nth)
                .unwrap_or_default();
            state.highlight(color, env);
        }
        Action::HighlightWithNote => {
            if state.highlight(Color::default(), env).is_some() {
                state.open_note();
            }
        }
        Action::EditNote => state.open_note(),
        Action::EditTags => state.open_tags(),
        Action::CycleColor => state.edit_target(env, |a| a.color = a.color.next()),
        Action::DeleteHighlight => state.delete_target(),
        Action::BriefNote => state.open_brief_note(),
        Action::ConfirmAnchor => state.confirm_anchor(env),
        Action::Reattach => state.reattach(env),
        Action::Undo => state.undo(false),
        Action::Redo => state.undo(true),
        Action::CloseEditor => state.close_note(env),
        Action::TogglePanel => state.cycle_panel(),
        Action::FocusPanel => state.toggle_panel_focus(),
        Action::PanelNarrower => state.resize_panel(-4),
        Action::PanelWider => state.resize_panel(4),
        Action::PanelDown => state.move_panel(1),
        Action::PanelUp => state.move_panel(-1),
        Action::PanelJump => state.jump_to_selected(),
        Action::PanelFilter => state.open_prompt(PromptKind::Filter, String::new()),
        Action::ToggleRepeats => state.toggle_repeats(),
        Action::CycleTheme => {
            if state.themes.len() > 1 {
                state.theme = (state.theme + 1) % state.themes.len();
                let name = state.themes[state.theme].clone();
                let save = state.hints.key(state.mode, Action::SaveTheme);
                state.say(Level::Info, &format!("theme: {name} ({save} saves it)"));
            }
        }
        Action::SaveTheme => {
            if let Some(name) = state.themes.get(state.theme) {
                return vec![Effect::SaveTheme(name.clone())];
            }
        }
        Action::Help => {
            state.mode = Mode::Help;
            state.help_scroll = 0;
        }
        Action::CloseHelp => state.mode = Mode::Normal,
        Action::Quit => return quit(state),
        Action::MoveLeft
        | Action::MoveRight
        | Action::LineDown
        | Action::LineUp
        | Action::LineStart
        | Action::LineEnd
        | Action::WordNext
        | Action::WordEnd
        | Action::WordBack
        | Action::SentenceNext
        | Action::SentencePrev
        | Action::ParagraphEnd
        | Action::ParagraphStart
        | Action::SwapEnds => {}
    }
    Vec::new()
}

/// Keys while the end of a brief is shown early: scrolling moves through those last lines;
/// quitting, help and themes work as ever; anything else leaves for the reader. True when
/// the action was handled here.
fn tail_scroll(state: &mut State, action: Action, page: isize, half: isize) -> bool {
    let rows = match action {
        Action::ScrollDown => 1,
        Action::ScrollUp => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfPageDown => half,
        Action::HalfPageUp => -half,
        Action::Bottom => isize::MAX / 2,
        Action::Quit | Action::Help | Action::CycleTheme | Action::SaveTheme => return false,
        _ => {
            state.leave_tail();
            return false;
        }
    };
    state.scroll_tail(rows);
    true
}

/// True for actions that create, change or delete annotations.
fn changes_annotations(action: Action) -> bool {
    action.color_number().is_some()
        || matches!(
            action,
            Action::Highlight
                | Action::HighlightWithNote
                | Action::EditNote
                | Action::EditTags
                | Action::CycleColor
                | Action::DeleteHighlight
                | Action::BriefNote
                | Action::ConfirmAnchor
                | Action::Reattach
                | Action::Undo
                | Action::Redo
        )
}

/// `q`: quits, unless the last save failed; then it warns once and quits on a second `q`.
fn quit(state: &mut State) -> Vec<Effect> {
    match &state.save_error {
        Some(reason) if !state.quit_warned => {
            state.quit_warned = true;
            let quit = state.hints.key(state.mode, Action::Quit);
            let text = format!(
                "annotations NOT saved ({reason}); press {quit} again to quit and lose them"
            );
            state.say(Level::Error, &text);
            Vec::new()
        }
        _ => vec![Effect::Quit],
    }
}

/// The event a key press means in the current mode: its binding, a typed character on the
/// prompt, or the key itself for the note editor. Other unbound keys mean nothing.
pub fn key_event(keymap: &Keymap, mode: Mode, key: Key) -> Option<Event> {
    use crate::input::{KeyCode, Modifiers};
    if let Some(action) = keymap.action(mode, key) {
        return Some(Event::Action(action));
    }
    let plain = !key.modifiers.intersects(Modifiers::CTRL | Modifiers::ALT);
    match (mode, key.code) {
        (Mode::Prompt, KeyCode::Char(c)) if plain => Some(Event::Char(c)),
        (Mode::Note, _) => Some(Event::Key(key)),
        _ => None,
    }
}
