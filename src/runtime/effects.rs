//! Carrying out what `update` asks: each effect runs here at once when it cannot block, or on
//! a worker whose answer comes back to the loop as an event.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::persist::{self, Job, Persist};
use super::{Wake, loader, worker};
use crate::app::{Effect, Event, Exit, Level, Piece, TAIL_BYTES, Work};
use crate::document::Document;
use crate::layout::Measured;
use crate::store::BriefFile;

/// The runtime's side of the effect channel: the workers' channels and the timers.
pub struct Effects {
    tx: Sender<Wake>,
    /// The brief's file while it is still being read.
    brief: Option<PathBuf>,
    /// The sidecar's file, for the watcher.
    sidecar: PathBuf,
    jobs: Sender<Job>,
    /// The worker's end of `jobs`, until it starts.
    pending: Option<std::sync::mpsc::Receiver<Job>>,
    shared: loader::Shared,
    /// When to send [`Event::Tick`].
    wake_at: Option<Instant>,
    /// A step of background work is ready for when no input waits.
    work: bool,
    _watcher: Option<notify::RecommendedWatcher>,
}

impl Effects {
    /// Effects answered on `tx`; `brief` is the brief's file while it is read, `sidecar` the
    /// annotations file to watch.
    pub fn new(tx: Sender<Wake>, brief: Option<PathBuf>, sidecar: PathBuf) -> Self {
        let (jobs, pending) = persist::jobs();
        Self {
            tx,
            brief,
            sidecar,
            jobs,
            pending: Some(pending),
            shared: loader::Shared::default(),
            wake_at: None,
            work: false,
            _watcher: None,
        }
    }

    /// After the first frame: reads the rest of the brief, starts the sidecar's worker and
    /// watches the sidecar. Jobs sent before wait in the worker's channel.
    pub fn start(&mut self, rest: Option<BriefFile>, persist: Persist) -> std::io::Result<()> {
        if let Some(file) = rest {
            loader::spawn(file, self.shared.clone(), self.tx.clone(), Wake::Load)?;
        }
        if let Some(jobs) = self.pending.take() {
            persist.spawn(jobs, self.tx.clone(), Wake::Worker)?;
        }
        self._watcher = persist::watch(self.sidecar.clone(), self.jobs.clone());
        Ok(())
    }

    /// The layout's column width, for measuring pieces before they arrive.
    pub fn set_width(&self, width: usize) {
        self.shared.width.store(width, Ordering::Release);
    }

    /// The loop took a piece the reading thread sent.
    pub fn piece_taken(&self) {
        self.shared.in_flight.fetch_sub(1, Ordering::AcqRel);
    }

    /// How long the loop may wait for input before something here is due.
    pub fn wait(&self, tick: Duration) -> Duration {
        if self.work {
            return Duration::ZERO;
        }
        self.wake_at.map_or(tick, |at| {
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
        let at = self.wake_at?;
        (Instant::now() >= at).then(|| {
            self.wake_at = None;
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
                Effect::WakeAt(at) => {
                    let wait = at.duration_since(jiff::Timestamp::now());
                    let at = Instant::now() + Duration::try_from(wait).unwrap_or(Duration::ZERO);
                    self.wake_at = Some(self.wake_at.map_or(at, |t| t.min(at)));
                }
                Effect::Work => self.work = true,
                Effect::Place(job) => self.spawn("gloss-placer", Work::Placing, move |tx| {
                    job.run(|event| tx.send(Wake::Worker(event)).is_ok());
                }),
                Effect::Measure { doc, width } => {
                    self.spawn("gloss-measure", Work::Measuring, move |tx| {
                        let measured = Measured::of(&doc, width);
                        let _ = tx.send(Wake::Worker(Event::Measured(Box::new(measured))));
                    });
                }
                Effect::ReadTail => {
                    if let Some(path) = self.brief.clone() {
                        self.spawn("gloss-tail", Work::Tail, move |tx| {
                            if let Some(piece) = read_tail(&path) {
                                let _ = tx.send(Wake::Worker(Event::Tail(Box::new(piece))));
                            }
                        });
                    }
                }
                Effect::SaveTheme(name) => self.spawn("gloss-config", Work::Config, move |tx| {
                    let _ = tx.send(Wake::Worker(save_theme(&name)));
                }),
            }
        }
        None
    }

    fn ask(&self, job: Job) {
        if self.jobs.send(job).is_err() {
            let failed = Event::Failed(Work::Saving, "the sidecar's worker is gone".into());
            let _ = self.tx.send(Wake::Worker(failed));
        }
    }

    fn spawn(&self, name: &str, work: Work, body: impl FnOnce(&Sender<Wake>) + Send + 'static) {
        if let Err(e) = worker::spawn(name, work, self.tx.clone(), Wake::Worker, body) {
            let _ = self
                .tx
                .send(Wake::Worker(Event::Failed(work, e.to_string())));
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
