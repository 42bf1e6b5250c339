//! Build-time work for a faster start:
//! - the default keymap (src/input/keymap.toml) and the bundled themes (themes/*.toml) are read
//!   into tables of Rust literals, so that gloss parses no TOML for them at every start before
//!   its first frame. Only the plain shape the files keep to is read (for the keymap: `[mode]`
//!   lines and `action = ["key", ...]` lines, comments on lines of their own; for the themes
//!   see build/theme_table.rs); anything else stops the build with its line. Unit tests check
//!   that the tables are what the TOML parser reads from the same files.
//! - on Linux, the `gloss` binary is linked as a position-dependent executable (see
//!   `link_fixed`).

use std::fmt::Write as _;
use std::path::Path;

#[path = "build/theme_table.rs"]
mod theme_table;

const KEYMAP: &str = "src/input/keymap.toml";
const THEMES: &str = "themes";

fn main() -> Result<(), String> {
    println!("cargo::rerun-if-changed={KEYMAP}");
    println!("cargo::rerun-if-changed={THEMES}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build/theme_table.rs");
    println!("cargo::rerun-if-env-changed=GLOSS_PIE");
    let out = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    let write = |name: &str, table: String| {
        std::fs::write(Path::new(&out).join(name), table).map_err(|e| format!("{out}/{name}: {e}"))
    };
    let src = std::fs::read_to_string(KEYMAP).map_err(|e| format!("{KEYMAP}: {e}"))?;
    write("keymap_table.rs", keymap_table(&src)?)?;
    write("themes_table.rs", theme_table::themes_table(THEMES)?)?;
    link_fixed();
    link_unwinder_statically(Path::new(&out))?;
    Ok(())
}

/// Links the `gloss` binary (not the tests, benches or proc macros) as a position-dependent
/// executable on Linux with glibc. A position-independent one has its pointer tables (about 850 KB:
/// vtables, string tables of the HTML and encoding crates) rewritten by the dynamic loader at
/// every start, which writes to every one of their pages before `main`: measured, 405 against
/// 177 page faults for `gloss --version` and about a millisecond of the first screen. The
/// price is that gloss's own code is not at a random address (the heap, stack and libraries
/// still are); `GLOSS_PIE=1` at build time keeps the default.
fn link_fixed() {
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    let pie = std::env::var("GLOSS_PIE").is_ok_and(|v| !v.is_empty() && v != "0");
    if linux && !pie {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

/// Links the unwinder into gloss's binaries (and its tests) on Linux with glibc, as
/// `-static-libgcc` does for C: rustc asks the linker for `-lgcc_s`, the shared libgcc, and a
/// `libgcc_s.a` that is the compiler's `libgcc_eh.a` (the same unwinder, as an archive) is put
/// first on the linker's path. The dynamic loader then opens one library fewer at every start,
/// and libgcc_s's constructor no longer runs its nine `cpuid`s, each a trap to the hypervisor
/// on a virtual machine: measured, about 0.15 ms of the 1.4 ms a Rust program that prints a
/// line takes to its first write. Where the C compiler has no `libgcc_eh.a` (or
/// `GLOSS_SHARED_LIBGCC=1` is set) the default stays.
fn link_unwinder_statically(out: &Path) -> Result<(), String> {
    println!("cargo::rerun-if-env-changed=GLOSS_SHARED_LIBGCC");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    let shared = std::env::var("GLOSS_SHARED_LIBGCC").is_ok_and(|v| !v.is_empty() && v != "0");
    let static_crt = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|features| features.split(',').any(|f| f == "crt-static"));
    if !linux || shared || static_crt {
        return Ok(());
    }
    // The linker rustc calls: the one configured for the target, else `cc`.
    let cc = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".into());
    let Ok(found) = std::process::Command::new(&cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return Ok(());
    };
    let archive = std::path::PathBuf::from(String::from_utf8_lossy(&found.stdout).trim());
    // A compiler without the archive prints the bare name back.
    if !found.status.success() || !archive.is_absolute() || !archive.is_file() {
        return Ok(());
    }
    let dir = out.join("static-libgcc");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let shim = dir.join("libgcc_s.a");
    std::fs::copy(&archive, &shim).map_err(|e| format!("{}: {e}", shim.display()))?;
    println!("cargo::rustc-link-arg=-L{}", dir.display());
    Ok(())
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
