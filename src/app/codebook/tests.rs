use super::*;
use crate::annotation::Color;
use crate::app::effect::Effect;
use crate::app::event::{Env, Event};
use crate::codebook::{Change, Code};
use crate::input::{Key, Keymap};

pub(crate) fn row(name: &str, is_code: bool, annotations: usize, briefs: usize) -> Row {
    Row {
        name: name.to_string(),
        depth: name.matches('/').count(),
        is_code,
        description: String::new(),
        color: None,
        memo: String::new(),
        count: Count {
            annotations,
            briefs,
        },
    }
}

/// A codebook of `frame`, `frame/conflict` (red, described), `frame/economic`, and the
/// uncoded tags `market` and `policy/japan`.
pub(crate) fn listing() -> Listing {
    let mut conflict = row("frame/conflict", true, 3, 2);
    conflict.color = Some(Color::Red);
    conflict.description = "Parties at odds".into();
    Listing {
        rows: vec![
            row("frame", false, 4, 3),
            conflict,
            row("frame/economic", true, 1, 1),
        ],
        memos: Vec::new(),
        uncoded: vec![
            (
                "market".into(),
                Count {
                    annotations: 5,
                    briefs: 4,
                },
            ),
            (
                "policy/japan".into(),
                Count {
                    annotations: 2,
                    briefs: 1,
                },
            ),
        ],
        problem: None,
        skipped: Vec::new(),
    }
}

pub(crate) fn codes() -> Codes {
    let keymap = Keymap::default_keymap().unwrap();
    let mut codes = Codes::new("/lib".into(), &keymap);
    update(&mut codes, Event::Resize(80, 10), &Env::fixed(0));
    update(
        &mut codes,
        Event::Codes(Box::new(listing())),
        &Env::fixed(1),
    );
    codes
}

/// Presses `keys` (keymap names; a quoted word is typed) and returns the effects.
fn press(codes: &mut Codes, keys: &str) -> Vec<Effect> {
    let keymap = Keymap::default_keymap().unwrap();
    let mut effects = Vec::new();
    let mut pending = None;
    for name in keys.split_whitespace() {
        if let Some(word) = name.strip_prefix('\'').and_then(|w| w.strip_suffix('\'')) {
            for c in word.chars() {
                effects.extend(update(codes, Event::Char(c), &Env::fixed(2)));
            }
            continue;
        }
        let key: Key = name.parse().unwrap();
        if let Some(event) = crate::app::key_event(&keymap, codes.mode(), &mut pending, key) {
            effects.extend(update(codes, event, &Env::fixed(2)));
        }
    }
    effects
}

fn change(effects: &[Effect]) -> Option<Change> {
    effects.iter().find_map(|e| match e {
        Effect::ChangeCodes { change, .. } => Some((**change).clone()),
        _ => None,
    })
}

fn selected(codes: &Codes) -> String {
    name_of(codes.selected_line().unwrap())
}

#[test]
fn moving_passes_over_the_heading() {
    let mut c = codes();
    assert_eq!(selected(&c), "frame");
    press(&mut c, "j j j");
    assert_eq!(selected(&c), "market", "over the uncoded heading");
    press(&mut c, "k");
    assert_eq!(selected(&c), "frame/economic");
    press(&mut c, "G");
    assert_eq!(selected(&c), "policy/japan");
}

#[test]
fn one_key_adds_an_uncoded_tag_as_a_code_and_the_codebook_is_read_again() {
    let mut c = codes();
    let effects = press(&mut c, "j j j a");
    assert_eq!(change(&effects), Some(Change::Add(Code::named("market"))));
    assert!(c.busy);
    let effects = update(
        &mut c,
        Event::CodesChanged(Ok("added market".into())),
        &Env::fixed(3),
    );
    assert_eq!(effects, [Effect::ReadCodes("/lib".into())]);
    assert!(!c.busy);
    assert_eq!(c.status.shown().unwrap().text, "added market");
}

#[test]
fn rename_starts_from_the_full_name_and_a_new_parent_moves_it() {
    let mut c = codes();
    press(&mut c, "j r");
    assert_eq!(c.mode(), Mode::Prompt);
    let effects = press(
        &mut c,
        "backspace backspace backspace backspace backspace backspace backspace backspace 'tone' enter",
    );
    assert_eq!(
        change(&effects),
        Some(Change::Rename {
            old: "frame/conflict".into(),
            new: "frame/tone".into()
        })
    );
    assert_eq!(c.mode(), Mode::Codebook);
}

#[test]
fn merge_asks_for_the_code_to_merge_into_and_esc_cancels() {
    let mut c = codes();
    press(&mut c, "j m 'frame/economic'");
    assert_eq!(press(&mut c, "esc"), []);
    assert!(c.ask.is_none(), "cancelled");
    let effects = press(&mut c, "m 'frame/economic' enter");
    assert_eq!(
        change(&effects),
        Some(Change::Merge {
            from: "frame/conflict".into(),
            into: "frame/economic".into()
        })
    );
}

