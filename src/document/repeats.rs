//! Finds runs of blocks that repeat an earlier run verbatim (scrapers often append the whole
//! body a second time). The view collapses them; the text and its offsets are untouched.

use std::hash::{BuildHasher, Hash, Hasher};
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
    // foldhash with its fixed seed: the same key in every run, at a fraction of SipHash's cost.
    let mut h = foldhash::quality::FixedState::default().build_hasher();
    bytes.len().hash(&mut h);
    bytes[..bytes.len().min(SAMPLE)].hash(&mut h);
    bytes[bytes.len().saturating_sub(SAMPLE)..].hash(&mut h);
    h.finish()
}

/// Which keys more than one block has, as a filter: a key no other block has is never
/// reported shared; a key some other block has always is (and now and then one that none
/// has, when two keys fall in one slot).
struct SharedKeys {
    /// Two bits a slot: seen once, seen again.
    seen: Vec<u64>,
    again: Vec<u64>,
    mask: u64,
    /// Keys that fell in a slot seen again.
    shared: usize,
}

impl SharedKeys {
    /// The filter of `keys`, about `count` of them.
    fn of(count: usize, keys: impl Iterator<Item = u64>) -> Self {
        let slots = (count.max(1) * 8).next_power_of_two();
        let words = slots.div_ceil(64);
        let mut filter = Self {
            seen: vec![0; words],
            again: vec![0; words],
            mask: slots as u64 - 1,
            shared: 0,
        };
        for k in keys {
            let (word, bit) = filter.slot(k);
            if filter.again[word] & bit != 0 {
                filter.shared += 1;
            } else if filter.seen[word] & bit != 0 {
                filter.again[word] |= bit;
                filter.shared += 2;
            }
            filter.seen[word] |= bit;
        }
        filter
    }

    fn slot(&self, key: u64) -> (usize, u64) {
        // The high half, so that the table below, which buckets by the low bits, does not
        // see the keys that share a slot land in one bucket too.
        let slot = (key >> 32) & self.mask;
        ((slot / 64) as usize, 1 << (slot % 64))
    }

    fn has(&self, key: u64) -> bool {
        let (word, bit) = self.slot(key);
        self.again[word] & bit != 0
    }
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
    // Only a block whose key another block shares can start or match a repeat, and on a
    // brief without repeats almost none do: a first pass marks the keys seen more than once
    // (two bits per slot of a filter with 8 slots a block, false sharing included), and only
    // blocks whose slot is marked go into the table of the first block seen with each key.
    // That table holds only block numbers and works keys out again when it must compare
    // them. On a 100 MiB brief a map from key to block took 4.4 MB, on top of everything else
    // at the very end of reading; a table of every block 1.3 MB; this about 0.6 MB. It is
    // sized once, so it never holds an old table and a new one at once.
    let shared = SharedKeys::of(blocks.len(), (0..blocks.len() as u32).map(key_of));
    let mut first_seen: HashTable<u32> = HashTable::with_capacity(shared.shared);
    let mut repeats = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let at = i as u32;
        let k = key_of(at);
        if !shared.has(k) {
            i += 1;
            continue;
        }
        let j = match first_seen.entry(k, |&j| key_of(j) == k, |&j| key_of(j)) {
            Entry::Occupied(seen) => *seen.get() as usize,
            Entry::Vacant(slot) => {
                slot.insert(at);
                i
            }
        };
        if j < i
            && same(j, i)
            && let Some(repeat) = repeat_from(blocks, j, i, same)
        {
            i = repeat.copy.end;
            repeats.push(repeat);
            continue;
        }
        i += 1;
    }
    repeats
}

/// The repeat in which block `i` copies block `j` (`j < i`, the two the same): as many blocks
/// on as stay the same, stopping before the copy reaches the original, if they are enough
/// to count.
fn repeat_from(
    blocks: &[Block],
    j: usize,
    i: usize,
    same: impl Fn(usize, usize) -> bool,
) -> Option<Repeat> {
    let mut len = 1;
    while j + len < i && i + len < blocks.len() && same(j + len, i + len) {
        len += 1;
    }
    let chars: usize = blocks[i..i + len].iter().map(|b| b.char_len()).sum();
    (len >= MIN_BLOCKS && chars >= MIN_CHARS).then(|| Repeat {
        original: j..j + len,
        copy: i..i + len,
    })
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
    fn a_shared_key_is_always_reported_and_most_others_are_not() {
        let keys: Vec<u64> = (0..1_000u64)
            .map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let twice = keys.iter().chain(&keys[..10]).copied();
        let filter = super::SharedKeys::of(1_010, twice);
        assert!(keys[..10].iter().all(|&k| filter.has(k)));
        let falsely = keys[10..].iter().filter(|&&k| filter.has(k)).count();
        assert!(
            falsely < 100,
            "{falsely} of 990 unshared keys reported shared"
        );
        assert_eq!(filter.shared, 20 + falsely);
    }

    /// The table of every block's first sighting, as before the filter (a run grows from a
    /// match as in `find`): the filter must pick the same matches.
    fn every_block_in_the_table(text: &str, blocks: &[super::Block]) -> Vec<super::Repeat> {
        let key_of = |b: usize| super::key(&text[blocks[b].range()]);
        let same = |a: usize, b: usize| text[blocks[a].range()] == text[blocks[b].range()];
        let mut first_seen = std::collections::HashMap::new();
        let (mut repeats, mut i) = (Vec::new(), 0);
        while i < blocks.len() {
            let j = *first_seen.entry(key_of(i)).or_insert(i);
            if j < i
                && same(j, i)
                && let Some(repeat) = super::repeat_from(blocks, j, i, same)
            {
                i = repeat.copy.end;
                repeats.push(repeat);
                continue;
            }
            i += 1;
        }
        repeats
    }

    #[test]
    fn the_filter_finds_what_a_table_of_every_block_finds() {
        let lines = [
            P1,
            P2,
            "Short one.",
            "Advertisement",
            "Another paragraph that is long enough to count for a run of repeats.",
        ];
        let (mut seed, mut found) = (7u64, 0);
        for _ in 0..50 {
            let mut src = String::from("Title\n");
            for _ in 0..200 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let pick = (seed >> 33) as usize;
                if pick.is_multiple_of(3) {
                    src.push_str(lines[pick % lines.len()]);
                } else {
                    src.push_str(&format!("Unique line {}.", pick % 100_000));
                }
                src.push('\n');
            }
            let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
            assert_eq!(
                doc.repeats(),
                every_block_in_the_table(doc.text(), doc.blocks())
            );
            found += doc.repeats().len();
        }
        // The briefs are seeded: 23 repeats among them, runs of two to a few blocks.
        assert!(found >= 20, "only {found} repeats in the generated briefs");
    }

    #[test]
    fn a_run_stops_where_the_copy_diverges() {
        let src = format!("T\n{P1}\n{P2}\nEnd of first.\n{P1}\n{P2}\nA correction.");
        assert_eq!(repeats(&src), vec![(1..3, 4..6)]);
    }
}
