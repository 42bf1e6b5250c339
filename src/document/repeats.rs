//! Finds runs of blocks that repeat an earlier run verbatim (scrapers often append the whole
//! body a second time). The view collapses them; the text and its offsets are untouched.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

use super::block::{Block, Styles};

/// A run shorter than this many blocks is never collapsed.
pub const MIN_BLOCKS: usize = 2;
/// A run with fewer characters than this is never collapsed (short repeated lines such as
/// "Advertisement" are left alone).
pub const MIN_CHARS: usize = 100;

/// A run of blocks that repeats an earlier run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// Block indices of the first occurrence.
    pub original: Range<usize>,
    /// Block indices of the repetition, which the view collapses.
    pub copy: Range<usize>,
}

/// Bytes hashed from each end of a block: enough to tell paragraphs apart, cheap for huge ones.
const SAMPLE: usize = 128;

/// A cheap key for a block's text: its length and its first and last [`SAMPLE`] bytes. Equal
/// texts have equal keys; candidates are compared in full.
fn key(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut h = DefaultHasher::new();
    bytes.len().hash(&mut h);
    bytes[..bytes.len().min(SAMPLE)].hash(&mut h);
    bytes[bytes.len().saturating_sub(SAMPLE)..].hash(&mut h);
    h.finish()
}

/// Finds repeated runs, in document order, without overlaps. Linear in the number of blocks,
/// and hashes at most 2 x [`SAMPLE`] bytes of each.
pub fn find(text: &str, blocks: &[Block], styles: &Styles) -> Vec<Repeat> {
    let same = |a: usize, b: usize| {
        blocks[a].kind() == blocks[b].kind()
            && styles.prefix(a) == styles.prefix(b)
            && text[blocks[a].range()] == text[blocks[b].range()]
    };
    // Block numbers are kept in 4 bytes; a brief of more blocks (some 8 GB of text) is not
    // searched for repeats.
    if u32::try_from(blocks.len()).is_err() {
        return Vec::new();
    }
    let key_of = |b: u32| key(&text[blocks[b as usize].range()]);
    // The first block seen with each key. It holds only block numbers and works keys out
    // again when it must compare them: on a 100 MiB brief a map from key to block took
    // 4.4 MB, on top of everything else at the very end of reading; this takes 1.3 MB. It is
    // sized once, so it never holds an old table and a new one at once.
    let mut first_seen: HashTable<u32> = HashTable::with_capacity(blocks.len());
    let mut repeats = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let at = i as u32;
        let k = key_of(at);
        let j = match first_seen.entry(k, |&j| key_of(j) == k, |&j| key_of(j)) {
            Entry::Occupied(seen) => *seen.get() as usize,
            Entry::Vacant(slot) => {
                slot.insert(at);
                i
            }
        };
        if j < i && same(j, i) {
            let mut len = 1;
            while j + len < i && i + len < blocks.len() && same(j + len, i + len) {
                len += 1;
            }
            let chars: usize = blocks[i..i + len].iter().map(|b| b.char_len()).sum();
            if len >= MIN_BLOCKS && chars >= MIN_CHARS {
                repeats.push(Repeat {
                    original: j..j + len,
                    copy: i..i + len,
                });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    repeats
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};

    fn repeats(src: &str) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        doc.repeats()
            .iter()
            .map(|r| (r.original.clone(), r.copy.clone()))
            .collect()
    }

    const P1: &str = "The central bank raised its benchmark rate by a quarter point on Tuesday.";
    const P2: &str =
        "Markets had expected the move, and shares rose modestly after the announcement.";

    #[test]
    fn a_repeated_body_is_found() {
        let src = format!("Title\n{P1}\n{P2}\n\t\t\n{P1}\n{P2}\n");
        assert_eq!(repeats(&src), vec![(1..3, 3..5)]);
    }

    #[test]
    fn short_or_single_repeats_are_left_alone() {
        assert!(repeats("T\nAdvertisement\nText one here\nAdvertisement\nText two").is_empty());
        assert!(repeats(&format!("T\n{P1}\nx\n{P1}\ny")).is_empty());
    }

    #[test]
    fn a_run_stops_where_the_copy_diverges() {
        let src = format!("T\n{P1}\n{P2}\nEnd of first.\n{P1}\n{P2}\nA correction.");
        assert_eq!(repeats(&src), vec![(1..3, 4..6)]);
    }
}
