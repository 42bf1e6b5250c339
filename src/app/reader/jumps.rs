//! Moving between annotations (`] h` `[ h` to highlights, `] n` `[ n` to notes, `] r` `[ r`
//! to annotations to review) and the places the jump list keeps.

use std::path::PathBuf;

use super::Reader;
use super::viewport::Placement;
use crate::annotation::{Annotation, Status};
use crate::app::Level;
use crate::document::Chars;

/// Which annotations a `]` / `[` motion stops at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Every highlight in the text.
    Highlight,
    /// Highlights with a note.
    Note,
    /// Highlights to review: placed approximately after the brief changed.
    Review,
}

impl Stop {
    fn accepts(self, a: &Annotation) -> bool {
        a.status != Status::Orphaned
            && match self {
                Self::Highlight => true,
                Self::Note => !a.note.trim().is_empty(),
                Self::Review => a.status == Status::Fuzzy,
            }
    }

    fn plural(self) -> &'static str {
        match self {
            Self::Highlight => "highlights",
            Self::Note => "highlights with a note",
            Self::Review => "highlights to review",
        }
    }
}

/// A place in a brief, as the jump list keeps it: which brief, the text at the top of the
/// screen and the caret, in characters (so a place survives a resize).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// The brief's file (none for a brief without one).
    pub brief: Option<PathBuf>,
    /// The character at the top of the screen.
    pub top: Chars,
    /// The caret.
    pub caret: Chars,
}

impl Reader {
    /// Where the reader is now.
    pub fn spot(&self) -> Spot {
        Spot {
            brief: self.brief.clone(),
            top: self.position(),
            caret: self.doc.char_offset(self.cursor),
        }
    }

    /// Shows `spot` (of this brief) as it was: the same text at the top, the caret on it.
    pub fn show_spot(&mut self, spot: &Spot) {
        let top = self.doc.byte_offset(spot.top.min(self.doc.char_len()));
        self.top = self.layout.row_of(&self.doc, top).min(self.max_top());
        let caret = self.doc.byte_offset(spot.caret.min(self.doc.char_len()));
        self.move_cursor(caret, Placement::Nearest);
    }

    /// The caret to the start of the next (or previous) annotation of the kind `stop`,
    /// wrapping around the ends of the brief as search does, and saying so.
    pub fn next_annotation(&mut self, stop: Stop, forward: bool) {
        let here = self.doc.char_offset(self.cursor);
        let starts = self
            .annotations
            .iter()
            .filter(|a| stop.accepts(a))
            .map(|a| a.anchor.start);
        let (mut first, mut last, mut after, mut before) = (None, None, None, None);
        for start in starts {
            first = first.or(Some(start));
            last = Some(start);
            if start > here && after.is_none() {
                after = Some(start);
            }
            if start < here {
                before = Some(start);
            }
        }
        let (target, wrapped) = match (forward, after, before) {
            (true, Some(next), _) | (false, _, Some(next)) => (Some(next), false),
            (true, None, _) => (first, true),
            (false, _, None) => (last, true),
        };
        let Some(target) = target else {
            let orphans = self.annotations.orphans().count();
            let text = match (stop, orphans) {
                (Stop::Review, n) if n > 0 => {
                    format!(
                        "no {} in the text; {n} not found (see the panel)",
                        stop.plural()
                    )
                }
                _ => format!("no {} in this brief", stop.plural()),
            };
            self.say(Level::Info, &text);
            return;
        };
        let offset = self.doc.byte_offset(target);
        if let Some(end) = self.hidden_end(offset)
            && end > offset
        {
            self.show_repeats = true;
            self.reflow();
        }
        self.move_cursor(offset, Placement::Center);
        if wrapped {
            let end = if forward { "top" } else { "bottom" };
            self.say(Level::Info, &format!("wrapped to the {end}"));
        }
    }
}
