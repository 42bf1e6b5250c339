//! The status bar's messages, owned in one place. What the user does next clears a passing
//! message; a notice that must not be lost (start-up warnings, what background work reports)
//! waits its turn. The most important message shows first, so a lesser one never hides it.

use crate::sanitize;

/// How important a status message is, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Plain information.
    Info,
    /// Something the user should know (lossy decoding, a wrapped search).
    Warning,
    /// Something failed.
    Error,
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Already sanitised text.
    pub text: String,
    /// Its importance.
    pub level: Level,
}

impl Message {
    /// A message with its text made safe for the terminal.
    pub fn new(level: Level, text: &str) -> Self {
        Self {
            text: sanitize::line(text).into_owned(),
            level,
        }
    }
}

/// One message and whether it outlives the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    message: Message,
    /// Kept until it has been shown and dismissed.
    lasting: bool,
}

/// The messages waiting for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    entries: Vec<Entry>,
}

impl Status {
    /// A message about what was just done; the next key clears it. It replaces passing
    /// messages no more important than itself.
    pub fn say(&mut self, level: Level, text: &str) {
        self.entries
            .retain(|e| e.lasting || e.message.level > level);
        self.push(level, text, false);
    }

    /// A message that must be seen: it waits behind more important ones and is cleared only
    /// once it has been shown.
    pub fn notice(&mut self, level: Level, text: &str) {
        self.push(level, text, true);
    }

    fn push(&mut self, level: Level, text: &str, lasting: bool) {
        let message = Message::new(level, text);
        if let Some(same) = self.entries.iter_mut().find(|e| e.message == message) {
            same.lasting |= lasting;
            return;
        }
        self.entries.push(Entry { message, lasting });
    }

    fn shown_index(&self) -> Option<usize> {
        let top = self.entries.iter().map(|e| e.message.level).max()?;
        self.entries.iter().position(|e| e.message.level == top)
    }

    /// The message shown now: the most important, the oldest of those.
    pub fn shown(&self) -> Option<&Message> {
        self.shown_index().map(|i| &self.entries[i].message)
    }

    /// How many messages wait behind the one shown.
    pub fn waiting(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.lasting)
            .count()
            .saturating_sub(usize::from(
                self.shown_index().is_some_and(|i| self.entries[i].lasting),
            ))
    }

    /// The user moved on: the message shown goes, and so do passing ones; the next notice
    /// shows.
    pub fn dismiss(&mut self) {
        if let Some(i) = self.shown_index() {
            self.entries.remove(i);
        }
        self.entries.retain(|e| e.lasting);
    }

    /// True when nothing waits.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &Status) -> Option<(&str, Level)> {
        s.shown().map(|m| (m.text.as_str(), m.level))
    }

    #[test]
    fn a_lesser_message_never_hides_a_greater_one() {
        let mut s = Status::default();
        s.notice(Level::Error, "annotations read-only: line 3");
        s.notice(Level::Warning, "theme night.toml: unknown role");
        s.say(Level::Info, "theme: paper");
        assert_eq!(
            shown(&s),
            Some(("annotations read-only: line 3", Level::Error))
        );
        assert_eq!(
            s.waiting(),
            1,
            "the theme warning waits; the passing info does not count"
        );
        s.dismiss();
        assert_eq!(
            shown(&s),
            Some(("theme night.toml: unknown role", Level::Warning))
        );
        s.dismiss();
        assert_eq!(
            shown(&s),
            None,
            "the passing message went with the first key"
        );
    }

    #[test]
    fn start_up_notices_of_one_level_all_show_in_turn() {
        let mut s = Status::default();
        s.notice(
            Level::Warning,
            "brief's folder is read-only; annotations kept in /data",
        );
        s.notice(Level::Warning, "keymap.toml: line 2: unknown action");
        assert_eq!(
            shown(&s).unwrap().0,
            "brief's folder is read-only; annotations kept in /data"
        );
        s.dismiss();
        assert_eq!(shown(&s).unwrap().0, "keymap.toml: line 2: unknown action");
        s.dismiss();
        assert!(s.is_empty());
    }

    #[test]
    fn passing_messages_replace_each_other_and_repeats_are_one() {
        let mut s = Status::default();
        s.say(Level::Info, "highlighted in yellow");
        s.say(Level::Info, "undone");
        assert_eq!(shown(&s).unwrap().0, "undone");
        s.notice(Level::Error, "not saved: disk full");
        s.notice(Level::Error, "not saved: disk full");
        assert_eq!(s.waiting(), 0);
        s.say(Level::Warning, "wrapped around");
        assert_eq!(shown(&s).unwrap().0, "not saved: disk full");
        s.dismiss();
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn text_is_made_safe_for_the_terminal() {
        let mut s = Status::default();
        s.notice(Level::Error, "bad \u{1b}[2J name");
        assert_eq!(shown(&s).unwrap().0, "bad ␛[2J name");
    }
}
