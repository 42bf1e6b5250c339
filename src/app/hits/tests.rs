//! Scenario tests of the search view: typing a query, results arriving, moving through them,
//! and opening a brief at a hit.

use std::path::PathBuf;

use super::*;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::document::Chars;
use crate::input::{Key, Keymap};
use crate::store::search::{Found, Hit, Kind, Stats};

pub(crate) fn hit(kind: Kind, start: usize, context: &str) -> Hit {
    let at = context.find('[').unwrap_or(0);
    let end = context.rfind(']').unwrap_or(at);
    Hit {
        kind,
        start: Chars(start),
        end: Chars(start + 5),
        context: context.to_string(),
        marked: at + 1..end,
        id: None,
    }
}

pub(crate) fn found(name: &str, hits: Vec<Hit>) -> Found {
    Found {
        brief: PathBuf::from("/lib").join(name),
        name: name.to_string(),
        title: format!("Title of {name}"),
        total: hits.len(),
        hits,
    }
}

pub(crate) fn view(w: u16, h: u16) -> Hits {
    let keymap = Keymap::default_keymap().unwrap();
    let mut hits = Hits::new("/lib".into(), crate::app::Hints::new(&keymap));
    update(&mut hits, Event::Resize(w, h), &Env::fixed(0));
    hits
}

pub(crate) fn press(hits: &mut Hits, keys: &str) -> Vec<Effect> {
    let keymap = Keymap::default_keymap().unwrap();
    let mut effects = Vec::new();
    let mut pending = None;
    for name in keys.split_whitespace() {
        let key: Key = name.parse().unwrap();
        if let Some(event) = crate::app::key_event(&keymap, hits.mode(), &mut pending, key) {
            effects.extend(update(hits, event, &Env::fixed(1)));
        }
    }
    effects
}

fn type_in(hits: &mut Hits, text: &str) {
    for c in text.chars() {
        update(hits, Event::Char(c), &Env::fixed(1));
    }
}

/// A search for "curbs" with its results in.
pub(crate) fn searched(w: u16, h: u16) -> Hits {
    let mut hits = view(w, h);
    type_in(&mut hits, "curbs");
    press(&mut hits, "enter");
    let results = vec![
        found(
            "wires/a.md",
            vec![
                hit(Kind::Text, 10, "Dutch [curbs] widen"),
                hit(Kind::Quote, 40, "new [curbs]"),
            ],
        ),
        found("b.txt", vec![hit(Kind::Note, 7, "more [curbs] soon")]),
    ];
    update(&mut hits, Event::Searched(1, results), &Env::fixed(2));
    update(
        &mut hits,
        Event::SearchDone(
            1,
            Stats {
                briefs: 3,
                ..Stats::default()
            },
        ),
        &Env::fixed(3),
    );
    hits
}

#[test]
fn enter_starts_the_search_and_only_its_own_results_are_kept() {
    let mut hits = view(80, 20);
    assert_eq!(hits.mode(), crate::input::Mode::Prompt, "the query first");
    type_in(&mut hits, "curbs");
    assert_eq!(
        press(&mut hits, "enter"),
        [Effect::SearchLibrary {
            root: "/lib".into(),
            query: "curbs".into(),
            generation: 1,
        }]
    );
    // Results of an older search (generation 0) are dropped.
    update(
        &mut hits,
        Event::Searched(0, vec![found("old.txt", vec![hit(Kind::Text, 0, "[old]")])]),
        &Env::fixed(2),
    );
    assert!(hits.found.is_empty());
    let one = found(
        "a.txt",
        vec![hit(Kind::Text, 3, "[curbs]"), hit(Kind::Tag, 9, "[curbs]")],
    );
    update(&mut hits, Event::Searched(1, vec![one]), &Env::fixed(3));
    assert_eq!(
        hits.lines,
        [Line::Brief(0), Line::Hit(0, 0), Line::Hit(0, 1)]
    );
    assert_eq!(hits.selected, 1, "the first hit, not its heading");
    assert_eq!(hits.count(), 2);
}

#[test]
fn keys_move_over_hits_and_enter_opens_the_brief_at_the_hit_with_the_search() {
    let mut hits = searched(80, 20);
    press(&mut hits, "j");
    assert_eq!(hits.lines[hits.selected], Line::Hit(0, 1));
    press(&mut hits, "j");
    assert_eq!(
        hits.lines[hits.selected],
        Line::Hit(1, 0),
        "the heading is passed over"
    );
    press(&mut hits, "j j");
    assert_eq!(
        hits.lines[hits.selected],
        Line::Hit(1, 0),
        "no further than the last"
    );
    assert_eq!(
        press(&mut hits, "enter"),
        [Effect::Open {
            brief: "/lib/b.txt".into(),
            at: Some(Chars(7)),
            find: Some("curbs".into()),
        }]
    );
    press(&mut hits, "g");
    assert_eq!(hits.lines[hits.selected], Line::Hit(0, 0));
    assert_eq!(press(&mut hits, "q"), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn a_new_query_replaces_the_results_and_esc_keeps_the_old_ones() {
    let mut hits = searched(80, 20);
    press(&mut hits, "/");
    type_in(&mut hits, " x");
    assert_eq!(press(&mut hits, "esc"), []);
    assert_eq!(hits.query, "curbs", "Esc takes back what was typed");
    assert_eq!(hits.found.len(), 2, "and keeps the results");
    press(&mut hits, "/ backspace backspace");
    type_in(&mut hits, "b");
    let effects = press(&mut hits, "enter");
    assert!(matches!(
        effects.as_slice(),
        [Effect::SearchLibrary { generation: 2, query, .. }] if query == "curb"
    ));
    assert!(hits.found.is_empty(), "the old results are gone");
}

#[test]
fn a_query_of_only_narrowing_warns_and_esc_before_any_search_goes_back() {
    let mut hits = view(80, 20);
    type_in(&mut hits, "#policy");
    assert_eq!(press(&mut hits, "enter"), []);
    let said = hits
        .status
        .shown()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(said.contains("nothing to search for"), "{said}");
    assert_eq!(press(&mut hits, "esc"), [Effect::Exit(Exit::Quit)]);
    let mut none = view(80, 20);
    type_in(&mut none, "zzz");
    press(&mut none, "enter");
    update(
        &mut none,
        Event::SearchDone(
            1,
            Stats {
                briefs: 40,
                ..Stats::default()
            },
        ),
        &Env::fixed(2),
    );
    let said = none
        .status
        .shown()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert_eq!(said, "no match for \"zzz\" in 40 briefs");
    assert!(press(&mut none, "enter").is_empty(), "no hit to open");
}
