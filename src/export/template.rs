//! A user's minijinja template in place of the Markdown export's layout. The template sees
//! `brief` (title, source, url, published, tags, note, path, uri), `groups` (name and
//! highlights), `highlights` (every placed one) and `orphans`; see [`super::Highlight`].

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};

use super::{Brief, GroupBy};
use crate::sanitize;

/// A template that does not compile or fails while rendering: its file, line and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: {message}")]
pub struct TemplateError {
    /// The template's file, as given.
    pub file: String,
    /// The line of the problem (1-based; 0 when the engine does not know it).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Renders `source` (the template read from `file`) for `brief`. The result is neutralised
/// like every export: controls from the brief cannot reach a terminal through it.
pub fn render(
    file: &str,
    source: &str,
    brief: &Brief<'_>,
    group_by: GroupBy,
) -> Result<String, TemplateError> {
    let problem = |e: &minijinja::Error| TemplateError {
        file: sanitize::line(file).into_owned(),
        line: e.line().unwrap_or(0),
        message: sanitize::line(
            &e.detail()
                .map_or_else(|| e.kind().to_string(), |d| format!("{}: {d}", e.kind())),
        )
        .into_owned(),
    };
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("note", source).map_err(|e| problem(&e))?;
    let template = env.get_template("note").map_err(|e| problem(&e))?;
    let rendered = template
        .render(context! {
            brief => Value::from(Serde(brief.info())),
            groups => Value::from(Serde(brief.groups(group_by))),
            highlights => Value::from(Serde(brief.placed())),
            orphans => Value::from(Serde(brief.orphans())),
        })
        .map_err(|e| problem(&e))?;
    Ok(sanitize::text(&rendered).into_owned())
}
