//! The modifier keys gloss distinguishes: Ctrl, Alt and Shift, as a small bit set.

use std::ops::{BitOr, BitOrAssign};

/// A set of modifier keys held with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Modifiers(u8);

impl Modifiers {
    /// No modifier.
    pub const NONE: Self = Self(0);
    /// Control.
    pub const CTRL: Self = Self(1);
    /// Alt (Option, Meta).
    pub const ALT: Self = Self(1 << 1);
    /// Shift.
    pub const SHIFT: Self = Self(1 << 2);

    /// True when every modifier of `other` is in the set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when some modifier of `other` is in the set.
    pub fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// The set without the modifiers of `other`.
    pub fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }
}

impl BitOr for Modifiers {
    type Output = Self;

    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

impl BitOrAssign for Modifiers {
    fn bitor_assign(&mut self, other: Self) {
        self.0 |= other.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_combine_and_answer_membership() {
        let ctrl_alt = Modifiers::CTRL | Modifiers::ALT;
        assert!(ctrl_alt.contains(Modifiers::CTRL));
        assert!(!ctrl_alt.contains(Modifiers::CTRL | Modifiers::SHIFT));
        assert!(ctrl_alt.intersects(Modifiers::ALT | Modifiers::SHIFT));
        assert!(!Modifiers::NONE.intersects(ctrl_alt));
        assert_eq!(ctrl_alt.without(Modifiers::ALT), Modifiers::CTRL);
        let mut m = Modifiers::NONE;
        m |= Modifiers::SHIFT;
        assert_eq!(m, Modifiers::SHIFT);
    }
}
