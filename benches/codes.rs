//! Coding at study scale: a generated library of 1,000 briefs with 50,000 coded segments and
//! 200 codes (20 groups of 10: `group-07/code-073`), each segment carrying 1-3 codes. Times a
//! code renamed across every sidecar (and back), a whole group of ten renamed (nearly every
//! sidecar rewritten), and the codes counted across the library (`gloss codes`).
//!
//! Run with `cargo bench --bench codes -- --warm-up-time 1 --measurement-time 3`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotation::tag::Retag;
use gloss::annotation::tally::Tally;
use gloss::store::library::sidecars::sidecars_in;
use gloss::store::retag::retag;

mod study;

use study::{BRIEFS, Briefs, CODES, generate};

fn rename(from: &str, to: &str) -> Retag {
    Retag::Rename {
        from: from.into(),
        to: to.into(),
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let segments = generate(root, Briefs::Plain);
    let now = jiff::Timestamp::UNIX_EPOCH;
    let one = retag(root, &rename("group-07/code-073", "renamed"), now, false);
    let group = retag(root, &rename("group-07", "renamed"), now, false);
    eprintln!(
        "codes: {BRIEFS} briefs, {segments} segments, {CODES} codes; one code on {} segments in {} briefs, a group on {} in {}",
        one.annotations,
        one.briefs.len(),
        group.annotations,
        group.briefs.len()
    );
    let start = std::time::Instant::now();
    let once = retag(
        root,
        &rename("group-07/code-073", "group-07/code-y"),
        now,
        true,
    );
    retag(
        root,
        &rename("group-07/code-y", "group-07/code-073"),
        now,
        true,
    );
    eprintln!(
        "codes: one code renamed in {} sidecars and back: {:.2} s",
        once.briefs.len(),
        start.elapsed().as_secs_f64()
    );
    let mut g = c.benchmark_group("codes");
    g.sample_size(10);
    let mut flip = false;
    g.bench_function("rename one code across every sidecar", |b| {
        b.iter(|| {
            flip = !flip;
            let (from, to) = if flip {
                ("group-07/code-073", "group-07/code-x")
            } else {
                ("group-07/code-x", "group-07/code-073")
            };
            let done = retag(root, &rename(from, to), now, true);
            assert!(done.skipped.is_empty() && done.annotations == one.annotations);
        });
    });
    let mut flip_group = false;
    g.bench_function("rename a group of ten codes across every sidecar", |b| {
        b.iter(|| {
            flip_group = !flip_group;
            let (from, to) = if flip_group {
                ("group-07", "group-x")
            } else {
                ("group-x", "group-07")
            };
            let done = retag(root, &rename(from, to), now, true);
            assert!(done.skipped.is_empty() && done.annotations == group.annotations);
        });
    });
    // The benches above flip names an unknown number of times (warm-up included): put the
    // library back as it was generated.
    if flip_group {
        retag(root, &rename("group-x", "group-07"), now, true);
    }
    if flip {
        retag(
            root,
            &rename("group-07/code-x", "group-07/code-073"),
            now,
            true,
        );
    }
    // The way a rename went before it looked at bytes first: every sidecar read and parsed,
    // then the ones carrying the code parsed again under their lock and written.
    let mut flip_old = false;
    g.bench_function(
        "rename one code, every sidecar parsed first (before)",
        |b| {
            b.iter(|| {
                flip_old = !flip_old;
                let (from, to) = if flip_old {
                    ("group-07/code-073", "group-07/code-z")
                } else {
                    ("group-07/code-z", "group-07/code-073")
                };
                let parsed = sidecars_in(root);
                assert!(parsed.iter().all(|f| f.file.is_ok()));
                let done = retag(root, &rename(from, to), now, true);
                assert!(done.skipped.is_empty() && done.annotations == one.annotations);
            });
        },
    );
    g.bench_function("count every code across the library", |b| {
        b.iter(|| {
            let mut tally = Tally::default();
            for (i, found) in sidecars_in(root).iter().enumerate() {
                for entry in &found.file.as_ref().expect("a sidecar").annotations {
                    tally.add(i, &entry.tags);
                }
            }
            tally
        });
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
