//! The timeline: briefs and coded segments per day, week or month by the briefs' published
//! date (front matter), every period from the first to the last shown, empty ones too;
//! briefs without a date (or with one that cannot be read) counted apart.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::{Codes, Library, Scope};

/// How long a period of the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum By {
    /// A day: `2026-11-20`.
    Day,
    /// An ISO week: `2026-W47`.
    Week,
    /// A month: `2026-11`.
    #[default]
    Month,
}

impl By {
    /// The next length, round: day, week, month.
    pub fn next(self) -> Self {
        match self {
            Self::Day => Self::Week,
            Self::Week => Self::Month,
            Self::Month => Self::Day,
        }
    }

    /// Its name (`week`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    /// The first day of the period `date` falls in.
    fn start(self, date: Date) -> Date {
        match self {
            Self::Day => date,
            Self::Week => {
                let back = i64::from(date.weekday().to_monday_zero_offset());
                date.checked_sub(back.days()).unwrap_or(date)
            }
            Self::Month => date.first_of_month(),
        }
    }

    /// The first day of the period after the one starting on `start`.
    fn after(self, start: Date) -> Option<Date> {
        match self {
            Self::Day => start.checked_add(1.day()).ok(),
            Self::Week => start.checked_add(7.days()).ok(),
            Self::Month => start.checked_add(1.month()).ok(),
        }
    }

    /// How the period starting on `start` is written.
    fn label(self, start: Date) -> String {
        match self {
            Self::Day => start.to_string(),
            Self::Week => {
                let week = start.iso_week_date();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Self::Month => format!("{:04}-{:02}", start.year(), start.month()),
        }
    }
}

/// One period's counts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Bucket {
    /// The period (`2026-11`); `None` for the briefs without a date.
    pub period: Option<String>,
    /// Briefs published in it.
    pub briefs: u32,
    /// Coded segments (in scope) of those briefs.
    pub segments: u32,
}

/// Every period from the first brief's to the last's, then the briefs without a date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// The periods, in order, empty ones included.
    pub periods: Vec<Bucket>,
    /// The briefs without a date that can be read, and their coded segments.
    pub undated: Bucket,
}

impl Timeline {
    /// The periods and, when there are any, the undated briefs last, as JSON lists them.
    pub fn rows(&self) -> Vec<&Bucket> {
        let undated = (self.undated.briefs > 0).then_some(&self.undated);
        self.periods.iter().chain(undated).collect()
    }
}

/// The most periods a timeline fills in: days over a century and more.
const MOST_PERIODS: usize = 40_000;

/// The timeline of `library` in `scope` by periods of `by`.
pub fn timeline(library: &Library, scope: &Scope, by: By) -> Timeline {
    let codes = Codes::of(library, scope);
    let mut dated: Vec<(Date, u32)> = Vec::new();
    let mut undated = Bucket::default();
    for brief in &library.briefs {
        let segments = brief
            .segments
            .iter()
            .filter(|s| !codes.of_segment(s, scope).is_empty())
            .count();
        let segments = u32::try_from(segments).unwrap_or(u32::MAX);
        match brief.published.as_deref().and_then(date) {
            Some(day) => dated.push((by.start(day), segments)),
            None => {
                undated.briefs += 1;
                undated.segments += segments;
            }
        }
    }
    dated.sort_unstable();
    let mut periods: Vec<Bucket> = Vec::new();
    let mut current: Option<Date> = None;
    for (start, segments) in dated {
        while current != Some(start) && periods.len() < MOST_PERIODS {
            let next = match current {
                None => start,
                Some(c) => by.after(c).unwrap_or(start).min(start),
            };
            current = Some(next);
            periods.push(Bucket {
                period: Some(by.label(next)),
                briefs: 0,
                segments: 0,
            });
        }
        if let Some(last) = periods.last_mut() {
            last.briefs += 1;
            last.segments += segments;
        }
    }
    Timeline { periods, undated }
}

/// The day a front-matter date names: ISO (`2026-11-20`, a date-time too), `20 Nov 2026`,
/// `Nov 20, 2026` or `November 20, 2026`; `None` for anything else.
pub fn date(published: &str) -> Option<Date> {
    let text = published.trim();
    if let Some(day) = text.get(..10).and_then(|d| d.parse::<Date>().ok()) {
        return Some(day);
    }
    ["%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y"]
        .iter()
        .find_map(|f| Date::strptime(f, text).ok())
}
