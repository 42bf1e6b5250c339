//! Snapshots around placing: the old text is read from its snapshot before a changed brief's
//! annotations are placed (so they are carried through the diff), and the text of an unchanged
//! brief is kept once its annotations are placed on it (so a later re-issue can be compared).

use std::sync::Arc;

use crate::app::Event;
use crate::app::reader::PlacingJob;
use crate::store::snapshot::Snapshots;

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
    let job = job.with_before(snaps.load(&sha).map(Arc::from));
    let doc = Arc::clone(job.doc());
    job.run(|event| {
        if let Event::PlaceDone(placed) = &event
            && !placed.changed
        {
            let _ = snaps.save(&sha, doc.text());
        }
        send(event)
    });
}
