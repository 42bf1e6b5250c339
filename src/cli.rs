//! Command-line arguments and the program's entry point: the reader, `annotate`, `list`,
//! `themes` and `keys`.

pub(crate) mod analyse;
mod annotate;
mod args;
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

use crate::annotation::query::Query;
pub use args::{Cli, Command, GitCommand, OpenArgs};

use crate::app::library::Library;
use crate::app::{App, Level, Settings, View};
use crate::document::{Document, Format};
use crate::error::Error;
use crate::runtime::open::{file_name, sidecar_of};
use crate::runtime::{self, Exit, Opener};
use crate::sanitize;
use crate::store;

/// The sample brief, for `gloss` with no file outside the source tree.
const SAMPLE: &[u8] = include_bytes!("../seeds/micron-cac-probe.txt");
const SAMPLE_NAME: &str = "micron-cac-probe.txt";

/// Runs gloss with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::read() {
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
            fold,
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
                    fold: match (unfold, fold) {
                        (true, _) => crate::analysis::Fold::None,
                        (false, depth) => {
                            crate::analysis::Fold::Depth(usize::from(depth.unwrap_or(1)))
                        }
                    },
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
        Ok(Exit::Unsaved(what)) => {
            let line = format!("gloss: {}\n", sanitize::line(&what));
            let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
            ExitCode::FAILURE
        }
        Err(err) => {
            // Not `eprintln!`: it panics when standard error is a terminal that went away.
            let line = format!("gloss: {}\n", sanitize::line(&err.to_string()));
            let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
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

/// Who annotations made by this gloss are by: the config's `author`, else the login name.
pub(crate) fn author() -> String {
    let config = store::config::config_dir().map(|dir| store::config::read_config(&dir));
    store::config::author(config.as_ref())
}

/// Reads and parses a brief, in pieces as the reader does.
pub(crate) fn load_brief(path: &Path) -> Result<Document, Error> {
    crate::runtime::open::read_whole(path)
}

fn open(args: &OpenArgs) -> Result<Exit, Error> {
    let keys::Effective { keymap, warning } = keys::effective()?;
    let keymap = std::sync::Arc::new(keymap);
    let chosen = themes::choose(args.theme.as_deref())?;
    let opener = Opener {
        settings: Settings {
            max_width: args.width,
            ..Settings::default()
        },
        keymap: std::sync::Arc::clone(&keymap),
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
