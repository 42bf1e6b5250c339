//! The theme loader: any text as a user's theme file, resolved through the bundled themes
//! (and itself, for `inherits` loops): never a panic, an error names the file.
#![no_main]

use gloss::theme::{Catalog, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source {
        name: "fuzzed".into(),
        origin: "fuzzed.toml".into(),
        text: text.into(),
    };
    let catalog = Catalog::bundled().with_user(vec![source.clone()]);
    if let Err(e) = catalog.resolve(&source) {
        assert!(e.to_string().contains("fuzzed.toml"), "{e}");
    }
});
