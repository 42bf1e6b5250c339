//! Faults while gloss holds a researcher's notes: a disk that fills up and a folder that turns
//! read-only mid-save, the sidecar or the brief changed under the reader, signals in the
//! middle of a note, a burst of resizes, 64 writers at once, and a last save that never comes
//! back. The real binary on a pseudo terminal of its own.
//!
//! Already covered elsewhere, not repeated here: SIGTERM/SIGHUP restoring the terminal and
//! saving a highlight, and a terminal that disappears with a SIGHUP (tests/terminal.rs) or
//! without one, and keys typed with resizes (tests/input_faults.rs); two writers adding
//! 100 each and a writer SIGKILLed at random moments of a save (tests/sidecar.rs); a failed
//! save retried and a signal during a failing save (src/app/reader/tests_saving.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod pty;
}

use std::ffi::{OsStr, OsString};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::pty::{Pty, assert_terminal_safe, workspace};

/// How long any wait in these tests may take (a debug build on a busy 2-core machine).
const LIMIT: Duration = Duration::from_secs(30);
/// How long gloss may take to catch up with a burst of 10,000 resizes.
const BURST: Duration = Duration::from_secs(120);

fn sidecar(brief: &Path) -> PathBuf {
    let mut s = brief.as_os_str().to_owned();
    s.push(".gloss.toml");
    PathBuf::from(s)
}

