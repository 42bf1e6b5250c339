//! Sidecar and re-anchoring costs: load and save of 10,000 annotations, and placing 1,000
//! annotations on a 1 MB brief after a few hundred scattered edits.
//!
//! Run with `cargo bench --bench store`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotation::{Anchor, Annotation, Annotations, Color};
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::store::convert::{Extras, to_file};
use gloss::store::format::{self, SidecarFile};
use gloss::store::place::place;
use gloss::store::{Sidecar, SidecarPaths};

/// `count` annotations spread evenly over `doc`, each on a word of 4-40 characters, with a
/// note on every third.
fn annotations(doc: &Document, count: usize) -> Annotations {
    let text = doc.text();
    let step = text.len() / count;
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let mut start = i * step;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let start = text[start..].find(' ').map_or(start, |j| start + j + 1);
        let mut end = (start + 4 + i % 36).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let id = uuid::Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0000 + i as u128);
        let mut a = Annotation::new(
            id,
            jiff::Timestamp::UNIX_EPOCH,
            Color::Yellow,
            Anchor::new(doc, start..end),
        );
        a.tags = vec!["bench".into()];
        if i % 3 == 0 {
            a.note = format!("Note {i}\nwith a second line.");
        }
        items.push(a);
    }
    Annotations::from_vec(items, String::new())
}

fn sidecar_file(doc: &Document, count: usize) -> SidecarFile {
    to_file(
        doc,
        "bench.txt",
        &annotations(doc, count),
        gloss::document::Chars(0),
        &Extras::default(),
    )
}

/// `text` with `edits` scattered changes: words inserted, deleted and replaced.
fn edited(text: &str, edits: usize) -> String {
    let mut out = String::with_capacity(text.len() + edits * 8);
    let step = text.len() / edits;
    let mut last = 0;
    for i in 0..edits {
        let mut at = (i * step + step / 2).min(text.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let Some(space) = text[at..].find(' ') else {
            break;
        };
        let at = at + space;
        if at < last {
            continue;
        }
        out.push_str(&text[last..at]);
        match i % 3 {
            0 => {
                out.push_str(" newly");
                last = at;
            }
            1 => {
                let next = text[at + 1..].find(' ').map_or(text.len(), |j| at + 1 + j);
                last = next;
            }
            _ => {
                out.push_str(" amended");
                let next = text[at + 1..].find(' ').map_or(text.len(), |j| at + 1 + j);
                last = next;
            }
        }
    }
    out.push_str(&text[last..]);
    out
}

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
