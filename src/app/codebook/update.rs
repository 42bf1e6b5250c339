//! The codebook view's pure update: keys move and open the prompt, the prompt's answer
//! becomes a change for the runtime to carry out, and the listing arrives as an event.

use super::{Ask, Codes, Line, MemoEditor, MemoOf};
use crate::app::Level;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::codebook::{Change, Code};
use crate::input::Action;
use crate::sanitize;

/// Applies one event to the codebook view and returns the work it asks for.
pub fn update(codes: &mut Codes, event: Event, _env: &Env) -> Vec<Effect> {
    if matches!(event, Event::Action(_) | Event::Char(_) | Event::Paste(_)) {
        codes.status.dismiss();
    }
    match event {
        Event::Resize(w, h) => {
            codes.size = (w, h);
            codes.reveal();
        }
        Event::Codes(listing) => {
            codes.take(*listing);
            if let Some(problem) = codes.problem.clone() {
                let text = format!("{problem} (codes shown as uncoded tags; left as it is)");
                codes.status.notice(Level::Error, &text);
            }
        }
        Event::CodesChanged(outcome) => {
            codes.busy = false;
            match outcome {
                Ok(said) => codes.status.notice(Level::Info, &said),
                Err(why) => codes.status.notice(Level::Error, &why),
            }
            return vec![Effect::ReadCodes(codes.root.clone())];
        }
        Event::Failed(_, message) => {
            codes.busy = false;
            let text = format!("changing the codebook failed: {message}");
            codes.status.notice(Level::Error, &text);
            return vec![Effect::ReadCodes(codes.root.clone())];
        }
        Event::Notice(level, text) => codes.status.notice(level, &text),
        Event::Signal(signal) => return vec![Effect::Exit(Exit::Signal(signal))],
        Event::InputGone => return vec![Effect::Exit(Exit::Signal(Exit::HANGUP))],
        Event::Key(key) => {
            if let Some(editor) = codes.memo.as_mut() {
                editor.key(key);
            }
        }
        Event::Paste(pasted) if codes.memo.is_some() => {
            if let Some(editor) = codes.memo.as_mut() {
                editor.paste(&pasted);
            }
        }
        Event::Action(Action::CloseEditor) if codes.memo.is_some() => {
            if let Some(editor) = codes.memo.take() {
                let text = editor.text();
                if text != editor.before.trim_end() {
                    let change = match editor.of {
                        MemoOf::Code(code) => Change::Memo { code, text },
                        MemoOf::Library(title) => Change::LibraryMemo { title, text },
                    };
                    return change_codes(codes, change);
                }
            }
        }
        Event::Action(_) if codes.memo.is_some() => {}
        Event::Char(c) => {
            if let Some(text) = codes.ask.as_mut().and_then(Ask::text_mut) {
                text.push(c);
            }
        }
        Event::Paste(pasted) => {
            if let Some(text) = codes.ask.as_mut().and_then(Ask::text_mut) {
                text.push_str(&sanitize::line(pasted.lines().next().unwrap_or_default()));
            }
        }
        Event::Action(action) if codes.ask.is_some() => return answer(codes, action),
        Event::Action(action) => return act(codes, action),
        _ => {}
    }
    Vec::new()
}

/// The name of the selected code (or grouping parent), if a code is selected.
fn selected_code(codes: &Codes) -> Option<&crate::codebook::tree::Row> {
    match codes.selected_line() {
        Some(Line::Code(row)) => Some(row),
        _ => None,
    }
}

