//! Which annotations a filter keeps: tags (a tag keeps its children: `policy` keeps
//! `policy/japan`), a colour, a status and free text in the quote, note or tags. Shared by
//! `gloss notes` and the views that list annotations.

use aho_corasick::AhoCorasick;
use memchr::memmem;
use regex::{Regex, RegexBuilder};

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
    /// True when `a` (whose text is `quote` now) passes every part of the query. It makes
    /// the query ready each time: to test many annotations, make it once with
    /// [`Query::compiled`].
    pub fn keeps(&self, a: &Annotation, quote: &str) -> bool {
        self.compiled().keeps(a, quote)
    }

    /// The query made ready to test many annotations: its text compiled once, not lowered
    /// again for every field of every annotation.
    pub fn compiled(&self) -> Compiled<'_> {
        let text = self.text.as_deref().and_then(Text::new);
        let needs = match (&text, self.text.as_deref()) {
            (Some(t), Some(s)) => t.needs(s),
            _ => 0,
        };
        Compiled {
            query: self,
            text,
            needs,
            author: self.author.as_deref().map(str::to_lowercase),
        }
    }

    /// Whether everything `self` keeps is among what `wider` keeps: every part of `wider`
    /// is in `self`, its text within `self`'s (typing on at either end of a filter's words,
    /// or adding a `#tag`, narrows it).
    pub fn narrows(&self, wider: &Query) -> bool {
        let text = match (&self.text, &wider.text) {
            (_, None) => true,
            (Some(now), Some(before)) => now.to_lowercase().contains(&before.to_lowercase()),
            (None, Some(_)) => false,
        };
        fn within<T: PartialEq>(now: &Option<T>, before: &Option<T>) -> bool {
            before.is_none() || now == before
        }
        text && wider.tags.iter().all(|t| self.tags.contains(t))
            && within(&self.color, &wider.color)
            && within(&self.status, &wider.status)
            && within(&self.author, &wider.author)
    }
}

/// A query's text, ignoring case, in the quickest form that finds it: plain bytes when it
/// has no letter with a case, ASCII folding when it is ASCII, Unicode folding otherwise
/// (a list of 150,000 notes is filtered as the filter is typed).
#[derive(Debug)]
enum Text {
    Bytes(Box<memmem::Finder<'static>>),
    Ascii(AhoCorasick),
    Unicode(Regex),
}

impl Text {
    fn new(text: &str) -> Option<Self> {
        let cased = |c: char| c.to_lowercase().ne(c.to_uppercase());
        if !text.chars().any(cased) {
            Some(Self::Bytes(Box::new(
                memmem::Finder::new(text).into_owned(),
            )))
        } else if text.is_ascii() {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([text])
                .ok()
                .map(Self::Ascii)
        } else {
            RegexBuilder::new(&regex::escape(text))
                .case_insensitive(true)
                .build()
                .ok()
                .map(Self::Unicode)
        }
    }

    /// The [`byte_kinds`] a text must hold to match: every byte of the query as it is, or
    /// with either case of an ASCII letter; under Unicode folding only its ASCII bytes that
    /// are not letters (`k` also finds the Kelvin sign there, and `s` the long s).
    fn needs(&self, text: &str) -> u64 {
        match self {
            Self::Bytes(_) | Self::Ascii(_) => byte_kinds(text),
            Self::Unicode(_) => text
                .bytes()
                .filter(|b| b.is_ascii() && !b.is_ascii_alphabetic())
                .fold(0, |kinds, b| kinds | kind_of(b)),
        }
    }

    fn is_match(&self, hay: &str) -> bool {
        match self {
            Self::Bytes(f) => f.find(hay.as_bytes()).is_some(),
            Self::Ascii(a) => a.is_match(hay),
            Self::Unicode(r) => r.is_match(hay),
        }
    }
}

/// A [`Query`] ready to test annotations with.
#[derive(Debug)]
pub struct Compiled<'a> {
    query: &'a Query,
    text: Option<Text>,
    /// The byte kinds a quote or note must hold for the text to be in it.
    needs: u64,
    author: Option<String>,
}

