//! When the reader saves, with the clock passed in: no test here sleeps.

use jiff::Timestamp;

use super::tests::{answer_save, reader};
use super::tests_loading::brief;
use super::update;
use super::*;
use crate::app::*;
use crate::input::{Key, Keymap};

/// The environment at `ms` milliseconds.
fn at(ms: i64) -> Env {
    Env {
        now: Timestamp::from_millisecond(ms).unwrap(),
        id: uuid::Uuid::from_u128(u128::try_from(ms).unwrap() + 1),
    }
}

/// Presses `keys` at `ms`.
fn keys(state: &mut Reader, keys: &str, ms: i64) -> Vec<Effect> {
    let keymap = Keymap::default_keymap().unwrap();
    let mut effects = Vec::new();
    let mut pending = None;
    for name in keys.split_whitespace() {
        let key: Key = name.parse().unwrap();
        if let Some(event) = key_event(&keymap, state.mode(), &mut pending, key) {
            effects.extend(update(state, event, &at(ms)));
        }
    }
    effects
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(_)))
        .count()
}

fn state() -> Reader {
    reader(brief(20).as_bytes(), 80, 24)
}

#[test]
fn a_change_is_saved_once_the_debounce_has_passed() {
    let mut s = state();
    let effects = keys(&mut s, "j V 2", 1_000);
    let due = at(1_000).now + DEBOUNCE;
    assert_eq!(effects, [Effect::WakeAt(due)], "one timer, no save yet");
    assert!(
        keys(&mut s, "c", 1_100).is_empty(),
        "more changes: the same save"
    );
    assert!(
        update(&mut s, Event::Tick, &at(1_299)).is_empty(),
        "not yet"
    );
    let effects = update(&mut s, Event::Tick, &at(1_300));
    let [Effect::Save(snapshot)] = effects.as_slice() else {
        panic!("one save: {effects:?}");
    };
    assert_eq!(snapshot.revision, s.history.revision());
    assert_eq!(snapshot.annotations, s.annotations);
    assert!(!snapshot.rebase);
}

#[test]
fn one_save_is_out_at_a_time_and_a_change_meanwhile_is_saved_after_it() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    assert_eq!(saves(&update(&mut s, Event::Tick, &at(300))), 1);
    // Changed while the save is out: nothing new goes out until it answers.
    assert!(keys(&mut s, "c", 400).is_empty());
    assert!(update(&mut s, Event::Tick, &at(5_000)).is_empty());
    let revision_saved = s.history.revision() - 1;
    let answer = SaveResult {
        revision: revision_saved,
        position: crate::document::Chars(0),
        outcome: Ok(None),
    };
    let effects = update(&mut s, Event::Saved(Box::new(answer)), &at(5_000));
    assert_eq!(effects, [Effect::WakeAt(at(5_000).now + DEBOUNCE)]);
    assert_eq!(saves(&update(&mut s, Event::Tick, &at(5_300))), 1);
}

#[test]
fn a_due_save_waits_while_the_brief_is_read_and_quitting_saves_at_once() {
    let mut s = state();
    s.loading = Some(Loading::new(100, 1 << 30));
    keys(&mut s, "j j V 2", 0);
    assert_eq!(s.annotations.len(), 1, "annotating works while reading");
    assert!(
        update(&mut s, Event::Tick, &at(10_000)).is_empty(),
        "the hash of half a brief is not worth a write"
    );
    s.loading = None;
    assert_eq!(saves(&update(&mut s, Event::Tick, &at(10_001))), 1);
    // Quitting while reading saves at once.
    answer_save(&mut s, Ok(None));
    s.loading = Some(Loading::new(100, 1 << 30));
    keys(&mut s, "c", 10_002);
    assert_eq!(saves(&keys(&mut s, "q", 10_003)), 1);
}

