//! Writes a generated brief to a file, for `benches/first_screen.sh`, which times the real
//! binary and so needs the corpus on disk: `cargo bench --bench gen_corpus -- OUT BYTES [SEED]`.
//!
//! Not a benchmark: a plain `cargo bench` runs it with no paths, and it then does nothing.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Cargo appends `--bench` to the arguments of harness-less benches; options are ignored.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let unicode = std::env::args().any(|a| a == "--unicode");
    let (out, bytes, seed) = match args.as_slice() {
        [] => {
            eprintln!("gen_corpus: nothing to do (usage: -- OUT BYTES [SEED] [--unicode])");
            return ExitCode::SUCCESS;
        }
        [out, bytes] => (out, bytes.parse::<usize>(), Ok(1)),
        [out, bytes, seed] => (out, bytes.parse::<usize>(), seed.parse::<u64>()),
        _ => {
            eprintln!("gen_corpus: usage: -- OUT BYTES [SEED] [--unicode]");
            return ExitCode::FAILURE;
        }
    };
    let (Ok(bytes), Ok(seed)) = (bytes, seed) else {
        eprintln!("gen_corpus: BYTES and SEED must be whole numbers");
        return ExitCode::FAILURE;
    };
    let text = if unicode {
        gloss::corpus::with_unicode(bytes, seed)
    } else {
        gloss::corpus::brief(bytes, seed)
    };
    if let Err(err) = std::fs::write(out, text) {
        eprintln!("gen_corpus: cannot write {out}: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
