use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::*;
use crate::annotation::Color;
use crate::store::format::{self, DocumentInfo, Entry, VERSION};
use crate::store::library::sidecars::annotated;

fn entry(id: u128, tags: &[&str], note: &str) -> Entry {
    Entry {
        id: uuid::Uuid::from_u128(id),
        created: Timestamp::UNIX_EPOCH,
        updated: Timestamp::UNIX_EPOCH,
        author: String::new(),
        color: Color::Yellow,
        tags: tags.iter().map(|t| (*t).to_string()).collect(),
        note: note.to_string(),
        quote: "q".into(),
        prefix: String::new(),
        suffix: String::new(),
        start: id as u64,
        end: id as u64 + 1,
        status: "exact".into(),
        extra: toml::Table::new(),
    }
}

/// A brief `name` under `root` with a sidecar holding `entries`; the sidecar's path.
fn brief(root: &Path, name: &str, entries: Vec<Entry>) -> PathBuf {
    let path = root.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "A brief\nWith a body.\n").unwrap();
    let file = SidecarFile {
        version: VERSION,
        brief_note: String::new(),
        document: DocumentInfo::default(),
        reading: format::Reading::default(),
        annotations: entries,
        extra: toml::Table::new(),
    };
    let sidecar = root.join(format!("{name}.gloss.toml"));
    fs::write(&sidecar, format::write(&file).unwrap()).unwrap();
    sidecar
}

fn tags_in(sidecar: &Path) -> Vec<Vec<String>> {
    let file = format::parse_bytes(&fs::read(sidecar).unwrap()).unwrap();
    file.annotations.into_iter().map(|e| e.tags).collect()
}

fn rename(from: &str, to: &str) -> Retag {
    Retag::Rename {
        from: from.into(),
        to: to.into(),
    }
}

fn now() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap()
}

#[test]
fn a_rename_reaches_every_sidecar_with_the_children_and_merges_into_a_tag_there() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = brief(
        root,
        "a.txt",
        vec![
            entry(1, &["semis", "chips"], "kept"),
            entry(2, &["semis/memory"], ""),
            entry(3, &["market"], ""),
        ],
    );
    let b = brief(
        root,
        "wires/b.md",
        vec![entry(4, &["semis/memory/dram"], "")],
    );
    let c = brief(root, "c.txt", vec![entry(5, &["semiconductors"], "")]);
    let c_before = fs::read(&c).unwrap();

    let done = retag(root, &rename("semis", "chips"), now(), true);

    assert_eq!(done.annotations, 3);
    assert_eq!(done.briefs, ["a.txt", "wires/b.md"]);
    assert!(done.skipped.is_empty(), "{:?}", done.skipped);
    assert!(done.merged, "chips was in use");
    assert!(!retag(root, &rename("market", "trade"), now(), false).merged);
    assert_eq!(
        tags_in(&a),
        [vec!["chips"], vec!["chips/memory"], vec!["market"]],
        "merged into chips, which was there"
    );
    assert_eq!(tags_in(&b), [vec!["chips/memory/dram"]]);
    assert_eq!(
        fs::read(&c).unwrap(),
        c_before,
        "a lookalike is not touched"
    );
    let file = format::parse_bytes(&fs::read(&a).unwrap()).unwrap();
    assert_eq!(file.annotations[0].note, "kept");
    assert_eq!(
        file.annotations[0].updated,
        now(),
        "a changed annotation is updated"
    );
    assert_eq!(
        file.annotations[2].updated,
        Timestamp::UNIX_EPOCH,
        "others are not"
    );
    assert!(
        root.join("a.txt.gloss.toml.bak").exists(),
        "the old version kept"
    );
}

#[test]
fn a_dry_run_counts_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = brief(
        root,
        "a.txt",
        vec![entry(1, &["frame"], ""), entry(2, &["frame/x"], "")],
    );
    let before = fs::read(&a).unwrap();
    let done = retag(
        root,
        &Retag::Delete {
            tag: "frame".into(),
        },
        now(),
        false,
    );
    assert_eq!((done.annotations, done.briefs.len()), (2, 1));
    assert_eq!(fs::read(&a).unwrap(), before);
    let done = retag(
        root,
        &Retag::Delete {
            tag: "frame".into(),
        },
        now(),
        true,
    );
    assert_eq!(done.annotations, 2);
    assert_eq!(tags_in(&a), [Vec::<String>::new(), Vec::new()]);
}

