//! Writing a new index beside the old one: records read again are added, unchanged ones
//! copied as they are, the word lists renumbered, then the file put in place by a rename.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Catalog, Entry, Index, MAGIC, Stamp, TRAILER, Word};
use crate::store::search::Record;
use crate::store::search::words::of_record;

/// A new index being written beside the old one.
pub(super) struct Rewrite {
    path: PathBuf,
    temp: PathBuf,
    out: BufWriter<File>,
    at: u64,
    entries: Vec<Entry>,
    /// Word -> entry numbers (in the new file) holding it.
    words: BTreeMap<String, Vec<u32>>,
    /// Entry numbers of the old index -> of the new one, for its word lists.
    renumbered: HashMap<usize, u32>,
}

impl Rewrite {
    pub(super) fn start(path: &Path) -> Option<Self> {
        let dir = path.parent()?;
        fs::create_dir_all(dir).ok()?;
        let temp = dir.join(format!(
            ".{}.{}.tmp",
            path.file_name()?.to_string_lossy(),
            std::process::id()
        ));
        let mut out = BufWriter::new(File::create(&temp).ok()?);
        out.write_all(MAGIC).ok()?;
        Some(Self {
            path: path.to_path_buf(),
            temp,
            out,
            at: MAGIC.len() as u64,
            entries: Vec::new(),
            words: BTreeMap::new(),
            renumbered: HashMap::new(),
        })
    }

    fn put(&mut self, bytes: &[u8]) -> Option<(u64, u64)> {
        self.out.write_all(bytes).ok()?;
        let at = self.at;
        self.at += bytes.len() as u64;
        Some((at, bytes.len() as u64))
    }

    fn entry(&mut self, name: &str, brief: Stamp, sidecar: Option<Stamp>, at: (u64, u64)) -> u32 {
        let number = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push(Entry {
            name: name.to_string(),
            brief,
            sidecar,
            at: at.0,
            len: at.1,
        });
        number
    }

    /// Adds a record read from its files. False when writing failed.
    pub(super) fn add(
        &mut self,
        record: &Record,
        name: &str,
        brief: Stamp,
        sidecar: Option<Stamp>,
    ) -> bool {
        let Ok(bytes) = postcard::to_stdvec(record) else {
            return false;
        };
        let Some(at) = self.put(&bytes) else {
            return false;
        };
        let number = self.entry(name, brief, sidecar, at);
        for word in of_record(record) {
            self.words.entry(word).or_default().push(number);
        }
        true
    }

    /// Copies an unchanged record from the old index. False when reading or writing failed.
    pub(super) fn copy(
        &mut self,
        old: &Index,
        entry: usize,
        name: &str,
        brief: Stamp,
        sidecar: Option<Stamp>,
    ) -> bool {
        let Some(e) = old.catalog.entries.get(entry) else {
            return false;
        };
        let Some(bytes) = old.bytes(e.at, e.len) else {
            return false;
        };
        let Some(at) = self.put(&bytes) else {
            return false;
        };
        let number = self.entry(name, brief, sidecar, at);
        self.renumbered.insert(entry, number);
        true
    }

    /// Writes the word lists (the old index's for the records copied from it, renumbered)
    /// and the catalog, and puts the file in place.
    pub(super) fn finish(mut self, old: Option<&Index>) {
        if let Some(old) = old.filter(|_| !self.renumbered.is_empty()) {
            for word in &old.catalog.words {
                let kept: Vec<u32> = old
                    .postings(word)
                    .iter()
                    .filter_map(|e| self.renumbered.get(e).copied())
                    .collect();
                if !kept.is_empty() {
                    self.words
                        .entry(word.word.clone())
                        .or_default()
                        .extend(kept);
                }
            }
        }
        let ok = self.write_rest().is_some();
        if !ok || fs::rename(&self.temp, &self.path).is_err() {
            let _ = fs::remove_file(&self.temp);
        }
    }

    fn write_rest(&mut self) -> Option<()> {
        let mut words = Vec::with_capacity(self.words.len());
        for (word, mut list) in std::mem::take(&mut self.words) {
            list.sort_unstable();
            list.dedup();
            let mut last = 0;
            let gaps: Vec<u32> = list
                .iter()
                .map(|e| {
                    let gap = e - last;
                    last = *e;
                    gap
                })
                .collect();
            let (at, len) = self.put(&postcard::to_stdvec(&gaps).ok()?)?;
            words.push(Word { word, at, len });
        }
        let catalog = Catalog {
            entries: std::mem::take(&mut self.entries),
            words,
        };
        let bytes = postcard::to_stdvec(&catalog).ok()?;
        let catalog_len = bytes.len() as u64;
        self.put(&bytes)?;
        let whole = self.at + TRAILER;
        self.out.write_all(&catalog_len.to_le_bytes()).ok()?;
        self.out.write_all(&whole.to_le_bytes()).ok()?;
        self.out.write_all(MAGIC).ok()?;
        self.out.flush().ok()
    }
}
