//! Snapshots around placing: the old text is read from its snapshot before a changed brief's
//! annotations are placed (so they are carried through the diff), and the text of an unchanged
//! brief is kept once its annotations are placed on it (so a later re-issue can be compared).

use std::sync::Arc;

use crate::app::Event;
use crate::app::reader::PlacingJob;
use crate::store::convert::text_hash;
use crate::store::snapshot::Snapshots;
use crate::store::versions::{Version, Versions};

/// Runs `job` on this thread (a worker's), with the snapshots of the data folder.
pub fn place(job: PlacingJob, send: impl FnMut(Event) -> bool) {
    place_with(Snapshots::in_data_dir(), job, send);
}

/// [`place`] with the snapshots in `snapshots`.
pub fn place_with(
    snapshots: Option<Snapshots>,
    job: PlacingJob,
    mut send: impl FnMut(Event) -> bool,
) {
    let Some(snaps) = snapshots else {
        return job.run(send);
    };
    let sha = job.sha256().to_string();
    let doc = Arc::clone(job.doc());
    // The old text only matters when the text changed (one hash of the brief more; reading a
    // snapshot of an unchanged one would cost more).
    let now = text_hash(&doc);
    let changed = now != sha;
    // The versions log sits beside the snapshots (in the data folder they are in).
    let versions = match (job.brief(), snaps.dir().parent()) {
        (Some(brief), Some(data)) => Some(Versions::of(data, brief)),
        _ => None,
    };
    let job = if changed {
        job.with_before(snaps.load(&sha).map(Arc::from))
    } else {
        job
    };
    job.run(|event| {
        let step = match &event {
            Event::PlaceDone(placed) => Some(placed.changed.then(|| {
                let [_, moved, fuzzy, orphaned] = placed.counts;
                [moved, fuzzy, orphaned]
            })),
            _ => None,
        };
        let go_on = send(event);
        // After the answer is sent: writing a snapshot of a big brief takes seconds, and the
        // annotations are editable meanwhile. Failing to log or keep only costs a diff later.
        if let Some(step) = step {
            if let Some(log) = &versions {
                let _ = log.record(Version {
                    seen: jiff::Timestamp::now(),
                    bytes: doc.text().len() as u64,
                    sha256: now.clone(),
                    step,
                });
            }
            if !changed {
                let _ = snaps.save(&sha, doc.text());
            }
        }
        go_on
    });
}
