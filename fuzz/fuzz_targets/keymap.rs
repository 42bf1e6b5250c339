//! The keymap loader: any text as the user's keymap.toml merged over the default: never a
//! panic, an error names the file.
#![no_main]

use gloss::input::Keymap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(default) = Keymap::default_keymap() else {
        return;
    };
    if let Err(e) = default.merged("keymap.toml", text) {
        assert!(e.to_string().contains("keymap.toml"), "{e}");
    }
});
