//! Carrying out what `update` asks: each effect runs here at once when it cannot block, or on
//! a worker whose answer comes back to the loop as an event.
//!
//! The reader on top has its own background work (the thread reading its file, its sidecar's
//! worker and watcher). Its answers carry its generation, so that once the reader is left (or
//! another is opened) nothing it still had in flight reaches another view.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use super::open::{Opened, Opener};
use super::persist::{self, Job, Persist};
use super::{Wake, library, loader, worker};
use crate::app::{Effect, Event, Exit, Level, Piece, Search, TAIL_BYTES, Work};
use crate::document::Document;
use crate::layout::Measured;
use crate::store::BriefFile;

/// The generation of work that belongs to no reader (the library's scan, the config).
pub const APP: u64 = 0;

/// The background work of one reader.
struct ReaderIo {
    generation: u64,
    /// The brief's file while it is still being read.
    brief: Option<PathBuf>,
    jobs: Sender<Job>,
    /// What starts once the first frame is out: the worker's end of `jobs`, the sidecar's
    /// worker, the rest of the file.
    pending: Option<(Receiver<Job>, Persist, Option<BriefFile>)>,
    shared: loader::Shared,
    _watcher: Option<notify::RecommendedWatcher>,
}

impl Drop for ReaderIo {
    fn drop(&mut self) {
        // The reading thread stops; the sidecar's worker ends once `jobs` is gone.
        self.shared.cancel.store(true, Ordering::Release);
    }
}

/// The runtime's side of the effect channel: the workers' channels and the timers.
pub struct Effects {
    tx: Sender<Wake>,
    opener: Arc<Opener>,
    reader: Option<ReaderIo>,
    generations: u64,
    /// When to send [`Event::Tick`]: each time asked for gets its tick (the app asks for one
    /// per due time and does not ask again, so a tick for an earlier time must not use up a
    /// later one: the last save's time limit was lost that way behind the save's debounce).
    wake_at: BTreeSet<Instant>,
    /// A step of background work is ready for when no input waits.
    work: bool,
    /// Watches the library's folder for briefs and sidecars other programs change.
    library_watcher: Option<notify::RecommendedWatcher>,
    /// Briefs read before [`Effects::start`], whose reading is recorded once it is called
    /// (`None` after it).
    reads_before_start: Option<Vec<(PathBuf, Arc<Document>)>>,
}

impl Effects {
    /// Effects answered on `tx`; `opener` opens the briefs the library asks for.
    pub fn new(tx: Sender<Wake>, opener: Opener) -> Self {
        Self {
            tx,
            opener: Arc::new(opener),
            reader: None,
            generations: APP,
            wake_at: BTreeSet::new(),
            work: false,
            library_watcher: None,
            reads_before_start: Some(Vec::new()),
        }
    }

    /// Takes over the background work of the reader now on top (its sidecar's worker, the
    /// rest of its file); it starts at [`Effects::start`].
    pub fn adopt(&mut self, persist: Persist, rest: Option<BriefFile>) {
        self.generations += 1;
        let (jobs, receiver) = persist::jobs();
        self.reader = Some(ReaderIo {
            generation: self.generations,
            brief: rest.as_ref().map(|f| f.path().to_path_buf()),
            jobs,
            pending: Some((receiver, persist, rest)),
            shared: loader::Shared::default(),
            _watcher: None,
        });
    }

    /// Starts what [`Effects::adopt`] took over: at start-up once the first frame is out, so
    /// the first screen shares the machine with nothing; jobs sent before wait their turn.
    pub fn start(&mut self) -> std::io::Result<()> {
        for (brief, doc) in self.reads_before_start.take().unwrap_or_default() {
            record_read(brief, doc);
        }
        let tx = self.tx.clone();
        let Some(io) = self.reader.as_mut() else {
            return Ok(());
        };
        let Some((receiver, persist, rest)) = io.pending.take() else {
            return Ok(());
        };
        let generation = io.generation;
        if let Some(file) = rest {
            loader::spawn(file, io.shared.clone(), tx.clone(), move |e| {
                Wake::Load(generation, e)
            })?;
        }
        let sidecar = persist.paths().data.clone();
        persist.spawn(receiver, tx, move |e| Wake::Worker(generation, e))?;
        io._watcher = persist::watch(sidecar, io.jobs.clone());
        Ok(())
    }

    /// True when `generation` is work of the app, or of the reader on top.
    pub fn is_current(&self, generation: u64) -> bool {
        generation == APP
            || self
                .reader
                .as_ref()
                .is_some_and(|r| r.generation == generation)
    }

    /// The layout's column width, for measuring pieces before they arrive.
    pub fn set_width(&self, width: usize) {
        if let Some(io) = &self.reader {
            io.shared.width.store(width, Ordering::Release);
        }
    }

