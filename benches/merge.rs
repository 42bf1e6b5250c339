//! The git merge driver on sidecars of 10,000 annotations per side: the merge itself (parse
//! three versions, merge, write) and the whole `gloss merge-driver` command, against
//! `git merge-file` on the same three files as a baseline.
//!
//! Run with `cargo bench --bench merge -- --warm-up-time 1 --measurement-time 3`;
//! `benches/merge_driver.sh` times the whole command on the same files.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::path::Path;
use std::process::Command;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gloss::corpus;
use gloss::document::{Chars, Document, Format};
use gloss::store::convert::{Extras, to_file};
use gloss::store::format::{self, SidecarFile};
use gloss::store::merge::files::{merge_bytes, merge_plain};

const ANNOTATIONS: usize = 10_000;

fn sidecar(doc: &Document, count: usize, seed: u64) -> SidecarFile {
    let annotations = corpus::annotations(doc, count, seed);
    to_file(doc, "bench.txt", &annotations, Chars(0), &Extras::default())
}

/// Two branches from `base`: each edits notes or tags of a few hundred annotations, deletes
/// 300 others and adds 500 of its own, so each side still holds about 10,000.
fn sides(doc: &Document, base: &SidecarFile) -> (SidecarFile, SidecarFile) {
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for (i, e) in ours
        .annotations
        .iter_mut()
        .enumerate()
        .filter(|(i, _)| i % 10 == 0)
    {
        e.note = format!("edited on this branch ({i})");
    }
    for e in theirs.annotations.iter_mut().step_by(7) {
        e.tags.push("reviewed".into());
    }
    ours.annotations.drain(100..400);
    theirs.annotations.drain(5_000..5_300);
    ours.annotations.extend(sidecar(doc, 500, 2).annotations);
    theirs.annotations.extend(sidecar(doc, 500, 3).annotations);
    for side in [&mut ours, &mut theirs] {
        side.annotations.sort_by_key(|e| (e.start, e.end, e.id));
    }
    (ours, theirs)
}

fn bench(c: &mut Criterion) {
    let brief = corpus::brief(4 << 20, 1);
    let doc = Document::parse(brief.as_bytes(), Format::Plain).expect("parses");
    let base = sidecar(&doc, ANNOTATIONS, 1);
    let (ours, theirs) = sides(&doc, &base);
    let [b, o, t] = [&base, &ours, &theirs].map(|f| format::write(f).expect("writes"));
    eprintln!(
        "sides: {} / {} / {} annotations, {} / {} / {} bytes",
        base.annotations.len(),
        ours.annotations.len(),
        theirs.annotations.len(),
        b.len(),
        o.len(),
        t.len()
    );
    // For timing the whole command outside criterion (benches/merge_driver.sh): write the
    // three versions and stop.
    if let Some(out) = std::env::var_os("GLOSS_MERGE_FILES") {
        let out = std::path::PathBuf::from(out);
        std::fs::create_dir_all(&out).expect("creates");
        for (name, text) in [("base.toml", &b), ("ours.toml", &o), ("theirs.toml", &t)] {
            std::fs::write(out.join(name), text).expect("writes");
        }
        return;
    }
    let merged = merge_bytes(b.as_bytes(), o.as_bytes(), t.as_bytes()).expect("merges");
    eprintln!(
        "merged: {} annotations, {} conflicts",
        merged.annotations, merged.conflicts
    );

    let mut group = c.benchmark_group("merge-driver");
    group.sample_size(10);
    group.bench_function("parse one side (10k)", |bench| {
        bench.iter(|| format::parse(black_box(&o)).expect("parses"))
    });
    group.bench_function("merge three versions (10k per side)", |bench| {
        bench.iter(|| merge_bytes(b.as_bytes(), o.as_bytes(), black_box(t.as_bytes())))
    });
    group.bench_function(
        "merge three versions the plain way (10k per side)",
        |bench| bench.iter(|| merge_plain(b.as_bytes(), o.as_bytes(), black_box(t.as_bytes()))),
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name);
    for (name, text) in [("base.toml", &b), ("ours.toml", &o), ("theirs.toml", &t)] {
        std::fs::write(path(name), text).expect("writes");
    }
    let fresh = |target: &Path| {
        std::fs::copy(path("ours.toml"), target).expect("copies");
    };
    group.bench_function("the whole command: gloss merge-driver", |bench| {
        bench.iter_batched(
            || fresh(&path("a.toml")),
            |()| {
                let status = Command::new(env!("CARGO_BIN_EXE_gloss"))
                    .arg("merge-driver")
                    .args([path("base.toml"), path("a.toml"), path("theirs.toml")])
                    .status()
                    .expect("runs");
                assert_eq!(status.code(), Some(0));
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("baseline: git merge-file (text)", |bench| {
        bench.iter_batched(
            || fresh(&path("a.toml")),
            |()| {
                Command::new("git")
                    .arg("merge-file")
                    .args([path("a.toml"), path("base.toml"), path("theirs.toml")])
                    .status()
                    .expect("runs")
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
