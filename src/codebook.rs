//! A library's codebook: the controlled set of codes a researcher tags passages with, each a
//! hierarchical name (`frame/conflict`) with an optional description and colour. Codes are the
//! tags of the annotation model: an operation here says which [`Retag`] the sidecars must
//! follow. Pure: no files (`store::codebook` reads and writes `codebook.toml`).

pub mod format;
pub mod memo;
pub mod qdc;
pub mod tree;

use serde::{Deserialize, Serialize};

use crate::annotation::Color;
use crate::annotation::query::tag_within;
use crate::annotation::tag::{Retag, name_problem};

/// Every code, in name order, names unique.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Codebook {
    /// The codes.
    pub codes: Vec<Code>,
    /// The library's free-standing memos, in title order.
    pub memos: Vec<memo::Memo>,
    /// Top-level keys and tables this version does not know, kept as they were.
    pub extra: toml::Table,
}

/// One `[[code]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Code {
    /// Its full name, parts separated by `/`.
    pub name: String,
    /// What it means (its definition, examples).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its colour, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// The researcher's memo on it: its definition in full, examples, doubts (any lines).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Code {
    /// A code with only a name.
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_string(),
            description: String::new(),
            color: None,
            memo: String::new(),
            extra: toml::Table::new(),
        }
    }
}

/// One change to a codebook, as the command line and the codebook view ask for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Add this code.
    Add(Code),
    /// Rename a code and the codes under it.
    Rename {
        /// The code.
        old: String,
        /// Its new full name.
        new: String,
    },
    /// Put a code under another parent (`/`: the top).
    Move {
        /// The code.
        code: String,
        /// The new parent.
        parent: String,
    },
    /// Fold a code into another.
    Merge {
        /// The code that goes.
        from: String,
        /// The code that stays.
        into: String,
    },
    /// Delete a code and the codes under it.
    Delete {
        /// The code.
        code: String,
        /// Even when annotations carry it.
        yes: bool,
    },
    /// Set a code's memo (empty: none).
    Memo {
        /// The code.
        code: String,
        /// The memo's text.
        text: String,
    },
    /// Set the library memo of this title (empty text: delete it).
    LibraryMemo {
        /// The memo's title.
        title: String,
        /// Its text.
        text: String,
    },
}

