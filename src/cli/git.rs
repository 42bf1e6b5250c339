//! `gloss git install [DIR] [--global]`: sets git up to merge sidecars with
//! `gloss merge-driver`, through git's own commands. Idempotent: what is already there is
//! left as it is, and every line printed says what was written or found.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::out::Out;
use crate::error::{Error, show_path};

/// The attribute that sends sidecars to the driver.
pub const ATTRIBUTE: &str = "*.gloss.toml merge=gloss";
const PATTERN: &str = "*.gloss.toml";

/// Where to install.
pub enum Scope<'a> {
    /// The repository holding this folder: its `.gitattributes` and `.git/config`.
    Repository(&'a Path),
    /// The user's git config and attributes file.
    Global,
}

/// Installs the driver and prints what it did.
pub fn install(scope: &Scope<'_>) -> Result<(), Error> {
    let (attributes, flag, dir) = match scope {
        Scope::Repository(dir) => {
            let top = git(dir, &["rev-parse", "--show-toplevel"])?.ok_or_else(|| {
                Error::Git(format!("{} is not inside a git repository", show_path(dir)))
            })?;
            (PathBuf::from(top).join(".gitattributes"), "--local", *dir)
        }
        Scope::Global => (
            global_attributes(Path::new("."))?,
            "--global",
            Path::new("."),
        ),
    };
    let mut out = Out::new();
    if add_attribute(&attributes)? {
        out.line(&format!("{}: added `{ATTRIBUTE}`", show_path(&attributes)))?;
    } else {
        out.line(&format!(
            "{}: already has `{ATTRIBUTE}`",
            show_path(&attributes)
        ))?;
    }
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

/// The user's attributes file: `core.attributesFile`, else git's default under the XDG
/// config folder.
fn global_attributes(dir: &Path) -> Result<PathBuf, Error> {
    if let Some(path) = git(
        dir,
        &[
            "config",
            "--global",
            "--path",
            "--get",
            "core.attributesFile",
        ],
    )? {
        return Ok(PathBuf::from(path));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .ok_or_else(|| Error::Git("neither XDG_CONFIG_HOME nor HOME is set".into()))?;
    Ok(config.join("git").join("attributes"))
}

/// True when a line of an attributes file already sends sidecars to the driver.
fn has_attribute(text: &str) -> bool {
    text.lines().any(|line| {
        let mut words = line.split_whitespace();
        words.next() == Some(PATTERN) && words.any(|w| w == "merge=gloss")
    })
}

/// Appends the attribute unless it is there; true when it wrote.
fn add_attribute(path: &Path) -> Result<bool, Error> {
    let failed = |e: std::io::Error| Error::Git(format!("{}: {e}", show_path(path)));
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(failed(e)),
    };
    if has_attribute(&text) {
        return Ok(false);
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(ATTRIBUTE);
    new.push('\n');
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    crate::store::write_atomic(path, new.as_bytes()).map_err(failed)?;
    Ok(true)
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
        assert!(has_attribute("*.md diff\n*.gloss.toml   merge=gloss\n"));
        assert!(has_attribute("*.gloss.toml diff=toml merge=gloss"));
        assert!(!has_attribute("*.gloss.toml merge=union\n"));
        assert!(!has_attribute("# *.gloss.toml merge=gloss\n"));
    }

    #[test]
    fn paths_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(shell_quote("/usr/bin/gloss"), "/usr/bin/gloss");
        assert_eq!(shell_quote("/my tools/gloss"), "'/my tools/gloss'");
        assert_eq!(shell_quote("/it's/gloss"), r"'/it'\''s/gloss'");
    }
}
