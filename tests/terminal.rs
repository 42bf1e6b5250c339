//! End-to-end: the real binary in a real terminal (tmux), driven by keys, read from the screen.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod tmux;
}

use support::tmux::{Tmux, gloss};

const SAMPLE: &str = "seeds/micron-cac-probe.txt";

/// A copy of the sample brief in a fresh directory, so sidecars written by a test stay there.
fn sample_copy() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("micron-cac-probe.txt");
    std::fs::copy(format!("{}/{SAMPLE}", env!("CARGO_MANIFEST_DIR")), &path).unwrap();
    (dir, path.display().to_string())
}

/// Types `gloss PATH` into the pane's shell, which prints gloss's exit status after it.
fn start(tmux: &Tmux, path: impl AsRef<std::path::Path>) {
    let path = path.as_ref().display();
    tmux.run(&format!("{} {path}; echo \"exit=$?\"", gloss()));
}

fn open(tmux: &Tmux, file: &str) -> String {
    start(tmux, file);
    tmux.wait_for(|s| s.contains(" READ "), "the reader")
}

/// gloss has quit with status 0 and left the terminal as it found it.
fn exited_cleanly(tmux: &Tmux) {
    assert_restored(tmux);
    tmux.wait_for(|s| s.lines().any(|l| l.trim() == "exit=0"), "a clean exit");
}

/// The terminal is back to normal: main screen, no mouse reporting, cursor shown.
fn assert_restored(tmux: &Tmux) {
    tmux.wait_var("#{alternate_on}", "0");
    assert_eq!(tmux.var("#{mouse_any_flag}"), "0", "mouse capture left on");
    assert_eq!(tmux.var("#{cursor_flag}"), "1", "cursor left hidden");
}

