//! Command-line arguments and the program's entry point: the reader, `annotate`, `list`,
//! `themes` and `keys`.

mod analyse;
mod annotate;
mod at;
mod cat;
mod codes;
mod color;
mod diff;
mod export;
mod gc;
mod git;
mod import;
mod import_annotations;
mod keys;
mod list;
mod merge;
mod merge_driver;
mod notes;
mod out;
mod search;
mod stdin;
mod tags;
#[cfg(test)]
mod tests_roundtrip;
mod themes;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::annotation::query::Query;
use crate::annotation::{Color, Status};
use crate::app::library::Library;
use crate::app::{App, Level, Settings, View};
use crate::document::{Document, Format};
use crate::error::Error;
use crate::runtime::open::{decode_error, file_name, sidecar_of};
use crate::runtime::{self, Exit, Opener};
use crate::sanitize;
use crate::store;

/// The sample brief, for `gloss` with no file outside the source tree.
const SAMPLE: &[u8] = include_bytes!("../seeds/micron-cac-probe.txt");
const SAMPLE_NAME: &str = "micron-cac-probe.txt";

/// gloss: read and annotate news briefs in the terminal.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A command instead of the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the reader.
    #[command(flatten)]
    pub open: OpenArgs,
}

/// Opening a brief in the reader.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The brief to open (plain text; Markdown if it ends in .md; a web page's article if it
    /// ends in .html or .htm; `-` reads it from standard input), or a folder of briefs to open
    /// as a library. Without one, gloss opens its bundled sample brief.
    pub file: Option<PathBuf>,
    /// Widest text column, in terminal columns.
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,
    /// The annotations file (default: FILE.gloss.toml beside the brief).
    #[arg(long, value_name = "PATH")]
    pub annotations: Option<PathBuf>,
    /// A theme by name (see `gloss themes`) or a theme file's path.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Open at an annotation (its id, as exports print it) or at a percentage (40%).
    #[arg(long, value_name = "ID|N%", value_parser = at::parse)]
    pub at: Option<at::At>,
}

