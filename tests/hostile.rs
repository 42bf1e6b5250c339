//! The hostile corpus: briefs, sidecars, themes and file names written to attack a terminal or
//! exhaust the machine, each run through the real binary on a pseudo terminal of its own.
//!
//! For every case the bytes gloss writes are judged as they are (`assert_terminal_safe`): UTF-8,
//! no control character from the input (no BEL, no C0 but CR/LF/BS, no DEL, no C1, no bidi
//! control), and no escape sequence but the CSI sequences gloss itself writes; gloss exits 0 (or
//! 1 with a clear message where it refuses the input) within a stated bound. The bounds are for
//! a debug build on a busy 2-core machine; a release build is about 10 times faster.
//!
//! The small fixtures are in `tests/fixtures/hostile/`; the huge ones (a 50 MB line, a
//! sidecar of 1,000,000 entries, a 10 MB note, a 10,000-long `inherits` chain) are generated
//! into a temporary folder by the test that uses them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod pty;
}

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use support::pty::{Ended, Pty, assert_no_raw_controls, assert_terminal_safe};

/// How long a small case may take, start to exit.
const SMALL: Duration = Duration::from_secs(20);
/// How long a generated huge case may take.
const HUGE: Duration = Duration::from_secs(90);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// A temporary folder holding a copy of the fixture `name`.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

/// Opens `file` in the reader, waits for the first screen, types `keys` (each followed by a
/// short pause), quits, and checks the bytes. Returns the screen before quitting and the end.
fn read(dir: &Path, file: &OsStr, keys: &[&[u8]], limit: Duration) -> (String, Ended) {
    let mut pty = Pty::start(dir, &[file], 100, 30);
    pty.wait_for(|s| s.contains(" READ "), "first screen", limit);
    let first = pty.screen();
    for k in keys {
        pty.keys(k);
        std::thread::sleep(Duration::from_millis(150));
    }
    let screen = pty.screen();
    pty.keys(b"q");
    let ended = pty.wait(limit);
    let what = format!("{}", Path::new(file).display());
    assert_terminal_safe(&ended.output, &what);
    assert_eq!(ended.code, Some(0), "{what}:\n{screen}");
    assert!(
        ended.elapsed < limit,
        "{what}: {:?} > {limit:?}",
        ended.elapsed
    );
    (format!("{first}\n{screen}"), ended)
}

/// Moves through the brief, selects, opens the panel and the help: every screen gets drawn.
const TOUR: &[&[u8]] = &[
    b"j", b"j", b"G", b"g", b"v", b"$", b"\x1b", b"\t", b"\t", b"?", b"q",
];

#[test]
fn escape_and_osc_sequences_show_as_control_pictures() {
    let (dir, path) = copy("escapes.txt");
    let (screen, _) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    for shown in [
        "␛]0;PWNED-TITLE␇",
        "␛[21t",
        "␛]52;c;cm0gLXJmIH4=␇",
        "␛]8;;https://evil.example/␛\\click me",
        "␛P$qm␛\\",
        "␛_Gf=100;AAAA␛\\",
        "␛[2J␛[H␛[1;31mred",
        "␇␇",
        "␈␈ del␡",
    ] {
        assert!(screen.contains(shown), "{shown} missing:\n{screen}");
    }
}

#[test]
fn c1_controls_in_utf8_and_as_raw_bytes_are_replaced() {
    for name in ["c1-utf8.txt", "c1-raw.txt"] {
        let (dir, path) = copy(name);
        let (_, ended) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
        let written = String::from_utf8_lossy(&ended.output);
        assert!(
            written.contains("CSI \u{FFFD}31m red"),
            "{name}:\n{written}"
        );
    }
}