#[test]
fn open_scroll_search_resize_and_quit() {
    let tmux = Tmux::start(100, 30);
    let (_dir, sample) = sample_copy();
    let screen = open(&tmux, &sample);
    assert!(
        screen.contains("US Chip Maker Micron Under Fire from China"),
        "{screen}"
    );
    assert_eq!(tmux.var("#{alternate_on}"), "1");
    assert_eq!(tmux.var("#{mouse_any_flag}"), "1");
    let first_line = |s: &str| s.lines().next().unwrap_or_default().trim().to_string();
    let before = first_line(&screen);

    tmux.keys(&["j", "j", "j"]);
    let scrolled = tmux.wait_for(|s| first_line(s) != before, "scrolling");
    assert!(!first_line(&scrolled).contains("US Chip Maker"));

    tmux.keys(&["G"]);
    let end = tmux.wait_for(|s| s.contains("100%"), "the end");
    assert!(end.contains("6 paragraphs repeated from above"), "{end}");
    assert!(end.contains("now hanging in the balance."), "{end}");

    tmux.keys(&["g", "/"]);
    tmux.type_text("Deloitte");
    let searching = tmux.wait_for(|s| s.contains("/Deloitte"), "the prompt");
    assert!(searching.contains(" SEARCH "), "{searching}");
    assert!(
        searching.contains("Deloitte's operations"),
        "the view moved to the match:\n{searching}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for(|s| s.contains(" READ "), "accepting the search");

    // Narrower and shorter: the caret (on the match) stays on screen.
    tmux.resize(50, 15);
    // At 50 columns the text column starts at x = 1; before the redraw it sits at x = 10.
    let reflowed = |s: &str| {
        s.lines()
            .next()
            .is_some_and(|l| l.starts_with(' ') && !l.starts_with("  "))
    };
    let narrow = tmux.wait_for(reflowed, "the reflow");
    assert!(narrow.lines().all(|l| l.chars().count() <= 50), "{narrow}");
    assert!(
        narrow.contains("Deloitte"),
        "the match left the screen:\n{narrow}"
    );

    // The text at the top of the screen stays at the top through a reflow.
    tmux.keys(&["g", "j", "j", "j", "j", "j"]);
    let scrolled = tmux.wait_for(
        |s| first_line(s).starts_with("a cybersecurity"),
        "scrolling",
    );
    let top_words: Vec<String> = first_line(&scrolled)
        .split_whitespace()
        .take(2)
        .map(str::to_string)
        .collect();
    tmux.resize(70, 20);
    let wider = tmux.wait_for(
        |s| s.lines().nth(19).is_some_and(|l| l.contains(" READ ")),
        "the second reflow",
    );
    let top_two: String = wider.lines().take(2).collect::<Vec<_>>().join(" ");
    assert!(
        top_two.contains(&top_words.join(" ")),
        "{top_words:?} not at the top of:\n{wider}"
    );

    tmux.keys(&["?"]);
    tmux.wait_for(|s| s.contains("Keys (Esc closes"), "the help overlay");
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| !s.contains("Keys (Esc closes"), "closing help");

    tmux.keys(&["q"]);
    assert_restored(&tmux);
    tmux.wait_for(|s| s.contains("exit=0"), "a clean exit status");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let tmux = Tmux::start(80, 24);
        let pidfile =
            std::env::temp_dir().join(format!("gloss-e2e-{}-{signal}.pid", std::process::id()));
        let pid_path = pidfile.display().to_string();
        let (_dir, sample) = sample_copy();
        let sidecar = format!("{sample}.gloss.toml");
        tmux.run(&format!(
            "sh -c 'echo $$ > {pid_path}; exec {} {sample}'; echo \"exit=$?\"",
            gloss()
        ));
        tmux.wait_for(|s| s.contains(" READ "), "the reader");
        // A highlight made just before the signal, inside the save debounce.
        tmux.keys(&["}", "v", "e", "1"]);
        tmux.wait_for(|s| s.contains("highlighted in yellow"), "the highlight");
        let pid = std::fs::read_to_string(&pidfile)
            .unwrap()
            .trim()
            .to_string();
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(status.success());
        assert_restored(&tmux);
        tmux.wait_for(
            |s| s.contains(&format!("exit={code}")),
            "the signal's exit status",
        );
        let saved = std::fs::read_to_string(&sidecar)
            .unwrap_or_else(|e| panic!("SIG{signal}: no sidecar after the signal: {e}"));
        assert!(
            saved.contains("[[annotation]]") && saved.contains("color = \"yellow\""),
            "SIG{signal}: the highlight made just before it is not in the sidecar:\n{saved}"
        );
        let _ = std::fs::remove_file(pidfile);
    }
}