fn act(codes: &mut Codes, action: Action) -> Vec<Effect> {
    let page = isize::try_from(codes.height().saturating_sub(1).max(1)).unwrap_or(1);
    let needs_code = matches!(
        action,
        Action::RenameCode | Action::MergeCode | Action::DeleteCode | Action::EditMemo
    );
    // A memo of the library is written like a code's.
    if action == Action::EditMemo
        && let Some(Line::Memo(title, text)) = codes.selected_line()
    {
        codes.memo = Some(MemoEditor::new(MemoOf::Library(title.clone()), text));
        return Vec::new();
    }
    if needs_code && selected_code(codes).is_none() {
        let text = match codes.selected_line() {
            Some(Line::Tag(..)) => "not a code yet: add it first",
            _ => "no code selected",
        };
        codes.status.say(Level::Info, text);
        return Vec::new();
    }
    if codes.busy && (needs_code || matches!(action, Action::AddCode | Action::AddMemo)) {
        codes
            .status
            .say(Level::Info, "a change is still being made");
        return Vec::new();
    }
    let code = selected_code(codes).map(|r| (r.name.clone(), r.count));
    match action {
        Action::ScrollDown => codes.move_by(1),
        Action::ScrollUp => codes.move_by(-1),
        Action::PageDown => codes.move_by(page),
        Action::PageUp => codes.move_by(-page),
        Action::Top => codes.move_by(isize::MIN / 2),
        Action::Bottom => codes.move_by(isize::MAX / 2),
        Action::AddCode => match (codes.selected_line(), &code) {
            (Some(Line::Tag(tag, _)), _) => {
                let change = Change::Add(Code::named(tag));
                return change_codes(codes, change);
            }
            (_, Some((name, _))) => codes.ask = Some(Ask::Add(format!("{name}/"))),
            _ => codes.ask = Some(Ask::Add(String::new())),
        },
        Action::AddMemo => codes.ask = Some(Ask::MemoTitle(String::new())),
        Action::RenameCode => {
            if let Some((name, _)) = code {
                codes.ask = Some(Ask::Rename {
                    text: name.clone(),
                    code: name,
                });
            }
        }
        Action::MergeCode => {
            if let Some((name, _)) = code {
                codes.ask = Some(Ask::Merge {
                    code: name,
                    text: String::new(),
                });
            }
        }
        Action::EditMemo => {
            let row = selected_code(codes).filter(|r| r.is_code);
            match row {
                Some(row) => {
                    codes.memo = Some(MemoEditor::new(MemoOf::Code(row.name.clone()), &row.memo))
                }
                None => codes.status.say(
                    Level::Info,
                    "this only groups codes: add it as a code to give it a memo",
                ),
            }
        }
        Action::DeleteCode => {
            if let Some((name, count)) = code {
                codes.ask = Some(Ask::Delete { code: name, count });
            }
        }
        Action::Quit => return vec![Effect::Exit(Exit::Quit)],
        _ => {}
    }
    Vec::new()
}

fn answer(codes: &mut Codes, action: Action) -> Vec<Effect> {
    match action {
        Action::PromptCancel => codes.ask = None,
        Action::PromptDelete => {
            if let Some(text) = codes.ask.as_mut().and_then(Ask::text_mut) {
                text.pop();
            }
        }
        Action::PromptAccept => {
            let change = match codes.ask.take() {
                Some(Ask::Add(name)) => Change::Add(Code::named(name.trim())),
                Some(Ask::Rename { code, text }) => Change::Rename {
                    old: code,
                    new: text.trim().to_string(),
                },
                Some(Ask::Merge { code, text }) => Change::Merge {
                    from: code,
                    into: text.trim().to_string(),
                },
                Some(Ask::Delete { code, .. }) => Change::Delete { code, yes: true },
                Some(Ask::MemoTitle(title)) => {
                    let title = title.trim().to_string();
                    if let Some(problem) = crate::codebook::memo::title_problem(&title) {
                        codes
                            .status
                            .say(Level::Error, &crate::sanitize::line(&problem));
                        return Vec::new();
                    }
                    // A title the library has already opens that memo.
                    let text = codes.lines.iter().find_map(|l| match l {
                        Line::Memo(t, text) if *t == title => Some(text.clone()),
                        _ => None,
                    });
                    let text = text.unwrap_or_default();
                    codes.memo = Some(MemoEditor::new(MemoOf::Library(title), &text));
                    return Vec::new();
                }
                None => return Vec::new(),
            };
            return change_codes(codes, change);
        }
        _ => {}
    }
    Vec::new()
}

fn change_codes(codes: &mut Codes, change: Change) -> Vec<Effect> {
    codes.busy = true;
    vec![Effect::ChangeCodes {
        root: codes.root.clone(),
        change: Box::new(change),
    }]
}
