//! The changes view's state: what the outlet changed in a re-issued brief since its annotations
//! were placed, one entry per word-level change (the lost and the gained text with a little
//! unchanged text around them), the annotations each touches (what they were, what they are
//! now, their status), the selected change and the scroll. Made once from the diff the placer
//! computed; drawn by `ui::changes`; opened over the reader (`app::reader`'s layer).

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::annotation::diff::{Change, Kind, chars};
use crate::annotation::reanchor::Before;
use crate::annotation::{Annotations, Status};
use crate::document::{Chars, Document};
use crate::sanitize;
use crate::store::place::Through;

/// Characters of unchanged text shown either side of a change.
pub const CONTEXT: usize = 30;

/// Characters of a change's lost or gained text kept for showing (a rewritten paragraph is
/// cut; the text itself is one Enter away).
pub const KEPT: usize = 600;

/// Screen rows a change's old or new line may take at most.
pub const TEXT_ROWS: usize = 3;

/// Annotations listed under a change at most; more are counted.
pub const TOUCHED_ROWS: usize = 3;

/// One annotation touched by a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    /// Where it landed.
    pub status: Status,
    /// Its quote before the change (one line, safe to show).
    pub was: String,
    /// Its text now, unless it was orphaned (one line, safe to show).
    pub now: Option<String>,
}

/// One change, ready to show. Texts are on one line (paragraph breaks as `¶`) and safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it did.
    pub kind: Kind,
    /// Characters of the old text.
    pub old: Range<usize>,
    /// Characters of the new text: where Enter goes.
    pub new: Range<usize>,
    /// Unchanged text just before it, in the old text and in the new (they differ when
    /// another change is that close).
    pub before: [String; 2],
    /// The text lost.
    pub removed: String,
    /// The text gained.
    pub added: String,
    /// Unchanged text just after it, in the old text and in the new.
    pub after: [String; 2],
    /// Where it is, in percent of the new text.
    pub percent: usize,
    /// The annotations it touches.
    pub touched: Vec<Touch>,
}

impl Entry {
    /// The line showing the old side: `- ` and the text around the loss.
    pub fn old_line(&self) -> Option<[&str; 4]> {
        (!self.removed.is_empty()).then_some(["- ", &self.before[0], &self.removed, &self.after[0]])
    }

    /// The line showing the new side: `+ ` and the text around the gain.
    pub fn new_line(&self) -> Option<[&str; 4]> {
        (!self.added.is_empty()).then_some(["+ ", &self.before[1], &self.added, &self.after[1]])
    }

    /// Screen rows the entry takes at `width` columns: its heading, its old and new lines
    /// (wrapped, at most [`TEXT_ROWS`] each), the annotations it touches and a blank line.
    pub fn rows(&self, width: usize) -> usize {
        let text = [self.old_line(), self.new_line()]
            .into_iter()
            .flatten()
            .map(|parts| text_rows(parts.iter().map(|p| p.width()).sum(), width))
            .sum::<usize>();
        let touched = match self.touched.len() {
            n if n > TOUCHED_ROWS => TOUCHED_ROWS + 1,
            n => n,
        };
        1 + text + touched + 1
    }
}

/// Rows a line `columns` wide takes when wrapped at `width`, at most [`TEXT_ROWS`].
pub fn text_rows(columns: usize, width: usize) -> usize {
    columns.div_ceil(width.max(1)).clamp(1, TEXT_ROWS)
}

/// The changes view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Every change, in text order.
    pub entries: Vec<Entry>,
    /// The selected entry.
    pub selected: usize,
    /// The first entry on screen.
    pub top: usize,
}

impl Changes {
    /// The changes of `through` (the diff the annotations were carried through) with the
    /// annotations each touches, the first one at or after character `at` selected.
    pub fn new(through: &Through, doc: &Document, annotations: &Annotations, at: Chars) -> Self {
        let before = &through.before;
        let diff = before.diff();
        let changes = diff.changes();
        let mut touched: Vec<Vec<Touch>> = vec![Vec::new(); changes.len()];
        for a in annotations.iter() {
            let was = through.was.iter().find(|(id, _)| *id == a.id);
            let hits = match was {
                Some((_, r)) => diff.touching_old(r),
                None if a.status != Status::Orphaned => {
                    diff.touching_new(&(a.anchor.start.get()..a.anchor.end.get()))
                }
                None => Vec::new(),
            };
            for i in hits {
                if let Some(list) = touched.get_mut(i) {
                    let now = (a.status != Status::Orphaned).then(|| {
                        one_line(new_text(doc, &(a.anchor.start.get()..a.anchor.end.get())))
                    });
                    list.push(Touch {
                        status: a.status,
                        was: one_line(&a.anchor.quote),
                        now,
                    });
                }
            }
        }
        let len = doc.char_len().get().max(1);
        let entries: Vec<Entry> = changes
            .iter()
            .zip(touched)
            .map(|(ch, touched)| entry(ch, doc, before, len, touched))
            .collect();
        let selected = entries
            .iter()
            .position(|e| e.new.end >= at.get())
            .unwrap_or(entries.len().saturating_sub(1));
        Self {
            entries,
            selected,
            top: 0,
        }
    }

