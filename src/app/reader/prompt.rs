//! The one-line prompt at the bottom: incremental search, tag editing with completion, and the
//! panel filter.

use super::Reader;
use super::layer::Focus;
use super::layer::Layer;
use super::panel::Filter;
use super::scan::{Purpose, Scan};
use super::search::Search;
use crate::annotation::parse_tags;
use crate::app::Level;
use crate::app::completion::{common_prefix, fuzzy};
use crate::app::event::Env;

/// What the one-line prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Searching the text.
    Search,
    /// Editing the tags of an annotation.
    Tags(uuid::Uuid),
    /// Filtering the notes panel by colour or tag.
    Filter,
    /// A percentage of the brief to go to.
    Percent,
}

/// The one-line prompt: what is typed and where the view was when it opened.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What the prompt is for.
    pub kind: PromptKind,
    /// Where the keys go when it closes.
    pub back_to: Focus,
    /// What has been typed.
    pub query: String,
    /// The query compiled, when it is not empty.
    pub live: Option<Search>,
    /// Scroll row when the search began, restored on cancel.
    pub origin_top: usize,
    /// Cursor when the search began, restored on cancel.
    pub origin_cursor: usize,
    /// Whether the query currently matches.
    pub found: bool,
}

impl Reader {
    /// Opens the prompt for `kind` with `text` already typed.
    pub fn open_prompt(&mut self, kind: PromptKind, text: String) {
        self.layer = Layer::Prompt(Prompt {
            kind,
            back_to: self.layer.focus(),
            query: text,
            live: None,
            origin_top: self.top,
            origin_cursor: self.cursor,
            found: false,
        });
    }

    /// Opens the tag prompt on the target annotation.
    pub fn open_tags(&mut self) {
        match self.target() {
            Some(a) => {
                let (id, tags) = (a.id, a.tags.join(", "));
                self.open_prompt(PromptKind::Tags(id), tags);
            }
            None => self.say_no_highlight(),
        }
    }

    /// Typed text.
    pub fn prompt_type(&mut self, text: &str) {
        if let Some(p) = self.prompt_mut() {
            if p.kind == PromptKind::Percent {
                // Digits only, up to 100.
                let digits = text.chars().filter(char::is_ascii_digit);
                p.query.extend(digits);
                p.query.truncate(3);
            } else {
                p.query.push_str(text);
            }
        }
        self.prompt_changed();
    }

    /// Backspace; on an empty prompt it cancels.
    pub fn prompt_delete(&mut self, env: &Env) {
        let emptied = self.prompt_mut().is_none_or(|p| p.query.pop().is_none());
        if emptied {
            self.prompt_cancel(env);
        } else {
            self.prompt_changed();
        }
    }

    fn prompt_changed(&mut self) {
        if matches!(self.prompt().map(|p| p.kind), Some(PromptKind::Search)) {
            self.incremental();
        }
    }

    /// Moves to the first match of the query from where the search began (searching on
    /// between keys when the brief is huge).
    fn incremental(&mut self) {
        let Some(prompt) = self.prompt_mut() else {
            return;
        };
        let live = Search::new(&prompt.query);
        prompt.found = false;
        prompt.live.clone_from(&live);
        let origin = (prompt.origin_top, prompt.origin_cursor);
        (self.top, self.cursor) = origin;
        self.running = None;
        if let Some(search) = live {
            self.start_scan(Scan::forward(search, self.cursor), Purpose::Typing);
        }
    }

    /// Tab on the tag prompt: completes the tag being typed: to what all candidates share
    /// when that keeps what was typed, else to the first candidate.
    pub fn prompt_complete(&mut self) {
        let Some(prompt) = self.prompt() else {
            return;
        };
        if !matches!(prompt.kind, PromptKind::Tags(_)) {
            return;
        }
        let typing = prompt
            .query
            .rsplit(',')
            .next()
            .unwrap_or_default()
            .trim_start()
            .to_lowercase();
        let candidates = self.completions();
        let Some(first) = candidates.first() else {
            return;
        };
        let common = candidates
            .iter()
            .fold(first.clone(), |acc, c| common_prefix(&acc, c));
        let done = if candidates.len() == 1 {
            format!("{common}, ")
        } else if common.to_lowercase().starts_with(&typing) {
            common
        } else {
            format!("{first}, ")
        };
        if let Some(p) = self.prompt_mut() {
            let cut = p.query.rfind(',').map_or(0, |i| i + 1);
            p.query.truncate(cut);
            if cut > 0 {
                p.query.push(' ');
            }
            p.query.push_str(&done);
        }
    }

