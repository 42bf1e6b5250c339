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
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::Scope;
use gloss::analysis::agreement::agreement;
use gloss::analysis::cooccurrence::{Near, cooccurrence};
use gloss::analysis::matrix::matrix;
use gloss::analysis::timeline::{By, timeline};

mod study;

use study::{Briefs, generate};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let written = generate(root, Briefs::DatedWithCoders);
    let loaded = gloss::store::analysis::load(root);
    let library = loaded.library;
    let segments: usize = library.briefs.iter().map(|b| b.segments.len()).sum();
    eprintln!(
        "analysis: {} briefs, {segments} segments read ({written} written), {} skipped",
        library.briefs.len(),
        loaded.skipped.len()
    );
    let folded = Scope {
        fold: gloss::analysis::Fold::Depth(1),
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
