//! The text column: the visible rows of the brief with decoration, inline styles, search
//! matches and the caret. Wraps only the rows on screen.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

mod marks;

use crate::app::{Geometry, Reader};
use crate::document::{Block, BlockKind, Document, Inline, Prefix, Span};
use crate::layout::{LIST_INDENT, Line, QUOTE_INDENT, collapsed_label, prefix_width};
use crate::theme::{Role, Theme};
use crate::ui::ascii::set_ascii;
use crate::ui::fill::fill;
use marks::{Marks, Shown, visible_highlights, visible_matches};

pub fn render(state: &Reader, theme: &Theme, g: &Geometry, buf: &mut Buffer) {
    fill(buf, g.reader, theme.style(Role::Text));
    let column = g.column;
    let height = usize::from(column.height);
    // The end of a brief still being read, shown before the rest: text only.
    if let Some(tail) = &state.tail {
        let lines = tail.layout.lines(&tail.doc, tail.top..tail.top + height);
        draw_lines(&tail.doc, &lines, &Marks::default(), theme, g, buf);
        return;
    }
    let doc = &state.doc;
    if doc.is_empty() {
        let notice = "This brief is empty.";
        buf.set_stringn(
            column.x,
            column.y,
            notice,
            usize::from(column.width),
            theme.style(Role::Notice),
        );
        return;
    }
    let lines = state.layout.lines(doc, state.top..state.top + height);
    let matches = visible_matches(state, &lines);
    let highlights = visible_highlights(state, &lines);
    let selection = state.selection().map(|s| s.range(doc.text()));
    let marks = Marks {
        matches: &matches,
        highlights: &highlights,
        selection,
        cursor: Some(state.cursor),
    };
    draw_lines(doc, &lines, &marks, theme, g, buf);
}

/// Draws `lines` of `doc` down the text column, with `marks` over them.
fn draw_lines(
    doc: &Document,
    lines: &[Line],
    marks: &Marks<'_>,
    theme: &Theme,
    g: &Geometry,
    buf: &mut Buffer,
) {
    let column = g.column;
    let margin = column.x.saturating_sub(g.reader.x);
    for (y, line) in (column.y..column.bottom()).zip(lines) {
        match line {
            Line::Gap => {}
            Line::Meta => {
                // Cleaned by Meta::line: nothing from the front matter reaches the terminal raw.
                let meta = doc.meta().line().unwrap_or_default();
                let style = theme.style(Role::TextMeta);
                buf.set_stringn(column.x, y, meta, usize::from(column.width), style);
            }
            Line::Collapsed(r) => {
                let style = theme.style(Role::Repeat);
                buf.set_stringn(
                    column.x,
                    y,
                    collapsed_label(doc, *r),
                    usize::from(column.width),
                    style,
                );
            }
            Line::Text {
                block,
                index,
                range,
            } => {
                let Some(b) = doc.blocks().get(*block) else {
                    continue;
                };
                let x = draw_prefix(doc.prefix(*block), *index, column.x, y, theme, buf);
                let room = usize::from(column.right().saturating_sub(x));
                let row = Row {
                    block: b,
                    spans: doc.spans(*block),
                    range: range.clone(),
                    marks,
                };
                draw_row(&row, doc.text(), x, y, room, theme, buf);
                draw_note_mark(marks.highlights, range, column.x, margin, y, theme, buf);
            }
        }
    }
}

/// The numbers of notes starting on this row, in the left margin.
fn draw_note_mark(
    shown: &[Shown],
    row: &Range<usize>,
    x: u16,
    margin: u16,
    y: u16,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let numbers: Vec<String> = shown
        .iter()
        .filter(|s| row.contains(&s.range.start) || (row.is_empty() && s.range.start == row.start))
        .filter_map(|s| s.note.map(|n| n.to_string()))
        .collect();
    if numbers.is_empty() || margin == 0 {
        return;
    }
    let label = numbers.join(",");
    let room = usize::from(margin.saturating_sub(1)).max(1);
    let label = if label.len() <= room {
        label
    } else {
        "•".to_string()
    };
    let width = u16::try_from(label.chars().count()).unwrap_or(1);
    let start = x.saturating_sub(width + u16::from(margin > 1));
    buf.set_stringn(
        start,
        y,
        &label,
        usize::from(width),
        theme.style(Role::NoteMark),
    );
}

