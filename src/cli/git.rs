//! `gloss git install [DIR] [--global]`: sets git up to merge sidecars and the codebook with
//! `gloss merge-driver`, through git's own commands, and keeps gloss's lock and backup files
//! out of the repository (`.gitignore`). Idempotent: what is already there is left as it is,
//! and every line printed says what was written or found.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::out::Out;
use crate::error::{Error, show_path};
use crate::store::limits;

/// The attribute that sends sidecars to the driver.
pub const ATTRIBUTE: &str = "*.gloss.toml merge=gloss";
/// The attribute that sends a library's codebook to the driver.
pub const CODEBOOK_ATTRIBUTE: &str = "codebook.toml merge=gloss";
/// What gloss keeps beside a sidecar or codebook while saving (`.lock`) and after (`.bak`):
/// out of the repository, or every `.bak` would conflict as text.
pub const IGNORED: [&str; 4] = [
    "*.gloss.toml.lock",
    "*.gloss.toml.bak",
    "codebook.toml.lock",
    "codebook.toml.bak",
];

/// Where to install.
pub enum Scope<'a> {
    /// The repository holding this folder: its `.gitattributes` and `.git/config`.
    Repository(&'a Path),
    /// The user's git config and attributes file.
    Global,
}

/// Installs the driver and prints what it did.
pub fn install(scope: &Scope<'_>) -> Result<(), Error> {
    let (attributes, ignore, flag, dir) = match scope {
        Scope::Repository(dir) => {
            let top = git(dir, &["rev-parse", "--show-toplevel"])?.ok_or_else(|| {
                Error::Git(format!("{} is not inside a git repository", show_path(dir)))
            })?;
            let top = PathBuf::from(top);
            (
                top.join(".gitattributes"),
                top.join(".gitignore"),
                "--local",
                *dir,
            )
        }
        Scope::Global => (
            global_file(Path::new("."), "core.attributesFile", "attributes")?,
            global_file(Path::new("."), "core.excludesFile", "ignore")?,
            "--global",
            Path::new("."),
        ),
    };
    let mut out = Out::new();
    let attributes_wanted = [ATTRIBUTE, CODEBOOK_ATTRIBUTE];
    let added = add_lines(&attributes, &attributes_wanted, has_attribute)?;
    report(&mut out, &attributes, &attributes_wanted, &added)?;
    let added = add_lines(&ignore, &IGNORED, has_pattern)?;
    report(&mut out, &ignore, &IGNORED, &added)?;
    for (key, value) in [
        ("merge.gloss.name", "gloss sidecar merge".to_string()),
        ("merge.gloss.driver", driver_command()),
    ] {
        let now = git(dir, &["config", flag, "--get", key])?;
        if now.as_deref() == Some(value.as_str()) {
            out.line(&format!("git config {flag}: {key} already set"))?;
        } else {
            git(dir, &["config", flag, key, &value])?
                .ok_or_else(|| Error::Git(format!("git config {flag} {key} failed")))?;
            out.line(&format!(
                "git config {flag}: set {key} = {}",
                crate::sanitize::line(&value)
            ))?;
        }
    }
    Ok(())
}

/// The command git runs: this very binary, quoted for the shell git runs it through.
fn driver_command() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(str::to_string))
        .unwrap_or_else(|| "gloss".into());
    format!("{} merge-driver %O %A %B %P", shell_quote(&exe))
}

fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// One of the user's git files: the path in `key` of the global config, else git's default
/// `name` under the XDG config folder.
fn global_file(dir: &Path, key: &str, name: &str) -> Result<PathBuf, Error> {
    if let Some(path) = git(dir, &["config", "--global", "--path", "--get", key])? {
        return Ok(PathBuf::from(path));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .ok_or_else(|| Error::Git("neither XDG_CONFIG_HOME nor HOME is set".into()))?;
    Ok(config.join("git").join(name))
}

/// One line per wanted line: added, or already there.
fn report(out: &mut Out, path: &Path, wanted: &[&str], added: &[&str]) -> Result<(), Error> {
    for line in wanted {
        let done = if added.contains(line) {
            "added"
        } else {
            "already has"
        };
        out.line(&format!("{}: {done} `{line}`", show_path(path)))?;
    }
    Ok(())
}

/// True when a line of an attributes file already gives `wanted`'s pattern its attribute.
fn has_attribute(text: &str, wanted: &str) -> bool {
    let mut want = wanted.split_whitespace();
    let (Some(pattern), Some(attribute)) = (want.next(), want.next()) else {
        return false;
    };
    text.lines().any(|line| {
        let mut words = line.split_whitespace();
        words.next() == Some(pattern) && words.any(|w| w == attribute)
    })
}

/// True when an ignore file has the pattern `wanted` on a line of its own.
fn has_pattern(text: &str, wanted: &str) -> bool {
    text.lines().any(|line| line.trim() == wanted)
}

/// Appends to the file at `path` each of `wanted` that `has` does not find there (keeping
/// every other line, adding a missing final newline), in one atomic write; the lines added.
/// A file past [`limits::GIT_FILE`] is refused, never read whole.
fn add_lines<'a>(
    path: &Path,
    wanted: &[&'a str],
    has: fn(&str, &str) -> bool,
) -> Result<Vec<&'a str>, Error> {
    let failed = |e: std::io::Error| Error::Git(format!("{}: {e}", show_path(path)));
    let text = match limits::read_capped_text(path, limits::GIT_FILE) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(failed(e)),
    };
    let missing: Vec<&str> = wanted.iter().copied().filter(|w| !has(&text, w)).collect();
    if missing.is_empty() {
        return Ok(missing);
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    for line in &missing {
        new.push_str(line);
        new.push('\n');
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    crate::store::write_atomic(path, new.as_bytes()).map_err(failed)?;
    Ok(missing)
}

/// Runs git in `dir`: its output's first line on success, `None` when it exits 1 (a key
/// not set, not a repository), an error when git cannot run or fails otherwise.
fn git(dir: &Path, args: &[&str]) -> Result<Option<String>, Error> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    if output.status.success() {
        let text = String::from_utf8_lossy(&output.stdout);
        return Ok(Some(text.lines().next().unwrap_or_default().to_string()));
    }
    match output.status.code() {
        Some(1) => Ok(None),
        // `rev-parse` outside a repository exits 128.
        Some(128) if args.first() == Some(&"rev-parse") => Ok(None),
        _ => Err(Error::Git(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_is_found_among_others() {
        let has = |text| has_attribute(text, ATTRIBUTE);
        assert!(has("*.md diff\n*.gloss.toml   merge=gloss\n"));
        assert!(has("*.gloss.toml diff=toml merge=gloss"));
        assert!(!has("*.gloss.toml merge=union\n"));
        assert!(!has("# *.gloss.toml merge=gloss\n"));
        assert!(!has_attribute(
            "*.gloss.toml merge=gloss",
            CODEBOOK_ATTRIBUTE
        ));
        assert!(has_attribute(
            "codebook.toml merge=gloss",
            CODEBOOK_ATTRIBUTE
        ));
    }

    #[test]
    fn an_ignore_pattern_counts_only_on_a_line_of_its_own() {
        assert!(has_pattern(
            "target\n  *.gloss.toml.bak \n",
            "*.gloss.toml.bak"
        ));
        assert!(!has_pattern("# *.gloss.toml.bak\n", "*.gloss.toml.bak"));
        assert!(!has_pattern("*.gloss.toml.bak.old\n", "*.gloss.toml.bak"));
    }

    #[test]
    fn lines_are_added_once_keeping_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitignore");
        std::fs::write(&path, "target\n*.gloss.toml.bak").unwrap();
        let added = add_lines(&path, &IGNORED, has_pattern).unwrap();
        assert_eq!(
            added,
            [
                "*.gloss.toml.lock",
                "codebook.toml.lock",
                "codebook.toml.bak"
            ]
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "target\n*.gloss.toml.bak\n*.gloss.toml.lock\ncodebook.toml.lock\ncodebook.toml.bak\n"
        );
        assert!(add_lines(&path, &IGNORED, has_pattern).unwrap().is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn a_huge_attributes_file_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitattributes");
        std::fs::File::create(&path)
            .unwrap()
            .set_len(limits::GIT_FILE.bytes + 1)
            .unwrap();
        let err = add_lines(&path, &[ATTRIBUTE], has_attribute)
            .unwrap_err()
            .to_string();
        assert!(err.contains(".gitattributes: it is 1.0 MiB"), "{err}");
        assert!(
            err.contains("gloss reads git attribute and ignore files up to 1 MiB"),
            "{err}"
        );
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            limits::GIT_FILE.bytes + 1
        );
    }

    #[test]
    fn paths_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(shell_quote("/usr/bin/gloss"), "/usr/bin/gloss");
        assert_eq!(shell_quote("/my tools/gloss"), "'/my tools/gloss'");
        assert_eq!(shell_quote("/it's/gloss"), r"'/it'\''s/gloss'");
    }
}
