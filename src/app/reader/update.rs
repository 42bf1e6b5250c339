//! The pure state transition: `update(&mut Reader, Event, &Env) -> Vec<Effect>`. No files, clocks
//! or terminals here: the time and a fresh id come in through [`Env`], and the runtime carries
//! out the effects and answers with events. Nothing else changes the state.

use std::sync::Arc;

use super::Reader;
use super::jumps::Stop;
use super::layer::{Help, Layer};
use super::prompt::PromptKind;
use crate::annotation::Color;
use crate::app::Level;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::input::{Action, Mode};
use crate::sanitize;

/// Applies one event to the reader and returns the work it asks for.
pub fn update(state: &mut Reader, event: Event, env: &Env) -> Vec<Effect> {
    let background = is_background(&event);
    if !background && !matches!(event, Event::MouseDrag { .. } | Event::MouseUp) {
        state.status.dismiss();
    }
    let top = state.top;
    let follows = matches!(event, Event::Action(Action::Bottom));
    let mut effects = apply(state, event, env);
    if !background && !follows && state.top != top {
        state.stop_following();
    }
    // Leaving: nothing more is started.
    if !effects.iter().any(|e| matches!(e, Effect::Exit(_))) {
        effects.extend(background_work(state, env));
    }
    effects
}

/// Events that do not come from the user (the terminal resized, the brief or its annotations
/// arriving, a step of a search, a save's answer, any view's news): they neither clear the
/// message nor count as moving. The few others are named, so a new kind of news is background
/// without being listed here.
fn is_background(event: &Event) -> bool {
    !matches!(
        event,
        Event::Action(_)
            | Event::Key(_)
            | Event::Char(_)
            | Event::Paste(_)
            | Event::Wheel(_)
            | Event::MouseDown { .. }
            | Event::MouseDrag { .. }
            | Event::MouseUp
            | Event::Notice(..)
            | Event::LoadFailed(_)
            | Event::Signal(_)
            | Event::InputGone
    )
}

/// The work the state is ready for after an event: placing saved annotations once the brief
/// is whole, measuring at a new width, a step of a search, and saving.
fn background_work(state: &mut Reader, env: &Env) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(job) = state.take_placing_job() {
        effects.push(Effect::Place(Box::new(job)));
    }
    effects.extend(state.take_read());
    if let Some(width) = state.wants_measuring() {
        let doc = Arc::clone(&state.doc);
        effects.push(Effect::Measure { doc, width });
    }
    if state.has_work() {
        effects.push(Effect::Work);
    }
    effects.extend(state.keep_saved(env.now));
    effects
}

fn apply(state: &mut Reader, event: Event, env: &Env) -> Vec<Effect> {
    match event {
        Event::Loaded(piece) => state.load_piece(*piece),
        Event::LoadDone => state.load_done(),
        Event::LoadFailed(reason) => state.load_failed(&reason),
        Event::Work => state.work(),
        Event::Placed(annotations, done) => state.placed_some(*annotations, done),
        Event::PlaceDone(placed) => state.placed_all(*placed),
        Event::Compared(percent) => state.compared(percent),
        Event::Tail(piece) => state.show_tail(*piece),
        Event::Measured(measured) => state.measured(*measured),
        Event::Resize(w, h) => {
            state.size = (w, h);
            state.relayout();
            state.relayout_tail();
            state.reveal_change();
        }
        Event::Wheel(rows) if state.tail.is_some() => state.scroll_tail(rows),
        Event::Wheel(rows) if state.mode() == Mode::Help => state.scroll_help(rows),
        Event::Wheel(rows) => state.scroll_by(rows),
        Event::Char(c) if state.mode() == Mode::Prompt => state.prompt_type(&c.to_string()),
        Event::Paste(text) if state.mode() == Mode::Prompt => {
            let first_line = text.lines().next().unwrap_or_default();
            state.prompt_type(&sanitize::line(first_line));
        }
        Event::Paste(text) if state.mode() == Mode::Note => {
            if let Some(editor) = state.editor_mut() {
                editor.paste(&text);
            }
        }
        Event::Key(key) if state.mode() == Mode::Note => {
            if let Some(editor) = state.editor_mut() {
                editor.key(key);
            }
        }
        Event::MouseDown { x, y, clicks } => {
            state.leave_tail();
            state.mouse_down(x, y, clicks);
        }
        Event::MouseDrag { x, y } => state.mouse_drag(x, y),
        Event::MouseUp => state.mouse_up(),
        Event::Saved(result) => state.saved(*result, env.now),
        Event::Merged(result) => state.merged(*result),
        Event::SidecarChanged => state.sidecar_changed(),
        Event::Tick => {}
        Event::Signal(signal) => state.terminate(signal, env),
        Event::InputGone => state.terminate(Exit::HANGUP, env),
        Event::Failed(work, message) => state.failed(work, &message, env.now),
        Event::Notice(level, text) => state.notice(level, &text),
        Event::CopiesFound(copies) => state.copies_found(copies),
        Event::Char(_) | Event::Paste(_) | Event::Key(_) => {}
        // The library's news: not for a reader.
        Event::Scanned(_)
        | Event::ScanDone
        | Event::Removed(_)
        | Event::Noted(_)
        | Event::NotedAgain(..)
        | Event::NotesDone
        | Event::Codes(_)
        | Event::Analysed(_)
        | Event::CodesChanged(_)
        | Event::Searched(..)
        | Event::SearchDone(..)
        | Event::Opened(_)
        | Event::Back => {}
        Event::Action(action) => return act(state, action, env),
    }
    Vec::new()
}

