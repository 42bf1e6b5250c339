//! The jump list: where each far move left from, across briefs, to go back (`Ctrl-o`) and
//! forward again (`Ctrl-i`), as vim's and helix's jump lists do.

use super::reader::Spot;

/// Places kept at most; the oldest go first.
pub const KEPT: usize = 100;

/// Places left by jumps, oldest first, and where travelling through them has got to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jumps {
    spots: Vec<Spot>,
    /// The place shown now is `spots[at]`; `spots.len()` while not travelling.
    at: usize,
}

impl Jumps {
    /// A jump leaves `from`: it is kept, and places ahead of it (after going back) are
    /// forgotten, as a browser forgets pages ahead after a new link.
    pub fn record(&mut self, from: Spot) {
        self.spots.truncate(self.at);
        if self.spots.last() != Some(&from) {
            self.spots.push(from);
        }
        if self.spots.len() > KEPT {
            self.spots.remove(0);
        }
        self.at = self.spots.len();
    }

    /// The place to go back to from `here`, if any. Going back from the newest place first
    /// keeps `here`, so going forward returns to it.
    pub fn back(&mut self, here: Spot) -> Option<Spot> {
        if self.at == self.spots.len() {
            if self.spots.last() == Some(&here) {
                self.at -= 1;
            } else {
                self.spots.push(here.clone());
            }
        }
        while self.at > 0 {
            self.at -= 1;
            if self.spots[self.at] != here {
                return Some(self.spots[self.at].clone());
            }
        }
        None
    }

    /// The place to go forward to, after going back.
    pub fn forward(&mut self) -> Option<Spot> {
        let next = self.spots.get(self.at + 1)?.clone();
        self.at += 1;
        Some(next)
    }

    /// How many places are kept.
    pub fn len(&self) -> usize {
        self.spots.len()
    }

    /// Whether no place is kept.
    pub fn is_empty(&self) -> bool {
        self.spots.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Chars;

    fn spot(brief: &str, at: usize) -> Spot {
        Spot {
            brief: Some(brief.into()),
            top: Chars(at),
            caret: Chars(at),
        }
    }

    #[test]
    fn back_and_forward_walk_the_places_and_return_to_where_travel_began() {
        let mut jumps = Jumps::default();
        jumps.record(spot("a", 0));
        jumps.record(spot("a", 500));
        jumps.record(spot("b", 10));
        let here = spot("b", 900);
        assert_eq!(jumps.back(here.clone()), Some(spot("b", 10)));
        assert_eq!(jumps.back(spot("b", 10)), Some(spot("a", 500)));
        assert_eq!(jumps.back(spot("a", 500)), Some(spot("a", 0)));
        assert_eq!(jumps.back(spot("a", 0)), None, "nothing before the oldest");
        assert_eq!(jumps.forward(), Some(spot("a", 500)));
        assert_eq!(jumps.forward(), Some(spot("b", 10)));
        assert_eq!(jumps.forward(), Some(here), "back to where travel began");
        assert_eq!(jumps.forward(), None);
    }

    #[test]
    fn a_new_jump_after_going_back_forgets_the_places_ahead() {
        let mut jumps = Jumps::default();
        jumps.record(spot("a", 0));
        jumps.record(spot("a", 100));
        assert_eq!(jumps.back(spot("a", 200)), Some(spot("a", 100)));
        jumps.record(spot("a", 100));
        assert_eq!(jumps.forward(), None, "the place ahead is gone");
        assert_eq!(jumps.len(), 2);
        assert_eq!(jumps.back(spot("a", 50)), Some(spot("a", 100)));
    }

    #[test]
    fn the_same_place_twice_is_kept_once_and_the_oldest_go_past_the_limit() {
        let mut jumps = Jumps::default();
        jumps.record(spot("a", 1));
        jumps.record(spot("a", 1));
        assert_eq!(jumps.len(), 1);
        for i in 0..KEPT + 10 {
            jumps.record(spot("a", i + 2));
        }
        assert_eq!(jumps.len(), KEPT);
        assert!(!jumps.is_empty());
        // Going back from where the last jump left lands on the one before it.
        assert_eq!(jumps.back(spot("a", KEPT + 11)), Some(spot("a", KEPT + 10)));
    }
}