    /// Tags that complete the one being typed (fuzzy: its letters in order, smart case):
    /// those given most recently first, then the codebook's codes and the brief's tags, best
    /// match first; none already typed.
    pub fn completions(&self) -> Vec<String> {
        let Some(prompt) = self.prompt() else {
            return Vec::new();
        };
        let (done, typing) = match prompt.query.rfind(',') {
            Some(i) => (&prompt.query[..i], prompt.query[i + 1..].trim_start()),
            None => ("", prompt.query.trim_start()),
        };
        let done = parse_tags(done);
        let used = self.annotations.tags();
        let mut seen = std::collections::HashSet::new();
        let all: Vec<&str> = self
            .recent
            .iter()
            .map(String::as_str)
            .chain(self.codes.iter().map(String::as_str))
            .chain(used.iter().copied())
            .filter(|t| seen.insert(*t) && !done.iter().any(|d| d == t))
            .collect();
        let scored = fuzzy(typing, &all);
        let recent = |t: &str| self.recent.iter().position(|r| r == t);
        let mut scored: Vec<(&str, u32)> = scored;
        scored.sort_by(|a, b| match (recent(a.0), recent(b.0)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.1.cmp(&a.1),
        });
        scored.into_iter().map(|(t, _)| t.to_string()).collect()
    }

    /// Puts `tags` first among the recent ones.
    fn remember(&mut self, tags: &[String]) {
        for tag in tags.iter().rev() {
            self.recent.retain(|r| r != tag);
            self.recent.insert(0, tag.clone());
        }
        self.recent.truncate(RECENT);
    }

    /// Enter.
    pub fn prompt_accept(&mut self, env: &Env) {
        let Some(prompt) = self.take_prompt() else {
            return;
        };
        match prompt.kind {
            PromptKind::Search => match prompt.live {
                Some(search) if prompt.found => self.search = Some(search),
                // Still searching: the match is shown when it is found.
                Some(search) if self.running.is_some() => {
                    self.search = Some(search);
                    if let Some(running) = self.running.as_mut() {
                        running.purpose = Purpose::Accepted;
                    }
                }
                Some(search) => {
                    self.top = prompt.origin_top;
                    self.cursor = prompt.origin_cursor;
                    self.say(Level::Warning, &format!("not found: {}", search.query()));
                }
                None => {}
            },
            PromptKind::Tags(id) => {
                let tags = parse_tags(&prompt.query);
                if let Some(before) = self.annotations.get(id).cloned() {
                    if !tags.is_empty() {
                        self.last_coding = Some((before.color, tags.clone()));
                        self.remember(&tags);
                    }
                    self.edit_annotation(before, env, |a| a.tags = tags);
                }
            }
            PromptKind::Filter => {
                self.panel.filter = Filter::parse(&prompt.query);
                self.panel.selected = 0;
            }
            PromptKind::Percent => match prompt.query.parse::<u8>() {
                Ok(percent) if percent <= 100 => self.go_to_percent(percent),
                _ => self.say(Level::Warning, "type a percentage from 0 to 100"),
            },
        }
    }

    /// Esc: a search or filter goes back to where it was; tags typed are kept, because typing
    /// is never silently thrown away.
    pub fn prompt_cancel(&mut self, env: &Env) {
        match self.prompt().map(|p| p.kind) {
            Some(PromptKind::Tags(_)) => self.prompt_accept(env),
            Some(_) => {
                self.running = None;
                if let Some(prompt) = self.take_prompt() {
                    self.top = prompt.origin_top;
                    self.cursor = prompt.origin_cursor;
                }
            }
            None => {}
        }
    }
}

/// Tags remembered as recent.
const RECENT: usize = 50;
