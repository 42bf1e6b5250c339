//! Code co-occurrence: how often two codes meet, on one highlight carrying both or on two
//! highlights that overlap (or, as an option, share a paragraph). A pair of highlights (a
//! highlight paired with itself included) counts once for each pair of codes it joins.

use serde::Serialize;

use super::{Brief, Codes, Library, Scope, Segment};

/// What makes two different highlights meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Near {
    /// They overlap by at least one character.
    #[default]
    Overlap,
    /// They overlap, or touch one paragraph (block) both.
    Paragraph,
}

/// A symmetric table of co-occurrences; the diagonal holds how many segments carry the code.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Cooccurrence {
    /// The codes, in name order.
    pub codes: Vec<String>,
    /// `counts[a][b] == counts[b][a]`.
    pub counts: Vec<Vec<u32>>,
}

/// The co-occurrence table of `library` in `scope`.
pub fn cooccurrence(library: &Library, scope: &Scope, near: Near) -> Cooccurrence {
    let codes = Codes::of(library, scope);
    let n = codes.names.len();
    let mut counts = vec![vec![0u32; n]; n];
    let mut joined = Vec::new();
    for brief in &library.briefs {
        let coded = coded(brief, &codes, scope, near);
        for (i, (a, codes_a)) in coded.iter().enumerate() {
            for &c in codes_a {
                counts[c][c] += 1;
            }
            for (j, (b, codes_b)) in coded.iter().enumerate().skip(i) {
                if j != i && !meet(a, b) {
                    continue;
                }
                joined.clear();
                for &x in codes_a {
                    for &y in codes_b {
                        if x != y {
                            joined.push((x.min(y), x.max(y)));
                        }
                    }
                }
                joined.sort_unstable();
                joined.dedup();
                for &(x, y) in &joined {
                    counts[x][y] += 1;
                    counts[y][x] += 1;
                }
            }
        }
    }
    Cooccurrence {
        codes: codes.names,
        counts,
    }
}

/// Where a segment lies, for deciding whether two meet: its characters, and the paragraphs
/// it touches when paragraphs count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its characters; `None` for an orphan, which meets nothing but itself.
    chars: Option<std::ops::Range<usize>>,
    /// The first and last paragraph it touches (when paragraphs count).
    paragraphs: Option<(usize, usize)>,
}

/// Whether two different segments meet.
fn meet(a: &Place, b: &Place) -> bool {
    let (Some(x), Some(y)) = (&a.chars, &b.chars) else {
        return false;
    };
    if x.start < y.end && y.start < x.end {
        return true;
    }
    match (a.paragraphs, b.paragraphs) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

/// The segments of `brief` with a code in scope, with where they lie and their codes.
fn coded(brief: &Brief, codes: &Codes, scope: &Scope, near: Near) -> Vec<(Place, Vec<usize>)> {
    brief
        .segments
        .iter()
        .filter_map(|s| {
            let mine = codes.of_segment(s, scope);
            (!mine.is_empty()).then(|| (place(brief, s, near), mine))
        })
        .collect()
}

fn place(brief: &Brief, s: &Segment, near: Near) -> Place {
    let chars = s.placed.then(|| s.chars.clone());
    let paragraphs = match (&chars, near) {
        (Some(c), Near::Paragraph) => paragraphs_of(brief, c),
        _ => None,
    };
    Place { chars, paragraphs }
}

/// The first and last block of `brief` that `chars` touches, if any.
fn paragraphs_of(brief: &Brief, chars: &std::ops::Range<usize>) -> Option<(usize, usize)> {
    let touches = |p: &std::ops::Range<usize>| p.start < chars.end && chars.start < p.end;
    let first = brief.paragraphs.iter().position(touches)?;
    let last = brief.paragraphs.iter().rposition(touches)?;
    Some((first, last))
}

/// The segments behind one cell: every (brief, segment) on a highlight (or a pair of
/// highlights) where codes `a` and `b` meet, each segment once, in library order. For the
/// diagonal (`a == b`), the segments carrying the code.
pub fn cell(library: &Library, scope: &Scope, near: Near, a: &str, b: &str) -> Vec<(usize, usize)> {
    let codes = Codes::of(library, scope);
    let (Some(x), Some(y)) = (codes.number(a), codes.number(b)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (n, brief) in library.briefs.iter().enumerate() {
        let all: Vec<(usize, Place, Vec<usize>)> = brief
            .segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let mine = codes.of_segment(s, scope);
                (!mine.is_empty()).then(|| (i, place(brief, s, near), mine))
            })
            .collect();
        for (i, p, mine) in &all {
            let has = |c: &Vec<usize>, k: usize| c.contains(&k);
            let hit = if x == y {
                has(mine, x)
            } else {
                (has(mine, x) && has(mine, y))
                    || all.iter().any(|(j, q, theirs)| {
                        j != i
                            && meet(p, q)
                            && ((has(mine, x) && has(theirs, y))
                                || (has(mine, y) && has(theirs, x)))
                    })
            };
            if hit {
                out.push((n, *i));
            }
        }
    }
    out
}
