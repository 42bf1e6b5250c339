//! Drives the real `gloss` binary inside a private tmux server and reads the screen back.
#![allow(dead_code)] // each test binary uses a different part of this helper
#![allow(clippy::expect_used, clippy::panic)] // test support: failing loudly is the point

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A tmux server of its own running one shell, killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `sh` in a `width` x `height` window, in the repository root.
    pub fn start(width: u16, height: u16) -> Self {
        let socket = format!(
            "gloss-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let tmux = Self { socket };
        let root = env!("CARGO_MANIFEST_DIR");
        // gloss's data folder (search indexes) for this session only, never the user's.
        let data = std::env::temp_dir().join(&tmux.socket);
        let data = format!("GLOSS_DATA_DIR={}", data.display());
        let status = Command::new("tmux")
            .args([
                "-L",
                &tmux.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-c",
                root,
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .args(["env", "PS1=$ ", "TERM=screen-256color", &data, "sh"])
            .status()
            .expect("tmux must be installed to run the end-to-end tests (apt-get install tmux)");
        assert!(status.success(), "tmux failed to start");
        tmux.wait_for(|screen| screen.contains('$'), "the shell prompt");
        tmux
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Any tmux command on this server (`set-option ...`, `show-buffer`); its output.
    pub fn command(&self, args: &[&str]) -> String {
        self.tmux(args)
    }

    /// Types a shell command and presses Enter.
    pub fn run(&self, command: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", command]);
        self.tmux(&["send-keys", "-t", "0", "Enter"]);
    }

    /// Sends tmux key names (`j`, `G`, `Enter`, `C-d`), one argument each.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", text]);
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    /// The visible screen with its colours and attributes, as escape sequences.
    pub fn styled_screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e", "-t", "0"])
    }

    /// A pane format variable, e.g. `#{alternate_on}`.
    pub fn var(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "0", format])
            .trim()
            .to_string()
    }

    /// Resizes the window.
    pub fn resize(&self, width: u16, height: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            "0",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Waits until `ready` holds for the screen; fails with the screen after 10 s.
    pub fn wait_for(&self, ready: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until a pane variable has a value.
    pub fn wait_var(&self, format: &str, value: &str) {
        let start = Instant::now();
        while self.var(format) != value {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{format} stayed {:?}, wanted {value:?}; screen:\n{}",
                self.var(format),
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

/// The gloss binary under test, quoted for the shell.
pub fn gloss() -> String {
    let bin = env!("CARGO_BIN_EXE_gloss");
    assert!(Path::new(bin).exists());
    format!("'{bin}'")
}
