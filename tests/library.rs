//! A folder of briefs through the real binary: `gloss notes` across every sidecar.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::Path;
use std::process::{Command, Output};

/// The data folder of this test run (search indexes), so no test writes the user's.
fn data_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("gloss-test-data-{}", std::process::id()))
}

fn gloss(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env("GLOSS_DATA_DIR", data_dir())
        .output()
        .unwrap()
}

fn annotate(brief: &Path, quote: &str, extra: &[&str]) {
    let mut args = vec!["annotate", brief.to_str().unwrap(), "--quote", quote];
    args.extend_from_slice(extra);
    let out = gloss(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Two annotated briefs (one in a subfolder), one without notes, one with a broken sidecar.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("wires")).unwrap();
    let curbs = root.join("wires/curbs.md");
    std::fs::write(
        &curbs,
        "+++\ntitle = \"Dutch curbs widen\"\n+++\nThe Netherlands joined new curbs on chip tools.\n",
    )
    .unwrap();
    let probe = root.join("probe.txt");
    std::fs::write(
        &probe,
        "Micron under fire\nChina opened a cybersecurity review.\n",
    )
    .unwrap();
    std::fs::write(root.join("plain.txt"), "Nothing noted\nJust text.\n").unwrap();
    let broken = root.join("broken.txt");
    std::fs::write(&broken, "Broken\nA brief.\n").unwrap();
    std::fs::write(
        root.join("broken.txt.gloss.toml"),
        "version = 1\n[document\n",
    )
    .unwrap();
    annotate(
        &curbs,
        "new curbs",
        &[
            "--tag",
            "policy/netherlands",
            "--color",
            "green",
            "--note",
            "a second round",
        ],
    );
    annotate(&curbs, "chip tools", &["--tag", "market"]);
    annotate(
        &probe,
        "cybersecurity review",
        &["--tag", "retaliation", "--color", "red"],
    );
    dir
}

