//! The search view's pure update: the query is typed on the prompt, Enter starts the search
//! (its results arrive as events, in the library's order), keys move through the hits, and
//! Enter on one opens its brief there.

use super::Hits;
use crate::app::Level;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::input::Action;
use crate::sanitize;
use crate::store::search::Request;

/// Applies one event to the search view and returns the work it asks for.
pub fn update(hits: &mut Hits, event: Event, _env: &Env) -> Vec<Effect> {
    if matches!(event, Event::Action(_) | Event::Char(_) | Event::Paste(_)) {
        hits.status.dismiss();
    }
    match event {
        Event::Resize(w, h) => {
            hits.size = (w, h);
            hits.reveal();
        }
        Event::Searched(generation, found) if generation == hits.generation => hits.take(found),
        Event::SearchDone(generation, stats) if generation == hits.generation => {
            hits.done = Some(stats);
            if hits.found.is_empty() {
                let query = hits.searched.clone().unwrap_or_default();
                let text = format!("no match for {:?} in {} briefs", query, stats.briefs);
                hits.status.notice(Level::Info, &text);
            }
        }
        Event::Notice(level, text) => hits.status.notice(level, &text),
        Event::Signal(signal) => return vec![Effect::Exit(Exit::Signal(signal))],
        Event::InputGone => return vec![Effect::Exit(Exit::Signal(Exit::HANGUP))],
        Event::Char(c) if hits.typing => hits.query.push(c),
        Event::Paste(text) if hits.typing => {
            let first = text.lines().next().unwrap_or_default();
            hits.query.push_str(&sanitize::line(first));
        }
        Event::Action(action) => return act(hits, action),
        _ => {}
    }
    Vec::new()
}

fn act(hits: &mut Hits, action: Action) -> Vec<Effect> {
    let page = isize::try_from(hits.height().saturating_sub(1).max(1)).unwrap_or(1);
    match action {
        Action::ScrollDown => hits.move_by(1),
        Action::ScrollUp => hits.move_by(-1),
        Action::PageDown => hits.move_by(page),
        Action::PageUp => hits.move_by(-page),
        Action::Top => hits.move_by(isize::MIN / 2),
        Action::Bottom => hits.move_by(isize::MAX / 2),
        Action::Search => hits.typing = true,
        Action::PromptAccept => return start(hits),
        Action::PromptCancel => {
            hits.typing = false;
            match hits.searched.clone() {
                Some(query) => hits.query = query,
                // Nothing searched yet: Esc goes back where `/` came from.
                None => return vec![Effect::Exit(Exit::Quit)],
            }
        }
        Action::PromptDelete => {
            hits.query.pop();
        }
        Action::OpenBrief => match hits.selected_hit() {
            Some((found, hit)) => {
                let find = Request::parse(hits.searched.as_deref().unwrap_or_default())
                    .ok()
                    .map(|r| r.matcher.query().to_string());
                return vec![Effect::Open {
                    brief: found.brief.clone(),
                    at: Some(hit.start),
                    find,
                }];
            }
            None => hits.status.say(Level::Info, "no hit to open"),
        },
        Action::Quit => return vec![Effect::Exit(Exit::Quit)],
        _ => {}
    }
    Vec::new()
}

/// Enter on the prompt: a new search, or a word on what is wrong with the query.
fn start(hits: &mut Hits) -> Vec<Effect> {
    if let Err(problem) = Request::parse(&hits.query) {
        hits.status.say(Level::Warning, &problem);
        return Vec::new();
    }
    hits.typing = false;
    hits.clear();
    hits.generation += 1;
    hits.searched = Some(hits.query.clone());
    vec![Effect::SearchLibrary {
        root: hits.root.clone(),
        query: hits.query.clone(),
        generation: hits.generation,
    }]
}
