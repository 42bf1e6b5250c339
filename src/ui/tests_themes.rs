//! The same annotated screen under every bundled theme, with colours, and without colour.

use ratatui::style::Modifier;

use super::tests::draw_with as draw;
use crate::app::Reader;
use crate::app::reader::tests::{press, type_text};
use crate::theme::{BUNDLED, Catalog, Depth, Role, Theme};

/// Highlights with a note, tags and an overlap, the panel open, and a search match on screen.
fn screen() -> Reader {
    let mut s = super::tests_annotate::annotated(100, 30);
    press(&mut s, "tab /");
    type_text(&mut s, "Beijing");
    press(&mut s, "enter g");
    s
}

#[test]
fn every_bundled_theme_draws_the_annotated_screen() {
    let state = screen();
    for (name, _) in BUNDLED {
        let theme = Catalog::bundled().get(name).unwrap();
        let buf = draw(&state, &theme);
        let yellow = theme.style(Role::HighlightYellow);
        let found = buf.content.iter().any(|c| {
            yellow.bg.is_none_or(|bg| c.bg == bg)
                && c.modifier.contains(yellow.add_modifier)
                && c.symbol() == "c"
        });
        assert!(found, "{name}: the yellow highlight is drawn in its style");
        insta::assert_debug_snapshot!(format!("theme_{name}"), buf);
    }
}

#[test]
fn no_color_draws_no_colour_and_keeps_highlights_apart() {
    let state = screen();
    let mono = Catalog::bundled()
        .get("mono")
        .unwrap()
        .fitted(Depth::NoColor);
    let default = Theme::default().fitted(Depth::NoColor);
    for theme in [&mono, &default] {
        let buf = draw(&state, theme);
        for cell in &buf.content {
            assert!(
                cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset,
                "{cell:?}"
            );
        }
    }
    let buf = draw(&state, &mono);
    let reversed = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(
        reversed >= "cybersecurity".len(),
        "the yellow highlight shows as reverse video"
    );
}
