//! Command-line arguments and the program's entry point.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use crate::app::{Settings, State};
use crate::document::{Document, Format};
use crate::error::{Error, show_path};
use crate::input::Keymap;
use crate::runtime::{self, Exit};
use crate::sanitize;
use crate::store;
use crate::theme::Theme;

/// The sample brief, for `gloss` with no file outside the source tree.
const SAMPLE: &[u8] = include_bytes!("../seeds/micron-cac-probe.txt");
const SAMPLE_NAME: &str = "micron-cac-probe.txt";

/// gloss: read and annotate news briefs in the terminal.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None)]
pub struct Args {
    /// The brief to open (plain text, or Markdown if it ends in .md). Without one, gloss opens
    /// its bundled sample brief.
    pub file: Option<PathBuf>,
    /// Widest text column, in terminal columns.
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,
}

/// Runs gloss with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(err) => {
            eprintln!("gloss: {}", sanitize::line(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<Exit, Error> {
    let (bytes, path) = match &args.file {
        Some(path) => (store::read_brief(path)?, path.clone()),
        None => sample(),
    };
    let doc =
        Document::parse(&bytes, Format::from_path(&path)).map_err(|source| Error::Decode {
            path: show_path(&path),
            source,
        })?;
    drop(bytes);
    let keymap = Keymap::default_keymap()?;
    let settings = Settings {
        max_width: args.width,
        ..Settings::default()
    };
    let label = path
        .file_name()
        .map_or_else(|| show_path(&path), |n| n.to_string_lossy().into_owned());
    let state = State::new(doc, &label, settings, &keymap);
    runtime::run(state, &keymap, &Theme::default())
}

/// The bundled sample: the copy in the source tree when gloss runs from it, else the copy
/// compiled in.
fn sample() -> (Vec<u8>, PathBuf) {
    let in_tree = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(SAMPLE_NAME);
    match store::read_brief(&in_tree) {
        Ok(bytes) => (bytes, in_tree),
        Err(_) => (SAMPLE.to_vec(), PathBuf::from(SAMPLE_NAME)),
    }
}
