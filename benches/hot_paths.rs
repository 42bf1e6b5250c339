//! Hot paths that `render` and `store` do not time on their own, on generated briefs
//! (`gloss::corpus`):
//!
//! - `search`: a word that occurs once, near the end (or, backwards, near the start) of a
//!   10 MiB brief, found from the other end, compiling the query included (what `/` + Enter
//!   costs when the match is far away);
//! - `highlights`: the highlight lookup for one screenful (49 rows at 80 columns) of a 10 MiB
//!   brief with 10,000 annotations, as the reader draws it, and the lookup at the cursor;
//!   also with one extra highlight over 1 MiB, which widens every overlap query;
//! - `index`: what reading a 10 MiB brief in pieces costs in all (cutting at line ends, parsing
//!   each 64 KiB piece, measuring its paragraphs, appending it to the document and the layout),
//!   the work the reader thread and the loop share while the first screen is already up;
//! - `wrap`: every row of one 5 MB paragraph (the `next_row` loop of layout measuring), ASCII
//!   and with non-ASCII words.
//!
//! Run with `cargo bench --bench hot_paths`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::ops::Range;

mod common;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use gloss::annotation::{Anchor, Annotation, Annotations, Color};
use gloss::app::Search;
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::layout::wrap::next_row;
use gloss::layout::{Layout, Measured};

const LARGE: usize = 10 * 1024 * 1024;
const LONG_PARAGRAPH: usize = 5_000_000;
/// The default text column (`--width 80`) and the text rows of a 50-row terminal.
const COLUMNS: usize = 80;
const ROWS: usize = 49;

const NO_HIDDEN: &dyn Fn(usize) -> Option<usize> = &|_| None;

fn parse(text: &str) -> Document {
    Document::parse(text.as_bytes(), Format::Plain).expect("a generated brief parses")
}

/// `text` with `paragraph` inserted as the line before its last (`last`) or after its title.
fn with_paragraph(text: &str, paragraph: &str, last: bool) -> String {
    let body = text.trim_end_matches('\n');
    let at = if last {
        body.rfind('\n').expect("more than one line") + 1
    } else {
        body.find('\n').expect("more than one line") + 1
    };
    format!("{}{paragraph}\n{}", &text[..at], &text[at..])
}

fn search(c: &mut Criterion) {
    let text = corpus::brief(LARGE, 4);
    let text = with_paragraph(
        &text,
        "Officials named Quillfeather as the new envoy on Friday.",
        true,
    );
    let text = with_paragraph(
        &text,
        "The Brightwater plant was sold earlier this month.",
        false,
    );
    let doc = parse(&text);
    let len = doc.text().len();
    for (query, near_end) in [("quillfeather", true), ("brightwater", false)] {
        let found: Vec<_> = Search::new(query)
            .expect("a query")
            .matches_in(doc.text(), 0..len)
            .collect();
        assert_eq!(found.len(), 1, "{query} occurs once");
        assert_eq!(found[0].start > len / 100 * 99, near_end, "{query}");
    }

    let mut group = c.benchmark_group("search-10MiB");
    group.bench_function("forward/ignore-case/word-near-the-end", |b| {
        b.iter(|| {
            let s = Search::new(black_box("quillfeather")).expect("a query");
            s.forward(&doc, NO_HIDDEN, 0).expect("found")
        })
    });
    group.bench_function("forward/match-case/word-near-the-end", |b| {
        b.iter(|| {
            let s = Search::new(black_box("Quillfeather")).expect("a query");
            s.forward(&doc, NO_HIDDEN, 0).expect("found")
        })
    });
    group.bench_function("backward/ignore-case/word-near-the-start", |b| {
        b.iter(|| {
            let s = Search::new(black_box("brightwater")).expect("a query");
            s.backward(&doc, NO_HIDDEN, len).expect("found")
        })
    });
    group.finish();
}

/// Byte range of the `ROWS` rows at `COLUMNS` that start with block `first`.
fn screenful(doc: &Document, first: usize) -> Range<usize> {
    let blocks = doc.blocks();
    let start = blocks[first].range().start;
    let mut end = start;
    let mut rows = 0;
    for (b, block) in blocks.iter().enumerate().skip(first) {
        let text = doc.block_text(b);
        let mut at = 0;
        while let Some((row, next)) = next_row(text, at, COLUMNS, block.is_ascii()) {
            end = block.range().start + row.end;
            rows += 1;
            if rows == ROWS {
                return start..end;
            }
            at = next;
        }
    }
    start..end
}

/// What the reader does for a frame: the highlights overlapping the rows on screen, with
/// their byte ranges and colours.
fn visible(doc: &Document, set: &Annotations, screen: Range<usize>) -> Vec<(Range<usize>, Color)> {
    let chars = doc.char_offset(screen.start)..doc.char_offset(screen.end) + 1;
    set.overlapping(chars)
        .map(|a| (a.anchor.bytes(doc), a.color))
        .collect()
}

