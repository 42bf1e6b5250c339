//! The sidecar loader: never a panic on any bytes; what parses writes back to a file that
//! parses to the same thing.
#![no_main]

use gloss::store::format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = format::parse_bytes(data) else {
        return;
    };
    let Ok(text) = format::write(&file) else {
        return;
    };
    let again = format::parse(&text).expect("a written sidecar parses");
    assert_eq!(again, file);
});
