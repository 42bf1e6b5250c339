//! Sidecars shared through git: `gloss git install` and `gloss merge-driver`, driven by the
//! real `git` in throwaway repositories (no network, no user config).

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gloss::store::format::{self, SidecarFile};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/micron-cac-probe.txt");
const SIDECAR: &str = "brief.txt.gloss.toml";

fn gloss(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        // gloss's data folder (snapshots, indexes) for tests only, never the user's.
        .env(
            "GLOSS_DATA_DIR",
            std::env::temp_dir().join("gloss-test-data"),
        )
        .current_dir(dir)
        .args(args)
        .envs(isolated(dir))
        .output()
        .unwrap()
}

/// Keeps git away from the user's and the system's config.
fn isolated(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let home = dir.parent().unwrap().join("home");
    std::fs::create_dir_all(&home).unwrap();
    vec![
        ("HOME", home.clone()),
        ("XDG_CONFIG_HOME", home.join(".config")),
        ("GIT_CONFIG_GLOBAL", home.join(".gitconfig")),
        ("GIT_CONFIG_NOSYSTEM", PathBuf::from("1")),
    ]
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args(args)
        .envs(isolated(dir))
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository on `main` holding the sample brief, with the driver installed.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("repo");
    std::fs::create_dir(&dir).unwrap();
    ok(git(&dir, &["init", "-q", "-b", "main"]));
    ok(git(&dir, &["config", "user.name", "Test"]));
    ok(git(&dir, &["config", "user.email", "test@example.com"]));
    std::fs::copy(SAMPLE, dir.join("brief.txt")).unwrap();
    // What the README asks for: the lock and the backup stay out of the repository.
    std::fs::write(
        dir.join(".gitignore"),
        "*.gloss.toml.lock\n*.gloss.toml.bak\n",
    )
    .unwrap();
    ok(gloss(&dir, &["git", "install"]));
    (tmp, dir)
}

fn annotate(dir: &Path, quote: &str, note: &str) -> String {
    let out = ok(gloss(
        dir,
        &["annotate", "brief.txt", "--quote", quote, "--note", note],
    ));
    out.trim().to_string()
}

fn read(dir: &Path) -> SidecarFile {
    format::parse(&std::fs::read_to_string(dir.join(SIDECAR)).unwrap()).unwrap()
}

fn edit(dir: &Path, change: impl FnOnce(&mut SidecarFile)) {
    let mut file = read(dir);
    change(&mut file);
    std::fs::write(dir.join(SIDECAR), format::write(&file).unwrap()).unwrap();
}

fn commit(dir: &Path, message: &str) {
    ok(git(dir, &["add", "-A"]));
    ok(git(dir, &["commit", "-q", "-m", message]));
}

fn note_of<'a>(file: &'a SidecarFile, id: &str) -> Option<&'a str> {
    file.annotations
        .iter()
        .find(|e| e.id.to_string() == id)
        .map(|e| e.note.as_str())
}

/// Three annotations on `main`, then a branch `other`.
fn shared_start(dir: &Path) -> [String; 3] {
    let a = annotate(dir, "cybersecurity probe", "a");
    let b = annotate(dir, "Micron Technology", "b");
    let c = annotate(dir, "hidden product problems", "c");
    commit(dir, "three notes");
    ok(git(dir, &["branch", "other"]));
    [a, b, c]
}

#[test]
fn additions_edits_and_deletions_on_two_branches_merge_through_the_driver() {
    let (_tmp, dir) = repository();
    let [a, b, c] = shared_start(&dir);

    ok(git(&dir, &["checkout", "-q", "other"]));
    let d = annotate(&dir, "Wall Street", "d from other");
    edit(&dir, |f| {
        let e = f
            .annotations
            .iter_mut()
            .find(|e| e.id.to_string() == a)
            .unwrap();
        e.note = "a edited on other".into();
        e.tags.push("other".into());
        // Deleted here, edited on main: main's edit keeps it.
        f.annotations.retain(|e| e.id.to_string() != c);
    });
    commit(&dir, "other: add d, edit a, delete c");

    ok(git(&dir, &["checkout", "-q", "main"]));
    let e = annotate(&dir, "Netherlands", "e from main");
    edit(&dir, |f| {
        let x = f
            .annotations
            .iter_mut()
            .find(|x| x.id.to_string() == a)
            .unwrap();
        x.tags.push("main".into());
        x.color = "green".parse().unwrap();
        let x = f
            .annotations
            .iter_mut()
            .find(|x| x.id.to_string() == c)
            .unwrap();
        x.note = "c edited on main".into();
        f.annotations.retain(|x| x.id.to_string() != b);
    });
    commit(&dir, "main: add e, tag a, edit c, delete b");

    let merge = git(&dir, &["merge", "--no-edit", "other"]);
    let said = String::from_utf8_lossy(&merge.stdout).into_owned()
        + &String::from_utf8_lossy(&merge.stderr);
    assert!(merge.status.success(), "{said}");
    assert!(!said.contains("CONFLICT"), "{said}");

    let merged = read(&dir);
    assert_eq!(note_of(&merged, &a), Some("a edited on other"));
    assert_eq!(
        note_of(&merged, &b),
        None,
        "deleted on main, untouched on other"
    );
    assert_eq!(note_of(&merged, &c), Some("c edited on main"));
    assert_eq!(note_of(&merged, &d), Some("d from other"));
    assert_eq!(note_of(&merged, &e), Some("e from main"));
    let entry_a = merged
        .annotations
        .iter()
        .find(|x| x.id.to_string() == a)
        .unwrap();
    assert_eq!(entry_a.tags, vec!["main", "other"], "tags united");
    assert_eq!(entry_a.color, "green".parse().unwrap());
    assert_eq!(
        ok(git(&dir, &["status", "--porcelain"])),
        "",
        "merge committed"
    );
}