/// What a query looks at in an annotation: [`Annotation`]s and the notes view's rows (which
/// keep only these) both give it.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    /// Its tags.
    pub tags: &'a [String],
    /// Its note.
    pub note: &'a str,
    /// Who made it.
    pub author: &'a str,
    /// Its colour.
    pub color: Color,
    /// Its status.
    pub status: Status,
    /// The text it covers now.
    pub quote: &'a str,
    /// The [`byte_kinds`] of the quote and the note together, when known (else all bits): a
    /// text filter passes over the rows that lack one the query needs without reading them.
    pub kinds: u64,
}

/// Which kinds of byte `s` holds, one bit each: an ASCII letter in either case (26 bits),
/// a digit (10), the other printable ASCII characters (27 bits, shared), and any other byte
/// (one bit). Made once for each row of the notes view from its quote and note.
pub fn byte_kinds(s: &str) -> u64 {
    s.bytes().fold(0, |kinds, b| kinds | kind_of(b))
}

fn kind_of(b: u8) -> u64 {
    let bit = match b {
        b'a'..=b'z' => b - b'a',
        b'A'..=b'Z' => b - b'A',
        b'0'..=b'9' => 26 + (b - b'0'),
        0x20..=0x7e => 36 + b % 27,
        _ => 63,
    };
    1 << bit
}

impl<'a> Parts<'a> {
    /// The parts of `a`, whose text is `quote` now.
    pub fn of(a: &'a Annotation, quote: &'a str) -> Self {
        Self {
            tags: &a.tags,
            note: &a.note,
            author: &a.author,
            color: a.color,
            status: a.status,
            quote,
            kinds: u64::MAX,
        }
    }
}

