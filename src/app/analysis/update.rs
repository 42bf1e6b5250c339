//! The analysis view's pure update: keys move over the grid, switch tabs, fold, change the
//! timeline's period and code; Enter lists a cell's segments and opens one.

use super::{Analysis, Found, Segments, Tab};
use crate::analysis::cooccurrence;
use crate::analysis::matrix;
use crate::app::Level;
use crate::app::completion::common_prefix;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::document::Chars;
use crate::input::Action;

/// Applies one event to the analysis view and returns the work it asks for.
pub fn update(view: &mut Analysis, event: Event, _env: &Env) -> Vec<Effect> {
    if matches!(event, Event::Action(_)) {
        view.status.dismiss();
    }
    match event {
        Event::Resize(w, h) => {
            view.size = (w, h);
            view.clamp();
        }
        Event::Analysed(loaded) => {
            let loaded = *loaded;
            view.skipped = loaded.skipped.len();
            if let Some(first) = loaded.skipped.first() {
                let text = format!("{} briefs left out: {first}", loaded.skipped.len());
                view.status.notice(Level::Error, &text);
            }
            if let Some(problem) = &loaded.codebook {
                view.status.notice(Level::Error, problem);
            }
            view.take(loaded.library);
        }
        // Back from a brief, whose codes may have changed: read the library again.
        Event::Back => return vec![Effect::Analyse(view.root.clone())],
        Event::Notice(level, text) => view.status.notice(level, &text),
        Event::Signal(signal) => return vec![Effect::Exit(Exit::Signal(signal))],
        Event::InputGone => return vec![Effect::Exit(Exit::Signal(Exit::HANGUP))],
        Event::Char(c) => {
            if let Some(typed) = view.ask.as_mut() {
                typed.push(c);
            }
        }
        Event::Paste(pasted) => {
            if let Some(typed) = view.ask.as_mut() {
                typed.push_str(&crate::sanitize::line(
                    pasted.lines().next().unwrap_or_default(),
                ));
            }
        }
        Event::Action(action) if view.ask.is_some() => typing(view, action),
        Event::Action(action) if view.segments.is_some() => return in_list(view, action),
        Event::Action(action) => return act(view, action),
        _ => {}
    }
    Vec::new()
}

fn act(view: &mut Analysis, action: Action) -> Vec<Effect> {
    let page = view.height().saturating_sub(1).max(1);
    match action {
        Action::ScrollDown => view.row += 1,
        Action::ScrollUp => view.row = view.row.saturating_sub(1),
        Action::PageDown => view.row += page,
        Action::PageUp => view.row = view.row.saturating_sub(page),
        Action::Top => view.row = 0,
        Action::Bottom => view.row = usize::MAX / 2,
        Action::ColumnRight => view.col += 1,
        Action::ColumnLeft => view.col = view.col.saturating_sub(1),
        Action::NextTab => view.next_tab(),
        Action::ToggleFold => {
            view.toggle_fold_all();
            let text = if view.fold.is_empty() {
                "every code unfolded"
            } else {
                "every code with codes under it folded"
            };
            view.status.say(Level::Info, text);
        }
        Action::ToggleFoldHere => {
            if let Some(text) = view.toggle_fold_here() {
                view.status.say(Level::Info, &crate::sanitize::line(&text));
            }
        }
        Action::CyclePeriod => {
            view.by = view.by.next();
            view.retime();
            let text = format!("timeline by {}", view.by.name());
            view.status.say(Level::Info, &text);
        }
        Action::NextCodeFilter | Action::PrevCodeFilter => {
            filter_code(view, action == Action::NextCodeFilter);
        }
        Action::ToggleParagraph => {
            view.toggle_paragraph();
            let text = format!("co-occurrence of highlights {}", view.near_name());
            view.status.say(Level::Info, &text);
        }
        Action::NextAuthor => {
            view.next_author();
            let text = match &view.author {
                Some(a) => format!("only segments by {a}"),
                None => "segments by every author".into(),
            };
            view.status.say(Level::Info, &crate::sanitize::line(&text));
        }
        Action::NextCoder | Action::NextOtherCoder => {
            view.next_coder(action == Action::NextCoder);
            if let Some((a, b)) = view.coder_names() {
                let text = format!("agreement of {a} and {b}");
                view.status.say(Level::Info, &crate::sanitize::line(&text));
            }
        }
        Action::TypeCodeFilter => view.ask = Some(String::new()),
        Action::Drill => drill(view),
        Action::Quit => return vec![Effect::Exit(Exit::Quit)],
        _ => {}
    }
    view.clamp();
    Vec::new()
}

