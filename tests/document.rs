//! The document model on fixture files a user might really open.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use gloss::document::{Document, Format};
use gloss::sanitize::is_unsafe;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn parse(name: &str) -> Result<Document, gloss::document::DecodeError> {
    Document::parse(&fixture(name), Format::from_path(name.as_ref()))
}

#[test]
fn hostile_sequences_are_neutralised_one_for_one() {
    let doc = parse("hostile.txt").unwrap();
    let text = doc.text();
    assert!(!text.chars().any(|c| c != '\n' && is_unsafe(c)), "{text:?}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Wire ␛]0;title-hijack␇report");
    assert_eq!(lines[1], "Clipboard write ␛]52;c;cm0gLXJmIH4=␇ here");
    assert_eq!(lines[2], "CSI clear ␛[2J␛[H and colour ␛[1;31mred␛[0m");
    assert_eq!(lines[3], "C1 CSI \u{FFFD}31m and NEL \u{FFFD} here");
    assert_eq!(
        lines[4],
        "Trojan source \u{FFFD}exe.txt\u{FFFD} and isolate \u{FFFD}x\u{FFFD}"
    );
    assert_eq!(lines[5], "Bell ␇ backspace ␈ form feed ␌ DEL ␡ end");
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let doc = parse("invalid-utf8.txt").unwrap();
    assert_eq!(
        doc.block_text(1),
        "Latin-1 caf\u{FFFD} and a stray \u{FFFD} byte"
    );
    assert_eq!(doc.warnings().len(), 1);
    assert!(
        doc.warnings()[0].contains("offset 17"),
        "{:?}",
        doc.warnings()
    );
}

#[test]
fn binary_files_are_refused() {
    let err = parse("binary.gif").unwrap_err();
    assert_eq!(
        err.to_string(),
        "this is a binary file, not a text brief (NUL byte at offset 7)"
    );
}

#[test]
fn an_empty_file_is_an_empty_brief() {
    let doc = parse("empty.txt").unwrap();
    assert!(doc.is_empty());
    assert!(doc.warnings().is_empty());
}

#[test]
fn cjk_and_emoji_keep_their_characters_and_offsets() {
    let doc = parse("cjk-emoji.md").unwrap();
    assert_eq!(doc.title(), Some("半導体の輸出規制"));
    let body = doc.block_text(1);
    assert!(body.contains("🇯🇵🇳🇱") && body.contains("👨‍👩‍👧") && body.contains("e\u{301}"));
    let start = doc.text().find("Emoji").unwrap();
    assert_eq!(doc.byte_offset(doc.char_offset(start)), start);
    assert_eq!(doc.char_len().get(), doc.text().chars().count());
}

#[test]
fn a_one_megabyte_single_line_is_one_paragraph() {
    let line = "word ".repeat(200_000);
    let doc = Document::parse(format!("Title\n{line}").as_bytes(), Format::Plain).unwrap();
    assert_eq!(doc.blocks().len(), 2);
    assert_eq!(doc.block_text(1).len(), 1_000_000 - 1);
    assert_eq!(doc.char_offset(doc.text().len()), doc.char_len());
}
