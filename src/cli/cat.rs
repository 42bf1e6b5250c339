//! `gloss cat FILE`: the brief for a pipe or a pager, wrapped by the reader's own layout,
//! highlights in the theme's colours when colour is on, notes as numbered footnotes (the
//! number in the left margin, as the reader shows it); `--plain` prints the normalised text.
//! Everything printed is neutralised first.

use std::fmt::Write as _;
use std::ops::Range;

use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::annotation::{Annotation, Annotations, Status};
use crate::document::{BlockKind, Document};
use crate::layout::{LIST_INDENT, Layout, Line, prefix_width, wrap};
use crate::sanitize;
use crate::theme::{Role, Theme};
use crate::ui::ansi::paint;

/// Columns of the margin that carries note numbers, when the brief has notes.
const GUTTER: usize = 4;

/// The brief as printed: `width` columns, styled with `theme` when given.
pub fn render(doc: &Document, set: &Annotations, width: usize, theme: Option<&Theme>) -> String {
    let placed: Vec<&Annotation> = set
        .iter()
        .filter(|a| a.status != Status::Orphaned)
        .collect();
    let noted: Vec<&Annotation> = placed
        .iter()
        .copied()
        .chain(set.orphans())
        .filter(|a| !a.note.is_empty())
        .collect();
    let gutter = if noted.is_empty() { 0 } else { GUTTER };
    let column = width.saturating_sub(gutter).max(10);
    let layout = Layout::new(doc, column, true);
    let paint = |text: &str, style: Style| match theme {
        Some(_) => paint(text, style),
        None => text.to_string(),
    };
    let style = |role: Role| theme.map(|t| t.style(role)).unwrap_or_default();
    let mut out = String::new();
    for line in layout.lines(doc, 0..layout.total_rows()) {
        match line {
            Line::Gap => out.push('\n'),
            Line::Meta => {
                let meta = doc.meta().line().unwrap_or_default();
                for line in wrapped(&meta, column) {
                    let _ = writeln!(
                        out,
                        "{}{}",
                        " ".repeat(gutter),
                        paint(&line, style(Role::TextMeta))
                    );
                }
            }
            Line::Collapsed(r) => {
                let label = crate::layout::collapsed_label(doc, r);
                let _ = writeln!(
                    out,
                    "{}{}",
                    " ".repeat(gutter),
                    paint(&sanitize::line(&label), style(Role::Repeat))
                );
            }
            Line::Text {
                block,
                index,
                range,
            } => {
                let Some(b) = doc.blocks().get(block) else {
                    continue;
                };
                let number = noted
                    .iter()
                    .position(|a| {
                        a.status != Status::Orphaned && {
                            let start = doc.byte_offset(a.anchor.start);
                            range.contains(&start) || (range.is_empty() && range.start == start)
                        }
                    })
                    .map(|n| n + 1);
                match number {
                    Some(n) if gutter > 0 => {
                        let mark = format!("{n:>3} ");
                        out.push_str(&paint(&mark, style(Role::NoteMark)));
                    }
                    _ => out.push_str(&" ".repeat(gutter)),
                }
                let decoration = doc.prefix(block);
                let mut prefix = "│ ".repeat(usize::from(decoration.quote_depth));
                prefix.push_str(
                    &" ".repeat(usize::from(decoration.list_depth.saturating_sub(1)) * LIST_INDENT),
                );
                if let (Some(marker), 0) = (&decoration.marker, index) {
                    prefix.push_str(&sanitize::line(marker));
                }
                let pad = prefix_width(decoration).saturating_sub(prefix.width());
                prefix.push_str(&" ".repeat(pad));
                out.push_str(&paint(&prefix, style(Role::Quote)));
                let base = style(match b.kind() {
                    BlockKind::Title => Role::Title,
                    BlockKind::Heading(_) => Role::Heading,
                    BlockKind::Code => Role::Code,
                    BlockKind::Paragraph => Role::Text,
                });
                out.push_str(&row(doc, &range, &placed, base, theme, &paint));
                out.push('\n');
            }
        }
    }
    if !noted.is_empty() {
        let _ = writeln!(out, "\n{}", paint("Notes", style(Role::Heading)));
        for (n, a) in noted.iter().enumerate() {
            let quote = if a.status == Status::Orphaned {
                format!("{} (orphaned)", a.anchor.quote)
            } else {
                doc.text()[a.anchor.bytes(doc)].to_string()
            };
            let quote = format!("“{}”", quote.replace('\n', " "));
            let lines = std::iter::once(quote.as_str())
                .chain(a.note.lines())
                .flat_map(|l| wrapped(l, column));
            for (i, line) in lines.enumerate() {
                let head = if i == 0 {
                    format!("{:>3} ", n + 1)
                } else {
                    " ".repeat(GUTTER)
                };
                let _ = writeln!(out, "{head}{line}");
            }
        }
    }
    out
}

