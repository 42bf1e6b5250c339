//! The terminal's input under faults, with the real binary: keys that arrive together with a
//! resize, and a terminal whose other end closes without a hang-up signal. Both once kept
//! gloss from ever leaving (see src/runtime/input.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod pty;
}

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};
use support::pty::{Pty, screen_of, workspace};

/// How long any wait here may take (a debug build on a busy 2-core machine).
const LIMIT: Duration = Duration::from_secs(30);
/// Rounds of "resize, then a key at once": before the fix one of them was lost within 15 to
/// 75 rounds on the 2-core VM (five runs of a script doing the same), with or without load.
const ROUNDS: usize = 300;
/// Letters typed into one search before it is started again (the prompt stays on screen).
const QUERY: usize = 15;

/// Waits until the screen drawn since `mark` satisfies `ready`; panics naming `what`.
fn wait_since(pty: &Pty, mark: usize, ready: impl Fn(&str) -> bool, what: &str) {
    let start = Instant::now();
    loop {
        let screen = pty.screen_since(mark);
        if ready(&screen) {
            return;
        }
        assert!(
            start.elapsed() < LIMIT,
            "no {what} after {LIMIT:?}:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Every key typed right after a resize is read and answered at the new size. crossterm's
/// default input source waited on an edge-triggered epoll and, when the resize and the key
/// woke it together, answered the resize and went back to waiting with the key unread; it
/// stayed unread until the next key. In a burst of resizes followed by `q`, gloss never quit
/// (tests/faults.rs, one CI run in about a hundred).
#[test]
fn a_key_typed_with_a_resize_is_read_at_once() {
    let (dir, brief) = workspace();
    let mut pty = Pty::start(dir.path(), &[brief.as_os_str()], 110, 30);
    pty.wait_for(|s| s.contains(" READ "), "the reader", LIMIT);
    pty.keys(b"/");
    pty.wait_for(|s| s.contains(" SEARCH "), "the search prompt", LIMIT);
    let mut typed = String::new();
    for round in 0..ROUNDS {
        let letter = char::from(b'a' + u8::try_from(round % 26).unwrap());
        let mark = pty.mark();
        pty.resize(if round % 2 == 0 { 100 } else { 110 }, 30);
        pty.keys(letter.to_string().as_bytes());
        typed.push(letter);
        let width = if round % 2 == 0 { 100 } else { 110 };
        wait_since(
            &pty,
            mark,
            |s| s.contains(&format!("/{typed}")) && s.lines().any(|l| l.contains(" SEARCH ")),
            &format!("'{letter}' (round {round}) answered at width {width}"),
        );
        if typed.len() == QUERY {
            pty.keys(b"\x1b");
            pty.wait_for(|s| s.contains(" READ "), "the search cancelled", LIMIT);
            pty.keys(b"/");
            pty.wait_for(|s| s.contains(" SEARCH "), "a new search", LIMIT);
            typed.clear();
        }
    }
    // Esc and q in one write would read as Alt+q.
    pty.keys(b"\x1b");
    pty.wait_for(|s| s.contains(" READ "), "the search cancelled", LIMIT);
    pty.keys(b"q");
    let ended = pty.wait(LIMIT);
    assert_eq!(ended.code, Some(0));
}

/// A pseudo terminal of the test's own: its master end, and the path of the other end.
fn pseudo_terminal(cols: u16, rows: u16) -> (OwnedFd, PathBuf) {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let path = PathBuf::from(name.to_str().unwrap());
    let size = Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&master, size).unwrap();
    (master, path)
}

/// Reads what gloss wrote on `master` until the screen satisfies `ready`.
fn read_until(master: &OwnedFd, out: &mut Vec<u8>, ready: impl Fn(&str) -> bool, what: &str) {
    let start = Instant::now();
    let mut file = File::from(master.try_clone().unwrap());
    let mut buf = [0u8; 65536];
    loop {
        let screen = screen_of(out, 80, 24);
        if ready(&screen) {
            return;
        }
        assert!(
            start.elapsed() < LIMIT,
            "no {what} after {LIMIT:?}:\n{screen}"
        );
        let mut fds = [PollFd::new(master, PollFlags::IN)];
        let wait = Timespec {
            tv_sec: 0,
            tv_nsec: 50_000_000,
        };
        if rustix::event::poll(&mut fds, Some(&wait)).unwrap() > 0 {
            let n = file.read(&mut buf).unwrap();
            out.extend_from_slice(&buf[..n]);
        }
    }
}

/// A terminal whose other end closes with no hang-up signal (gloss in a session of its own, the
/// terminal not its controlling one: a terminal emulator or multiplexer that died without
/// sending SIGHUP): gloss saves what is unsaved and exits as for a hang-up, at once. Before, its
/// input thread spun on the dead terminal (a core's worth of CPU) and gloss never left; and
/// with standard error on the dead terminal, leaving aborted (ratatui's restore reported its
/// failure with `eprintln!`, which panics there).
#[test]
fn a_terminal_that_closes_without_a_hang_up_saves_and_exits() {
    let (_dir, brief) = workspace();
    let (master, slave) = pseudo_terminal(80, 24);
    let open_slave = || {
        let flags = OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(&slave, flags, Mode::empty()).unwrap();
        Stdio::from(File::from(fd))
    };
    let config = brief.parent().unwrap().join(".config-gloss");
    // `setsid` runs gloss in a new session with no controlling terminal.
    let mut child = Command::new("setsid")
        .arg(env!("CARGO_BIN_EXE_gloss"))
        .arg(&brief)
        .env("TERM", "xterm-256color")
        .env("GLOSS_CONFIG_DIR", &config)
        .env("XDG_DATA_HOME", brief.parent().unwrap().join(".data"))
        .stdin(open_slave())
        .stdout(open_slave())
        .stderr(open_slave())
        .spawn()
        .unwrap();
    let mut out = Vec::new();
    read_until(&master, &mut out, |s| s.contains(" READ "), "the reader");
    let mut keys = File::from(master.try_clone().unwrap());
    keys.write_all(b"}ve2").unwrap();
    read_until(
        &master,
        &mut out,
        |s| s.contains("highlighted in green"),
        "the highlight",
    );
    // Every copy of the master end closes: the terminal is gone. The highlight is at most a
    // little older than the 0.3 s a save waits for: on disk by then or by the save on leaving.
    drop(keys);
    drop(master);
    let closed = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if closed.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("gloss still running 10 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(
        status.code(),
        Some(129),
        "left as for a hang-up: {status:?}"
    );
    let mut sidecar = brief.as_os_str().to_owned();
    sidecar.push(".gloss.toml");
    let saved = std::fs::read_to_string(PathBuf::from(sidecar)).unwrap();
    assert!(saved.contains("color = \"green\""), "{saved}");
}
