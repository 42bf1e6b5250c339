//! Finds runs of blocks that repeat an earlier run verbatim (scrapers often append the whole
//! body a second time). The view collapses them; the text and its offsets are untouched.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use super::block::Block;

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
pub fn find(text: &str, blocks: &[Block]) -> Vec<Repeat> {
    let same = |a: usize, b: usize| {
        blocks[a].kind == blocks[b].kind
            && blocks[a].prefix() == blocks[b].prefix()
            && text[blocks[a].range.clone()] == text[blocks[b].range.clone()]
    };
    // Sized once: growing it would hold the old table and the new one at the same time.
    let mut first_seen: HashMap<u64, usize> = HashMap::with_capacity(blocks.len());
    let mut repeats = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let j = *first_seen
            .entry(key(&text[blocks[i].range.clone()]))
            .or_insert(i);
        if j < i && same(j, i) {
            let mut len = 1;
            while j + len < i && i + len < blocks.len() && same(j + len, i + len) {
                len += 1;
            }
            let chars: usize = blocks[i..i + len].iter().map(|b| b.char_len).sum();
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
