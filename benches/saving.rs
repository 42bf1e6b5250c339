//! Per-key latency while the sidecar is being saved: the issue's "p99 under 16 ms while 10,000
//! annotations are being saved in a loop, and while another process rewrites the sidecar every
//! 100 ms".
//!
//! A 10 MiB generated brief (`gloss::corpus`, seed 1) and a sidecar of 10,000 of its
//! annotations are written to a temporary directory and opened as the reader opens them (the
//! sidecar loaded through the store, its annotations placed, the brief laid out at 200x50).
//! The bench then plays the runtime: the real `update` gets the wall clock through `Env`;
//! `Save`/`Absorb` go to a real sidecar worker (`runtime::persist::Persist`) on its own thread,
//! watched by the real watcher (`runtime::persist::watch`); `WakeAt` is answered with `Tick`
//! when due; and the worker's answers are fed to `update` before the next key, as the loop
//! takes what is queued.
//!
//! Keys come every 4 ms (about eight times a fast key repeat), at most 5,000 of them or 20 s,
//! in the scroll bench's seeded mix, each after a click on a highlight on the screen (so the
//! cursor is on one). A key is timed from taking the queued answers (and the timer's `Tick`)
//! through its own updates to drawing the whole 200x50 frame into a buffer: what a key pressed
//! at that moment waits for. The runs:
//!
//! - `baseline`: those clicks and keys alone; the annotations never change, nothing is saved;
//! - `saving`: every key also cycles the colour of the clicked highlight (`c`), so the reader
//!   is always dirty and saves every debounce (0.3 s) plus the save's own time;
//! - `rewrites`: the baseline's keys while another process rewrites the sidecar every 100 ms
//!   (under the sidecar's lock it changes one note, writes a temporary file and renames it
//!   over the sidecar), which the reader merges in;
//! - `both`: `saving` and `rewrites` at once.
//!
//! For each it prints the median, 99th percentile and maximum per key, the keys played, the
//! saves and merges that came back, and where the slowest 1 % of keys spent their time.
//!
//! Run with `cargo bench --bench saving` (add `-- saving both` to pick runs).

#![allow(missing_docs)]
#![allow(clippy::expect_used)] // a benchmark: a broken setup should stop it loudly

#[path = "saving/other.rs"]
mod other;
mod per_key;
#[path = "saving/reader.rs"]
mod reader;
#[path = "saving/runtime.rs"]
mod runtime;
#[path = "saving/threads.rs"]
mod threads;

use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use gloss::annotation::Annotations;
use gloss::app::{Event, Reader};
use gloss::corpus;
use gloss::document::{Document, Format};
use gloss::input::Action;
use gloss::runtime::persist::{self, Persist};
use gloss::store::convert::{Extras, to_file};
use gloss::store::format;
use gloss::theme::Theme;
use per_key::{HEIGHT, KEYS, Keys, WIDTH, at, draw, ms};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use reader::{BRIEF, highlight_on_screen};
use runtime::{Counts, Runtime};

const BYTES: usize = 10 << 20;
const ANNOTATIONS: usize = 10_000;
/// One key every this long.
const PACE: Duration = Duration::from_millis(4);
/// A run ends after this long even if keys are left.
const LIMIT: Duration = Duration::from_secs(20);
/// How often the other process rewrites the sidecar.
const REWRITE_EVERY: Duration = Duration::from_millis(100);
/// The name of the sidecar's worker thread.
const WORKER: &str = "gloss-sidecar";

/// One run: whether keys change annotations, whether another process rewrites the sidecar.
struct Run {
    name: &'static str,
    edits: bool,
    rewrites: bool,
}

const RUNS: [Run; 4] = [
    Run {
        name: "baseline",
        edits: false,
        rewrites: false,
    },
    Run {
        name: "saving",
        edits: true,
        rewrites: false,
    },
    Run {
        name: "rewrites",
        edits: false,
        rewrites: true,
    },
    Run {
        name: "both",
        edits: true,
        rewrites: true,
    },
];

/// Where one key's time went.
#[derive(Clone, Copy)]
struct Sample {
    total: Duration,
    /// Taking the worker's answers and the timer's tick.
    answers: Duration,
    /// The key's own updates (the click, `c`, the scroll or jump).
    key: Duration,
    draw: Duration,
    /// Of `total`, the time this thread was ready to run but had no core (Linux only).
    waiting: Duration,
}

/// The reader and the bench's runtime, in one place for [`Player::key`].
struct Player {
    state: Reader,
    runtime: Runtime,
    answers: Receiver<Event>,
    counts: Counts,
    buf: Buffer,
}

