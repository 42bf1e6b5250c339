//! The code x brief matrix: how many coded segments of each brief carry each code (a segment
//! once per code, however many of its tags fold onto it).

use serde::Serialize;

use super::{Codes, Library, Scope};

/// Counts of coded segments, a row per code and a column per brief.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Matrix {
    /// The codes (rows), full names unless folded.
    pub codes: Vec<String>,
    /// The briefs (columns), by their path under the library.
    pub briefs: Vec<String>,
    /// `counts[code][brief]`.
    pub counts: Vec<Vec<u32>>,
}

impl Matrix {
    /// The largest count, for scaling a heat map.
    pub fn max(&self) -> u32 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// The matrix of `library` in `scope`: every brief is a column, coded or not.
pub fn matrix(library: &Library, scope: &Scope) -> Matrix {
    let codes = Codes::of(library, scope);
    let mut counts = vec![vec![0u32; library.briefs.len()]; codes.names.len()];
    for (b, brief) in library.briefs.iter().enumerate() {
        for segment in &brief.segments {
            for code in codes.of_segment(segment, scope) {
                counts[code][b] += 1;
            }
        }
    }
    Matrix {
        codes: codes.names,
        briefs: library.briefs.iter().map(|b| b.name.clone()).collect(),
        counts,
    }
}

/// The segments behind one cell: (brief, segment) numbers of the segments of brief `brief`
/// that count toward `code` in `scope`, in the brief's order.
pub fn cell(library: &Library, scope: &Scope, code: &str, brief: usize) -> Vec<(usize, usize)> {
    let Some(b) = library.briefs.get(brief) else {
        return Vec::new();
    };
    b.segments
        .iter()
        .enumerate()
        .filter(|(_, s)| scope.by(s) && s.tags.iter().any(|t| scope.name(t) == Some(code)))
        .map(|(i, _)| (brief, i))
        .collect()
}