fn act(state: &mut Reader, action: Action, env: &Env) -> Vec<Effect> {
    let h = state.view_height();
    let page = isize::try_from(h.saturating_sub(1).max(1)).unwrap_or(1);
    let half = isize::try_from((h / 2).max(1)).unwrap_or(1);
    if state.mode() == Mode::Help {
        match action {
            Action::ScrollDown => state.scroll_help(1),
            Action::ScrollUp => state.scroll_help(-1),
            Action::PageDown => state.scroll_help(page),
            Action::PageUp => state.scroll_help(-page),
            Action::CloseHelp | Action::Help => state.layer = Layer::Text,
            Action::Quit => return state.quit(),
            _ => {}
        }
        return Vec::new();
    }
    if state.mode() == Mode::Changes {
        match action {
            Action::NextChange => state.step_change(true),
            Action::PrevChange => state.step_change(false),
            Action::ChangeJump => state.jump_to_change(),
            Action::CloseChanges | Action::ShowChanges => state.layer = Layer::Text,
            Action::Quit => return state.quit(),
            _ => {}
        }
        return Vec::new();
    }
    if state.mode() == Mode::Visual && state.extend_selection(action) {
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
    state.keep_quitting_warning(action == Action::Quit);
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
        Action::NextHighlight => state.next_annotation(Stop::Highlight, true),
        Action::PrevHighlight => state.next_annotation(Stop::Highlight, false),
        Action::NextNote => state.next_annotation(Stop::Note, true),
        Action::PrevNote => state.next_annotation(Stop::Note, false),
        Action::NextChange => state.next_change(true),
        Action::PrevChange => state.next_change(false),
        Action::ShowChanges => state.show_changes(),
        Action::NextReview => state.next_annotation(Stop::Review, true),
        Action::PrevReview => state.next_annotation(Stop::Review, false),
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
        Action::CodeSelection => {
            if state.highlight(Color::default(), env).is_some() {
                state.open_tags();
            }
        }
        Action::RepeatCoding => state.repeat_coding(env),
        Action::EditNote => state.open_note(),
        Action::EditTags => state.open_tags(),
        Action::CycleColor => state.edit_target(env, |a| a.color = a.color.next()),
        Action::DeleteHighlight => state.delete_target(),
        Action::BriefNote => state.open_brief_note(),
        Action::ConfirmAnchor => state.confirm_anchor(env),
        Action::Reattach => state.reattach(env),
        Action::CopySelection => return state.copy_selection(),
        Action::CopyQuote => return state.copy_quote(),
        Action::CopyUrl => return state.copy_url(),
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
                let save = state.hints.key(state.mode(), Action::SaveTheme);
                state.say(Level::Info, &format!("theme: {name} ({save} saves it)"));
            }
        }
        Action::SaveTheme => {
            if let Some(name) = state.themes.get(state.theme) {
                return vec![Effect::SaveTheme(name.clone())];
            }
        }
        Action::MergeCopies => {
            state.say(Level::Info, "merging conflict copies…");
            return vec![Effect::MergeCopies];
        }
        Action::Help => {
            state.layer = Layer::Help(Help::default());
        }
        Action::CloseHelp | Action::CloseChanges => state.layer = Layer::Text,
        Action::Quit => return state.quit(),
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
        | Action::SwapEnds
        | Action::ChangeJump
        | Action::OpenBrief
        | Action::CycleSort
        | Action::ShowNotes
        | Action::ShowCodebook
        | Action::ShowAnalysis
        | Action::NextTab
        | Action::ColumnLeft
        | Action::ColumnRight
        | Action::ToggleFold
        | Action::ToggleFoldHere
        | Action::CyclePeriod
        | Action::NextCodeFilter
        | Action::PrevCodeFilter
        | Action::TypeCodeFilter
        | Action::Drill
        | Action::NextAuthor
        | Action::ToggleParagraph
        | Action::AddMemo
        | Action::NextCoder
        | Action::NextOtherCoder
        | Action::AddCode
        | Action::RenameCode
        | Action::MergeCode
        | Action::DeleteCode
        | Action::EditMemo
        | Action::Filter
        | Action::SearchLibrary
        | Action::ToggleGrouping
        // The jump list is the app's: it spans briefs.
        | Action::JumpBack
        | Action::JumpForward => {}
    }
    Vec::new()
}

/// Keys while the end of a brief is shown early: scrolling moves through those last lines;
/// quitting, help and themes work as ever; anything else leaves for the reader. True when
/// the action was handled here.
fn tail_scroll(state: &mut Reader, action: Action, page: isize, half: isize) -> bool {
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
                | Action::CodeSelection
                | Action::RepeatCoding
                | Action::EditNote
                | Action::EditTags
                | Action::CycleColor
                | Action::DeleteHighlight
                | Action::BriefNote
                | Action::ConfirmAnchor
                | Action::Reattach
                | Action::Undo
                | Action::Redo
                | Action::MergeCopies
        )
}
