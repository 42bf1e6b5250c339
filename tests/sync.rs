//! Conflict copies left by sync tools, folded back by `gloss merge` through the real binary.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::Path;
use std::process::{Command, Output};

use gloss::store::format::{self, SidecarFile};

mod support {
    pub mod tmux;
}

use support::tmux::Tmux;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/micron-cac-probe.txt");
const SIDECAR: &str = "brief.txt.gloss.toml";
const COPIES: [&str; 3] = [
    "brief.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml",
    "brief.txt.gloss (Jane Doe's conflicted copy 2026-12-01).toml",
    "brief.txt.gloss (conflicted copy 2026-12-01 101500).toml",
];

fn gloss(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        // gloss's data folder (snapshots, indexes) for tests only, never the user's.
        .env(
            "GLOSS_DATA_DIR",
            std::env::temp_dir().join("gloss-test-data"),
        )
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn read(path: &Path) -> SidecarFile {
    format::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A folder with the sample brief and one annotation, as every machine had it.
fn synced_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, dir.path().join("brief.txt")).unwrap();
    let out = gloss(
        dir.path(),
        &["annotate", "brief.txt", "--quote", "Micron Technology"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// What another machine wrote: the shared sidecar plus one annotation of its own.
fn copy_with(dir: &Path, name: &str, quote: &str) {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, scratch.path().join("brief.txt")).unwrap();
    std::fs::copy(dir.join(SIDECAR), scratch.path().join(SIDECAR)).unwrap();
    let out = gloss(
        scratch.path(),
        &["annotate", "brief.txt", "--quote", quote, "--note", name],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::copy(scratch.path().join(SIDECAR), dir.join(name)).unwrap();
}

#[test]
fn copies_in_all_three_naming_styles_are_merged_and_removed() {
    let dir = synced_folder();
    let before = std::fs::read(dir.path().join(SIDECAR)).unwrap();
    for (name, quote) in COPIES
        .iter()
        .zip(["Wall Street", "Netherlands", "memory chip"])
    {
        copy_with(dir.path(), name, quote);
    }
    let out = gloss(dir.path(), &["merge", "brief.txt"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("3 copies merged"), "{said}");
    for name in COPIES {
        assert!(!dir.path().join(name).exists(), "{name} removed");
        assert!(said.contains(name), "{said}");
    }
    let merged = read(&dir.path().join(SIDECAR));
    let mut notes: Vec<&str> = merged.annotations.iter().map(|e| e.note.as_str()).collect();
    notes.sort_unstable();
    let mut want = vec![""];
    want.extend(COPIES);
    want.sort_unstable();
    assert_eq!(notes, want);
    assert_eq!(
        std::fs::read(dir.path().join(format!("{SIDECAR}.bak"))).unwrap(),
        before
    );

    let again = gloss(dir.path(), &["merge", "brief.txt"]);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        format!("{SIDECAR}: no conflict copies\n")
    );
}

#[test]
fn a_copy_that_does_not_parse_is_listed_and_left_alone() {
    let dir = synced_folder();
    copy_with(dir.path(), COPIES[0], "Wall Street");
    std::fs::write(dir.path().join(COPIES[1]), "version = 1\n[document\n").unwrap();
    let out = gloss(dir.path(), &["merge", "brief.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(COPIES[1]) && err.contains("line 2"), "{err}");
    assert!(!dir.path().join(COPIES[0]).exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join(COPIES[1])).unwrap(),
        "version = 1\n[document\n"
    );
    assert_eq!(read(&dir.path().join(SIDECAR)).annotations.len(), 2);
}

#[test]
fn the_reader_says_so_and_m_merges_the_copy() {
    let dir = synced_folder();
    copy_with(dir.path(), COPIES[1], "Wall Street");
    let tmux = Tmux::start(100, 30);
    let brief = dir.path().join("brief.txt");
    tmux.run(&format!(
        "{} '{}'; echo \"exit=$?\"",
        support::tmux::gloss(),
        brief.display()
    ));
    let screen = tmux.wait_for(|s| s.contains("conflict copy"), "the notice");
    assert!(
        screen.contains("1 conflict copy of these annotations: M merges it"),
        "{screen}"
    );
    tmux.keys(&["M"]);
    let screen = tmux.wait_for(|s| s.contains("1 conflict copy merged"), "the merge");
    assert!(!dir.path().join(COPIES[1]).exists(), "{screen}");
    assert_eq!(read(&dir.path().join(SIDECAR)).annotations.len(), 2);
    // The reader takes the merged file in like any other process's change.
    tmux.keys(&["tab"]);
    tmux.wait_for(|s| s.contains("Notes (2)"), "the merged note in the panel");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
}