#[test]
fn bidi_overrides_and_isolates_are_replaced() {
    let (dir, path) = copy("bidi.txt");
    let (_, ended) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    // The vt100 screen leaves U+FFFD out: judge what was written.
    let written = String::from_utf8_lossy(&ended.output);
    assert!(
        written.contains("Trojan \u{FFFD}gnp.exe\u{FFFD}"),
        "{written}"
    );
    assert!(written.contains("\u{FFFD}LRI\u{FFFD}"), "{written}");
}

#[test]
fn zero_width_characters_open() {
    let (dir, path) = copy("zero-width.txt");
    let (screen, _) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    assert!(screen.contains("Zero width"), "{screen}");
}

#[test]
fn invalid_utf8_of_every_kind_is_replaced_with_a_warning() {
    let (dir, path) = copy("invalid-utf8.txt");
    let (screen, ended) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    let written = String::from_utf8_lossy(&ended.output);
    assert!(
        written.contains("lone continuation \u{FFFD} \u{FFFD} end"),
        "{written}"
    );
    assert!(
        screen.contains("not valid UTF-8 (first bad byte at offset 46)"),
        "{screen}"
    );
}

#[test]
fn crlf_and_lone_cr_read_as_lines() {
    let (dir, path) = copy("crlf.txt");
    let (screen, _) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    assert!(screen.contains("line one"), "{screen}");
    assert!(screen.contains("linetwo with a lone CR"), "{screen}");
}

#[test]
fn escapes_in_markdown_and_front_matter_show_as_control_pictures() {
    let (dir, path) = copy("escapes.md");
    let (screen, _) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    assert!(screen.contains("Heading ␛]2;PWNED␇"), "{screen}");
    assert!(screen.contains("code ␛[2J"), "{screen}");
}

/// A NUL in the first 32 KiB: refused as binary, with the offset, before the terminal is taken.
#[test]
fn a_nul_byte_early_is_refused_with_a_clear_message() {
    let (dir, path) = copy("nul-early.txt");
    let pty = Pty::start(dir.path(), &[path.as_os_str()], 100, 30);
    let ended = pty.wait(SMALL);
    assert_terminal_safe(&ended.output, "nul-early");
    assert_eq!(ended.code, Some(1));
    let text = String::from_utf8_lossy(&ended.output);
    assert!(
        text.contains(
            "nul-early.txt: this is a binary file, not a text brief (NUL byte at offset 12)"
        ),
        "{text}"
    );
}

/// A NUL far into the file: reading stops there, says so, and shows what was read.
#[test]
fn a_nul_byte_late_stops_reading_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nul-late.txt");
    let mut body = b"NUL late\n".to_vec();
    while body.len() < 200_000 {
        body.extend_from_slice(b"A paragraph of ordinary words before the NUL byte.\n");
    }
    body.extend_from_slice(b"\0after the NUL\n");
    std::fs::write(&path, body).unwrap();
    let (screen, _) = read(dir.path(), path.as_os_str(), &[b"G"], SMALL);
    assert!(screen.contains("stopped reading"), "{screen}");
}

#[test]
fn a_10000_mark_combining_stack_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("combining.txt");
    let body = format!("Combining\nx{} after\n", "\u{301}".repeat(10_000));
    std::fs::write(&path, body).unwrap();
    let (screen, _) = read(dir.path(), path.as_os_str(), TOUR, SMALL);
    assert!(screen.contains("after"), "{screen}");
}

#[test]
fn markdown_nested_10000_deep_opens() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        (
            "lists.md",
            format!("# Lists\n\n{}deep\n", "- ".repeat(10_000)),
        ),
        (
            "quotes.md",
            format!("# Quotes\n\n{} deep\n", ">".repeat(10_000)),
        ),
        (
            "mixed.md",
            format!("# Mixed\n\n{}deep\n", "> 1. - ".repeat(3_400)),
        ),
        (
            "emphasis.md",
            format!(
                "# Emphasis\n\n{}deep{}\n",
                "*_".repeat(5_000),
                "_*".repeat(5_000)
            ),
        ),
        (
            "links.md",
            format!(
                "# Links\n\n{}x{}\n",
                "[".repeat(10_000),
                "](u)".repeat(10_000)
            ),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        let (screen, _) = read(dir.path(), path.as_os_str(), &[b"G", b"\t"], SMALL);
        assert!(screen.contains("q quit"), "{name}:\n{screen}");
    }
}