#[test]
fn delete_asks_first_with_the_count_and_only_enter_deletes() {
    let mut c = codes();
    press(&mut c, "j d");
    assert_eq!(
        c.ask,
        Some(Ask::Delete {
            code: "frame/conflict".into(),
            count: Count {
                annotations: 3,
                briefs: 2
            }
        })
    );
    assert_eq!(press(&mut c, "'y'"), [], "typing does nothing");
    let effects = press(&mut c, "enter");
    assert_eq!(
        change(&effects),
        Some(Change::Delete {
            code: "frame/conflict".into(),
            yes: true
        })
    );
}

#[test]
fn an_uncoded_tag_cannot_be_renamed_until_it_is_a_code() {
    let mut c = codes();
    assert!(press(&mut c, "G r").is_empty());
    assert!(c.ask.is_none());
    assert!(c.status.shown().unwrap().text.contains("add it first"));
}

#[test]
fn the_selection_stays_on_its_name_when_the_listing_comes_again() {
    let mut c = codes();
    press(&mut c, "j j");
    let mut again = listing();
    again.rows.insert(0, row("actor", true, 0, 0));
    update(&mut c, Event::Codes(Box::new(again)), &Env::fixed(4));
    assert_eq!(selected(&c), "frame/economic");
}

#[test]
fn e_opens_the_memo_of_the_code_and_esc_saves_it_as_a_change() {
    let mut c = codes();
    press(&mut c, "e");
    assert!(c.memo.is_none(), "frame only groups codes");
    assert!(c.status.shown().unwrap().text.contains("only groups"));
    press(&mut c, "j e");
    assert_eq!(c.mode(), Mode::Note);
    for key in ["D", "e", "f", "enter", "x"] {
        update(&mut c, Event::Key(key.parse().unwrap()), &Env::fixed(2));
    }
    update(&mut c, Event::Paste("\u{1b}[2J!".into()), &Env::fixed(2));
    let effects = press(&mut c, "esc");
    assert!(c.memo.is_none());
    assert_eq!(
        change(&effects),
        Some(Change::Memo {
            code: "frame/conflict".into(),
            text: "Def\nx\u{241b}[2J!".into(),
        })
    );
    // Closed unchanged: nothing to save.
    let mut c = codes();
    press(&mut c, "j e");
    assert_eq!(change(&press(&mut c, "esc")), None);
}

#[test]
fn the_selected_codes_memo_takes_rows_under_the_list() {
    let mut c = codes();
    let mut with_memo = listing();
    with_memo.rows[1].memo = "Two sides.\nE.g. curbs".into();
    update(&mut c, Event::Codes(Box::new(with_memo)), &Env::fixed(3));
    assert_eq!((c.memo_rows(), c.height()), (0, 9), "frame has no memo");
    press(&mut c, "j");
    assert_eq!(c.selected_memo(), Some("Two sides.\nE.g. curbs"));
    assert_eq!((c.memo_rows(), c.height()), (3, 6));
}

#[test]
fn the_librarys_memos_are_listed_under_their_heading_and_e_edits_one() {
    let mut c = codes();
    let mut with_memos = listing();
    with_memos.memos = vec![
        ("Sampling".into(), "Wires of May only.\nTwo coders.".into()),
        ("Doubts".into(), String::new()),
    ];
    update(&mut c, Event::Codes(Box::new(with_memos)), &Env::fixed(3));
    let heading = c.lines.iter().position(|l| *l == Line::Memos).unwrap();
    assert!(matches!(&c.lines[heading + 1], Line::Memo(t, _) if t == "Sampling"));
    press(&mut c, "G");
    assert!(matches!(c.selected_line(), Some(Line::Memo(t, _)) if t == "Doubts"));
    press(&mut c, "k");
    assert_eq!(c.selected_memo(), Some("Wires of May only.\nTwo coders."));
    press(&mut c, "e");
    assert_eq!(c.mode(), Mode::Note);
    update(&mut c, Event::Key("!".parse().unwrap()), &Env::fixed(2));
    assert_eq!(
        change(&press(&mut c, "esc")),
        Some(Change::LibraryMemo {
            title: "Sampling".into(),
            text: "Wires of May only.\nTwo coders.!".into(),
        })
    );
    // Moving up from the first memo passes over the heading.
    press(&mut c, "k");
    assert_ne!(c.selected_line(), Some(&Line::Memos));
}

#[test]
fn shift_m_asks_a_title_then_writes_a_new_memo_of_the_library() {
    let mut c = codes();
    press(&mut c, "M");
    assert!(matches!(c.ask, Some(Ask::MemoTitle(_))));
    press(&mut c, "'Open' space 'questions' enter");
    assert_eq!(c.mode(), Mode::Note, "the editor opens on the new memo");
    for key in ["W", "h", "o"] {
        update(&mut c, Event::Key(key.parse().unwrap()), &Env::fixed(2));
    }
    assert_eq!(
        change(&press(&mut c, "esc")),
        Some(Change::LibraryMemo {
            title: "Open questions".into(),
            text: "Who".into(),
        })
    );
    // A title with a control character is refused, nothing opens.
    let mut c = codes();
    press(&mut c, "M");
    update(&mut c, Event::Char('\u{7}'), &Env::fixed(2));
    press(&mut c, "enter");
    assert!(c.memo.is_none());
    assert!(c.status.shown().is_some_and(|s| s.text.contains("control")));
}
