//! End-to-end in tmux: the analysis views of the hand-counted fixture library (a copy of
//! tests/fixtures/analysis; see tests/analysis.rs for the counts) with the real binary: the
//! author filter, folding one code, the agreement tab and the typed code filter.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod tmux;
}

use std::path::Path;

use support::tmux::{Tmux, gloss};

fn copy_fixture(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis");
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn author_fold_agreement_and_typed_code_in_the_analysis_views() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let tmux = Tmux::start(100, 16);
    tmux.run(&format!(
        "{} {}; echo \"exit=$?\"",
        gloss(),
        dir.path().display()
    ));
    tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("4 briefs ·"),
        "the library",
    );
    tmux.keys(&["a"]);
    tmux.wait_for(
        |s| s.contains(" MATRIX ") && s.contains("codes folded · by all"),
        "the matrix",
    );
    // u: ana only. Folded, frame is s1, s2, s3 (b1), s5, s6 (b2), s8 (b3).
    tmux.keys(&["u"]);
    let ana = tmux.wait_for(|s| s.contains("by ana"), "ana's segments");
    let frame = ana.lines().find(|l| l.contains("frame")).unwrap();
    let counts: Vec<&str> = frame.split_whitespace().skip(1).collect();
    assert_eq!(counts, ["3", "2", "1", "·"], "{ana}");
    // o on frame unfolds it alone.
    tmux.keys(&["u", "u", "j", "o"]);
    let partly = tmux.wait_for(
        |s| s.contains("partly folded · by all") && s.contains("frame/economy"),
        "frame unfolded",
    );
    assert!(partly.contains("1▸actor"), "{partly}");
    // The agreement tab: ana and ben, frame/conflict's kappa 55/199.
    tmux.keys(&["Tab", "Tab", "Tab"]);
    let agreement = tmux.wait_for(|s| s.contains(" AGREEMENT "), "the agreement tab");
    assert!(agreement.contains("coders ana and ben"), "{agreement}");
    let conflict = agreement
        .lines()
        .find(|l| l.starts_with("frame/conflict"))
        .unwrap();
    assert_eq!(
        conflict.split_whitespace().collect::<Vec<_>>(),
        ["frame/conflict", "0.6538", "0.2764"],
        "{agreement}"
    );
    // / types a code: "fcon" completes to frame/conflict, the timeline shows it.
    tmux.keys(&["/"]);
    tmux.wait_for(|s| s.contains(" CODE "), "the code prompt");
    tmux.type_text("fcon");
    tmux.wait_for(|s| s.contains("timeline of: fcon▏"), "typed");
    tmux.keys(&["Enter"]);
    let timeline = tmux.wait_for(
        |s| s.contains(" TIMELINE ") && s.contains("per month · frame/conflict"),
        "the timeline of frame/conflict",
    );
    // s2 in b1, s5, s6, s7 in b2: four segments in November.
    assert!(timeline.contains('4'), "{timeline}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains(" LIBRARY "), "back in the library");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.lines().any(|l| l.trim() == "exit=0"), "a clean exit");
}