/// One line of 50 MB: read whole (a line is never cut), wrapped lazily, and left at once.
#[test]
fn a_50_mb_single_line_opens_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    f.write_all(b"One line\n").unwrap();
    for _ in 0..5_000_000 {
        f.write_all(b"abcdefghi ").unwrap();
    }
    f.write_all(b"\n").unwrap();
    f.into_inner().unwrap().sync_all().unwrap();
    let (screen, _) = read(dir.path(), path.as_os_str(), &[b"G", b"g"], HUGE);
    assert!(screen.contains("abcdefghi"), "{screen}");
}

/// An entry with the fields a sidecar needs, `n` distinct.
fn entry(out: &mut impl Write, n: u64, note: &str) {
    writeln!(
        out,
        "[[annotation]]\nid = \"0190a000-0000-7000-8000-{n:012x}\"\ncreated = \"2026-11-24T11:20:03Z\"\nupdated = \"2026-11-24T11:20:03Z\"\ncolor = \"blue\"\nnote = \"{note}\"\nquote = \"Micron\"\nstart = 0\nend = 6\n"
    )
    .unwrap();
}

fn sample_in(dir: &Path) -> PathBuf {
    let brief = dir.join("brief.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/micron-cac-probe.txt"),
        &brief,
    )
    .unwrap();
    brief
}