/// What `gloss ARGS` prints as JSON, once it exited cleanly.
fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = gloss(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn notes_json(root: &Path, filter: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["notes", root.to_str().unwrap(), "--json"];
    args.extend_from_slice(filter);
    json(&args)
}

#[test]
fn notes_lists_every_annotation_of_every_brief_with_its_brief_and_title() {
    let dir = folder();
    let all = notes_json(dir.path(), &[]);
    let seen: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|n| {
            (
                n["brief"].as_str().unwrap(),
                n["title"].as_str().unwrap(),
                n["quote"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("probe.txt", "Micron under fire", "cybersecurity review"),
            ("wires/curbs.md", "Dutch curbs widen", "new curbs"),
            ("wires/curbs.md", "Dutch curbs widen", "chip tools"),
        ]
    );
    assert_eq!(all[1]["note"], "a second round");
    assert_eq!(all[1]["status"], "exact");
    assert!(all[1]["id"].as_str().unwrap().len() == 36);
}

#[test]
fn notes_filters_by_tag_with_its_children_colour_status_and_text() {
    let dir = folder();
    let quotes = |filter: &[&str]| -> Vec<String> {
        notes_json(dir.path(), filter)
            .iter()
            .map(|n| n["quote"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        quotes(&["--tag", "policy"]),
        ["new curbs"],
        "a parent tag keeps its children"
    );
    assert_eq!(quotes(&["--color", "red"]), ["cybersecurity review"]);
    assert_eq!(quotes(&["--status", "orphaned"]), Vec::<String>::new());
    assert_eq!(
        quotes(&["--text", "SECOND"]),
        ["new curbs"],
        "the note, ignoring case"
    );
    assert_eq!(
        quotes(&["--tag", "market", "--color", "yellow"]),
        ["chip tools"]
    );
}

#[test]
fn notes_as_text_groups_by_brief_and_names_a_broken_sidecar_without_touching_it() {
    let dir = folder();
    let out = gloss(&["notes", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "probe.txt — Micron under fire");
    assert!(lines[1].contains("\"cybersecurity review\"") && lines[1].contains("#retaliation"));
    assert_eq!(lines[2], "wires/curbs.md — Dutch curbs widen");
    assert!(lines.iter().any(|l| l.trim() == "a second round"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.txt.gloss.toml: line 2"), "{err}");
    let broken = std::fs::read_to_string(dir.path().join("broken.txt.gloss.toml")).unwrap();
    assert_eq!(broken, "version = 1\n[document\n");
}

#[test]
fn tags_counts_annotations_and_briefs_and_a_tag_counts_toward_its_parents() {
    let dir = folder();
    annotate(
        &dir.path().join("probe.txt"),
        "China",
        &["--tag", "policy/china", "--tag", "policy"],
    );
    let tags = json(&["tags", dir.path().to_str().unwrap(), "--json"]);
    let counts: Vec<(&str, u64, u64)> = tags
        .iter()
        .map(|t| {
            (
                t["tag"].as_str().unwrap(),
                t["annotations"].as_u64().unwrap(),
                t["briefs"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("market", 1, 1),
            ("policy", 2, 2),
            ("policy/china", 1, 1),
            ("policy/netherlands", 1, 1),
            ("retaliation", 1, 1),
        ],
        "policy: one annotation under policy/netherlands, one tagged policy and policy/china (counted once)"
    );
    let text = gloss(&["tags", dir.path().to_str().unwrap()]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.lines().any(|l| l.starts_with("policy ")
            && l.contains("2 annotations")
            && l.contains("2 briefs")),
        "{text}"
    );
}

/// Every tag of `gloss tags DIR --json`.
fn tag_names(root: &Path) -> Vec<String> {
    json(&["tags", root.to_str().unwrap(), "--json"])
        .iter()
        .map(|t| t["tag"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn tags_rename_reaches_every_sidecar_merges_and_skips_broken_and_locked_ones() {
    let dir = folder();
    let root = dir.path();
    let probe = root.join("probe.txt");
    annotate(&probe, "Micron", &["--tag", "policy/us", "--tag", "market"]);
    let broken = std::fs::read(root.join("broken.txt.gloss.toml")).unwrap();
    // A second broken sidecar, whose text names the tag: it could carry it.
    std::fs::write(root.join("torn.txt"), "Torn\nA brief.\n").unwrap();
    let torn = "version = 1\n[[annotation]]\ntags = [\"policy\"\n";
    std::fs::write(root.join("torn.txt.gloss.toml"), torn).unwrap();

    // policy/netherlands (curbs) and policy/us (probe) go under market, which is in use.
    let out = gloss(&[
        "tags",
        root.to_str().unwrap(),
        "--rename",
        "policy",
        "market",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stdout.trim(),
        "renamed policy to market (merged into market, which was in use): 2 annotations in 2 briefs"
    );
    assert!(
        stderr.contains("skipped: ") && stderr.contains("torn.txt.gloss.toml: line 3"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("broken.txt.gloss.toml"),
        "a broken sidecar whose text cannot hold the tag is not the rename's: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("torn.txt.gloss.toml")).unwrap(),
        torn
    );
    assert_eq!(out.status.code(), Some(1), "a skipped sidecar is an error");
    assert_eq!(
        std::fs::read(root.join("broken.txt.gloss.toml")).unwrap(),
        broken
    );
    assert_eq!(
        tag_names(root),
        ["market", "market/netherlands", "market/us", "retaliation"]
    );
    let probe_notes = notes_json(root, &["--tag", "market/us"]);
    assert_eq!(probe_notes.len(), 1);
    assert_eq!(
        probe_notes[0]["tags"],
        serde_json::json!(["market/us", "market"])
    );

    // Another process holds the probe's lock: the rename waits, skips it and says so.
    let lock = std::fs::File::create(root.join("probe.txt.gloss.toml.lock")).unwrap();
    lock.lock().unwrap();
    let held = std::fs::read(root.join("probe.txt.gloss.toml")).unwrap();
    let out = gloss(&[
        "tags",
        root.to_str().unwrap(),
        "--rename",
        "market",
        "trade",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("probe.txt.gloss.toml.lock: another gloss is saving"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(root.join("probe.txt.gloss.toml")).unwrap(),
        held
    );
    assert!(
        tag_names(root).contains(&"trade/netherlands".to_string()),
        "curbs renamed"
    );
    lock.unlock().unwrap();
}

#[test]
fn tags_rename_refuses_bad_names() {
    let dir = folder();
    let before = std::fs::read(dir.path().join("wires/curbs.md.gloss.toml")).unwrap();
    for (old, new, why) in [
        ("policy", "policy/", "start or end"),
        ("policy", "a\u{1b}b", "control"),
        ("market", "market", "same"),
    ] {
        let out = gloss(&["tags", dir.path().to_str().unwrap(), "--rename", old, new]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(why) && !err.contains('\u{1b}'), "{err}");
    }
    assert_eq!(
        std::fs::read(dir.path().join("wires/curbs.md.gloss.toml")).unwrap(),
        before
    );
}

fn search_json(root: &Path, query: &str) -> Vec<serde_json::Value> {
    json(&["search", root.to_str().unwrap(), query, "--json"])
}

#[test]
fn search_finds_text_quotes_notes_and_tags_across_the_library_with_smart_case() {
    let dir = folder();
    let found = search_json(dir.path(), "curbs");
    let briefs: Vec<&str> = found.iter().map(|b| b["brief"].as_str().unwrap()).collect();
    assert_eq!(briefs, ["wires/curbs.md"]);
    let kinds: Vec<&str> = found[0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["text", "text", "quote"],
        "the title, the body, the highlight's quote"
    );
    let hit = &found[0]["hits"][1];
    assert_eq!(
        hit["context"],
        "The Netherlands joined new [curbs] on chip tools."
    );
    assert!(
        hit.get("id").is_none(),
        "a text hit belongs to no annotation"
    );
    assert!(found[0]["hits"][2]["id"].as_str().is_some());
    // Notes and tags; smart case.
    let note = search_json(dir.path(), "second round");
    assert_eq!(note[0]["hits"][0]["kind"], "note");
    let tag = search_json(dir.path(), "retaliation");
    assert_eq!(tag[0]["hits"][0]["kind"], "tag");
    assert_eq!(search_json(dir.path(), "China").len(), 1);
    assert_eq!(
        search_json(dir.path(), "CHINA").len(),
        0,
        "capitals match exactly"
    );
    // Narrowed by tag or colour: only what those annotations cover.
    let narrowed = search_json(dir.path(), "#policy chip");
    assert_eq!(
        narrowed.len(),
        0,
        "\"chip tools\" is tagged market, not policy"
    );
    let narrowed = search_json(dir.path(), "color:red review");
    assert_eq!(narrowed[0]["brief"], "probe.txt");
    // The index the searches above built gives the same as reading every brief.
    for query in ["curbs", "second round", "#policy chip", "China"] {
        let path = dir.path().to_str().unwrap();
        let indexed = json(&["search", path, query, "--json"]);
        let read = json(&["search", path, query, "--json", "--no-index"]);
        assert_eq!(indexed, read, "{query}");
    }
    assert!(
        std::fs::read_dir(data_dir().join("index")).unwrap().count() > 0,
        "the index is in the data folder"
    );
    let plain = gloss(&["search", dir.path().to_str().unwrap(), "curbs"]);
    let text = String::from_utf8_lossy(&plain.stdout);
    assert!(
        text.starts_with("wires/curbs.md — Dutch curbs widen (3)"),
        "{text}"
    );
}
