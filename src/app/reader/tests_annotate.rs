//! Scenario tests of annotating: keys in, annotations and state out.

use super::tests::{press, reader, send, type_text};
use super::*;
use crate::annotation::Color;
use crate::app::*;
use crate::input::{Key, Mode};

const SAMPLE: &[u8] = include_bytes!("../../../seeds/micron-cac-probe.txt");

/// Types into the note editor key by key, as the terminal would deliver them.
fn write_note(state: &mut Reader, text: &str) {
    for c in text.chars() {
        let key: Key = if c == '\n' {
            "enter".parse().unwrap()
        } else {
            c.to_string().parse().unwrap()
        };
        send(state, Event::Key(key));
    }
}

fn select_probe(s: &mut Reader) {
    press(s, "/");
    type_text(s, "cybersecurity probe");
    press(s, "enter v e e");
}

#[test]
fn search_then_v_e_e_selects_exactly_the_phrase() {
    let mut s = reader(SAMPLE, 80, 24);
    select_probe(&mut s);
    assert_eq!(s.mode(), Mode::Visual);
    let range = s.selection().unwrap().range(s.doc.text());
    assert_eq!(&s.doc.text()[range], "cybersecurity probe");
    press(&mut s, "1");
    assert_eq!(s.mode(), Mode::Normal);
    let a = s.annotations.iter().next().unwrap();
    assert_eq!(a.anchor.quote, "cybersecurity probe");
    assert_eq!(a.color, Color::Yellow);
    assert_eq!(a.anchor.prefix, "nd Europe, China has launched a ");
    assert_eq!(a.anchor.prefix.chars().count(), crate::annotation::CONTEXT);
    assert_eq!(a.anchor.suffix, " into Micron Technology, one of ");
    assert_eq!(a.anchor.end - a.anchor.start, 19);
}

#[test]
fn colour_keys_enter_and_cycling() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e 4");
    assert_eq!(s.annotations.iter().next().unwrap().color, Color::Red);
    press(&mut s, "c");
    assert_eq!(s.annotations.iter().next().unwrap().color, Color::Purple);
    press(&mut s, "c");
    assert_eq!(s.annotations.iter().next().unwrap().color, Color::Yellow);
    press(&mut s, "} v w enter");
    assert_eq!(s.annotations.len(), 2);
    assert_eq!(s.annotations.as_slice()[1].color, Color::Yellow);
    assert_eq!(s.annotations.as_slice()[1].anchor.quote, "The p");
}

#[test]
fn delete_undo_and_redo_with_step_counts() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e 2 c d");
    assert!(s.annotations.is_empty());
    press(&mut s, "u");
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(
        s.status.shown().unwrap().text,
        "undone (2 more to undo, 1 to redo)"
    );
    press(&mut s, "u u");
    assert!(s.annotations.is_empty());
    press(&mut s, "u");
    assert_eq!(s.status.shown().unwrap().text, "nothing to undo");
    press(&mut s, "ctrl-r ctrl-r");
    assert_eq!(s.annotations.iter().next().unwrap().color, Color::Blue);
    assert_eq!(
        s.status.shown().unwrap().text,
        "redone (2 to undo, 1 more to redo)"
    );
}

#[test]
fn notes_are_written_kept_on_escape_and_removed_when_emptied() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e a");
    assert_eq!(s.mode(), Mode::Note);
    write_note(&mut s, "Retaliation?\nCompare the Japan curbs.");
    press(&mut s, "esc");
    assert_eq!(s.mode(), Mode::Normal);
    let note = &s.annotations.iter().next().unwrap().note;
    assert_eq!(note, "Retaliation?\nCompare the Japan curbs.");

    // Reopen with a, clear it all, close: the note goes, the highlight stays.
    press(&mut s, "a");
    for _ in 0..60 {
        send(&mut s, Event::Key("backspace".parse().unwrap()));
    }
    press(&mut s, "esc");
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(s.annotations.iter().next().unwrap().note, "");
    press(&mut s, "u");
    assert_eq!(
        s.annotations.iter().next().unwrap().note,
        "Retaliation?\nCompare the Japan curbs."
    );
}

#[test]
fn pasting_into_a_note_keeps_lines_and_neutralises_controls() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e a");
    send(
        &mut s,
        Event::Paste("line one\r\nline \u{1b}]52;c;x\u{7} two".into()),
    );
    press(&mut s, "esc");
    assert_eq!(
        s.annotations.iter().next().unwrap().note,
        "line one\nline ␛]52;c;x␇ two"
    );
}