fn gloss(dir: &Path, args: &[&OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .env("GLOSS_CONFIG_DIR", dir.join(".config-gloss"))
        .env("XDG_DATA_HOME", dir.join(".data"))
        .output()
        .unwrap()
}

/// 1,000,000 entries (185 MB): past the 8 MiB limit, refused at once by `list` and opened
/// read-only by the reader, with the size and the limit in the message; the file is kept.
#[test]
fn a_sidecar_of_a_million_entries_is_refused_at_once_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let brief = sample_in(dir.path());
    let sidecar = dir.path().join("brief.txt.gloss.toml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&sidecar).unwrap());
    writeln!(f, "version = 1\n[document]\nfile = \"brief.txt\"\n").unwrap();
    for n in 0..1_000_000 {
        entry(&mut f, n, "");
    }
    f.into_inner().unwrap().sync_all().unwrap();
    let size = std::fs::metadata(&sidecar).unwrap().len();
    let started = std::time::Instant::now();
    let out = gloss(dir.path(), &[OsStr::new("list"), brief.as_os_str()]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("brief.txt.gloss.toml: it is 17")
            && err.contains(" MiB; gloss reads annotation files up to 8 MiB"),
        "{err}"
    );
    let (screen, _) = read(dir.path(), brief.as_os_str(), &[b"\t"], SMALL);
    assert!(screen.contains("read-only"), "{screen}");
    assert_eq!(std::fs::metadata(&sidecar).unwrap().len(), size);
}

/// A sidecar holding one note of `bytes` (an OSC 52 write repeated, escaped as TOML does).
fn note_of(dir: &Path, bytes: usize) -> PathBuf {
    let brief = sample_in(dir);
    let sidecar = dir.join("brief.txt.gloss.toml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&sidecar).unwrap());
    writeln!(f, "version = 1\n[document]\nfile = \"brief.txt\"\n").unwrap();
    let unit = "note \\u001b]52;c;eA==\\u0007 ";
    entry(&mut f, 1, &unit.repeat(bytes / unit.len()));
    f.into_inner().unwrap().sync_all().unwrap();
    brief
}

/// One note of 10 MB: past the 8 MiB sidecar limit, refused by `list` with size and limit,
/// and the reader opens the brief with its annotations read-only.
#[test]
fn a_10_mb_note_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let brief = note_of(dir.path(), 10_000_000);
    let out = gloss(dir.path(), &[OsStr::new("list"), brief.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("it is 9.5 MiB; gloss reads annotation files up to 8 MiB"),
        "{err}"
    );
    let (screen, _) = read(dir.path(), brief.as_os_str(), &[], SMALL);
    assert!(screen.contains("read-only"), "{screen}");
}

/// One note of 3 MB: under the limit, so listed (its escapes as JSON escapes) and shown in
/// the panel as control pictures.
#[test]
fn a_3_mb_note_is_listed_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let brief = note_of(dir.path(), 3_000_000);
    let out = gloss(
        dir.path(),
        &[OsStr::new("list"), OsStr::new("--json"), brief.as_os_str()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() > 3_000_000);
    assert_no_raw_controls(&out.stdout, "list --json");
    let mut pty = Pty::start(dir.path(), &[brief.as_os_str()], 100, 30);
    pty.wait_for(|s| s.contains(" READ "), "first screen", HUGE);
    pty.keys(b"\t");
    pty.wait_for(|s| s.contains("Notes (1)"), "the note in the panel", HUGE);
    pty.wait_for(|s| s.contains("note ␛]52;c;eA==␇"), "the note's text", HUGE);
    pty.keys(b"q");
    let ended = pty.wait(HUGE);
    assert_terminal_safe(&ended.output, "3 MB note");
    assert_eq!(ended.code, Some(0));
}

/// 10,000 user themes, each inheriting the next: the first 200 by name are read (with a
/// warning saying so), `--theme` on the first is refused naming the file, the key and the
/// depth limit, and `gloss themes` lists the 200 with their errors.
#[test]
fn a_theme_with_a_10000_long_inherits_chain_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join(".config-gloss/themes");
    std::fs::create_dir_all(&themes).unwrap();
    for i in 0..10_000 {
        std::fs::write(
            themes.join(format!("t{i:05}.toml")),
            format!("inherits = \"t{:05}\"\n", i + 1),
        )
        .unwrap();
    }
    let brief = sample_in(dir.path());
    let pty = Pty::start(
        dir.path(),
        &[
            OsStr::new("--theme"),
            OsStr::new("t00000"),
            brief.as_os_str(),
        ],
        100,
        30,
    );
    let ended = pty.wait(HUGE);
    assert_terminal_safe(&ended.output, "theme chain");
    assert_eq!(ended.code, Some(2));
    let text = String::from_utf8_lossy(&ended.output);
    assert!(
        text.contains("t00008.toml: line 1, column 12, key `inherits`: inheritance chain deeper than 8: t00000 -> t00001"),
        "{text}"
    );
    let out = gloss(dir.path(), &[OsStr::new("themes")]);
    assert!(out.status.success());
    let listed = String::from_utf8_lossy(&out.stdout);
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains("10000 theme files; gloss reads the first 200 by name"),
        "{warned}"
    );
    let user = listed.lines().filter(|l| l.starts_with("  t0")).count();
    assert_eq!(user, 200, "{listed}");
    assert_no_raw_controls(&out.stdout, "themes");
    assert_no_raw_controls(&out.stderr, "themes");
}

