//! `gloss codes DIR`: the library's codebook as a tree with counts, and the tags in use that
//! are not codes; `add`, `rename`, `move`, `merge` and `delete` change it, and every sidecar
//! follows (through `store::retag`).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde::Serialize;

use super::list::escape_controls;
use super::out::Out;
use super::tags::{checked, report_skipped};
use crate::annotation::Color;
use crate::codebook::{self as codes, Code};
use crate::error::Error;
use crate::sanitize;
use crate::store::codebook::{self, FILE, Listing};

/// A change to the codebook.
#[derive(Debug, Clone, Subcommand)]
pub enum Change {
    /// Add a code (creating codebook.toml if there is none).
    Add {
        /// Its full name (`frame/conflict`).
        name: String,
        /// What it means.
        #[arg(long)]
        description: Option<String>,
        /// yellow, green, blue, red or purple.
        #[arg(long, value_parser = super::args::parse_color)]
        color: Option<Color>,
    },
    /// Rename a code and the codes under it, in the codebook and every sidecar.
    Rename {
        /// The code.
        old: String,
        /// Its new full name.
        new: String,
    },
    /// Put a code (and the codes under it) under another parent; `/` for the top.
    Move {
        /// The code.
        code: String,
        /// The new parent, or `/`.
        parent: String,
    },
    /// Fold a code (and the codes under it) into another, in the codebook and every sidecar.
    Merge {
        /// The code that goes.
        from: String,
        /// The code that stays.
        into: String,
    },
    /// Delete a code and the codes under it, and take them off every annotation.
    Delete {
        /// The code.
        code: String,
        /// Delete it even when annotations carry it.
        #[arg(long)]
        yes: bool,
    },
    /// Write a code's memo (its definition, examples), or with --library a library memo;
    /// an empty TEXT takes it off.
    Memo {
        /// The code (with --library: the memo's title).
        name: String,
        /// The memo's text.
        text: String,
        /// A free-standing memo of the library, titled NAME.
        #[arg(long)]
        library: bool,
    },
}

/// One code as `gloss codes --json` prints it.
#[derive(Debug, Serialize)]
struct Listed {
    name: String,
    description: String,
    color: Option<&'static str>,
    memo: String,
    annotations: usize,
    briefs: usize,
    /// A tag in use that is not in the codebook.
    uncoded: bool,
}

/// Prints the codebook of the library at `root` as a tree with counts, then the uncoded
/// tags. A codebook that does not parse is reported (and every tag listed as uncoded), and
/// makes the exit status 1.
pub fn list(root: &Path, json: bool) -> Result<(), Error> {
    let Listing {
        rows: tree,
        uncoded: loose,
        memos,
        problem: broken,
        skipped,
    } = codebook::listing(root);
    for problem in &skipped {
        eprintln!("gloss: skipped: {}", sanitize::line(problem));
    }
    let mut out = Out::new();
    if json {
        let mut all: Vec<Listed> = tree
            .iter()
            .filter(|r| r.is_code)
            .map(|r| Listed {
                name: r.name.clone(),
                description: r.description.clone(),
                color: r.color.map(Color::name),
                memo: r.memo.clone(),
                annotations: r.count.annotations,
                briefs: r.count.briefs,
                uncoded: false,
            })
            .collect();
        all.extend(loose.iter().map(|(tag, count)| Listed {
            name: tag.clone(),
            description: String::new(),
            color: None,
            memo: String::new(),
            annotations: count.annotations,
            briefs: count.briefs,
            uncoded: true,
        }));
        let text =
            serde_json::to_string_pretty(&all).map_err(|e| Error::Annotations(e.to_string()))?;
        out.line(&escape_controls(&text))?;
    } else {
        let width = tree
            .iter()
            .map(|r| 2 * r.depth + r.leaf().chars().count())
            .chain(loose.iter().map(|(t, _)| 2 + t.chars().count()))
            .max()
            .unwrap_or(0);
        if tree.is_empty() && broken.is_none() {
            out.line(&format!(
                "no codes yet: add one with `gloss codes DIR add NAME` (it goes in {FILE})"
            ))?;
        }
        for r in &tree {
            let name = format!("{}{}", "  ".repeat(r.depth), r.leaf());
            let mut line = format!(
                "{name:<width$}  {:>5} annotations  {:>4} briefs",
                r.count.annotations, r.count.briefs
            );
            if let Some(color) = r.color {
                line.push_str(&format!("  [{}]", color.name()));
            }
            if !r.description.is_empty() {
                line.push_str("  ");
                line.push_str(r.description.lines().next().unwrap_or_default());
            }
            out.line(&sanitize::line(&line))?;
            for memo in r.memo.lines() {
                let indent = "  ".repeat(r.depth + 1);
                out.line(&sanitize::line(&format!("{indent}| {memo}")))?;
            }
        }
        if !loose.is_empty() {
            out.line(&format!("uncoded tags (not in {FILE}):"))?;
            for (tag, count) in &loose {
                let name = format!("  {tag}");
                let line = format!(
                    "{name:<width$}  {:>5} annotations  {:>4} briefs",
                    count.annotations, count.briefs
                );
                out.line(&sanitize::line(&line))?;
            }
        }
        if !memos.is_empty() {
            out.line("library memos:")?;
            for (title, text) in &memos {
                out.line(&sanitize::line(&format!("  {title}")))?;
                for line in text.lines() {
                    out.line(&sanitize::line(&format!("    | {line}")))?;
                }
            }
        }
    }
    match broken {
        Some(problem) => Err(Error::Annotations(format!(
            "{problem} (codes shown as uncoded tags; the file is left as it is)"
        ))),
        None => Ok(()),
    }
}