/// One row of text, each piece in the style of the shortest highlight over it.
fn row(
    doc: &Document,
    range: &Range<usize>,
    placed: &[&Annotation],
    base: Style,
    theme: Option<&Theme>,
    paint: &dyn Fn(&str, Style) -> String,
) -> String {
    let text = doc.text();
    // No trailing blanks: the row's break is the line's end.
    let kept = text.get(range.clone()).unwrap_or("").trim_end().len();
    let range = &(range.start..range.start + kept);
    let over: Vec<(Range<usize>, &Annotation)> = placed
        .iter()
        .map(|a| (a.anchor.bytes(doc), *a))
        .filter(|(r, _)| r.start < range.end && r.end > range.start)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for (r, _) in &over {
        cuts.push(r.start.clamp(range.start, range.end));
        cuts.push(r.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for pair in cuts.windows(2) {
        let piece = text.get(pair[0]..pair[1]).unwrap_or("");
        let top = over
            .iter()
            .filter(|(r, _)| r.start <= pair[0] && pair[1] <= r.end)
            .min_by_key(|(r, _)| r.len());
        let style = match (top, theme) {
            (Some((_, a)), Some(t)) => base.patch(t.style(Role::highlight(a.color))),
            _ => base,
        };
        out.push_str(&paint(&sanitize::line(piece), style));
    }
    out
}

/// `s` (neutralised) cut into rows of at most `width` columns.
fn wrapped(s: &str, width: usize) -> Vec<String> {
    let clean = sanitize::line(s);
    wrap::rows(&clean, width, clean.is_ascii())
        .map(|r| clean[r].trim_end().to_string())
        .collect()
}

/// `gloss cat`: prints the brief; its sidecar is only read.
pub fn run(
    file: &std::path::Path,
    explicit: Option<&std::path::Path>,
    width: Option<u16>,
    plain: bool,
    color: super::color::ColorMode,
    theme: Option<&str>,
) -> Result<(), crate::error::Error> {
    let doc = super::load_brief(file)?;
    let mut out = super::out::Out::new();
    if plain {
        return out.line(sanitize::text(doc.text()).trim_end_matches('\n'));
    }
    let mut sidecar = super::sidecar_of(file, explicit);
    let loaded = sidecar
        .load()
        .map_err(|e| crate::error::Error::Annotations(e.to_string()))?;
    let set = loaded
        .map(|f| crate::store::place::place(&doc, &f).annotations)
        .unwrap_or_default();
    let width = width.map(usize::from).unwrap_or_else(terminal_width);
    let styled = color.on();
    let theme = if styled {
        let chosen = super::themes::unfitted(theme)?;
        Some(chosen.fitted(super::themes::depth()))
    } else {
        None
    };
    out.line(render(&doc, &set, width, theme.as_ref()).trim_end_matches('\n'))
}

/// The terminal's width when standard output is one, else 80.
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(w).max(20);
    }
    80
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::fixture;

    #[test]
    fn plain_cat_wraps_and_numbers_notes_as_footnotes() {
        let (doc, set) = fixture();
        let text = render(&doc, &set, 40, None);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.lines().all(|l| l.width() <= 40), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn a_styled_cat_paints_highlights_in_the_theme_colours() {
        let (doc, set) = fixture();
        let theme = Theme::default();
        let text = render(&doc, &set, 60, Some(&theme));
        let green = paint(
            "new curbs",
            Style::default()
                .patch(theme.style(Role::Text))
                .patch(theme.style(Role::highlight(crate::annotation::Color::Green))),
        );
        assert!(text.contains(&green), "{text:?}");
        // The brief's own escape sequence is shown, not obeyed.
        assert!(text.contains("␛[31mred␛[0m"), "{text:?}");
    }
}
