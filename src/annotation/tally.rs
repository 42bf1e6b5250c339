//! Counting tags across briefs: how many annotations and briefs carry each tag, a tag counting
//! toward its parents (`policy/japan` toward `policy`, an annotation once however many of its
//! tags sit under a parent). Pure; shared by `gloss tags`, `gloss codes` and the codebook view.

use std::collections::{BTreeMap, BTreeSet};

use super::tag::with_parents;

/// The counts of one tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Annotations carrying the tag or one under it.
    pub annotations: usize,
    /// Briefs with such an annotation.
    pub briefs: usize,
}

/// Tags counted so far; feed it brief by brief.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    counts: BTreeMap<String, (Count, Option<usize>)>,
}

impl Tally {
    /// Counts one annotation of brief number `brief` (any number that tells briefs apart; the
    /// annotations of one brief come together) carrying `tags`.
    pub fn add(&mut self, brief: usize, tags: &[String]) {
        let all: BTreeSet<&str> = tags.iter().flat_map(|t| with_parents(t)).collect();
        for tag in all {
            let (count, last) = self.counts.entry(tag.to_string()).or_default();
            count.annotations += 1;
            if *last != Some(brief) {
                count.briefs += 1;
                *last = Some(brief);
            }
        }
    }

    /// The counts of `tag` (zero when nothing carries it).
    pub fn get(&self, tag: &str) -> Count {
        self.counts.get(tag).map(|(c, _)| *c).unwrap_or_default()
    }

    /// Every tag seen (parents included) with its counts, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Count)> {
        self.counts.iter().map(|(t, (c, _))| (t.as_str(), *c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(all: &[&str]) -> Vec<String> {
        all.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn parents_count_an_annotation_once_and_a_brief_once() {
        let mut tally = Tally::default();
        tally.add(0, &tags(&["policy/japan", "policy/netherlands"]));
        tally.add(0, &tags(&["policy"]));
        tally.add(1, &tags(&["policy/japan", "market"]));
        let all: Vec<(&str, Count)> = tally.iter().collect();
        let count = |annotations, briefs| Count {
            annotations,
            briefs,
        };
        assert_eq!(
            all,
            [
                ("market", count(1, 1)),
                ("policy", count(3, 2)),
                ("policy/japan", count(2, 2)),
                ("policy/netherlands", count(1, 1)),
            ]
        );
        assert_eq!(tally.get("absent"), Count::default());
    }
}
