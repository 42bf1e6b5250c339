//! What a binding is pressed as: one key (`j`), or two in a row (`] h`), as vim's `]c` and
//! helix's `]f` are. Written with a space between the keys; printed the same way.

use std::fmt;
use std::str::FromStr;

use super::key::{Key, UnknownKey};

/// One key, or a prefix key then a second key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Keys {
    /// The key pressed first (the only one, for most bindings).
    pub first: Key,
    /// The key pressed after it, for a two-key binding.
    pub then: Option<Key>,
}

impl Keys {
    /// The binding of one key.
    pub fn one(key: Key) -> Self {
        Self {
            first: key,
            then: None,
        }
    }

    /// An action's keys as help and `gloss keys` list them: `j, Down`.
    pub fn listed(keys: &[Keys]) -> String {
        let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
        names.join(", ")
    }

    /// The one of an action's keys that hints name: the first, or `unbound`.
    pub fn hinted(keys: &[Keys]) -> String {
        keys.first()
            .map_or_else(|| "unbound".to_string(), ToString::to_string)
    }

    /// Whether pressing one of these bindings means starting the other: `]` and `] h`, or
    /// the same keys twice.
    pub fn clashes_with(&self, other: &Keys) -> bool {
        self.first == other.first
            && (self.then.is_none() || other.then.is_none() || self.then == other.then)
    }
}

impl From<Key> for Keys {
    fn from(key: Key) -> Self {
        Self::one(key)
    }
}

impl FromStr for Keys {
    type Err = UnknownKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(first), then, None) => Ok(Self {
                first: first.parse()?,
                then: then.map(str::parse).transpose()?,
            }),
            _ => Err(UnknownKey(s.to_string())),
        }
    }
}

impl fmt::Display for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.then {
            Some(then) => write!(f, "{} {then}", self.first),
            None => write!(f, "{}", self.first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Keys {
        s.parse().unwrap()
    }

    #[test]
    fn one_or_two_keys_parse_and_print_back() {
        assert_eq!(keys("j").then, None);
        assert_eq!(keys("] h").to_string(), "] h");
        assert_eq!(keys("ctrl-o").to_string(), "Ctrl-o");
        assert_eq!(keys("  [   ctrl-n ").to_string(), "[ Ctrl-n");
        assert!("] h x".parse::<Keys>().is_err());
        assert!("".parse::<Keys>().is_err());
        assert!("] nope".parse::<Keys>().is_err());
    }

    #[test]
    fn a_prefix_clashes_with_its_sequences_but_sequences_do_not_clash_with_each_other() {
        assert!(keys("]").clashes_with(&keys("] h")));
        assert!(keys("] h").clashes_with(&keys("]")));
        assert!(keys("] h").clashes_with(&keys("] h")));
        assert!(!keys("] h").clashes_with(&keys("] n")));
        assert!(!keys("] h").clashes_with(&keys("[ h")));
        assert!(!keys("j").clashes_with(&keys("k")));
    }
}
