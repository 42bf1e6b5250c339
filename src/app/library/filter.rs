//! The library's fuzzy filter, with the matcher behind helix (nucleo): smart case, over each
//! brief's title, source and file name.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::store::library::Summary;

/// Indexes of the briefs that match `filter` (all of them without one).
pub fn matching(briefs: &[Summary], filter: Option<&str>) -> Vec<usize> {
    let query = filter.map(str::trim).unwrap_or_default();
    if query.is_empty() {
        return (0..briefs.len()).collect();
    }
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut haystack = String::new();
    (0..briefs.len())
        .filter(|&i| {
            let b = &briefs[i];
            haystack.clear();
            for part in [
                b.title.as_deref(),
                b.source.as_deref(),
                Some(b.name.as_str()),
            ]
            .into_iter()
            .flatten()
            {
                haystack.push_str(part);
                haystack.push(' ');
            }
            pattern
                .score(Utf32Str::new(&haystack, &mut buf), &mut matcher)
                .is_some()
        })
        .collect()
}
