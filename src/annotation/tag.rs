//! Tag names and changes to them: what a well-formed hierarchical tag is (`policy/japan`), a
//! tag with its parents, and renaming, merging or deleting a tag with the tags under it.
//! Pure: shared by the library-wide retag in `store` and by the codebook.

use super::query::tag_within;

/// The tag and every parent of it: `a/b/c`, `a/b`, `a`.
pub fn with_parents(tag: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(tag), |t| t.rfind('/').map(|i| &t[..i]))
}

/// What is wrong with `name` as a tag (or code) name, if anything: empty, `/` at an end or
/// twice in a row, a comma (tags are typed comma-separated), a control character, or space
/// at an end of a part.
pub fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("a name cannot be empty".into());
    }
    if name.starts_with('/') || name.ends_with('/') {
        return Some(format!("{:?}: a name cannot start or end with `/`", name));
    }
    if name.contains("//") {
        return Some(format!(
            "{:?}: a name cannot hold an empty part (`//`)",
            name
        ));
    }
    if name.chars().any(crate::sanitize::is_unsafe) {
        return Some(format!(
            "{:?}: a name cannot hold control characters",
            crate::sanitize::line(name)
        ));
    }
    if name.contains(',') {
        return Some(format!("{name:?}: a name cannot hold a comma"));
    }
    if name.split('/').any(|part| part.trim() != part) {
        return Some(format!(
            "{name:?}: a part of a name cannot start or end with a space"
        ));
    }
    None
}

/// One change to a tag, applied with the tags under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retag {
    /// `from` becomes `to`, and `from/x` becomes `to/x`; where the new name is already on the
    /// annotation the two become one (a merge). A move to another parent is a rename too.
    Rename {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// `tag` and every tag under it are taken off.
    Delete {
        /// The tag.
        tag: String,
    },
}

impl Retag {
    /// The tag this change is about.
    pub fn tag(&self) -> &str {
        match self {
            Self::Rename { from, .. } => from,
            Self::Delete { tag } => tag,
        }
    }

    /// True when the change touches `tags`.
    pub fn touches(&self, tags: &[String]) -> bool {
        tags.iter().any(|t| tag_within(t, self.tag()))
    }

    /// `tags` after the change, in their order, without repeats; `None` when it does not
    /// touch them.
    pub fn apply(&self, tags: &[String]) -> Option<Vec<String>> {
        if !self.touches(tags) {
            return None;
        }
        let mut out: Vec<String> = Vec::with_capacity(tags.len());
        for tag in tags {
            let new = match self {
                Self::Rename { from, to } if tag_within(tag, from) => {
                    Some(format!("{to}{}", &tag[from.len()..]))
                }
                Self::Delete { tag: gone } if tag_within(tag, gone) => None,
                _ => Some(tag.clone()),
            };
            if let Some(new) = new.filter(|n| !out.contains(n)) {
                out.push(new);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(all: &[&str]) -> Vec<String> {
        all.iter().map(|t| (*t).to_string()).collect()
    }

    fn rename(from: &str, to: &str) -> Retag {
        Retag::Rename {
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn a_rename_takes_the_children_along_and_leaves_lookalikes() {
        let before = tags(&["policy", "policy/japan", "policyx", "market"]);
        assert_eq!(
            rename("policy", "controls").apply(&before),
            Some(tags(&["controls", "controls/japan", "policyx", "market"]))
        );
        assert_eq!(
            rename("policy/japan", "japan").apply(&before).unwrap()[1],
            "japan"
        );
        assert_eq!(rename("china", "prc").apply(&before), None, "untouched");
        assert_eq!(
            rename("pol", "x").apply(&before),
            None,
            "not a prefix of the name"
        );
    }

    #[test]
    fn a_rename_onto_a_tag_already_there_merges_them() {
        let before = tags(&["semis", "chips", "market"]);
        assert_eq!(
            rename("semis", "chips").apply(&before),
            Some(tags(&["chips", "market"]))
        );
    }

    #[test]
    fn a_move_is_a_rename_under_another_parent() {
        let before = tags(&["frame/conflict/trade", "actor"]);
        assert_eq!(
            rename("frame/conflict", "tone/conflict").apply(&before),
            Some(tags(&["tone/conflict/trade", "actor"]))
        );
    }

    #[test]
    fn a_delete_takes_the_tag_and_its_children_off() {
        let before = tags(&["frame", "frame/conflict", "frames", "actor"]);
        let delete = Retag::Delete {
            tag: "frame".into(),
        };
        assert_eq!(delete.apply(&before), Some(tags(&["frames", "actor"])));
        assert_eq!(Retag::Delete { tag: "x".into() }.apply(&before), None);
    }

    #[test]
    fn bad_names_are_refused_with_the_reason() {
        for (name, why) in [
            ("", "empty"),
            ("/frame", "start or end"),
            ("frame/", "start or end"),
            ("a//b", "empty part"),
            ("a\u{1b}]52;c;x\u{7}", "control"),
            ("a,b", "comma"),
            ("frame/ conflict", "space"),
        ] {
            let problem = name_problem(name).unwrap_or_default();
            assert!(problem.contains(why), "{name:?}: {problem}");
            assert!(!problem.contains('\u{1b}'), "never raw: {problem:?}");
        }
        assert_eq!(name_problem("frame/conflict"), None);
        assert_eq!(name_problem("actor/government official"), None);
    }

    #[test]
    fn a_tag_and_its_parents() {
        let all: Vec<&str> = with_parents("policy/japan/meti").collect();
        assert_eq!(all, ["policy/japan/meti", "policy/japan", "policy"]);
        assert_eq!(with_parents("market").collect::<Vec<_>>(), ["market"]);
    }
}