fn highlights(c: &mut Criterion) {
    let doc = parse(&corpus::brief(LARGE, 3));
    let set = corpus::annotations(&doc, 10_000, 3);
    let mut wide = set.clone();
    let from = doc.text().len() / 3;
    wide.insert(Annotation::new(
        uuid::Uuid::from_u128(1),
        jiff::Timestamp::UNIX_EPOCH,
        Color::Red,
        Anchor::new(&doc, from..from + (1 << 20)),
    ));
    let last = doc.blocks().len() - 1;
    let places = [
        ("middle", doc.block_at(doc.text().len() / 2)),
        // Far enough from the end for a full screen.
        ("end", last.saturating_sub(ROWS / 4)),
    ];

    let mut group = c.benchmark_group("highlights-10MiB-10k");
    for (place, block) in places {
        let screen = screenful(&doc, block);
        let shown = visible(&doc, &set, screen.clone());
        assert!(!shown.is_empty(), "{place}: no highlight on screen");
        group.bench_function(format!("screen/{place}"), |b| {
            b.iter(|| visible(&doc, &set, black_box(screen.clone())))
        });
        let with_wide = visible(&doc, &wide, screen.clone());
        assert_eq!(
            with_wide.len(),
            shown.len(),
            "{place}: the wide one is elsewhere"
        );
        group.bench_function(format!("screen/{place}/one-1MiB-highlight"), |b| {
            b.iter(|| visible(&doc, &wide, black_box(screen.clone())))
        });
    }
    let cursor = set.iter().nth(5_000).expect("10k annotations").anchor.start + 1;
    assert!(!set.at(cursor).is_empty());
    group.bench_function("at-cursor", |b| b.iter(|| set.at(black_box(cursor)).len()));
    group.finish();
}

/// The longest block of `doc`: the long paragraph.
fn longest(doc: &Document) -> usize {
    (0..doc.blocks().len())
        .max_by_key(|&b| doc.block_text(b).len())
        .expect("blocks")
}

/// Rows of block `b` at `COLUMNS`, as layout measuring counts them.
fn count_rows(doc: &Document, b: usize) -> usize {
    let text = doc.block_text(b);
    let ascii = doc.blocks()[b].is_ascii();
    let (mut at, mut rows) = (0, 0);
    while let Some((_, next)) = next_row(text, at, COLUMNS, ascii) {
        rows += 1;
        at = next;
    }
    rows
}

fn wrap(c: &mut Criterion) {
    let ascii = parse(&corpus::brief_with_long_paragraph(LONG_PARAGRAPH, 1));
    // The paragraphs of a brief with non-ASCII words, joined into one line.
    let mixed = corpus::with_unicode(LONG_PARAGRAPH, 1);
    let (title, body) = mixed.split_once('\n').expect("a title");
    let unicode = parse(&format!(
        "{title}\n{}\n",
        body.trim_end().replace('\n', " ")
    ));

    let mut group = c.benchmark_group("wrap-5MB-paragraph");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for (name, doc) in [("ascii", &ascii), ("unicode", &unicode)] {
        let b = longest(doc);
        assert!(doc.block_text(b).len() >= LONG_PARAGRAPH);
        assert_eq!(doc.blocks()[b].is_ascii(), name == "ascii");
        assert!(count_rows(doc, b) > LONG_PARAGRAPH / COLUMNS);
        group.bench_function(name, |bench| bench.iter(|| count_rows(black_box(doc), b)));
    }
    group.finish();
}

/// Reads `text` as the reader does a huge brief: a first piece, then pieces of about
/// `piece` bytes cut after a newline, each parsed, measured and appended.
fn index_in_pieces(text: &[u8], first: usize, piece: usize) -> (Document, Layout) {
    let cut = |from: usize, want: usize| {
        let end = (from + want).min(text.len());
        text[end..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| end + i + 1)
    };
    let head = cut(0, first);
    let mut doc = Document::parse_start(&text[..head], Format::Plain).expect("plain text");
    doc.reserve(text.len() - head);
    let mut layout = Layout::new(&doc, COLUMNS, false);
    let mut at = head;
    while at < text.len() {
        let end = cut(at, piece);
        let part = Document::parse_continuation(&text[at..end], at).expect("plain text");
        let measured = Measured::of(&part, COLUMNS);
        doc.append(part);
        layout.extend(&doc, Some(measured));
        at = end;
    }
    doc.find_repeats();
    (doc, layout)
}

fn index(c: &mut Criterion) {
    let text = corpus::brief(LARGE, 1);
    let whole = parse(&text);
    let (doc, layout) = index_in_pieces(
        text.as_bytes(),
        gloss::store::FIRST_PIECE,
        gloss::store::PIECE,
    );
    assert_eq!(doc.text(), whole.text(), "pieces make the same document");
    assert_eq!(
        layout.total_rows(),
        Layout::new(&whole, COLUMNS, false).total_rows()
    );
    let mut group = c.benchmark_group("index-10MiB");
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("in-pieces", |bench| {
        bench.iter_with_large_drop(|| {
            index_in_pieces(
                black_box(text.as_bytes()),
                gloss::store::FIRST_PIECE,
                gloss::store::PIECE,
            )
        })
    });
    group.bench_function("first-piece-only", |bench| {
        bench.iter_with_large_drop(|| {
            let head = &text.as_bytes()[..gloss::store::FIRST_PIECE];
            let doc = Document::parse_start(black_box(head), Format::Plain).expect("plain text");
            let layout = Layout::new(&doc, COLUMNS, false);
            (doc, layout)
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = search, highlights, index, wrap
}
criterion_main!(benches);