#[test]
fn an_empty_file_opens_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, b"").unwrap();
    let tmux = Tmux::start(80, 24);
    let screen = open(&tmux, &path.display().to_string());
    assert!(screen.contains("This brief is empty."), "{screen}");
    assert!(screen.contains("empty.txt"), "{screen}");
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn hostile_escape_sequences_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let body = "Breaking \u{1b}]2;PWNED-TITLE\u{7}news\nClipboard \u{1b}]52;c;cHduZWQ=\u{7} and \u{1b}[31mred\u{1b}[0m and \u{9b}2J\n";
    std::fs::write(&path, body).unwrap();
    let tmux = Tmux::start(80, 24);
    let screen = open(&tmux, &path.display().to_string());
    assert!(screen.contains("Breaking ␛]2;PWNED-TITLE␇news"), "{screen}");
    assert!(screen.contains("␛[31mred"), "{screen}");
    assert_ne!(
        tmux.var("#{pane_title}"),
        "PWNED-TITLE",
        "the title escape was interpreted"
    );
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn markdown_and_invalid_utf8_open_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.md");
    std::fs::write(
        &path,
        b"+++\ntitle = \"Chip curbs\"\n+++\n# Heading\n\nSome *caf\xe9* text.\n",
    )
    .unwrap();
    let tmux = Tmux::start(100, 20);
    let screen = open(&tmux, &path.display().to_string());
    assert!(screen.contains("Chip curbs"), "{screen}");
    assert!(screen.contains("Some caf\u{FFFD} text."), "{screen}");
    assert!(screen.contains("not valid UTF-8"), "{screen}");
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn select_highlight_write_a_note_and_see_it_in_the_panel() {
    let tmux = Tmux::start(110, 30);
    let (_dir, sample) = sample_copy();
    open(&tmux, &sample);
    tmux.keys(&["/"]);
    tmux.type_text("cybersecurity probe");
    tmux.keys(&["Enter", "v", "e", "e"]);
    tmux.wait_for(|s| s.contains(" VISUAL "), "visual mode");
    tmux.keys(&["a"]);
    tmux.wait_for(
        |s| s.contains("Note on “cybersecurity probe” (Esc saves)"),
        "the note editor",
    );
    tmux.type_text("Retaliation for the Dutch and Japanese curbs?");
    tmux.keys(&["Enter"]);
    tmux.type_text("Check the Deloitte angle.");
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| s.contains(" READ "), "closing the editor");
    tmux.keys(&["Tab"]);
    let screen = tmux.wait_for(
        |s| {
            s.contains("Notes (1)")
                && s.contains("Check the Deloitte angle.")
                && s.contains(" READ ")
        },
        "the panel",
    );
    assert!(screen.contains("[1] ■ yellow"), "{screen}");
    assert!(screen.contains("“cybersecurity probe”"), "{screen}");
    assert!(screen.contains("Retaliation for the Dutch"), "{screen}");
    assert!(screen.contains("Check the Deloitte angle."), "{screen}");
    // The margin mark beside the highlighted line matches the panel entry.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with('1') && l.contains("cybersecurity probe")),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn a_broken_theme_in_the_config_falls_back_with_a_visible_warning() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir(config.path().join("themes")).unwrap();
    std::fs::write(
        config.path().join("themes/typo.toml"),
        "[styles]\n\"panel.nte\" = { fg = \"red\" }\n",
    )
    .unwrap();
    std::fs::write(config.path().join("config.toml"), "theme = \"typo\"\n").unwrap();
    let (_dir, sample) = sample_copy();
    let tmux = Tmux::start(160, 30);
    tmux.run(&format!(
        "GLOSS_CONFIG_DIR={} {} {sample}",
        config.path().display(),
        gloss()
    ));
    let screen = tmux.wait_for(|s| s.contains(" READ "), "the reader");
    assert!(
        screen.contains("US Chip Maker Micron"),
        "the reader still opens:\n{screen}"
    );
    assert!(
        screen.contains("typo.toml: line 2, column 1, key `panel.nte`"),
        "{screen}"
    );
    tmux.keys(&["T"]);
    tmux.wait_for(|s| s.contains("theme: paper"), "cycling to the next theme");
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn a_users_keymap_drives_the_reader_and_a_bad_one_is_a_visible_warning() {
    let config = tempfile::tempdir().unwrap();
    let keymap = config.path().join("keymap.toml");
    std::fs::write(&keymap, "[normal]\nquit = [\"x\"]\nhelp = [\"f2\"]\n").unwrap();
    let (_dir, sample) = sample_copy();
    let tmux = Tmux::start(120, 30);
    let command = format!(
        "GLOSS_CONFIG_DIR={} {} {sample}",
        config.path().display(),
        gloss()
    );
    tmux.run(&command);
    // Waiting for the whole status bar: a capture can land between two writes of a frame.
    let screen = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("x quit"),
        "the reader",
    );
    assert!(
        screen.contains("F2 help") && screen.contains("x quit"),
        "{screen}"
    );
    tmux.keys(&["F2"]);
    tmux.wait_for(|s| s.contains(" HELP "), "the help, on F2");
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| s.contains(" READ "), "the help closed");
    tmux.keys(&["x"]);
    assert_restored(&tmux);

    std::fs::write(&keymap, "[normal]\nquit = [\"x\"]\nscrol_down = [\"j\"]\n").unwrap();
    tmux.run(&command);
    let screen = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("unknown action"),
        "the reader with the keymap's warning",
    );
    assert!(
        screen.contains("keymap.toml: line 3, column 1: [normal] unknown action"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn losing_the_terminal_saves_and_exits_instead_of_spinning() {
    let (_dir, sample) = sample_copy();
    let pidfile = std::env::temp_dir().join(format!("gloss-e2e-{}-lost.pid", std::process::id()));
    let pid_path = pidfile.display().to_string();
    let tmux = Tmux::start(80, 24);
    tmux.run(&format!(
        "sh -c 'echo $$ > {pid_path}; exec {} {sample}'",
        gloss()
    ));
    tmux.wait_for(|s| s.contains(" READ "), "the reader");
    tmux.keys(&["}", "v", "e", "2"]);
    tmux.wait_for(|s| s.contains("highlighted in green"), "the highlight");
    let pid = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .to_string();
    drop(tmux); // kills the tmux server: the terminal is gone
    let alive = || {
        std::process::Command::new("kill")
            .args(["-0", &pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
    };
    let start = std::time::Instant::now();
    while alive() && start.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    if alive() {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid])
            .status();
        panic!("gloss kept running after its terminal went away");
    }
    let saved = std::fs::read_to_string(format!("{sample}.gloss.toml")).unwrap();
    assert!(saved.contains("color = \"green\""), "{saved}");
    let _ = std::fs::remove_file(pidfile);
}

#[test]
fn notes_added_by_another_process_appear_without_a_restart() {
    let (_dir, sample) = sample_copy();
    let tmux = Tmux::start(110, 30);
    open(&tmux, &sample);
    tmux.keys(&["Tab"]);
    tmux.wait_for(|s| s.contains("Notes (0)"), "the empty panel");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args([
            "annotate",
            &sample,
            "--quote",
            "Deloitte",
            "--note",
            "added from a script",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = tmux.wait_for(
        |s| s.contains("Notes (1)") && s.contains("added from a script"),
        "the new note",
    );
    assert!(screen.contains("updated by another gloss"), "{screen}");
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn a_huge_brief_shows_its_first_screen_while_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.txt");
    let mut text = gloss::corpus::brief(32 << 20, 7);
    text.push_str("\nLast line of the dossier: END-MARKER-91\n");
    std::fs::write(&path, &text).unwrap();
    let tmux = Tmux::start(100, 30);
    let first = open(&tmux, &path.display().to_string());
    assert!(
        first.contains("· reading "),
        "the first screen comes before the whole file is read:\n{first}"
    );
    // G shows the end at once, read from the end of the file if need be; g goes back.
    tmux.keys(&["G"]);
    tmux.wait_for(|s| s.contains("END-MARKER-91"), "the end, early");
    tmux.keys(&["g"]);
    tmux.wait_for(|s| !s.contains("END-MARKER-91"), "the top again");
    // A search for text not read yet waits for it, and Esc stops it.
    tmux.keys(&["/"]);
    tmux.type_text("end-marker-91");
    tmux.keys(&["Escape"]);
    let stopped = tmux.wait_for(|s| s.contains(" READ "), "the search stopped");
    assert!(!stopped.contains("END-MARKER-91"), "{stopped}");
    // G follows the end until the whole file is in.
    tmux.keys(&["G"]);
    let end = tmux.wait_for(
        |s| s.contains("END-MARKER-91") && !s.contains("reading"),
        "the end of the dossier",
    );
    assert!(end.contains("100%"), "{end}");
    // Searching from the top now finds the last line.
    tmux.keys(&["g", "/"]);
    tmux.type_text("end-marker-91");
    tmux.keys(&["Enter"]);
    tmux.wait_for(
        |s| s.contains("END-MARKER-91") && s.contains(" READ "),
        "the match",
    );
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
}

#[test]
fn a_nul_byte_far_into_a_huge_file_stops_reading_there_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.txt");
    let mut bytes = gloss::corpus::brief(2 << 20, 3).into_bytes();
    bytes.extend_from_slice(b"\nbinary tail \0\x01\x02 never shown\n");
    std::fs::write(&path, &bytes).unwrap();
    let tmux = Tmux::start(160, 30);
    open(&tmux, &path.display().to_string());
    let screen = tmux.wait_for(|s| s.contains("stopped reading"), "the error");
    assert!(screen.contains("NUL byte at offset"), "{screen}");
    tmux.keys(&["G"]);
    let end = tmux.wait_for(|s| s.contains("100%"), "the end of what was read");
    assert!(!end.contains("never shown"), "{end}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("exit=0"), "gloss to quit");
}

#[test]
fn a_library_lists_its_briefs_opens_one_and_comes_back_to_the_same_row() {
    // A folder holding the sample brief, and more written below.
    let (dir, _) = sample_copy();
    let root = dir.path();
    std::fs::create_dir(root.join("wires")).unwrap();
    std::fs::write(
        root.join("wires/curbs.md"),
        "+++\ntitle = \"Dutch curbs widen\"\nsource = \"Wire\"\npublished = 2026-11-20\n+++\nThe Netherlands joined new curbs.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("analysis.txt"),
        "Export controls, explained\nA primer.\n",
    )
    .unwrap();
    let tmux = Tmux::start(120, 20);
    start(&tmux, root);
    let screen = tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("3 briefs ·"),
        "the library",
    );
    let rows: Vec<&str> = screen.lines().skip(1).take(3).collect();
    assert!(
        rows[0].contains("Dutch curbs widen") && rows[0].contains("Wire"),
        "{screen}"
    );
    assert!(rows[1].contains("Export controls, explained"), "{screen}");
    assert!(rows[2].contains("US Chip Maker Micron"), "{screen}");
    // Filter, open, annotate, come back.
    tmux.keys(&["f"]);
    tmux.type_text("micron");
    tmux.wait_for(
        |s| s.contains("/micron") && !s.contains("Dutch curbs"),
        "the filter",
    );
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("retaliation"),
        "the brief",
    );
    tmux.keys(&["}", "v", "e", "2"]);
    tmux.wait_for(|s| s.contains("highlighted in green"), "the highlight");
    tmux.keys(&["q"]);
    let back = tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("1 / 0"),
        "back in the library, with the new highlight counted",
    );
    assert!(
        back.contains("1 of 3 briefs match"),
        "the filter is kept:\n{back}"
    );
    let sidecar = std::fs::read_to_string(root.join("micron-cac-probe.txt.gloss.toml")).unwrap();
    assert!(sidecar.contains("color = \"green\""), "{sidecar}");
    // Other programs' changes show without a restart: a highlight made from the command
    // line, a new brief, a brief deleted.
    tmux.keys(&["Escape"]);
    let annotate = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("annotate")
        .arg(root.join("analysis.txt"))
        .args(["--quote", "primer", "--note", "from a script"])
        .output()
        .unwrap();
    assert!(annotate.status.success(), "{annotate:?}");
    std::fs::write(
        root.join("wires/new.txt"),
        "Tokyo adds curbs\nA new rule.\n",
    )
    .unwrap();
    std::fs::remove_file(root.join("wires/curbs.md")).unwrap();
    let changed = tmux.wait_for(
        |s| s.contains("Tokyo adds curbs") && !s.contains("Dutch curbs") && s.contains("1 / 1"),
        "the library following other programs' changes",
    );
    assert!(changed.contains("3 briefs"), "{changed}");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux);
}

