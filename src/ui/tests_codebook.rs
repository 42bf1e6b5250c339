//! The codebook view on screen: the tree with counts, colours and descriptions, the uncoded
//! tags, the prompts, and hostile names made safe.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::CodebookView;
use super::tests::text;
use crate::annotation::Color;
use crate::annotation::tally::Count;
use crate::app::codebook::{Codes, update};
use crate::app::{Env, Event};
use crate::codebook::tree::Row;
use crate::input::{Action, Keymap};
use crate::store::codebook::Listing;
use crate::theme::{Role, Theme};

fn row(
    name: &str,
    is_code: bool,
    annotations: usize,
    color: Option<Color>,
    description: &str,
) -> Row {
    Row {
        name: name.to_string(),
        depth: name.matches('/').count(),
        is_code,
        description: description.to_string(),
        color,
        memo: String::new(),
        count: Count {
            annotations,
            briefs: annotations.div_ceil(2),
        },
    }
}

/// The codebook view of `listing`, at `width` x `height`.
fn codes_of(width: u16, height: u16, listing: Listing) -> Codes {
    let keymap = Keymap::default_keymap().unwrap();
    let mut codes = Codes::new("/lib".into(), &keymap);
    update(&mut codes, Event::Resize(width, height), &Env::fixed(0));
    update(&mut codes, Event::Codes(Box::new(listing)), &Env::fixed(1));
    codes
}

fn codes(width: u16, height: u16) -> Codes {
    let listing = Listing {
        rows: vec![
            row("actor", false, 3, None, ""),
            row(
                "actor/government",
                true,
                3,
                Some(Color::Blue),
                "Officials, ministries\nsecond line",
            ),
            row("frame", true, 6, None, "How a story is told"),
            row(
                "frame/conflict",
                true,
                4,
                Some(Color::Red),
                "Parties at odds",
            ),
            row(
                "frame/\u{1b}]52;c;aGk=\u{7}x",
                true,
                1,
                None,
                "a \u{1b}[2J trap",
            ),
        ],
        memos: Vec::new(),
        uncoded: vec![(
            "market".into(),
            Count {
                annotations: 5,
                briefs: 4,
            },
        )],
        problem: None,
        skipped: Vec::new(),
    };
    codes_of(width, height, listing)
}

fn draw(codes: &Codes) -> Buffer {
    let area = Rect::new(0, 0, codes.size.0, codes.size.1);
    let mut buf = Buffer::empty(area);
    CodebookView {
        codes,
        theme: &Theme::default(),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn codebook_at_90x10() {
    let c = codes(90, 10);
    let buf = draw(&c);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    let fg = |color| theme.style(Role::highlight(color)).fg.unwrap_or_default();
    assert_eq!(buf[(3, 1)].symbol(), "■");
    assert_eq!(buf[(3, 1)].fg, fg(Color::Blue), "a code's colour mark");
    assert_eq!(buf[(3, 3)].symbol(), "■");
    assert_eq!(buf[(3, 3)].fg, fg(Color::Red));
    if let Some(bg) = theme.style(Role::PanelNoteSelected).bg {
        assert_eq!(buf[(40, 0)].bg, bg, "the first line is selected");
        assert_ne!(buf[(40, 1)].bg, bg);
    }
    assert!(
        !text(&buf)
            .chars()
            .any(|c| crate::sanitize::is_unsafe(c) && c != '\n')
    );
}

#[test]
fn codebook_prompts_at_60x6() {
    let mut c = codes(60, 6);
    update(&mut c, Event::Action(Action::ScrollDown), &Env::fixed(2));
    update(&mut c, Event::Action(Action::DeleteCode), &Env::fixed(3));
    let deleting = text(&draw(&c));
    update(&mut c, Event::Action(Action::PromptCancel), &Env::fixed(4));
    update(&mut c, Event::Action(Action::RenameCode), &Env::fixed(5));
    for ch in "/x".chars() {
        update(&mut c, Event::Char(ch), &Env::fixed(6));
    }
    let renaming = text(&draw(&c));
    insta::assert_snapshot!(format!("{deleting}\n{renaming}"));
}

#[test]
fn codebook_memo_pane_and_editor_at_70x12() {
    let mut listing = Listing {
        rows: vec![
            row("frame", true, 6, None, "How a story is told"),
            row(
                "frame/conflict",
                true,
                4,
                Some(Color::Red),
                "Parties at odds",
            ),
        ],
        memos: Vec::new(),
        uncoded: Vec::new(),
        problem: None,
        skipped: Vec::new(),
    };
    listing.rows[1].memo = "Two sides at odds.\nE.g. \u{1b}[2J curbs vs. review.".into();
    let mut c = codes_of(70, 12, listing);
    update(&mut c, Event::Action(Action::ScrollDown), &Env::fixed(2));
    let pane = text(&draw(&c));
    update(&mut c, Event::Action(Action::EditMemo), &Env::fixed(3));
    let buf = draw(&c);
    let editing = text(&buf);
    insta::assert_snapshot!(format!("{pane}\n{editing}"));
    assert!(pane.contains(" Two sides at odds."));
    assert!(editing.contains("Memo on frame/conflict"));
    assert!(
        editing.contains("E.g. ␛[2J"),
        "the editor shows a control's stand-in"
    );
    let theme = Theme::default();
    let border = editing.lines().position(|l| l.contains("Memo on")).unwrap();
    let x = editing
        .lines()
        .nth(border)
        .unwrap()
        .chars()
        .position(|ch| ch == '─')
        .unwrap();
    let cell = &buf[(u16::try_from(x).unwrap(), u16::try_from(border).unwrap())];
    assert_eq!(Some(cell.fg), theme.style(Role::EditorBorder).fg);
}

#[test]
fn the_librarys_memos_under_the_codes_at_90x9() {
    let listing = Listing {
        rows: vec![row("frame", true, 6, None, "How a story is told")],
        memos: vec![
            ("Sampling".into(), "Wires of May only.\nTwo coders.".into()),
            ("\u{1b}]0;owned\u{7}title".into(), "a \u{1b}[2J trap".into()),
        ],
        uncoded: Vec::new(),
        problem: None,
        skipped: Vec::new(),
    };
    let mut c = codes_of(90, 9, listing);
    update(&mut c, Event::Action(Action::Bottom), &Env::fixed(2));
    update(&mut c, Event::Action(Action::ScrollUp), &Env::fixed(2));
    let buf = draw(&c);
    insta::assert_snapshot!(text(&buf));
    let shown = text(&buf);
    assert!(shown.contains("Memos of the library"), "{shown}");
    assert!(
        shown.contains("Two coders."),
        "the selected memo's pane:\n{shown}"
    );
    assert!(
        !shown
            .chars()
            .any(|c| crate::sanitize::is_unsafe(c) && c != '\n')
    );
}
