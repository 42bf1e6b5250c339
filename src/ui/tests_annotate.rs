//! Snapshots of annotated screens, with colours: highlights, overlaps, the selection, note
//! marks, the panel and the note editor.

use super::tests::draw;
use crate::annotation::Color;
use crate::app::Event;
use crate::app::Reader;
use crate::app::reader::tests::{press, reader, send, type_text};
use crate::input::Key;
use crate::theme::{Role, Theme};

const SAMPLE: &[u8] = include_bytes!("../../seeds/micron-cac-probe.txt");

/// The sample with: "cybersecurity probe" in yellow with a note and tags, an overlapping green
/// highlight on "probe into Micron", and a red one in the second paragraph.
pub(crate) fn annotated(w: u16, h: u16) -> Reader {
    let mut s = reader(SAMPLE, w, h);
    press(&mut s, "/");
    type_text(&mut s, "cybersecurity probe");
    press(&mut s, "enter v e e 1 a");
    for c in "Retaliation for the Japan curbs?".chars() {
        send(&mut s, Event::Key(c.to_string().parse::<Key>().unwrap()));
    }
    press(&mut s, "esc t");
    type_text(&mut s, "china, semis");
    press(&mut s, "enter");
    press(&mut s, "/");
    type_text(&mut s, "probe into");
    press(&mut s, "enter v e e e 2");
    press(&mut s, "/");
    type_text(&mut s, "hidden product");
    press(&mut s, "enter v e e 4 g");
    s
}

fn cell_style_of(buf: &ratatui::buffer::Buffer, needle: &str) -> ratatui::style::Style {
    let width = usize::from(buf.area.width);
    let rows: Vec<String> = buf
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect();
    for (y, row) in rows.iter().enumerate() {
        if let Some(x) = row.find(needle) {
            let x = row[..x].chars().count();
            return buf.content[y * width + x].style();
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn highlights_take_their_colour_and_overlaps_are_marked() {
    let s = annotated(80, 24);
    let buf = draw(&s);
    let theme = Theme::default();
    let yellow = theme.style(Role::HighlightYellow).bg;
    let green = theme.style(Role::HighlightGreen).bg;
    assert_eq!(cell_style_of(&buf, "cybersecurity probe").bg, yellow);
    // "probe" is covered by both: the inner (shorter) green one wins, with the overlap style.
    let overlap = cell_style_of(&buf, "probe into");
    assert_eq!(overlap.bg, green);
    assert!(
        overlap
            .add_modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    assert_eq!(cell_style_of(&buf, "into Micron").bg, green);
    assert_eq!(s.annotations.len(), 3);
    assert_eq!(s.annotations.as_slice()[2].color, Color::Red);
}

#[test]
fn annotated_panel_closed_at_80x24() {
    insta::assert_debug_snapshot!(draw(&annotated(80, 24)));
}

#[test]
fn annotated_panel_open_at_80x24() {
    let mut s = annotated(80, 24);
    press(&mut s, "tab");
    let buf = draw(&s);
    let text: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(
        text.contains("[1] ■ yellow"),
        "the noted entry carries the margin number"
    );
    assert!(text.contains("#china #semis"));
    insta::assert_debug_snapshot!(buf);
}

#[test]
fn annotated_panel_closed_at_40x12() {
    insta::assert_debug_snapshot!(draw(&annotated(40, 12)));
}

#[test]
fn annotated_panel_hidden_at_40x12() {
    let mut s = annotated(40, 12);
    press(&mut s, "tab");
    insta::assert_debug_snapshot!(draw(&s));
}

#[test]
fn focused_panel_and_selection_at_100x30() {
    let mut s = annotated(100, 30);
    press(&mut s, "tab tab j");
    let buf = draw(&s);
    let theme = Theme::default();
    let selected_bg = theme.style(Role::PanelNoteSelected).bg;
    assert!(
        buf.content.iter().any(|c| c.bg == selected_bg.unwrap()),
        "the selected entry shows"
    );
    insta::assert_debug_snapshot!(buf);
}

#[test]
fn a_selection_in_progress_at_80x24() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e e e");
    let buf = draw(&s);
    let selection = Theme::default().style(Role::Selection);
    assert_eq!(cell_style_of(&buf, "In a move").bg, selection.bg);
    insta::assert_debug_snapshot!(buf);
}

#[test]
fn the_note_editor_at_80x24() {
    let mut s = annotated(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "cybersecurity probe");
    press(&mut s, "enter a");
    let buf = draw(&s);
    let text: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(text.contains("Note on “cybersecurity probe” (Esc saves)"));
    assert!(text.contains("Retaliation for the Japan curbs?"));
    insta::assert_debug_snapshot!(buf);
}

#[test]
fn review_and_orphaned_entries_in_the_panel_at_100x30() {
    use crate::annotation::Status;
    let mut s = annotated(100, 30);
    let mut items: Vec<_> = s.annotations.iter().cloned().collect();
    items[1].status = Status::Fuzzy;
    items[1].anchor.quote = "probe of Micron".into();
    items[2].status = Status::Orphaned;
    for a in items {
        s.annotations.replace(a);
    }
    press(&mut s, "tab");
    let buf = draw(&s);
    let text: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(text.contains("⚠ review"), "fuzzy entries ask for review");
    assert!(text.contains("was “probe of Micron”"));
    assert!(text.contains("now “probe into Micron”"));
    assert!(text.contains("Orphaned: not in this text"));
    let theme = Theme::default();
    // The reader's cell (the panel quotes the same words further right).
    let width = usize::from(buf.area.width);
    let row = buf
        .content
        .chunks(width)
        .position(|r| {
            r.iter()
                .take(66)
                .map(|c| c.symbol())
                .collect::<String>()
                .contains("probe into")
        })
        .unwrap();
    let line: String = buf.content[row * width..row * width + 66]
        .iter()
        .map(|c| c.symbol())
        .collect();
    let x = line[..line.find("probe into").unwrap()].chars().count() + "probe ".len();
    let struck = buf.content[row * width + x].style();
    assert!(
        struck
            .add_modifier
            .contains(theme.style(Role::HighlightFuzzy).add_modifier)
    );
    insta::assert_debug_snapshot!(buf);
}

/// The status bar, the screen's last row, as text.
fn status_row(buf: &ratatui::buffer::Buffer) -> String {
    let width = usize::from(buf.area.width);
    let last = buf.content.len() - width;
    buf.content[last..].iter().map(|c| c.symbol()).collect()
}

#[test]
fn the_status_bar_shows_the_codes_under_the_caret() {
    let mut s = annotated(80, 24);
    s.status.dismiss();
    press(&mut s, "/");
    type_text(&mut s, "cybersecurity probe");
    press(&mut s, "enter");
    s.status.dismiss();
    let buf = draw(&s);
    let row = status_row(&buf);
    insta::assert_snapshot!(row);
    assert!(row.contains("codes: china · semis"), "{row}");
    let theme = Theme::default();
    assert_eq!(
        cell_style_of(&buf, "codes: china").fg,
        theme.style(Role::Status).fg
    );
    // Off the coded highlight (on the red one, which has no tags) the key hints come back.
    press(&mut s, "/");
    type_text(&mut s, "hidden product");
    press(&mut s, "enter");
    s.status.dismiss();
    let row = status_row(&draw(&s));
    assert!(!row.contains("codes:") && row.contains("help"), "{row}");
}
