//! The front-matter line under the title: drawn in its role, cleaned, and never text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::tests::{draw, text};
use crate::app::reader::tests::{press, reader};
use crate::theme::{Role, Theme};

const BRIEF: &[u8] = b"+++
title = \"Chip curbs widen\"
source = \"Wire\"
published = 2026-11-20
tags = [\"semiconductors\", \"export controls\"]
url = \"https://example.com/a\"
+++
The Netherlands joined new curbs on chip-making tools on Tuesday, after weeks of talks.
Japan is expected to follow within the month, officials said.
";

const LINE: &str = "Wire · 2026-11-20 · semiconductors, export controls · https://example.com/a";

/// Row `y` of `buf`, as a buffer of its own.
fn row(buf: &Buffer, y: u16) -> Buffer {
    let area = Rect::new(0, 0, buf.area.width, 1);
    let mut out = Buffer::empty(area);
    for x in 0..area.width {
        out[(x, 0)] = buf[(x, y)].clone();
    }
    out
}

#[test]
fn the_line_is_drawn_under_the_title_in_the_meta_role_at_80x24() {
    let s = reader(BRIEF, 80, 24);
    let buf = draw(&s);
    let g = s.geometry();
    let y = g.column.y + 2;
    let theme = Theme::default();
    let width = usize::from(buf.area.width);
    let x = usize::from(g.column.x);
    let mut want = Buffer::with_lines([format!("{:x$}{LINE:<rest$}", "", rest = width - x)]);
    let reader = Rect::new(g.reader.x, 0, g.reader.width, 1);
    want.set_style(reader, theme.style(Role::Text));
    let line = Rect::new(g.column.x, 0, LINE.chars().count() as u16, 1);
    want.set_style(line, theme.style(Role::TextMeta));
    assert_eq!(row(&buf, y), want);
    assert_ne!(
        theme.style(Role::TextMeta),
        theme.style(Role::Text),
        "the line stands apart from the text"
    );
    let screen = text(&buf);
    let rows: Vec<&str> = screen.lines().map(str::trim).collect();
    assert_eq!(rows[..4], ["Chip curbs widen", "", LINE, ""]);
}

#[test]
fn front_matter_at_80x24() {
    insta::assert_snapshot!(text(&draw(&reader(BRIEF, 80, 24))));
}

#[test]
fn front_matter_at_40x12() {
    insta::assert_snapshot!(text(&draw(&reader(BRIEF, 40, 12))));
}

#[test]
fn an_escape_sequence_in_the_source_is_shown_neutralised() {
    let src = "+++\ntitle = \"T\"\nsource = \"Wire\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\"\n\
               tags = [\"a\\u202eb\"]\n+++\nBody";
    let buf = draw(&reader(src.as_bytes(), 80, 24));
    for cell in &buf.content {
        assert!(
            !cell.symbol().chars().any(crate::sanitize::is_unsafe),
            "{:?}",
            cell.symbol()
        );
    }
    let screen = text(&buf);
    assert!(
        screen.contains("Wire␛]0;owned␇␛[2J\u{FFFD}31m · a\u{FFFD}b"),
        "{screen}"
    );
}

#[test]
fn the_line_moves_no_offset_and_holds_no_cursor() {
    let mut s = reader(BRIEF, 80, 24);
    let first = s.doc.blocks()[1].range().start;
    assert_eq!(&s.doc.text()[..first], "Chip curbs widen\n");
    press(&mut s, "}");
    assert_eq!(s.cursor, first, "from the title over the line");
    press(&mut s, "{");
    assert_eq!(s.cursor, 0, "back over it to the title");
    let g = s.geometry();
    assert_eq!(s.offset_at_screen(g.column.x + 3, g.column.y + 2), None);
}
