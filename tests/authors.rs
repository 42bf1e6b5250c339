//! Who wrote what: `author` on annotations made by `gloss annotate` and by the reader, in the
//! JSON, the listings, the panel and the filters.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::Path;
use std::process::{Command, Output};

mod support {
    pub mod tmux;
}

use support::tmux::Tmux;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/micron-cac-probe.txt");

/// gloss with a config folder of its own and `USER` set to `user`.
fn gloss(dir: &Path, config: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        // gloss's data folder (snapshots, indexes) for tests only, never the user's.
        .env(
            "GLOSS_DATA_DIR",
            std::env::temp_dir().join("gloss-test-data"),
        )
        .current_dir(dir)
        .args(args)
        .env("GLOSS_CONFIG_DIR", config)
        .env("USER", user)
        .env_remove("LOGNAME")
        .output()
        .unwrap()
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn annotate_records_the_login_name_or_the_configs_author() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::copy(SAMPLE, dir.path().join("brief.txt")).unwrap();
    let annotate = |user: &str, quote: &str| {
        let out = gloss(
            dir.path(),
            &config,
            user,
            &["annotate", "brief.txt", "--quote", quote],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    annotate("bo", "Micron Technology");
    std::fs::write(config.join("config.toml"), "author = \"Ana Lopez\"\n").unwrap();
    annotate("bo", "Wall Street");
    // `--author` names someone else (a note taken down for a colleague), trimmed.
    let out = gloss(
        dir.path(),
        &config,
        "bo",
        &[
            "annotate",
            "brief.txt",
            "--quote",
            "Micron",
            "--author",
            " Chen Wei ",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sidecar = std::fs::read_to_string(dir.path().join("brief.txt.gloss.toml")).unwrap();
    assert!(sidecar.contains("author = \"Ana Lopez\""), "{sidecar}");

    let listed = json(&gloss(
        dir.path(),
        &config,
        "x",
        &["list", "brief.txt", "--json"],
    ));
    let mut authors: Vec<(&str, &str)> = listed
        .iter()
        .map(|a| (a["quote"].as_str().unwrap(), a["author"].as_str().unwrap()))
        .collect();
    authors.sort_unstable();
    assert_eq!(
        authors,
        [
            ("Micron", "Chen Wei"),
            ("Micron Technology", "bo"),
            ("Wall Street", "Ana Lopez")
        ]
    );
    let plain = gloss(dir.path(), &config, "x", &["list", "brief.txt"]);
    assert!(String::from_utf8_lossy(&plain.stdout).contains("\"Micron Technology\" by bo"));

    let by_ana = json(&gloss(
        dir.path(),
        &config,
        "x",
        &["notes", ".", "--json", "--author", "ana lopez"],
    ));
    assert_eq!(by_ana.len(), 1);
    assert_eq!(by_ana[0]["quote"], "Wall Street");
    assert_eq!(by_ana[0]["author"], "Ana Lopez");
}

#[test]
fn the_reader_records_the_author_and_its_panel_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(config.join("config.toml"), "author = \"ana\"\n").unwrap();
    let brief = dir.path().join("brief.txt");
    std::fs::copy(SAMPLE, &brief).unwrap();
    let tmux = Tmux::start(100, 30);
    tmux.run(&format!(
        "GLOSS_CONFIG_DIR='{}' {} '{}'; echo \"exit=$?\"",
        config.display(),
        support::tmux::gloss(),
        brief.display()
    ));
    tmux.wait_for(|s| s.contains(" READ "), "the reader");
    tmux.keys(&["/"]);
    tmux.type_text("cybersecurity probe");
    tmux.keys(&["Enter", "v", "e", "e", "1", "Tab"]);
    let screen = tmux.wait_for(|s| s.contains("by ana"), "the author in the panel");
    assert!(screen.contains("Notes (1)"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
    let sidecar = std::fs::read_to_string(dir.path().join("brief.txt.gloss.toml")).unwrap();
    assert!(sidecar.contains("author = \"ana\""), "{sidecar}");
}
