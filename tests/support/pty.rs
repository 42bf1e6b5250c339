//! Runs the real `gloss` binary on a pseudo terminal of its own (portable-pty) and keeps every
//! byte it writes, for tests that judge the bytes themselves (a screen capture would hide an
//! escape sequence the terminal already acted on). A vt100 parser gives the screen as text.
#![allow(dead_code)] // each test binary uses a different part of this helper
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test support: failing loudly is the point

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running gloss on a pseudo terminal; killed on drop if still running.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    started: Instant,
    rows: u16,
    cols: u16,
}

/// How a run ended.
#[derive(Debug)]
pub struct Ended {
    /// Every byte written to the terminal.
    pub output: Vec<u8>,
    /// The exit code (`None` when killed by a signal).
    pub code: Option<u32>,
    /// From start to exit.
    pub elapsed: Duration,
}

impl Pty {
    /// Starts gloss with `args` in `dir` on a `cols` x `rows` terminal, with a private
    /// configuration folder so the user's own files play no part.
    pub fn start(dir: &Path, args: &[&OsStr], cols: u16, rows: u16) -> Self {
        Self::start_with(dir, args, cols, rows, &[])
    }

    /// Runs `program` with `args` instead of gloss itself (`setpriv ... gloss FILE`).
    pub fn start_program(
        dir: &Path,
        program: &OsStr,
        args: &[&OsStr],
        cols: u16,
        rows: u16,
    ) -> Self {
        Self::spawn(dir, program, args, cols, rows, &[])
    }

    /// [`Pty::start`] with extra environment variables.
    pub fn start_with(
        dir: &Path,
        args: &[&OsStr],
        cols: u16,
        rows: u16,
        env: &[(&str, &OsStr)],
    ) -> Self {
        Self::spawn(
            dir,
            OsStr::new(env!("CARGO_BIN_EXE_gloss")),
            args,
            cols,
            rows,
            env,
        )
    }

