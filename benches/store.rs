//! Sidecar and re-anchoring costs: load and save of 10,000 annotations, and placing 1,000
//! annotations on a 1 MB brief after a few hundred scattered edits.
//!
//! Run with `cargo bench --bench store`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::store::format;
use gloss::store::place::place;
use gloss::store::{Sidecar, SidecarPaths};

mod edits;
use edits::{edited, sidecar_file};

fn bench(c: &mut Criterion) {
    let brief = corpus::brief(1 << 20, 7);
    let doc = Document::parse(brief.as_bytes(), Format::Plain).expect("parses");
    let file = sidecar_file(&doc, 10_000);
    let text = format::write(&file).expect("writes");

    let mut group = c.benchmark_group("sidecar");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("write/10k", |b| b.iter(|| format::write(black_box(&file))));
    group.bench_function("parse/10k", |b| b.iter(|| format::parse(black_box(&text))));
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = SidecarPaths::at(dir.path().join("bench.txt.gloss.toml"));
    let mut sidecar = Sidecar::new(paths.clone());
    sidecar.save(file.clone()).expect("first save");
    group.bench_function("load/10k", |b| {
        b.iter(|| {
            let mut s = Sidecar::new(paths.clone());
            let loaded = s.load().expect("loads").expect("exists");
            place(&doc, &loaded)
        })
    });
    let mut flip = false;
    group.bench_function("save/10k (lock, re-read, .bak, fsync, rename)", |b| {
        b.iter(|| {
            flip = !flip;
            let mut changed = file.clone();
            changed.reading.position = u64::from(flip);
            sidecar.save(changed).expect("saves")
        })
    });
    group.finish();

    let thousand = sidecar_file(&doc, 1_000);
    let changed = edited(&brief, 300);
    let new_doc = Document::parse(changed.as_bytes(), Format::Plain).expect("parses");
    let mut group = c.benchmark_group("reanchor");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("1k on 1MB after 300 edits", |b| {
        b.iter(|| place(black_box(&new_doc), &thousand))
    });
    group.bench_function("1k on 1MB unchanged", |b| {
        b.iter(|| place(black_box(&doc), &thousand))
    });
    group.finish();
    let placed = place(&new_doc, &thousand);
    eprintln!(
        "placed after 300 edits: [exact, moved, fuzzy, orphaned] = {:?}",
        placed.counts
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