#[test]
fn a_broken_sidecar_is_skipped_named_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let good = brief(root, "good.txt", vec![entry(1, &["semis"], "")]);
    fs::write(root.join("broken.txt"), "Broken\n").unwrap();
    let broken = root.join("broken.txt.gloss.toml");
    let bytes = b"version = 1\n[[annotation]]\ntags = [\"semis\"\n";
    fs::write(&broken, bytes).unwrap();

    let done = retag(root, &rename("semis", "chips"), now(), true);

    assert_eq!(done.briefs, ["good.txt"]);
    assert_eq!(tags_in(&good), [vec!["chips"]]);
    assert_eq!(done.skipped.len(), 1);
    assert!(
        done.skipped[0].contains("broken.txt.gloss.toml"),
        "{:?}",
        done.skipped
    );
    assert!(done.skipped[0].contains("line 3"), "{:?}", done.skipped);
    assert_eq!(fs::read(&broken).unwrap(), bytes);
    assert!(!root.join("broken.txt.gloss.toml.bak").exists());
}

#[test]
fn a_sidecar_locked_by_another_process_is_waited_for_then_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let free = brief(root, "free.txt", vec![entry(1, &["semis"], "")]);
    let held = brief(root, "held.txt", vec![entry(2, &["semis"], "")]);
    let before = fs::read(&held).unwrap();
    // flock belongs to the open file: a second open, even in this process, is another holder.
    let lock = fs::File::create(root.join("held.txt.gloss.toml.lock")).unwrap();
    lock.lock().unwrap();

    let start = Instant::now();
    let wait = Duration::from_millis(200);
    let done = retag_within(root, &rename("semis", "chips"), now(), true, wait);

    assert!(start.elapsed() >= wait, "it waited for the lock");
    assert_eq!(done.briefs, ["free.txt"]);
    assert_eq!(tags_in(&free), [vec!["chips"]]);
    assert_eq!(done.skipped.len(), 1);
    assert!(
        done.skipped[0].contains("held.txt.gloss.toml.lock"),
        "{:?}",
        done.skipped
    );
    assert_eq!(fs::read(&held).unwrap(), before);

    lock.unlock().unwrap();
    let again = retag_within(root, &rename("semis", "chips"), now(), true, wait);
    assert_eq!(again.briefs, ["held.txt"], "once the lock is free");
}

#[test]
fn changes_another_process_made_since_the_scan_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = brief(root, "a.txt", vec![entry(1, &["semis"], "")]);
    let found = annotated(root);
    // Another writer adds an annotation with the tag after the library was listed.
    let mut file = format::parse_bytes(&fs::read(&a).unwrap()).unwrap();
    file.annotations.push(entry(9, &["semis", "x"], "theirs"));
    fs::write(&a, format::write(&file).unwrap()).unwrap();

    let (outcome, _) = one(
        &found[0].1,
        &rename("semis", "chips"),
        now(),
        true,
        LOCK_WAIT,
    );

    assert!(matches!(outcome, Outcome::Changed(2)));
    assert_eq!(tags_in(&a), [vec!["chips"], vec!["chips", "x"]]);
    let file = format::parse_bytes(&fs::read(&a).unwrap()).unwrap();
    assert_eq!(file.annotations[1].note, "theirs");
}

#[test]
fn only_sidecars_whose_bytes_hold_the_name_are_parsed_and_a_broken_one_without_it_is_not_named() {
    assert!(may_hold(b"tags = [\"semis/chips\"]", "semis"));
    assert!(!may_hold(b"tags = [\"chips\"]", "semis"));
    assert!(
        may_hold(b"tags = [\"s\\u0065mis\"]", "semis"),
        "an escape could spell it"
    );
    assert!(may_hold(b"tags = []", "a\"b"), "a name TOML must escape");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    brief(root, "good.txt", vec![entry(1, &["semis"], "")]);
    fs::write(root.join("broken.txt"), "Broken\n").unwrap();
    let broken = root.join("broken.txt.gloss.toml");
    fs::write(
        &broken,
        b"version = 1\n[[annotation]]\ntags = [\"market\"\n",
    )
    .unwrap();
    let done = retag(root, &rename("semis", "chips"), now(), true);
    assert_eq!(done.briefs, ["good.txt"]);
    assert!(
        done.skipped.is_empty(),
        "cannot carry semis: {:?}",
        done.skipped
    );
    let done = retag(root, &rename("market", "trade"), now(), false);
    assert_eq!(done.skipped.len(), 1, "could carry market: named");
}

#[test]
fn a_hand_written_sidecar_spelling_the_tag_with_escapes_is_still_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let sidecar = brief(root, "a.txt", vec![entry(1, &["semis"], "")]);
    let text = fs::read_to_string(&sidecar).unwrap();
    assert!(text.contains("\"semis\""));
    fs::write(&sidecar, text.replace("\"semis\"", "\"s\\u0065mis\"")).unwrap();
    let done = retag(root, &rename("semis", "chips"), now(), true);
    assert_eq!(done.briefs, ["a.txt"]);
    assert_eq!(tags_in(&sidecar), [vec!["chips"]]);
}
