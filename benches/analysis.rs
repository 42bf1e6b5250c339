//! The analysis views at study scale: a generated library of 1,000 briefs with 50,000 coded
//! segments and 200 codes (20 groups of 10: `group-07/code-073`, 1-3 codes a segment, two
//! coders taking turns). Times reading the library for analysis (every brief and sidecar,
//! annotations placed), then each view computed from the library already read: the matrix
//! folded and unfolded, co-occurrence by overlap and by paragraph, the timeline by day and
//! month, and the agreement of the two coders. The baseline for ratios is benches/codes.rs's
//! count: every sidecar read and parsed.
//!
//! Run with `cargo bench --bench analysis -- --warm-up-time 1 --measurement-time 3`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::Scope;
use gloss::analysis::agreement::agreement;
use gloss::analysis::cooccurrence::{Near, cooccurrence};
use gloss::analysis::matrix::matrix;
use gloss::analysis::timeline::{By, timeline};
use gloss::corpus;
use gloss::document::{Chars, Document, Format};
use gloss::store::convert::{Extras, to_file};
use gloss::store::format;

const BRIEFS: usize = 1_000;
const SEGMENTS_PER_BRIEF: usize = 50;
const CODES: usize = 200;

fn code(i: usize) -> String {
    let i = i % CODES;
    format!("group-{:02}/code-{i:03}", i / 10)
}

/// The library (briefs dated over two years); how many segments it holds.
fn generate(root: &Path) -> usize {
    let mut segments = 0;
    for i in 0..BRIEFS {
        let seed = i as u64 + 1;
        let dir = root.join(format!("folder-{:02}", i % 20));
        std::fs::create_dir_all(&dir).expect("a folder");
        let body = corpus::brief(4_000 + (i * 7_919) % 12_000, seed);
        let day = jiff::civil::date(2025, 1, 1)
            .checked_add(jiff::Span::new().days(i64::try_from(i * 7 % 730).expect("small")))
            .expect("a day");
        let text = format!("+++\ntitle = \"Brief {i}\"\npublished = {day}\n+++\n{body}");
        let path = dir.join(format!("brief-{i:04}.md"));
        std::fs::write(&path, &text).expect("a brief");
        let doc = Document::parse(text.as_bytes(), Format::Markdown).expect("a generated brief");
        let set = corpus::annotations(&doc, SEGMENTS_PER_BRIEF, seed);
        let mut file = to_file(&doc, "brief.md", &set, Chars(0), &Extras::default());
        for (j, entry) in file.annotations.iter_mut().enumerate() {
            let k = i * 131 + j * 17;
            entry.tags = (0..1 + k % 3).map(|n| code(k + n * 61)).collect();
            entry.author = if j % 2 == 0 { "ana" } else { "ben" }.into();
        }
        segments += file.annotations.len();
        let sidecar = dir.join(format!("brief-{i:04}.md.gloss.toml"));
        std::fs::write(sidecar, format::write(&file).expect("a sidecar")).expect("written");
    }
    segments
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let written = generate(root);
    let loaded = gloss::store::analysis::load(root);
    let library = loaded.library;
    let segments: usize = library.briefs.iter().map(|b| b.segments.len()).sum();
    eprintln!(
        "analysis: {} briefs, {segments} segments read ({written} written), {} skipped",
        library.briefs.len(),
        loaded.skipped.len()
    );
    let folded = Scope {
        folded: true,
        ..Scope::default()
    };
    let full = Scope::default();
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    // The baseline, as benches/codes.rs measures it: every sidecar read and parsed.
    group.bench_function(
        "baseline: every sidecar read (as gloss codes counts)",
        |b| {
            b.iter(|| black_box(gloss::store::library::sidecars::sidecars_in(root)));
        },
    );
    group.bench_function("load the library (1,000 briefs, 50,000 segments)", |b| {
        b.iter(|| black_box(gloss::store::analysis::load(root)));
    });
    group.bench_function("matrix, folded", |b| {
        b.iter(|| black_box(matrix(&library, &folded)));
    });
    group.bench_function("matrix, unfolded (200 codes x 1,000 briefs)", |b| {
        b.iter(|| black_box(matrix(&library, &full)));
    });
    group.bench_function("co-occurrence, overlap, unfolded", |b| {
        b.iter(|| black_box(cooccurrence(&library, &full, Near::Overlap)));
    });
    group.bench_function("co-occurrence, paragraph, unfolded", |b| {
        b.iter(|| black_box(cooccurrence(&library, &full, Near::Paragraph)));
    });
    group.bench_function("timeline by day", |b| {
        b.iter(|| black_box(timeline(&library, &full, By::Day)));
    });
    group.bench_function("timeline by month", |b| {
        b.iter(|| black_box(timeline(&library, &full, By::Month)));
    });
    group.bench_function("agreement of two coders", |b| {
        b.iter(|| black_box(agreement(&library, &full, "ana", "ben")));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
