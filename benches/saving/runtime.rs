//! The bench's runtime: it carries out `update`'s effects as `gloss::runtime` does (saves and
//! merges to the sidecar's worker, the save timer) and counts what the worker answers.

use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use gloss::app::reader::update;
use gloss::app::{Effect, Event, Reader};
use gloss::runtime::env;
use gloss::runtime::persist::Job;
use jiff::Timestamp;

/// The worker's channel and the timers.
pub struct Runtime {
    pub jobs: Sender<Job>,
    wake_at: Option<Timestamp>,
    work: bool,
    /// Effects not expected while keys are played (placing, measuring, ...), ignored.
    pub other: usize,
}

impl Runtime {
    pub fn new(jobs: Sender<Job>) -> Self {
        Self {
            jobs,
            wake_at: None,
            work: false,
            other: 0,
        }
    }

    /// Carries out `effects`; true if one of them took a snapshot for the worker.
    fn run(&mut self, effects: Vec<Effect>) -> bool {
        let mut snapshot = false;
        for effect in effects {
            match effect {
                Effect::Save(s) => {
                    snapshot = true;
                    self.jobs.send(Job::Save(s)).expect("the worker runs");
                }
                Effect::Absorb(s) => {
                    snapshot = true;
                    self.jobs.send(Job::Absorb(s)).expect("the worker runs");
                }
                Effect::WakeAt(at) => self.wake_at = Some(self.wake_at.map_or(at, |t| t.min(at))),
                Effect::Work => self.work = true,
                _ => self.other += 1,
            }
        }
        snapshot
    }

    /// What is due now: the timer's `Tick`, a step of background work.
    pub fn due(&mut self) -> Vec<Event> {
        let mut due = Vec::new();
        if self.wake_at.is_some_and(|at| at <= Timestamp::now()) {
            self.wake_at = None;
            due.push(Event::Tick);
        }
        if std::mem::take(&mut self.work) {
            due.push(Event::Work);
        }
        due
    }

    /// Feeds `event` to `update` with the wall clock and carries out what it asks, counting
    /// a worker's answer in `counts`.
    pub fn feed(&mut self, state: &mut Reader, event: Event, counts: &mut Counts) {
        counts.note(&event, state);
        let start = Instant::now();
        let kind = match event {
            Event::Saved(_) => Some(&mut counts.saved_max),
            Event::Merged(_) => Some(&mut counts.merged_max),
            _ => None,
        };
        let effects = update(state, event, &env());
        let took = start.elapsed();
        if let Some(longest) = kind {
            *longest = (*longest).max(took);
        }
        if self.run(effects) {
            counts.snapshots += 1;
            counts.snapshot_max = counts.snapshot_max.max(took);
        }
    }
}

/// What came back from the worker, and the updates that cost the most.
#[derive(Default)]
pub struct Counts {
    pub saves: usize,
    /// Saves or merges that failed.
    pub failed: usize,
    /// `SidecarChanged` answers.
    pub changed: usize,
    /// Other processes' changes merged (by a merge, or by a save that found them).
    pub merges: usize,
    /// Of `merges`, those the reader took in (it had not changed meanwhile).
    pub taken_in: usize,
    /// Updates that took a snapshot for the worker, and the longest of them.
    pub snapshots: usize,
    pub snapshot_max: Duration,
    /// The longest update taking a save's answer, and a merge's.
    pub saved_max: Duration,
    pub merged_max: Duration,
}

impl Counts {
    /// Counts `event` if it is an answer, looked at before `state` takes it.
    fn note(&mut self, event: &Event, state: &Reader) {
        let (merged, revision) = match event {
            Event::Saved(r) => {
                self.saves += usize::from(r.outcome.is_ok());
                (r.outcome.as_ref().map(Option::is_some), r.revision)
            }
            Event::Merged(r) => (r.outcome.as_ref().map(Option::is_some), r.revision),
            Event::SidecarChanged => {
                self.changed += 1;
                return;
            }
            Event::Failed(..) => {
                self.failed += 1;
                return;
            }
            _ => return,
        };
        match merged {
            Ok(true) => {
                self.merges += 1;
                self.taken_in += usize::from(revision == state.history.revision());
            }
            Ok(false) => {}
            Err(_) => self.failed += 1,
        }
    }
}
