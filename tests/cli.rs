//! The command line outside the terminal UI: help, version and errors.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::process::Command;

mod support {
    pub mod run;
    pub mod tmux;
}
use support::run::gloss;

#[test]
fn help_and_version() {
    let help = gloss(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: gloss [OPTIONS] [FILE]"));
    let version = gloss(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("gloss {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_missing_file_names_the_path_and_the_os_error() {
    let out = gloss(&["/nonexistent/brief.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("gloss: cannot open /nonexistent/brief.txt: No such file or directory"),
        "{err}"
    );
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = gloss(&[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("image.png: this is a binary file, not a text brief (NUL byte at offset 8)"),
        "{err}"
    );
}

#[test]
fn a_hostile_file_name_is_neutralised_in_errors() {
    let out = gloss(&["/nonexistent/\u{1b}]52;c;eA==\u{7}.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("␛]52;c;eA==␇.txt"), "{err}");
}

#[test]
fn a_bad_width_is_a_usage_error() {
    let out = gloss(&["--width", "5"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_bad_theme_on_the_command_line_exits_2_naming_file_line_and_key() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/themes/unknown-palette-name.toml"
    );
    let out = gloss(&["--theme", fixture]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "unknown-palette-name.toml: line 5, column 10, key `text`: unknown colour \"inky\""
        ),
        "{err}"
    );
    let out = gloss(&["--theme", "no-such-theme"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no theme called \"no-such-theme\""));
}

#[test]
fn themes_lists_bundled_and_user_themes_with_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("themes")).unwrap();
    std::fs::write(
        dir.path().join("themes/night.toml"),
        "inherits = \"default\"\n[names]\nyellow = \"key point\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("themes/broken.toml"),
        "[styles]\ntxt = {}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("config.toml"), "theme = \"night\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("themes")
        .env("GLOSS_CONFIG_DIR", dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for name in [
        "default",
        "paper",
        "high-contrast",
        "basic16",
        "mono",
        "night",
    ] {
        assert!(
            text.lines().any(|l| l[2..].starts_with(name)),
            "{name} missing:\n{text}"
        );
    }
    assert!(
        text.contains("* night"),
        "the configured theme is marked:\n{text}"
    );
    assert!(
        text.contains(" key point "),
        "names from the theme:\n{text}"
    );
    assert!(
        text.contains("broken.toml: line 2, column 1, key `txt`: unknown role \"txt\""),
        "{text}"
    );
    // NO_COLOR: bold, underline and reverse may stay; no colour codes at all.
    for sgr in text.split("\u{1b}[").skip(1) {
        let params = sgr.split('m').next().unwrap();
        for p in params.split(';').filter_map(|p| p.parse::<u32>().ok()) {
            assert!(
                !(30..=49).contains(&p) && !(90..=107).contains(&p),
                "colour code {p} in {text}"
            );
        }
    }
}

/// `gloss keys` with a fresh configuration folder holding `keymap.toml` when one is given.
fn keys_with(keymap: Option<&str>) -> (std::process::ExitStatus, String, String) {
    let dir = tempfile::tempdir().unwrap();
    if let Some(keymap) = keymap {
        std::fs::write(dir.path().join("keymap.toml"), keymap).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("keys")
        .env("GLOSS_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status, text(&out.stdout), text(&out.stderr))
}

/// The line `gloss keys` prints for `action` in `mode`, its padding squeezed to one space.
fn binding(stdout: &str, mode: &str, action: &str) -> Option<String> {
    stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|l| {
            let mut words = l.split(' ');
            words.next() == Some(mode) && l.contains(&format!(" {action} "))
        })
}

/// Where each column after the first starts: after a run of two or more spaces.
fn column_starts(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    (2..b.len())
        .filter(|&i| b[i] != b' ' && b[i - 1] == b' ' && b[i - 2] == b' ')
        .collect()
}

#[test]
fn keys_prints_the_default_keymap_in_aligned_columns() {
    let (status, stdout, stderr) = keys_with(None);
    assert!(status.success());
    assert_eq!(stderr, "");
    assert_eq!(
        binding(&stdout, "normal", "quit").as_deref(),
        Some("normal q, Ctrl-c quit Quit gloss")
    );
    assert_eq!(
        binding(&stdout, "help", "close_help").as_deref(),
        Some("help Esc, q, ? close_help Close the help")
    );
    let first = column_starts(stdout.lines().next().unwrap());
    assert_eq!(first.len(), 3, "mode, keys, action, description");
    for line in stdout.lines() {
        assert_eq!(column_starts(line), first, "misaligned: {line:?}");
    }
}

#[test]
fn keys_merges_a_users_rebinding_and_unbinding_over_the_defaults() {
    let keymap = "[normal]\nhelp = [\"f2\"]\nsearch = [\"n\"]\ntoggle_repeats = []\n";
    let (status, stdout, stderr) = keys_with(Some(keymap));
    assert!(status.success());
    assert_eq!(stderr, "");
    assert_eq!(
        binding(&stdout, "normal", "help").as_deref(),
        Some("normal F2, ?, F1 help Show this help"),
        "the user's key comes first, the default keys stay"
    );
    assert_eq!(
        binding(&stdout, "normal", "search").as_deref(),
        Some("normal n, / search Search forward (smart case)")
    );
    assert_eq!(
        binding(&stdout, "normal", "search_next"),
        None,
        "n moved to search, and search_next had no other key"
    );
    assert_eq!(binding(&stdout, "normal", "toggle_repeats"), None);
    assert_eq!(
        binding(&stdout, "panel", "help").as_deref(),
        Some("panel ? help Show this help"),
        "other modes keep their own bindings"
    );
}

#[test]
fn a_bad_keymap_is_a_warning_naming_file_and_line_and_the_defaults_stay() {
    let (status, stdout, stderr) =
        keys_with(Some("[normal]\nquit = [\"x\"]\nscrol_down = [\"j\"]\n"));
    assert!(status.success());
    assert!(
        stderr.contains("keymap.toml: line 3, column 1: [normal] unknown action \"scrol_down\"")
            && stderr.trim_end().ends_with("; using the default keymap"),
        "{stderr}"
    );
    assert_eq!(
        binding(&stdout, "normal", "quit").as_deref(),
        Some("normal q, Ctrl-c quit Quit gloss"),
        "nothing of the bad file is used"
    );
}

/// `gloss keys | head -1` and the like: a reader that stops reading ends the output quietly,
/// with no panic message and a clean exit.
#[test]
fn a_reader_that_stops_reading_is_no_panic() {
    for args in [&["keys"][..], &["themes"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .env(
                "GLOSS_CONFIG_DIR",
                std::env::temp_dir().join("gloss-no-config-here"),
            )
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before gloss writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
    }
}

/// Fails on a raw C0 control other than newline and tab, on DEL, and on a C1 control (the
/// bytes C2 80-C2 9F in UTF-8); the output must be UTF-8.
fn assert_no_raw_controls(bytes: &[u8], what: &str) {
    let text = std::str::from_utf8(bytes).unwrap();
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            c != '\n' && c != '\t' && (c.is_ascii_control() || ('\u{80}'..='\u{9f}').contains(&c))
        })
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in {text:?}");
    assert!(
        !bytes
            .windows(2)
            .any(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1])),
        "{what}"
    );
}

/// A note pasted from anywhere can hold what drives a terminal: CSI as C1 (U+009B), DEL,
/// ESC sequences, BEL. `gloss list` and `gloss list --json` print none of it raw, and the
/// JSON still reads back to the note as it was.
#[test]
fn list_prints_no_raw_control_bytes_and_its_json_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.txt");
    std::fs::write(&brief, "Title\nChina has launched a cybersecurity probe.\n").unwrap();
    let brief = brief.to_str().unwrap();
    let note = "first\u{9b}31m line\u{7f}\n\u{1b}]52;c;eA==\u{7}\u{1b}[2J\ttab \"q\" \\ \u{85}\u{202e}end\r\nlast";
    let tag = "t\u{9b}1m\u{1b}[7m\u{7f}";
    let out = gloss(&[
        "annotate",
        brief,
        "--quote",
        "cybersecurity",
        "--note",
        note,
        "--tag",
        tag,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let json = gloss(&["list", brief, "--json"]);
    assert!(json.status.success());
    assert_no_raw_controls(&json.stdout, "list --json");
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(listed[0]["note"].as_str(), Some(note), "the note as it was");
    assert_eq!(listed[0]["tags"][0].as_str(), Some(tag));
    assert_eq!(listed[0]["quote"].as_str(), Some("cybersecurity"));

    let text = gloss(&["list", brief]);
    assert!(text.status.success());
    assert_no_raw_controls(&text.stdout, "list");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("    ␛]52;c;eA==␇␛[2J␉tab \"q\""), "{text}");
}

#[test]
fn a_usage_error_repeats_a_hostile_argument_neutralised() {
    let out = gloss(&["--bogus\u{9b}31m\u{1b}[2J\u{7f}\u{202e}"]);
    assert_eq!(out.status.code(), Some(2));
    assert_no_raw_controls(&out.stderr, "usage error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unexpected argument '--bogus"), "{err}");
    assert!(!err.contains('\u{202e}'), "{err}");
}

/// A user's theme and keymap with controls in names, colour names and keys: `gloss themes`
/// and `gloss keys` print none of it raw.
#[test]
fn themes_and_keys_print_no_raw_control_bytes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("themes")).unwrap();
    std::fs::write(
        dir.path().join("themes/evil\u{1b}[2J\u{9b}.toml"),
        "inherits = \"default\"\n[names]\nyellow = \"key\\u009b31m\\u001b]0;x\\u0007 point\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[normal]\nquit = [\"\\u009b\", \"\\u007f\"]\n",
    )
    .unwrap();
    let run = |arg: &str| {
        Command::new(env!("CARGO_BIN_EXE_gloss"))
            .arg(arg)
            .env("GLOSS_CONFIG_DIR", dir.path())
            .env_remove("NO_COLOR")
            .env("COLORTERM", "truecolor")
            .output()
            .unwrap()
    };
    let themes = run("themes");
    assert!(themes.status.success());
    assert_no_raw_controls(&themes.stdout, "themes");
    assert_no_raw_controls(&themes.stderr, "themes (warnings)");
    let text = String::from_utf8(themes.stdout).unwrap();
    assert!(
        text.contains(" Title  text  key\u{FFFD}31m␛]0;x␇ point  green  blue  red  purple "),
        "{text}"
    );
    let keys = run("keys");
    assert!(keys.status.success());
    assert_no_raw_controls(&keys.stdout, "keys");
    assert_no_raw_controls(&keys.stderr, "keys (warnings)");
    let keys = String::from_utf8(keys.stdout).unwrap();
    assert!(keys.contains("\u{FFFD}, ␡"), "{keys}");
}

/// `gloss themes | less`: into a pipe the preview is its labels as plain text, with no
/// escape at all, even where the terminal would get 24-bit colour.
#[test]
fn themes_into_a_pipe_prints_the_preview_as_plain_text() {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("themes")
        .env(
            "GLOSS_CONFIG_DIR",
            std::env::temp_dir().join("gloss-no-config-here"),
        )
        .env_remove("NO_COLOR")
        .env("COLORTERM", "truecolor")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        !out.stdout.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "* default           Title  text  yellow  green  blue  red  purple   (bundled:default)"
        ),
        "{text}"
    );
}

