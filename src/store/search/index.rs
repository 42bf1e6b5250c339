//! The library's search index: one file in the data folder per library, holding every
//! brief's [`Record`] and which briefs hold which words. A brief whose file and sidecar have
//! the same size and time as when its record went in is searched from here; the others are
//! read again and the file is rewritten with them (atomically: a temporary file renamed over
//! it). Nothing in it is needed: a missing, damaged or foreign file is ignored and replaced.
//!
//! Layout: `GLOSSIX2` (`1` before records held authors), the records and word lists one after another (postcard), the catalog
//! (the briefs with their stamps and where their records are, the words with where their
//! lists are), then the catalog's length, the file's length and `GLOSSIX2` again.

mod rewrite;

use std::collections::HashMap;
use std::fs::{self, File};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::words::words;
use super::{Found, Hit, Record, Request, Stats, hits};
use crate::error::show_path;
use crate::store::library::listed;
use rewrite::Rewrite;

const MAGIC: &[u8; 8] = b"GLOSSIX2";
/// The catalog's length, the file's length and the magic again.
const TRAILER: u64 = 24;
/// Briefs read from their files at a time (the records of one batch are in memory at once).
const BATCH: usize = 512;

/// A file's size and modification time, to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: i128,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Option<Self> {
        let modified = meta.modified().ok()?;
        let nanos = match modified.duration_since(UNIX_EPOCH) {
            Ok(d) => i128::try_from(d.as_nanos()).ok()?,
            Err(e) => -i128::try_from(e.duration().as_nanos()).ok()?,
        };
        Some(Self {
            len: meta.len(),
            modified: nanos,
        })
    }
}

/// One brief in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    /// Its path under the library.
    name: String,
    brief: Stamp,
    sidecar: Option<Stamp>,
    /// Where its record is, and how long.
    at: u64,
    len: u64,
}

/// One word and where its list of briefs is (entry numbers, each as the gap from the one
/// before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Word {
    word: String,
    at: u64,
    len: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Catalog {
    entries: Vec<Entry>,
    words: Vec<Word>,
}

/// An index file, opened.
#[derive(Debug)]
pub struct Index {
    file: File,
    catalog: Catalog,
    by_name: HashMap<String, usize>,
}

impl Index {
    /// Where the index of the library at `root` lives: the data folder's `index/`, one file
    /// per library (named by a hash of its full path). `None` without a data folder.
    pub fn path_for(root: &Path) -> Option<PathBuf> {
        let base = crate::store::data_dir()?;
        let absolute = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let digest = Sha256::digest(absolute.to_string_lossy().as_bytes());
        let key: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
        Some(base.join("index").join(format!("{key}.idx")))
    }

    /// Opens the index at `path`; `None` when it is missing or not a whole index.
    pub fn open(path: &Path) -> Option<Self> {
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        if len < MAGIC.len() as u64 + TRAILER {
            return None;
        }
        let mut trailer = [0u8; TRAILER as usize];
        file.read_exact_at(&mut trailer, len - TRAILER).ok()?;
        let number = |i: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&trailer[i * 8..i * 8 + 8]);
            u64::from_le_bytes(b)
        };
        let (catalog_len, whole) = (number(0), number(1));
        if &trailer[16..] != MAGIC || whole != len || catalog_len > len - TRAILER {
            return None;
        }
        let mut head = [0u8; 8];
        file.read_exact_at(&mut head, 0).ok()?;
        if &head != MAGIC {
            return None;
        }
        let mut bytes = vec![0u8; usize::try_from(catalog_len).ok()?];
        file.read_exact_at(&mut bytes, len - TRAILER - catalog_len)
            .ok()?;
        let catalog: Catalog = postcard::from_bytes(&bytes).ok()?;
        let by_name = catalog
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        Some(Self {
            file,
            catalog,
            by_name,
        })
    }

    fn bytes(&self, at: u64, len: u64) -> Option<Vec<u8>> {
        let mut bytes = vec![0u8; usize::try_from(len).ok()?];
        self.file.read_exact_at(&mut bytes, at).ok()?;
        Some(bytes)
    }

    fn record(&self, entry: usize) -> Option<Record> {
        let e = self.catalog.entries.get(entry)?;
        postcard::from_bytes(&self.bytes(e.at, e.len)?).ok()
    }

    fn postings(&self, word: &Word) -> Vec<usize> {
        let gaps: Vec<u32> = self
            .bytes(word.at, word.len)
            .and_then(|b| postcard::from_bytes(&b).ok())
            .unwrap_or_default();
        let mut at = 0usize;
        gaps.iter()
            .map(|g| {
                at += *g as usize;
                at
            })
            .collect()
    }

    /// Which entries can match `request`: those that hold, for every word of the query, a
    /// word containing it. `None` when the query has no word to look up (all can match).
    fn candidates(&self, request: &Request) -> Option<Vec<bool>> {
        let wanted: Vec<String> = words(request.matcher.query()).collect();
        if wanted.is_empty() {
            return None;
        }
        let n = self.catalog.entries.len();
        let mut keep = vec![true; n];
        for w in wanted {
            let mut any = vec![false; n];
            for word in self.catalog.words.iter().filter(|x| x.word.contains(&w)) {
                for e in self.postings(word) {
                    if let Some(slot) = any.get_mut(e) {
                        *slot = true;
                    }
                }
            }
            for (k, a) in keep.iter_mut().zip(any) {
                *k &= a;
            }
        }
        Some(keep)
    }
}

/// Where one brief's record comes from in a search.
enum Source {
    /// The index has it, unchanged: entry number, and whether it can match.
    Kept(usize, bool),
    /// New or changed: read from its files.
    Read,
}

