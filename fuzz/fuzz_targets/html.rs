//! HTML briefs (a saved web page, any charset): never a panic; the normalised text holds no
//! control character but newline, its length in characters is what the document says, and
//! every character boundary maps to a character offset and back. The first byte picks the
//! charset a server would have declared (none, UTF-8, windows-1252 or Shift_JIS).
#![no_main]

use gloss::document::Document;
use gloss::sanitize::is_unsafe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let declared = [None, Some("utf-8"), Some("windows-1252"), Some("shift_jis")][usize::from(pick % 4)];
    let Ok(doc) = Document::parse_html(bytes, declared) else {
        return;
    };
    let text = doc.text();
    assert!(!text.chars().any(|c| c != '\n' && is_unsafe(c)), "{text:?}");
    assert_eq!(doc.char_len().get(), text.chars().count());
    for b in 0..=text.len() {
        if text.is_char_boundary(b) {
            let c = doc.char_offset(b);
            assert_eq!(doc.byte_offset(c), b);
        }
    }
    if let Some(title) = doc.title() {
        assert!(!title.chars().any(is_unsafe), "{title:?}");
    }
});
