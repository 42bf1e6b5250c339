//! Myers' bit-parallel approximate string matching over characters, any pattern length.

/// A pattern compiled for Myers' algorithm: for each character, one bit mask per block of 64
/// pattern positions, with bit `i` set where the pattern holds that character. Works on chars,
/// so a CJK character is one position like any other.
pub(super) struct Pattern {
    pub(super) len: usize,
    blocks: usize,
    /// `blocks` masks per row: rows 0-127 are ASCII, then one row per entry of `other`.
    masks: Vec<u64>,
    /// The pattern's non-ASCII characters, sorted.
    other: Vec<char>,
    zeros: Vec<u64>,
    /// The bit of the pattern's last position within the last block.
    last: u64,
}

impl Pattern {
    pub(super) fn new(chars: &[char]) -> Self {
        let len = chars.len();
        let blocks = len.div_ceil(64).max(1);
        let mut other: Vec<char> = chars.iter().copied().filter(|c| !c.is_ascii()).collect();
        other.sort_unstable();
        other.dedup();
        let mut masks = vec![0; (128 + other.len()) * blocks];
        for (i, &c) in chars.iter().enumerate() {
            let row = Self::row_of(&other, c);
            if let Some(mask) = row.and_then(|r| masks.get_mut(r * blocks + i / 64)) {
                *mask |= 1 << (i % 64);
            }
        }
        Self {
            len,
            blocks,
            masks,
            other,
            zeros: vec![0; blocks],
            last: 1 << (len.saturating_sub(1) % 64),
        }
    }

    #[inline]
    fn row_of(other: &[char], c: char) -> Option<usize> {
        if c.is_ascii() {
            Some(c as usize)
        } else {
            other.binary_search(&c).ok().map(|r| 128 + r)
        }
    }

    /// The masks of `c`, one per block.
    #[inline]
    fn of(&self, c: char) -> &[u64] {
        Self::row_of(&self.other, c)
            .and_then(|r| self.masks.get(r * self.blocks..(r + 1) * self.blocks))
            .unwrap_or(&self.zeros)
    }
}

/// Myers' bit-parallel edit distance (Myers 1999, in the block form of Hyyrö 2003 and edlib):
/// feeds `text` to the pattern one character at a time and calls `each(tag, d)` with `d`, the
/// edit distance between the whole pattern and the best stretch of text ending at that
/// character. With `anchored` the stretch must begin at the start of `text`; otherwise it may
/// begin anywhere (approximate search). `each` returns false to stop early.
///
/// Quotes longer than 64 characters use several 64-bit blocks per text character, carrying the
/// horizontal difference from block to block, so the cost is the quote length / 64 words per
/// character rather than a head-and-tail approximation that could miss edits in the middle.
pub(super) fn scan<T>(
    pattern: &Pattern,
    text: impl Iterator<Item = (T, char)>,
    anchored: bool,
    each: impl FnMut(T, usize) -> bool,
) {
    // Up to 256 characters the state lives in registers rather than memory, which keeps the
    // per-character work on the critical path short (about twice as fast for two blocks).
    match pattern.blocks {
        _ if pattern.len == 0 => {}
        1 => scan_blocks::<1, T>(pattern, text, anchored, each),
        2 => scan_blocks::<2, T>(pattern, text, anchored, each),
        3 => scan_blocks::<3, T>(pattern, text, anchored, each),
        4 => scan_blocks::<4, T>(pattern, text, anchored, each),
        _ => scan_long(pattern, text, anchored, each),
    }
}

/// [`scan`] for a pattern of exactly `N` blocks.
fn scan_blocks<const N: usize, T>(
    pattern: &Pattern,
    text: impl Iterator<Item = (T, char)>,
    anchored: bool,
    mut each: impl FnMut(T, usize) -> bool,
) {
    // Column 0: the distance of pattern prefix i to empty text is i, so every vertical
    // difference is +1.
    let (mut pv, mut mv, mut score) = ([!0u64; N], [0u64; N], pattern.len);
    let top = isize::from(anchored);
    for (tag, c) in text {
        let mut eqs = [0; N];
        for (e, &m) in eqs.iter_mut().zip(pattern.of(c)) {
            *e = m;
        }
        let mut carry = top;
        for (n, ((pv, mv), eq)) in pv.iter_mut().zip(mv.iter_mut()).zip(eqs).enumerate() {
            let high = if n + 1 == N { pattern.last } else { 1 << 63 };
            carry = step(pv, mv, eq, carry, high);
        }
        // Branch-free: the sign of a difference is as good as random.
        score = score.wrapping_add_signed(carry);
        if !each(tag, score) {
            return;
        }
    }
}

/// [`scan`] for patterns of more than four blocks, with the state in memory.
fn scan_long<T>(
    pattern: &Pattern,
    text: impl Iterator<Item = (T, char)>,
    anchored: bool,
    mut each: impl FnMut(T, usize) -> bool,
) {
    let mut pv = vec![!0u64; pattern.blocks];
    let mut mv = vec![0u64; pattern.blocks];
    let (Some((last_pv, pvs)), Some((last_mv, mvs))) = (pv.split_last_mut(), mv.split_last_mut())
    else {
        return;
    };
    let (mut score, top) = (pattern.len, isize::from(anchored));
    for (tag, c) in text {
        let Some((&last_eq, eqs)) = pattern.of(c).split_last() else {
            return;
        };
        let mut carry = top;
        for ((pv, mv), &eq) in pvs.iter_mut().zip(mvs.iter_mut()).zip(eqs) {
            carry = step(pv, mv, eq, carry, 1 << 63);
        }
        score = score.wrapping_add_signed(step(last_pv, last_mv, last_eq, carry, pattern.last));
        if !each(tag, score) {
            return;
        }
    }
}

/// Advances one block by one text character (edlib's `calculateBlock`): `carry` is the
/// horizontal difference entering the block's top row, the result the one leaving its row
/// `high`.
#[inline]
fn step(pv: &mut u64, mv: &mut u64, eq: u64, carry: isize, high: u64) -> isize {
    let negative = u64::from(carry < 0);
    let positive = u64::from(carry > 0);
    let xv = eq | *mv;
    let eq = eq | negative;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let ph = *mv | !(xh | *pv);
    let mh = *pv & xh;
    let out = isize::from(ph & high != 0) - isize::from(mh & high != 0);
    let ph = (ph << 1) | positive;
    let mh = (mh << 1) | negative;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    out
}