#[test]
fn notes_across_the_library_open_a_brief_at_its_highlight_and_come_back() {
    // A folder holding the sample brief, and more written below.
    let (dir, _) = sample_copy();
    let root = dir.path();
    std::fs::write(
        root.join("curbs.txt"),
        "Dutch curbs widen\nThe Netherlands joined new curbs.\n",
    )
    .unwrap();
    let annotate = |brief: &str, quote: &str, tag: &str, note: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
            .arg("annotate")
            .arg(root.join(brief))
            .args(["--quote", quote, "--tag", tag, "--note", note])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    annotate(
        "curbs.txt",
        "new curbs",
        "policy/netherlands",
        "second round",
    );
    annotate(
        "micron-cac-probe.txt",
        "suspension of Deloitte",
        "retaliation",
        "far down the brief",
    );
    let tmux = Tmux::start(120, 20);
    start(&tmux, root);
    tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("2 briefs ·"),
        "the library",
    );
    tmux.keys(&["n"]);
    let notes = tmux.wait_for(
        |s| s.contains(" NOTES ") && s.contains("2 of 2 annotations"),
        "the notes",
    );
    assert!(
        notes.contains("#policy/netherlands")
            && notes.contains("“new curbs”")
            && notes.contains("second round"),
        "{notes}"
    );
    // Filter to one and open it: the reader shows the highlight, far down the brief.
    tmux.keys(&["/"]);
    tmux.type_text("#retaliation");
    tmux.wait_for(
        |s| s.contains("1 of 2") || s.contains("/#retaliation"),
        "the filter",
    );
    tmux.keys(&["Enter", "Enter"]);
    let reader = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("Deloitte"),
        "the brief at the highlight",
    );
    assert!(
        !reader.contains("In a move that appears"),
        "not the top of the brief:\n{reader}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for(
        |s| s.contains(" NOTES ") && s.contains("matching"),
        "back in the notes, filter kept",
    );
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains(" LIBRARY "), "back in the library");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux);
}

