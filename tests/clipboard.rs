//! End-to-end: the reader copies to the clipboard with OSC 52, which tmux (`set-clipboard
//! on`) takes into its paste buffer; and `gloss FILE --at` opens at an annotation or a
//! percentage. The real binary in tmux.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod tmux;
}

use std::time::{Duration, Instant};

use support::tmux::{Tmux, gloss};

/// A brief of `n` numbered paragraphs under front matter with a url.
fn brief(dir: &std::path::Path, n: usize) -> String {
    let mut text = String::from(
        "+++\ntitle = \"Curbs\"\nsource = \"Wire\"\nurl = \"https://example.com/curbs\"\n+++\nCurbs\n\nThe Netherlands joined new curbs on chip tools.\n\n",
    );
    for i in 1..=n {
        text.push_str(&format!("Paragraph number {i} of the brief.\n\n"));
    }
    let path = dir.join("curbs.md");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Waits until tmux's newest paste buffer holds `want`.
fn wait_buffer(tmux: &Tmux, want: &str) {
    let start = Instant::now();
    loop {
        let buffer = tmux.command(&["show-buffer"]);
        if buffer == want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "buffer {buffer:?}, wanted {want:?}; screen:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn y_copies_the_selection_and_l_the_url_through_osc_52() {
    let tmux = Tmux::start(90, 24);
    tmux.command(&["set-option", "-g", "set-clipboard", "on"]);
    let dir = tempfile::tempdir().unwrap();
    let file = brief(dir.path(), 3);
    tmux.run(&format!("{} '{file}'", gloss()));
    tmux.wait_for(|s| s.contains(" READ "), "the reader");
    tmux.keys(&["/"]);
    tmux.type_text("new curbs");
    tmux.keys(&["Enter", "v", "e", "e", "y"]);
    wait_buffer(&tmux, "new curbs");
    tmux.wait_for(|s| s.contains("copied the selection"), "the message");
    tmux.keys(&["L"]);
    wait_buffer(&tmux, "https://example.com/curbs");
    // A highlight, copied as a quote with where it comes from.
    tmux.keys(&["/"]);
    tmux.type_text("new curbs");
    tmux.keys(&["Enter", "v", "e", "e", "2", "Y"]);
    wait_buffer(
        &tmux,
        "> new curbs\n— Curbs, Wire, https://example.com/curbs",
    );
    tmux.keys(&["q"]);
}

#[test]
fn at_opens_the_reader_at_an_annotation_or_a_percentage() {
    let dir = tempfile::tempdir().unwrap();
    let file = brief(dir.path(), 200);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["annotate", &file, "--quote", "Paragraph number 150 "])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let tmux = Tmux::start(90, 24);
    tmux.run(&format!("{} '{file}' --at {id}", gloss()));
    let screen = tmux.wait_for(|s| s.contains(" READ "), "the reader");
    let first = screen
        .lines()
        .find(|l| l.contains("Paragraph number"))
        .unwrap_or("");
    assert!(first.contains("Paragraph number 150 "), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(
        |s| s.ends_with("$ \n") || s.trim_end().ends_with('$'),
        "the shell",
    );
    tmux.run(&format!("{} '{file}' --at 50%", gloss()));
    let screen = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("Paragraph"),
        "the reader at 50%",
    );
    let top: usize = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("Paragraph number "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        (90..=110).contains(&top),
        "half way through 200 paragraphs: {screen}"
    );
    tmux.keys(&["q"]);
}

#[test]
fn a_web_page_opens_as_a_brief_and_its_selection_and_url_are_copied() {
    let tmux = Tmux::start(90, 24);
    tmux.command(&["set-option", "-g", "set-clipboard", "on"]);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("curbs.html");
    let body: String = (1..=6)
        .map(|i| {
            format!(
                "<p>Paragraph {i}: the Netherlands joined new curbs on chip tools, and officials \
                 in The Hague said the rules would widen over the coming months.</p>"
            )
        })
        .collect();
    std::fs::write(
        &page,
        format!(
            "<!doctype html><html><head><title>Dutch curbs widen</title>\
             <link rel=\"canonical\" href=\"https://example.com/dutch-curbs\"></head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
             <article><h1>Dutch curbs widen</h1>{body}</article>\
             <footer>Share this story</footer></body></html>"
        ),
    )
    .unwrap();
    tmux.run(&format!("{} '{}'", gloss(), page.display()));
    let screen = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("Paragraph 1"),
        "the page",
    );
    assert!(
        !screen.contains("Share this story"),
        "the page's clutter is gone:\n{screen}"
    );
    tmux.keys(&["/"]);
    tmux.type_text("new curbs");
    tmux.keys(&["Enter", "v", "e", "e", "y"]);
    wait_buffer(&tmux, "new curbs");
    tmux.keys(&["L"]);
    wait_buffer(&tmux, "https://example.com/dutch-curbs");
    tmux.keys(&["q"]);
}
