//! Snapshots around placing: the old text is read from its snapshot before a changed brief's
//! annotations are placed (so they are carried through the diff), and the text of an unchanged
//! brief is kept once its annotations are placed on it (so a later re-issue can be compared).

use std::sync::Arc;

use crate::app::Event;
use crate::app::reader::PlacingJob;
use crate::store::convert::text_hash;
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
    let doc = Arc::clone(job.doc());
    // The old text only matters when the text changed (one hash of the brief more; reading a
    // snapshot of an unchanged one would cost more).
    let changed = text_hash(&doc) != sha;
    let job = if changed {
        job.with_before(snaps.load(&sha).map(Arc::from))
    } else {
        job
    };
    job.run(|event| {
        let done = matches!(&event, Event::PlaceDone(_));
        let go_on = send(event);
        // After the answer is sent: writing a snapshot of a big brief takes seconds, and the
        // annotations are editable meanwhile.
        if done && !changed {
            let _ = snaps.save(&sha, doc.text());
        }
        go_on
    });
}
