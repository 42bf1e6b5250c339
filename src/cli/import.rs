//! `gloss import URL|FILE.html [-o FILE] [--into DIR]`: a web page becomes a Markdown brief
//! with TOML front matter, named from its title unless `-o` names it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::document::markdown_out::{self, ImportMeta};
use crate::document::{Document, Format, MAX_PAGE_BYTES, sniff};
use crate::error::{Error, show_path};
use crate::runtime::open::decode_error;
use crate::sanitize;
use crate::store::{self, fetch};

use super::out::Out;

/// Longest file name made from a title, in characters (before `.md`).
const MAX_NAME_CHARS: usize = 80;

/// What `gloss import` was asked.
pub struct Request<'a> {
    /// An `http(s)://` address or a saved page's path.
    pub source: &'a str,
    /// `-o`: the brief to write.
    pub output: Option<&'a Path>,
    /// `--into`: the folder a brief named from its title goes into.
    pub into: Option<&'a Path>,
    /// `--timeout` in seconds.
    pub timeout: u64,
}

/// Imports the page and prints the path of the brief written.
pub fn run(request: &Request<'_>) -> Result<(), Error> {
    let (doc, fetched_from) = if is_url(request.source) {
        let limits = fetch::Limits {
            timeout: Duration::from_secs(request.timeout),
            ..fetch::Limits::default()
        };
        let page = fetch::fetch(request.source, limits).map_err(Error::Import)?;
        let doc = Document::parse_html(&page.bytes, page.charset.as_deref())
            .map_err(|e| Error::Import(format!("{}: {e}", sanitize::line(request.source))))?;
        (doc, Some(page.url))
    } else {
        let path = Path::new(request.source);
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_PAGE_BYTES {
            return Err(decode_error(path)(crate::document::DecodeError::TooLarge {
                bytes: size,
                limit: MAX_PAGE_BYTES,
            }));
        }
        let bytes = store::read_brief(path)?;
        if Format::from_path(path) != Format::Html && sniff(&bytes) != Format::Html {
            return Err(Error::Import(format!(
                "{}: not a web page (no .html ending and no HTML tags at its start); \
                 gloss imports HTML articles",
                show_path(path)
            )));
        }
        let doc = Document::parse_html(&bytes, None).map_err(decode_error(path))?;
        (doc, None)
    };
    for warning in doc.warnings() {
        eprintln!("gloss: warning: {}", sanitize::line(warning));
    }
    if doc
        .blocks()
        .iter()
        .all(|b| b.kind() == crate::document::BlockKind::Title)
    {
        return Err(Error::Import(format!(
            "{}: no text found in the page; nothing written",
            sanitize::line(request.source)
        )));
    }
    let fetched = jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string());
    let meta = ImportMeta::of(&doc, fetched, fetched_from.as_deref());
    let markdown = markdown_out::write(&doc, &meta);
    let target = match request.output {
        Some(path) => path.to_path_buf(),
        None => free_name(request.into.unwrap_or(Path::new(".")), doc.title()),
    };
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(Error::Import(format!(
            "cannot write {}: no folder {}",
            show_path(&target),
            show_path(dir)
        )));
    }
    store::write_atomic(&target, markdown.as_bytes())
        .map_err(|e| Error::Import(format!("cannot write {}: {e}", show_path(&target))))?;
    Out::new().line(&show_path(&target))
}

fn is_url(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A file name in `dir` made from the title that no file has yet: `title.md`, `title-2.md`...
fn free_name(dir: &Path, title: Option<&str>) -> PathBuf {
    let stem = slug(title.unwrap_or(""));
    let stem = if stem.is_empty() {
        "article".to_string()
    } else {
        stem
    };
    let mut n = 1;
    loop {
        let name = match n {
            1 => format!("{stem}.md"),
            _ => format!("{stem}-{n}.md"),
        };
        let path = dir.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

/// The title as a file name: lower-case letters and digits (any script), words joined by `-`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let room = MAX_NAME_CHARS.saturating_sub(out.chars().count() + 1);
        if !out.is_empty() {
            if word.chars().count() > room {
                break;
            }
            out.push('-');
        }
        out.extend(word.chars().take(MAX_NAME_CHARS));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_words_of_any_script_and_drop_the_rest() {
        assert_eq!(
            slug("Dutch join widened chip export curbs"),
            "dutch-join-widened-chip-export-curbs"
        );
        assert_eq!(slug("  ../../etc/passwd \u{1b}[2J "), "etc-passwd-2j");
        assert_eq!(slug("東京: 半導体 «規制»"), "東京-半導体-規制");
        assert_eq!(slug("?!"), "");
        let long = slug(&"word ".repeat(40));
        assert!(
            long.chars().count() <= MAX_NAME_CHARS && long.ends_with("word"),
            "{long}"
        );
    }

    #[test]
    fn a_taken_name_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            free_name(dir.path(), Some("A b")),
            dir.path().join("a-b.md")
        );
        std::fs::write(dir.path().join("a-b.md"), "x").unwrap();
        std::fs::write(dir.path().join("a-b-2.md"), "x").unwrap();
        assert_eq!(
            free_name(dir.path(), Some("A b")),
            dir.path().join("a-b-3.md")
        );
        assert_eq!(free_name(dir.path(), None), dir.path().join("article.md"));
    }
}
