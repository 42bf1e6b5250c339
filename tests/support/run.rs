//! Runs the real `gloss` binary to its end, with its data folder kept for tests (snapshots,
//! indexes: never the user's) and no configuration folder (so no user's theme or keymap).
#![allow(dead_code)] // each test binary uses a different part of this helper
#![allow(clippy::unwrap_used, clippy::panic)] // test support: failing loudly is the point

use std::process::{Command, Output};

/// The data folder every test run of these helpers shares.
pub fn data_dir() -> std::path::PathBuf {
    std::env::temp_dir().join("gloss-test-data")
}

/// `gloss ARGS`: its status and output.
pub fn gloss(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .env("GLOSS_DATA_DIR", data_dir())
        .env("GLOSS_CONFIG_DIR", "/nonexistent/gloss-config")
        .args(args)
        .output()
        .unwrap()
}

/// `gloss ARGS`, which must succeed (else the test fails with its error output); its
/// standard output.
pub fn ok(args: &[&str]) -> String {
    let out = gloss(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
