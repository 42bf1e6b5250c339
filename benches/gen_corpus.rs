//! Writes a generated brief to a file, for `benches/vs_less.sh`, which times the real binary
//! and so needs the corpus on disk:
//!
//! `cargo bench --bench gen_corpus -- OUT BYTES [SEED] [--unicode] [--annotations N] [--revise]`
//!
//! `--annotations N` also writes the sidecar `OUT.gloss.toml` with N annotations made on the
//! brief (`gloss::corpus::annotations`); `--revise` then writes a corrected re-issue of the
//! brief to OUT instead (`gloss::corpus::revise`), so opening OUT has to re-anchor them all.
//!
//! Not a benchmark: a plain `cargo bench` runs it with no paths, and it then does nothing.

use std::path::Path;
use std::process::ExitCode;

use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::store::convert::{Extras, to_file};
use gloss::store::format;

const USAGE: &str = "usage: -- OUT BYTES [SEED] [--unicode] [--annotations N] [--revise]";

struct Options {
    out: String,
    bytes: usize,
    seed: u64,
    unicode: bool,
    annotations: Option<usize>,
    revise: bool,
}

/// `None` when there is nothing to do; `Err` with a message for bad arguments.
fn options() -> Result<Option<Options>, String> {
    let mut positional = Vec::new();
    let (mut unicode, mut annotations, mut revise) = (false, None, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--unicode" => unicode = true,
            "--revise" => revise = true,
            "--annotations" => {
                let n = args.next().and_then(|n| n.parse::<usize>().ok());
                annotations = Some(n.ok_or("--annotations needs a whole number")?);
            }
            // Cargo appends `--bench`; other options (criterion's) are not for this tool.
            other if other.starts_with("--") => {}
            _ => positional.push(arg),
        }
    }
    let (out, bytes, seed) = match positional.as_slice() {
        [] => return Ok(None),
        [out, bytes] => (out, bytes, "1"),
        [out, bytes, seed] => (out, bytes, seed.as_str()),
        _ => return Err(USAGE.into()),
    };
    let (Ok(bytes), Ok(seed)) = (bytes.parse::<usize>(), seed.parse::<u64>()) else {
        return Err("BYTES and SEED must be whole numbers".into());
    };
    Ok(Some(Options {
        out: out.clone(),
        bytes,
        seed,
        unicode,
        annotations,
        revise,
    }))
}

fn run(o: &Options) -> Result<(), String> {
    let text = if o.unicode {
        corpus::with_unicode(o.bytes, o.seed)
    } else {
        corpus::brief(o.bytes, o.seed)
    };
    let out = Path::new(&o.out);
    if let Some(n) = o.annotations {
        let doc = Document::parse(text.as_bytes(), Format::from_path(out))
            .map_err(|e| format!("cannot parse the generated brief: {e}"))?;
        let annotations = corpus::annotations(&doc, n, o.seed);
        let name = out
            .file_name()
            .map_or_else(|| o.out.clone(), |n| n.to_string_lossy().into_owned());
        let file = to_file(
            &doc,
            &name,
            &annotations,
            gloss::document::Chars(0),
            &Extras::default(),
        );
        let toml = format::write(&file).map_err(|e| format!("cannot write the sidecar: {e}"))?;
        let sidecar = format!("{}.gloss.toml", o.out);
        std::fs::write(&sidecar, toml).map_err(|e| format!("cannot write {sidecar}: {e}"))?;
    }
    let text = if o.revise {
        let (revised, r) = corpus::revise_counted(&text, o.seed);
        eprintln!(
            "gen_corpus: revised: {} paragraphs changed, {} dropped, {} inserted",
            r.changed, r.dropped, r.inserted
        );
        revised
    } else {
        text
    };
    std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", o.out))
}

fn main() -> ExitCode {
    let result = match options() {
        Ok(None) => {
            eprintln!("gen_corpus: nothing to do ({USAGE})");
            return ExitCode::SUCCESS;
        }
        Ok(Some(o)) => run(&o),
        Err(message) => Err(message),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            ExitCode::FAILURE
        }
    }
}