#[test]
fn a_and_t_without_a_highlight_say_what_to_do() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "a");
    assert_eq!(s.mode(), Mode::Normal);
    assert!(
        s.status
            .shown()
            .unwrap()
            .text
            .contains("select text with v")
    );
    press(&mut s, "t");
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn tags_are_edited_with_completion_from_used_tags() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e 1 t");
    assert_eq!(s.mode(), Mode::Prompt);
    type_text(&mut s, "semiconductors, china ,, semiconductors");
    press(&mut s, "enter");
    assert_eq!(
        s.annotations.iter().next().unwrap().tags,
        vec!["semiconductors", "china"]
    );

    press(&mut s, "} v e 2 t");
    type_text(&mut s, "sem");
    assert_eq!(s.completions(), vec!["semiconductors"]);
    press(&mut s, "tab");
    type_text(&mut s, "c");
    press(&mut s, "tab");
    assert_eq!(
        s.prompt().as_ref().unwrap().query,
        "semiconductors, china, "
    );
    press(&mut s, "esc");
    assert_eq!(
        s.annotations.as_slice()[1].tags,
        vec!["semiconductors", "china"],
        "Esc keeps tags"
    );
}

#[test]
fn the_brief_note_is_separate_from_highlights() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "A");
    write_note(&mut s, "Overall: escalation.");
    press(&mut s, "esc");
    assert_eq!(s.annotations.brief_note(), "Overall: escalation.");
    assert!(s.annotations.is_empty());
    press(&mut s, "u");
    assert_eq!(s.annotations.brief_note(), "");
}

#[test]
fn overlapping_highlights_are_both_under_the_cursor() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} V 1");
    press(&mut s, "w w w v e e 2");
    assert_eq!(s.annotations.len(), 2);
    let under: Vec<Color> = s.under_cursor().iter().map(|a| a.color).collect();
    assert_eq!(under, vec![Color::Green, Color::Yellow], "innermost first");
    press(&mut s, "d");
    assert_eq!(
        s.annotations.iter().next().unwrap().color,
        Color::Yellow,
        "d acts on the inner one"
    );
}

#[test]
fn selection_motions_in_a_table() {
    // (keys after "}" and "v", expected selected text)
    let cases = [
        ("l l", "In "),
        ("w", "In a"),
        ("e", "In"),
        ("w w b", "In a"),
        ("e e h", "In "),
        (
            ")",
            "In a move that appears to be retaliation against US allies in Asia and Europe, China has launched a cybersecurity probe into Micron Technology, one of America's largest memory chip makers. T",
        ),
        (
            "$",
            "In a move that appears to be retaliation against US allies in Asia and Europe, ",
        ),
        ("$ 0", "I"),
        (
            "j",
            "In a move that appears to be retaliation against US allies in Asia and Europe,\nC",
        ),
        ("w w o", "In a m"),
    ];
    for (keys, want) in cases {
        let mut s = reader(SAMPLE, 80, 24);
        press(&mut s, "} v");
        press(&mut s, keys);
        let range = s.selection().unwrap().range(s.doc.text());
        let got = &s.doc.text()[range];
        // Line motions depend on the wrap; compare with what is on screen row by row.
        if keys.starts_with('j') {
            assert!(
                got.starts_with("In a move") && got.len() > 70,
                "{keys}: {got:?}"
            );
        } else {
            assert_eq!(got, want, "keys {keys:?}");
        }
    }
}

#[test]
fn o_swaps_the_moving_end() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v w w o");
    let sel = s.selection().unwrap();
    assert!(sel.head < sel.anchor);
    assert_eq!(s.cursor, sel.head);
}

#[test]
fn selections_span_paragraphs_and_survive_resizes() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v } l l l");
    let before = s.selection().unwrap().range(s.doc.text());
    send(&mut s, Event::Resize(41, 13));
    send(&mut s, Event::Resize(120, 40));
    press(&mut s, "z");
    assert_eq!(s.selection().unwrap().range(s.doc.text()), before);
    press(&mut s, "5");
    let quote = &s.annotations.iter().next().unwrap().anchor.quote;
    assert!(
        quote.starts_with("In a move") && quote.ends_with("risks.\nTh"),
        "{quote:?}"
    );
}

#[test]
fn esc_cancels_a_selection_without_a_highlight() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "} v e e esc");
    assert!(s.selection().is_none());
    assert!(s.annotations.is_empty());
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn the_panel_focuses_moves_jumps_and_filters() {
    let mut s = reader(SAMPLE, 100, 30);
    press(&mut s, "} v e 1 } v e 2 } v e 3");
    press(&mut s, "g tab");
    assert!(s.panel.open && s.mode() == Mode::Normal);
    press(&mut s, "tab");
    assert_eq!(s.mode(), Mode::Panel, "Tab again moves focus to the panel");
    assert_eq!(s.panel.selected, 0);
    press(&mut s, "j j j");
    assert_eq!(s.panel.selected, 2, "stops at the last entry");
    press(&mut s, "enter");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(
        s.under_cursor()[0].color,
        Color::Blue,
        "Enter jumps to the entry"
    );
    press(&mut s, "ctrl-w k c");
    assert_eq!(
        s.annotations.as_slice()[1].color,
        Color::Blue,
        "c acts on the panel's entry"
    );
    press(&mut s, "f");
    type_text(&mut s, "blue");
    press(&mut s, "enter");
    assert_eq!(s.panel.entries(&s).len(), 2);
    assert_eq!(s.mode(), Mode::Panel);
    press(&mut s, "f enter");
    assert_eq!(s.panel.entries(&s).len(), 3, "an empty filter clears");
    press(&mut s, "tab");
    assert!(
        !s.panel.open && s.mode() == Mode::Normal,
        "Tab a third time closes it"
    );
}