    /// The loop took a piece the reading thread sent.
    pub fn piece_taken(&self) {
        if let Some(io) = &self.reader {
            io.shared.in_flight.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// A brief opened for the library: its background work starts now, and the app gets its
    /// reader.
    pub fn opened(&mut self, opened: Opened) -> std::io::Result<Event> {
        let Opened {
            reader,
            persist,
            rest,
        } = opened;
        self.adopt(persist, rest);
        self.start()?;
        Ok(Event::Opened(crate::app::Opened(Box::new(reader))))
    }

    /// How long the loop may wait for input before something here is due.
    pub fn wait(&self, tick: Duration) -> Duration {
        if self.work {
            return Duration::ZERO;
        }
        self.wake_at.first().map_or(tick, |at| {
            at.saturating_duration_since(Instant::now()).min(tick)
        })
    }

    /// The event due now when no input waits: a timer that ran out, else a step of work.
    pub fn due(&mut self) -> Option<Event> {
        if let Some(tick) = self.timer() {
            return Some(tick);
        }
        std::mem::take(&mut self.work).then_some(Event::Work)
    }

    /// [`Event::Tick`] if the timer ran out.
    pub fn timer(&mut self) -> Option<Event> {
        let now = Instant::now();
        let due = *self.wake_at.first()? <= now;
        due.then(|| {
            self.wake_at.retain(|at| *at > now);
            Event::Tick
        })
    }

    /// Carries out `effects`; `Some` when gloss must end.
    pub fn run(&mut self, effects: Vec<Effect>) -> Option<Exit> {
        for effect in effects {
            match effect {
                Effect::Exit(exit) => return Some(exit),
                Effect::Save(snapshot) => self.ask(Job::Save(snapshot)),
                Effect::Absorb(snapshot) => self.ask(Job::Absorb(snapshot)),
                Effect::MergeCopies => self.ask(Job::MergeCopies),
                Effect::WakeAt(at) => {
                    let wait = at.duration_since(jiff::Timestamp::now());
                    let at = Instant::now() + Duration::try_from(wait).unwrap_or(Duration::ZERO);
                    self.wake_at.insert(at);
                }
                Effect::Work => self.work = true,
                // A terminal that cannot be written to is noticed by the next frame's draw.
                Effect::Copy(text) => {
                    let _ = super::clipboard::copy(&text);
                }
                Effect::Place(job) => {
                    self.for_reader("gloss-placer", Work::Placing, move |tx, g| {
                        super::snapshot::place(*job, |event| {
                            tx.send(Wake::Worker(g, event)).is_ok()
                        });
                    })
                }
                Effect::Read { brief, doc } => match self.reads_before_start.as_mut() {
                    // The first brief's reading waits for the first frame.
                    Some(waiting) => waiting.push((brief, doc)),
                    None => record_read(brief, doc),
                },
                Effect::Measure { doc, width } => {
                    self.for_reader("gloss-measure", Work::Measuring, move |tx, g| {
                        let measured = Measured::of(&doc, width);
                        let _ = tx.send(Wake::Worker(g, Event::Measured(Box::new(measured))));
                    });
                }
                Effect::ReadTail => {
                    if let Some(path) = self.reader.as_ref().and_then(|r| r.brief.clone()) {
                        self.for_reader("gloss-tail", Work::Tail, move |tx, g| {
                            if let Some(piece) = read_tail(&path) {
                                let _ = tx.send(Wake::Worker(g, Event::Tail(Box::new(piece))));
                            }
                        });
                    }
                }
                Effect::SaveTheme(name) => {
                    self.spawn("gloss-config", Work::Config, APP, move |tx| {
                        let _ = tx.send(Wake::Worker(APP, save_theme(&name)));
                    })
                }
                Effect::Scan(root) => {
                    // Watching starts before the scan, so nothing written meanwhile is missed.
                    self.library_watcher = library::watch_library(root.clone(), self.tx.clone());
                    self.spawn("gloss-scan", Work::Scanning, APP, move |tx| {
                        library::scan(&root, tx)
                    });
                }
                Effect::Open { brief, at, find } => {
                    let opener = Arc::clone(&self.opener);
                    self.spawn("gloss-open", Work::Opening, APP, move |tx| {
                        let opened = opener.open(&brief).map(|mut opened| {
                            if at.is_some() {
                                opened.reader.restore_position = at;
                            }
                            opened.reader.search = find.as_deref().and_then(Search::new);
                            opened
                        });
                        let opened = opened.map_err(|e| e.to_string());
                        let _ = tx.send(Wake::Opened(Box::new(opened)));
                    });
                }
                // The app opens the notes and search views itself; nothing to do here.
                Effect::ShowNotes(_) | Effect::ShowSearch(_) => {}
                Effect::IndexLibrary(root) => {
                    self.spawn("gloss-index", Work::Scanning, APP, move |_| {
                        let _ = thread_priority::set_current_thread_priority(
                            thread_priority::ThreadPriority::Min,
                        );
                        if let Some(index) = crate::store::search::Index::path_for(&root) {
                            crate::store::search::index::refresh(&root, &index);
                        }
                    });
                }
                Effect::SearchLibrary {
                    root,
                    query,
                    generation,
                } => {
                    self.spawn("gloss-search", Work::Scanning, APP, move |tx| {
                        library::search_library(&root, &query, generation, tx);
                    });
                }
                Effect::CollectNotes(root) => {
                    self.spawn("gloss-notes", Work::Scanning, APP, move |tx| {
                        library::notes(&root, tx)
                    });
                }
                Effect::NoteAgain { root, brief } => {
                    self.spawn("gloss-notes", Work::Scanning, APP, move |tx| {
                        let rows = crate::store::library::notes_of(&root, &brief)
                            .map(|n| n.rows())
                            .unwrap_or_default();
                        let _ = tx.send(Wake::Worker(APP, Event::NotedAgain(brief, rows)));
                    });
                }
                // The app opens the codebook view itself.
                Effect::ShowCodebook(_) | Effect::ShowAnalysis(_) => {}
                Effect::Analyse(root) => {
                    self.spawn("gloss-analyse", Work::Scanning, APP, move |tx| {
                        let loaded = crate::store::analysis::load(&root);
                        let _ = tx.send(Wake::Worker(APP, Event::Analysed(Box::new(loaded))));
                    });
                }
                Effect::ReadCodes(root) => {
                    self.spawn("gloss-codes", Work::Scanning, APP, move |tx| {
                        let listing = crate::store::codebook::listing(&root);
                        let _ = tx.send(Wake::Worker(APP, Event::Codes(Box::new(listing))));
                    });
                }
                Effect::ChangeCodes { root, change } => {
                    self.spawn("gloss-codes", Work::Coding, APP, move |tx| {
                        let outcome = library::change_codes(&root, &change);
                        let _ = tx.send(Wake::Worker(APP, Event::CodesChanged(outcome)));
                    });
                }
                Effect::Closed => self.reader = None,
                Effect::Summarize { root, brief } => {
                    self.spawn("gloss-scan", Work::Scanning, APP, move |tx| {
                        let summary = crate::store::library::summary_remembered(&root, &brief);
                        let _ = tx.send(Wake::Worker(APP, Event::Scanned(vec![summary])));
                    });
                }
            }
        }
        None
    }

    fn ask(&self, job: Job) {
        let sent = self
            .reader
            .as_ref()
            .is_some_and(|r| r.jobs.send(job).is_ok());
        if !sent {
            let generation = self.reader.as_ref().map_or(APP, |r| r.generation);
            let failed = Event::Failed(Work::Saving, "the sidecar's worker is gone".into());
            let _ = self.tx.send(Wake::Worker(generation, failed));
        }
    }

    /// Work for the reader on top, answered with its generation.
    fn for_reader(
        &self,
        name: &str,
        work: Work,
        body: impl FnOnce(&Sender<Wake>, u64) + Send + 'static,
    ) {
        let Some(generation) = self.reader.as_ref().map(|r| r.generation) else {
            return;
        };
        self.spawn(name, work, generation, move |tx| body(tx, generation));
    }

    fn spawn(
        &self,
        name: &str,
        work: Work,
        generation: u64,
        body: impl FnOnce(&Sender<Wake>) + Send + 'static,
    ) {
        let wrap = move |e| Wake::Worker(generation, e);
        if let Err(e) = worker::spawn(name, work, self.tx.clone(), wrap, body) {
            let _ = self
                .tx
                .send(Wake::Worker(generation, Event::Failed(work, e.to_string())));
        }
    }
}

/// The last lines of the brief, for `G` while the rest is still being read; if that fails the
/// reader simply waits for the end.
fn read_tail(path: &std::path::Path) -> Option<Piece> {
    let (start, bytes) = crate::store::read_tail(path, TAIL_BYTES).ok()?;
    let doc = Document::parse_continuation(&bytes, usize::try_from(start).unwrap_or(0)).ok()?;
    Some(Piece {
        doc,
        measured: None,
        read: start + bytes.len() as u64,
    })
}

/// Writes the theme choice to the config file; the notice says how that went.
fn save_theme(name: &str) -> Event {
    let result = match crate::store::config::config_dir() {
        Some(dir) => crate::store::config::save_theme(&dir, name),
        None => Err("no configuration folder on this system".to_string()),
    };
    match result {
        Ok(path) => Event::Notice(
            Level::Info,
            format!("theme {name} saved in {}", crate::error::show_path(&path)),
        ),
        Err(e) => Event::Notice(Level::Error, format!("theme not saved: {e}")),
    }
}

/// Records that `brief` was read as `doc` is now, for the library's "changed since read".
/// Hashing a big brief takes a moment: not on the loop's thread. Failing only costs the
/// library's `?` later.
fn record_read(brief: PathBuf, doc: Arc<Document>) {
    let _ = std::thread::Builder::new()
        .name("gloss-read".into())
        .spawn(move || {
            if let Some(data) = crate::store::data_dir() {
                let sha = crate::store::convert::text_hash(&doc);
                let file = data.join(crate::store::library::reads::FILE);
                let _ = crate::store::library::reads::record(&file, &brief, &sha);
            }
        });
}