fn gloss(args: &[&OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .output()
        .unwrap()
}

fn annotate(brief: &Path, quote: &str, note: &str) -> std::process::Output {
    gloss(&[
        OsStr::new("annotate"),
        brief.as_os_str(),
        OsStr::new("--quote"),
        OsStr::new(quote),
        OsStr::new("--note"),
        OsStr::new(note),
    ])
}

/// The notes in the sidecar, through `gloss list --json` (which also proves it parses).
fn notes(brief: &Path) -> Vec<String> {
    let out = gloss(&[OsStr::new("list"), OsStr::new("--json"), brief.as_os_str()]);
    assert!(
        out.status.success(),
        "the sidecar must parse: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    items
        .iter()
        .map(|a| a["note"].as_str().unwrap().to_string())
        .collect()
}

/// Opens the reader on `brief` and waits for its first screen.
fn reader(dir: &Path, brief: &Path) -> Pty {
    let mut pty = Pty::start(dir, &[brief.as_os_str()], 110, 30);
    pty.wait_for(|s| s.contains(" READ "), "the reader", LIMIT);
    pty
}

/// Types `keys` one at a time, as hands would.
fn type_slowly(pty: &mut Pty, keys: &[u8]) {
    for k in keys.chunks(1) {
        pty.keys(k);
        std::thread::sleep(Duration::from_millis(15));
    }
}

/// Highlights "cybersecurity probe" and opens the note editor on it.
fn start_note(pty: &mut Pty) {
    type_slowly(pty, b"/cybersecurity probe\r");
    std::thread::sleep(Duration::from_millis(200));
    type_slowly(pty, b"vee");
    pty.wait_for(|s| s.contains(" VISUAL "), "visual mode", LIMIT);
    pty.keys(b"a");
    pty.wait_for(|s| s.contains("(Esc saves)"), "the note editor", LIMIT);
}

fn kill(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// How to run gloss as a user that permission bits stop: the program, and the words before
/// gloss's own arguments. That is gloss itself, unless the tests run as root (root ignores
/// permission bits): then `owned` is given to `nobody` and gloss runs as `nobody` through
/// `setpriv`.
fn unprivileged(owned: &[&Path]) -> (OsString, Vec<OsString>) {
    let gloss = OsString::from(env!("CARGO_BIN_EXE_gloss"));
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !root {
        return (gloss, Vec::new());
    }
    for dir in owned {
        let chown = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(dir)
            .status()
            .unwrap();
        assert!(chown.success());
    }
    let mut before: Vec<OsString> = ["--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        .iter()
        .map(OsString::from)
        .collect();
    before.push(gloss);
    ("setpriv".into(), before)
}

/// A folder that turns read-only while the reader saves: the annotation stays in memory, the
/// status bar says it is not saved and retries, the file on disk stays whole (the old
/// version, parsing), and once the folder is writable again the retry saves it.
///
/// Root ignores permission bits, so when the tests run as root the reader runs as `nobody`
/// (through `setpriv`) in a folder it owns.
#[test]
fn a_read_only_folder_while_saving_keeps_the_note_tells_and_retries() {
    let (dir, brief) = workspace();
    assert!(
        annotate(&brief, "Micron Technology", "first")
            .status
            .success()
    );
    let before = std::fs::read(sidecar(&brief)).unwrap();
    let (program, mut args) = unprivileged(&[dir.path()]);
    args.push(brief.clone().into_os_string());
    let args: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
    let mut pty = Pty::start_program(dir.path(), &program, &args, 110, 30);
    pty.wait_for(|s| s.contains(" READ "), "the reader", LIMIT);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    start_note(&mut pty);
    type_slowly(&mut pty, b"kept in memory");
    pty.keys(b"\x1b");
    pty.wait_for(
        |s| s.contains("not saved:") && s.contains("Permission denied"),
        "the failed save",
        LIMIT,
    );
    // Nothing on disk changed or was torn, and no temporary file was left.
    assert_eq!(std::fs::read(sidecar(&brief)).unwrap(), before);
    assert_eq!(notes(&brief), ["first"]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| {
            !n.to_string_lossy().starts_with("brief.txt") && n != ".config-gloss" && n != ".data"
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let start = Instant::now();
    while !notes(&brief).iter().any(|n| n == "kept in memory") {
        assert!(start.elapsed() < LIMIT, "the retry never saved the note");
        std::thread::sleep(Duration::from_millis(200));
    }
    pty.keys(b"q");
    let ended = pty.wait(LIMIT);
    assert_eq!(ended.code, Some(0));
    assert_terminal_safe(&ended.output, "read-only folder");
    let mut got = notes(&brief);
    got.sort();
    assert_eq!(got, ["first", "kept in memory"]);
}

/// A brief in a folder the user cannot write to: its notes go to the sidecar folder in the
/// data folder, nothing is made beside the brief, and the next command finds them there.
/// Run as `nobody` when the tests run as root (root may write anywhere).
#[test]
fn notes_on_a_brief_in_a_folder_that_cannot_be_written_go_to_the_data_folder() {
    let (dir, brief) = workspace();
    let data = tempfile::tempdir().unwrap();
    let (program, before) = unprivileged(&[dir.path(), data.path()]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let run = |args: &[&OsStr]| {
        Command::new(&program)
            .args(&before)
            .args(args)
            .env("GLOSS_DATA_DIR", data.path())
            .env("XDG_CONFIG_HOME", data.path().join("config"))
            .output()
            .unwrap()
    };
    let added = run(&[
        OsStr::new("annotate"),
        brief.as_os_str(),
        OsStr::new("--quote"),
        OsStr::new("Micron Technology"),
        OsStr::new("--note"),
        OsStr::new("kept elsewhere"),
    ]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(
        !sidecar(&brief).exists(),
        "nothing may be made beside the brief"
    );
    let kept: Vec<_> = std::fs::read_dir(data.path().join("sidecars"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .collect();
    assert!(
        kept.len() == 1 && kept[0].ends_with("-brief.txt.gloss.toml"),
        "{kept:?}"
    );
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let listed = run(&[OsStr::new("list"), OsStr::new("--json"), brief.as_os_str()]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("kept elsewhere"));
}

/// A disk that fills up while the reader saves: a real tmpfs of 1 MiB, filled to the last
/// page, mounted in a mount namespace of gloss's own (`unshare --user --map-root-user
/// --mount`: no root needed, and the machine's mount table is not touched). The save fails
/// with ENOSPC; the note stays in memory, the status bar says so and retries, the sidecar on
/// the full disk is the old one, whole, with no temporary file left; once space is freed the
/// retry saves it. The test reaches the private mount through `/proc/PID/root`.
#[test]
fn a_full_disk_while_saving_keeps_the_note_tells_and_retries() {
    let probe = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "true"])
        .status();
    assert!(
        probe.is_ok_and(|s| s.success()),
        "this test needs `unshare` from util-linux and user namespaces (sysctl \
         kernel.unprivileged_userns_clone=1) to mount a small tmpfs without root"
    );
    let (dir, brief) = workspace();
    assert!(
        annotate(&brief, "Micron Technology", "first")
            .status
            .success()
    );
    let before = std::fs::read(sidecar(&brief)).unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    // Mount, copy the brief and its sidecar in, fill every page left, then become gloss.
    let script = r#"mount -t tmpfs -o size=1m gloss-full "$1" || exit 97
cp "$2" "$2.gloss.toml" "$1"/ || exit 98
head -c 4M /dev/zero > "$1/filler" 2>/dev/null
exec "$3" "$1/brief.txt""#;
    let args: Vec<&OsStr> = [
        "--user",
        "--map-root-user",
        "--mount",
        "sh",
        "-c",
        script,
        "sh",
    ]
    .into_iter()
    .map(OsStr::new)
    .chain([
        disk.as_os_str(),
        brief.as_os_str(),
        OsStr::new(env!("CARGO_BIN_EXE_gloss")),
    ])
    .collect();
    let mut pty = Pty::start_program(dir.path(), OsStr::new("unshare"), &args, 110, 30);
    pty.wait_for(
        |s| s.contains(" READ "),
        "the reader on the full disk",
        LIMIT,
    );
    // The same pid all along: unshare and sh exec what follows.
    let inside =
        PathBuf::from(format!("/proc/{}/root", pty.pid())).join(disk.strip_prefix("/").unwrap());
    let full_brief = inside.join("brief.txt");
    // statfs of the private mount itself (df would look the path up in this namespace's
    // mount table): no block left.
    let free = Command::new("stat")
        .args(["--file-system", "--format=%a %T"])
        .arg(&inside)
        .output()
        .unwrap();
    let free = String::from_utf8_lossy(&free.stdout).into_owned();
    assert_eq!(free.trim(), "0 tmpfs", "the tmpfs is full");
    assert_eq!(std::fs::read(sidecar(&full_brief)).unwrap(), before);

    start_note(&mut pty);
    type_slowly(&mut pty, b"kept in memory");
    pty.keys(b"\x1b");
    pty.wait_for(
        |s| s.contains("not saved:") && s.contains("No space left on device"),
        "the failed save",
        LIMIT,
    );
    // Nothing on the full disk changed or was torn, and no temporary file was left.
    assert_eq!(std::fs::read(sidecar(&full_brief)).unwrap(), before);
    assert_eq!(notes(&full_brief), ["first"]);
    let leftovers: Vec<_> = std::fs::read_dir(&inside)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| !n.to_string_lossy().starts_with("brief.txt") && n != "filler")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Space freed: the retry saves the note.
    std::fs::remove_file(inside.join("filler")).unwrap();
    let start = Instant::now();
    while !notes(&full_brief).iter().any(|n| n == "kept in memory") {
        assert!(start.elapsed() < LIMIT, "the retry never saved the note");
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut got = notes(&full_brief);
    got.sort();
    assert_eq!(got, ["first", "kept in memory"]);
    pty.keys(b"q");
    let ended = pty.wait(LIMIT);
    assert_eq!(ended.code, Some(0));
    assert_terminal_safe(&ended.output, "full disk");
}

/// The sidecar deleted, truncated and replaced by another program while the reader is open.
/// Deleted: the next save writes everything the reader holds. Replaced by a valid file: the
/// reader merges it, so both sides' notes are kept. Truncated to nothing (no longer a
/// sidecar): it is never written over; the reader says so and keeps its notes in memory.
#[test]
fn the_sidecar_deleted_replaced_or_truncated_under_the_reader_loses_nothing() {
    let (dir, brief) = workspace();
    assert!(
        annotate(&brief, "Micron Technology", "first")
            .status
            .success()
    );
    let path = sidecar(&brief);
    let mut pty = reader(dir.path(), &brief);

    std::fs::remove_file(&path).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    start_note(&mut pty);
    type_slowly(&mut pty, b"after delete");
    pty.keys(b"\x1b");
    let start = Instant::now();
    while !path.exists() || !notes(&brief).iter().any(|n| n == "after delete") {
        assert!(start.elapsed() < LIMIT, "nothing saved after the delete");
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut got = notes(&brief);
    got.sort();
    assert_eq!(got, ["after delete", "first"]);

    // Another program replaces the file with its own version holding a third note.
    let other = tempfile::tempdir().unwrap();
    let copy = other.path().join("brief.txt");
    std::fs::copy(&brief, &copy).unwrap();
    std::fs::copy(&path, sidecar(&copy)).unwrap();
    assert!(annotate(&copy, "Micron", "from elsewhere").status.success());
    std::fs::rename(sidecar(&copy), &path).unwrap();
    pty.wait_for(
        |s| s.contains("annotations updated by another gloss"),
        "the merge",
        LIMIT,
    );
    // A change in the reader saves the merge: all three notes.
    type_slowly(&mut pty, b"}vee3");
    let start = Instant::now();
    while notes(&brief).len() < 4 {
        assert!(
            start.elapsed() < LIMIT,
            "the merge was not saved: {:?}",
            notes(&brief)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let got = notes(&brief);
    for n in ["first", "after delete", "from elsewhere"] {
        assert!(got.iter().any(|g| g == n), "{n} lost: {got:?}");
    }

    // Truncated: not a sidecar any more, so never written over.
    std::fs::write(&path, b"").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    type_slowly(&mut pty, b"}vee4");
    pty.wait_for(|s| s.contains("missing `version"), "the refusal", LIMIT);
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"",
        "a file that does not parse was written over"
    );
    pty.keys(b"q");
    pty.wait_for(
        // The quit warning itself ("annotations NOT saved (...); press q again ..."), not
        // the lowercase "not saved: ... (retrying)" notice of a failed save, which may be
        // on screen already or not yet, depending on how busy the machine is.
        |s| s.contains("annotations NOT saved"),
        "the warning on quit",
        LIMIT,
    );
    pty.keys(b"q");
    let ended = pty.wait(LIMIT);
    assert_eq!(ended.code, Some(0));
    assert_terminal_safe(&ended.output, "sidecar faults");
}

/// The brief deleted, then rewritten, while it is open: the reader keeps the text it read,
/// annotating still saves, and it quits cleanly.
#[test]
fn the_brief_deleted_or_rewritten_under_the_reader_keeps_working() {
    let (dir, brief) = workspace();
    let text = std::fs::read(&brief).unwrap();
    let mut pty = reader(dir.path(), &brief);
    std::fs::remove_file(&brief).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    type_slowly(&mut pty, b"}vee1");
    pty.wait_for(
        |s| s.contains("highlighted in yellow"),
        "the highlight",
        LIMIT,
    );
    let mut rewritten = b"A different brief entirely\n".to_vec();
    rewritten.extend_from_slice(&text[..text.len() / 2]);
    std::fs::write(&brief, rewritten).unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    type_slowly(&mut pty, b"gg}vee2");
    pty.wait_for(
        |s| s.contains("highlighted in green"),
        "the second highlight",
        LIMIT,
    );
    std::thread::sleep(Duration::from_millis(800));
    pty.keys(b"q");
    let ended = pty.wait(LIMIT);
    assert_eq!(
        ended.code,
        Some(0),
        "{}",
        String::from_utf8_lossy(&ended.output)
    );
    assert_terminal_safe(&ended.output, "brief faults");
    let saved = std::fs::read_to_string(sidecar(&brief)).unwrap();
    assert_eq!(saved.matches("\n[[annotation]]").count(), 2, "{saved}");
}

/// SIGTERM and SIGHUP while a note is being typed: the text typed so far is saved, and the
/// exit code is 128 + the signal.
#[test]
fn sigterm_and_sighup_mid_note_save_the_note_typed_so_far() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let (dir, brief) = workspace();
        let mut pty = reader(dir.path(), &brief);
        start_note(&mut pty);
        type_slowly(&mut pty, b"half a tho");
        pty.wait_for(|s| s.contains("half a tho"), "the typed text", LIMIT);
        kill(pty.pid(), signal);
        let ended = pty.wait(LIMIT);
        assert_eq!(ended.code, Some(code), "SIG{signal}");
        assert_terminal_safe(&ended.output, signal);
        assert_eq!(notes(&brief), ["half a tho"], "SIG{signal}");
    }
}

/// SIGKILL while a note is being typed, after an earlier note was saved: the sidecar is the
/// last saved state, whole, and parses.
#[test]
fn sigkill_mid_note_leaves_the_last_saved_state_whole() {
    let (dir, brief) = workspace();
    let mut pty = reader(dir.path(), &brief);
    start_note(&mut pty);
    type_slowly(&mut pty, b"saved one");
    pty.keys(b"\x1b");
    let start = Instant::now();
    while !sidecar(&brief).exists() || notes(&brief) != ["saved one"] {
        assert!(start.elapsed() < LIMIT, "the first note was not saved");
        std::thread::sleep(Duration::from_millis(100));
    }
    let saved = std::fs::read(sidecar(&brief)).unwrap();
    type_slowly(&mut pty, b"}}vee");
    pty.keys(b"a");
    pty.wait_for(|s| s.contains("(Esc saves)"), "the second note", LIMIT);
    type_slowly(&mut pty, b"never saved");
    kill(pty.pid(), "KILL");
    let ended = pty.wait(LIMIT);
    assert_eq!(ended.code, None, "killed by the signal");
    // The second highlight itself may have been saved (the debounce runs while its note is
    // typed, and on a busy machine the typing outlasts it); the note being typed never is.
    let now = std::fs::read(sidecar(&brief)).unwrap();
    let got = notes(&brief);
    if now != saved {
        assert_eq!(
            got,
            ["saved one", ""],
            "only the second highlight, without its note"
        );
    } else {
        assert_eq!(got, ["saved one"]);
    }
}

/// 10,000 resizes in a burst, between 1x1 and 300x100 and through 0 rows: gloss keeps up,
/// draws the last size, answers a key, and quits cleanly.
#[test]
fn ten_thousand_resizes_in_a_burst() {
    let (dir, brief) = workspace();
    let mut pty = reader(dir.path(), &brief);
    let start = Instant::now();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..10_000 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let cols = u16::try_from(rng % 301).unwrap();
        let rows = u16::try_from((rng >> 16) % 101).unwrap();
        pty.resize(cols.max(1), rows);
    }
    let burst = start.elapsed();
    pty.resize(90, 25);
    pty.keys(b"j");
    // Every resize reflows the brief; a debug build on a loaded machine needs a while to
    // catch up, so the bound here is the generous one.
    let drained = Instant::now();
    pty.wait_for(
        |s| s.lines().any(|l| l.contains(" READ ")) && s.lines().count() <= 25,
        "the reader at the last size",
        BURST,
    );
    pty.keys(b"q");
    let ended = pty.wait(BURST);
    eprintln!(
        "10,000 resizes sent in {burst:?}; answered and quit {:?} later",
        drained.elapsed()
    );
    assert_eq!(ended.code, Some(0));
    assert_terminal_safe(&ended.output, "resizes");
    assert!(burst < LIMIT, "{burst:?}");
}

/// A resize right after the first frame, before gloss reads input (its input thread starts a
/// few milliseconds later, once the terminal has shown the frame), is still answered: the
/// brief is laid out again at the new size.
#[test]
fn a_resize_just_after_the_first_frame_is_answered() {
    let (dir, brief) = workspace();
    let mut pty = Pty::start(dir.path(), &[brief.as_os_str()], 110, 30);
    let start = Instant::now();
    while !pty.bytes().windows(6).any(|w| w == b" READ ") {
        assert!(start.elapsed() < LIMIT, "no first frame:\n{}", pty.screen());
        std::thread::sleep(Duration::from_micros(200));
    }
    let mark = pty.mark();
    pty.resize(60, 12);
    // A frame after a resize is drawn whole, so what came after the resize shows it alone.
    loop {
        let after = pty.screen_since(mark);
        if after.lines().any(|l| l.contains(" READ ")) {
            break;
        }
        assert!(
            start.elapsed() < LIMIT,
            "the reader was not drawn again at 60x12:\n{}",
            pty.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    pty.keys(b"q");
    assert_eq!(pty.wait(LIMIT).code, Some(0));
}

/// A last save that never comes back does not keep gloss from leaving: another program swaps
/// the sidecar for a pipe it holds open and never writes to, so every read of it blocks (the
/// watcher's check first, then the save queued behind it). `q` leaves after the 10 s gloss
/// waits for its last save, and says on standard error, once the terminal is back, that the
/// last changes may not be on disk. Before, gloss waited for ever.
#[test]
fn a_last_save_that_never_comes_back_leaves_after_ten_seconds_and_says_so() {
    let (dir, brief) = workspace();
    let mut pty = reader(dir.path(), &brief);
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::rename(&fifo, sidecar(&brief)).unwrap();
    // Read and write on Linux: opening does not wait for a reader, and the pipe has a writer
    // that never writes, so a read of it waits for ever.
    let _held = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(sidecar(&brief))
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    type_slowly(&mut pty, b"}ve2");
    pty.wait_for(
        |s| s.contains("highlighted in green"),
        "the highlight",
        LIMIT,
    );
    pty.keys(b"q");
    let asked = Instant::now();
    let ended = pty.wait(LIMIT + Duration::from_secs(10));
    let waited = asked.elapsed();
    let text = String::from_utf8_lossy(&ended.output);
    let tail: String = text
        .chars()
        .skip(text.chars().count().saturating_sub(600))
        .collect();
    assert!(text.contains("did not finish within 10 s"), "{tail}");
    assert_eq!(ended.code, Some(1));
    assert!(waited >= Duration::from_secs(10), "{waited:?}");
}

/// 64 processes annotating one brief at once: each exits 0, or 1 with a clear lock message;
/// every one that exited 0 has its note in the sidecar, which parses.
#[test]
fn sixty_four_writers_at_once_lose_nothing() {
    let (_dir, brief) = workspace();
    let children: Vec<_> = (0..64)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_gloss"))
                .args(["annotate"])
                .arg(&brief)
                .args(["--quote", "Micron", "--note", &format!("writer {i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ok = Vec::new();
    let mut locked = 0;
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        match out.status.code() {
            Some(0) => ok.push(format!("writer {i}")),
            Some(1) => {
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    err.contains("another gloss is saving; gave up waiting after"),
                    "writer {i}: {err}"
                );
                locked += 1;
            }
            other => panic!("writer {i} exited {other:?}"),
        }
    }
    eprintln!("{} writers saved, {locked} gave up on the lock", ok.len());
    let got = notes(&brief);
    for note in &ok {
        assert!(got.contains(note), "{note} lost");
    }
    assert_eq!(got.len(), ok.len(), "{locked} gave up on the lock");
    assert!(!ok.is_empty());
}
