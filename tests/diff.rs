//! Snapshots and `gloss diff` through the real binary: `gloss annotate` keeps the text, a
//! re-issue is compared with it, annotations are carried through the diff, a lost snapshot
//! only means the search of before, and `gloss gc` prunes what no sidecar refers to.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::Path;
use std::process::{Command, Output};

const FIRST: &str = "Chip probe widens\n\
Regulators said the probe began on Tuesday after a complaint from rivals.\n\
The minister, Ada Okafur, declined to comment.\n";

const REISSUED: &str = "Chip probe widens\n\
Regulators said the probe began on Wednesday after a complaint from rivals.\n\
The minister, Ada Okafor, declined to comment.\n\
Correction: an earlier version said the probe began on Tuesday after a complaint from rivals.\n";

fn gloss(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env("GLOSS_DATA_DIR", data)
        .env("GLOSS_CONFIG_DIR", data)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// How many texts the data folder keeps (in packs or files of their own).
fn snapshots(data: &Path) -> usize {
    gloss::store::snapshot::Snapshots::at(data.join("snapshots"))
        .hashes()
        .len()
}

/// A brief annotated on "Tuesday after a complaint" and "Okafur", then re-issued.
fn reissued() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let brief = dir.path().join("library").join("probe.txt");
    std::fs::create_dir_all(brief.parent().unwrap()).unwrap();
    std::fs::write(&brief, FIRST).unwrap();
    let b = brief.to_str().unwrap();
    ok(gloss(
        &data,
        &["annotate", b, "--quote", "Tuesday after a complaint"],
    ));
    ok(gloss(&data, &["annotate", b, "--quote", "Okafur"]));
    assert_eq!(snapshots(&data), 1, "annotate keeps the text it placed on");
    std::fs::write(&brief, REISSUED).unwrap();
    (dir, data, brief)
}