/// On a terminal the preview is in each theme's colours (what a pipe does not get).
#[test]
fn themes_on_a_terminal_shows_the_preview_in_colour() {
    let tmux = support::tmux::Tmux::start(120, 12);
    tmux.run(&format!(
        "GLOSS_CONFIG_DIR=/nonexistent COLORTERM=truecolor {} themes",
        support::tmux::gloss()
    ));
    tmux.wait_for(|s| s.contains("(bundled:mono)"), "the list of themes");
    let styled = tmux.styled_screen();
    let paper = styled.lines().find(|l| l.contains("paper")).unwrap();
    assert!(
        paper.contains("\u{1b}[") && paper.contains(" yellow "),
        "{paper:?}"
    );
}

/// A Markdown stream past the limit for Markdown briefs is refused with the limit named,
/// after reading at most one byte past the plain-text limit: a pipe that never ends is never
/// read into memory.
#[test]
fn a_brief_piped_in_past_its_limit_is_refused_naming_the_limit() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("-")
        .env("NO_COLOR", "1")
        .env(
            "GLOSS_DATA_DIR",
            std::env::temp_dir().join("gloss-test-data"),
        )
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let paragraph = "A paragraph of the stream, long enough to fill it soon.\n\n".repeat(64);
        let _ = stdin.write_all(b"# A heading makes it Markdown\n\n");
        let mut sent = 0usize;
        // 65 MiB, one past the Markdown limit; gloss may stop reading (broken pipe) at any time.
        while sent <= 65 << 20 {
            if stdin.write_all(paragraph.as_bytes()).is_err() {
                break;
            }
            sent += paragraph.len();
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("stdin") && stderr.contains("Markdown briefs up to 64 MiB"),
        "{stderr}"
    );
}