/// Names that hold a newline, an escape sequence, a bidi override or bytes that are not
/// UTF-8: the reader's status bar, the library, the error messages and every listing show
/// them neutralised.
#[test]
fn file_names_with_newlines_escapes_and_invalid_utf8_are_neutralised() {
    use std::os::unix::ffi::OsStringExt;
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<OsString> = vec![
        "new\nline.txt".into(),
        "esc\u{1b}]0;PWNED\u{7}.txt".into(),
        "bidi\u{202e}txt.exe".into(),
        "c1\u{9b}31m.txt".into(),
        OsString::from_vec(b"bad\xff\xfe.txt".to_vec()),
    ];
    for name in &names {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            "Micron probe\nChina has launched a cybersecurity probe.\n",
        )
        .unwrap();
        let (screen, _) = read(dir.path(), name, &[], SMALL);
        assert!(screen.contains("Micron probe"), "{screen}");
        let out = gloss(
            dir.path(),
            &[
                OsStr::new("annotate"),
                name,
                OsStr::new("--quote"),
                OsStr::new("cybersecurity probe"),
                OsStr::new("--note"),
                OsStr::new("n"),
                OsStr::new("--tag"),
                OsStr::new("t"),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut missing = name.clone();
        missing.push(".missing");
        let out = gloss(dir.path(), &[OsStr::new("list"), &missing]);
        assert_eq!(out.status.code(), Some(1));
        assert_no_raw_controls(&out.stderr, "error");
    }
    let dot = OsStr::new(".");
    for args in [
        vec![OsStr::new("notes"), dot],
        vec![OsStr::new("notes"), dot, OsStr::new("--json")],
        vec![OsStr::new("search"), dot, OsStr::new("probe")],
        vec![
            OsStr::new("search"),
            dot,
            OsStr::new("probe"),
            OsStr::new("--json"),
        ],
        vec![OsStr::new("tags"), dot],
    ] {
        let out = gloss(dir.path(), &args);
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert_no_raw_controls(&out.stdout, &format!("{args:?}"));
        assert_no_raw_controls(&out.stderr, &format!("{args:?}"));
    }
    // The library lists them all.
    let mut pty = Pty::start(dir.path(), &[dot], 100, 30);
    // Four rows: the `.exe` is not a brief.
    pty.wait_for(
        |s| s.matches("Micron probe").count() == 4,
        "the library",
        SMALL,
    );
    pty.keys(b"j");
    std::thread::sleep(Duration::from_millis(200));
    pty.keys(b"q");
    let ended = pty.wait(SMALL);
    assert_terminal_safe(&ended.output, "library");
}

/// Every command, on a folder of the hostile fixtures annotated with hostile notes and tags:
/// no raw C0 but newline and tab, no DEL, no C1, on standard output and error alike.
#[test]
fn every_command_prints_the_hostile_corpus_without_raw_controls() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "escapes.txt",
        "c1-utf8.txt",
        "c1-raw.txt",
        "bidi.txt",
        "invalid-utf8.txt",
        "crlf.txt",
        "escapes.md",
        "nul-early.txt",
    ] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let note = OsStr::new("pasted \u{1b}]52;c;eA==\u{7} \u{9b}2J \u{7f} \u{202e}rtl\r\nnext");
    for (brief, quote) in [
        ("escapes.txt", "here"),
        ("bidi.txt", "end"),
        ("escapes.md", "Paragraph"),
    ] {
        let out = gloss(
            dir.path(),
            &[
                OsStr::new("annotate"),
                OsStr::new(brief),
                OsStr::new("--quote"),
                OsStr::new(quote),
                OsStr::new("--tag"),
                OsStr::new("t\u{1b}[31m"),
                OsStr::new("--note"),
                note,
            ],
        );
        assert!(
            out.status.success(),
            "{brief}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dot = OsStr::new(".");
    let runs: Vec<Vec<&OsStr>> = vec![
        vec![OsStr::new("list"), OsStr::new("escapes.txt")],
        vec![
            OsStr::new("list"),
            OsStr::new("escapes.md"),
            OsStr::new("--json"),
        ],
        vec![OsStr::new("list"), OsStr::new("nul-early.txt")],
        vec![OsStr::new("notes"), dot],
        vec![OsStr::new("notes"), dot, OsStr::new("--json")],
        vec![OsStr::new("search"), dot, OsStr::new("PWNED")],
        vec![OsStr::new("search"), dot, OsStr::new("\u{1b}]52")],
        vec![
            OsStr::new("search"),
            dot,
            OsStr::new("rtl"),
            OsStr::new("--json"),
        ],
        vec![OsStr::new("tags"), dot],
        vec![OsStr::new("tags"), dot, OsStr::new("--json")],
        vec![OsStr::new("keys")],
        vec![OsStr::new("themes")],
        vec![
            OsStr::new("export"),
            OsStr::new("escapes.txt"),
            OsStr::new("--format"),
            OsStr::new("markdown"),
        ],
        vec![
            OsStr::new("export"),
            dot,
            OsStr::new("--format"),
            OsStr::new("w3c"),
        ],
        vec![
            OsStr::new("export"),
            dot,
            OsStr::new("--format"),
            OsStr::new("hypothesis"),
        ],
        vec![
            OsStr::new("export"),
            OsStr::new("escapes.md"),
            OsStr::new("--format"),
            OsStr::new("html"),
        ],
        vec![
            OsStr::new("export"),
            dot,
            OsStr::new("--format"),
            OsStr::new("json"),
        ],
        vec![
            OsStr::new("export"),
            dot,
            OsStr::new("--format"),
            OsStr::new("csv"),
        ],
        vec![
            OsStr::new("annotate"),
            OsStr::new("escapes.txt"),
            OsStr::new("--quote"),
            OsStr::new("\u{1b}]0;x\u{7}"),
        ],
        vec![
            OsStr::new("--theme"),
            OsStr::new("\u{1b}]0;x\u{7}"),
            OsStr::new("escapes.txt"),
        ],
        vec![OsStr::new("--width"), OsStr::new("\u{9b}5")],
    ];
    for args in &runs {
        let out = gloss(dir.path(), args);
        assert_no_raw_controls(&out.stdout, &format!("{args:?} stdout"));
        assert_no_raw_controls(&out.stderr, &format!("{args:?} stderr"));
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{args:?} said nothing"
        );
    }
}

