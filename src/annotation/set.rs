//! All annotations of a brief, kept in document order, with the lookups the reader needs:
//! by id, at a position, and overlapping a range (without scanning everything).

use std::collections::BTreeSet;
use std::ops::Range;

use uuid::Uuid;

use crate::document::Chars;

use super::Annotation;

/// The annotations of one brief and its brief-level note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Sorted by (start, end, id).
    items: Vec<Annotation>,
    /// Longest annotation, in characters: bounds the search for overlaps.
    longest: usize,
    brief_note: String,
}

fn key(a: &Annotation) -> (Chars, Chars, Uuid) {
    (a.anchor.start, a.anchor.end, a.id)
}

impl Annotations {
    /// A set from any annotations (sorted here).
    pub fn from_vec(mut items: Vec<Annotation>, brief_note: String) -> Self {
        items.sort_by_key(key);
        let longest = items
            .iter()
            .map(|a| a.anchor.end - a.anchor.start)
            .max()
            .unwrap_or(0);
        Self {
            items,
            longest,
            brief_note,
        }
    }

    /// Every annotation in document order.
    pub fn iter(&self) -> std::slice::Iter<'_, Annotation> {
        self.items.iter()
    }

    /// The annotations as a slice, in document order.
    pub fn as_slice(&self) -> &[Annotation] {
        &self.items
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are no annotations.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The annotation with this id.
    pub fn get(&self, id: Uuid) -> Option<&Annotation> {
        self.items.iter().find(|a| a.id == id)
    }

    /// Position of the annotation with this id in document order.
    pub fn index_of(&self, id: Uuid) -> Option<usize> {
        self.items.iter().position(|a| a.id == id)
    }

    /// Adds an annotation in document order.
    pub fn insert(&mut self, annotation: Annotation) {
        self.longest = self
            .longest
            .max(annotation.anchor.end - annotation.anchor.start);
        let at = self.items.partition_point(|a| key(a) < key(&annotation));
        self.items.insert(at, annotation);
    }

    /// Removes and returns the annotation with this id.
    pub fn remove(&mut self, id: Uuid) -> Option<Annotation> {
        let index = self.index_of(id)?;
        let removed = self.items.remove(index);
        if removed.anchor.end - removed.anchor.start == self.longest {
            self.longest = self
                .items
                .iter()
                .map(|a| a.anchor.end - a.anchor.start)
                .max()
                .unwrap_or(0);
        }
        Some(removed)
    }

    /// Replaces the annotation with the same id; returns the old one.
    pub fn replace(&mut self, annotation: Annotation) -> Option<Annotation> {
        let old = self.remove(annotation.id);
        self.insert(annotation);
        old
    }

    /// Annotations that share at least one character with `range` (characters), in document
    /// order. Cost: a binary search plus the annotations starting within one longest-annotation
    /// length before the range.
    pub fn overlapping(&self, range: Range<Chars>) -> impl Iterator<Item = &Annotation> {
        let from = self
            .items
            .partition_point(|a| a.anchor.start + self.longest < range.start);
        let to = self
            .items
            .partition_point(|a| a.anchor.start < range.end.max(range.start + 1));
        self.items[from..to.max(from)].iter().filter(move |a| {
            a.status != super::Status::Orphaned
                && a.anchor.start < range.end.max(range.start + 1)
                && a.anchor.end > range.start
        })
    }

    /// Annotations covering character `offset`, innermost (shortest) first.
    pub fn at(&self, offset: Chars) -> Vec<&Annotation> {
        let mut found: Vec<&Annotation> = self.overlapping(offset..offset + 1).collect();
        found.sort_by_key(|a| (a.anchor.end - a.anchor.start, a.anchor.start));
        found
    }

    /// Annotations that could not be placed in the current text.
    pub fn orphans(&self) -> impl Iterator<Item = &Annotation> {
        self.items
            .iter()
            .filter(|a| a.status == super::Status::Orphaned)
    }

    /// Every tag used, sorted, once each.
    pub fn tags(&self) -> BTreeSet<&str> {
        self.items
            .iter()
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect()
    }

    /// The note on the brief as a whole.
    pub fn brief_note(&self) -> &str {
        &self.brief_note
    }

    /// Replaces the brief-level note; returns the old one.
    pub fn set_brief_note(&mut self, note: String) -> String {
        std::mem::replace(&mut self.brief_note, note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::tests::ann;

    #[test]
    fn kept_in_document_order() {
        let set = Annotations::from_vec(
            vec![ann(1, 10..20), ann(2, 0..5), ann(3, 10..12)],
            String::new(),
        );
        let order: Vec<_> = set.iter().map(|a| a.anchor.start..a.anchor.end).collect();
        let order: Vec<_> = order.iter().map(|r| r.start.get()..r.end.get()).collect();
        assert_eq!(order, vec![0..5, 10..12, 10..20]);
    }

    #[test]
    fn overlap_queries_in_a_table() {
        let set = Annotations::from_vec(
            vec![
                ann(1, 0..100),
                ann(2, 10..20),
                ann(3, 15..30),
                ann(4, 50..51),
                ann(5, 200..210),
            ],
            String::new(),
        );
        let ids = |r: Range<usize>| -> Vec<u128> {
            set.overlapping(Chars(r.start)..Chars(r.end))
                .map(|a| a.id.as_u128())
                .collect()
        };
        let cases: [(Range<usize>, Vec<u128>); 8] = [
            (0..1, vec![1]),
            (12..13, vec![1, 2]),
            (16..17, vec![1, 2, 3]),
            (20..21, vec![1, 3]),
            (30..50, vec![1]),
            (50..51, vec![1, 4]),
            (100..200, vec![]),
            (205..205, vec![5]),
        ];
        for (range, want) in cases {
            assert_eq!(ids(range.clone()), want, "{range:?}");
        }
        let inner_first: Vec<u128> = set.at(Chars(16)).iter().map(|a| a.id.as_u128()).collect();
        assert_eq!(inner_first, vec![2, 3, 1]);
    }

    #[test]
    fn removing_the_longest_keeps_queries_correct() {
        let mut set = Annotations::from_vec(vec![ann(1, 0..100), ann(2, 90..95)], String::new());
        set.remove(Uuid::from_u128(1));
        assert_eq!(set.overlapping(Chars(92)..Chars(93)).count(), 1);
        assert_eq!(set.overlapping(Chars(0)..Chars(10)).count(), 0);
    }

    #[test]
    fn orphans_are_never_found_by_position() {
        let mut lost = ann(9, 10..20);
        lost.status = crate::annotation::Status::Orphaned;
        let set = Annotations::from_vec(vec![ann(1, 12..14), lost], String::new());
        assert_eq!(set.overlapping(Chars(0)..Chars(100)).count(), 1);
        assert_eq!(set.orphans().count(), 1);
        assert_eq!(set.len(), 2, "orphans are kept");
    }

    #[test]
    fn tags_are_collected_once() {
        let mut a = ann(1, 0..1);
        a.tags = vec!["fed".into(), "rates".into()];
        let mut b = ann(2, 1..2);
        b.tags = vec!["rates".into()];
        let set = Annotations::from_vec(vec![a, b], String::new());
        assert_eq!(
            set.tags().into_iter().collect::<Vec<_>>(),
            vec!["fed", "rates"]
        );
    }
}
