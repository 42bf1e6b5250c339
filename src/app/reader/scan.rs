//! A search through the text that runs a slice at a time, so that a search through a huge
//! brief never holds up the keys: the reader takes a step between events and Esc drops it.
//!
//! A search makes two passes over match starts: forward, from the origin to the end and then
//! from the start to the origin; backward, from the origin down to the start and then from
//! the end down to the origin. Slices end at line ends, and no match spans a line (queries are
//! one line), so a slice never cuts a match in two.

use std::ops::Range;

use super::search::{Found, Search};
use crate::document::Document;

/// Bytes of text one step looks at (a few milliseconds of searching).
pub const STEP: usize = 4 * 1024 * 1024;

/// How far a search has got.
#[derive(Debug, Clone)]
pub struct Scan {
    search: Search,
    forward: bool,
    origin: usize,
    /// Forward: the next start to look at. Backward: one past the last start left to look at.
    at: usize,
    /// Second pass (gone round the end or the start).
    wrapped: bool,
    /// Bytes looked at so far.
    scanned: usize,
}

/// What one step of a scan came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A match.
    Found(Found),
    /// No visible match anywhere.
    Missing,
    /// Not done yet.
    Going,
}

impl Scan {
    /// A search for the first visible match starting at or after `from`, going round the end.
    pub fn forward(search: Search, from: usize) -> Self {
        Self {
            search,
            forward: true,
            origin: from,
            at: from,
            wrapped: false,
            scanned: 0,
        }
    }

    /// A search for the last visible match starting before `before`, going round the start.
    pub fn backward(search: Search, before: usize) -> Self {
        Self {
            search,
            forward: false,
            origin: before,
            at: before,
            wrapped: false,
            scanned: 0,
        }
    }

    /// Bytes looked at so far.
    pub fn scanned(&self) -> usize {
        self.scanned
    }

    /// True for a forward search.
    pub fn is_forward(&self) -> bool {
        self.forward
    }

    /// The search being run.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// True for a forward scan that has reached the end of the text read so far, before going
    /// round: while a brief is still being read it waits for more text there.
    pub fn at_end_of(&self, doc: &Document) -> bool {
        self.forward && !self.wrapped && self.at >= doc.text().len()
    }

    /// Looks at about `budget` more bytes of the text. With `more_coming` (the brief is still
    /// being read), a forward scan waits at the end of the text instead of going round.
    pub fn step(
        &mut self,
        doc: &Document,
        hidden: &dyn Fn(usize) -> Option<usize>,
        budget: usize,
        more_coming: bool,
    ) -> Step {
        let text = doc.text();
        self.origin = self.origin.min(text.len());
        self.at = self.at.min(text.len());
        let (lo, hi) = self.pass(text.len());
        let before = self.at;
        let found = if self.forward {
            self.step_forward(text, hidden, budget, hi)
        } else {
            self.step_backward(text, hidden, budget, lo)
        };
        self.scanned += self.at.abs_diff(before);
        if let Some(range) = found {
            return Step::Found(Found {
                range,
                wrapped: self.wrapped,
            });
        }
        let pass_done = if self.forward {
            self.at >= hi
        } else {
            self.at <= lo
        };
        match (pass_done, self.wrapped) {
            (false, _) => Step::Going,
            (true, false) if self.forward && more_coming => Step::Going,
            (true, true) => Step::Missing,
            (true, false) => {
                self.wrapped = true;
                self.at = if self.forward { 0 } else { text.len() };
                Step::Going
            }
        }
    }

    /// The starts the current pass covers.
    fn pass(&self, len: usize) -> (usize, usize) {
        match (self.forward, self.wrapped) {
            (true, false) | (false, true) => (self.origin, len),
            (true, true) | (false, false) => (0, self.origin),
        }
    }

    fn step_forward(
        &mut self,
        text: &str,
        hidden: &dyn Fn(usize) -> Option<usize>,
        budget: usize,
        hi: usize,
    ) -> Option<Range<usize>> {
        let end = line_end(text, self.at.saturating_add(budget).min(hi));
        let limit = end.min(hi);
        let hay = text.get(..end)?;
        while self.at < limit {
            let Some(m) = self.search.regex().find_at(hay, self.at) else {
                break;
            };
            if m.start() >= limit {
                break;
            }
            match hidden(m.start()) {
                Some(skip_to) => self.at = skip_to.max(m.start() + 1),
                None => {
                    self.at = m.start();
                    return Some(m.range());
                }
            }
        }
        self.at = self.at.max(limit);
        None
    }