impl Compiled<'_> {
    /// True when `a` (whose text is `quote` now) passes every part of the query.
    pub fn keeps(&self, a: &Annotation, quote: &str) -> bool {
        self.keeps_parts(Parts::of(a, quote))
    }

    /// True when an annotation with these parts passes every part of the query.
    pub fn keeps_parts(&self, a: Parts<'_>) -> bool {
        self.keeps_knowing(a, None)
    }

    /// Whether a quote and note with these [`byte_kinds`] may hold the query's text (always
    /// when it has none).
    pub fn may_hold(&self, kinds: u64) -> bool {
        kinds & self.needs == self.needs
    }

    /// Whether the query's text is in `s` (true when it has no text).
    pub fn text_in(&self, s: &str) -> bool {
        self.text.as_ref().is_none_or(|text| text.is_match(s))
    }

    /// [`Compiled::keeps_parts`], told whether the query's text is in one of the tags when
    /// that is known already (`tags_have_text`): many rows share their tags.
    pub fn keeps_knowing(&self, a: Parts<'_>, tags_have_text: Option<bool>) -> bool {
        let q = self.query;
        let tags = q
            .tags
            .iter()
            .all(|wanted| a.tags.iter().any(|t| tag_within(t, wanted)));
        let text = self.text.as_ref().is_none_or(|text| {
            (a.kinds & self.needs == self.needs
                && (text.is_match(a.quote) || text.is_match(a.note)))
                || tags_have_text.unwrap_or_else(|| a.tags.iter().any(|t| text.is_match(t)))
        });
        let author = self
            .author
            .as_deref()
            .is_none_or(|name| a.author.to_lowercase() == name);
        tags && text
            && author
            && q.color.is_none_or(|c| a.color == c)
            && q.status.is_none_or(|s| a.status == s)
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

    #[test]
    fn a_query_narrows_another_only_when_it_can_keep_nothing_more() {
        let q = |text: Option<&str>, tags: &[&str], color: Option<Color>| Query {
            text: text.map(str::to_string),
            tags: tags.iter().map(|t| (*t).to_string()).collect(),
            color,
            ..Query::default()
        };
        let all = Query::default();
        assert!(q(Some("tar"), &[], None).narrows(&all));
        assert!(q(Some("Tariff"), &[], None).narrows(&q(Some("tar"), &[], None)));
        assert!(q(Some("a tariff"), &[], None).narrows(&q(Some("tariff"), &[], None)));
        assert!(!q(Some("tax"), &[], None).narrows(&q(Some("tar"), &[], None)));
        assert!(!q(None, &[], None).narrows(&q(Some("tar"), &[], None)));
        assert!(q(None, &["po", "x"], None).narrows(&q(None, &["po"], None)));
        // `#po` keeps `po/…`, `#pol` keeps `pol/…`: neither is within the other.
        assert!(!q(None, &["pol"], None).narrows(&q(None, &["po"], None)));
        assert!(q(None, &[], Some(Color::Red)).narrows(&all));
        assert!(!q(None, &[], Some(Color::Red)).narrows(&q(None, &[], Some(Color::Blue))));
        assert!(!all.narrows(&q(None, &[], Some(Color::Red))));
        // What a narrower query keeps, the wider one keeps too.
        let mut a = with(&["po/x"], Color::Red, Status::Exact, "A Tariff on chips");
        a.author = "Ann".into();
        for (narrow, wide) in [
            (
                q(Some("tariff on"), &[], None),
                q(Some("tariff"), &[], None),
            ),
            (
                q(Some("tariff"), &["po"], Some(Color::Red)),
                q(Some("tar"), &["po"], None),
            ),
        ] {
            assert!(narrow.narrows(&wide));
            assert!(narrow.keeps(&a, "q") && wide.keeps(&a, "q"));
        }
    }

    #[test]
    fn text_is_found_ignoring_case_in_each_of_its_forms() {
        let a = with(&["Policy/EU"], Color::Red, Status::Exact, "Straße — 5% #up");
        let finds = |text: &str| {
            Query {
                text: Some(text.to_string()),
                ..Query::default()
            }
            .keeps(&a, "The Tariff ÉTÉ")
        };
        // No letter with a case: bytes.
        for yes in ["5%", "#up", "—"] {
            assert!(finds(yes), "{yes}");
        }
        assert!(!finds("6%"));
        // ASCII letters: either case, in the quote, the note or a tag.
        for yes in ["tariff", "TARIFF", "policy/eu", "stra"] {
            assert!(finds(yes), "{yes}");
        }
        assert!(!finds("tarif f"));
        // Beyond ASCII: Unicode folding.
        for yes in ["été", "ÉTÉ", "straße"] {
            assert!(finds(yes), "{yes}");
        }
        assert!(!finds("étés"));
    }

    #[test]
    fn the_byte_kinds_of_a_row_never_hide_a_match_and_skip_rows_that_cannot_hold_it() {
        let rows = [
            ("The Tariff ÉTÉ", "Straße — 5% #up"),
            ("chip tools", ""),
            ("\u{212a}elvin and lo\u{17f}t", "x"),
            ("", "note 42; see p. 7"),
        ];
        let queries = [
            "#", "5%", "tar", "TARIFF", "été", "straße", "k", "kelvin", "lost", "st", "42;",
            "p. 7", "—", "x", "zz", "\u{17f}", "\u{212a}", "Éte", "5% #u",
        ];
        for text in queries {
            let query = Query {
                text: Some(text.to_string()),
                ..Query::default()
            };
            let compiled = query.compiled();
            for (quote, note) in rows {
                let a = with(&[], Color::Red, Status::Exact, note);
                let unknown = Parts::of(&a, quote);
                let known = Parts {
                    kinds: byte_kinds(quote) | byte_kinds(note),
                    ..unknown
                };
                assert_eq!(
                    compiled.keeps_parts(known),
                    compiled.keeps_parts(unknown),
                    "{text:?} in {quote:?} / {note:?}"
                );
            }
        }
        // A row without the query's bytes is passed over: told it holds none, it is not kept
        // even though its text has the query.
        let query = Query {
            text: Some("#".into()),
            ..Query::default()
        };
        let a = with(&[], Color::Red, Status::Exact, "#up");
        let blind = Parts {
            kinds: 0,
            ..Parts::of(&a, "")
        };
        assert!(!query.compiled().keeps_parts(blind));
        assert!(query.compiled().keeps_parts(Parts::of(&a, "")));
    }
}
