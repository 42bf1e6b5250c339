//! Completing a name from candidates fuzzily (its letters in order, smart case): the code
//! picker of the reader's tag prompt and the analysis view's code filter both use it.

/// The `candidates` that `typed` matches fuzzily (smart case; all of them when it is empty),
/// in their order, with their scores.
pub(crate) fn fuzzy<'a>(typed: &str, candidates: &[&'a str]) -> Vec<(&'a str, u32)> {
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};
    if typed.trim().is_empty() {
        return candidates.iter().map(|c| (*c, 0)).collect();
    }
    let pattern = Pattern::parse(typed, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    candidates
        .iter()
        .filter_map(|c| {
            pattern
                .score(Utf32Str::new(c, &mut buf), &mut matcher)
                .map(|score| (*c, score))
        })
        .collect()
}

/// The characters `a` and `b` begin with alike.
pub(crate) fn common_prefix(a: &str, b: &str) -> String {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect()
}

/// The `candidates` that `typed` matches, best first (name order among equals).
pub(crate) fn best<'a>(typed: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let mut scored = fuzzy(typed, candidates);
    scored.sort_by_key(|s| std::cmp::Reverse(s.1));
    scored.into_iter().map(|(c, _)| c).collect()
}
