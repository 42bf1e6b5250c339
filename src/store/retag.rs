//! One tag changed in every sidecar of a library: renamed (merging into a tag already there),
//! moved under another parent, or deleted, with the tags under it. Each sidecar that carries
//! it is rewritten under its lock with `.bak` and an atomic save ([`Sidecar::rewrite`]), so a
//! reader or `gloss annotate` working on it meanwhile loses nothing, and merges the change in
//! as it does any other process's. A sidecar that does not parse is skipped and named, never
//! written; one whose lock another process holds is waited for briefly, then skipped and named.
//! Only sidecars whose bytes hold the tag's name are parsed (see [`may_hold`]), each once.

use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;

use super::format::{self, SidecarFile};
use super::library::sidecars::annotated;
use super::{Sidecar, SidecarPaths, limits};
use crate::annotation::query::tag_within;
use crate::annotation::tag::Retag;
use crate::cores::on_threads;

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
    let found = annotated(root);
    // Rewriting a sidecar mostly waits for fsync; several at once let the file system sync
    // them together.
    let results = on_threads(
        WRITERS,
        &found,
        |(_, path)| one(path, change, now, write, wait),
        |(_, path)| {
            (
                Outcome::Skipped(format!(
                    "{}: rewriting it failed",
                    crate::error::show_path(path)
                )),
                false,
            )
        },
    );
    let mut done = Retagged::default();
    for ((name, _), (outcome, uses_new)) in found.iter().zip(results) {
        done.merged |= uses_new;
        match outcome {
            Outcome::Untouched => {}
            Outcome::Changed(n) => {
                done.annotations += n;
                done.briefs.push(name.clone());
            }
            Outcome::Skipped(why) => done.skipped.push(why),
        }
    }
    done
}

/// True when a rename's new name is already on an annotation of `file`.
fn uses_new_name(file: &SidecarFile, change: &Retag) -> bool {
    let Retag::Rename { to, .. } = change else {
        return false;
    };
    file.annotations
        .iter()
        .any(|e| e.tags.iter().any(|t| tag_within(t, to)))
}

enum Outcome {
    Untouched,
    Changed(usize),
    Skipped(String),
}

/// Whether the sidecar text `bytes` could carry `name` as (part of) a tag. A tag is written
/// as a TOML string, where a name without `"` or `\` is written as it is, unless the file
/// spells characters as `\u` escapes (gloss never does; a hand may): then it could.
pub fn may_hold(bytes: &[u8], name: &str) -> bool {
    name.contains(['"', '\\'])
        || memchr::memmem::find(bytes, name.as_bytes()).is_some()
        || memchr::memmem::find(bytes, b"\\u").is_some()
        || memchr::memmem::find(bytes, b"\\U").is_some()
}

/// One sidecar: its bytes looked at for the tag's name first, so that the many sidecars
/// without it are neither parsed nor locked; one that has it is parsed once, under its lock
/// when it is to be written. Also says whether a rename's new name is in use there.
///
/// A sidecar that does not parse is named (and skipped) when its bytes hold the name: it
/// could carry the tag, and the retag cannot reach it. One whose bytes cannot carry the
/// name would not change anyway and is left unnamed here (`gloss codes DIR` and the library
/// name every sidecar that does not parse).
fn one(
    path: &Path,
    change: &Retag,
    now: Timestamp,
    write: bool,
    wait: Duration,
) -> (Outcome, bool) {
    let shown = || crate::error::show_path(path);
    let bytes = match limits::read_capped(path, limits::SIDECAR) {
        Ok(bytes) => bytes,
        Err(e) => {
            return (
                Outcome::Skipped(format!("{}: {e} (not changed)", shown())),
                false,
            );
        }
    };
    let (from, to) = match change {
        Retag::Rename { from, to } => (from.as_str(), Some(to.as_str())),
        Retag::Delete { tag } => (tag.as_str(), None),
    };
    let holds_old = may_hold(&bytes, from);
    let holds_new = to.is_some_and(|to| may_hold(&bytes, to));
    if !holds_old && !holds_new {
        return (Outcome::Untouched, false);
    }
    if !write || !holds_old {
        let file = match format::parse_bytes(&bytes) {
            Ok(file) => file,
            Err(e) => {
                return (
                    Outcome::Skipped(format!("{}: {e} (not changed)", shown())),
                    false,
                );
            }
        };
        let touched = file
            .annotations
            .iter()
            .filter(|e| change.touches(&e.tags))
            .count();
        let outcome = if touched == 0 {
            Outcome::Untouched
        } else {
            Outcome::Changed(touched)
        };
        return (outcome, uses_new_name(&file, change));
    }
    let mut sidecar = Sidecar::new(SidecarPaths::at(path.to_path_buf()));
    let (mut changed, mut uses_new) = (0, false);
    let rewritten = sidecar.rewrite(wait, |file| {
        uses_new = uses_new_name(file, change);
        changed = apply(file, change, now);
        changed > 0
    });
    let outcome = match rewritten {
        Ok(true) => Outcome::Changed(changed),
        Ok(false) => Outcome::Untouched,
        Err(e) => Outcome::Skipped(format!("{e} (not changed)")),
    };
    (outcome, uses_new)
}

#[cfg(test)]
mod tests;