#[test]
fn quitting_waits_for_the_save_and_leaves_when_it_lands() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    let effects = keys(&mut s, "q", 10);
    assert_eq!(saves(&effects), 1, "q saves first: {effects:?}");
    assert!(!effects.contains(&Effect::Exit(Exit::Quit)));
    assert_eq!(answer_save(&mut s, Ok(None)), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn a_failed_save_on_quit_warns_and_a_second_q_leaves_without_it() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    keys(&mut s, "q", 10);
    let effects = answer_save(&mut s, Err("disk full".into()));
    assert!(!effects.contains(&Effect::Exit(Exit::Quit)), "{effects:?}");
    let text = &s.status.shown().unwrap().text;
    assert!(
        text.contains("NOT saved (disk full)") && text.contains("press q again"),
        "{text}"
    );
    assert_eq!(keys(&mut s, "q", 20), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn ctrl_c_in_the_help_warns_about_unsaved_annotations_like_q() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    answer_save(&mut s, Err("disk full".into()));
    let effects = keys(&mut s, "? ctrl-c", 10);
    assert!(!effects.contains(&Effect::Exit(Exit::Quit)), "{effects:?}");
    assert!(s.status.shown().unwrap().text.contains("NOT saved"));
}

#[test]
fn a_signal_saves_and_leaves_even_when_the_save_fails() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    let effects = update(&mut s, Event::Signal(15), &at(10));
    assert_eq!(saves(&effects), 1, "{effects:?}");
    let effects = answer_save(&mut s, Err("disk full".into()));
    assert_eq!(effects, [Effect::Exit(Exit::Signal(15))]);
}

#[test]
fn quitting_leaves_when_its_save_never_comes_back_and_says_so() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    let effects = keys(&mut s, "q", 10);
    let give_up = at(10).now + LAST_SAVE_WAIT;
    assert_eq!(saves(&effects), 1, "{effects:?}");
    assert!(effects.contains(&Effect::WakeAt(give_up)), "{effects:?}");
    assert!(keys(&mut s, "j", 5_000).is_empty(), "still waiting");
    assert!(update(&mut s, Event::Tick, &at(10_009)).is_empty());
    let effects = update(&mut s, Event::Tick, &at(10_010));
    let [Effect::Exit(Exit::Unsaved(what))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(what.contains("did not finish within 10 s"), "{what}");
}

#[test]
fn a_signal_leaves_when_its_save_never_comes_back() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    let effects = update(&mut s, Event::Signal(15), &at(10));
    assert_eq!(saves(&effects), 1, "{effects:?}");
    let effects = update(&mut s, Event::Tick, &at(10_010));
    assert_eq!(effects, [Effect::Exit(Exit::Signal(15))]);
}

#[test]
fn a_save_that_lands_in_time_leaves_as_usual_after_the_wait_was_asked_for() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    keys(&mut s, "q", 10);
    assert_eq!(answer_save(&mut s, Ok(None)), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn with_nothing_to_save_a_signal_leaves_at_once() {
    let mut s = state();
    let effects = update(&mut s, Event::InputGone, &at(10));
    assert_eq!(effects, [Effect::Exit(Exit::Signal(Exit::HANGUP))]);
}

#[test]
fn a_merge_is_taken_in_only_if_the_reader_has_not_changed_since() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    update(&mut s, Event::Tick, &at(300));
    let saved_revision = s.history.revision();
    let mut theirs = s.annotations.clone();
    theirs.set_brief_note("from the other window".into());
    // The reader changed while the save was out.
    keys(&mut s, "c", 310);
    let answer = SaveResult {
        revision: saved_revision,
        position: crate::document::Chars(0),
        outcome: Ok(Some(theirs.clone())),
    };
    update(&mut s, Event::Saved(Box::new(answer)), &at(320));
    assert_eq!(
        s.annotations.brief_note(),
        "",
        "not taken in: it would undo the c"
    );
    let effects = update(&mut s, Event::Tick, &at(1_000));
    let [Effect::Save(snapshot)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(snapshot.rebase, "the next save merges again from before");
    // This time the reader stays put: the merge is taken in.
    let answer = SaveResult {
        revision: snapshot.revision,
        position: crate::document::Chars(0),
        outcome: Ok(Some(theirs)),
    };
    update(&mut s, Event::Saved(Box::new(answer)), &at(1_010));
    assert_eq!(s.annotations.brief_note(), "from the other window");
}

#[test]
fn a_change_on_disk_is_merged_once_the_annotations_are_placed() {
    let mut s = state();
    s.editing = Editing::Placing(Progress {
        comparing: None,
        done: 0,
        all: 10,
    });
    let effects = update(&mut s, Event::SidecarChanged, &at(0));
    assert!(effects.is_empty(), "locked while placing: {effects:?}");
    let placed = crate::store::place::Placed::default();
    let effects = update(&mut s, Event::PlaceDone(Box::new(placed)), &at(10));
    assert!(
        matches!(effects.as_slice(), [Effect::Absorb(_)]),
        "{effects:?}"
    );
}

#[test]
fn placing_that_fails_leaves_annotations_read_only_not_locked_for_ever() {
    let mut s = state();
    s.editing = Editing::Placing(Progress {
        comparing: None,
        done: 250,
        all: 1_000,
    });
    update(
        &mut s,
        Event::Failed(Work::Placing, "index out of range".into()),
        &at(0),
    );
    let reason = s.locked().unwrap();
    assert!(
        reason.contains("read-only") && !reason.contains("being placed"),
        "{reason}"
    );
    assert!(
        s.status
            .shown()
            .unwrap()
            .text
            .contains("index out of range")
    );
    keys(&mut s, "j V 2", 10);
    assert!(
        update(&mut s, Event::Tick, &at(10_000)).is_empty(),
        "nothing half-placed is saved"
    );
    assert_eq!(keys(&mut s, "q", 10_001), [Effect::Exit(Exit::Quit)]);
}

#[test]
fn a_failed_save_is_retried_when_the_retry_falls_due_without_a_key() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    assert_eq!(saves(&update(&mut s, Event::Tick, &at(300))), 1);
    let failed = SaveResult {
        revision: s.history.revision(),
        position: s.position(),
        outcome: Err("disk full".into()),
    };
    let effects = update(&mut s, Event::Saved(Box::new(failed)), &at(400));
    assert_eq!(
        effects,
        [Effect::WakeAt(at(400).now + RETRY)],
        "the runtime is asked to wake"
    );
    assert!(update(&mut s, Event::Tick, &at(2_399)).is_empty());
    assert_eq!(
        saves(&update(&mut s, Event::Tick, &at(2_400))),
        1,
        "retried"
    );
}

