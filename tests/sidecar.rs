//! The annotation sidecar through the real binary: `annotate` and `list`, malformed files,
//! two writers at once, and writers killed mid-save.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::{Path, PathBuf};
use std::process::Command;

mod support {
    pub mod run;
}
use support::run::gloss;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/micron-cac-probe.txt");

/// A temporary directory holding a copy of the sample brief.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.txt");
    std::fs::copy(SAMPLE, &brief).unwrap();
    (dir, brief)
}

fn sidecar(brief: &Path) -> PathBuf {
    brief.with_file_name("brief.txt.gloss.toml")
}

fn list_json(brief: &Path) -> Vec<serde_json::Value> {
    let out = gloss(&["list", brief.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn annotate_then_list_as_json() {
    let (_dir, brief) = workspace();
    let b = brief.to_str().unwrap();
    let out = gloss(&[
        "annotate",
        b,
        "--quote",
        "cybersecurity probe",
        "--color",
        "blue",
        "--tag",
        "china",
        "--note",
        "Why now?",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert_eq!(id.len(), 36);
    let second = gloss(&["annotate", b, "--quote", "Micron", "--nth", "2"]);
    assert!(second.status.success());

    let items = list_json(&brief);
    assert_eq!(items.len(), 2);
    let first = &items[0];
    assert_eq!(first["id"], id.as_str());
    assert_eq!(first["quote"], "cybersecurity probe");
    assert_eq!(first["status"], "exact");
    assert_eq!(first["color"], "blue");
    assert_eq!(first["tags"], serde_json::json!(["china"]));
    assert_eq!(first["note"], "Why now?");
    assert_eq!(
        first["end"].as_u64().unwrap() - first["start"].as_u64().unwrap(),
        19
    );
    for key in ["created", "updated"] {
        assert!(first[key].as_str().unwrap().starts_with("20"), "{key}");
    }
    assert_eq!(items[1]["quote"], "Micron");
    let text = std::fs::read_to_string(sidecar(&brief)).unwrap();
    assert!(text.contains("note = \"Why now?\""), "{text}");
}

#[test]
fn a_quote_that_is_not_there_is_an_error() {
    let (_dir, brief) = workspace();
    let out = gloss(&[
        "annotate",
        brief.to_str().unwrap(),
        "--quote",
        "no such words",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("brief.txt: quote \"no such words\" not found"),
        "{err}"
    );
    assert!(!sidecar(&brief).exists(), "nothing written");
    let out = gloss(&[
        "annotate",
        brief.to_str().unwrap(),
        "--quote",
        "Micron",
        "--nth",
        "50",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("it occurs 9 times"));
    let out = gloss(&[
        "annotate",
        brief.to_str().unwrap(),
        "--quote",
        "Micron",
        "--color",
        "teal",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_without_a_sidecar_is_empty() {
    let (_dir, brief) = workspace();
    assert!(list_json(&brief).is_empty());
    let out = gloss(&["list", brief.to_str().unwrap()]);
    assert!(out.status.success() && out.stdout.is_empty());
}

#[test]
fn every_malformed_sidecar_is_reported_and_left_byte_for_byte() {
    let cases: [(&str, &str); 10] = [
        (
            "syntax-error.toml",
            "line 3, column 18, key `file`: invalid basic string",
        ),
        (
            "future-version.toml",
            "line 2, column 1, key `version`: written by a newer gloss (format version 2",
        ),
        (
            "missing-version.toml",
            "line 1, column 1: missing `version`",
        ),
        (
            "bad-color.toml",
            "line 9, column 9, key `color`: unknown variant `teal`",
        ),
        (
            "end-before-start.toml",
            "line 6, column 7, key `id`: annotation 0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a0b: end 10 is before start 15",
        ),
        (
            "bad-id.toml",
            "line 6, column 6, key `id`: UUID parsing failed",
        ),
        (
            "bad-status.toml",
            "key `id`: annotation 0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a0b: unknown status \"lost\"",
        ),
        (
            "wrong-type.toml",
            "line 11, column 9, key `start`: invalid type: string \"ten\"",
        ),
        ("bad-date.toml", "line 7, column 11, key `created`:"),
        (
            "not-utf8.toml",
            "line 4, column 1: not valid UTF-8 (byte 42)",
        ),
    ];
    for (fixture, expected) in cases {
        let (_dir, brief) = workspace();
        let path = sidecar(&brief);
        let source = format!(
            "{}/tests/fixtures/sidecars/{fixture}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::copy(&source, &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        for args in [
            vec!["list", brief.to_str().unwrap()],
            vec!["list", brief.to_str().unwrap(), "--json"],
            vec!["annotate", brief.to_str().unwrap(), "--quote", "Micron"],
        ] {
            let out = gloss(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{fixture} {args:?}: {err}");
            assert!(
                err.contains("brief.txt.gloss.toml: "),
                "{fixture}: names the file: {err}"
            );
            assert!(
                err.contains(expected),
                "{fixture}: wanted {expected:?} in {err}"
            );
            assert_eq!(
                std::fs::read(&path).unwrap(),
                before,
                "{fixture}: bytes changed"
            );
        }
    }
}

#[test]
fn two_writers_adding_100_each_lose_nothing() {
    let (_dir, brief) = workspace();
    let words: Vec<String> = std::fs::read_to_string(&brief)
        .unwrap()
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| w.len() > 3)
        .collect();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let brief = brief.clone();
            let words = words.clone();
            std::thread::spawn(move || {
                for i in 0..100 {
                    let quote = &words[(i * 7 + w * 13) % words.len()];
                    let note = format!("writer {w} note {i}");
                    // Each writer waits as long as it takes for the other's lock: on a loaded
                    // machine one fsync can outlast the default 5 s, and giving up is not what
                    // this test is about (every save must land, and none be lost).
                    let out = gloss(&[
                        "annotate",
                        brief.to_str().unwrap(),
                        "--quote",
                        quote,
                        "--note",
                        &note,
                        "--wait",
                        "300",
                    ]);
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let items = list_json(&brief);
    assert_eq!(items.len(), 200);
    for w in 0..2 {
        for i in 0..100 {
            let note = format!("writer {w} note {i}");
            assert!(
                items.iter().any(|a| a["note"] == note.as_str()),
                "lost {note}"
            );
        }
    }
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    use std::time::Duration;
    let (_dir, brief) = workspace();
    let path = sidecar(&brief);
    let b = brief.to_str().unwrap();
    // Kill at a random moment within about how long a save takes here; the window is steered
    // as it goes (other tests load the machine) so that both kills and finished saves happen.
    let start = std::time::Instant::now();
    assert!(
        gloss(&["annotate", b, "--quote", "Micron", "--note", "first"])
            .status
            .success()
    );
    let mut window = u64::try_from(start.elapsed().as_micros())
        .unwrap()
        .max(1_000)
        * 5
        / 4;
    let mut count = list_json(&brief).len();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let (mut killed, mut saved) = (0, 0);
    for i in 0..200 {
        if killed >= 10 && saved >= 10 {
            break;
        }
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args([
                "annotate",
                b,
                "--quote",
                "Micron",
                "--note",
                &format!("save {i}"),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng % window));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        // The invariant: the file always parses and holds the old state or the new one.
        assert!(path.exists());
        let items = list_json(&brief);
        assert!(
            items.len() == count || items.len() == count + 1,
            "after save {i}: {} vs {count}",
            items.len()
        );
        saved += items.len() - count;
        count = items.len();
        if i % 8 == 7 {
            if killed < 10 && killed * 2 < saved {
                window = window * 3 / 4;
            } else if saved < 10 && saved * 2 < killed {
                window = window * 5 / 4;
            }
        }
    }
    assert!(
        killed >= 10,
        "the test must actually kill writers ({killed} killed)"
    );
    assert!(saved >= 10, "and let some saves through ({saved} saved)");
}

#[test]
fn a_corrected_brief_moves_fuzzes_and_orphans_highlights() {
    let (_dir, brief) = workspace();
    let b = brief.to_str().unwrap();
    for quote in [
        "hidden product problems",
        "cybersecurity probe into Micron",
        "4.4%",
        "Deloitte",
    ] {
        let out = gloss(&[
            "annotate",
            b,
            "--quote",
            quote,
            "--note",
            &format!("on {quote}"),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The re-issued brief: a new first paragraph, a reworded phrase, a deleted figure.
    let text = std::fs::read_to_string(&brief).unwrap();
    let (title, body) = text.split_once('\n').unwrap();
    let corrected = format!(
        "{title}\nCorrection: an earlier version misstated the size of the share drop.\n{}",
        body.replace(
            "cybersecurity probe into Micron",
            "cyber-security probe into Micron"
        )
        .replace("sinking 4.4% on Wall Street", "sinking on Wall Street")
    );
    std::fs::write(&brief, corrected).unwrap();

    let items = list_json(&brief);
    let by_note = |q: &str| {
        items
            .iter()
            .find(|a| a["note"] == format!("on {q}"))
            .unwrap()
            .clone()
    };
    let moved = by_note("hidden product problems");
    assert_eq!(moved["status"], "moved");
    assert_eq!(moved["quote"], "hidden product problems");
    assert_eq!(by_note("Deloitte")["status"], "moved");
    let fuzzy = by_note("cybersecurity probe into Micron");
    assert_eq!(fuzzy["status"], "fuzzy");
    assert_eq!(
        fuzzy["quote"], "cyber-security probe into Micron",
        "the text it covers now"
    );
    let orphan = by_note("4.4%");
    assert_eq!(orphan["status"], "orphaned");
    assert_eq!(orphan["start"], serde_json::Value::Null);
    assert_eq!(orphan["quote"], "4.4%", "the stored quote, kept");
    assert_eq!(items.len(), 4, "nothing is lost");
}

/// `gloss annotate --wait`: how long it waits for another process's lock on the sidecar, then
/// gives up with a message saying how long it waited (the sidecar untouched).
#[test]
fn annotate_waits_as_long_as_it_is_told_for_the_lock() {
    use std::time::{Duration, Instant};
    let (_dir, brief) = workspace();
    let b = brief.to_str().unwrap();
    assert!(
        gloss(&["annotate", b, "--quote", "Micron"])
            .status
            .success()
    );
    let before = std::fs::read(sidecar(&brief)).unwrap();
    let mut lock_path = sidecar(&brief).into_os_string();
    lock_path.push(".lock");
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    let start = Instant::now();
    let out = gloss(&["annotate", b, "--quote", "Micron", "--wait", "0.3"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gave up waiting after 0.3 s"), "{err}");
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(std::fs::read(sidecar(&brief)).unwrap(), before);
    // Released after a second: a writer told to wait longer gets it and saves.
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(1));
        drop(lock);
    });
    let out = gloss(&["annotate", b, "--quote", "Micron", "--wait", "60"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    holder.join().unwrap();
    assert_eq!(list_json(&brief).len(), 2);
    let bad = gloss(&["annotate", b, "--quote", "Micron", "--wait", "-1"]);
    assert_eq!(bad.status.code(), Some(2));
}
