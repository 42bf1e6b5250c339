//! The reader on a re-issued brief, through tmux: opening an unchanged brief keeps a snapshot
//! of its text, and once the brief is re-issued its highlights are carried through the diff
//! (the panel shows the edited span, not a guess), while without the snapshot the search of
//! before places them; the changes view (`D`) shows what changed and jumps into the text.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::Path;
use std::process::Command;

mod support {
    pub mod tmux;
}
use support::tmux::{Tmux, gloss};

const FIRST: &str = "Chip probe widens\n\
Regulators said the probe began on Tuesday after a complaint from rivals.\n\
The minister, Ada Okafur, declined to comment.\n";

const REISSUED: &str = "Chip probe widens\n\
Regulators said the probe began on Wednesday after a complaint from rivals.\n\
The minister, Ada Okafor, declined to comment.\n\
Correction: an earlier version said the probe began on Tuesday after a complaint from rivals.\n";

/// How many texts the data folder keeps (in packs or files of their own).
fn snapshots(data: &Path) -> usize {
    gloss::store::snapshot::Snapshots::at(data.join("snapshots"))
        .hashes()
        .len()
}

fn open(tmux: &Tmux, data: &Path, brief: &Path) -> String {
    tmux.run(&format!(
        "GLOSS_DATA_DIR={} GLOSS_CONFIG_DIR={} {} {}",
        data.display(),
        data.display(),
        gloss(),
        brief.display()
    ));
    tmux.wait_for(|s| s.contains(" READ "), "the reader")
}

#[test]
fn a_reissued_brief_carries_its_highlights_through_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let brief = dir.path().join("probe.txt");
    std::fs::write(&brief, FIRST).unwrap();
    let annotate = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args([
            "annotate",
            brief.to_str().unwrap(),
            "--quote",
            "Tuesday after a complaint",
        ])
        .env("GLOSS_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(annotate.status.success());
    // The reader keeps a snapshot of an unchanged brief once its annotations are placed.
    std::fs::remove_dir_all(data.join("snapshots")).unwrap();
    let tmux = Tmux::start(120, 30);
    open(&tmux, &data, &brief);
    let start = std::time::Instant::now();
    while snapshots(&data) == 0 && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(snapshots(&data), 1, "the reader kept the text it placed on");
    tmux.keys(&["q"]);
    tmux.wait_var("#{alternate_on}", "0");

    std::fs::write(&brief, REISSUED).unwrap();
    open(&tmux, &data, &brief);
    tmux.wait_for(
        |s| s.contains("brief changed since annotating: 0 in place, 0 moved, 1 to review"),
        "the summary of placing",
    );
    // The reader logs each version it placed on: the first as annotated, the re-issue with
    // how the highlight landed (0 moved, 1 to review, 0 orphaned).
    let versions = || -> Vec<String> {
        let Ok(mut logs) = std::fs::read_dir(data.join("versions")) else {
            return Vec::new();
        };
        let Some(Ok(log)) = logs.next() else {
            return Vec::new();
        };
        let text = std::fs::read_to_string(log.path()).unwrap_or_default();
        text.lines().skip(1).map(str::to_string).collect()
    };
    let start = std::time::Instant::now();
    while versions().len() < 2 && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let logged = versions();
    assert_eq!(logged.len(), 2, "{logged:?}");
    assert!(logged[0].ends_with("\t-\t-\t-"), "{logged:?}");
    assert!(logged[1].ends_with("\t0\t1\t0"), "{logged:?}");
    tmux.keys(&["Tab"]);
    let screen = tmux.wait_for(|s| s.contains("was “Tuesday"), "the panel's review entry");
    assert!(
        screen.contains("now “Wednesday after a complaint”"),
        "the highlight follows the corrected word, not the notice:\n{screen}"
    );

    // The changes view: each change with the annotation it touched, `] c` to the next one,
    // Enter into the text there, and `] c` in the text goes on from there.
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| s.contains(" READ "), "the text again");
    tmux.keys(&["D"]);
    let screen = tmux.wait_for(
        |s| s.contains("3 changes since the annotations were placed"),
        "the changes view",
    );
    assert!(screen.contains("▶ 1/3 replaced"), "{screen}");
    assert!(screen.contains("- "), "{screen}");
    assert!(
        screen.contains(
            "fuzzy    was “Tuesday after a complaint”  now “Wednesday after a complaint”"
        ),
        "the annotation beside its change:\n{screen}"
    );
    assert!(screen.contains("change 1 of 3"), "{screen}");
    tmux.keys(&["]", "c"]);
    let screen = tmux.wait_for(|s| s.contains("▶ 2/3 replaced"), "the second change");
    assert!(screen.contains("change 2 of 3"), "{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("change 2 of 3"),
        "the text at the second change",
    );
    assert!(
        !screen.contains("changes since"),
        "the view closed:\n{screen}"
    );
    tmux.keys(&["]", "c"]);
    tmux.wait_for(
        |s| s.contains("change 3 of 3"),
        "the third change, from the text",
    );
    tmux.keys(&["q"]);
    tmux.wait_var("#{alternate_on}", "0");
}
