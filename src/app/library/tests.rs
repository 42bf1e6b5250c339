//! The library as a user drives it: keys, the scan's findings, sorting and filtering.

use std::path::PathBuf;

use super::*;
use crate::app::Level;
use crate::app::effect::{Effect, Exit};
use crate::app::event::{Env, Event};
use crate::input::Key;
use jiff::Timestamp;

fn brief(name: &str, title: &str, published: Option<&str>, progress: Option<u8>) -> Summary {
    Summary {
        path: PathBuf::from("/briefs").join(name),
        name: name.to_string(),
        title: Some(title.to_string()),
        published: published.map(str::to_string),
        progress,
        ..Summary::default()
    }
}

fn library() -> (Library, Vec<Effect>) {
    let keymap = Keymap::default_keymap().unwrap();
    let mut lib = Library::new(PathBuf::from("/briefs"), &keymap);
    let mut effects = update(&mut lib, Event::Resize(100, 10), &Env::fixed(0));
    let found = vec![
        brief(
            "wires/curbs.txt",
            "Chip curbs widen",
            Some("2026-11-20"),
            Some(40),
        ),
        brief("probe.txt", "Micron under fire", Some("2026-05-22"), None),
        brief("analysis.md", "Export controls, explained", None, Some(90)),
    ];
    effects.extend(update(&mut lib, Event::Scanned(found), &Env::fixed(1)));
    (lib, effects)
}

fn press(lib: &mut Library, keys: &str) -> Vec<Effect> {
    let keymap = Keymap::default_keymap().unwrap();
    let mut effects = Vec::new();
    let mut pending = None;
    for name in keys.split_whitespace() {
        let key: Key = name.parse().unwrap();
        if let Some(event) = crate::app::key_event(&keymap, lib.mode(), &mut pending, key) {
            effects.extend(update(lib, event, &Env::fixed(2)));
        }
    }
    effects
}

fn titles(lib: &Library) -> Vec<&str> {
    lib.shown
        .iter()
        .map(|&i| sort::title(&lib.briefs[i]))
        .collect()
}

#[test]
fn the_scan_is_asked_for_once_and_briefs_are_listed_by_title() {
    let (mut lib, effects) = library();
    assert_eq!(effects, [Effect::Scan(PathBuf::from("/briefs"))]);
    assert_eq!(
        titles(&lib),
        [
            "Chip curbs widen",
            "Export controls, explained",
            "Micron under fire"
        ]
    );
    assert!(press(&mut lib, "j").is_empty(), "no second scan");
    assert_eq!(
        update(&mut lib, Event::ScanDone, &Env::fixed(3)),
        [Effect::IndexLibrary(PathBuf::from("/briefs"))],
        "once every brief is in, the search index is brought up to date behind it"
    );
    assert_eq!(lib.scan, Scan::Done);
}

#[test]
fn s_cycles_the_sort_and_the_selection_stays_on_its_brief() {
    let (mut lib, _) = library();
    press(&mut lib, "j");
    assert_eq!(lib.selected_brief().unwrap().name, "analysis.md");
    press(&mut lib, "s");
    assert_eq!(lib.sort, Sort::Date);
    assert_eq!(
        titles(&lib),
        [
            "Chip curbs widen",
            "Micron under fire",
            "Export controls, explained"
        ],
        "newest first, undated last"
    );
    assert_eq!(
        lib.selected_brief().unwrap().name,
        "analysis.md",
        "the same brief"
    );
    press(&mut lib, "s");
    assert_eq!(
        titles(&lib)[0],
        "Export controls, explained",
        "furthest read first"
    );
    press(&mut lib, "s s");
    assert_eq!(lib.sort, Sort::Title);
}

#[test]
fn a_fuzzy_filter_narrows_as_you_type_and_esc_clears_it() {
    let (mut lib, _) = library();
    press(&mut lib, "f");
    assert_eq!(lib.mode(), Mode::Prompt);
    for c in "mcrn".chars() {
        update(&mut lib, Event::Char(c), &Env::fixed(4));
    }
    assert_eq!(
        titles(&lib),
        ["Micron under fire"],
        "letters in order, not next to each other"
    );
    press(&mut lib, "enter");
    assert_eq!(lib.mode(), Mode::Library, "the filter stays");
    assert_eq!(titles(&lib), ["Micron under fire"]);
    press(&mut lib, "f");
    for c in "wires".chars() {
        update(&mut lib, Event::Char(c), &Env::fixed(5));
    }
    assert_eq!(titles(&lib), ["Chip curbs widen"], "file names count");
    press(&mut lib, "esc");
    assert_eq!(titles(&lib).len(), 3);
}

