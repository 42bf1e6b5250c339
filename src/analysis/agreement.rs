//! The agreement of two coders, code by code: over every character of the briefs both coded,
//! the share where they agree on the code (p_o), and Cohen's kappa with
//! p_e = p_A·p_B + (1−p_A)(1−p_B), p_A and p_B the shares each coder gave the code.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::{Brief, Library, Scope, same_author};

/// One code's agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The code, its full name.
    pub code: String,
    /// p_o: the share of characters where both gave the code or both did not.
    pub agreement: f64,
    /// Cohen's kappa; `None` when p_e is 1 (every character coded alike by both by chance:
    /// kappa is undefined).
    pub kappa: Option<f64>,
}

/// Characters counted for one code across the briefs both coded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Every character of those briefs.
    pub all: usize,
    /// Coded by the first coder.
    pub a: usize,
    /// Coded by the second.
    pub b: usize,
    /// Coded by both.
    pub both: usize,
}

impl Tally {
    /// p_o and kappa from these counts.
    pub fn score(self) -> (f64, Option<f64>) {
        if self.all == 0 {
            return (1.0, None);
        }
        let n = self.all as f64;
        let agree = (self.all + 2 * self.both - self.a - self.b) as f64;
        let p_o = agree / n;
        let (p_a, p_b) = (self.a as f64 / n, self.b as f64 / n);
        let p_e = p_a * p_b + (1.0 - p_a) * (1.0 - p_b);
        let kappa = (p_e < 1.0).then(|| (p_o - p_e) / (1.0 - p_e));
        (p_o, kappa)
    }
}

/// Per-code agreement of authors `a` and `b` in `library`: the codes (full names, those
/// under `scope.code` when it is set) either of them gave on the briefs both coded, in name
/// order. Orphaned segments have no characters and are left out.
pub fn agreement(library: &Library, scope: &Scope, a: &str, b: &str) -> Vec<Agreement> {
    tallies(library, scope, a, b)
        .into_iter()
        .map(|(code, tally)| {
            let (agreement, kappa) = tally.score();
            Agreement {
                code,
                agreement,
                kappa,
            }
        })
        .collect()
}

/// The character counts behind [`agreement`], per code.
pub fn tallies(library: &Library, scope: &Scope, a: &str, b: &str) -> Vec<(String, Tally)> {
    let unfolded = Scope {
        author: None,
        fold: super::Fold::None,
        ..scope.clone()
    };
    let by = |brief: &Brief, who: &str| {
        brief
            .segments
            .iter()
            .filter(|s| s.placed && same_author(&s.author, who))
            .filter(|s| s.tags.iter().any(|t| unfolded.name(t).is_some()))
            .count()
            > 0
    };
    let both: Vec<&Brief> = library
        .briefs
        .iter()
        .filter(|brief| by(brief, a) && by(brief, b))
        .collect();
    let mut codes: Vec<&str> = both
        .iter()
        .flat_map(|brief| brief.segments.iter())
        .filter(|s| s.placed && (same_author(&s.author, a) || same_author(&s.author, b)))
        .flat_map(|s| s.tags.iter().filter_map(|t| unfolded.name(t)))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let all: usize = both.iter().map(|brief| brief.chars).sum();
    let number: HashMap<&str, usize> = codes.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut out: Vec<Tally> = vec![
        Tally {
            all,
            ..Tally::default()
        };
        codes.len()
    ];
    // One pass over each brief's segments: every code's ranges, per coder.
    let mut ranges: HashMap<usize, [Vec<Range<usize>>; 2]> = HashMap::new();
    for brief in &both {
        ranges.clear();
        for s in brief.segments.iter().filter(|s| s.placed) {
            let chars = s.chars.start.min(brief.chars)..s.chars.end.min(brief.chars);
            for tag in &s.tags {
                let Some(&code) = unfolded.name(tag).and_then(|n| number.get(n)) else {
                    continue;
                };
                let entry = ranges.entry(code).or_default();
                if same_author(&s.author, a) {
                    entry[0].push(chars.clone());
                }
                if same_author(&s.author, b) {
                    entry[1].push(chars.clone());
                }
            }
        }
        for (&code, [x, y]) in &mut ranges {
            let (x, y) = (union(std::mem::take(x)), union(std::mem::take(y)));
            out[code].a += length(&x);
            out[code].b += length(&y);
            out[code].both += overlap(&x, &y);
        }
    }
    codes.into_iter().map(str::to_string).zip(out).collect()
}

/// The ranges merged into disjoint ones, in order.
fn union(mut all: Vec<Range<usize>>) -> Vec<Range<usize>> {
    all.retain(|r| r.start < r.end);
    all.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

fn length(ranges: &[Range<usize>]) -> usize {
    ranges.iter().map(|r| r.end - r.start).sum()
}

/// Characters in both lists of disjoint ordered ranges.
fn overlap(x: &[Range<usize>], y: &[Range<usize>]) -> usize {
    let (mut i, mut j, mut total) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        let start = x[i].start.max(y[j].start);
        let end = x[i].end.min(y[j].end);
        total += end.saturating_sub(start);
        if x[i].end < y[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    total
}
