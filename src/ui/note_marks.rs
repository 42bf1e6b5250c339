//! Numbers of the highlights that carry a note, shared by the margin marks and the panel so
//! that "3" in the margin is entry 3 in the panel.

use std::collections::HashMap;

use uuid::Uuid;

use crate::annotation::{Annotation, Annotations};

/// The number (1-based, in document order, counting only annotations with a note) of each of
/// `wanted` that has a note.
pub fn note_numbers(all: &Annotations, wanted: &[&Annotation]) -> HashMap<Uuid, usize> {
    let mut out = HashMap::new();
    if !wanted.iter().any(|a| !a.note.is_empty()) {
        return out;
    }
    let mut n = 0;
    for a in all.iter() {
        if !a.note.is_empty() {
            n += 1;
            if wanted.iter().any(|w| w.id == a.id) {
                out.insert(a.id, n);
            }
        }
    }
    out
}
