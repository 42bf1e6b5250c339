//! Character offsets, kept apart from byte offsets by the compiler. Annotations, the sidecar
//! and the reading position count Unicode scalar values (so they mean the same in any
//! language that reads the file); the text itself is sliced by bytes. A `Chars` is the first
//! kind; a plain `usize` offset into the normalised text is always the second.
//! [`Document::char_offset`](super::Document::char_offset) and
//! [`Document::byte_offset`](super::Document::byte_offset) convert between them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A character offset into the normalised text (Unicode scalar values from its start).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Chars(pub usize);

impl Chars {
    /// The number of characters.
    pub fn get(self) -> usize {
        self.0
    }

    /// Characters from `earlier` to here (0 if `earlier` is later).
    pub fn since(self, earlier: Chars) -> usize {
        self.0.saturating_sub(earlier.0)
    }

    /// `n` characters further on.
    pub fn plus(self, n: usize) -> Chars {
        Chars(self.0.saturating_add(n))
    }
}

impl fmt::Display for Chars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// How many characters lie between two offsets (0 when `rhs` is later).
impl std::ops::Sub for Chars {
    type Output = usize;

    fn sub(self, rhs: Chars) -> usize {
        self.since(rhs)
    }
}

/// The offset `rhs` characters further on.
impl std::ops::Add<usize> for Chars {
    type Output = Chars;

    fn add(self, rhs: usize) -> Chars {
        self.plus(rhs)
    }
}

/// The offset `rhs` characters before (0 at most).
impl std::ops::Sub<usize> for Chars {
    type Output = Chars;

    fn sub(self, rhs: usize) -> Chars {
        Chars(self.0.saturating_sub(rhs))
    }
}