/// Files the export and import commands read are bounded too: a template, a file of
/// annotations to import and a Markdown export to update, each past its limit (sparse files,
/// nothing read), are refused naming the file and the limit, and the export is not written
/// over.
#[test]
fn import_and_export_refuse_files_past_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    let brief = sample_in(dir.path());
    let huge = |name: &str, bytes: u64| {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .unwrap()
            .set_len(bytes)
            .unwrap();
        path
    };
    let import = huge("import.json", 64 * 1024 * 1024 + 1);
    let template = huge("template.j2", 1024 * 1024 + 1);
    let target = huge("notes.md", 64 * 1024 * 1024 + 1);
    let md = OsStr::new("markdown");
    for (args, expected) in [
        (
            vec![
                OsStr::new("import-annotations"),
                brief.as_os_str(),
                OsStr::new("--from"),
                import.as_os_str(),
            ],
            "import.json: it is 64.0 MiB; gloss reads annotation imports up to 64 MiB",
        ),
        (
            vec![
                OsStr::new("export"),
                brief.as_os_str(),
                OsStr::new("--format"),
                md,
                OsStr::new("--template"),
                template.as_os_str(),
            ],
            "template.j2: it is 1.0 MiB; gloss reads export templates up to 1 MiB",
        ),
        (
            vec![
                OsStr::new("export"),
                brief.as_os_str(),
                OsStr::new("--format"),
                md,
                OsStr::new("-o"),
                target.as_os_str(),
            ],
            "notes.md: it is 64.0 MiB; gloss reads Markdown exports to update up to 64 MiB: not overwritten",
        ),
    ] {
        let started = std::time::Instant::now();
        let out = gloss(dir.path(), &args);
        assert!(started.elapsed() < SMALL);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_no_raw_controls(&out.stderr, "refusal");
    }
    assert_eq!(
        std::fs::metadata(&target).unwrap().len(),
        64 * 1024 * 1024 + 1
    );
}
