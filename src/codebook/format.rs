//! `codebook.toml`: a versioned TOML file of `[[code]]` tables, one per code, in name order,
//! so that people can edit it and git can diff it. Pure: text in, a checked [`Codebook`] or an
//! error with line, column and key out, and back. Unknown keys are carried through.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::memo::{Memo, title_problem};
use super::{Code, Codebook};
use crate::annotation::Color;
use crate::annotation::tag::name_problem;
use crate::location::line_column;

/// The format version this gloss writes and reads.
pub const VERSION: u32 = 1;

/// The comment at the top of every codebook.
pub const HEADER: &str = "# gloss codebook: one [[code]] per code, in name order. Names are hierarchical with `/`\n# (`frame/conflict`); a code is the tag of the annotations coded with it. A code's `memo` and\n# the library's [[memo]] tables (title, text) hold the researcher's memos. Safe to edit by hand.\n";

/// What is wrong with a codebook, with where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}{}: {message}", key.as_ref().map(|k| format!(", key `{k}`")).unwrap_or_default())]
pub struct CodebookError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The key at fault, if one is.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

fn error_at(
    src: &str,
    span: Option<Range<usize>>,
    key: Option<&str>,
    message: String,
) -> CodebookError {
    let (line, column) = span.map_or((1, 1), |s| line_column(src, s.start));
    CodebookError {
        line,
        column,
        key: key.map(str::to_string),
        message,
    }
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    #[serde(default, rename = "code", skip_serializing_if = "Vec::is_empty")]
    codes: Vec<Code>,
    #[serde(default, rename = "memo", skip_serializing_if = "Vec::is_empty")]
    memos: Vec<Memo>,
    #[serde(flatten)]
    extra: toml::Table,
}

/// The same file, only for where things are written.
#[derive(Deserialize)]
struct Spans {
    version: Option<Spanned<toml::Value>>,
    #[serde(default)]
    code: Vec<Spanned<CodeSpans>>,
    #[serde(default)]
    memo: Vec<Spanned<MemoSpans>>,
}

#[derive(Deserialize)]
struct MemoSpans {
    title: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
struct CodeSpans {
    name: Option<Spanned<toml::Value>>,
    color: Option<Spanned<toml::Value>>,
}

/// Parses and checks a codebook: the version, every name (well-formed, not twice) and
/// colour, naming the line of the first problem.
pub fn parse(src: &str) -> Result<Codebook, CodebookError> {
    let spans: Spans = toml::from_str(src)
        .map_err(|e| error_at(src, e.span(), None, e.message().trim().to_string()))?;
    let version_span = spans.version.as_ref().map(Spanned::span);
    match spans.version.as_ref().map(|v| v.get_ref()) {
        None => return Err(error_at(src, None, None, "missing `version`".into())),
        Some(toml::Value::Integer(v)) if *v > i64::from(VERSION) => {
            return Err(error_at(
                src,
                version_span,
                Some("version"),
                format!(
                    "written by a newer gloss (codebook version {v}; this gloss reads version {VERSION})"
                ),
            ));
        }
        Some(toml::Value::Integer(v)) if *v >= 0 => {}
        Some(_) => {
            return Err(error_at(
                src,
                version_span,
                Some("version"),
                "version must be a whole number".into(),
            ));
        }
    }
    for code in &spans.code {
        let at = Some(code.span());
        let Some(name) = &code.get_ref().name else {
            return Err(error_at(
                src,
                at,
                None,
                "a [[code]] without a `name`".into(),
            ));
        };
        let toml::Value::String(text) = name.get_ref() else {
            return Err(error_at(
                src,
                Some(name.span()),
                Some("name"),
                "a name must be a string".into(),
            ));
        };
        if let Some(problem) = name_problem(text) {
            return Err(error_at(src, Some(name.span()), Some("name"), problem));
        }
        if let Some(color) = &code.get_ref().color {
            let known = color
                .get_ref()
                .as_str()
                .is_some_and(|c| c.parse::<Color>().is_ok());
            if !known {
                return Err(error_at(
                    src,
                    Some(color.span()),
                    Some("color"),
                    format!(
                        "unknown colour {} (use yellow, green, blue, red or purple)",
                        crate::sanitize::line(&color.get_ref().to_string())
                    ),
                ));
            }
        }
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for code in &spans.code {
        let Some(name) = code.get_ref().name.as_ref() else {
            continue;
        };
        let Some(text) = name.get_ref().as_str() else {
            continue;
        };
        let (line, _) = line_column(src, name.span().start);
        if let Some(first) = seen.insert(text, line) {
            return Err(error_at(
                src,
                Some(name.span()),
                Some("name"),
                format!("{text:?} is already a code (line {first})"),
            ));
        }
    }
    let mut titles: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for memo in &spans.memo {
        let Some(title) = &memo.get_ref().title else {
            return Err(error_at(
                src,
                Some(memo.span()),
                None,
                "a [[memo]] without a `title`".into(),
            ));
        };
        let Some(text) = title.get_ref().as_str() else {
            return Err(error_at(
                src,
                Some(title.span()),
                Some("title"),
                "a title must be a string".into(),
            ));
        };
        if let Some(problem) = title_problem(text) {
            return Err(error_at(src, Some(title.span()), Some("title"), problem));
        }
        let (line, _) = line_column(src, title.span().start);
        if let Some(first) = titles.insert(text, line) {
            return Err(error_at(
                src,
                Some(title.span()),
                Some("title"),
                format!("{text:?} is already a memo's title (line {first})"),
            ));
        }
    }
    let file: File = toml::from_str(src)
        .map_err(|e| error_at(src, e.span(), None, e.message().trim().to_string()))?;
    let mut codes = file.codes;
    codes.sort_by(|a, b| a.name.cmp(&b.name));
    let mut memos = file.memos;
    memos.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(Codebook {
        codes,
        memos,
        extra: file.extra,
    })
}

/// Writes a codebook, codes in name order. The same codebook always gives the same bytes.
pub fn write(book: &Codebook) -> Result<String, toml::ser::Error> {
    let mut codes = book.codes.clone();
    codes.sort_by(|a, b| a.name.cmp(&b.name));
    let mut memos = book.memos.clone();
    memos.sort_by(|a, b| a.title.cmp(&b.title));
    let file = File {
        version: VERSION,
        codes,
        memos,
        extra: book.extra.clone(),
    };
    let mut body = toml::to_string(&file)?;
    if !body.ends_with('\n') {
        body.push('\n');
    }
    Ok(format!("{HEADER}{body}"))
}
