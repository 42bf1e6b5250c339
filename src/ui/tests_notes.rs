//! The notes across the library on screen: headings, entries with their colour mark, tags,
//! quote and note, the selection, and hostile text made safe.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::NotesView;
use super::tests::text;
use crate::annotation::Color;
use crate::annotation::tests::ann;
use crate::app::notes::{Notes, update};
use crate::app::{Env, Event};
use crate::input::Keymap;
use crate::store::library::{Note, NoteBrief, Shared};
use crate::theme::{Role, Theme};

fn note(id: u128, brief: &str, tags: &[&str], color: Color, quote: &str, text: &str) -> Note {
    let mut a = ann(id, 0..5);
    a.tags = tags.iter().map(|t| (*t).to_string()).collect();
    a.color = color;
    a.note = text.to_string();
    let brief = std::sync::Arc::new(NoteBrief::new(
        format!("/lib/{brief}").into(),
        brief.into(),
        format!("Title of {brief}"),
    ));
    Note::new(&brief, &a, quote, &mut Shared::default())
}

fn draw(notes: &Notes) -> Buffer {
    let area = Rect::new(0, 0, notes.size.0, notes.size.1);
    let mut buf = Buffer::empty(area);
    NotesView {
        notes,
        theme: &Theme::default(),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn notes_at_90x8() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut notes = Notes::new("/lib".into(), &keymap);
    update(&mut notes, Event::Resize(90, 8), &Env::fixed(0));
    let rows = vec![
        note(
            1,
            "a.txt",
            &["policy/japan"],
            Color::Green,
            "new curbs on chip tools",
            "why now?\nsecond line",
        ),
        note(
            2,
            "a.txt",
            &[],
            Color::Red,
            "a \u{1b}]52;c;aGk=\u{7} clipboard",
            "",
        ),
        note(
            3,
            "wires/b.md",
            &["market"],
            Color::Blue,
            "shares fell 4.4%",
            "see the Korean rivals",
        ),
    ];
    update(&mut notes, Event::Noted(rows), &Env::fixed(1));
    update(&mut notes, Event::NotesDone, &Env::fixed(2));
    let buf = draw(&notes);
    insta::assert_snapshot!(text(&buf));
    let theme = Theme::default();
    assert_eq!(buf[(2, 1)].symbol(), "■");
    assert_eq!(
        buf[(2, 1)].fg,
        theme
            .style(Role::highlight(Color::Green))
            .fg
            .unwrap_or_default()
    );
    let selected = theme.style(Role::PanelNoteSelected);
    if let Some(bg) = selected.bg {
        assert_eq!(buf[(40, 1)].bg, bg, "the first annotation is selected");
    }
    assert!(
        !text(&buf)
            .chars()
            .any(|c| crate::sanitize::is_unsafe(c) && c != '\n')
    );
}

#[test]
fn an_entry_shows_its_author_at_60x4() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut notes = Notes::new("/lib".into(), &keymap);
    update(&mut notes, Event::Resize(60, 4), &Env::fixed(0));
    let mut by_ana = note(1, "a.txt", &["policy"], Color::Green, "new curbs", "why?");
    by_ana.author = "ana\u{1b}[2J".into();
    let unknown = note(2, "a.txt", &[], Color::Red, "old curbs", "");
    update(
        &mut notes,
        Event::Noted(vec![by_ana, unknown]),
        &Env::fixed(1),
    );
    update(&mut notes, Event::NotesDone, &Env::fixed(2));
    let buf = draw(&notes);
    insta::assert_snapshot!(text(&buf));
    let screen = text(&buf);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(
        rows[1].contains("#policy by ana␛[2J “new curbs”"),
        "{screen}"
    );
    assert!(!rows[2].contains("by"), "{screen}");
    let meta = Theme::default().style(Role::PanelMeta);
    let at = rows[1].chars().position(|c| c == 'b').unwrap();
    assert_eq!(
        buf[(u16::try_from(at).unwrap(), 1)].fg,
        meta.fg.unwrap_or_default()
    );
}