#[test]
fn a_search_across_the_library_opens_a_brief_at_the_hit_with_n_going_on() {
    let (dir, _) = sample_copy();
    let root = dir.path();
    std::fs::write(
        root.join("curbs.txt"),
        "Dutch curbs widen\nThe Netherlands joined new curbs on Micron's rivals.\n",
    )
    .unwrap();
    let tmux = Tmux::start(120, 20);
    start(&tmux, root);
    tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("2 briefs ·"),
        "the library",
    );
    tmux.keys(&["/"]);
    tmux.type_text("Deloitte");
    tmux.wait_for(
        |s| s.contains(" SEARCH ") && s.contains("/Deloitte"),
        "the query",
    );
    tmux.keys(&["Enter"]);
    let found = tmux.wait_for(
        |s| s.contains("briefs searched") && s.contains("micron-cac-probe.txt"),
        "the hits",
    );
    assert!(
        !found.contains("curbs.txt"),
        "only the brief with hits:\n{found}"
    );
    let count = found
        .lines()
        .find(|l| l.contains("micron-cac-probe.txt —"))
        .unwrap_or_default()
        .to_string();
    assert!(
        count.trim_end().ends_with(')'),
        "a count per brief: {count}"
    );
    // The second hit: open the brief there, with the search running on.
    tmux.keys(&["j", "Enter"]);
    let reader = tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("Deloitte"),
        "the brief at the hit",
    );
    assert!(
        !reader.contains("In a move that appears"),
        "not the top:\n{reader}"
    );
    // The match is drawn in the search colours: a style starts right at the word.
    let styled = tmux.styled_screen();
    assert!(
        styled.contains("mDeloitte"),
        "the match is marked:\n{styled}"
    );
    tmux.keys(&["n"]);
    tmux.wait_for(|s| s.contains(" READ "), "n goes on in the brief");
    tmux.keys(&["q"]);
    tmux.wait_for(
        |s| s.contains(" SEARCH ") && s.contains("\"Deloitte\""),
        "back in the search, results kept",
    );
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains(" LIBRARY "), "back in the library");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux);
}

