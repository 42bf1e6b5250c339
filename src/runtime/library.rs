//! The library's workers: watching its folder, scanning it, collecting its notes, searching
//! it and changing its codebook. Each runs on its own thread (spawned by `effects`) and sends
//! what it finds back to the loop as events.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::Wake;
use super::effects::APP;
use crate::app::{Event, Level};

/// Watches `root` and everything under it; a brief or a sidecar another program changes is
/// read again (or reported gone), off the loop's thread.
pub(super) fn watch_library(root: PathBuf, tx: Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let watched = root.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        if event.kind.is_access() {
            return;
        }
        for changed in &event.paths {
            let Some(brief) = crate::store::library::brief_of(&root, changed) else {
                continue;
            };
            let news = if brief.is_file() {
                Event::Scanned(vec![crate::store::library::summary_remembered(
                    &root, &brief,
                )])
            } else {
                Event::Removed(brief)
            };
            let _ = tx.send(Wake::Worker(APP, news));
        }
    })
    .ok()?;
    watcher.watch(&watched, RecursiveMode::Recursive).ok()?;
    Some(watcher)
}

/// Annotations sent to the notes view at a time.
const NOTES_BATCH: usize = 2_000;

/// Hits the search view keeps per brief (with their context): enough to choose where to
/// open a brief (its heading counts them all, and `n`/`N` in the opened brief reach the rest);
/// a word in every brief of 10,000 holds 200,000 lines, not a million.
const KEPT_PER_BRIEF: usize = 20;

/// The hits of `query` in every brief under `root`, sent a few briefs at a time, through the
/// library's index in the data folder.
pub(super) fn search_library(
    root: &std::path::Path,
    query: &str,
    generation: u64,
    tx: &Sender<Wake>,
) {
    use crate::store::search::{Index, Request, search};
    let request = match Request::parse(query) {
        // A screenful and more per brief; the heading counts them all.
        Ok(request) => Request {
            keep: Some(KEPT_PER_BRIEF),
            ..request
        },
        Err(problem) => {
            let _ = tx.send(Wake::Worker(APP, Event::Notice(Level::Warning, problem)));
            return;
        }
    };
    let index = Index::path_for(root);
    let mut batch = Vec::new();
    let mut last = Instant::now();
    let stats = search(root, &request, index.as_deref(), |found| {
        batch.push(found);
        // A screenful soon, then in bigger steps: each batch is one redraw.
        if batch.len() >= 32 || last.elapsed() > Duration::from_millis(50) {
            let sent = std::mem::take(&mut batch);
            let _ = tx.send(Wake::Worker(APP, Event::Searched(generation, sent)));
            last = Instant::now();
        }
    });
    if !batch.is_empty() {
        let _ = tx.send(Wake::Worker(APP, Event::Searched(generation, batch)));
    }
    let _ = tx.send(Wake::Worker(APP, Event::SearchDone(generation, stats)));
}

/// Every annotation under `root`, read on every core; briefs or sidecars that cannot be read
/// are named in a notice.
pub(super) fn notes(root: &std::path::Path, tx: &Sender<Wake>) {
    // Several briefs' rows to an event: one event (and one redraw) per brief would be ten
    // thousand for a big library.
    let mut batch = Vec::new();
    for rows in crate::store::library::notes_in(root) {
        match rows {
            Ok(rows) => batch.extend(rows),
            Err(problem) => {
                let news = Event::Notice(Level::Warning, format!("skipped: {problem}"));
                if tx.send(Wake::Worker(APP, news)).is_err() {
                    return;
                }
            }
        }
        if batch.len() >= NOTES_BATCH
            && tx
                .send(Wake::Worker(APP, Event::Noted(std::mem::take(&mut batch))))
                .is_err()
        {
            return;
        }
    }
    if !batch.is_empty() {
        let _ = tx.send(Wake::Worker(APP, Event::Noted(batch)));
    }
    let _ = tx.send(Wake::Worker(APP, Event::NotesDone));
}

/// Briefs found under `root`, sent in batches as they are read: the folder is walked first
/// (file names only, about as fast as `find`), then every core reads its share of the briefs'
/// first screens and sidecars.
pub(super) fn scan(root: &std::path::Path, tx: &Sender<Wake>) {
    crate::store::library::scan_batches(root, |found| {
        tx.send(Wake::Worker(APP, Event::Scanned(found))).is_ok()
    });
    let _ = tx.send(Wake::Worker(APP, Event::ScanDone));
}

/// Carries out a change to a library's codebook and its sidecars: what it did, or why not
/// (with the sidecars it had to skip).
pub(super) fn change_codes(
    root: &std::path::Path,
    change: &crate::codebook::Change,
) -> Result<String, String> {
    let applied = crate::store::codebook::apply(root, change, jiff::Timestamp::now())?;
    let skipped = applied.retagged.as_ref().map_or(0, |r| r.skipped.len());
    if skipped == 0 {
        return Ok(applied.said);
    }
    let first = applied
        .retagged
        .as_ref()
        .and_then(|r| r.skipped.first())
        .cloned()
        .unwrap_or_default();
    Err(format!(
        "{}; {skipped} sidecars skipped ({first}); {}",
        applied.said, applied.finish
    ))
}
