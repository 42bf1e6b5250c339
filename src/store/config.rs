//! The user's configuration folder: `config.toml` (`theme = "..."`), `keymap.toml` and
//! `themes/*.toml`.
//! `GLOSS_CONFIG_DIR` overrides where it is (for tests and for portable setups).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::limits;
use crate::error::show_path;
use crate::theme::Source;

/// Reads a configuration file (config, keymap or theme) unless it is past
/// [`limits::CONFIG_FILE`].
fn read_config_file(path: &Path) -> io::Result<String> {
    limits::read_capped_text(path, limits::CONFIG_FILE)
}

/// The configuration folder: `$GLOSS_CONFIG_DIR`, else `$XDG_CONFIG_HOME/gloss` (usually
/// `~/.config/gloss`).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("GLOSS_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("gloss"))
}

/// What `config.toml` says, and what was wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The theme to use.
    pub theme: Option<String>,
    /// The name recorded on every annotation made here (`author = "..."`).
    pub author: Option<String>,
    /// Problems found (the file still counts for what it got right).
    pub warnings: Vec<String>,
}

/// Reads `config.toml` from `dir`; a missing file is an empty config.
pub fn read_config(dir: &Path) -> Config {
    let path = dir.join("config.toml");
    let mut config = Config::default();
    let text = match read_config_file(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return config,
        Err(e) => {
            config.warnings.push(format!("{}: {e}", show_path(&path)));
            return config;
        }
    };
    let doc = match text.parse::<toml_edit::DocumentMut>() {
        Ok(doc) => doc,
        Err(e) => {
            let message = format!("{}: {}", show_path(&path), e.to_string().trim());
            config.warnings.push(message);
            return config;
        }
    };
    let mut string = |key: &str| match doc.get(key) {
        None => None,
        Some(item) => {
            let value = item.as_str().map(str::to_string);
            if value.is_none() {
                let file = show_path(&path);
                config
                    .warnings
                    .push(format!("{file}: `{key}` must be a string"));
            }
            value
        }
    };
    let theme = string("theme");
    let author = string("author").filter(|a| !a.trim().is_empty());
    Config {
        theme,
        author,
        ..config
    }
}

/// Who annotations made here are by: the config's `author`, else the login name (`$USER`,
/// else `$LOGNAME`); empty when none is known.
pub fn author(config: Option<&Config>) -> String {
    config
        .and_then(|c| c.author.clone())
        .or_else(|| {
            ["USER", "LOGNAME"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.trim().is_empty())
        })
        .map(|a| a.trim().to_string())
        .unwrap_or_default()
}

/// The user's keymap file as read: its name for messages and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapFile {
    /// The path, made safe to print.
    pub origin: String,
    /// The file's text.
    pub text: String,
}

/// Reads `dir/keymap.toml`; `None` when there is none. A file that exists but cannot be
/// read is an error naming it.
pub fn read_keymap(dir: &Path) -> Result<Option<KeymapFile>, String> {
    let path = dir.join("keymap.toml");
    match read_config_file(&path) {
        Ok(text) => Ok(Some(KeymapFile {
            origin: show_path(&path),
            text,
        })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", show_path(&path))),
    }
}

/// Sets `theme` in `dir/config.toml`, keeping everything else in it (comments included).
pub fn save_theme(dir: &Path, theme: &str) -> Result<PathBuf, String> {
    let path = dir.join("config.toml");
    let text = match read_config_file(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", show_path(&path))),
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        format!("{}: {}", show_path(&path), e.to_string().trim())
    })?;
    doc["theme"] = toml_edit::value(theme);
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", show_path(dir)))?;
    super::write_atomic(&path, doc.to_string().as_bytes())
        .map_err(|e| format!("{}: {e}", show_path(&path)))?;
    Ok(path)
}