/// A key while the code filter is typed: Tab completes, Enter shows the timeline of the code
/// typed (the best completion when it is not one; every code when nothing is typed).
fn typing(view: &mut Analysis, action: Action) {
    match action {
        Action::PromptCancel => view.ask = None,
        Action::PromptDelete => {
            if let Some(typed) = view.ask.as_mut() {
                typed.pop();
            }
        }
        Action::PromptComplete => {
            let all = view.completions();
            let done = match all.as_slice() {
                [] => None,
                [one] => Some((*one).to_string()),
                [first, ..] => {
                    let common = all
                        .iter()
                        .fold((*first).to_string(), |acc, c| common_prefix(&acc, c));
                    let typed = view.ask.as_deref().unwrap_or_default().to_lowercase();
                    if common.to_lowercase().starts_with(typed.trim()) && !common.is_empty() {
                        Some(common)
                    } else {
                        Some((*first).to_string())
                    }
                }
            };
            if let (Some(done), Some(typed)) = (done, view.ask.as_mut()) {
                *typed = done;
            }
        }
        Action::PromptAccept => {
            let typed = view.ask.clone().unwrap_or_default();
            let typed = typed.trim();
            let chosen = if typed.is_empty() {
                None
            } else {
                let all = view.completions();
                let exact = all.iter().find(|c| **c == typed);
                match exact.or(all.first()) {
                    Some(code) => Some((*code).to_string()),
                    None => {
                        let text = format!("no code matches {typed}");
                        view.status
                            .say(Level::Warning, &crate::sanitize::line(&text));
                        return;
                    }
                }
            };
            view.ask = None;
            view.code = chosen;
            view.tab = Tab::Timeline;
            view.retime();
            say_code(view);
            view.clamp();
        }
        _ => {}
    }
}

/// The timeline's code: the next (or previous) full code name, every code after the last.
fn filter_code(view: &mut Analysis, forward: bool) {
    let codes = &view.codes;
    let now = view
        .code
        .as_ref()
        .and_then(|c| codes.iter().position(|n| n == c));
    let next = match (now, forward) {
        (None, true) => Some(0),
        (None, false) => codes.len().checked_sub(1),
        (Some(i), true) => Some(i + 1).filter(|&n| n < codes.len()),
        (Some(i), false) => i.checked_sub(1),
    };
    view.code = next.and_then(|i| codes.get(i).cloned());
    view.retime();
    say_code(view);
}

/// Says which codes the timeline shows.
fn say_code(view: &mut Analysis) {
    let text = match &view.code {
        Some(code) => format!("timeline of {code} only"),
        None => "timeline of every code".into(),
    };
    view.status.say(Level::Info, &crate::sanitize::line(&text));
}

/// Opens the list of the segments behind the selected cell.
fn drill(view: &mut Analysis) {
    let Some(library) = view.library.clone() else {
        return;
    };
    let scope = view.scope();
    let (title, found) = match view.tab {
        Tab::Matrix => {
            let m = view.matrix();
            let (Some(code), Some(brief)) = (m.codes.get(view.row), m.briefs.get(view.col)) else {
                return;
            };
            let title = format!("{code} in {brief}");
            (title, matrix::cell(&library, &scope, code, view.col))
        }
        Tab::Cooccurrence => {
            let c = view.cooccurrence();
            let (Some(a), Some(b)) = (c.codes.get(view.row), c.codes.get(view.col)) else {
                return;
            };
            let title = if a == b {
                a.clone()
            } else {
                format!("{a} with {b}")
            };
            (title, cooccurrence::cell(&library, &scope, view.near, a, b))
        }
        Tab::Timeline | Tab::Agreement => {
            view.status.say(
                Level::Info,
                "the matrix and co-occurrence tabs list segments",
            );
            return;
        }
    };
    if found.is_empty() {
        view.status.say(Level::Info, "no segments here");
        return;
    }
    let rows = found
        .into_iter()
        .filter_map(|(b, s)| {
            let brief = library.briefs.get(b)?;
            let segment = brief.segments.get(s)?;
            Some(Found {
                brief: brief.path.clone(),
                name: brief.name.clone(),
                at: segment.placed.then_some(Chars(segment.chars.start)),
                quote: segment.quote.clone(),
                tags: segment.tags.clone(),
            })
        })
        .collect();
    view.segments = Some(Segments {
        title,
        rows,
        selected: 0,
        top: 0,
    });
}

fn in_list(view: &mut Analysis, action: Action) -> Vec<Effect> {
    let height = view.height().max(1);
    let Some(list) = view.segments.as_mut() else {
        return Vec::new();
    };
    let last = list.rows.len().saturating_sub(1);
    match action {
        Action::ScrollDown => list.selected = (list.selected + 1).min(last),
        Action::ScrollUp => list.selected = list.selected.saturating_sub(1),
        Action::PageDown => list.selected = (list.selected + height).min(last),
        Action::PageUp => list.selected = list.selected.saturating_sub(height),
        Action::Top => list.selected = 0,
        Action::Bottom => list.selected = last,
        Action::Drill => {
            if let Some(found) = list.rows.get(list.selected) {
                return vec![Effect::Open {
                    brief: found.brief.clone(),
                    at: found.at,
                    find: None,
                }];
            }
        }
        Action::Quit => view.segments = None,
        _ => {}
    }
    if let Some(list) = view.segments.as_mut() {
        list.top = crate::app::listing::reveal(list.top, list.selected, height, 0);
    }
    Vec::new()
}
