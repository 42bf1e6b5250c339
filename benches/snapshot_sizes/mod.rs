//! What snapshots of real English prose take, kept as gloss keeps them (short texts in packs)
//! and each alone, in bytes and on disk (whole blocks): the eleven seed briefs, and the
//! English articles of the article-extraction benchmark's ground truth, read from
//! `../shared/corpora/article-extraction/` (never copied into the project).

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use gloss::document::{Document, Format};
use gloss::store::snapshot::{Snapshots, sha256_hex};

/// Prints the figures for the seeds and, when the shared corpus is there, its articles.
pub fn report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    report_on("the seed briefs", &seeds(&root.join("seeds")));
    let truth = root.join("../shared/corpora/article-extraction/scrapinghub/ground-truth.json");
    match fs::read(&truth) {
        Ok(bytes) => report_on("English ground-truth articles", &english(&bytes)),
        Err(e) => eprintln!("snapshot sizes: no corpus at {}: {e}", truth.display()),
    }
}

fn report_on(name: &str, texts: &[String]) {
    let total: usize = texts.iter().map(String::len).sum();
    let dir = tempfile::tempdir().expect("temp dir");
    let snaps = Snapshots::at(dir.path().to_path_buf());
    let t = Instant::now();
    for text in texts {
        snaps
            .save(&sha256_hex(text.as_bytes()), text)
            .expect("saves");
    }
    let took = t.elapsed();
    let (bytes, disk) = sizes(dir.path());
    // Each alone, as before packs: one zstd frame at level 19 in a file of its own.
    let alone = tempfile::tempdir().expect("temp dir");
    for (i, text) in texts.iter().enumerate() {
        let packed = zstd::bulk::compress(text.as_bytes(), 19).expect("compresses");
        fs::write(alone.path().join(format!("{i}.zst")), packed).expect("writes");
    }
    let (alone_bytes, alone_disk) = sizes(alone.path());
    let pct = |n: u64| 100.0 * n as f64 / total as f64;
    let mut sorted: Vec<usize> = texts.iter().map(String::len).collect();
    sorted.sort_unstable();
    eprintln!(
        "snapshots of {} {name} ({} KB, median {} B): packed {:.1}% ({:.1}% on disk, {} packs, \
         written one by one in {:.1} s); each alone {:.1}% ({:.1}% on disk)",
        texts.len(),
        total / 1000,
        sorted.get(sorted.len() / 2).copied().unwrap_or(0),
        pct(bytes),
        pct(disk),
        snaps.packs().files().len(),
        took.as_secs_f64(),
        pct(alone_bytes),
        pct(alone_disk),
    );
}

/// (bytes, bytes on disk) of every file under `dir`.
fn sizes(dir: &Path) -> (u64, u64) {
    let mut out = (0, 0);
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).expect("reads").flatten() {
            let path = entry.path();
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "zst") {
                out.0 += meta.len();
                out.1 += meta.blocks() * 512;
            }
        }
    }
    out
}

/// The normalised text of every brief under `dir`.
fn seeds(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).expect("reads seeds").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = fs::read(p).expect("reads a seed");
            normalised(&bytes, Format::from_path(p))
        })
        .collect()
}

/// The ground truth's article bodies that are English prose: nearly all ASCII, and at least
/// 15% of their words among the commonest English ones.
fn english(json: &[u8]) -> Vec<String> {
    let truth: serde_json::Value = serde_json::from_slice(json).expect("ground truth parses");
    let common = [
        "the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "it",
        "by", "at", "from",
    ];
    let mut out: Vec<(String, String)> = truth
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(id, page)| {
            let body = page["articleBody"].as_str()?;
            let ascii = body.chars().filter(char::is_ascii).count() as f64;
            let words: Vec<String> = body
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            let hits = words
                .iter()
                .filter(|w| common.contains(&w.as_str()))
                .count();
            let english = ascii / body.chars().count().max(1) as f64 > 0.97
                && hits as f64 / words.len().max(1) as f64 > 0.15;
            english.then(|| (id.clone(), normalised(body.as_bytes(), Format::Plain)))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, text)| text).collect()
}

fn normalised(bytes: &[u8], format: Format) -> String {
    Document::parse(bytes, format)
        .expect("parses")
        .text()
        .to_string()
}