/// Draws quote bars, list indentation and the list marker; returns where the text starts.
fn draw_prefix(
    prefix: &Prefix,
    index: usize,
    x: u16,
    y: u16,
    theme: &Theme,
    buf: &mut Buffer,
) -> u16 {
    let width = prefix_width(prefix);
    if width == 0 {
        return x;
    }
    let mut s = "│ ".repeat(usize::from(prefix.quote_depth));
    s.push_str(&" ".repeat(usize::from(prefix.list_depth.saturating_sub(1)) * LIST_INDENT));
    let bars_end = usize::from(prefix.quote_depth) * QUOTE_INDENT;
    buf.set_stringn(x, y, &s, width, theme.style(Role::Quote));
    let marker_x = x + u16::try_from(s.chars().count()).unwrap_or(u16::MAX);
    if let (Some(marker), 0) = (&prefix.marker, index) {
        buf.set_stringn(
            marker_x,
            y,
            marker,
            width - bars_end.min(width),
            theme.style(Role::ListMarker),
        );
    }
    x + u16::try_from(width).unwrap_or(u16::MAX)
}

struct Row<'a> {
    block: &'a Block,
    /// The block's inline styles.
    spans: &'a [Span],
    range: Range<usize>,
    marks: &'a Marks<'a>,
}

fn draw_row(
    row: &Row<'_>,
    text: &str,
    x: u16,
    y: u16,
    room: usize,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let block = row.block;
    let base = theme.style(match block.kind() {
        BlockKind::Title => Role::Title,
        BlockKind::Heading(_) => Role::Heading,
        BlockKind::Code => Role::Code,
        BlockKind::Paragraph => Role::Text,
    });
    let mut x = x;
    let right = x.saturating_add(u16::try_from(room).unwrap_or(u16::MAX));
    let shown = &text[row.range.clone()];
    if shown.is_ascii() {
        // One character per cell: draw runs between the places where a style can change.
        let cuts = style_changes(row);
        for w in cuts.windows(2) {
            let style = style_at(row, w[0], base, theme);
            let room = usize::from(right.saturating_sub(x));
            x = set_ascii(buf, x, y, &text[w[0]..w[1]], room, style);
        }
    } else {
        x = draw_graphemes(row, text, x, y, right, base, theme, buf);
    }
    // A caret at the very end of a block sits just after its last row.
    if row.marks.cursor == Some(block.range().end)
        && row.range.end == block.range().end
        && x < right
    {
        buf.set_stringn(x, y, " ", 1, base.patch(theme.style(Role::Cursor)));
    }
}