#[test]
fn the_panel_width_adjusts_within_bounds() {
    let mut s = reader(SAMPLE, 120, 30);
    press(&mut s, "tab");
    let width = s.panel.width;
    press(&mut s, "> >");
    assert_eq!(s.panel.width, width + 8);
    for _ in 0..30 {
        press(&mut s, "<");
    }
    assert_eq!(s.panel.width, PANEL_WIDTHS.0);
}

#[test]
fn mouse_drag_selects_and_double_and_triple_clicks_select_word_and_paragraph() {
    let mut s = reader(SAMPLE, 80, 24);
    let x = s.geometry().column.x;
    // Row 3 is the first row of the first body paragraph: "In a move that ...".
    send(&mut s, Event::MouseDown { x, y: 3, clicks: 1 });
    send(&mut s, Event::MouseDrag { x: x + 8, y: 3 });
    send(&mut s, Event::MouseUp);
    assert_eq!(s.mode(), Mode::Visual);
    assert_eq!(
        &s.doc.text()[s.selection().unwrap().range(s.doc.text())],
        "In a move"
    );
    press(&mut s, "2");
    assert_eq!(
        s.annotations.iter().next().unwrap().anchor.quote,
        "In a move"
    );

    send(
        &mut s,
        Event::MouseDown {
            x: x + 6,
            y: 3,
            clicks: 2,
        },
    );
    assert_eq!(
        &s.doc.text()[s.selection().unwrap().range(s.doc.text())],
        "move"
    );
    send(
        &mut s,
        Event::MouseDown {
            x: x + 6,
            y: 3,
            clicks: 3,
        },
    );
    let para = &s.doc.text()[s.selection().unwrap().range(s.doc.text())];
    assert!(para.starts_with("In a move") && para.ends_with("cybersecurity risks."));
}

#[test]
fn dragging_past_the_bottom_edge_scrolls() {
    let mut s = reader(SAMPLE, 80, 12);
    let x = s.geometry().column.x;
    send(&mut s, Event::MouseDown { x, y: 3, clicks: 1 });
    for _ in 0..5 {
        send(&mut s, Event::MouseDrag { x, y: 40 });
    }
    assert_eq!(s.top, 5);
    assert!(s.selection().is_some());
}

#[test]
fn c_codes_a_selection_with_several_codes_and_dot_repeats_it_on_the_next() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, ". ");
    press(&mut s, "} v e .");
    assert!(s.annotations.is_empty(), "nothing to repeat yet");
    assert!(
        s.status
            .shown()
            .unwrap()
            .text
            .contains("no coding to repeat")
    );
    press(&mut s, "esc } v e 3 u");
    assert!(s.annotations.is_empty());
    press(&mut s, "v e c");
    assert_eq!(
        s.mode(),
        Mode::Prompt,
        "the code picker on the new highlight"
    );
    type_text(&mut s, "frame/conflict, actor/government");
    press(&mut s, "enter");
    let first = s.annotations.iter().next().unwrap().clone();
    assert_eq!(first.tags, ["frame/conflict", "actor/government"]);
    assert_eq!(first.color, Color::Yellow);
    press(&mut s, "} v e e .");
    assert_eq!(s.annotations.len(), 2);
    let second = &s.annotations.as_slice()[1];
    assert_eq!(second.tags, first.tags, "the same codes");
    assert_ne!(
        second.anchor.start, first.anchor.start,
        "on the new selection"
    );
    assert_eq!(
        s.status.shown().unwrap().text,
        "coded #frame/conflict #actor/government"
    );
    press(&mut s, "u");
    assert_eq!(s.annotations.len(), 1, "one u undoes the repeat");
}

#[test]
fn the_code_picker_completes_fuzzily_from_the_codebook_most_recent_first() {
    let mut s = reader(SAMPLE, 80, 24);
    s.codes = vec![
        "actor/government".into(),
        "frame/conflict".into(),
        "frame/economic".into(),
    ];
    press(&mut s, "} v e c");
    type_text(&mut s, "fcon");
    assert_eq!(
        s.completions(),
        ["frame/conflict", "frame/economic"],
        "fuzzy: the letters in order, the best match first"
    );
    type_text(&mut s, "f");
    assert_eq!(s.completions(), ["frame/conflict"]);
    press(&mut s, "tab");
    type_text(&mut s, "gov");
    press(&mut s, "tab enter");
    assert_eq!(
        s.annotations.iter().next().unwrap().tags,
        ["frame/conflict", "actor/government"],
        "several codes at once"
    );
    press(&mut s, "} v e c");
    type_text(&mut s, "r");
    let offered = s.completions();
    assert_eq!(
        &offered[..2],
        ["frame/conflict", "actor/government"],
        "the codes of the last coding come first, in their order"
    );
    assert!(offered.contains(&"frame/economic".to_string()));
}