#[test]
fn a_note_edited_on_both_branches_stops_the_merge_with_valid_toml() {
    let (_tmp, dir) = repository();
    let [a, _, _] = shared_start(&dir);
    let set_a = |dir: &Path, note: &str| {
        edit(dir, |f| {
            let e = f
                .annotations
                .iter_mut()
                .find(|e| e.id.to_string() == a)
                .unwrap();
            e.note = note.into();
        })
    };
    ok(git(&dir, &["checkout", "-q", "other"]));
    set_a(&dir, "theirs");
    commit(&dir, "other edits a");
    ok(git(&dir, &["checkout", "-q", "main"]));
    set_a(&dir, "ours");
    commit(&dir, "main edits a");

    let merge = git(&dir, &["merge", "--no-edit", "other"]);
    assert!(!merge.status.success());
    let said = String::from_utf8_lossy(&merge.stdout).into_owned()
        + &String::from_utf8_lossy(&merge.stderr);
    assert!(said.contains("1 note edited on both sides"), "{said}");
    let merged = read(&dir);
    assert_eq!(
        note_of(&merged, &a),
        Some("<<<<<<< this gloss\nours\n=======\ntheirs\n>>>>>>> another gloss")
    );
    assert_eq!(merged.annotations.len(), 3);
}

#[test]
fn the_driver_leaves_ours_alone_when_a_side_does_not_parse() {
    let (_tmp, dir) = repository();
    annotate(&dir, "cybersecurity probe", "a");
    let ours = std::fs::read(dir.join(SIDECAR)).unwrap();
    std::fs::write(dir.join("base.toml"), &ours).unwrap();
    std::fs::write(
        dir.join("theirs.toml"),
        "version = 1\n[document]\nfile = \n",
    )
    .unwrap();
    let out = gloss(
        &dir,
        &[
            "merge-driver",
            "base.toml",
            SIDECAR,
            "theirs.toml",
            "notes/brief.txt.gloss.toml",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("notes/brief.txt.gloss.toml: the other branch's version (theirs.toml) does not parse: line 3"),
        "{err}"
    );
    assert_eq!(std::fs::read(dir.join(SIDECAR)).unwrap(), ours);
}

#[test]
fn install_twice_changes_nothing_the_second_time() {
    let (_tmp, dir) = repository();
    let attributes = std::fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.gloss.toml merge=gloss\n");
    let config = std::fs::read_to_string(dir.join(".git/config")).unwrap();
    assert!(config.contains("[merge \"gloss\"]"), "{config}");
    assert!(config.contains("merge-driver %O %A %B %P"), "{config}");

    let second = ok(gloss(&dir, &["git", "install"]));
    let top = std::fs::canonicalize(&dir).unwrap();
    assert_eq!(
        second,
        format!(
            "{}/.gitattributes: already has `*.gloss.toml merge=gloss`\n\
             git config --local: merge.gloss.name already set\n\
             git config --local: merge.gloss.driver already set\n",
            top.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".git/config")).unwrap(),
        config
    );
}

#[test]
fn install_keeps_other_attributes_and_global_writes_the_users_files() {
    let (tmp, dir) = repository();
    std::fs::write(dir.join(".gitattributes"), "*.md diff=markdown").unwrap();
    let first = ok(gloss(&dir, &["git", "install"]));
    assert!(first.contains(".gitattributes: added"), "{first}");
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitattributes")).unwrap(),
        "*.md diff=markdown\n*.gloss.toml merge=gloss\n"
    );

    let outside = tmp.path().join("elsewhere");
    std::fs::create_dir(&outside).unwrap();
    let global = ok(gloss(&outside, &["git", "install", "--global"]));
    assert!(
        global.contains("git config --global: set merge.gloss.driver"),
        "{global}"
    );
    let home = tmp.path().join("home");
    assert_eq!(
        std::fs::read_to_string(home.join(".config/git/attributes")).unwrap(),
        "*.gloss.toml merge=gloss\n"
    );
    assert!(
        std::fs::read_to_string(home.join(".gitconfig"))
            .unwrap()
            .contains("merge-driver %O %A %B %P")
    );
    let again = ok(gloss(&outside, &["git", "install", "--global"]));
    assert!(
        !again.contains("added") && !again.contains("set "),
        "{again}"
    );
}

#[test]
fn install_outside_a_repository_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("plain");
    std::fs::create_dir(&dir).unwrap();
    let out = gloss(&dir, &["git", "install"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(". is not inside a git repository"), "{err}");
}
