//! The library at research scale: a generated folder of briefs (2-20 KB each, 0-30
//! annotations, in 100 subfolders), scanned as `gloss DIR` scans it and collected as
//! `gloss notes` collects it. Prints the time to the first batch of rows (what the first screen
//! waits for), to the whole scan, and to every annotation read and placed; and, for scale, how
//! long `find` and `ls -R` take to list the same folder; then `gloss search` (the release
//! binary: briefs' text, quotes, notes and tags) against `rg` and `grep -r` on the same folder
//! for a word that is rare and one that is everywhere.
//!
//! Run with `cargo bench --bench library` (add `-- N` for another number of briefs than
//! 10,000). The folder is made in a temporary directory and removed afterwards; with
//! `-- --into DIR` it is made in DIR and kept, to time other commands on it by hand, and
//! `-- --in DIR` times a library made so before instead of making one.

#![allow(missing_docs)]
#![allow(clippy::expect_used)] // a benchmark: a broken setup should stop it loudly

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use gloss::corpus;
use gloss::document::{Chars, Document, Format};
use gloss::store::convert::{Extras, to_file};
use gloss::store::{format, library};

/// Rows the library's first screen shows: the scan's first batch.
const FIRST_BATCH: usize = library::BATCH;

fn generate(root: &Path, n: usize) -> usize {
    let mut annotations = 0;
    for i in 0..n {
        let seed = i as u64 + 1;
        let dir = root.join(format!("folder-{:03}", i % 100));
        std::fs::create_dir_all(&dir).expect("a folder");
        let bytes = 2_000 + (seed as usize * 7_919) % 18_000;
        let text = corpus::brief(bytes, seed);
        let path = dir.join(format!("brief-{i:05}.txt"));
        std::fs::write(&path, &text).expect("a brief");
        let count = (seed as usize * 7) % 31;
        if count > 0 {
            let doc = Document::parse(text.as_bytes(), Format::Plain).expect("a generated brief");
            let set = corpus::annotations(&doc, count, seed);
            annotations += set.len();
            let file = to_file(&doc, "brief.txt", &set, Chars(0), &Extras::default());
            let sidecar = dir.join(format!("brief-{i:05}.txt.gloss.toml"));
            std::fs::write(sidecar, format::write(&file).expect("a sidecar")).expect("written");
        }
    }
    annotations
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time_command(program: &str, args: &[&str]) -> Option<Duration> {
    let start = Instant::now();
    let out = Command::new(program).args(args).output().ok()?;
    // grep and rg say "no match" with status 1: that is a result too.
    matches!(out.status.code(), Some(0 | 1)).then(|| start.elapsed())
}

fn main() {
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(10_000);
    let args: Vec<String> = std::env::args().collect();
    let into = args
        .iter()
        .position(|a| a == "--into")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    // `--in DIR`: time a library made before (by `--into DIR`) instead of making one.
    let given = args
        .iter()
        .position(|a| a == "--in")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = given.as_deref().or(into.as_deref()).unwrap_or(dir.path());
    if given.is_none() {
        std::fs::create_dir_all(root).expect("the folder to make the library in");
        let made = Instant::now();
        let annotations = generate(root, n);
        eprintln!(
            "library: {n} briefs, {annotations} annotations, generated in {:.1} s",
            made.elapsed().as_secs_f64()
        );
    }
    // Each figure twice: the first pass reads from the page cache as the second does (the
    // files were just written), so the second is the steady state.
    // `--keys`: only the notes view's keys.
    let passes = if args.iter().any(|a| a == "--keys") {
        0
    } else {
        2
    };
    for pass in 1..=passes {
        let start = Instant::now();
        // The first screen's rows: names as soon as the walk finds them, then the first
        // batch that the scan has read.
        let first = std::sync::Mutex::new(None);
        let first_read = std::sync::Mutex::new(None);
        let count = std::sync::atomic::AtomicUsize::new(0);
        library::scan_batches(root, |batch| {
            let slot = if batch.iter().all(|s| s.pending) {
                &first
            } else {
                count.fetch_add(batch.len(), std::sync::atomic::Ordering::Relaxed);
                &first_read
            };
            slot.lock()
                .expect("unpoisoned")
                .get_or_insert(start.elapsed());
            true
        });
        let scan = start.elapsed();
        let first = first.into_inner().expect("unpoisoned");
        let first_read = first_read.into_inner().expect("unpoisoned");
        let count = count.into_inner();
        let start = Instant::now();
        let placed: usize = library::notes_in(root)
            .iter()
            .map(|rows| rows.as_ref().map_or(0, Vec::len))
            .sum();
        let notes = start.elapsed();
        let root_str = root.to_str().expect("a UTF-8 temporary path");
        let find = time_command("find", &[root_str, "-type", "f"]);
        let ls = time_command("ls", &["-R", root_str]);
        println!(
            "pass {pass}: first {FIRST_BATCH} rows, names / read {:.1} / {:.1} ms · whole scan {:.0} ms ({count} briefs) · every annotation read and placed {:.0} ms ({placed}) · find {:.1} ms · ls -R {:.1} ms",
            ms(first.unwrap_or(scan)),
            ms(first_read.unwrap_or(scan)),
            ms(scan),
            ms(notes),
            find.map_or(f64::NAN, ms),
            ls.map_or(f64::NAN, ms),
        );
        let gloss = env!("CARGO_BIN_EXE_gloss");
        // The index lives in a data folder of this run: the first pass builds it.
        let data = root.join(".gloss-data");
        let data = data.to_str().expect("a UTF-8 path");
        for word in ["Rotterdam", "the"] {
            // A word the generated briefs never use, and one they use everywhere.
            let search = ["search", root_str, word, "--json"];
            let plain = time_command(gloss, &[&search[..], &["--no-index"]].concat());
            let indexed = time_command_in(gloss, &search, data);
            let rg = time_command("rg", &["-c", word, root_str]);
            let grep = time_command("grep", &["-rc", word, root_str]);
            println!(
                "pass {pass}: search {word:?}: gloss search without / with the index {:.0} / {:.0} ms · rg {:.0} ms · grep -r {:.0} ms",
                plain.map_or(f64::NAN, ms),
                indexed.map_or(f64::NAN, ms),
                rg.map_or(f64::NAN, ms),
                grep.map_or(f64::NAN, ms),
            );
        }
    }
    notes_view_keys(root);
}

fn time_command_in(program: &str, args: &[&str], data: &str) -> Option<Duration> {
    let start = Instant::now();
    let out = Command::new(program)
        .args(args)
        .env("GLOSS_DATA_DIR", data)
        .output()
        .ok()?;
    matches!(out.status.code(), Some(0 | 1)).then(|| start.elapsed())
}

/// The notes view holding every annotation of the library, at 200x50: the time from a key
/// to its frame drawn (the update and the whole screen into a buffer), over a mix of
/// scrolling, jumps to the ends, regrouping and typing a filter.
fn notes_view_keys(root: &Path) {
    use gloss::app::notes::{Notes, update};
    use gloss::app::{Env, Event};
    use gloss::input::{Action, Keymap};
    use gloss::theme::Theme;
    use gloss::ui::NotesView;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    let keymap = Keymap::default_keymap().expect("the default keymap");
    let mut notes = Notes::new(root.to_path_buf(), &keymap);
    let env = Env::fixed(1);
    update(&mut notes, Event::Resize(200, 50), &env);
    for rows in library::notes_in(root).into_iter().flatten() {
        update(&mut notes, Event::Noted(rows), &env);
    }
    update(&mut notes, Event::NotesDone, &env);
    let theme = Theme::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 50));
    let mut keys: Vec<Vec<Event>> = Vec::new();
    for i in 0..2_000 {
        let a = |a| vec![Event::Action(a)];
        keys.push(match i % 40 {
            0 => a(Action::Bottom),
            1 => a(Action::Top),
            2 => a(Action::ToggleGrouping),
            3..=9 => a(Action::PageDown),
            10..=14 => a(Action::PageUp),
            15 => a(Action::Search),
            16 => vec![Event::Char('#')],
            17 => vec![Event::Char('p')],
            18 => vec![Event::Char('o')],
            19 => a(Action::PromptCancel),
            _ => a(if i % 3 == 0 {
                Action::ScrollUp
            } else {
                Action::ScrollDown
            }),
        });
    }
    let mut times = Vec::with_capacity(keys.len());
    // Every time of each kind of key, to say which keys cost.
    let mut by_kind: std::collections::BTreeMap<String, Vec<Duration>> = Default::default();
    for events in keys {
        let kind = format!("{:?}", events[0]);
        let start = Instant::now();
        for event in events {
            update(&mut notes, event, &env);
        }
        buf.reset();
        NotesView {
            notes: &notes,
            theme: &theme,
        }
        .render(buf.area, &mut buf);
        let took = start.elapsed();
        times.push(took);
        by_kind.entry(kind).or_default().push(took);
    }
    times.sort();
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q) as usize]);
    println!(
        "notes view, {} annotations, key to frame at 200x50: median {:.2} ms · p99 {:.2} ms · worst {:.2} ms",
        notes.rows.len(),
        at(0.5),
        at(0.99),
        at(1.0),
    );
    let kinds: Vec<String> = by_kind
        .iter_mut()
        .map(|(kind, t)| {
            t.sort();
            let last = t.len() - 1;
            format!("{kind} {:.1}/{:.1}", ms(t[last / 2]), ms(t[last]))
        })
        .collect();
    println!(
        "notes view, each kind of key, median/slowest (ms): {}",
        kinds.join(" · ")
    );
}
