//! What overlays the text in one frame: the highlights, search matches, selection and caret
//! on the rows shown, found through the annotation index and the live search.

use std::ops::Range;

use crate::annotation::Color;
use crate::app::{Layer, PromptKind, Reader, Search};
use crate::layout::Line;
use crate::ui::reader::note_marks::note_numbers;

/// The search whose matches are shown: the one being typed, else the last accepted one.
fn active_search(state: &Reader) -> Option<&Search> {
    match &state.layer {
        Layer::Prompt(prompt) if prompt.kind == PromptKind::Search => prompt.live.as_ref(),
        _ => state.search.as_ref(),
    }
}

/// A highlight on screen: its bytes, colour, length and note number.
pub(super) struct Shown {
    pub(super) range: Range<usize>,
    pub(super) color: Color,
    pub(super) fuzzy: bool,
    pub(super) chars: usize,
    pub(super) note: Option<usize>,
}

/// What overlays the text in this frame.
#[derive(Default)]
pub(super) struct Marks<'a> {
    pub(super) matches: &'a [Range<usize>],
    pub(super) highlights: &'a [Shown],
    pub(super) selection: Option<Range<usize>>,
    pub(super) cursor: Option<usize>,
}

/// Highlights overlapping the visible rows, found through the annotation index.
pub(super) fn visible_highlights(state: &Reader, lines: &[Line]) -> Vec<Shown> {
    let doc = &state.doc;
    let mut ranges = lines.iter().filter_map(|l| match l {
        Line::Text { range, .. } => Some(range.clone()),
        _ => None,
    });
    let Some(first) = ranges.next() else {
        return Vec::new();
    };
    let last = ranges.next_back().unwrap_or_else(|| first.clone());
    let chars = doc.char_offset(first.start)..doc.char_offset(last.end) + 1;
    let visible: Vec<_> = state.annotations.overlapping(chars).collect();
    let numbers = note_numbers(&state.annotations, &visible);
    visible
        .iter()
        .map(|a| Shown {
            range: a.anchor.bytes(doc),
            color: a.color,
            fuzzy: a.status == crate::annotation::Status::Fuzzy,
            chars: a.anchor.end - a.anchor.start,
            note: numbers.get(&a.id).copied(),
        })
        .collect()
}

/// Matches overlapping the visible rows, found per block over just the visible part
/// (widened so a match broken across rows is still found whole).
pub(super) fn visible_matches(state: &Reader, lines: &[Line]) -> Vec<Range<usize>> {
    let Some(search) = active_search(state) else {
        return Vec::new();
    };
    let text = state.doc.text();
    let widen = search.query().len();
    let mut out = Vec::new();
    let mut current: Option<(usize, Range<usize>)> = None;
    let flush = |region: Option<(usize, Range<usize>)>, out: &mut Vec<Range<usize>>| {
        if let Some((b, r)) = region
            && let Some(block) = state.doc.blocks().get(b)
        {
            let start = floor_char(text, r.start.saturating_sub(widen).max(block.range().start));
            let end = ceil_char(text, (r.end + widen).min(block.range().end));
            out.extend(search.matches_in(text, start..end));
        }
    };
    for line in lines {
        if let Line::Text { block, range, .. } = line {
            match current.as_mut() {
                Some((b, r)) if b == block => r.end = range.end,
                _ => {
                    flush(current.take(), &mut out);
                    current = Some((*block, range.clone()));
                }
            }
        }
    }
    flush(current, &mut out);
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
