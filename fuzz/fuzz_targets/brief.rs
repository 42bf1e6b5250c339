//! Brief parsing (plain text, Markdown, front matter): never a panic; the normalised text
//! holds no control character but newline, its length in characters is what the document
//! says, every character boundary maps to a character offset and back, and plain text
//! normalised again is itself.
#![no_main]

use gloss::document::{Document, Format};
use gloss::sanitize::is_unsafe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = if pick & 1 == 0 {
        Format::Plain
    } else {
        Format::Markdown
    };
    let Ok(doc) = Document::parse(bytes, format) else {
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
    // Plain text normalised again is itself (Markdown's is not plain text: its code blocks
    // keep their indentation, which plain text trims). Text that opens like front matter or
    // with a byte-order mark would be read as such, so it is left out.
    if format == Format::Plain && !text.starts_with("+++") && !text.starts_with('\u{feff}') {
        if let Ok(again) = Document::parse(text.as_bytes(), Format::Plain) {
            assert_eq!(again.text(), text);
        }
    }
});
