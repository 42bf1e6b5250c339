//! The generated study library the coding benches share: 1,000 briefs of 4-16 KB in 20
//! folders, 50 coded segments each, 200 codes in 20 groups of 10 (`group-07/code-073`), 1-3
//! codes a segment. Plain text briefs, or (for the analysis views) Markdown briefs with a
//! `published` date over two years and two coders taking turns.

// Each bench makes one kind of library, so the other kind is unused in it.
#![allow(dead_code)]

use std::path::Path;

use gloss::corpus;
use gloss::document::{Chars, Document, Format};
use gloss::store::convert::{Extras, to_file};
use gloss::store::format;

pub const BRIEFS: usize = 1_000;
pub const SEGMENTS_PER_BRIEF: usize = 50;
pub const CODES: usize = 200;

/// How the briefs are written.
#[derive(Clone, Copy)]
pub enum Briefs {
    /// Plain text, segments without an author.
    Plain,
    /// Markdown with a title and a `published` date, segments by `ana` and `ben` in turn.
    DatedWithCoders,
}

/// The code of number `i`.
pub fn code(i: usize) -> String {
    let i = i % CODES;
    format!("group-{:02}/code-{i:03}", i / 10)
}

/// The library under `root`; how many segments it holds.
pub fn generate(root: &Path, briefs: Briefs) -> usize {
    let (ext, format) = match briefs {
        Briefs::Plain => ("txt", Format::Plain),
        Briefs::DatedWithCoders => ("md", Format::Markdown),
    };
    let mut segments = 0;
    for i in 0..BRIEFS {
        let seed = i as u64 + 1;
        let dir = root.join(format!("folder-{:02}", i % 20));
        std::fs::create_dir_all(&dir).expect("a folder");
        let body = corpus::brief(4_000 + (i * 7_919) % 12_000, seed);
        let text = match briefs {
            Briefs::Plain => body,
            Briefs::DatedWithCoders => {
                let day = jiff::civil::date(2025, 1, 1)
                    .checked_add(jiff::Span::new().days(i64::try_from(i * 7 % 730).expect("small")))
                    .expect("a day");
                format!("+++\ntitle = \"Brief {i}\"\npublished = {day}\n+++\n{body}")
            }
        };
        let path = dir.join(format!("brief-{i:04}.{ext}"));
        std::fs::write(&path, &text).expect("a brief");
        let doc = Document::parse(text.as_bytes(), format).expect("a generated brief");
        let set = corpus::annotations(&doc, SEGMENTS_PER_BRIEF, seed);
        let name = format!("brief.{ext}");
        let mut file = to_file(&doc, &name, &set, Chars(0), &Extras::default());
        for (j, entry) in file.annotations.iter_mut().enumerate() {
            let k = i * 131 + j * 17;
            entry.tags = (0..1 + k % 3).map(|n| code(k + n * 61)).collect();
            if let Briefs::DatedWithCoders = briefs {
                entry.author = if j % 2 == 0 { "ana" } else { "ben" }.into();
            }
        }
        segments += file.annotations.len();
        let sidecar = dir.join(format!("brief-{i:04}.{ext}.gloss.toml"));
        std::fs::write(sidecar, format::write(&file).expect("a sidecar")).expect("written");
    }
    segments
}