    /// The selected entry.
    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    /// Selects the next (or previous) change, wrapping around the ends; true when it wrapped.
    pub fn step(&mut self, forward: bool) -> bool {
        let n = self.entries.len();
        if n == 0 {
            return false;
        }
        let (next, wrapped) = match (forward, self.selected) {
            (true, s) if s + 1 >= n => (0, true),
            (true, s) => (s + 1, false),
            (false, 0) => (n - 1, true),
            (false, s) => (s - 1, false),
        };
        self.selected = next;
        wrapped
    }

    /// Scrolls so the whole selected entry is on a screen `height` rows by `width` columns.
    pub fn reveal(&mut self, width: usize, height: usize) {
        if self.selected < self.top {
            self.top = self.selected;
        }
        let rows = |range: Range<usize>| -> usize {
            self.entries
                .get(range)
                .unwrap_or_default()
                .iter()
                .map(|e| e.rows(width))
                .sum()
        };
        while self.top < self.selected && rows(self.top..self.selected + 1) > height {
            self.top += 1;
        }
    }
}

fn entry(ch: &Change, doc: &Document, old: &Before, len: usize, touched: Vec<Touch>) -> Entry {
    let (old_end, new_end) = (chars(old.text()), doc.char_len().get());
    let before = |at: usize| at.saturating_sub(CONTEXT)..at;
    let after = |at: usize, end: usize| at..(at + CONTEXT).min(end);
    let old_text = |r: &Range<usize>| old.slice(r).unwrap_or("");
    Entry {
        kind: ch.kind,
        old: ch.old.clone(),
        new: ch.new.clone(),
        before: [
            one_line(lead(
                old_text(&before(ch.old.start)),
                ch.old.start > CONTEXT,
            )),
            one_line(lead(
                new_text(doc, &before(ch.new.start)),
                ch.new.start > CONTEXT,
            )),
        ],
        removed: one_line(cut(old_text(&ch.old))),
        added: one_line(cut(new_text(doc, &ch.new))),
        after: [
            one_line(trail(
                old_text(&after(ch.old.end, old_end)),
                ch.old.end + CONTEXT < old_end,
            )),
            one_line(trail(
                new_text(doc, &after(ch.new.end, new_end)),
                ch.new.end + CONTEXT < new_end,
            )),
        ],
        percent: ch.new.start * 100 / len,
        touched,
    }
}

/// Context before a change, from its first whole word when it was cut (`cut`).
fn lead(text: &str, cut: bool) -> &str {
    match text.find(char::is_whitespace) {
        Some(i) if cut => text.get(i..).unwrap_or(text),
        _ => text,
    }
}

/// Context after a change, up to its last whole word when it was cut.
fn trail(text: &str, cut: bool) -> &str {
    match text.rfind(char::is_whitespace) {
        Some(i) if cut => text.get(..i).unwrap_or(text),
        _ => text,
    }
}

/// Characters `range` of the brief's text.
fn new_text<'a>(doc: &'a Document, range: &Range<usize>) -> &'a str {
    doc.text()
        .get(doc.byte_offset(Chars(range.start))..doc.byte_offset(Chars(range.end)))
        .unwrap_or("")
}

/// At most [`KEPT`] characters of `text`, with `…` where it was cut.
fn cut(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(KEPT) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(text)).into(),
        None => text.into(),
    }
}

/// `text` on one line, safe for a terminal (paragraph breaks shown as `¶`).
fn one_line(text: impl AsRef<str>) -> String {
    let text = text.as_ref();
    sanitize::line(&text.replace('\n', " ¶ ")).into_owned()
}

#[cfg(test)]
pub(crate) mod tests;
