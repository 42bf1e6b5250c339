//! Numbers of the highlights that carry a note, shared by the margin marks and the panel so
//! that "3" in the margin is entry 3 in the panel.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::annotation::{Annotation, Annotations};

/// The number (1-based, in document order, counting only annotations with a note) of each of
/// `wanted` that has a note. One pass over the annotations, up to the last one wanted.
pub fn note_numbers(all: &Annotations, wanted: &[&Annotation]) -> HashMap<Uuid, usize> {
    let mut want: HashSet<Uuid> = wanted
        .iter()
        .filter(|a| !a.note.is_empty())
        .map(|a| a.id)
        .collect();
    let mut out = HashMap::with_capacity(want.len());
    let mut n = 0;
    for a in all.iter() {
        if want.is_empty() {
            break;
        }
        if !a.note.is_empty() {
            n += 1;
            if want.remove(&a.id) {
                out.insert(a.id, n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::tests::ann;

    #[test]
    fn numbers_count_only_noted_highlights_in_document_order() {
        let mut items: Vec<Annotation> = (0..6)
            .map(|i| ann(i + 1, (i as usize * 10)..(i as usize * 10 + 5)))
            .collect();
        for i in [1, 2, 4] {
            items[i].note = format!("note {i}");
        }
        let all = Annotations::from_vec(items, String::new());
        let slice = all.as_slice();
        let numbers = note_numbers(&all, &[&slice[4], &slice[0], &slice[2]]);
        assert_eq!(numbers.get(&slice[4].id), Some(&3));
        assert_eq!(numbers.get(&slice[2].id), Some(&2));
        assert_eq!(numbers.get(&slice[0].id), None, "no note, no number");
    }
}