/// The user's themes in `dir/themes/*.toml`, by file stem, sorted; unreadable files become
/// warnings.
pub fn user_themes(dir: &Path) -> (Vec<Source>, Vec<String>) {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let Ok(entries) = fs::read_dir(dir.join("themes")) else {
        return (sources, warnings);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    if paths.len() > limits::USER_THEMES {
        warnings.push(format!(
            "{}: {} theme files; gloss reads the first {} by name",
            show_path(&dir.join("themes")),
            paths.len(),
            limits::USER_THEMES
        ));
        paths.truncate(limits::USER_THEMES);
    }
    for path in paths {
        match read_config_file(&path) {
            Ok(text) => sources.push(theme_source(&path, text)),
            Err(e) => warnings.push(format!("{}: {e}", show_path(&path))),
        }
    }
    (sources, warnings)
}

/// A theme file given by path (`--theme ./mine.toml`).
pub fn theme_file(path: &Path) -> Result<Source, String> {
    read_config_file(path)
        .map(|text| theme_source(path, text))
        .map_err(|e| format!("{}: {e}", show_path(path)))
}

fn theme_source(path: &Path, text: String) -> Source {
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Source {
        name,
        origin: show_path(path),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_user_theme_limit_the_first_by_name_are_read_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("themes")).unwrap();
        for i in 0..limits::USER_THEMES + 5 {
            fs::write(dir.path().join(format!("themes/t{i:04}.toml")), "").unwrap();
        }
        fs::write(dir.path().join("themes/notes.txt"), "").unwrap();
        let (sources, warnings) = user_themes(dir.path());
        assert_eq!(sources.len(), limits::USER_THEMES);
        assert_eq!(sources[0].name, "t0000");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].ends_with("themes: 205 theme files; gloss reads the first 200 by name"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_config_file_past_its_limit_is_a_warning_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::File::create(dir.path().join("config.toml"))
            .unwrap()
            .set_len(limits::CONFIG_FILE.bytes + 1)
            .unwrap();
        let config = read_config(dir.path());
        assert!(
            config.warnings[0].contains("config.toml: it is 1.0 MiB; gloss reads theme, keymap"),
            "{:?}",
            config.warnings
        );
    }

    #[test]
    fn config_reads_and_saves_the_theme_keeping_comments() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_config(dir.path()), Config::default());
        fs::write(
            dir.path().join("config.toml"),
            "# my settings\ntheme = \"paper\"\nother = 1\n",
        )
        .unwrap();
        assert_eq!(read_config(dir.path()).theme.as_deref(), Some("paper"));
        save_theme(dir.path(), "mono").unwrap();
        let text = fs::read_to_string(dir.path().join("config.toml")).unwrap();
        assert_eq!(text, "# my settings\ntheme = \"mono\"\nother = 1\n");
    }

    #[test]
    fn the_author_comes_from_the_config_first() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("config.toml"),
            "theme = \"paper\"\nauthor = \" Ana Lopez \"\n",
        )
        .unwrap();
        let config = read_config(dir.path());
        assert_eq!(config.theme.as_deref(), Some("paper"));
        assert_eq!(author(Some(&config)), "Ana Lopez");
        fs::write(dir.path().join("config.toml"), "author = 7\n").unwrap();
        let config = read_config(dir.path());
        assert_eq!(config.author, None);
        assert!(config.warnings[0].ends_with("config.toml: `author` must be a string"));
    }

    #[test]
    fn a_bad_config_is_a_warning_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("config.toml"), "theme = 3\n").unwrap();
        let config = read_config(dir.path());
        assert_eq!(config.theme, None);
        assert!(config.warnings[0].ends_with("config.toml: `theme` must be a string"));
        fs::write(dir.path().join("config.toml"), "theme = \n").unwrap();
        assert!(read_config(dir.path()).warnings[0].contains("config.toml"));
    }

    #[test]
    fn the_keymap_file_is_read_when_there_is_one() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_keymap(dir.path()), Ok(None));
        fs::write(dir.path().join("keymap.toml"), "[normal]\nquit = [\"x\"]\n").unwrap();
        let file = read_keymap(dir.path()).unwrap().unwrap();
        assert!(file.origin.ends_with("keymap.toml"), "{}", file.origin);
        assert_eq!(file.text, "[normal]\nquit = [\"x\"]\n");
        fs::remove_file(dir.path().join("keymap.toml")).unwrap();
        fs::create_dir(dir.path().join("keymap.toml")).unwrap();
        let err = read_keymap(dir.path()).unwrap_err();
        assert!(err.contains("keymap.toml: "), "{err}");
    }

    #[test]
    fn user_themes_are_found_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("themes")).unwrap();
        fs::write(
            dir.path().join("themes/zebra.toml"),
            "inherits = \"mono\"\n",
        )
        .unwrap();
        fs::write(dir.path().join("themes/notes.txt"), "ignored").unwrap();
        let (themes, warnings) = user_themes(dir.path());
        assert_eq!(themes.len(), 1);
        assert_eq!(themes[0].name, "zebra");
        assert!(warnings.is_empty());
    }
}
