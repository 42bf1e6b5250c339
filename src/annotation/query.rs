//! Which annotations a filter keeps: tags (a tag keeps its children: `policy` keeps
//! `policy/japan`), a colour, a status and free text in the quote, note or tags. Shared by
//! `gloss notes` and the views that list annotations.

use super::{Annotation, Color, Status};

/// What to keep; an empty query keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Every one of these tags (or a child of it) must be on the annotation.
    pub tags: Vec<String>,
    /// Only this colour.
    pub color: Option<Color>,
    /// Only this status.
    pub status: Option<Status>,
    /// Text the quote, the note or a tag must contain (ignoring case).
    pub text: Option<String>,
    /// Only annotations by this author (ignoring case).
    pub author: Option<String>,
}

/// True when `tag` is `wanted` or sits under it (`policy/japan` under `policy`).
pub fn tag_within(tag: &str, wanted: &str) -> bool {
    tag == wanted
        || tag
            .strip_prefix(wanted)
            .is_some_and(|rest| rest.starts_with('/'))
}

impl Query {
    /// True when `a` (whose text is `quote` now) passes every part of the query.
    pub fn keeps(&self, a: &Annotation, quote: &str) -> bool {
        let tags = self
            .tags
            .iter()
            .all(|wanted| a.tags.iter().any(|t| tag_within(t, wanted)));
        let text = self.text.as_deref().is_none_or(|text| {
            let text = text.to_lowercase();
            quote.to_lowercase().contains(&text)
                || a.note.to_lowercase().contains(&text)
                || a.tags.iter().any(|t| t.to_lowercase().contains(&text))
        });
        let author = self
            .author
            .as_deref()
            .is_none_or(|name| a.author.to_lowercase() == name.to_lowercase());
        tags && text
            && author
            && self.color.is_none_or(|c| a.color == c)
            && self.status.is_none_or(|s| a.status == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::tests::ann;

    fn with(tags: &[&str], color: Color, status: Status, note: &str) -> Annotation {
        let mut a = ann(1, 0..5);
        a.tags = tags.iter().map(|t| (*t).to_string()).collect();
        a.color = color;
        a.status = status;
        a.note = note.to_string();
        a
    }

    #[test]
    fn a_tag_keeps_its_children_and_every_part_must_pass() {
        let a = with(
            &["policy/japan", "market"],
            Color::Green,
            Status::Moved,
            "Why now?",
        );
        let q = |tags: &[&str]| Query {
            tags: tags.iter().map(|t| (*t).to_string()).collect(),
            ..Query::default()
        };
        assert!(Query::default().keeps(&a, "curbs"));
        assert!(
            q(&["policy"]).keeps(&a, "curbs"),
            "a parent keeps its child"
        );
        assert!(q(&["policy/japan", "market"]).keeps(&a, "curbs"));
        assert!(!q(&["pol"]).keeps(&a, "curbs"), "not a prefix of the name");
        assert!(
            !q(&["policy", "retaliation"]).keeps(&a, "curbs"),
            "every tag"
        );
        let colour = Query {
            color: Some(Color::Red),
            ..Query::default()
        };
        assert!(!colour.keeps(&a, "curbs"));
        let status = Query {
            status: Some(Status::Moved),
            ..Query::default()
        };
        assert!(status.keeps(&a, "curbs"));
        let text = |t: &str| Query {
            text: Some(t.into()),
            ..Query::default()
        };
        assert!(text("WHY").keeps(&a, "curbs"), "in the note, ignoring case");
        assert!(text("curb").keeps(&a, "curbs"), "in the quote");
        assert!(text("japan").keeps(&a, "curbs"), "in a tag");
        assert!(!text("tariff").keeps(&a, "curbs"));
    }

    #[test]
    fn an_author_keeps_only_that_authors_annotations() {
        let mut a = with(&[], Color::Yellow, Status::Exact, "");
        let by = |name: &str| Query {
            author: Some(name.into()),
            ..Query::default()
        };
        assert!(!by("ana").keeps(&a, "q"), "an unknown author is no one's");
        a.author = "Ana".into();
        assert!(by("ana").keeps(&a, "q"), "ignoring case");
        assert!(!by("an").keeps(&a, "q"), "the whole name");
        assert!(!by("bo").keeps(&a, "q"));
    }
}
