//! End-to-end in tmux: a web page opened as a brief, and a brief piped into `gloss -` while
//! the keys still come from the terminal.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod tmux;
}

use std::path::Path;

use support::tmux::{Tmux, gloss};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
        .display()
        .to_string()
}

/// Selects the first match of `quote` (which must be two words long) and writes `note` on it.
fn note_on(tmux: &Tmux, quote: &str, note: &str) {
    tmux.keys(&["/"]);
    tmux.type_text(quote);
    tmux.keys(&["Enter", "v", "e", "e"]);
    tmux.wait_for(|s| s.contains(" VISUAL "), "visual mode");
    tmux.keys(&["a"]);
    tmux.wait_for(|s| s.contains("(Esc saves)"), "the note editor");
    tmux.type_text(note);
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| s.contains(" READ "), "closing the editor");
}

#[test]
fn a_web_page_opens_as_its_article_and_takes_notes() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("news.html");
    std::fs::copy(fixture("news.html"), &page).unwrap();
    let tmux = Tmux::start(110, 40);
    tmux.run(&format!("{} {}; echo \"exit=$?\"", gloss(), page.display()));
    let screen = tmux.wait_for(|s| s.contains(" READ "), "the reader");
    assert!(
        screen.contains("Dutch join widened chip export curbs"),
        "{screen}"
    );
    assert!(
        screen.contains("Ada Verhoeven · Harbour Wire · 2026-11-20T08:30:00Z"),
        "{screen}"
    );
    assert!(screen.contains("What the rules cover"), "{screen}");
    assert!(
        screen.lines().any(|l| l
            .trim_start()
            .starts_with("•  Immersion lithography systems")),
        "{screen}"
    );
    assert!(screen.contains("│ “We act with our partners"), "{screen}");
    assert!(screen.contains("esc␛[31mred and bell␇"), "{screen}");
    for clutter in [
        "COOKIE",
        "NAV-LINK",
        "ADVERT",
        "COMMENT-TEXT",
        "TRACKING",
        "Accept all",
    ] {
        assert!(!screen.contains(clutter), "{clutter} shown: {screen}");
    }
    note_on(&tmux, "lithography systems", "Which models?");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
    let sidecar = std::fs::read_to_string(dir.path().join("news.html.gloss.toml")).unwrap();
    assert!(
        sidecar.contains("quote = \"lithography systems\""),
        "{sidecar}"
    );
    assert!(sidecar.contains("Which models?"), "{sidecar}");
}

#[test]
fn a_brief_piped_in_keeps_its_notes_by_its_text() {
    let data = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(100, 24);
    let run = format!(
        "cat {} | GLOSS_DATA_DIR={} {} -; echo \"exit=$?\"",
        fixture("no-article.html"),
        data.path().display(),
        gloss()
    );
    tmux.run(&run);
    let screen = tmux.wait_for(|s| s.contains(" READ "), "the reader");
    assert!(screen.contains("Station departures"), "{screen}");
    assert!(screen.contains("09:17 Schiphol platform 2"), "{screen}");
    assert!(screen.contains("no article found in this page"), "{screen}");
    assert!(!screen.contains("HIDDEN-SCRIPT"), "{screen}");
    // Keys come from the terminal although standard input was the pipe.
    note_on(&tmux, "Leiden delayed", "Again.");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
    let sidecars: Vec<_> = std::fs::read_dir(data.path().join("sidecars"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".gloss.toml"))
        .collect();
    assert_eq!(sidecars.len(), 1, "{sidecars:?}");
    assert!(sidecars[0].starts_with("stdin-"), "{sidecars:?}");
    // The same text piped again finds its note.
    tmux.run("clear");
    tmux.run(&run);
    tmux.wait_for(|s| s.contains(" READ "), "the reader again");
    tmux.keys(&["Tab"]);
    let screen = tmux.wait_for(|s| s.contains("Notes (1)"), "the panel");
    assert!(screen.contains("Again."), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
}