#[test]
fn diff_shows_each_change_with_the_annotations_it_touches() {
    let (_dir, data, brief) = reissued();
    let b = brief.to_str().unwrap();
    let plain = ok(gloss(&data, &["diff", b, "--plain"]));
    assert!(plain.contains("[-Tuesday-]{+Wednesday+}"), "{plain}");
    assert!(plain.contains("[-Okafur-]{+Okafor+}"), "{plain}");
    assert!(
        plain.contains("was \"Tuesday after a complaint\", now \"Wednesday after a complaint\""),
        "{plain}"
    );
    assert!(
        !plain.contains('\u{1b}'),
        "no colours into a pipe: {plain:?}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&ok(gloss(&data, &["diff", b, "--json"]))).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3, "{json}");
    assert_eq!(changes[0]["kind"], "replace");
    assert_eq!(changes[2]["kind"], "insert");
    let notice_start = REISSUED.find("Correction").unwrap() as u64;
    for a in json["annotations"].as_array().unwrap() {
        assert_eq!(a["status"], "fuzzy", "{a}");
        assert!(
            a["start"].as_u64().unwrap() < notice_start,
            "not into the notice: {a}"
        );
        assert_eq!(a["change"].as_array().unwrap().len(), 1, "{a}");
    }

    // `list` carries them through the same diff.
    let listed: serde_json::Value =
        serde_json::from_str(&ok(gloss(&data, &["list", b, "--json"]))).unwrap();
    let tuesday = &listed[0];
    assert_eq!(tuesday["quote"], "Wednesday after a complaint");
    assert_eq!(tuesday["status"], "fuzzy");
}

#[test]
fn a_lost_snapshot_means_the_search_and_no_diff_never_an_error_for_placing() {
    let (_dir, data, brief) = reissued();
    let b = brief.to_str().unwrap();
    let packs = data.join("snapshots").join("packs");
    for entry in std::fs::read_dir(&packs).unwrap().flatten() {
        if entry.file_name().to_string_lossy().ends_with(".zst") {
            std::fs::write(entry.path(), b"garbage").unwrap();
        }
    }
    assert_eq!(snapshots(&data), 0, "every kept text damaged");
    let listed: serde_json::Value =
        serde_json::from_str(&ok(gloss(&data, &["list", b, "--json"]))).unwrap();
    // Placed by the search alone, which does not find the edited span exactly.
    assert_ne!(
        listed[0]["quote"], "Wednesday after a complaint",
        "{listed}"
    );
    assert_ne!(listed[0]["status"], "orphaned", "{listed}");
    let out = gloss(&data, &["diff", b]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("was not kept (no snapshot of"), "{err}");
    // The next save writes it again (for the text it now places on).
    ok(gloss(&data, &["annotate", b, "--quote", "declined"]));
    let again = ok(gloss(&data, &["diff", b, "--plain"]));
    assert!(
        again.contains("unchanged since the annotations were placed"),
        "{again}"
    );
}

#[test]
fn gc_prunes_snapshots_no_sidecar_refers_to() {
    let (dir, data, brief) = reissued();
    let b = brief.to_str().unwrap();
    // Two saves on the re-issue: neither the sidecar nor its .bak names the first text now.
    ok(gloss(&data, &["annotate", b, "--quote", "declined"]));
    ok(gloss(&data, &["annotate", b, "--quote", "rivals"]));
    assert_eq!(snapshots(&data), 2);
    let library = dir.path().join("library");
    let out = ok(gloss(&data, &["gc", library.to_str().unwrap()]));
    assert!(out.starts_with("removed 1 snapshot"), "{out}");
    assert_eq!(snapshots(&data), 1);
    // What is left is the re-issue's, which `diff` compares with.
    let plain = ok(gloss(&data, &["diff", b, "--plain"]));
    assert!(plain.contains("unchanged"), "{plain}");
}

#[test]
fn versions_lists_every_text_seen_with_how_the_annotations_landed() {
    let (_dir, data, brief) = reissued();
    let b = brief.to_str().unwrap();
    let table = ok(gloss(&data, &["diff", b, "--versions"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].ends_with("probe.txt: 2 versions seen"), "{table}");
    assert!(
        lines[1].contains("first seen") && lines[1].contains("orphaned"),
        "{table}"
    );
    // The first, seen by `annotate`: nothing carried onto it. The re-issue, seen now: both
    // highlights to review, none orphaned; it is the current one.
    let first: Vec<&str> = lines[2].split_whitespace().collect();
    assert!(lines[2].starts_with("  2"), "not the current one: {table}");
    assert_eq!(first[first.len() - 3..], ["-", "-", "-"], "{table}");
    assert!(
        lines[2].contains(&FIRST.trim_end().len().to_string()),
        "{table}"
    );
    assert!(lines[3].starts_with('*'), "{table}");
    let last: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(last[last.len() - 3..], ["0", "2", "0"], "{table}");
    assert_eq!(lines.len(), 4, "{table}");

    // Asked again: nothing new is added.
    let json: serde_json::Value =
        serde_json::from_str(&ok(gloss(&data, &["diff", b, "--versions", "--json"]))).unwrap();
    let versions = json["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{json}");
    assert_eq!(versions[0]["moved"], serde_json::Value::Null);
    assert_eq!(versions[0]["current"], false);
    assert_eq!(versions[1]["fuzzy"], 2);
    assert_eq!(versions[1]["orphaned"], 0);
    assert_eq!(versions[1]["current"], true);
    assert_eq!(versions[1]["bytes"], REISSUED.trim_end().len());
    assert_eq!(versions[1]["sha256"].as_str().unwrap().len(), 64);
    // The log is a plain file beside the snapshots.
    let logs: Vec<_> = std::fs::read_dir(data.join("versions"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(logs.len(), 1);
    let log = std::fs::read_to_string(logs[0].path()).unwrap();
    assert_eq!(log.lines().count(), 3, "{log}");
    assert!(log.starts_with("# gloss: versions of "), "{log}");
}

#[test]
fn versions_of_a_brief_with_a_hostile_name_are_listed_safely() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let brief = dir.path().join("evil\u{1b}[2Jname.txt");
    std::fs::write(&brief, FIRST).unwrap();
    let b = brief.to_str().unwrap();
    let table = ok(gloss(&data, &["diff", b, "--versions"]));
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(table.contains("1 version seen"), "{table}");
    let json = ok(gloss(&data, &["diff", b, "--versions", "--json"]));
    assert!(!json.contains('\u{1b}'), "{json:?}");
}
