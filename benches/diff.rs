//! Re-anchoring through a diff against the search alone, the diff of a 10 MiB brief, and the
//! size of snapshots.
//!
//! Run with `cargo bench --bench diff`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotation::diff::TextDiff;
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::store::place::{place, place_with};
use gloss::store::snapshot::{Snapshots, sha256_hex};

mod edits;
mod snapshot_sizes;
use edits::{edited, sidecar_file};

fn parse(text: &str) -> Document {
    Document::parse(text.as_bytes(), Format::Plain).expect("parses")
}

fn bench(c: &mut Criterion) {
    let brief = corpus::brief(1 << 20, 7);
    let doc = parse(&brief);
    let thousand = sidecar_file(&doc, 1_000);
    let new_doc = parse(&edited(&brief, 300));
    let old: Arc<str> = Arc::from(doc.text());

    let mut group = c.benchmark_group("reanchor");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("search: 1k on 1MB after 300 edits", |b| {
        b.iter(|| place(black_box(&new_doc), &thousand))
    });
    group.bench_function("diff: 1k on 1MB after 300 edits (diff included)", |b| {
        b.iter(|| place_with(black_box(&new_doc), &thousand, Some(Arc::clone(&old))))
    });
    group.bench_function("diff alone: 1MB after 300 edits", |b| {
        b.iter(|| TextDiff::between(black_box(doc.text()), new_doc.text()))
    });
    group.finish();
    eprintln!(
        "1k after 300 edits [exact, moved, fuzzy, orphaned]: search {:?}, diff {:?}",
        place(&new_doc, &thousand).counts,
        place_with(&new_doc, &thousand, Some(Arc::clone(&old))).counts
    );

    let big = corpus::brief(10 << 20, 3);
    let big_doc = parse(&big);
    let revised = parse(&corpus::revise(&big, 3));
    let mut group = c.benchmark_group("diff");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("10MiB against its corrected re-issue", |b| {
        b.iter(|| TextDiff::between(black_box(big_doc.text()), revised.text()))
    });
    group.finish();

    // Snapshot sizes and write times: one save each, timed once (they are seconds, not µs).
    let dir = tempfile::tempdir().expect("temp dir");
    let snaps = Snapshots::at(dir.path().to_path_buf());
    for (name, text) in [("1 MB", doc.text()), ("10 MiB", big_doc.text())] {
        let sha = sha256_hex(text.as_bytes());
        let t = Instant::now();
        snaps.save(&sha, text).expect("saves");
        let took = t.elapsed();
        let size = std::fs::metadata(snaps.path(&sha).expect("hash"))
            .expect("written")
            .len();
        let t = Instant::now();
        let back = snaps.load(&sha).expect("loads");
        eprintln!(
            "snapshot of {name}: {:.1}% of the text, written in {:.0} ms, read back in {:.0} ms",
            100.0 * size as f64 / text.len() as f64,
            took.as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3
        );
        assert_eq!(back.len(), text.len());
    }
    snapshot_sizes::report();
}

criterion_group!(benches, bench);
criterion_main!(benches);
