//! Clean-up after Readability: blocks a reader would not call part of the article, dropped by
//! rules measured on the extraction benchmark (benches/extraction.rs; figures in the README).
//!
//! Kept: captions out (+0.005 F1: photo captions and credits are not the article's prose) and
//! short blocks made mostly of link text out (+0.003: "Related", tag lists, share bars).
//! Measured and left out because they cost more recall than they bought precision: dropping
//! repeated short blocks, short blocks before the first long paragraph, and after the last.

use super::Found;

/// Blocks under this many characters (not counting whitespace) may be dropped as link lists.
const LINK_BLOCK_CHARS: usize = 200;

/// Drops captions and short blocks that are mostly links.
pub fn tidy_blocks(blocks: Vec<Found>) -> Vec<Found> {
    blocks.into_iter().filter(|b| !is_clutter(b)).collect()
}

fn is_clutter(block: &Found) -> bool {
    let chars = block
        .text
        .as_str()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    let link_list = chars > 0 && chars < LINK_BLOCK_CHARS && block.link_chars * 2 > chars;
    block.caption || link_list
}
