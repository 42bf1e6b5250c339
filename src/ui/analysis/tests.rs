//! The analysis views on screen: the heat map's colours carry the counts, the triangle, the
//! timeline's bars, and the drill-down list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::{AnalysisView, heat};
use crate::app::analysis::Analysis;
use crate::app::analysis::tests::{act, view};
use crate::input::Action;
use crate::theme::{Role, Theme};
use crate::ui::tests::text;

fn draw(v: &Analysis) -> Buffer {
    let area = Rect::new(0, 0, v.size.0, v.size.1);
    let mut buf = Buffer::empty(area);
    AnalysisView {
        view: v,
        theme: &Theme::default(),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn heat_is_thirds_of_the_largest_count() {
    assert_eq!(heat(0, 4), None);
    assert_eq!(heat(1, 4), Some(Role::HeatLow));
    assert_eq!(heat(2, 4), Some(Role::HeatMid));
    assert_eq!(heat(3, 4), Some(Role::HeatHigh));
    assert_eq!(heat(4, 4), Some(Role::HeatHigh));
}

#[test]
fn the_matrix_heat_map_at_60x8() {
    let mut v = view(60, 8);
    act(&mut v, &[Action::ToggleFold]);
    let buf = draw(&v);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    let bg = |role| theme.style(role).bg.unwrap();
    // Cells are 5 columns from column 22; a count's last digit at 22 + 5c + 3. The largest
    // count (frame/conflict in b2, and frame/economy in b1: 3) is hot, a 1 is low.
    let cell = |row: u16, col: u16| &buf[(22 + 5 * col + 3, 2 + row)];
    assert_eq!(cell(2, 1).symbol(), "3");
    assert_eq!(cell(2, 1).bg, bg(Role::HeatHigh));
    assert_eq!(cell(3, 0).bg, bg(Role::HeatHigh));
    assert_eq!(cell(0, 1).symbol(), "1");
    assert_eq!(cell(0, 1).bg, bg(Role::HeatLow));
    assert_eq!(cell(0, 2).symbol(), "·", "zero is a dot");
    assert_ne!(cell(0, 2).bg, bg(Role::HeatLow));
}

#[test]
fn the_matrix_scrolls_to_the_selected_column() {
    // 34 columns: room for 2 cells after the names.
    let mut v = view(34, 8);
    act(
        &mut v,
        &[
            Action::ColumnRight,
            Action::ColumnRight,
            Action::ColumnRight,
        ],
    );
    assert_eq!((v.col, v.left), (3, 2));
    let shown = text(&draw(&v));
    let header = shown.lines().nth(1).unwrap();
    assert_eq!(header.trim(), "3    4", "columns 3 and 4 on screen");
}

#[test]
fn the_co_occurrence_triangle_at_60x8() {
    let mut v = view(60, 8);
    act(&mut v, &[Action::NextTab, Action::ToggleFold]);
    insta::assert_snapshot!(text(&draw(&v)));
}

#[test]
fn the_timeline_bar_chart_at_64x10() {
    let mut v = view(64, 10);
    act(&mut v, &[Action::NextTab, Action::NextTab]);
    let buf = draw(&v);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    // The selected period (2026-11, 7 segments) is drawn in the heat map's top colour.
    let top = theme.style(Role::HeatHigh).fg.unwrap();
    let bar = (2..8).find(|&y| buf[(1, y)].symbol() == "█").unwrap();
    assert_eq!(buf[(1, bar)].fg, top);
}

#[test]
fn the_segment_list_at_60x8() {
    let mut v = view(60, 8);
    act(&mut v, &[Action::ScrollDown, Action::Drill]);
    insta::assert_snapshot!(text(&draw(&v)));
}

#[test]
fn the_title_names_the_author_counted_at_80x8() {
    let mut v = view(80, 8);
    act(&mut v, &[Action::NextAuthor, Action::NextAuthor]);
    let buf = draw(&v);
    insta::assert_snapshot!(text(&buf));
    let first = text(&buf).lines().next().unwrap().to_string();
    assert!(first.contains("by ben"), "{first}");
}

#[test]
fn the_agreement_table_at_80x8() {
    let mut v = view(80, 8);
    act(
        &mut v,
        &[
            Action::NextTab,
            Action::NextTab,
            Action::NextTab,
            Action::ScrollDown,
        ],
    );
    let buf = draw(&v);
    insta::assert_snapshot!(text(&buf));
    let shown = text(&buf);
    // actor/bank: ben never coded it, so p_e = p_o = 66/104 and kappa is 0.
    assert!(
        shown.contains("actor/bank                        0.6346    0.0000"),
        "{shown}"
    );
    let theme = Theme::default();
    let selected = theme.style(Role::Panel).patch(theme.style(Role::Selection));
    assert_eq!(buf[(0, 3)].bg, selected.bg.unwrap(), "row 2 selected");
}

#[test]
fn kappa_is_a_dash_where_it_is_undefined() {
    assert_eq!(super::agreement::kappa_text(None), "—");
    assert_eq!(super::agreement::kappa_text(Some(-2.0 / 11.0)), "-0.1818");
}

#[test]
fn a_folded_code_is_marked_and_its_children_hidden_at_80x8() {
    let mut v = view(80, 8);
    act(&mut v, &[Action::ScrollDown, Action::ToggleFoldHere]);
    let shown = text(&draw(&v));
    insta::assert_snapshot!(shown);
    let rows: Vec<&str> = shown.lines().skip(2).take(4).collect();
    assert!(rows[0].starts_with("  1▸actor "), "{shown}");
    assert!(rows[1].starts_with("  2 frame/conflict "), "{shown}");
    assert!(
        shown.lines().next().unwrap().contains("partly folded"),
        "{shown}"
    );
}

#[test]
fn the_code_prompt_shows_its_completions_at_80x8() {
    let mut v = view(80, 8);
    act(
        &mut v,
        &[Action::NextTab, Action::NextTab, Action::TypeCodeFilter],
    );
    for c in "ac".chars() {
        crate::app::analysis::update(
            &mut v,
            crate::app::Event::Char(c),
            &crate::app::Env::fixed(2),
        );
    }
    let shown = text(&draw(&v));
    insta::assert_snapshot!(shown);
    let bar = shown.lines().last().unwrap();
    assert!(bar.contains("timeline of: ac▏"), "{bar}");
    assert!(bar.contains("actor/bank"), "{bar}");
}

#[test]
fn the_co_occurrence_title_says_when_highlights_meet() {
    let mut v = view(120, 8);
    act(&mut v, &[Action::NextTab]);
    let first = |v: &Analysis| text(&draw(v)).lines().next().unwrap().to_string();
    assert!(first(&v).contains("· overlapping"), "{}", first(&v));
    act(&mut v, &[Action::ToggleParagraph]);
    assert!(first(&v).contains("· in one paragraph"), "{}", first(&v));
    act(&mut v, &[Action::NextTab]);
    assert!(
        !first(&v).contains("paragraph"),
        "only on its own tab: {}",
        first(&v)
    );
}
