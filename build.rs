//! Reads the default keymap (src/input/keymap.toml) at build time into a table of Rust
//! literals, so that gloss does not parse TOML for it at every start before its first frame.
//! Only the plain shape the file keeps to is read (`[mode]` lines and `action = ["key", ...]`
//! lines, comments on lines of their own); anything else stops the build with its line. A unit
//! test checks that the table is what the TOML parser reads from the same file.

use std::fmt::Write as _;
use std::path::Path;

const KEYMAP: &str = "src/input/keymap.toml";

fn main() -> Result<(), String> {
    println!("cargo::rerun-if-changed={KEYMAP}");
    println!("cargo::rerun-if-changed=build.rs");
    let src = std::fs::read_to_string(KEYMAP).map_err(|e| format!("{KEYMAP}: {e}"))?;
    let table = keymap_table(&src)?;
    let out = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    std::fs::write(Path::new(&out).join("keymap_table.rs"), table)
        .map_err(|e| format!("{out}/keymap_table.rs: {e}"))
}

/// The keymap as a Rust expression of type `&[Table]` (see `input::keymap::file`): every
/// name with the byte offset it starts at, as the TOML parser's spans give them.
fn keymap_table(src: &str) -> Result<String, String> {
    let mut out = String::from("&[\n");
    let mut in_table = false;
    let mut line_start = 0;
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let at = line_start;
        line_start += line.len();
        let bad = |what: &str| format!("{KEYMAP}: line {}: {what}: {}", n + 1, line.trim_end());
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if let Some(mode) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            if !is_name(mode) {
                return Err(bad("not a mode name"));
            }
            if in_table {
                out.push_str("    ] },\n");
            }
            in_table = true;
            let _ = writeln!(
                out,
                "    Table {{ mode: ({mode:?}, {}), entries: &[",
                at + lead + 1
            );
            continue;
        }
        let Some((name, rest)) = trimmed.split_once('=') else {
            return Err(bad("neither [mode] nor action = [keys]"));
        };
        let name = name.trim_end();
        if !in_table || !is_name(name) {
            return Err(bad(
                "an action outside a [mode] table, or not an action name",
            ));
        }
        let rest_at = at + line.find('=').unwrap_or(0) + 1;
        let keys =
            keys(rest, rest_at).ok_or_else(|| bad("keys are not a list of plain strings"))?;
        let keys: Vec<String> = keys
            .iter()
            .map(|(k, at)| format!("({k:?}, {at})"))
            .collect();
        let _ = writeln!(
            out,
            "        (({name:?}, {}), &[{}]),",
            at + lead,
            keys.join(", ")
        );
    }
    if in_table {
        out.push_str("    ] },\n");
    }
    out.push(']');
    Ok(out)
}

/// A table or action name: lower-case letters, digits and `_`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The strings of `["a", "b"]` (text that starts at byte `base`), each with the offset of its
/// opening quote; `None` for anything else (escapes included).
fn keys(text: &str, base: usize) -> Option<Vec<(&str, usize)>> {
    let bytes = text.as_bytes();
    let skip = |mut i: usize| {
        while bytes.get(i).is_some_and(|b| *b == b' ' || *b == b'\t') {
            i += 1;
        }
        i
    };
    let mut i = skip(0);
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    i = skip(i + 1);
    let mut keys = Vec::new();
    if bytes.get(i) == Some(&b']') {
        return (text[i + 1..].trim().is_empty()).then_some(keys);
    }
    loop {
        if bytes.get(i) != Some(&b'"') {
            return None;
        }
        let len = text[i + 1..].find('"')?;
        let key = &text[i + 1..i + 1 + len];
        if key.contains('\\') {
            return None;
        }
        keys.push((key, base + i));
        i = skip(i + len + 2);
        match bytes.get(i) {
            Some(b',') => i = skip(i + 1),
            Some(b']') => return text[i + 1..].trim().is_empty().then_some(keys),
            _ => return None,
        }
    }
}