/// See [`super::search`].
pub fn search(
    root: &Path,
    request: &Request,
    index_path: Option<&Path>,
    found: impl FnMut(Found),
) -> Stats {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    run(root, Some(request), index_path, cores, found)
}

/// Brings the index at `index_path` up to date with the library at `root` without searching
/// it, on one thread (it runs behind the library, which must stay quick): the library does it
/// once its scan is done, so its first search finds the index ready.
pub fn refresh(root: &Path, index_path: &Path) -> Stats {
    run(root, None, Some(index_path), 1, |_| {})
}

fn run(
    root: &Path,
    request: Option<&Request>,
    index_path: Option<&Path>,
    threads: usize,
    mut found: impl FnMut(Found),
) -> Stats {
    let listed = listed(root);
    let index = index_path.and_then(Index::open);
    // No request: nothing can match.
    let none = Some(vec![
        false;
        index.as_ref().map_or(0, |i| i.catalog.entries.len())
    ]);
    let candidates = match request {
        Some(request) => index.as_ref().and_then(|i| i.candidates(request)),
        None => none,
    };
    let stamps: Vec<(Option<Stamp>, Option<Stamp>)> = listed
        .iter()
        .map(|l| {
            let of = |m: &Option<fs::Metadata>| m.as_ref().and_then(Stamp::of);
            (of(&l.brief), of(&l.sidecar))
        })
        .collect();
    let paths: Vec<PathBuf> = listed.into_iter().map(|l| l.path).collect();
    let names: Vec<String> = paths.iter().map(|p| name_of(root, p)).collect();
    let sources: Vec<Source> = names
        .iter()
        .zip(&stamps)
        .map(|(name, (brief, sidecar))| {
            let kept = index.as_ref().and_then(|i| {
                let e = *i.by_name.get(name)?;
                let entry = &i.catalog.entries[e];
                (Some(entry.brief) == *brief && entry.sidecar == *sidecar).then_some(e)
            });
            match kept {
                Some(e) => Source::Kept(e, candidates.as_ref().is_none_or(|c| c[e])),
                None => Source::Read,
            }
        })
        .collect();
    let mut stats = Stats {
        briefs: paths.len(),
        ..Stats::default()
    };
    let unchanged = index.as_ref().is_some_and(|i| {
        i.catalog.entries.len() == paths.len()
            && sources.iter().all(|s| matches!(s, Source::Kept(..)))
    });
    let mut writer = match (unchanged, index_path) {
        (false, Some(path)) => Rewrite::start(path),
        _ => None,
    };
    for start in (0..paths.len()).step_by(BATCH) {
        let end = (start + BATCH).min(paths.len());
        let batch = records(
            root,
            &paths[start..end],
            &sources[start..end],
            index.as_ref(),
            request,
            threads,
        );
        for (i, searched) in (start..end).zip(batch) {
            let kept = match &sources[i] {
                Source::Kept(e, _) => Some(*e),
                Source::Read => None,
            };
            if kept.is_none() {
                stats.read += 1;
            } else if searched.looked {
                stats.from_index += 1;
            }
            if let Some((title, hits, total)) = searched.found {
                stats.matched += 1;
                found(Found {
                    brief: paths[i].clone(),
                    name: names[i].clone(),
                    title,
                    hits,
                    total,
                });
            }
            if let Some(w) = writer.as_mut() {
                let (brief, sidecar) = stamps[i];
                let ok = match (kept, &searched.record, brief) {
                    (_, _, None) => true,
                    (Some(e), _, Some(brief)) => match index.as_ref() {
                        Some(index) => w.copy(index, e, &names[i], brief, sidecar),
                        None => true,
                    },
                    (None, Some(record), Some(brief)) => w.add(record, &names[i], brief, sidecar),
                    (None, None, Some(_)) => true,
                };
                if !ok {
                    writer = None;
                }
            }
        }
    }
    if let Some(w) = writer {
        w.finish(index.as_ref());
    }
    stats
}

/// One brief of a batch, searched.
#[derive(Default)]
struct Searched {
    /// Its record, when it was read from its files (the index is to have it).
    record: Option<Record>,
    /// Whether a record was at hand (from the files or the index).
    looked: bool,
    /// Its title and hits, when it has some.
    found: Option<(String, Vec<Hit>, usize)>,
}

/// The briefs of a batch that can match (or, when the index is to be written, that must be
/// read from their files), searched on every core: those the index keeps come from it, the
/// others from their files.
fn records(
    root: &Path,
    paths: &[PathBuf],
    sources: &[Source],
    index: Option<&Index>,
    request: Option<&Request>,
    cores: usize,
) -> Vec<Searched> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = paths.get(i) else {
                return done;
            };
            let (record, read) = match sources[i] {
                Source::Kept(e, true) => (index.and_then(|x| x.record(e)), false),
                Source::Kept(_, false) => (None, false),
                Source::Read => (Record::read(root, path).ok(), true),
            };
            let found = record.as_ref().zip(request).and_then(|(record, request)| {
                let (hits, total) = hits(record, request);
                (total > 0).then(|| (record.title.clone(), hits, total))
            });
            let searched = Searched {
                looked: record.is_some(),
                record: record.filter(|_| read),
                found,
            };
            done.push((i, searched));
        }
    };
    let mut all: Vec<Searched> = std::iter::repeat_with(Searched::default)
        .take(paths.len())
        .collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores.min(paths.len()).max(1))
            .map(|_| scope.spawn(work))
            .collect();
        for w in workers {
            for (i, searched) in w.join().unwrap_or_default() {
                all[i] = searched;
            }
        }
    });
    all
}

fn name_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .map_or_else(|_| show_path(path), show_path)
}
