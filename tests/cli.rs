//! The command line outside the terminal UI: help, version and errors.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::process::Command;

fn gloss(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .output()
        .unwrap()
}

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