#[test]
fn the_codebook_view_adds_an_uncoded_tag_and_renames_a_code_in_every_sidecar() {
    let (dir, _) = sample_copy();
    let root = dir.path();
    std::fs::write(
        root.join("curbs.txt"),
        "Dutch curbs widen\nThe Netherlands joined new curbs.\n",
    )
    .unwrap();
    let annotate = |brief: &str, quote: &str, tag: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
            .arg("annotate")
            .arg(root.join(brief))
            .args(["--quote", quote, "--tag", tag])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    annotate("curbs.txt", "new curbs", "frame");
    annotate("micron-cac-probe.txt", "suspension of Deloitte", "frame");
    let tmux = Tmux::start(100, 16);
    start(&tmux, root);
    tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("2 briefs ·"),
        "the library",
    );
    tmux.keys(&["c"]);
    let view = tmux.wait_for(
        |s| s.contains(" CODEBOOK ") && s.contains("#frame"),
        "the codebook with frame uncoded",
    );
    assert!(view.contains("0 codes · 1 uncoded tags"), "{view}");
    // One key makes the uncoded tag a code.
    tmux.keys(&["j", "a"]);
    tmux.wait_for(
        |s| s.contains("added frame") && s.contains("1 codes · 0 uncoded tags"),
        "frame added",
    );
    // Rename it: the prompt starts from its name.
    tmux.keys(&["r"]);
    tmux.wait_for(
        |s| s.contains(" RENAME ") && s.contains("frame → frame"),
        "the prompt",
    );
    tmux.type_text("/conflict");
    tmux.keys(&["Enter"]);
    let renamed = tmux.wait_for(
        |s| s.contains("2 annotations in 2 briefs") && s.contains("conflict"),
        "renamed in both sidecars",
    );
    assert!(renamed.contains("2 ann."), "{renamed}");
    let book = std::fs::read_to_string(root.join("codebook.toml")).unwrap();
    assert!(book.contains("name = \"frame/conflict\""), "{book}");
    let sidecar = std::fs::read_to_string(root.join("curbs.txt.gloss.toml")).unwrap();
    assert!(sidecar.contains("tags = [\"frame/conflict\"]"), "{sidecar}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains(" LIBRARY "), "back in the library");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux);
}

