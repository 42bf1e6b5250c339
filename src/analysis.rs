//! The analysis of a coded library, pure: the code x brief matrix, code co-occurrence, the
//! timeline by published date and the agreement of two coders, computed from briefs and
//! their coded segments as `store::analysis` reads them. Knows nothing of files or terminals.

pub mod agreement;
pub mod cooccurrence;
pub mod matrix;
pub mod timeline;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;

use uuid::Uuid;

/// One highlight of a brief, as the analysis sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The annotation's id.
    pub id: Uuid,
    /// Who coded it (empty when unknown).
    pub author: String,
    /// Its codes (the annotation's tags), full names.
    pub tags: Vec<String>,
    /// The characters it covers in the brief's current text.
    pub chars: Range<usize>,
    /// False for an orphan: it has no place in the text, so it counts in the matrix and the
    /// timeline, and on its own highlight in co-occurrence, but never by position.
    pub placed: bool,
    /// The text it covers (its stored quote when orphaned), for drill-down lists.
    pub quote: String,
}

/// One brief of the library.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Brief {
    /// The brief's file, to open it at a segment.
    pub path: PathBuf,
    /// Its path under the library's folder.
    pub name: String,
    /// Its title (its name when it has none).
    pub title: String,
    /// Front matter's `published`, as written.
    pub published: Option<String>,
    /// The length of its normalised text, in characters.
    pub chars: usize,
    /// Its blocks (paragraphs, headings, the title) as character ranges, in order.
    pub paragraphs: Vec<Range<usize>>,
    /// Its highlights, coded or not.
    pub segments: Vec<Segment>,
}

/// Every brief of a library and its codebook's codes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    /// The briefs, in the library's order.
    pub briefs: Vec<Brief>,
    /// The codebook's codes, full names (they show even when no segment carries them).
    pub codes: Vec<String>,
}

/// Which segments a view counts and how codes are named in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Only segments by this author.
    pub author: Option<String>,
    /// Only this code and the codes under it.
    pub code: Option<String>,
    /// How codes fold onto their parents.
    pub fold: Fold,
}

/// How codes fold onto their parents: a folded code counts every segment of its subtree,
/// once per segment however many of its tags fall under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Fold {
    /// Every code by its full name.
    #[default]
    None,
    /// Names cut to their first this many levels (1: `frame/conflict/war` counts as `frame`).
    Depth(usize),
    /// These codes fold their subtrees (the highest folded one of a tag wins).
    Codes(BTreeSet<String>),
}

impl Fold {
    /// The name `tag` counts under.
    pub fn name<'t>(&self, tag: &'t str) -> &'t str {
        match self {
            Fold::None => tag,
            Fold::Depth(depth) => match tag.match_indices('/').nth(depth.saturating_sub(1)) {
                Some((i, _)) if *depth > 0 => &tag[..i],
                _ => tag,
            },
            Fold::Codes(codes) if codes.is_empty() => tag,
            Fold::Codes(codes) => tag
                .match_indices('/')
                .map(|(i, _)| &tag[..i])
                .find(|parent| codes.contains(*parent))
                .unwrap_or(tag),
        }
    }
}

/// Every code with codes under it among `names` (full names), at every level: `frame` and
/// `frame/conflict` for `frame/conflict/war`.
pub fn parents<'a>(names: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    names
        .into_iter()
        .flat_map(|n| n.match_indices('/').map(move |(i, _)| n[..i].to_string()))
        .collect()
}

impl Scope {
    /// The name `tag` counts under in this scope, if it counts at all.
    pub fn name<'t>(&self, tag: &'t str) -> Option<&'t str> {
        if let Some(code) = &self.code {
            let under = tag
                .strip_prefix(code.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if !under {
                return None;
            }
        }
        Some(self.fold.name(tag))
    }

    /// Whether `segment`'s author is in scope (ignoring case, as `gloss notes --author`).
    pub fn by(&self, segment: &Segment) -> bool {
        self.author
            .as_ref()
            .is_none_or(|a| same_author(a, &segment.author))
    }
}

/// Whether two author names are the same one, ignoring case.
pub fn same_author(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The authors of `library`'s segments, each once (ignoring case, the first spelling met),
/// in name order; segments without an author are left out.
pub fn authors(library: &Library) -> Vec<String> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for s in library.briefs.iter().flat_map(|b| &b.segments) {
        if !s.author.is_empty() {
            seen.entry(s.author.to_lowercase()).or_insert(&s.author);
        }
    }
    let mut all: Vec<String> = seen.into_values().map(str::to_string).collect();
    all.sort_by_key(|a| a.to_lowercase());
    all
}

/// The codes of a view, in name order, and each one's number.
#[derive(Debug, Clone, Default)]
pub struct Codes {
    /// The names.
    pub names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Codes {
    /// The codes in `scope`: the codebook's and every tag on a segment in scope, each once.
    pub fn of(library: &Library, scope: &Scope) -> Self {
        // Each name once before any is copied or sorted: 200 codes, not 100,000 tags.
        let seen: std::collections::HashSet<&str> = library
            .codes
            .iter()
            .filter_map(|c| scope.name(c))
            .chain(library.briefs.iter().flat_map(|b| {
                b.segments
                    .iter()
                    .filter(|s| scope.by(s))
                    .flat_map(|s| s.tags.iter().filter_map(|t| scope.name(t)))
            }))
            .collect();
        let mut names: Vec<String> = seen.into_iter().map(str::to_string).collect();
        names.sort();
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        Self { names, index }
    }

    /// The numbers of the codes `segment` counts toward in `scope`, each once, in order;
    /// empty for a segment out of scope.
    pub fn of_segment(&self, segment: &Segment, scope: &Scope) -> Vec<usize> {
        if !scope.by(segment) {
            return Vec::new();
        }
        let mut all: Vec<usize> = segment
            .tags
            .iter()
            .filter_map(|t| scope.name(t))
            .filter_map(|n| self.index.get(n).copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The number of `name`, if it is one of these codes.
    pub fn number(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }
}

#[cfg(test)]
pub(crate) mod tests;
