//! One tag changed in every sidecar of a library: renamed (merging into a tag already there),
//! moved under another parent, or deleted, with the tags under it. Each sidecar that carries
//! it is rewritten under its lock with `.bak` and an atomic save ([`Sidecar::rewrite`]), so a
//! reader or `gloss annotate` working on it meanwhile loses nothing, and merges the change in
//! as it does any other process's. A sidecar that does not parse is skipped and named, never
//! written; one whose lock another process holds is waited for briefly, then skipped and named.

use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;

use super::format::SidecarFile;
use super::library::sidecars::{Found, on_threads, sidecars_in};
use super::{Sidecar, SidecarPaths};
use crate::annotation::query::tag_within;
use crate::annotation::tag::Retag;

/// How long a retag waits for another process's lock on one sidecar before it skips it.
pub const LOCK_WAIT: Duration = Duration::from_secs(1);

/// Sidecars rewritten at once.
const WRITERS: usize = 16;

/// What a retag did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retagged {
    /// Annotations whose tags changed.
    pub annotations: usize,
    /// The briefs whose sidecars changed (paths under the library's folder).
    pub briefs: Vec<String>,
    /// Sidecars left as they were, each with why (naming the file): broken, or locked.
    pub skipped: Vec<String>,
    /// A rename's new name (or a tag under it) was already in use: the rename merged.
    pub merged: bool,
}

/// The tags of `file`'s annotations after `change`, their `updated` set to `now`; how many
/// changed.
pub fn apply(file: &mut SidecarFile, change: &Retag, now: Timestamp) -> usize {
    let mut changed = 0;
    for entry in &mut file.annotations {
        if let Some(tags) = change.apply(&entry.tags) {
            entry.tags = tags;
            entry.updated = now;
            changed += 1;
        }
    }
    changed
}

/// Applies `change` to every sidecar under `root` (only counting, with `write` false), on
/// every core. Briefs come back in the library's scan order.
pub fn retag(root: &Path, change: &Retag, now: Timestamp, write: bool) -> Retagged {
    retag_within(root, change, now, write, LOCK_WAIT)
}

/// [`retag`], waiting `wait` for each lock.
pub fn retag_within(
    root: &Path,
    change: &Retag,
    now: Timestamp,
    write: bool,
    wait: Duration,
) -> Retagged {
    let found = sidecars_in(root);
    // Rewriting a sidecar mostly waits for fsync; several at once let the file system sync
    // them together.
    let results = on_threads(
        WRITERS,
        &found,
        |f| one(f, change, now, write, wait),
        |f| {
            Outcome::Skipped(format!(
                "{}: rewriting it failed",
                crate::error::show_path(&f.path)
            ))
        },
    );
    let mut done = Retagged {
        merged: found.iter().any(|f| uses_new_name(f, change)),
        ..Retagged::default()
    };
    for (f, outcome) in found.iter().zip(results) {
        match outcome {
            Outcome::Untouched => {}
            Outcome::Changed(n) => {
                done.annotations += n;
                done.briefs.push(f.name.clone());
            }
            Outcome::Skipped(why) => done.skipped.push(why),
        }
    }
    done
}

/// True when a rename's new name is already on an annotation of `found`.
fn uses_new_name(found: &Found, change: &Retag) -> bool {
    let Retag::Rename { to, .. } = change else {
        return false;
    };
    found.file.as_ref().is_ok_and(|file| {
        file.annotations
            .iter()
            .any(|e| e.tags.iter().any(|t| tag_within(t, to)))
    })
}

enum Outcome {
    Untouched,
    Changed(usize),
    Skipped(String),
}

fn one(found: &Found, change: &Retag, now: Timestamp, write: bool, wait: Duration) -> Outcome {
    let file = match &found.file {
        Ok(file) => file,
        Err(problem) => return Outcome::Skipped(format!("{problem} (not changed)")),
    };
    // Read without the lock first: most sidecars do not carry the tag, and are neither
    // locked nor written.
    let touched = file
        .annotations
        .iter()
        .filter(|e| change.touches(&e.tags))
        .count();
    if touched == 0 {
        return Outcome::Untouched;
    }
    if !write {
        return Outcome::Changed(touched);
    }
    let mut sidecar = Sidecar::new(SidecarPaths::at(found.path.clone()));
    let mut changed = 0;
    let rewritten = sidecar.rewrite(wait, |file| {
        changed = apply(file, change, now);
        changed > 0
    });
    match rewritten {
        Ok(true) => Outcome::Changed(changed),
        Ok(false) => Outcome::Untouched,
        Err(e) => Outcome::Skipped(format!("{e} (not changed)")),
    }
}

#[cfg(test)]
mod tests;