impl Player {
    /// Takes what is queued, then applies `events`, then draws; where the time went.
    fn key(&mut self, events: Vec<Event>, theme: &Theme) -> Sample {
        let (_, waited) = threads::schedstat(threads::THIS);
        let t0 = Instant::now();
        let queued: Vec<Event> = self.answers.try_iter().collect();
        for event in queued.into_iter().chain(self.runtime.due()) {
            self.runtime.feed(&mut self.state, event, &mut self.counts);
        }
        let t1 = Instant::now();
        for event in events {
            self.runtime.feed(&mut self.state, event, &mut self.counts);
        }
        let t2 = Instant::now();
        draw(&self.state, theme, &mut self.buf);
        let t3 = Instant::now();
        let (_, waited_now) = threads::schedstat(threads::THIS);
        Sample {
            total: t3 - t0,
            answers: t1 - t0,
            key: t2 - t1,
            draw: t3 - t2,
            waiting: waited_now.saturating_sub(waited),
        }
    }

    /// Waits (up to 10 s) for the save or merge still out, uncounted.
    fn finish(&mut self) {
        let until = Instant::now() + Duration::from_secs(10);
        let mut uncounted = Counts::default();
        while self.state.saving.is_busy() && Instant::now() < until {
            if let Ok(answer) = self.answers.recv_timeout(Duration::from_millis(50)) {
                self.runtime.feed(&mut self.state, answer, &mut uncounted);
            }
        }
    }
}

struct Report {
    samples: Vec<Sample>,
    counts: Counts,
    /// Keys whose `c` changed an annotation.
    edits: usize,
    rewrites: usize,
    /// Checks the watcher asked of the worker.
    checks: usize,
    /// Seconds the worker spent on a core while the keys were played.
    worker_busy: f64,
    other_effects: usize,
    seconds: f64,
}

fn play(run: &Run, text: &str, sidecar: &str, theme: &Theme) -> Report {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (state, persist) = reader::open(dir.path(), text, sidecar);
    let paths = persist.paths().clone();
    let (jobs, pending) = persist::jobs();
    let (tx, answers) = mpsc::channel();
    let old_workers = threads::named(WORKER);
    Persist::spawn(persist, pending, tx, std::convert::identity)
        .expect("the sidecar's worker starts");
    let worker = threads::new_named(WORKER, &old_workers);
    let busy = || {
        worker
            .as_deref()
            .map_or(Duration::ZERO, |w| threads::schedstat(w).0)
    };
    let (checks_tx, checks, relay) = threads::counted(jobs.clone());
    let watcher = persist::watch(paths.data.clone(), checks_tx.clone());
    if watcher.is_none() {
        eprintln!("no file watcher here: the other process sends Job::Check itself");
    }
    let stop = Arc::new(AtomicBool::new(false));
    let writer = run.rewrites.then(|| {
        let check = watcher.is_none().then(|| checks_tx.clone());
        other::spawn(paths.clone(), REWRITE_EVERY, Arc::clone(&stop), check)
    });
    drop(checks_tx);
    let mut player = Player {
        state,
        runtime: Runtime::new(jobs),
        answers,
        counts: Counts::default(),
        buf: Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT)),
    };
    draw(&player.state, theme, &mut player.buf);
    let mut keys = Keys::seeded();
    let mut samples = Vec::with_capacity(KEYS);
    let mut edits = 0;
    let busy_before = busy();
    let start = Instant::now();
    for i in 0..KEYS {
        let due = start + PACE * u32::try_from(i).expect("few keys");
        thread::sleep(due.saturating_duration_since(Instant::now()));
        if start.elapsed() > LIMIT {
            break;
        }
        let mut events = Vec::new();
        if let Some((x, y)) = highlight_on_screen(&player.state, i) {
            events.push(Event::MouseDown { x, y, clicks: 1 });
            events.push(Event::MouseUp);
            if run.edits {
                events.push(Event::Action(Action::CycleColor));
            }
        }
        events.extend(keys.key());
        let revision = player.state.history.revision();
        samples.push(player.key(events, theme));
        edits += usize::from(player.state.history.revision() != revision);
    }
    let seconds = start.elapsed().as_secs_f64();
    let worker_busy = busy().saturating_sub(busy_before).as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let rewrites = writer.map_or(0, |w| w.join().expect("the other process ends"));
    // What is out comes back before the directory goes.
    player.finish();
    drop(watcher);
    relay.join().expect("the relay ends with the watcher");
    Report {
        samples,
        counts: player.counts,
        edits,
        rewrites,
        checks: checks.load(Ordering::Relaxed),
        worker_busy,
        other_effects: player.runtime.other,
        seconds,
    }
}