#[test]
fn three_passages_coded_in_the_reader_show_in_the_analysis_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("b1.md"),
        "+++\ntitle = \"One\"\npublished = 2026-11-02\n+++\nRates rose sharply in May.\n\n\
         Banks cut jobs as profits fell.\n",
    )
    .unwrap();
    let tmux = Tmux::start(100, 16);
    start(&tmux, root);
    tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("1 briefs ·"),
        "the library",
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("Banks cut"),
        "the brief",
    );
    // Three passages, each selected from a search match and coded with `c`.
    for (find, words, code) in [
        ("Rates rose", 2, "frame/economy"),
        ("Banks cut jobs", 3, "actor/bank"),
        ("profits fell", 2, "frame/economy"),
    ] {
        tmux.keys(&["/"]);
        tmux.type_text(find);
        tmux.keys(&["Enter", "v"]);
        tmux.wait_for(|s| s.contains(" VISUAL "), "visual mode");
        for _ in 0..words {
            tmux.keys(&["e"]);
        }
        tmux.keys(&["c"]);
        tmux.wait_for(|s| s.contains(" TAGS "), "the code prompt");
        tmux.type_text(code);
        tmux.keys(&["Enter"]);
        tmux.wait_for(|s| s.contains(" READ "), "coded");
    }
    tmux.keys(&["q"]);
    tmux.wait_for(
        |s| s.contains(" LIBRARY ") && s.contains("3 / 0"),
        "back in the library with three highlights",
    );
    tmux.keys(&["a"]);
    let folded = tmux.wait_for(
        |s| s.contains(" MATRIX ") && s.contains("frame"),
        "the matrix",
    );
    // Folded: actor on one segment of brief 1, frame on two.
    assert!(
        folded
            .lines()
            .any(|l| l.contains("1 actor") && l.trim_end().ends_with(" 1")),
        "{folded}"
    );
    assert!(
        folded
            .lines()
            .any(|l| l.contains("2 frame") && l.trim_end().ends_with(" 2")),
        "{folded}"
    );
    tmux.keys(&["z", "j"]);
    tmux.wait_for(
        |s| s.contains("frame/economy in 1 b1.md \"One\": 2"),
        "unfolded, frame/economy selected",
    );
    tmux.keys(&["Enter"]);
    let list = tmux.wait_for(
        |s| s.contains("frame/economy in b1.md: 2 segments"),
        "the cell's segments",
    );
    assert!(
        list.contains("“Rates rose”") && list.contains("“profits fell”"),
        "{list}"
    );
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for(
        |s| s.contains(" READ ") && s.contains("profits fell"),
        "the brief at the segment",
    );
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains(" MATRIX "), "back in the analysis");
    tmux.keys(&["q", "q"]);
    tmux.wait_for(|s| s.contains(" LIBRARY "), "back in the library");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux);
}
