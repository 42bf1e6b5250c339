//! The library's sort orders: `s` cycles through them, the column header shows which.

use std::cmp::Reverse;

use crate::store::library::Summary;

/// What the library is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, strum::EnumIter)]
pub enum Sort {
    /// Title (the file name while a brief has none), A to Z.
    #[default]
    Title,
    /// Published date, newest first; briefs without one last.
    Date,
    /// Reading progress, furthest first.
    Progress,
    /// Last annotated, most recent first; never-annotated briefs last.
    Annotated,
}

impl Sort {
    /// The next order.
    pub fn next(self) -> Self {
        match self {
            Self::Title => Self::Date,
            Self::Date => Self::Progress,
            Self::Progress => Self::Annotated,
            Self::Annotated => Self::Title,
        }
    }

    /// Its name, as the status bar says it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Date => "date",
            Self::Progress => "progress",
            Self::Annotated => "last annotated",
        }
    }
}

/// The title a brief is listed under: its own, else its file's name.
pub fn title(b: &Summary) -> &str {
    b.title.as_deref().unwrap_or(&b.name)
}

/// Orders `rows` (indexes into `briefs`) by `by`; ties keep the title order.
pub fn sort(rows: &mut [usize], briefs: &[Summary], by: Sort) {
    let key = |i: &usize| title(&briefs[*i]).to_lowercase();
    rows.sort_by_cached_key(key);
    match by {
        Sort::Title => {}
        Sort::Date => rows.sort_by_key(|&i| Reverse(briefs[i].published.clone())),
        Sort::Progress => rows.sort_by_key(|&i| Reverse(briefs[i].progress)),
        Sort::Annotated => rows.sort_by_key(|&i| Reverse(briefs[i].annotated)),
    }
}
