//! The notes view as a user drives it: grouping, filtering and opening.

use std::path::PathBuf;

use super::*;
use crate::annotation::tests::ann;
use crate::annotation::{Color, Status};
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::document::Chars;
use crate::input::Key;
use crate::store::library::{NoteBrief, Shared};

fn note(id: u128, brief: &str, tags: &[&str], color: Color, quote: &str, text: &str) -> Note {
    let mut a = ann(id, (id as usize) * 10..(id as usize) * 10 + 5);
    a.tags = tags.iter().map(|t| (*t).to_string()).collect();
    a.color = color;
    a.note = text.to_string();
    let brief = std::sync::Arc::new(NoteBrief::new(
        PathBuf::from("/lib").join(brief),
        brief.into(),
        format!("Title of {brief}"),
    ));
    Note::new(&brief, &a, quote, &mut Shared::default())
}

fn notes() -> Notes {
    let keymap = Keymap::default_keymap().unwrap();
    let mut n = Notes::new(PathBuf::from("/lib"), &keymap);
    update(&mut n, Event::Resize(100, 20), &Env::fixed(0));
    let batch = vec![
        note(
            1,
            "a.txt",
            &["policy/japan"],
            Color::Green,
            "new curbs",
            "why now?",
        ),
        note(2, "a.txt", &[], Color::Red, "chip tools", ""),
    ];
    update(&mut n, Event::Noted(batch), &Env::fixed(1));
    let batch = vec![note(
        3,
        "b.md",
        &["policy", "market"],
        Color::Green,
        "shares fell",
        "",
    )];
    update(&mut n, Event::Noted(batch), &Env::fixed(2));
    update(&mut n, Event::NotesDone, &Env::fixed(3));
    n
}

fn press(n: &mut Notes, keys: &str) -> Vec<Effect> {
    let keymap = Keymap::default_keymap().unwrap();
    let mut effects = Vec::new();
    let mut pending = None;
    for name in keys.split_whitespace() {
        let key: Key = name.parse().unwrap();
        if let Some(event) = crate::app::key_event(&keymap, n.mode(), &mut pending, key) {
            effects.extend(update(n, event, &Env::fixed(4)));
        }
    }
    effects
}

fn type_text(n: &mut Notes, text: &str) {
    for c in text.chars() {
        update(n, Event::Char(c), &Env::fixed(5));
    }
}

/// The lines as text: headings as they are, entries as their quotes.
fn shown(n: &Notes) -> Vec<String> {
    n.lines
        .iter()
        .map(|l| match l {
            Line::Group(h) => h.to_string(),
            Line::Entry(i) => format!("  {}", n.rows[*i].quote),
        })
        .collect()
}

#[test]
fn grouped_by_brief_then_by_tag_with_an_annotation_under_each_of_its_tags() {
    let mut n = notes();
    assert_eq!(
        shown(&n),
        [
            "Title of a.txt · a.txt",
            "  new curbs",
            "  chip tools",
            "Title of b.md · b.md",
            "  shares fell"
        ]
    );
    assert_eq!(
        n.selected_note().unwrap().quote,
        "new curbs",
        "the first entry, not a heading"
    );
    press(&mut n, "t");
    assert_eq!(
        shown(&n),
        [
            "#market",
            "  shares fell",
            "#policy",
            "  shares fell",
            "#policy/japan",
            "  new curbs",
            "no tag",
            "  chip tools"
        ]
    );
    assert_eq!(
        n.selected_note().unwrap().quote,
        "new curbs",
        "the same annotation stays selected"
    );
}

#[test]
fn the_filter_takes_tags_colours_statuses_and_words() {
    let mut n = notes();
    press(&mut n, "/");
    type_text(&mut n, "#policy");
    assert_eq!(n.shown(), 2, "a tag keeps its children");
    type_text(&mut n, " color:green why");
    assert_eq!(n.shown(), 1);
    assert_eq!(n.selected_note().unwrap().quote, "new curbs");
    press(&mut n, "enter esc");
    assert_eq!(n.shown(), 3, "Esc clears it");
    press(&mut n, "/");
    type_text(&mut n, "status:orphaned");
    assert_eq!(n.shown(), 0);
}

