//! `gloss export FILE|DIR --format F [-o OUT]`: a brief's annotations (or every brief's under
//! a folder) as Markdown notes, W3C or Hypothesis JSON, an HTML page, `list --json`'s JSON or
//! Readwise CSV; to standard output, or to OUT through the atomic write. Sidecars are only
//! read; a brief or sidecar that cannot be read is named and the export stops. A library
//! goes to QDA tools as a REFI-QDA codebook or project (`refi`).

mod refi;

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::list::{escape_controls, listed};
use super::out::Out;
use crate::annotation::Annotations;
use crate::document::Document;
use crate::error::{Error, show_path};
use crate::export::{self, Brief, GroupBy, Palette, markdown, template};
use crate::sanitize;
use crate::store::library::{briefs, notes_of};
use crate::store::limits;
use crate::store::place::place;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A research note per brief (Obsidian-style Markdown).
    Markdown,
    /// W3C Web Annotation JSON-LD: an AnnotationCollection.
    W3c,
    /// The JSON Hypothesis imports.
    Hypothesis,
    /// One self-contained HTML page per brief.
    Html,
    /// The same as `gloss list --json` (`gloss notes --json` for a folder).
    Json,
    /// Readwise's CSV import columns.
    Csv,
    /// A REFI-QDA codebook (.qdc) of the library's codebook.toml.
    Qdc,
    /// A REFI-QDA project (.qdpx: the briefs, their coded segments, codes, notes, memos).
    Qdpx,
}

impl Format {
    /// The file ending of one brief's export.
    fn ending(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
            Self::Qdc => "qdc",
            Self::Qdpx => "qdpx",
            Self::W3c | Self::Hypothesis | Self::Json => "json",
        }
    }
}

/// How Markdown groups highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Grouping {
    /// Under each of their tags.
    Tag,
    /// By colour.
    Color,
    /// In document order.
    None,
}

impl From<Grouping> for GroupBy {
    fn from(g: Grouping) -> Self {
        match g {
            Grouping::Tag => GroupBy::Tag,
            Grouping::Color => GroupBy::Color,
            Grouping::None => GroupBy::None,
        }
    }
}

/// What `gloss export` was asked.
pub struct Request<'a> {
    /// The brief or folder.
    pub path: &'a Path,
    /// The format.
    pub format: Format,
    /// Where to write (a file, or a folder for a folder's Markdown or HTML).
    pub out: Option<&'a Path>,
    /// Markdown's grouping.
    pub group_by: GroupBy,
    /// A minijinja template for Markdown.
    pub template: Option<&'a Path>,
    /// The theme whose colours and colour names the export uses.
    pub theme: Option<&'a str>,
    /// The annotations file of a single brief.
    pub annotations: Option<&'a Path>,
}

/// One brief read for export.
struct Loaded {
    /// The brief's path as given (for `gloss PATH --at ID`).
    path: String,
    /// Its path under the folder exported (its file name for a single brief).
    name: String,
    uri: String,
    doc: Document,
    annotations: Annotations,
}

/// Runs the export.
pub fn run(request: &Request<'_>) -> Result<(), Error> {
    if matches!(request.format, Format::Qdc | Format::Qdpx) {
        return refi::run(request);
    }
    let theme = super::themes::unfitted(request.theme)?;
    let palette = Palette::of(&theme);
    let folder = request.path.is_dir();
    let loaded = load(request.path, request.annotations)?;
    let template = match request.template {
        Some(path) => Some((
            show_path(path),
            limits::read_capped_text(path, limits::TEMPLATE).map_err(|e| Error::Read {
                path: show_path(path),
                source: e,
            })?,
        )),
        None => None,
    };
    if request.template.is_some() && request.format != Format::Markdown {
        return Err(Error::Export(
            "--template is for --format markdown only".into(),
        ));
    }
    let all: Vec<Brief<'_>> = loaded
        .iter()
        .map(|l| Brief {
            doc: &l.doc,
            annotations: &l.annotations,
            path: &l.path,
            uri: &l.uri,
            palette: &palette,
        })
        .collect();
    let per_brief = matches!(request.format, Format::Markdown | Format::Html);
    if per_brief && folder {
        let Some(out) = request.out else {
            if request.format == Format::Html {
                return Err(Error::Export(
                    "a folder exports as HTML into a folder: give -o FOLDER".into(),
                ));
            }
            let mut text = String::new();
            for brief in &all {
                text.push_str(&one(request, brief, template.as_ref())?);
                text.push('\n');
            }
            return print(&text);
        };
        std::fs::create_dir_all(out)
            .map_err(|e| Error::Export(format!("{}: {e}", show_path(out))))?;
        for (brief, l) in all.iter().zip(&loaded) {
            let target = out.join(Path::new(&l.name).with_extension(request.format.ending()));
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Error::Export(format!("{}: {e}", show_path(parent))))?;
            }
            write(
                request.format,
                &target,
                &one(request, brief, template.as_ref())?,
            )?;
        }
        return Ok(());
    }
    let text = match request.format {
        Format::Markdown | Format::Html => match all.first() {
            Some(brief) => one(request, brief, template.as_ref())?,
            None => String::new(),
        },
        Format::W3c => json(&export::w3c::collection(&all))?,
        Format::Hypothesis => json(&export::hypothesis::export(&all, jiff::Timestamp::now()))?,
        Format::Csv => export::csv::export(&all).map_err(|e| Error::Export(e.to_string()))?,
        Format::Json => listing(&loaded, folder)?,
        Format::Qdc | Format::Qdpx => return refi::run(request),
    };
    match request.out {
        Some(out) => write(request.format, out, &text),
        None => print(&text),
    }
}

