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
    // `gloss git install` keeps the lock and the backup out of the repository itself.
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
    assert_eq!(
        attributes,
        "*.gloss.toml merge=gloss\ncodebook.toml merge=gloss\n"
    );
    let config = std::fs::read_to_string(dir.join(".git/config")).unwrap();
    assert!(config.contains("[merge \"gloss\"]"), "{config}");
    assert!(config.contains("merge-driver %O %A %B %P"), "{config}");

    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert_eq!(
        ignore,
        "*.gloss.toml.lock\n*.gloss.toml.bak\ncodebook.toml.lock\ncodebook.toml.bak\n"
    );

    let second = ok(gloss(&dir, &["git", "install"]));
    let top = std::fs::canonicalize(&dir).unwrap();
    let top = top.display();
    assert_eq!(
        second,
        format!(
            "{top}/.gitattributes: already has `*.gloss.toml merge=gloss`\n\
             {top}/.gitattributes: already has `codebook.toml merge=gloss`\n\
             {top}/.gitignore: already has `*.gloss.toml.lock`\n\
             {top}/.gitignore: already has `*.gloss.toml.bak`\n\
             {top}/.gitignore: already has `codebook.toml.lock`\n\
             {top}/.gitignore: already has `codebook.toml.bak`\n\
             git config --local: merge.gloss.name already set\n\
             git config --local: merge.gloss.driver already set\n",
        )
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitignore")).unwrap(),
        ignore
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
    std::fs::write(dir.join(".gitignore"), "target/\n*.gloss.toml.bak").unwrap();
    let first = ok(gloss(&dir, &["git", "install"]));
    assert!(first.contains(".gitattributes: added"), "{first}");
    assert!(
        first.contains(".gitignore: added `*.gloss.toml.lock`")
            && first.contains(".gitignore: already has `*.gloss.toml.bak`"),
        "{first}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitattributes")).unwrap(),
        "*.md diff=markdown\n*.gloss.toml merge=gloss\ncodebook.toml merge=gloss\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitignore")).unwrap(),
        "target/\n*.gloss.toml.bak\n*.gloss.toml.lock\ncodebook.toml.lock\ncodebook.toml.bak\n"
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
        "*.gloss.toml merge=gloss\ncodebook.toml merge=gloss\n"
    );
    assert!(
        std::fs::read_to_string(home.join(".config/git/ignore"))
            .unwrap()
            .starts_with("*.gloss.toml.lock\n")
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

/// A codebook as a test writes it: `(name, description)` pairs.
fn codebook(codes: &[(&str, &str)]) -> String {
    let mut text = String::from("version = 1\n");
    for (name, description) in codes {
        text.push_str(&format!(
            "\n[[code]]\nname = {name:?}\ndescription = {description:?}\n"
        ));
    }
    text
}

fn codes(dir: &Path) -> Vec<(String, String)> {
    let book = gloss::codebook::format::parse(
        &std::fs::read_to_string(dir.join("codebook.toml")).unwrap(),
    )
    .unwrap();
    book.codes
        .into_iter()
        .map(|c| (c.name, c.description))
        .collect()
}

/// Two branches change the codebook: each adds a code, one edits a description, one deletes
/// a code; git merges it through the driver by code name. Then both edit the same
/// description: the merge stops (exit 1 from the driver), the codebook holds both texts and
/// still parses.
#[test]
fn the_codebook_merges_by_code_name_through_the_driver() {
    let (_tmp, dir) = repository();
    let start = [
        ("frame", "How it is told"),
        ("frame/conflict", "Sides against each other"),
        ("actor", "Who acts"),
    ];
    std::fs::write(dir.join("codebook.toml"), codebook(&start)).unwrap();
    commit(&dir, "codebook");
    ok(git(&dir, &["branch", "other"]));
    ok(git(&dir, &["checkout", "-q", "other"]));
    std::fs::write(
        dir.join("codebook.toml"),
        codebook(&[
            ("frame", "How it is told"),
            ("frame/conflict", "Sides against each other, named"),
            ("actor", "Who acts"),
            ("theme/security", "Security"),
        ]),
    )
    .unwrap();
    commit(&dir, "other: edits conflict, adds security");
    ok(git(&dir, &["checkout", "-q", "main"]));
    std::fs::write(
        dir.join("codebook.toml"),
        codebook(&[
            ("frame", "How it is told"),
            ("frame/conflict", "Sides against each other"),
            ("frame/economic", "Money"),
        ]),
    )
    .unwrap();
    commit(&dir, "main: deletes actor, adds economic");

    let merge = git(&dir, &["merge", "--no-edit", "other"]);
    let said = String::from_utf8_lossy(&merge.stdout).into_owned()
        + &String::from_utf8_lossy(&merge.stderr);
    assert!(merge.status.success(), "{said}");
    assert!(!said.contains("CONFLICT"), "{said}");
    let own = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        codes(&dir),
        own(&[
            ("frame", "How it is told"),
            ("frame/conflict", "Sides against each other, named"),
            ("frame/economic", "Money"),
            ("theme/security", "Security"),
        ])
    );

    ok(git(&dir, &["checkout", "-q", "other"]));
    ok(git(&dir, &["merge", "-q", "--no-edit", "main"]));
    let set_frame = |dir: &Path, description: &str| {
        let text = std::fs::read_to_string(dir.join("codebook.toml"))
            .unwrap()
            .replace("\"How it is told\"", &format!("{description:?}"));
        std::fs::write(dir.join("codebook.toml"), text).unwrap();
    };
    set_frame(&dir, "theirs");
    commit(&dir, "other edits frame");
    ok(git(&dir, &["checkout", "-q", "main"]));
    set_frame(&dir, "ours");
    commit(&dir, "main edits frame");
    let merge = git(&dir, &["merge", "--no-edit", "other"]);
    assert!(!merge.status.success());
    let said = String::from_utf8_lossy(&merge.stdout).into_owned()
        + &String::from_utf8_lossy(&merge.stderr);
    assert!(
        said.contains("codebook.toml: 1 code description edited on both sides"),
        "{said}"
    );
    let merged = codes(&dir);
    assert_eq!(
        merged[0],
        (
            "frame".to_string(),
            "<<<<<<< this gloss\nours\n=======\ntheirs\n>>>>>>> another gloss".to_string()
        )
    );
    assert_eq!(merged.len(), 4);
}

/// The driver on a codebook that does not parse: exit 2, a message with the file and line,
/// `%A` untouched.
#[test]
fn the_driver_leaves_a_codebook_alone_when_a_side_does_not_parse() {
    let (_tmp, dir) = repository();
    let ours = codebook(&[("a", "x")]);
    std::fs::write(dir.join("ours.toml"), &ours).unwrap();
    std::fs::write(dir.join("base.toml"), codebook(&[])).unwrap();
    std::fs::write(
        dir.join("theirs.toml"),
        "version = 1\n[[code]]\ncolor = 3\n",
    )
    .unwrap();
    let out = gloss(
        &dir,
        &[
            "merge-driver",
            "base.toml",
            "ours.toml",
            "theirs.toml",
            "library/codebook.toml",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "library/codebook.toml: the other branch's version (theirs.toml) does not parse: line 2"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("ours.toml")).unwrap(),
        ours
    );
}
