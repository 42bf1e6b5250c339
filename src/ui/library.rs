//! The library's table: one row per brief with its title, source, date, size, reading
//! progress and annotation counts; the sorted column marked; a status bar with the folder,
//! the scan's progress, the filter and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::list_bar::{self, Right, pad};
use crate::app::Hints;
use crate::app::library::{Library, Scan, Sort};
use crate::input::{Action, Mode};
use crate::sanitize;
use crate::store::library::Summary;
use crate::theme::{Role, Theme};

/// A column: its header, width (0: takes what is left), and the sort it shows.
struct Column {
    name: &'static str,
    width: usize,
    sort: Option<Sort>,
}

const COLUMNS: [Column; 8] = [
    Column {
        name: "Title",
        width: 0,
        sort: Some(Sort::Title),
    },
    Column {
        name: "Source",
        width: 14,
        sort: None,
    },
    Column {
        name: "Date",
        width: 11,
        sort: Some(Sort::Date),
    },
    Column {
        name: "Size",
        width: 7,
        sort: None,
    },
    Column {
        name: "Read",
        width: 6,
        sort: Some(Sort::Progress),
    },
    Column {
        name: "Notes",
        width: 11,
        sort: None,
    },
    Column {
        name: "Review",
        width: 7,
        sort: None,
    },
    Column {
        name: "Annotated",
        width: 11,
        sort: Some(Sort::Annotated),
    },
];

/// The library filling `area`.
#[derive(Debug, Clone, Copy)]
pub struct LibraryView<'a> {
    /// What to draw.
    pub library: &'a Library,
    /// How to colour it.
    pub theme: &'a Theme,
}

impl ratatui::widgets::Widget for LibraryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let LibraryView { library, theme } = self;
        if area.width < 20 || area.height < 3 {
            super::too_small(area, theme, buf);
            return;
        }
        buf.set_style(area, theme.style(Role::Text));
        let widths = widths(usize::from(area.width));
        let header = COLUMNS
            .iter()
            .zip(&widths)
            .filter(|(_, w)| **w > 0)
            .map(|(c, &w)| {
                let mark = if c.sort == Some(library.sort) {
                    " ▾"
                } else {
                    ""
                };
                pad(&format!("{}{mark}", c.name), w)
            })
            .collect::<Vec<_>>()
            .join(" ");
        buf.set_stringn(
            area.x,
            area.y,
            &header,
            usize::from(area.width),
            theme.style(Role::PanelTitle),
        );
        let rows = usize::from(area.height - 2);
        for (n, &i) in library
            .shown
            .iter()
            .skip(library.top)
            .take(rows)
            .enumerate()
        {
            let y = area.y + 1 + u16::try_from(n).unwrap_or(0);
            let brief = &library.briefs[i];
            let selected = library.top + n == library.selected;
            let style = if selected {
                theme.style(Role::Text).patch(theme.style(Role::Selection))
            } else if brief.problem.is_some() {
                theme.style(Role::StatusWarning)
            } else {
                theme.style(Role::Text)
            };
            let line = cells(brief)
                .iter()
                .zip(&widths)
                .filter(|(_, w)| **w > 0)
                .map(|(cell, &w)| pad(cell, w))
                .collect::<Vec<_>>()
                .join(" ");
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            buf.set_style(row, style);
            buf.set_stringn(area.x, y, &line, usize::from(area.width), style);
        }
        let bar = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        status_bar(library, theme, bar, buf);
    }
}

/// Narrowest the title column gets before other columns are left out.
const MIN_TITLE: usize = 24;

/// Column widths for a terminal `width` columns wide: the title takes what the others leave;
/// on a narrow terminal the columns on the right are left out (width 0) first.
fn widths(width: usize) -> Vec<usize> {
    let mut shown = COLUMNS.len();
    let fixed = |n: usize| COLUMNS[1..n].iter().map(|c| c.width + 1).sum::<usize>();
    while shown > 1 && width < fixed(shown) + MIN_TITLE {
        shown -= 1;
    }
    COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| match i {
            0 => width.saturating_sub(fixed(shown)),
            i if i < shown => c.width,
            _ => 0,
        })
        .collect()
}

/// The cells of one brief's row, made safe for the terminal.
fn cells(b: &Summary) -> [String; 8] {
    let clean = |s: &str| sanitize::line(s).into_owned();
    let mark = match (&b.problem, b.conflicts) {
        (Some(_), _) => "! ",
        // Conflict copies beside its sidecar: the status bar says what to do.
        (None, 1..) => "≠ ",
        (None, 0) => "",
    };
    let title = format!("{mark}{}", clean(b.title.as_deref().unwrap_or(&b.name)));
    let size = if b.pending {
        String::new()
    } else if b.bytes >= 1 << 20 {
        format!("{:.1}M", b.bytes as f64 / f64::from(1u32 << 20))
    } else {
        format!("{}K", b.bytes.div_ceil(1024))
    };
    let notes = if b.highlights == 0 {
        String::new()
    } else {
        format!("{} / {}", b.highlights, b.notes)
    };
    [
        title,
        clean(b.source.as_deref().unwrap_or_default()),
        clean(b.published.as_deref().unwrap_or_default()),
        size,
        b.progress.map(|p| format!("{p}%")).unwrap_or_default(),
        notes,
        match (b.review, b.changed) {
            (0, false) => String::new(),
            (n, false) => n.to_string(),
            (0, true) => "?".to_string(),
            (n, true) => format!("{n}+?"),
        },
        b.annotated
            .map(|t| t.strftime("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    ]
}

fn status_bar(library: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (tag, left) = if library.typing {
        list_bar::typing(library.filter.as_deref())
    } else {
        let count = match (library.filter.as_deref(), library.scan) {
            (Some(f), _) => format!(
                "{} of {} briefs match {:?}",
                library.shown.len(),
                library.briefs.len(),
                sanitize::line(f)
            ),
            (None, Scan::Done) => format!("{} briefs", library.briefs.len()),
            (None, _) => format!("{} briefs, scanning…", library.briefs.len()),
        };
        let left = format!("{} · {count} · by {}", library.label, library.sort.name());
        (" LIBRARY ", left)
    };
    let problem = library.selected_brief().and_then(|b| {
        b.problem
            .clone()
            .or_else(|| (b.conflicts > 0).then(|| conflicts(b)))
    });
    let right = match (library.status.shown(), problem) {
        (Some(m), _) => Right::Message(m),
        // A brief that cannot be read says why when it is selected.
        (None, Some(problem)) if !library.typing => {
            Right::Problem(sanitize::line(&problem).into_owned())
        }
        _ => Right::Hints(hints(&library.hints, library.typing)),
    };
    list_bar::render(theme, area, buf, tag, &left, right);
}

/// What the status bar says of a brief with conflict copies beside its sidecar.
fn conflicts(b: &Summary) -> String {
    let file = b
        .path
        .file_name()
        .map_or_else(|| b.name.clone(), |n| n.to_string_lossy().into_owned());
    format!(
        "{} conflict cop{} of its notes: gloss merge {file}",
        b.conflicts,
        if b.conflicts == 1 { "y" } else { "ies" }
    )
}

/// The library's keys, named by the keymap in use.
fn hints(h: &Hints, typing: bool) -> String {
    let keys = [
        (Action::OpenBrief, "open"),
        (Action::SearchLibrary, "search"),
        (Action::Filter, "filter"),
        (Action::ShowNotes, "notes"),
        (Action::CycleSort, "sort"),
        (Action::Quit, "quit"),
    ];
    list_bar::hints(h, typing, Mode::Library, &keys)
}