#[test]
fn j_passes_over_headings_and_enter_opens_the_brief_at_the_highlight() {
    let mut n = notes();
    press(&mut n, "j j");
    let selected = n.selected_note().unwrap();
    assert_eq!(selected.quote, "shares fell");
    let effects = press(&mut n, "enter");
    assert_eq!(
        effects,
        [Effect::Open {
            brief: PathBuf::from("/lib/b.md"),
            at: Some(Chars(30)),
            find: None,
        }]
    );
    // Back from the reader: that brief's annotations are read again.
    let back = update(&mut n, Event::Back, &Env::fixed(6));
    assert_eq!(
        back,
        [Effect::NoteAgain {
            root: PathBuf::from("/lib"),
            brief: PathBuf::from("/lib/b.md")
        }]
    );
    let again = vec![note(
        3,
        "b.md",
        &["policy"],
        Color::Blue,
        "shares fell",
        "edited",
    )];
    update(
        &mut n,
        Event::NotedAgain(PathBuf::from("/lib/b.md"), again),
        &Env::fixed(7),
    );
    assert_eq!(n.rows.len(), 3);
    assert_eq!(n.selected_note().unwrap().note, "edited");
    assert_eq!(press(&mut n, "q"), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn an_orphan_opens_where_the_reader_last_was() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut n = Notes::new(PathBuf::from("/lib"), &keymap);
    update(&mut n, Event::Resize(80, 10), &Env::fixed(0));
    let mut orphan = note(1, "a.txt", &[], Color::Yellow, "gone text", "");
    orphan.status = Status::Orphaned;
    update(&mut n, Event::Noted(vec![orphan]), &Env::fixed(1));
    assert_eq!(
        press(&mut n, "enter"),
        [Effect::Open {
            brief: PathBuf::from("/lib/a.txt"),
            at: None,
            find: None,
        }]
    );
}

#[test]
fn the_filter_takes_an_author() {
    let mut n = notes();
    n.rows[1].author = "Ana".into();
    press(&mut n, "/");
    type_text(&mut n, "author:ana");
    assert_eq!(n.shown(), 1);
    assert_eq!(n.selected_note().unwrap().quote, "chip tools");
    type_text(&mut n, " policy");
    assert_eq!(n.shown(), 0, "with the other parts of the filter");
}

#[test]
fn while_notes_arrive_the_list_is_made_again_at_most_every_tenth_of_a_second() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut n = Notes::new(PathBuf::from("/lib"), &keymap);
    let at = |ms: i64| Env {
        now: jiff::Timestamp::from_millisecond(5_000 + ms).unwrap(),
        ..Env::fixed(1)
    };
    update(&mut n, Event::Resize(100, 20), &at(0));
    let one = |id, brief: &str| vec![note(id, brief, &[], Color::Green, "q", "")];
    update(&mut n, Event::Noted(one(1, "a.txt")), &at(10));
    assert_eq!(n.shown(), 1, "the first batch shows at once");
    update(&mut n, Event::Noted(one(2, "b.txt")), &at(50));
    assert_eq!((n.shown(), n.rows.len()), (1, 2), "the next waits");
    update(&mut n, Event::Noted(one(3, "c.txt")), &at(120));
    assert_eq!(n.shown(), 3, "a tenth of a second later, all");
    update(&mut n, Event::Noted(one(4, "d.txt")), &at(130));
    update(&mut n, Event::NotesDone, &at(140));
    assert_eq!(n.shown(), 4, "and when every note is in");
}

#[test]
fn a_filter_typed_on_from_another_keeps_what_a_fresh_one_keeps() {
    let mut n = notes();
    // More rows, so that narrowing has something to drop.
    let more: Vec<Note> = (10..40)
        .map(|i| {
            let tags: &[&str] = if i % 3 == 0 {
                &["policy/eu"]
            } else {
                &["market"]
            };
            let quote = format!("quote {i} {}", if i % 2 == 0 { "tariff" } else { "tax" });
            note(i, &format!("c{}.txt", i % 4), tags, Color::Red, &quote, "")
        })
        .collect();
    update(&mut n, Event::Noted(more), &Env::fixed(6));
    press(&mut n, "/");
    let fresh = |n: &Notes| {
        filter::lines(
            &n.rows,
            &filter::kept(&n.rows, &n.query(), None, None),
            n.by_tag,
        )
    };
    for step in ["t", "a", "r", " ", "#", "p", "o", "l", "i", "c", "y"] {
        type_text(&mut n, step);
        assert_eq!(n.lines, fresh(&n), "after typing {:?}", n.filter);
    }
    assert!(n.shown() > 0 && n.shown() < n.rows.len());
    for _ in 0..9 {
        press(&mut n, "backspace");
        assert_eq!(n.lines, fresh(&n), "after erasing to {:?}", n.filter);
    }
    press(&mut n, "enter t");
    assert!(n.by_tag);
    assert_eq!(n.lines, fresh(&n), "grouped the other way");
    // By tag, typing on and erasing again, and with no filter.
    press(&mut n, "/");
    for step in [" ", "#", "m", "a", "r"] {
        type_text(&mut n, step);
        assert_eq!(n.lines, fresh(&n), "by tag, after typing {:?}", n.filter);
    }
    press(&mut n, "esc");
    assert_eq!(n.filter, None);
    assert_eq!(n.lines, fresh(&n), "by tag, unfiltered");
    assert!(n.lines.contains(&Line::Group("#policy/eu".into())));
    // Text found only in a tag: the tags answer it once for every row that has them.
    press(&mut n, "/");
    type_text(&mut n, "arke");
    assert_eq!(n.lines, fresh(&n), "text in a tag");
    assert!(n.shown() > 10, "the rows tagged market");
}