    fn spawn(
        dir: &Path,
        program: &OsStr,
        args: &[&OsStr],
        cols: u16,
        rows: u16,
        env: &[(&str, &OsStr)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("GLOSS_CONFIG_DIR", dir.join(".config-gloss"));
        cmd.env("XDG_DATA_HOME", dir.join(".data"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("gloss starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Self {
            child,
            master: pair.master,
            writer,
            output,
            started: Instant::now(),
            rows,
            cols,
        }
    }

    /// The bytes written so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen as text, as a vt100 terminal would show it now.
    pub fn screen(&self) -> String {
        screen_of(&self.bytes(), self.cols, self.rows)
    }

    /// How many bytes were written so far, to look later at only what came after.
    pub fn mark(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    /// The screen drawn by what came after `mark`, as a vt100 terminal of today's size would
    /// show it from blank: a frame after a resize is drawn whole, so this is the screen once
    /// the resize is answered, and parsing stays quick however long the run.
    pub fn screen_since(&self, mark: usize) -> String {
        let bytes = self.output.lock().unwrap()[mark..].to_vec();
        screen_of(&bytes, self.cols, self.rows)
    }

    /// Waits until the screen satisfies `ready`, at most `limit`; panics naming `what`.
    pub fn wait_for(&mut self, ready: impl Fn(&str) -> bool, what: &str, limit: Duration) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return;
            }
            if start.elapsed() > limit {
                panic!("no {what} after {limit:?}:\n{screen}");
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("gloss exited ({status:?}) before {what}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `bytes` as keys.
    pub fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("keys reach gloss");
        self.writer.flush().expect("keys reach gloss");
    }

    /// Resizes the terminal (gloss gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.cols = cols;
        self.rows = rows;
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Waits for gloss to exit, at most `limit` (then kills it and panics).
    pub fn wait(mut self, limit: Duration) -> Ended {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Let the reader thread drain what is still in the terminal.
                std::thread::sleep(Duration::from_millis(50));
                let code = status.signal().is_none().then(|| status.exit_code());
                return Ended {
                    output: self.bytes(),
                    code,
                    elapsed: self.started.elapsed(),
                };
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!("gloss still running after {limit:?}:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// `bytes` as a vt100 terminal of `cols` x `rows` would show them.
pub fn screen_of(bytes: &[u8], cols: u16, rows: u16) -> String {
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(bytes);
    parser.screen().contents()
}

/// The escape sequences gloss itself writes (crossterm through ratatui): CSI with a final byte
/// of SGR (`m`), cursor position (`H`), erase (`J`, `K`), cursor moves (`A`-`G`), private
/// modes (`?...h`/`l`), cursor shape (` q`) and scroll region (`r`). Anything else (OSC, DCS,
/// APC, PM, SOS, a title report `t`, a lone ESC) can only have come from the input.
fn allowed_csi(params: &[u8], intermediates: &[u8], fin: u8) -> bool {
    let params_ok = params
        .iter()
        .all(|&b| b.is_ascii_digit() || b == b';' || b == b'?' || b == b':' || b == b'<');
    params_ok
        && matches!(
            (intermediates, fin),
            (
                b"",
                b'm' | b'H' | b'J' | b'K' | b'h' | b'l' | b'A'..=b'G' | b'r' | b'u'
            ) | (b" ", b'q')
        )
}

/// Fails unless `bytes` is UTF-8 whose only control characters are CR, LF, backspace and the
/// ESC of well-formed CSI sequences gloss itself writes (see `allowed_csi`): no BEL, no other
/// C0, no DEL, no C1 (U+0080-U+009F), no bidi control, no OSC/DCS/APC/PM/SOS.
pub fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => panic!(
            "{what}: output is not UTF-8 at byte {}: {:?}",
            e.valid_up_to(),
            &bytes[e.valid_up_to().saturating_sub(8)..(e.valid_up_to() + 8).min(bytes.len())]
        ),
    };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == 0x1b {
            assert!(
                b.get(i + 1) == Some(&b'['),
                "{what}: ESC not starting a CSI at {i}: {:?}",
                String::from_utf8_lossy(&b[i..(i + 12).min(b.len())])
            );
            let mut j = i + 2;
            while j < b.len() && (0x30..=0x3f).contains(&b[j]) {
                j += 1;
            }
            let params = &b[i + 2..j];
            let k = j;
            while j < b.len() && (0x20..=0x2f).contains(&b[j]) {
                j += 1;
            }
            let inter = &b[k..j];
            let fin = *b.get(j).unwrap_or(&0);
            assert!(
                allowed_csi(params, inter, fin),
                "{what}: a CSI gloss does not write: {:?}",
                String::from_utf8_lossy(&b[i..(j + 1).min(b.len())])
            );
            i = j + 1;
            continue;
        }
        i += 1;
    }
    for (at, c) in text.char_indices() {
        let bad = match c {
            '\u{1b}' | '\r' | '\n' | '\u{8}' => false,
            c if c.is_control() => true,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
            _ => false,
        };
        assert!(
            !bad,
            "{what}: raw {c:?} at byte {at}: {:?}",
            text[at..].chars().take(20).collect::<String>()
        );
    }
}

/// Fails on a raw C0 control other than newline and tab, on DEL, on a C1 control and on a
/// bidi control: what a command may print into a pipe. The output must be UTF-8.
pub fn assert_no_raw_controls(bytes: &[u8], what: &str) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| {
        panic!(
            "{what}: not UTF-8 ({e}): {}",
            String::from_utf8_lossy(bytes)
        )
    });
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c != '\n' && c != '\t' && c.is_control())
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in {text:?}");
}

/// A folder of its own holding a copy of the sample brief, `brief.txt`, to open and change.
pub fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/micron-cac-probe.txt"),
        &brief,
    )
    .unwrap();
    (dir, brief)
}
