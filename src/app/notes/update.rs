//! The notes view's pure update: keys move, filter and regroup the list; the annotations
//! arrive as events; Enter asks for the brief, opened at the highlight.

use super::Notes;
use crate::app::Level;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::input::Action;
use crate::sanitize;

/// Applies one event to the notes view and returns the work it asks for.
pub fn update(notes: &mut Notes, event: Event, env: &Env) -> Vec<Effect> {
    if matches!(event, Event::Action(_) | Event::Char(_) | Event::Paste(_)) {
        notes.status.dismiss();
    }
    match event {
        Event::Resize(w, h) => {
            notes.size = (w, h);
            notes.reveal();
        }
        Event::Noted(found) => notes.take(None, found, env.now),
        Event::NotedAgain(brief, found) => notes.take(Some(&brief), found, env.now),
        Event::NotesDone => {
            notes.all_in();
            if notes.rows.is_empty() {
                notes
                    .status
                    .notice(Level::Info, "no annotations in this library yet");
            }
        }
        Event::Back => {
            if let Some(brief) = notes.opened.take() {
                let root = notes.root.clone();
                return vec![Effect::NoteAgain { root, brief }];
            }
        }
        Event::Notice(level, text) => notes.status.notice(level, &text),
        Event::Signal(signal) => return vec![Effect::Exit(Exit::Signal(signal))],
        Event::InputGone => return vec![Effect::Exit(Exit::Signal(Exit::HANGUP))],
        Event::Char(c) if notes.typing => {
            notes.filter.get_or_insert_with(String::new).push(c);
            notes.refresh();
        }
        Event::Paste(text) if notes.typing => {
            let first = text.lines().next().unwrap_or_default();
            notes
                .filter
                .get_or_insert_with(String::new)
                .push_str(&sanitize::line(first));
            notes.refresh();
        }
        Event::Action(action) => return act(notes, action),
        _ => {}
    }
    Vec::new()
}

fn act(notes: &mut Notes, action: Action) -> Vec<Effect> {
    let page = isize::try_from(notes.height().saturating_sub(1).max(1)).unwrap_or(1);
    match action {
        Action::ScrollDown => notes.move_by(1),
        Action::ScrollUp => notes.move_by(-1),
        Action::PageDown => notes.move_by(page),
        Action::PageUp => notes.move_by(-page),
        Action::Top => notes.move_by(isize::MIN / 2),
        Action::Bottom => notes.move_by(isize::MAX / 2),
        Action::Search => {
            notes.typing = true;
            notes.filter.get_or_insert_with(String::new);
        }
        Action::PromptAccept => notes.typing = false,
        Action::PromptCancel => {
            notes.typing = false;
            notes.filter = None;
            notes.refresh();
        }
        Action::PromptDelete => {
            let emptied = notes.filter.as_mut().is_none_or(|f| f.pop().is_none());
            if emptied {
                notes.typing = false;
                notes.filter = None;
            }
            notes.refresh();
        }
        Action::ToggleGrouping => {
            notes.by_tag = !notes.by_tag;
            notes.refresh();
            let by = if notes.by_tag { "tag" } else { "brief" };
            notes.status.say(Level::Info, &format!("grouped by {by}"));
        }
        Action::OpenBrief => match notes.selected_note() {
            Some(n) => {
                let brief = n.brief.path.clone();
                let at = (n.status != crate::annotation::Status::Orphaned).then_some(n.start);
                notes.opened = Some(brief.clone());
                return vec![Effect::Open {
                    brief,
                    at,
                    find: None,
                }];
            }
            None => notes.status.say(Level::Info, "no annotation to open"),
        },
        Action::Quit => return vec![Effect::Exit(Exit::Quit)],
        _ => {}
    }
    Vec::new()
}
