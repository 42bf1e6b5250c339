//! The search view on screen: a heading per brief with its count, a line per hit with the
//! match in the search colours, the selection, and the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::HitsView;
use super::tests::text;
use crate::app::hits::Hits;
use crate::app::hits::tests::{found, hit, press, searched, view};
use crate::store::search::Kind;
use crate::theme::{Role, Theme};

fn draw(hits: &Hits) -> Buffer {
    let area = Rect::new(0, 0, hits.size.0, hits.size.1);
    let mut buf = Buffer::empty(area);
    HitsView {
        hits,
        theme: &Theme::default(),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn the_search_view_at_60x7() {
    let hits = searched(60, 7);
    let buf = draw(&hits);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    // Row 1 is the selected hit: "Dutch [curbs] widen"; the match has the search colours.
    let line: String = (0..60).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    let at = line.find("curbs").unwrap();
    let x = u16::try_from(line[..at].chars().count()).unwrap();
    let matched = theme.style(Role::SearchMatch);
    assert_eq!(buf[(x, 1)].bg, matched.bg.unwrap(), "the match is marked");
    assert_ne!(
        buf[(x - 2, 1)].bg,
        matched.bg.unwrap(),
        "the context is not"
    );
}

#[test]
fn headings_keep_their_count_and_hostile_text_is_neutralised() {
    let mut hits = view(40, 6);
    for c in "x".chars() {
        crate::app::hits::update(
            &mut hits,
            crate::app::Event::Char(c),
            &crate::app::Env::fixed(1),
        );
    }
    press(&mut hits, "enter");
    let mut long = found(
        "a-very-long-folder-name/with-a-long-brief-name.txt",
        vec![hit(Kind::Text, 0, "\u{1b}]52;c;evil\u{7} [x] \u{9b}2J")],
    );
    long.title = "Title \u{1b}[31mred".into();
    crate::app::hits::update(
        &mut hits,
        crate::app::Event::Searched(1, vec![long]),
        &crate::app::Env::fixed(2),
    );
    let screen = text(&draw(&hits));
    let first = screen.lines().next().unwrap();
    assert!(first.trim_end().ends_with("(1)"), "{first}");
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{9b}'),
        "{screen:?}"
    );
}
