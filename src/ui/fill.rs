//! Styling a whole area of a buffer. `Buffer::set_style` finds every cell by its position
//! (a bounds check and a multiplication a cell); the text column styles nearly the whole
//! screen before its first frame, so here each row is one slice of cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// What `buf.set_style(area, style)` does, row by row.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = buf.area.intersection(area);
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + width] {
            cell.set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};

    use super::*;

    fn style(look: u8) -> Style {
        match look % 5 {
            0 => Style::new(),
            1 => Style::new().fg(Color::Indexed(look)),
            2 => Style::new().bg(Color::Indexed(look)).bold(),
            3 => Style::new()
                .fg(Color::Reset)
                .remove_modifier(Modifier::BOLD)
                .underlined(),
            _ => Style::new().reversed().bg(Color::Reset),
        }
    }

    proptest! {
        #[test]
        fn fill_styles_the_cells_set_style_styles(
            (bx, by, bw, bh) in (0u16..5, 0u16..5, 1u16..30, 1u16..10),
            (x, y, w, h) in (0u16..40, 0u16..20, 0u16..40, 0u16..20),
            under in any::<u8>(),
            over in any::<u8>(),
        ) {
            let mut theirs = Buffer::empty(Rect::new(bx, by, bw, bh));
            theirs.set_string(bx, by, "some text", style(under));
            theirs.set_style(Rect::new(bx, by + bh / 2, bw, 1), style(under / 5));
            let mut ours = theirs.clone();
            let area = Rect::new(x, y, w, h);
            theirs.set_style(area, style(over));
            fill(&mut ours, area, style(over));
            prop_assert_eq!(ours, theirs);
        }
    }
}
