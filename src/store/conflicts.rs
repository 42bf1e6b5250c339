//! Conflict copies that sync tools leave beside a sidecar when two machines wrote it, and
//! folding them back into it with the sidecar merge.
//!
//! Syncthing names a copy `name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext`; Dropbox
//! `name (Jane's conflicted copy 2026-12-01).ext`; Nextcloud
//! `name (conflicted copy 2026-12-01 101500).ext` (the marker goes before the last
//! extension). Names are matched here without touching a file; [`copies`] lists a folder and
//! [`fold_copies`] is the one function that writes.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::format::{self, Entry, SidecarFile};
use super::merge::files::conflicts;
use super::merge::merge;
use super::sidecar::{Sidecar, SidecarError, SidecarPaths};
use crate::error::show_path;

/// Which tool named a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext`.
    Syncthing,
    /// `name (... conflicted copy ...).ext`: Dropbox and Nextcloud.
    ConflictedCopy,
}

/// The name a conflict copy stands for (`brief.txt.gloss.toml` for
/// `brief.txt.gloss.sync-conflict-20261201-101500-ABCDEFG.toml`) and the tool's style;
/// `None` for any other name.
pub fn original_name(name: &str) -> Option<(String, Style)> {
    syncthing(name)
        .map(|n| (n, Style::Syncthing))
        .or_else(|| conflicted_copy(name).map(|n| (n, Style::ConflictedCopy)))
}

fn syncthing(name: &str) -> Option<String> {
    const MARK: &str = ".sync-conflict-";
    let at = name.find(MARK)?;
    let rest = &name[at + MARK.len()..];
    let digits = |s: &str, n: usize| s.len() >= n && s[..n].bytes().all(|b| b.is_ascii_digit());
    if !(digits(rest, 8) && rest[8..].starts_with('-') && digits(&rest[9..], 6)) {
        return None;
    }
    let device = rest[15..].strip_prefix('-')?;
    let end = device
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(device.len());
    let ext = &device[end..];
    if end == 0 || !(ext.is_empty() || ext.starts_with('.')) {
        return None;
    }
    Some(format!("{}{ext}", &name[..at]))
}

fn conflicted_copy(name: &str) -> Option<String> {
    let open = name.find(" (")?;
    let close = open + name[open..].find(')')?;
    let inner = &name[open + 2..close];
    if !inner.contains("conflicted copy") {
        return None;
    }
    let ext = &name[close + 1..];
    (ext.is_empty() || ext.starts_with('.')).then(|| format!("{}{ext}", &name[..open]))
}

/// One conflict copy beside a sidecar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    /// Its path.
    pub path: PathBuf,
    /// Which tool left it.
    pub style: Style,
}

/// The conflict copies of the sidecar at `sidecar`, in name order (none when its folder
/// cannot be listed).
pub fn copies(sidecar: &Path) -> Vec<ConflictCopy> {
    let Some(name) = sidecar
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return Vec::new();
    };
    let dir = sidecar
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<ConflictCopy> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let (original, style) = original_name(&e.file_name().to_string_lossy())?;
            (original == name).then(|| ConflictCopy {
                path: e.path(),
                style,
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// The base of a merge between a sidecar and one of its conflict copies, which share no
/// known ancestor: what both hold alike, and for an annotation that differs, the older
/// side's (by `updated`) with no note and only the tags both have. So with [`merge`]
/// nothing is deleted, the newer colour and anchor win, tags are united, and two different
/// notes are both kept between conflict markers.
pub fn base_of(ours: &SidecarFile, theirs: &SidecarFile) -> SidecarFile {
    let theirs_by_id: HashMap<Uuid, &Entry> =
        theirs.annotations.iter().map(|e| (e.id, e)).collect();
    let annotations = ours
        .annotations
        .iter()
        .filter_map(|o| {
            let t = theirs_by_id.get(&o.id)?;
            if o == *t {
                return Some(o.clone());
            }
            let mut base = if o.updated <= t.updated { o } else { t }.clone();
            if o.note != t.note {
                base.note.clear();
            }
            base.tags = o
                .tags
                .iter()
                .filter(|tag| t.tags.contains(tag))
                .cloned()
                .collect();
            Some(base)
        })
        .collect();
    SidecarFile {
        brief_note: if ours.brief_note == theirs.brief_note {
            ours.brief_note.clone()
        } else {
            String::new()
        },
        annotations,
        ..ours.clone()
    }
}

/// A sidecar merged with one conflict copy, and how many notes now hold both texts.
pub fn fold(ours: &SidecarFile, copy: &SidecarFile) -> (SidecarFile, usize) {
    let merged = merge(&base_of(ours, copy), ours, copy);
    let conflicts = conflicts(&merged, ours, copy);
    (merged, conflicts)
}

/// What [`fold_copies`] did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Folded {
    /// The copies merged into the sidecar, and removed.
    pub merged: Vec<PathBuf>,
    /// Copies that do not parse, left as they are, with why (file, line, column).
    pub unparsable: Vec<String>,
    /// Notes that differed and now hold both texts between markers.
    pub conflicts: usize,
}

impl Folded {
    /// True when nothing needs the user: no copy left, no note with both texts.
    pub fn clean(&self) -> bool {
        self.unparsable.is_empty() && self.conflicts == 0
    }

    /// One line on what was merged and what was left.
    pub fn message(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![if self.merged.is_empty() {
            "no conflict copies merged".to_string()
        } else {
            format!(
                "{} merged (the version before is kept as .bak)",
                plural(self.merged.len(), "conflict copy", "conflict copies")
            )
        }];
        if self.conflicts > 0 {
            parts.push(format!(
                "{} differed, both texts kept between markers",
                plural(self.conflicts, "note", "notes")
            ));
        }
        if !self.unparsable.is_empty() {
            parts.push(format!(
                "left as they do not parse: {}",
                self.unparsable.join("; ")
            ));
        }
        parts.join("; ")
    }
}

/// Merges every conflict copy of the sidecar at `paths` into it (one save, through the lock;
/// the previous version is kept as `.bak`), then removes the copies merged. A copy that does
/// not parse is reported and left alone; a sidecar that does not parse stops everything
/// before anything is written.
pub fn fold_copies(paths: &SidecarPaths) -> Result<Folded, SidecarError> {
    let mut sidecar = Sidecar::new(paths.clone());
    let mut file = sidecar.load()?;
    let mut folded = Folded::default();
    for copy in copies(&paths.data) {
        let parsed = super::limits::read_capped(&copy.path, super::limits::SIDECAR)
            .map_err(|e| e.to_string())
            .and_then(|bytes| format::parse_bytes(&bytes).map_err(|e| e.to_string()));
        match parsed {
            Ok(theirs) => {
                file = Some(match file {
                    Some(ours) => {
                        let (merged, conflicts) = fold(&ours, &theirs);
                        folded.conflicts += conflicts;
                        merged
                    }
                    None => theirs,
                });
                folded.merged.push(copy.path);
            }
            Err(why) => folded
                .unparsable
                .push(format!("{}: {why}", show_path(&copy.path))),
        }
    }
    if let (Some(file), false) = (file, folded.merged.is_empty()) {
        sidecar.save(file)?;
        for path in &folded.merged {
            fs::remove_file(path).map_err(|source| SidecarError::Io {
                path: show_path(path),
                source,
            })?;
        }
    }
    Ok(folded)
}

#[cfg(test)]
mod tests;
