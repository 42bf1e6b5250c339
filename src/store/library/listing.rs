//! One folder of a library as its listing shows it (the briefs in it, its subfolders, whether
//! it holds a conflict copy), and every brief of a library with its file facts, listed on
//! every core. The file facts come from the open folder (a look-up of one name, not of the
//! whole path), and a brief without a sidecar costs no look-up for one: what a search must
//! check of 10,000 briefs before it can trust its index.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::is_brief;
use crate::cores::on_every_core;
use crate::store::conflicts::original_name;

/// A brief in a folder's listing: its path, and where it and its sidecar are in the listing.
#[derive(Debug)]
pub struct Brief {
    /// The brief's file.
    pub path: PathBuf,
    entry: usize,
    sidecar: Option<usize>,
}

/// What one folder holds, in name order.
#[derive(Debug)]
pub struct Folder {
    /// Its briefs.
    pub briefs: Vec<Brief>,
    /// Its folders (hidden ones left out).
    pub subfolders: Vec<PathBuf>,
    /// Whether a file in it is named like a sync tool's conflict copy.
    pub suspect: bool,
    listing: Vec<(OsString, fs::DirEntry)>,
}

impl Folder {
    /// Lists `path`; `None` when it cannot be read.
    pub fn read(path: &Path) -> Option<Self> {
        let mut listing: Vec<(OsString, fs::DirEntry)> = fs::read_dir(path)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| (e.file_name(), e))
            .collect();
        listing.sort_by(|a, b| a.0.cmp(&b.0));
        let mut folder = Self {
            briefs: Vec::new(),
            subfolders: Vec::new(),
            suspect: false,
            listing: Vec::new(),
        };
        for (i, (name, entry)) in listing.iter().enumerate() {
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            folder.suspect |= original_name(&name).is_some();
            let path = entry.path();
            // The listing tells a folder from a file without a look-up, except through a link.
            let is_dir = match entry.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => path.is_dir(),
            };
            if is_dir {
                folder.subfolders.push(path);
            } else if is_brief(&path) {
                let wanted = OsString::from(format!("{name}.gloss.toml"));
                let sidecar = listing.binary_search_by(|(n, _)| n.cmp(&wanted)).ok();
                folder.briefs.push(Brief {
                    path,
                    entry: i,
                    sidecar,
                });
            }
        }
        folder.listing = listing;
        Some(folder)
    }

    /// The file facts of `brief` and of its sidecar.
    fn facts(&self, brief: &Brief) -> Listed {
        let of = |i: usize| {
            let entry = &self.listing.get(i)?.1;
            let meta = entry.metadata().ok()?;
            if meta.file_type().is_symlink() {
                fs::metadata(entry.path()).ok()
            } else {
                Some(meta)
            }
        };
        Listed {
            path: brief.path.clone(),
            brief: of(brief.entry),
            sidecar: brief.sidecar.and_then(of),
        }
    }
}

/// A brief with the file facts of it and its sidecar.
#[derive(Debug)]
pub struct Listed {
    /// The brief's file.
    pub path: PathBuf,
    /// The brief's size and times (`None` when it vanished meanwhile).
    pub brief: Option<fs::Metadata>,
    /// Its sidecar's, when the folder holds one.
    pub sidecar: Option<fs::Metadata>,
}

/// Every brief under `root` with its and its sidecar's file facts, in the order of
/// [`super::briefs`]. The folders of each depth are listed on every core, then put in order
/// (a folder met twice through links is listed once).
pub fn listed(root: &Path) -> Vec<Listed> {
    let mut seen = HashSet::new();
    let mut done: HashMap<PathBuf, Folder> = HashMap::new();
    let mut depth = vec![root.to_path_buf()];
    while !depth.is_empty() {
        let read = on_every_core(
            &depth,
            |path| {
                let real = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                Folder::read(path).map(|f| (real, f))
            },
            |_| None,
        );
        let mut next = Vec::new();
        for (path, read) in depth.into_iter().zip(read) {
            let Some((real, folder)) = read else {
                continue;
            };
            if seen.insert(real) {
                next.extend(folder.subfolders.iter().cloned());
                done.insert(path, folder);
            }
        }
        depth = next;
    }
    // Depth first, in name order, as the library walks; the facts on every core.
    let mut order = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(path) = stack.pop() {
        if let Some(folder) = done.remove(&path) {
            stack.extend(folder.subfolders.iter().rev().cloned());
            order.push(folder);
        }
    }
    let briefs: Vec<(&Folder, &Brief)> = order
        .iter()
        .flat_map(|f| f.briefs.iter().map(move |b| (f, b)))
        .collect();
    on_every_core(
        &briefs,
        |(folder, brief)| folder.facts(brief),
        |(_, brief)| Listed {
            path: brief.path.clone(),
            brief: None,
            sidecar: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_gives_the_walks_order_and_each_briefs_own_facts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (name, text) in [
            ("b.txt", "bee"),
            ("a.md", "a"),
            ("sub/c.txt", "sea sea"),
            ("sub/deeper/d.txt", "d"),
            ("sub/deeper/e.html", "<p>e</p>"),
            (".hidden/x.txt", "x"),
            ("z/y.txt", "why"),
        ] {
            let path = root.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        fs::write(root.join("sub/c.txt.gloss.toml"), "0123456789").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("sub"), root.join("z/loop")).unwrap();

        let listed = listed(root);
        let names: Vec<PathBuf> = listed.iter().map(|l| l.path.clone()).collect();
        assert_eq!(names, super::super::briefs(root));
        let short: Vec<String> = names
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            short,
            [
                "a.md",
                "b.txt",
                "sub/c.txt",
                "sub/deeper/d.txt",
                "sub/deeper/e.html",
                "z/y.txt"
            ]
        );
        let c = &listed[2];
        assert_eq!(c.brief.as_ref().map(fs::Metadata::len), Some(7));
        assert_eq!(c.sidecar.as_ref().map(fs::Metadata::len), Some(10));
        assert!(listed[0].sidecar.is_none());
        assert_eq!(listed[5].brief.as_ref().map(fs::Metadata::len), Some(3));
    }
}