/// Commands for scripts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Highlight a quote in a brief and print the new annotation's id.
    Annotate {
        /// The brief.
        file: PathBuf,
        /// The exact text to highlight (as in the normalised text).
        #[arg(long)]
        quote: String,
        /// Which occurrence, counting from 1.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        nth: u32,
        /// yellow, green, blue, red or purple.
        #[arg(long, default_value = "yellow", value_parser = parse_color)]
        color: Color,
        /// A tag (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// A note.
        #[arg(long)]
        note: Option<String>,
        /// Who wrote it (default: the config's `author`, else the login name).
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// How many seconds to wait for another gloss saving the same sidecar.
        #[arg(long, value_name = "SECONDS", default_value_t = 5.0, value_parser = parse_wait)]
        wait: f64,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Turn a web page (an http(s) address or a saved .html file) into a Markdown brief and
    /// print its path.
    Import {
        /// The page: an http:// or https:// address, or a saved page's file.
        source: String,
        /// The brief to write (default: named from the title, in the current folder or DIR).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The folder the brief named from its title goes into.
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        into: Option<PathBuf>,
        /// Give up on a fetch after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 30,
              value_parser = clap::value_parser!(u64).range(1..=600))]
        timeout: u64,
    },
    /// List the themes (bundled and yours) with a preview.
    Themes {
        /// Colour the previews: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value = "auto")]
        color: color::ColorMode,
    },
    /// Print a brief for a pipe or a pager: wrapped, highlights in the theme's colours on a
    /// terminal, notes as numbered footnotes.
    Cat {
        /// The brief.
        file: PathBuf,
        /// Columns to wrap to (default: the terminal's, else 80).
        #[arg(long, value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
        /// Print the normalised text only.
        #[arg(long)]
        plain: bool,
        /// Colour: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value = "auto")]
        color: color::ColorMode,
        /// A theme by name or a theme file's path.
        #[arg(long, value_name = "NAME|PATH")]
        theme: Option<String>,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Git's merge driver for sidecars (`gloss git install` sets it up): merges %O and %B
    /// into %A; exits 1 when a note was edited on both sides.
    #[command(name = "merge-driver")]
    MergeDriver {
        /// %O: the common ancestor.
        base: PathBuf,
        /// %A: this branch's version, replaced by the merge.
        ours: PathBuf,
        /// %B: the other branch's version.
        theirs: PathBuf,
        /// %P: the sidecar's path in the repository, for messages.
        name: Option<String>,
    },
    /// Fold the conflict copies a sync tool left beside a brief's sidecar back into it
    /// (keeping a .bak), then remove the copies merged.
    Merge {
        /// The brief.
        file: PathBuf,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Print a shell completion script: `gloss completions bash > /etc/bash_completion.d/gloss`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `gloss man | man -l -`.
    Man,
    /// Set git up to merge sidecars with gloss.
    Git {
        /// What to do.
        #[command(subcommand)]
        command: GitCommand,
    },
    /// Print the keymap in effect: the default with your keymap.toml merged over it.
    Keys,
    /// Print every annotation of every brief under a folder, grouped by brief.
    Notes {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Only annotations with this tag or a tag under it (repeat: all of them).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Only this colour.
        #[arg(long, value_parser = parse_color)]
        color: Option<Color>,
        /// Only this status: exact, moved, fuzzy or orphaned.
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
        /// Only annotations whose quote, note or tags contain this text (ignoring case).
        #[arg(long)]
        text: Option<String>,
        /// Only annotations by this author (ignoring case).
        #[arg(long)]
        author: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search every brief under a folder: their text and their annotations' quotes, notes
    /// and tags (smart case; #tag, color:C and author:NAME in the query narrow it).
    Search {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// What to find.
        query: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Read every brief and sidecar instead of using (and updating) the library's
        /// search index in the data folder.
        #[arg(long)]
        no_index: bool,
    },
    /// Print every tag used under a folder, with its annotations and briefs (a tag counts
    /// toward its parents); or rename one everywhere.
    Tags {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Print JSON instead of text.
        #[arg(long, conflicts_with = "rename")]
        json: bool,
        /// Rename tag OLD (and the tags under it) to NEW in every sidecar under the folder,
        /// merging into NEW where it is already used.
        #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
        rename: Option<Vec<String>>,
    },
    /// Print the codebook of a folder (codebook.toml at its root) as a tree with counts, and
    /// the tags in use that are not codes; or change it, and every sidecar with it.
    Codes {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Add the codes of a REFI-QDA codebook (.qdc) by name: new names are added, codes
        /// already there get the description and colour they lack.
        #[arg(long, value_name = "FILE.qdc", conflicts_with = "json")]
        import: Option<PathBuf>,
        /// What to change.
        #[command(subcommand)]
        change: Option<codes::Change>,
    },
    /// Analyse the codes of a folder: the code x brief matrix, code co-occurrence, the
    /// timeline by published date, or the agreement of two coders.
    Analyse {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Which analysis.
        #[arg(long, value_enum)]
        view: analyse::View,
        /// The output format (JSON always names codes in full).
        #[arg(long, value_enum, default_value = "table")]
        format: analyse::Format,
        /// Name codes in full instead of folding them onto their top-level parent.
        #[arg(long)]
        unfold: bool,
        /// Only this code and the codes under it.
        #[arg(long, value_name = "C")]
        code: Option<String>,
        /// Only segments by this author.
        #[arg(long, value_name = "A")]
        author: Option<String>,
        /// The timeline's periods.
        #[arg(long, value_enum, default_value = "month")]
        by: crate::analysis::timeline::By,
        /// Co-occurrence: highlights in the same paragraph meet too.
        #[arg(long)]
        paragraph: bool,
        /// Agreement: the two coders, as A,B.
        #[arg(long, value_name = "A,B", value_parser = analyse::parse_authors)]
        authors: Option<(String, String)>,
    },
    /// Export a brief's annotations, or every brief's under a folder: Markdown notes, W3C
    /// or Hypothesis JSON, an HTML page, JSON as `list --json`, or Readwise CSV.
    Export {
        /// The brief, or a folder of briefs.
        path: PathBuf,
        /// The format.
        #[arg(long, value_enum)]
        format: export::Format,
        /// Write here instead of standard output (a folder, for a folder's Markdown or HTML).
        #[arg(short = 'o', long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// How Markdown groups the highlights.
        #[arg(long, value_enum, default_value = "none")]
        group_by: export::Grouping,
        /// A minijinja template instead of Markdown's own layout.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// The theme whose colours and colour names to use.
        #[arg(long, value_name = "NAME|PATH")]
        theme: Option<String>,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Read W3C or Hypothesis annotations (JSON) onto a brief, placed in its text as it is
    /// now; annotations already there are skipped.
    ImportAnnotations {
        /// The brief.
        file: PathBuf,
        /// The JSON file: a W3C AnnotationCollection, page or annotation, or Hypothesis's
        /// export.
        #[arg(long, value_name = "FILE.json")]
        from: PathBuf,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Show what changed in a brief since its annotations were placed, word by word, with the
    /// annotations each change touches.
    Diff {
        /// The brief.
        file: PathBuf,
        /// No colours, even on a terminal: deletions as [-old-], insertions as {+new+}.
        #[arg(long)]
        plain: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
        /// List every version of the brief's text seen (first seen, size, sha256, and how
        /// many annotations moved, went to review or were orphaned at that step).
        #[arg(long, conflicts_with = "plain")]
        versions: bool,
    },
    /// Delete the snapshots of old texts that no sidecar refers to any longer (the sidecars
    /// gloss has saved, and those under each DIR given).
    Gc {
        /// Folders whose sidecars count too (subfolders included).
        dirs: Vec<PathBuf>,
    },
    /// Print a brief's annotations in document order, placed in its current text.
    List {
        /// The brief.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
}

/// `gloss git ...`.
#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Add `*.gloss.toml merge=gloss` to .gitattributes and the driver to .git/config (both
    /// only when missing).
    Install {
        /// A folder in the repository (default: the current one).
        dir: Option<PathBuf>,
        /// Write to your own git config and attributes file instead of the repository's.
        #[arg(long, conflicts_with = "dir")]
        global: bool,
    },
}

fn parse_status(s: &str) -> Result<Status, String> {
    s.parse()
        .map_err(|_| format!("unknown status {s:?} (use exact, moved, fuzzy or orphaned)"))
}

fn parse_color(s: &str) -> Result<Color, String> {
    s.parse()
        .map_err(|_| format!("unknown colour {s:?} (use yellow, green, blue, red or purple)"))
}

/// Runs gloss with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    let result = match &cli.command {
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            name,
        }) => {
            return merge_driver::main(&merge_driver::Request {
                base,
                ours,
                theirs,
                name: name.as_deref(),
            });
        }
        Some(Command::Git {
            command: GitCommand::Install { dir, global },
        }) => {
            let scope = match (dir, global) {
                (_, true) => git::Scope::Global,
                (Some(dir), false) => git::Scope::Repository(dir),
                (None, false) => git::Scope::Repository(Path::new(".")),
            };
            git::install(&scope).map(|()| Exit::Quit)
        }
        Some(Command::Merge { file, annotations }) => {
            merge::run(file, annotations.as_deref()).map(|()| Exit::Quit)
        }
        None => open(&cli.open),
        Some(Command::Annotate {
            file,
            quote,
            nth,
            color,
            tags,
            note,
            author: by,
            wait,
            annotations,
        }) => {
            let request = annotate::Request {
                quote,
                nth: *nth,
                color: *color,
                tags,
                note: note.as_deref(),
                author: by.as_deref().map_or_else(author, |a| a.trim().to_string()),
                wait: std::time::Duration::from_secs_f64(*wait),
            };
            annotate::run(file, annotations.as_deref(), &request).map(|()| Exit::Quit)
        }
        Some(Command::Import {
            source,
            output,
            into,
            timeout,
        }) => {
            let request = import::Request {
                source,
                output: output.as_deref(),
                into: into.as_deref(),
                timeout: *timeout,
            };
            import::run(&request).map(|()| Exit::Quit)
        }
        Some(Command::Themes { color }) => themes::list(color.on()).map(|()| Exit::Quit),
        Some(Command::Cat {
            file,
            width,
            plain,
            color,
            theme,
            annotations,
        }) => cat::run(
            file,
            annotations.as_deref(),
            *width,
            *plain,
            *color,
            theme.as_deref(),
        )
        .map(|()| Exit::Quit),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(
                *shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "gloss",
                &mut script,
            );
            out::Out::new()
                .line(String::from_utf8_lossy(&script).trim_end())
                .map(|()| Exit::Quit)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut page)
                .map_err(Error::Output)
                .and_then(|()| out::Out::new().line(String::from_utf8_lossy(&page).trim_end()))
                .map(|()| Exit::Quit)
        }
        Some(Command::Keys) => keys::list().map(|()| Exit::Quit),
        Some(Command::List {
            file,
            json,
            annotations,
        }) => list::run(file, annotations.as_deref(), *json).map(|()| Exit::Quit),
        Some(Command::Export {
            path,
            format,
            out,
            group_by,
            template,
            theme,
            annotations,
        }) => export::run(&export::Request {
            path,
            format: *format,
            out: out.as_deref(),
            group_by: (*group_by).into(),
            template: template.as_deref(),
            theme: theme.as_deref(),
            annotations: annotations.as_deref(),
        })
        .map(|()| Exit::Quit),
        Some(Command::ImportAnnotations {
            file,
            from,
            annotations,
        }) => import_annotations::run(file, from, annotations.as_deref()).map(|()| Exit::Quit),
        Some(Command::Diff {
            file,
            json,
            annotations,
            versions: true,
            ..
        }) => diff::versions::run(file, annotations.as_deref(), *json).map(|()| Exit::Quit),
        Some(Command::Diff {
            file,
            plain,
            json,
            annotations,
            versions: false,
        }) => diff::run(file, annotations.as_deref(), *plain, *json).map(|()| Exit::Quit),
        Some(Command::Gc { dirs }) => gc::run(dirs).map(|()| Exit::Quit),
        Some(Command::Tags { dir, json, rename }) => match rename.as_deref() {
            Some([old, new]) => tags::rename(dir, old, new),
            _ => tags::run(dir, *json),
        }
        .map(|()| Exit::Quit),
        Some(Command::Codes {
            dir,
            json,
            import,
            change,
        }) => match (change, import) {
            (Some(change), _) => codes::run(dir, change),
            (None, Some(file)) => codes::import(dir, file),
            (None, None) => codes::list(dir, *json),
        }
        .map(|()| Exit::Quit),
        Some(Command::Analyse {
            dir,
            view,
            format,
            unfold,
            code,
            author,
            by,
            paragraph,
            authors,
        }) => {
            let ask = analyse::Ask {
                view: *view,
                format: *format,
                scope: crate::analysis::Scope {
                    author: author.clone(),
                    code: code.clone(),
                    folded: !*unfold,
                },
                by: *by,
                paragraph: *paragraph,
                authors: authors.clone(),
            };
            analyse::run(dir, &ask).map(|()| Exit::Quit)
        }
        Some(Command::Search {
            dir,
            query,
            json,
            no_index,
        }) => search::run(dir, query, *json, !*no_index).map(|()| Exit::Quit),
        Some(Command::Notes {
            dir,
            tags,
            color,
            status,
            text,
            author,
            json,
        }) => {
            let query = Query {
                tags: tags.clone(),
                color: *color,
                status: *status,
                text: text.clone(),
                author: author.clone(),
            };
            notes::run(dir, &query, *json).map(|()| Exit::Quit)
        }
    };
    match result {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(err) => {
            eprintln!("gloss: {}", sanitize::line(&err.to_string()));
            if matches!(err, Error::Theme(_)) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Prints what clap has to say (a usage error, or the help or version asked for) and gives
/// its exit code. clap repeats an argument it does not understand as it was given, and on a
/// terminal writes it raw; when an argument holds a control character, the message is
/// printed without clap's colours and neutralised instead.
fn usage_error(err: clap::Error) -> ExitCode {
    let hostile = std::env::args_os().any(|a| a.to_string_lossy().chars().any(sanitize::is_unsafe));
    if !hostile {
        err.exit()
    }
    let plain = err.render().to_string();
    let text = sanitize::text(&plain);
    if err.use_stderr() {
        eprint!("{text}");
    } else {
        // Help or version into a reader that may have gone (`| head`): nothing to report.
        let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
    }
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
}

/// `--wait`: seconds, from 0 to a day.
fn parse_wait(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(secs) if (0.0..=86_400.0).contains(&secs) => Ok(secs),
        _ => Err(format!("{s:?} is not a number of seconds from 0 to 86400")),
    }
}

/// Who annotations made by this gloss are by: the config's `author`, else the login name.
pub(crate) fn author() -> String {
    let config = store::config::config_dir().map(|dir| store::config::read_config(&dir));
    store::config::author(config.as_ref())
}

/// Reads and parses a brief.
pub(crate) fn load_brief(path: &Path) -> Result<Document, Error> {
    let bytes = store::read_brief(path)?;
    Document::parse(&bytes, Format::from_path(path)).map_err(decode_error(path))
}

fn open(args: &OpenArgs) -> Result<Exit, Error> {
    let keys::Effective { keymap, warning } = keys::effective()?;
    let chosen = themes::choose(args.theme.as_deref())?;
    let opener = Opener {
        settings: Settings {
            max_width: args.width,
            ..Settings::default()
        },
        keymap: keymap.clone(),
        themes: chosen.themes.names(),
        theme: chosen.index,
        annotations: args.annotations.clone(),
        author: author(),
    };
    // Start-up warnings for the first view: one bad theme file is often reported twice (as a
    // theme, and as the config's choice).
    let mut notices = Vec::new();
    if !chosen.warnings.is_empty() {
        notices.push(chosen.warnings.join("; "));
    }
    notices.extend(warning);
    let (app, reading) = match &args.file {
        Some(dir) if dir.is_dir() => {
            let mut library = Library::new(dir.clone(), &keymap);
            for notice in &notices {
                library.status.notice(Level::Warning, notice);
            }
            (App::new(View::Library(Box::new(library))), None)
        }
        file => {
            let opened = match file {
                Some(path) if path.as_os_str() == "-" => stdin::open(&opener)?,
                Some(path) => opener.open(path)?,
                None => {
                    let (doc, path) = sample()?;
                    opener.open_doc(doc, &path, None)
                }
            };
            let mut reader = opened.reader;
            if let (Some(at), Some(path)) = (args.at, file) {
                let chars = opened.rest.is_none().then(|| reader.doc.char_len());
                let top = at::resolve(
                    at,
                    path,
                    args.annotations.as_deref(),
                    &reader.annotations,
                    chars,
                )?;
                reader.restore_position = Some(top);
            }
            for notice in &notices {
                reader.notice(Level::Warning, notice);
            }
            (App::reading(reader), Some((opened.persist, opened.rest)))
        }
    };
    runtime::run(app, &keymap, &chosen.themes, opener, reading)
}

/// The bundled sample: the copy in the source tree when gloss runs from it, else the copy
/// compiled in.
fn sample() -> Result<(Document, PathBuf), Error> {
    let in_tree = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(SAMPLE_NAME);
    if let Ok(doc) = load_brief(&in_tree) {
        return Ok((doc, in_tree));
    }
    let doc = Document::parse(SAMPLE, Format::Plain).map_err(|source| Error::Decode {
        path: SAMPLE_NAME.into(),
        source,
    })?;
    Ok((doc, PathBuf::from(SAMPLE_NAME)))
}
