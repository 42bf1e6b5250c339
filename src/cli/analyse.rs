//! `gloss analyse DIR --view matrix|cooccurrence|timeline|agreement`: the analysis of a coded
//! library (`crate::analysis`) as a table, CSV, Markdown or JSON.

mod table;

use std::path::Path;

use serde::Serialize;

pub use table::Format;
use table::Table;

use super::list::escape_controls;
use super::out::Out;
use crate::analysis::cooccurrence::{Near, cooccurrence};
use crate::analysis::timeline::{By, timeline};
use crate::analysis::{Fold, Library, Scope, agreement::agreement, matrix::matrix};
use crate::error::Error;
use crate::sanitize;

/// Which analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// Coded segments per code (rows) and brief (columns).
    Matrix,
    /// How often two codes fall on one highlight or overlapping ones.
    Cooccurrence,
    /// Briefs and coded segments per period of the published date.
    Timeline,
    /// Per-code agreement of two coders (p_o and Cohen's kappa); needs --authors.
    Agreement,
}

/// What `gloss analyse` was asked.
#[derive(Debug, Clone)]
pub struct Ask {
    /// The view.
    pub view: View,
    /// The output format.
    pub format: Format,
    /// Which segments count and how codes are named.
    pub scope: Scope,
    /// The timeline's period.
    pub by: By,
    /// Co-occurrence: highlights in one paragraph meet too.
    pub paragraph: bool,
    /// Agreement: the two coders.
    pub authors: Option<(String, String)>,
}

/// Parses `A,B` for `--authors`.
pub fn parse_authors(s: &str) -> Result<(String, String), String> {
    match s.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && !b.contains(',') => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err(format!("{s:?}: give two authors as A,B")),
    }
}

/// Reads the library at `root` and prints the view asked for.
pub fn run(root: &Path, ask: &Ask) -> Result<(), Error> {
    if !root.is_dir() {
        let shown = crate::error::show_path(root);
        return Err(Error::Annotations(format!("{shown}: not a folder")));
    }
    let loaded = crate::store::analysis::load(root);
    for problem in loaded.skipped.iter().chain(&loaded.codebook) {
        eprintln!("gloss: skipped: {}", sanitize::line(problem));
    }
    let lines = lines(&loaded.library, ask)?;
    let mut out = Out::new();
    for line in &lines {
        out.line(line)?;
    }
    match loaded.skipped.len() {
        0 => Ok(()),
        n => Err(Error::Annotations(format!(
            "{n} briefs could not be read; the numbers leave them out"
        ))),
    }
}

/// The lines `gloss analyse` prints for `library`.
pub fn lines(library: &Library, ask: &Ask) -> Result<Vec<String>, Error> {
    // JSON names codes in full, as the shapes fix them.
    let json = ask.format == Format::Json;
    let scope = Scope {
        fold: if json {
            Fold::None
        } else {
            ask.scope.fold.clone()
        },
        ..ask.scope.clone()
    };
    let to_json = |value: &dyn erased::Json| value.text().map(|t| vec![escape_controls(&t)]);
    let table = match ask.view {
        View::Matrix => {
            let m = matrix(library, &scope);
            if json {
                return to_json(&m);
            }
            let mut header = vec!["code".to_string()];
            header.extend(m.briefs.iter().cloned());
            let rows = m
                .codes
                .iter()
                .zip(&m.counts)
                .map(|(code, row)| {
                    std::iter::once(code.clone())
                        .chain(row.iter().map(u32::to_string))
                        .collect()
                })
                .collect();
            Table { header, rows }
        }
        View::Cooccurrence => {
            let near = if ask.paragraph {
                Near::Paragraph
            } else {
                Near::Overlap
            };
            let c = cooccurrence(library, &scope, near);
            if json {
                return to_json(&c);
            }
            let full = ask.format == Format::Csv;
            let mut header = vec!["code".to_string()];
            header.extend(c.codes.iter().cloned());
            let rows = c
                .codes
                .iter()
                .zip(&c.counts)
                .enumerate()
                .map(|(i, (code, row))| {
                    std::iter::once(code.clone())
                        .chain(row.iter().enumerate().map(|(j, n)| {
                            // The table is symmetric: text shows its lower triangle.
                            if full || j <= i {
                                n.to_string()
                            } else {
                                String::new()
                            }
                        }))
                        .collect()
                })
                .collect();
            Table { header, rows }
        }
        View::Timeline => {
            let t = timeline(library, &scope, ask.by);
            if json {
                return to_json(&t.rows());
            }
            let header = vec![
                ask.by.name().to_string(),
                "briefs".into(),
                "segments".into(),
            ];
            let rows = t
                .rows()
                .iter()
                .map(|b| {
                    vec![
                        b.period.clone().unwrap_or_else(|| "no date".into()),
                        b.briefs.to_string(),
                        b.segments.to_string(),
                    ]
                })
                .collect();
            let mut lines = Table { header, rows }.lines(ask.format);
            if t.undated.briefs > 0 && ask.format == Format::Table {
                lines.push(format!(
                    "{} briefs have no published date that can be read (front matter `published`)",
                    t.undated.briefs
                ));
            }
            return Ok(lines);
        }
        View::Agreement => {
            let Some((a, b)) = &ask.authors else {
                return Err(Error::Annotations(
                    "--view agreement needs --authors A,B".into(),
                ));
            };
            let all = agreement(library, &scope, a, b);
            if all.is_empty() {
                return Err(Error::Annotations(
                    sanitize::line(&format!("no brief has codes by both {a:?} and {b:?}"))
                        .into_owned(),
                ));
            }
            if json {
                return to_json(&all);
            }
            let header = vec!["code".into(), "agreement".into(), "kappa".into()];
            let rows = all
                .iter()
                .map(|r| {
                    vec![
                        r.code.clone(),
                        format!("{:.4}", r.agreement),
                        r.kappa.map_or_else(|| "-".into(), |k| format!("{k:.4}")),
                    ]
                })
                .collect();
            Table { header, rows }
        }
    };
    Ok(table.lines(ask.format))
}

/// JSON for any of the views' values, without generic closures.
mod erased {
    use super::{Error, Serialize};

    /// A value that prints as pretty JSON.
    pub trait Json {
        /// Its JSON text.
        fn text(&self) -> Result<String, Error>;
    }

    impl<T: Serialize> Json for T {
        fn text(&self) -> Result<String, Error> {
            serde_json::to_string_pretty(self).map_err(|e| Error::Annotations(e.to_string()))
        }
    }
}
