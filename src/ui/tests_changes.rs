//! The changes view on screen over a re-issued brief: each change with the lost text in the
//! `diff.delete` style and the gained text in `diff.insert`, the annotations touched beside
//! it, the selected change marked, in every bundled theme and at two sizes.

use ratatui::buffer::Buffer;

use super::tests::{draw, draw_with, text};
use crate::app::changes::tests::reissued;
use crate::app::reader::tests::press;
use crate::theme::{Catalog, Role, Theme};

/// The cell where `word` first starts on screen.
fn find(buf: &Buffer, word: &str) -> (u16, u16) {
    find_below(buf, word, 0)
}

/// The cell where `word` first starts on screen from row `row` down.
fn find_below(buf: &Buffer, word: &str, row: u16) -> (u16, u16) {
    let width = usize::from(buf.area.width);
    for (y, line) in text(buf).lines().enumerate().skip(usize::from(row)) {
        if let Some(at) = line.find(word) {
            let x = line[..at].chars().count();
            assert!(x < width);
            return (u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
        }
    }
    panic!("{word:?} not on screen:\n{}", text(buf));
}

/// Asserts every cell of `word` at its first place on screen has the style of `role` (its
/// colours and modifiers), and the cell before it does not.
fn styled(buf: &Buffer, theme: &Theme, word: &str, role: Role) {
    styled_below(buf, theme, word, role, 0);
}

/// [`styled`] for the first place of `word` from row `row` down.
fn styled_below(buf: &Buffer, theme: &Theme, word: &str, role: Role, row: u16) {
    let want = theme.style(role);
    let (x, y) = find_below(buf, word, row);
    for i in 0..u16::try_from(word.chars().count()).unwrap() {
        let cell = &buf[(x + i, y)];
        if let Some(fg) = want.fg {
            assert_eq!(cell.fg, fg, "{word:?} fg in {}", theme.name());
        }
        if let Some(bg) = want.bg {
            assert_eq!(cell.bg, bg, "{word:?} bg in {}", theme.name());
        }
        assert!(
            cell.modifier.contains(want.add_modifier),
            "{word:?} modifiers {:?} in {}",
            cell.modifier,
            theme.name()
        );
    }
    let before = &buf[(x - 1, y)];
    assert!(
        before.fg != want.fg.unwrap_or(before.fg)
            || before.bg != want.bg.unwrap_or(before.bg)
            || !before.modifier.contains(want.add_modifier),
        "the text before {word:?} is not styled as {} in {}",
        role.name(),
        theme.name()
    );
}

#[test]
fn the_changes_view_at_80x24() {
    let mut s = reissued(80, 24);
    press(&mut s, "D");
    let buf = draw(&s);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    styled(&buf, &theme, "Tuesday", Role::DiffDelete);
    styled(&buf, &theme, "Wednesday", Role::DiffInsert);
    // The second change's own line (the first one's shows the name as context).
    let (_, second) = find(&buf, "2/4");
    styled_below(&buf, &theme, "Okafur", Role::DiffDelete, second);
    styled_below(&buf, &theme, "Okafor", Role::DiffInsert, second);
    let (x, y) = find(&buf, "Okafur");
    assert_ne!(
        buf[(x, y)].fg,
        theme.style(Role::DiffDelete).fg.unwrap(),
        "context is plain"
    );
    styled(
        &buf,
        &theme,
        "This sentence about the bypass",
        Role::DiffDelete,
    );
    // The selected change is marked and its rows in the selection colour.
    let (x, y) = find(&buf, "▶ 1/4");
    let selected = theme.style(Role::PanelNoteSelected).bg.unwrap();
    assert_eq!(buf[(x, y)].bg, selected);
    let (x, y) = find(&buf, "  2/4");
    assert_ne!(buf[(x, y)].bg, selected, "the others are not");
    // The fuzzy annotation in the review colour, the orphan in the orphan colour.
    let (x, y) = find(&buf, "fuzzy");
    assert_eq!(Some(buf[(x, y)].fg), theme.style(Role::PanelReview).fg);
    let (x, y) = find(&buf, "orphaned");
    assert_eq!(Some(buf[(x, y)].fg), theme.style(Role::PanelOrphan).fg);
}

#[test]
fn the_changes_view_at_40x12_after_moving_to_the_last_change() {
    let mut s = reissued(40, 12);
    press(&mut s, "D [ c");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn every_bundled_theme_styles_insertions_and_deletions_apart() {
    let catalog = Catalog::bundled();
    let mut s = reissued(80, 24);
    press(&mut s, "D");
    for (name, _) in crate::theme::BUNDLED {
        let theme = catalog.get(name).unwrap();
        let buf = draw_with(&s, &theme);
        styled(&buf, &theme, "Tuesday", Role::DiffDelete);
        styled(&buf, &theme, "Wednesday", Role::DiffInsert);
        assert_ne!(
            theme.style(Role::DiffDelete),
            theme.style(Role::DiffInsert),
            "{name}"
        );
    }
}