/// Carries out `change` on the codebook of the library at `root` and in every sidecar, and
/// says what it did.
pub fn run(root: &Path, change: &Change) -> Result<(), Error> {
    let change = match change.clone() {
        Change::Add {
            name,
            description,
            color,
        } => {
            let mut code = Code::named(checked(&name)?);
            code.description = description.unwrap_or_default();
            code.color = color;
            codes::Change::Add(code)
        }
        Change::Rename { old, new } => codes::Change::Rename { old, new },
        Change::Move { code, parent } => codes::Change::Move { code, parent },
        Change::Merge { from, into } => codes::Change::Merge { from, into },
        Change::Delete { code, yes } => codes::Change::Delete { code, yes },
        Change::Memo {
            name,
            text,
            library: false,
        } => codes::Change::Memo { code: name, text },
        Change::Memo {
            name,
            text,
            library: true,
        } => codes::Change::LibraryMemo { title: name, text },
    };
    let applied = codebook::apply(root, &change, jiff::Timestamp::now())
        .map_err(|e| Error::Annotations(sanitize::line(&e).into_owned()))?;
    Out::new().line(&sanitize::line(&applied.said))?;
    match &applied.retagged {
        Some(done) => report_skipped(done, &applied.finish),
        None => Ok(()),
    }
}

/// `gloss codes DIR --import FILE.qdc`: the codes of a REFI-QDA codebook taken in by name.
/// A file that is not a valid codebook changes nothing.
pub fn import(root: &Path, file: &Path) -> Result<(), Error> {
    let shown = crate::error::show_path(file);
    let text = crate::store::limits::read_capped_text(file, crate::store::limits::QDC)
        .map_err(|e| Error::Annotations(format!("{shown}: {e}")))?;
    let codes = crate::codebook::qdc::parse(&text)
        .map_err(|e| Error::Annotations(format!("{shown}: {e}; nothing imported")))?;
    let total = codes.len();
    let (added, filled) = codebook::change(root, |book| book.import(codes))
        .map_err(|e| Error::Annotations(sanitize::line(&e).into_owned()))?;
    let line = format!(
        "imported {shown} into {}: {added} codes added, {filled} filled in, {} already there",
        show(root),
        total - added - filled
    );
    Out::new().line(&sanitize::line(&line))
}

fn show(root: &Path) -> String {
    crate::error::show_path(&PathBuf::from(root).join(FILE))
}