/// The start and end of the row and every offset inside it where a span, highlight, match,
/// the selection or the caret begins or ends, sorted.
fn style_changes(row: &Row<'_>) -> Vec<usize> {
    let Range { start, end } = row.range;
    let block = row.block.range().start;
    let marks = row.marks;
    let spans = row
        .spans
        .iter()
        .flat_map(|s| [block + s.range.start, block + s.range.end]);
    let ranges = marks
        .highlights
        .iter()
        .map(|h| &h.range)
        .chain(marks.matches)
        .chain(marks.selection.as_ref())
        .flat_map(|r| [r.start, r.end]);
    let caret = marks.cursor.into_iter().flat_map(|c| [c, c + 1]);
    let mut cuts: Vec<usize> = [start, end]
        .into_iter()
        .chain(spans)
        .chain(ranges)
        .chain(caret)
        .filter(|&c| (start..=end).contains(&c))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Draws a row that holds non-ASCII text a grapheme at a time; returns the column after it.
#[allow(clippy::too_many_arguments)]
fn draw_graphemes(
    row: &Row<'_>,
    text: &str,
    x: u16,
    y: u16,
    right: u16,
    base: Style,
    theme: &Theme,
    buf: &mut Buffer,
) -> u16 {
    let mut x = x;
    let mut run = String::new();
    let mut run_style = base;
    for (i, g) in text[row.range.clone()].grapheme_indices(true) {
        let at = row.range.start + i;
        let style = style_at(row, at, base, theme);
        if style != run_style && !run.is_empty() {
            x = buf
                .set_stringn(x, y, &run, usize::from(right - x), run_style)
                .0;
            run.clear();
        }
        run_style = style;
        run.push_str(g);
    }
    if !run.is_empty() {
        x = buf
            .set_stringn(x, y, &run, usize::from(right.saturating_sub(x)), run_style)
            .0;
    }
    x
}

fn style_at(row: &Row<'_>, at: usize, base: Style, theme: &Theme) -> Style {
    let local = at - row.block.range().start;
    let mut style = base;
    if let Some(span) = row.spans.iter().find(|s| s.range.contains(&local)) {
        style = style.patch(theme.style(match span.style {
            Inline::Emphasis => Role::Emphasis,
            Inline::Strong => Role::Strong,
            Inline::Code => Role::Code,
            Inline::Strike => Role::Strike,
            Inline::Link => Role::Link,
        }));
    }
    let marks = row.marks;
    let mut covering = marks.highlights.iter().filter(|h| h.range.contains(&at));
    if let Some(first) = covering.next() {
        let rest: Vec<&Shown> = covering.collect();
        let inner = rest
            .iter()
            .fold(first, |best, h| if h.chars < best.chars { h } else { best });
        style = style.patch(theme.style(Role::highlight(inner.color)));
        if !rest.is_empty() {
            style = style.patch(theme.style(Role::HighlightOverlap));
        }
        if inner.fuzzy {
            style = style.patch(theme.style(Role::HighlightFuzzy));
        }
    }
    if marks.matches.iter().any(|m| m.contains(&at)) {
        style = style.patch(theme.style(Role::SearchMatch));
    }
    if marks.selection.as_ref().is_some_and(|s| s.contains(&at)) {
        style = style.patch(theme.style(Role::Selection));
    }
    if Some(at) == marks.cursor {
        style = style.patch(theme.style(Role::Cursor));
    }
    style
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;
    use crate::app::reader::tests::press;

    /// Every visible row of an annotated brief, with a search, a selection, overlapping
    /// highlights and the caret, drawn by runs (ASCII) and a grapheme at a time: the same cells.
    #[test]
    fn ascii_rows_drawn_by_runs_match_the_grapheme_path() {
        let mut state = crate::ui::tests_annotate::annotated(100, 40);
        press(&mut state, "v e e e");
        let theme = Theme::default();
        let doc = &state.doc;
        let lines = state.layout.lines(doc, state.top..state.top + 40);
        let matches = visible_matches(&state, &lines);
        let highlights = visible_highlights(&state, &lines);
        assert!(!matches.is_empty() && highlights.len() >= 2);
        let selection = state.selection().map(|s| s.range(doc.text()));
        assert!(selection.is_some());
        let marks = Marks {
            matches: &matches,
            highlights: &highlights,
            selection,
            cursor: Some(state.cursor),
        };
        let mut rows = 0;
        for line in &lines {
            let Line::Text { block, range, .. } = line else {
                continue;
            };
            let row = Row {
                block: &doc.blocks()[*block],
                spans: doc.spans(*block),
                range: range.clone(),
                marks: &marks,
            };
            let area = Rect::new(0, 0, 100, 1);
            let (mut runs, mut graphemes) = (Buffer::empty(area), Buffer::empty(area));
            draw_row(&row, doc.text(), 0, 0, 100, &theme, &mut runs);
            let base = theme.style(Role::Text);
            let x = draw_graphemes(&row, doc.text(), 0, 0, 100, base, &theme, &mut graphemes);
            if marks.cursor == Some(row.block.range().end) && row.range.end == row.block.range().end
            {
                graphemes.set_stringn(x, 0, " ", 1, base.patch(theme.style(Role::Cursor)));
            }
            if row.block.kind() == BlockKind::Paragraph {
                assert_eq!(runs, graphemes, "row {range:?}");
                rows += 1;
            }
        }
        assert!(rows > 20, "{rows} rows compared");
    }
}
