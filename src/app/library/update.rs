//! The library's pure update: keys move through the table, sort it and filter it; the scan's
//! findings come in as events; Enter asks the runtime to open the selected brief.

use super::{Library, Scan};
use crate::app::Level;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::input::Action;
use crate::sanitize;

/// Applies one event to the library and returns the work it asks for.
pub fn update(lib: &mut Library, event: Event, env: &Env) -> Vec<Effect> {
    let input = matches!(
        event,
        Event::Action(_) | Event::Char(_) | Event::Paste(_) | Event::Key(_)
    );
    if input {
        lib.status.dismiss();
    }
    let mut effects = apply(lib, event, env);
    if lib.scan == Scan::Waiting && !effects.iter().any(|e| matches!(e, Effect::Exit(_))) {
        lib.scan = Scan::Running;
        effects.push(Effect::Scan(lib.root.clone()));
    }
    effects
}

fn apply(lib: &mut Library, event: Event, env: &Env) -> Vec<Effect> {
    match event {
        Event::Resize(w, h) => {
            lib.size = (w, h);
            lib.reveal();
        }
        Event::Scanned(found) => lib.found(found, env.now),
        Event::Removed(path) => lib.removed(&path),
        // Back from the reader: its brief's notes and progress have changed.
        Event::Back => {
            if let Some(brief) = lib.opened.take() {
                let root = lib.root.clone();
                return vec![Effect::Summarize { root, brief }];
            }
        }
        Event::ScanDone => {
            lib.scan_done();
            if lib.briefs.is_empty() {
                lib.status.notice(
                    Level::Info,
                    "no briefs here: add .txt or .md files to this folder (subfolders count)",
                );
                return Vec::new();
            }
            return vec![Effect::IndexLibrary(lib.root.clone())];
        }
        Event::Notice(level, text) => lib.status.notice(level, &text),
        Event::Signal(signal) => return vec![Effect::Exit(Exit::Signal(signal))],
        Event::InputGone => return vec![Effect::Exit(Exit::Signal(Exit::HANGUP))],
        Event::Char(c) if lib.typing => {
            lib.filter.get_or_insert_with(String::new).push(c);
            lib.refresh();
        }
        Event::Paste(text) if lib.typing => {
            let first = text.lines().next().unwrap_or_default();
            lib.filter
                .get_or_insert_with(String::new)
                .push_str(&sanitize::line(first));
            lib.refresh();
        }
        Event::Action(action) => return act(lib, action),
        _ => {}
    }
    Vec::new()
}

fn act(lib: &mut Library, action: Action) -> Vec<Effect> {
    let page = isize::try_from(lib.rows().saturating_sub(1).max(1)).unwrap_or(1);
    match action {
        Action::ScrollDown => lib.move_by(1),
        Action::ScrollUp => lib.move_by(-1),
        Action::PageDown => lib.move_by(page),
        Action::PageUp => lib.move_by(-page),
        Action::Top => lib.move_by(isize::MIN / 2),
        Action::Bottom => lib.move_by(isize::MAX / 2),
        Action::Filter => {
            lib.typing = true;
            lib.filter = Some(String::new());
            lib.refresh();
        }
        Action::PromptAccept => {
            lib.typing = false;
            if lib.filter.as_deref().is_some_and(|f| f.trim().is_empty()) {
                lib.filter = None;
            }
        }
        Action::PromptCancel => {
            lib.typing = false;
            lib.filter = None;
            lib.refresh();
        }
        Action::PromptDelete => {
            let emptied = lib.filter.as_mut().is_none_or(|f| f.pop().is_none());
            if emptied {
                lib.typing = false;
                lib.filter = None;
            }
            lib.refresh();
        }
        Action::CycleSort => {
            lib.sort = lib.sort.next();
            lib.refresh();
            let text = format!("sorted by {}", lib.sort.name());
            lib.status.say(Level::Info, &text);
        }
        Action::OpenBrief => match lib.selected_brief() {
            Some(b) => {
                let path = b.path.clone();
                lib.opened = Some(path.clone());
                return vec![Effect::Open {
                    brief: path,
                    at: None,
                    find: None,
                }];
            }
            None => lib.status.say(Level::Info, "no brief to open"),
        },
        Action::ShowNotes => return vec![Effect::ShowNotes(lib.root.clone())],
        Action::ShowCodebook => return vec![Effect::ShowCodebook(lib.root.clone())],
        Action::ShowAnalysis => return vec![Effect::ShowAnalysis(lib.root.clone())],
        Action::SearchLibrary => return vec![Effect::ShowSearch(lib.root.clone())],
        Action::Quit => return vec![Effect::Exit(Exit::Quit)],
        _ => {}
    }
    Vec::new()
}
