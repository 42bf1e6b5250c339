//! The codebook loader and its merge: any text as `codebook.toml` parses or fails with an
//! error naming a line inside the text, never a panic; a codebook that parses writes back to
//! text that parses to the same codebook; and merging it with itself changes nothing.
#![no_main]

use gloss::codebook::format::{parse, write};
use gloss::store::merge::codebook::merge;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let book = match parse(text) {
        Ok(book) => book,
        Err(e) => {
            assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{e}");
            return;
        }
    };
    let Ok(written) = write(&book) else {
        return;
    };
    let again = parse(&written).unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(again, book);
    let (merged, conflicts) = merge(Some(&book), &book, &book);
    assert_eq!(merged, book);
    assert_eq!(conflicts, 0);
});
