//! The sidecar's worker, driven job by job as the loop would drive it.

use super::*;
use crate::app::reader::tests::{press, reader};
use crate::app::reader::tests_loading::brief;
use crate::app::reader::update;
use crate::app::{Effect, Exit, Reader};
use crate::store::SidecarPaths;

/// Runs every save and merge `effects` ask for through `persist` and answers the reader.
fn carry_out(state: &mut Reader, persist: &mut Persist, effects: Vec<Effect>) -> Vec<Effect> {
    let mut left = Vec::new();
    for effect in effects {
        let job = match effect {
            Effect::Save(s) => Job::Save(s),
            Effect::Absorb(s) => Job::Absorb(s),
            other => {
                left.push(other);
                continue;
            }
        };
        if let Some(answer) = persist.run(job) {
            let more = update(state, answer, &crate::app::Env::fixed(1_000_000));
            left.extend(carry_out(state, persist, more));
        }
    }
    left
}

fn worker(dir: &std::path::Path) -> (Persist, std::path::PathBuf) {
    let data = dir.join("brief.txt.gloss.toml");
    let sidecar = Sidecar::new(SidecarPaths::at(data.clone()));
    (
        Persist::new(sidecar, "brief.txt".into(), Extras::default()),
        data,
    )
}

#[test]
fn quitting_saves_then_exits_and_the_file_holds_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut persist, data) = worker(dir.path());
    let mut state = reader(brief(20).as_bytes(), 80, 24);
    let effects = press(&mut state, "j j V 2 q");
    let left = carry_out(&mut state, &mut persist, effects);
    assert!(left.contains(&Effect::Exit(Exit::Quit)), "{left:?}");
    let saved = std::fs::read_to_string(&data).unwrap();
    assert!(saved.contains("color = \"green\""), "{saved}");
}

#[test]
fn a_signal_saves_what_was_just_done_before_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let (mut persist, data) = worker(dir.path());
    let mut state = reader(brief(20).as_bytes(), 80, 24);
    let mut effects = press(&mut state, "j V 3");
    effects.extend(crate::app::reader::tests::send(
        &mut state,
        crate::app::Event::Signal(15),
    ));
    let left = carry_out(&mut state, &mut persist, effects);
    assert!(left.contains(&Effect::Exit(Exit::Signal(15))), "{left:?}");
    assert!(
        std::fs::read_to_string(&data)
            .unwrap()
            .contains("color = \"blue\"")
    );
}

#[test]
fn its_own_writes_are_no_news_to_the_watcher_but_another_process_is() {
    let dir = tempfile::tempdir().unwrap();
    let (mut persist, data) = worker(dir.path());
    let mut state = reader(brief(20).as_bytes(), 80, 24);
    let effects = press(&mut state, "j V 1 q");
    carry_out(&mut state, &mut persist, effects);
    assert_eq!(persist.run(Job::Check), None, "gloss's own save");
    let mut text = std::fs::read_to_string(&data).unwrap();
    text = text.replace("color = \"yellow\"", "color = \"red\"");
    std::fs::write(&data, text).unwrap();
    assert_eq!(persist.run(Job::Check), Some(Event::SidecarChanged));
}

#[test]
fn reading_the_sidecar_is_no_news_to_the_watcher_and_writing_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("brief.txt.gloss.toml");
    std::fs::write(&data, "version = 1\n").unwrap();
    let (tx, rx) = jobs();
    let _watcher = watch(data.clone(), tx).expect("a watcher");
    // A check reads the file; were that news, every check would set off the next.
    for _ in 0..5 {
        std::fs::read(&data).unwrap();
    }
    std::fs::write(&data, "version = 1\n# changed\n").unwrap();
    let first = rx.recv_timeout(std::time::Duration::from_secs(5));
    assert!(matches!(first, Ok(Job::Check)), "the write is noticed");
    let opened_only = dir.path().join("other.toml");
    std::fs::write(&opened_only, "x").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let more = rx.try_iter().count();
    // The write itself may come as a few events (modify, close); five reads would be ten more.
    assert!(more <= 3, "{more} checks for one write and five reads");
}

#[test]
fn a_save_keeps_a_snapshot_of_the_text_it_saved_against() {
    let dir = tempfile::tempdir().unwrap();
    let (persist, _) = worker(dir.path());
    let snaps = crate::store::snapshot::Snapshots::at(dir.path().join("snapshots"));
    let mut persist = persist.with_snapshots(Some(snaps.clone()));
    let mut state = reader(brief(20).as_bytes(), 80, 24);
    let effects = press(&mut state, "j j V 2 q");
    carry_out(&mut state, &mut persist, effects);
    let sha = crate::store::convert::text_hash(&state.doc);
    // Written on a thread of its own, after the save's answer.
    let start = std::time::Instant::now();
    while snaps.load(&sha).is_none() && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(snaps.load(&sha).as_deref(), Some(state.doc.text()));
}