/// The last part of a name: `conflict` of `frame/conflict`.
pub fn leaf(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// `kept` gets the description, colour and memo of `other` that it lacks; what it lacked
/// before (description, colour).
fn fill(kept: &mut Code, other: Code) -> (bool, bool) {
    let before = (kept.description.is_empty(), kept.color.is_none());
    if before.0 {
        kept.description = other.description;
    }
    if kept.memo.is_empty() {
        kept.memo = other.memo;
    }
    kept.color = kept.color.or(other.color);
    before
}

fn checked(name: &str) -> Result<&str, String> {
    name_problem(name).map_or(Ok(name), Err)
}

impl Codebook {
    /// The code called `name`.
    pub fn get(&self, name: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.name == name)
    }

    /// True when `name` is a code or the parent of one (`frame` of `frame/conflict`).
    pub fn has_node(&self, name: &str) -> bool {
        self.codes.iter().any(|c| tag_within(&c.name, name))
    }

    fn sort(&mut self) {
        self.codes.sort_by(|a, b| a.name.cmp(&b.name));
    }

    /// Adds `code`; refused when its name is bad or taken.
    pub fn add(&mut self, code: Code) -> Result<(), String> {
        checked(&code.name)?;
        if self.get(&code.name).is_some() {
            return Err(format!("{:?} is already a code", code.name));
        }
        self.codes.push(code);
        self.sort();
        Ok(())
    }

    /// Takes in `codes` by name: a new name is added; a code already there keeps what it
    /// has and gets the description and colour it lacks. How many were added and filled in.
    pub fn import(&mut self, codes: Vec<Code>) -> Result<(usize, usize), String> {
        let (mut added, mut filled) = (0, 0);
        for code in codes {
            match self.codes.iter_mut().find(|c| c.name == code.name) {
                Some(kept) => {
                    let before = fill(kept, code);
                    if before != (kept.description.is_empty(), kept.color.is_none()) {
                        filled += 1;
                    }
                }
                None => {
                    self.add(code)?;
                    added += 1;
                }
            }
        }
        Ok((added, filled))
    }

    /// `old` and the codes under it take the name `new`; refused when `new` or a code under
    /// it exists (that is a merge) or `old` is not in the codebook.
    pub fn rename(&mut self, old: &str, new: &str) -> Result<Retag, String> {
        checked(old)?;
        checked(new)?;
        if !self.has_node(old) {
            return Err(format!("{old:?} is not a code"));
        }
        if old == new {
            return Err(format!("{old:?}: the old and the new name are the same"));
        }
        if self.has_node(new) {
            return Err(format!(
                "{new:?} is already a code (to put {old:?} into it, merge them)"
            ));
        }
        Ok(self.rename_unchecked(old, new))
    }

    fn rename_unchecked(&mut self, old: &str, new: &str) -> Retag {
        for code in &mut self.codes {
            if tag_within(&code.name, old) {
                code.name = format!("{new}{}", &code.name[old.len()..]);
            }
        }
        self.sort();
        Retag::Rename {
            from: old.to_string(),
            to: new.to_string(),
        }
    }

    /// `code` (with the codes under it) goes under `parent`, or to the top for `/`; refused
    /// when `parent` is not in the codebook, is `code` or sits under it (a cycle), or when
    /// the new name is taken.
    pub fn move_to(&mut self, code: &str, parent: &str) -> Result<Retag, String> {
        checked(code)?;
        let new = if parent == "/" {
            leaf(code).to_string()
        } else {
            checked(parent)?;
            if tag_within(parent, code) {
                return Err(format!(
                    "{code:?} cannot go under {parent:?}: that is {} (a cycle)",
                    if parent == code { "itself" } else { "under it" }
                ));
            }
            if !self.has_node(parent) {
                return Err(format!("{parent:?} is not a code (add it first)"));
            }
            format!("{parent}/{}", leaf(code))
        };
        if new == code {
            return Err(format!("{code:?} is already there"));
        }
        self.rename(code, &new)
    }

    /// `from` and the codes under it go into `into`: `from/x` becomes `into/x`, and where a
    /// code of that name exists already it is kept (the two are one now). Refused when either
    /// is not in the codebook, or one sits under the other.
    pub fn merge(&mut self, from: &str, into: &str) -> Result<Retag, String> {
        checked(from)?;
        checked(into)?;
        for name in [from, into] {
            if !self.has_node(name) {
                return Err(format!("{name:?} is not a code"));
            }
        }
        if tag_within(into, from) || tag_within(from, into) {
            return Err(format!(
                "{from:?} and {into:?}: one sits under the other; move or rename instead"
            ));
        }
        let moved: Vec<Code> = self
            .codes
            .iter()
            .filter(|c| tag_within(&c.name, from))
            .cloned()
            .collect();
        self.codes.retain(|c| !tag_within(&c.name, from));
        for mut code in moved {
            code.name = format!("{into}{}", &code.name[from.len()..]);
            match self.codes.iter_mut().find(|c| c.name == code.name) {
                Some(kept) => {
                    fill(kept, code);
                }
                None => self.codes.push(code),
            }
        }
        self.sort();
        Ok(Retag::Rename {
            from: from.to_string(),
            to: into.to_string(),
        })
    }

    /// `code` and the codes under it are taken out.
    pub fn delete(&mut self, code: &str) -> Result<Retag, String> {
        checked(code)?;
        if !self.has_node(code) {
            return Err(format!("{code:?} is not a code"));
        }
        self.codes.retain(|c| !tag_within(&c.name, code));
        Ok(Retag::Delete {
            tag: code.to_string(),
        })
    }
}

#[cfg(test)]
mod tests;