#[test]
fn while_editing_a_change_on_disk_is_merged_by_the_save_so_saves_never_stall() {
    let mut s = state();
    keys(&mut s, "j V 2", 0);
    update(&mut s, Event::SidecarChanged, &at(10));
    let effects = update(&mut s, Event::Tick, &at(300));
    assert_eq!(
        saves(&effects),
        1,
        "a save, which merges, not a merge first: {effects:?}"
    );
    // The other process keeps writing and the reader keeps editing: each save still goes out.
    for round in 0..5 {
        let t = 1_000 * (round + 1);
        keys(&mut s, "c", t);
        update(&mut s, Event::SidecarChanged, &at(t + 1));
        let answer = SaveResult {
            revision: s.history.revision() - 1,
            position: s.position(),
            outcome: Ok(Some(s.annotations.clone())),
        };
        update(&mut s, Event::Saved(Box::new(answer)), &at(t + 2));
        let effects = update(&mut s, Event::Tick, &at(t + 400));
        let [Effect::Save(snapshot)] = effects.as_slice() else {
            panic!("round {round}: {effects:?}");
        };
        assert!(snapshot.rebase, "the merge it missed is redone");
    }
}

#[test]
fn a_signal_while_a_note_is_typed_saves_the_note_typed_so_far() {
    let mut s = state();
    keys(&mut s, "j V 2 a", 0);
    for c in "half a thought".chars() {
        let name = if c == ' ' {
            "space".to_string()
        } else {
            c.to_string()
        };
        keys(&mut s, &name, 10);
    }
    let effects = update(&mut s, Event::Signal(15), &at(20));
    let [Effect::Save(snapshot), Effect::WakeAt(_)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let notes: Vec<&str> = snapshot
        .annotations
        .iter()
        .map(|a| a.note.as_str())
        .collect();
    assert_eq!(notes, ["half a thought"]);
    // Tags being typed are kept the same way.
    let mut s = state();
    keys(&mut s, "j V 2 t", 0);
    for c in "semis".chars() {
        keys(&mut s, &c.to_string(), 10);
    }
    let effects = update(&mut s, Event::InputGone, &at(20));
    let [Effect::Save(snapshot), Effect::WakeAt(_)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let tags: Vec<&Vec<String>> = snapshot.annotations.iter().map(|a| &a.tags).collect();
    assert_eq!(tags, [&vec!["semis".to_string()]]);
}