    fn step_backward(
        &mut self,
        text: &str,
        hidden: &dyn Fn(usize) -> Option<usize>,
        budget: usize,
        lo: usize,
    ) -> Option<Range<usize>> {
        let start = line_start(text, self.at.saturating_sub(budget)).max(lo);
        let end = line_end(text, self.at);
        let hay = text.get(..end)?;
        // Every match start, overlapping ones too (as `n` finds them), not only those of a
        // left-to-right pass: in `aaa`, `aa` starts at 0 and at 1.
        let mut last = None;
        let mut from = start;
        while let Some(m) = self.search.regex().find_at(hay, from) {
            if m.start() >= self.at {
                break;
            }
            if hidden(m.start()).is_none() {
                last = Some(m.range());
            }
            from = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        self.at = start;
        last
    }
}

/// The end of the line holding byte `at` (the offset of its `\n`, or the text's end).
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i)
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)
}

/// What a running search is for, which decides what its result does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The search being typed: the view shows the first match from where it began.
    Typing,
    /// A search accepted with Enter before it finished.
    Accepted,
    /// `n` or `N`.
    Repeat,
}

/// A search running between keys.
#[derive(Debug, Clone)]
pub struct Running {
    /// How far it has got.
    pub scan: Scan,
    /// What its result is for.
    pub purpose: Purpose,
    /// Where the view was when it began, to go back to when nothing is found.
    pub origin: (usize, usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    const NONE: &dyn Fn(usize) -> Option<usize> = &|_| None;

    fn run(mut scan: Scan, doc: &Document, budget: usize) -> (Option<Found>, usize) {
        let mut steps = 0;
        loop {
            steps += 1;
            match scan.step(doc, NONE, budget, false) {
                Step::Found(f) => return (Some(f), steps),
                Step::Missing => return (None, steps),
                Step::Going => {}
            }
        }
    }

    #[test]
    fn small_slices_find_what_one_pass_finds_from_every_origin() {
        let src = "Title ab\nfirst ab line\nno match here at all\nab\nlast line ab x\nend";
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        let search = Search::new("ab").unwrap();
        for origin in 0..=doc.text().len() {
            for budget in [1, 3, 7, 20] {
                let f = Scan::forward(search.clone(), origin);
                assert_eq!(
                    run(f.clone(), &doc, budget).0,
                    run(f, &doc, usize::MAX).0,
                    "forward from {origin}, budget {budget}"
                );
                let b = Scan::backward(search.clone(), origin);
                assert_eq!(
                    run(b.clone(), &doc, budget).0,
                    run(b, &doc, usize::MAX).0,
                    "backward from {origin}, budget {budget}"
                );
            }
        }
    }

    /// Found by `next_and_previous_are_the_naive_ones`: backward went through the matches
    /// of one left-to-right pass, which skips a match overlapping the one before it, so `N`
    /// missed it (and, from the first match, wrapped round to the same match again).
    #[test]
    fn backward_finds_overlapping_matches_as_forward_does() {
        let doc = Document::parse(b"T\naaa", Format::Plain).unwrap();
        let search = Search::new("aa").unwrap();
        let back = |before| run(Scan::backward(search.clone(), before), &doc, usize::MAX).0;
        assert_eq!(back(5).map(|f| f.range), Some(3..5));
        assert_eq!(
            back(2),
            Some(Found {
                range: 3..5,
                wrapped: true
            })
        );
        let forward = run(Scan::forward(search.clone(), 3), &doc, usize::MAX).0;
        assert_eq!(forward.map(|f| f.range), Some(3..5));
    }

    #[test]
    fn a_slice_is_about_the_budget_so_a_huge_text_takes_many_steps() {
        let line = "a line of plain words without the word we look for\n";
        let src = format!("T\n{}needle", line.repeat(2000));
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        let search = Search::new("needle").unwrap();
        let (found, steps) = run(Scan::forward(search.clone(), 0), &doc, 10_000);
        assert_eq!(found.unwrap().range.start, doc.text().len() - 6);
        let expected = doc.text().len() / 10_000;
        assert!((expected..=expected + 2).contains(&steps), "{steps} steps");
        let (missing, _) = run(
            Scan::forward(Search::new("absent").unwrap(), 0),
            &doc,
            10_000,
        );
        assert!(missing.is_none());
    }

    #[test]
    fn while_more_text_is_coming_a_forward_scan_waits_at_the_end() {
        let doc = Document::parse(b"T\nab here", Format::Plain).unwrap();
        let mut scan = Scan::forward(Search::new("zz").unwrap(), 3);
        for _ in 0..3 {
            assert_eq!(scan.step(&doc, NONE, 100, true), Step::Going);
        }
        assert!(
            scan.at_end_of(&doc),
            "waits at the end instead of going round"
        );
        assert_eq!(scan.step(&doc, NONE, 100, false), Step::Going);
        assert_eq!(scan.step(&doc, NONE, 100, false), Step::Missing);
    }
}