/// One brief's Markdown note or HTML page.
fn one(
    request: &Request<'_>,
    brief: &Brief<'_>,
    template: Option<&(String, String)>,
) -> Result<String, Error> {
    Ok(match (request.format, template) {
        (Format::Html, _) => export::html::page(brief),
        (_, Some((file, source))) => template::render(file, source, brief, request.group_by)
            .map_err(|e| Error::Export(e.to_string()))?,
        _ => markdown::note(brief, request.group_by),
    })
}

/// `gloss list --json` of one brief, `gloss notes --json` of a folder.
fn listing(loaded: &[Loaded], folder: bool) -> Result<String, Error> {
    let mut items = Vec::new();
    for l in loaded {
        let title = l.doc.title().map_or_else(|| l.name.clone(), str::to_string);
        for a in l.annotations.iter() {
            let mut value = serde_json::to_value(listed(&l.doc, a))
                .map_err(|e| Error::Export(e.to_string()))?;
            if folder && let Some(map) = value.as_object_mut() {
                map.insert("brief".into(), l.name.clone().into());
                map.insert("title".into(), title.clone().into());
            }
            items.push(value);
        }
    }
    json(&serde_json::Value::Array(items))
}

fn json(value: &serde_json::Value) -> Result<String, Error> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Export(e.to_string()))?;
    Ok(escape_controls(&text) + "\n")
}

/// Standard output gets nothing that could drive a terminal (the writers neutralise what
/// they take from briefs; this is the last guard).
fn print(text: &str) -> Result<(), Error> {
    Out::new().line(sanitize::text(text).trim_end_matches('\n'))
}

/// Writes `text` to `target` atomically; a Markdown note exported before is updated between
/// gloss's markers only, and a file without them is never overwritten.
fn write(format: Format, target: &Path, text: &str) -> Result<(), Error> {
    let problem = |e: &dyn std::fmt::Display| Error::Export(format!("{}: {e}", show_path(target)));
    if target.is_dir() {
        return Err(problem(&"is a folder; give a file name with -o"));
    }
    // Only a Markdown export is read back (to update it between its markers); one that cannot
    // be read (past its limit, unreadable) is named and never overwritten.
    let text = if format == Format::Markdown {
        match limits::read_capped(target, limits::EXPORT_TARGET) {
            Ok(bytes) => {
                let existing = String::from_utf8(bytes)
                    .map_err(|_| problem(&"is not UTF-8 text: not overwritten"))?;
                markdown::merge(&existing, text).map_err(|e| problem(&e))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => text.to_string(),
            Err(e) => return Err(problem(&format!("{e}: not overwritten"))),
        }
    } else {
        text.to_string()
    };
    crate::store::write_atomic(target, text.as_bytes()).map_err(|e| problem(&e))
}

/// The brief at `path`, or every brief under the folder `path`, with its annotations placed.
fn load(path: &Path, explicit: Option<&Path>) -> Result<Vec<Loaded>, Error> {
    if !path.exists() {
        return Err(Error::Read {
            path: show_path(path),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    if !path.is_dir() {
        let doc = super::load_brief(path)?;
        let mut sidecar = super::sidecar_of(path, explicit);
        let loaded = sidecar
            .load()
            .map_err(|e| Error::Annotations(e.to_string()))?;
        let annotations = loaded
            .map(|f| place(&doc, &f).annotations)
            .unwrap_or_default();
        return Ok(vec![Loaded {
            path: path.display().to_string(),
            name: super::file_name(path),
            uri: uri_of(&doc, path),
            doc,
            annotations,
        }]);
    }
    if explicit.is_some() {
        return Err(Error::Export(
            "--annotations names one brief's file: it cannot be used with a folder".into(),
        ));
    }
    briefs(path)
        .into_iter()
        .map(|brief| {
            let notes = notes_of(path, &brief).map_err(Error::Annotations)?;
            Ok(Loaded {
                path: brief.display().to_string(),
                name: notes.summary.name.clone(),
                uri: uri_of(&notes.doc, &brief),
                doc: notes.doc,
                annotations: notes.annotations,
            })
        })
        .collect()
}

/// The brief's front matter `url`, else a `file:` URL of its absolute path.
fn uri_of(doc: &Document, path: &Path) -> String {
    if let Some(url) = doc.meta().url.as_ref().filter(|u| !u.trim().is_empty()) {
        return url.trim().to_string();
    }
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path));
    file_url(&absolute)
}

/// A `file:` URL, every byte outside the unreserved set and `/` percent-encoded.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}