/// The mean of `part` over `samples`.
fn mean(samples: &[Sample], part: fn(&Sample) -> Duration) -> Duration {
    let n = u32::try_from(samples.len().max(1)).unwrap_or(u32::MAX);
    samples.iter().map(part).sum::<Duration>() / n
}

/// Median times of cloning `set` and of dropping a clone, on one thread with nothing else
/// running.
fn clone_and_drop(set: &Annotations) -> (Duration, Duration) {
    let (mut clones, mut drops) = (Vec::new(), Vec::new());
    for _ in 0..21 {
        let start = Instant::now();
        let copy = set.clone();
        clones.push(start.elapsed());
        let start = Instant::now();
        drop(copy);
        drops.push(start.elapsed());
    }
    clones.sort_unstable();
    drops.sort_unstable();
    (at(&clones, 0.5), at(&drops, 0.5))
}

/// The table's row for one run, and the lines saying where its slowest keys went.
fn report(name: &str, r: Report) -> (String, String) {
    let Report {
        mut samples,
        counts: c,
        ..
    } = r;
    samples.sort_unstable_by_key(|s| s.total);
    let times: Vec<Duration> = samples.iter().map(|s| s.total).collect();
    let row = format!(
        "{:<9} {:>7.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6} {:>8} {:>8} {:>6}/{:<4}",
        name,
        ms(at(&times, 0.5)),
        ms(at(&times, 0.99)),
        ms(at(&times, 1.0)),
        samples.len(),
        r.edits,
        c.saves,
        r.rewrites,
        c.changed,
        c.merges,
        c.taken_in
    );
    let tail = &samples[samples.len() * 99 / 100..];
    let mut why = format!(
        "{name}: slowest 1 % (mean ms): answers+tick {:.3}, key {:.3}, frame {:.3}; of that, \
         waiting for a core {:.3}\n  longest update: taking a snapshot {:.3} ({} taken), \
         a save's answer {:.3}, a merge's {:.3}\n  watcher checks {}; the worker ran {:.1} s \
         of {:.1} s",
        ms(mean(tail, |s| s.answers)),
        ms(mean(tail, |s| s.key)),
        ms(mean(tail, |s| s.draw)),
        ms(mean(tail, |s| s.waiting)),
        ms(c.snapshot_max),
        c.snapshots,
        ms(c.saved_max),
        ms(c.merged_max),
        r.checks,
        r.worker_busy,
        r.seconds,
    );
    if c.failed > 0 {
        why.push_str(&format!("; {} saves or merges FAILED", c.failed));
    }
    if r.other_effects > 0 {
        why.push_str(&format!("; {} unexpected effects", r.other_effects));
    }
    (row, why)
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let text = corpus::brief(BYTES, 1);
    let doc = Document::parse(text.as_bytes(), Format::Plain).expect("a generated brief parses");
    let annotations = corpus::annotations(&doc, ANNOTATIONS, 1);
    let file = to_file(
        &doc,
        BRIEF,
        &annotations,
        gloss::document::Chars(0),
        &Extras::default(),
    );
    let sidecar = format::write(&file).expect("the sidecar serialises");
    let (clone, dropped) = clone_and_drop(&annotations);
    drop((doc, annotations, file));
    let theme = Theme::default();
    println!(
        "per key: queued answers + update + 200x50 frame (ms); 10 MiB brief, {ANNOTATIONS} \
         annotations ({} KiB sidecar); a key every {} ms, at most {KEYS} keys or {} s",
        sidecar.len() / 1024,
        PACE.as_millis(),
        LIMIT.as_secs()
    );
    if let Ok(load) = fs::read_to_string("/proc/loadavg") {
        println!("load average before: {}", load.trim());
    }
    println!(
        "{:<9} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6} {:>8} {:>8} {:>11}",
        "run", "median", "p99", "max", "keys", "edits", "saves", "rewrites", "changed", "merged/in"
    );
    let mut whys = Vec::new();
    for run in &RUNS {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == run.name) {
            continue;
        }
        let (row, why) = report(run.name, play(run, &text, &sidecar, &theme));
        println!("{row}");
        whys.push(why);
    }
    for why in whys {
        println!("{why}");
    }
    println!(
        "alone: cloning the {ANNOTATIONS} annotations (a snapshot) {:.3} ms, dropping them \
         (taking in a merge) {:.3} ms (medians of 21)",
        ms(clone),
        ms(dropped)
    );
}