#[test]
fn enter_opens_the_selected_brief_and_q_quits() {
    let (mut lib, _) = library();
    press(&mut lib, "G");
    assert_eq!(
        press(&mut lib, "enter"),
        [Effect::Open {
            brief: PathBuf::from("/briefs/probe.txt"),
            at: None,
            find: None,
        }]
    );
    assert_eq!(press(&mut lib, "q"), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn a_brief_that_could_not_be_opened_leaves_the_library_up_with_the_reason() {
    // What the runtime sends when the opening worker fails (see runtime/tests_open.rs).
    let (mut lib, _) = library();
    press(&mut lib, "G");
    assert!(!press(&mut lib, "enter").is_empty());
    let why = "not opened: /briefs/probe.txt: No such file or directory";
    let effects = update(
        &mut lib,
        Event::Notice(Level::Error, why.into()),
        &Env::fixed(3),
    );
    assert!(effects.is_empty(), "{effects:?}");
    let shown = lib.status.shown().unwrap();
    assert_eq!((shown.text.as_str(), shown.level), (why, Level::Error));
    assert_eq!(titles(&lib).len(), 3, "every brief still listed");
    assert_eq!(press(&mut lib, "k").len(), 0, "keys still work");
}

#[test]
fn an_empty_folder_says_how_to_add_briefs() {
    let keymap = Keymap::default_keymap().unwrap();
    let mut lib = Library::new(PathBuf::from("/empty"), &keymap);
    update(&mut lib, Event::Resize(80, 10), &Env::fixed(0));
    assert_eq!(
        update(&mut lib, Event::ScanDone, &Env::fixed(1)),
        [],
        "nothing to index"
    );
    assert!(lib.status.shown().unwrap().text.contains("add .txt or .md"));
    assert_eq!(press(&mut lib, "enter"), []);
}

#[test]
fn a_brief_found_again_is_replaced_and_a_brief_gone_is_forgotten() {
    let (mut lib, _) = library();
    press(&mut lib, "j");
    let mut again = brief(
        "probe.txt",
        "Micron under fire",
        Some("2026-05-22"),
        Some(70),
    );
    again.highlights = 4;
    update(&mut lib, Event::Scanned(vec![again]), &Env::fixed(5));
    assert_eq!(lib.briefs.len(), 3, "no second row for the same file");
    let probe = lib.briefs.iter().find(|b| b.name == "probe.txt").unwrap();
    assert_eq!((probe.highlights, probe.progress), (4, Some(70)));
    assert_eq!(
        lib.selected_brief().unwrap().name,
        "analysis.md",
        "the selection stays"
    );
    update(
        &mut lib,
        Event::Removed(PathBuf::from("/briefs/analysis.md")),
        &Env::fixed(6),
    );
    assert_eq!(titles(&lib), ["Chip curbs widen", "Micron under fire"]);
    let mut back = brief("analysis.md", "Export controls, explained", None, None);
    back.highlights = 1;
    update(&mut lib, Event::Scanned(vec![back]), &Env::fixed(7));
    assert_eq!(
        lib.briefs.len(),
        3,
        "the index was rebuilt after the removal"
    );
}

#[test]
fn while_the_scan_runs_rows_are_sorted_again_at_most_every_tenth_of_a_second() {
    let (mut lib, _) = library();
    let at = |ms: i64| Env {
        now: Timestamp::from_millisecond(1_000 + ms).unwrap(),
        ..Env::fixed(1)
    };
    // Names first, then what the scan read: a title that sorts it first.
    let named = Summary::named(
        std::path::Path::new("/briefs"),
        std::path::Path::new("/briefs/z.txt"),
    );
    update(&mut lib, Event::Scanned(vec![named]), &at(10));
    assert_eq!(
        titles(&lib).last().copied(),
        Some("z.txt"),
        "a new row waits at the end"
    );
    update(
        &mut lib,
        Event::Scanned(vec![brief("z.txt", "Aaa first", None, None)]),
        &at(20),
    );
    assert_eq!(titles(&lib)[3], "Aaa first", "its cells change in place");
    update(&mut lib, Event::Scanned(vec![]), &at(200));
    assert_eq!(
        titles(&lib)[0],
        "Aaa first",
        "sorted again once the time is up"
    );
    update(
        &mut lib,
        Event::Scanned(vec![brief("y.txt", "Aab", None, None)]),
        &at(210),
    );
    assert_eq!(titles(&lib)[4], "Aab");
    update(&mut lib, Event::ScanDone, &at(220));
    assert_eq!(
        titles(&lib)[..2],
        ["Aaa first", "Aab"],
        "and when the scan is done"
    );
}
