//! Every styled element of the screen, named as in theme files. Dotted names fall back to
//! their parent (`panel.note.active` -> `panel.note` -> `panel`).

use strum::{EnumCount, EnumIter, EnumString, IntoStaticStr};

/// Every styled element of the screen. The names are the theme file's keys.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, EnumCount, EnumString, IntoStaticStr,
)]
pub enum Role {
    /// Body text.
    #[strum(serialize = "text")]
    Text,
    /// The brief's title.
    #[strum(serialize = "text.title")]
    Title,
    /// Markdown headings.
    #[strum(serialize = "text.heading")]
    Heading,
    /// `*emphasis*`
    #[strum(serialize = "text.emphasis")]
    Emphasis,
    /// `**strong**`
    #[strum(serialize = "text.strong")]
    Strong,
    /// Inline code and code blocks.
    #[strum(serialize = "text.code")]
    Code,
    /// Link text.
    #[strum(serialize = "text.link")]
    Link,
    /// `~~struck~~`
    #[strum(serialize = "text.strike")]
    Strike,
    /// Block-quote bars.
    #[strum(serialize = "text.quote")]
    Quote,
    /// List bullets and numbers.
    #[strum(serialize = "text.list_marker")]
    ListMarker,
    /// The front-matter line under the title (source, date, tags, address).
    #[strum(serialize = "text.meta")]
    TextMeta,
    /// The caret.
    #[strum(serialize = "cursor")]
    Cursor,
    /// Search matches.
    #[strum(serialize = "search.match")]
    SearchMatch,
    /// What every highlight shares (its text colour).
    #[strum(serialize = "highlight")]
    Highlight,
    /// Highlights in colour 1.
    #[strum(serialize = "highlight.yellow")]
    HighlightYellow,
    /// Highlights in colour 2.
    #[strum(serialize = "highlight.green")]
    HighlightGreen,
    /// Highlights in colour 3.
    #[strum(serialize = "highlight.blue")]
    HighlightBlue,
    /// Highlights in colour 4.
    #[strum(serialize = "highlight.red")]
    HighlightRed,
    /// Highlights in colour 5.
    #[strum(serialize = "highlight.purple")]
    HighlightPurple,
    /// Added where highlights overlap.
    #[strum(serialize = "highlight.overlap")]
    HighlightOverlap,
    /// Added to highlights found approximately, until the user confirms them.
    #[strum(serialize = "highlight.fuzzy")]
    HighlightFuzzy,
    /// The selection being made.
    #[strum(serialize = "selection")]
    Selection,
    /// The margin number of a highlight that has a note.
    #[strum(serialize = "note.mark")]
    NoteMark,
    /// The marker of collapsed repeated paragraphs.
    #[strum(serialize = "repeat")]
    Repeat,
    /// Notices such as "this brief is empty".
    #[strum(serialize = "notice")]
    Notice,
    /// The status bar.
    #[strum(serialize = "status")]
    Status,
    /// The mode tag in the status bar.
    #[strum(serialize = "status.mode")]
    StatusMode,
    /// Key hints in the status bar.
    #[strum(serialize = "status.hint")]
    StatusHint,
    /// Warnings in the status bar.
    #[strum(serialize = "status.warning")]
    StatusWarning,
    /// Errors in the status bar.
    #[strum(serialize = "status.error")]
    StatusError,
    /// The notes panel.
    #[strum(serialize = "panel")]
    Panel,
    /// The notes panel's border.
    #[strum(serialize = "panel.border")]
    PanelBorder,
    /// The notes panel's title.
    #[strum(serialize = "panel.title")]
    PanelTitle,
    /// An entry in the notes panel.
    #[strum(serialize = "panel.note")]
    PanelNote,
    /// Entries under the cursor.
    #[strum(serialize = "panel.note.active")]
    PanelNoteActive,
    /// The selected entry when the panel has focus.
    #[strum(serialize = "panel.note.selected")]
    PanelNoteSelected,
    /// Quoted text in an entry.
    #[strum(serialize = "panel.quote")]
    PanelQuote,
    /// Tags in an entry.
    #[strum(serialize = "panel.tag")]
    PanelTag,
    /// Position and details in an entry.
    #[strum(serialize = "panel.meta")]
    PanelMeta,
    /// Entries to review (found approximately after the brief changed).
    #[strum(serialize = "panel.review")]
    PanelReview,
    /// Orphaned entries (not found in the current text).
    #[strum(serialize = "panel.orphan")]
    PanelOrphan,
    /// Text the brief lost since its annotations were placed (the changes view).
    #[strum(serialize = "diff.delete")]
    DiffDelete,
    /// Text the brief gained since its annotations were placed (the changes view).
    #[strum(serialize = "diff.insert")]
    DiffInsert,
    /// A change's heading in the changes view (its number, kind and place).
    #[strum(serialize = "diff.heading")]
    DiffHeading,
    /// The note editor.
    #[strum(serialize = "editor")]
    Editor,
    /// The note editor's border.
    #[strum(serialize = "editor.border")]
    EditorBorder,
    /// The help overlay.
    #[strum(serialize = "help")]
    Help,
    /// Keys in the help overlay.
    #[strum(serialize = "help.key")]
    HelpKey,
    /// The help overlay's border.
    #[strum(serialize = "help.border")]
    HelpBorder,
    /// A heat-map cell in the lowest third of the counts (the analysis matrix).
    #[strum(serialize = "heat.low")]
    HeatLow,
    /// A heat-map cell in the middle third.
    #[strum(serialize = "heat.mid")]
    HeatMid,
    /// A heat-map cell in the top third.
    #[strum(serialize = "heat.high")]
    HeatHigh,
    /// The bars of a chart (the analysis timeline).
    #[strum(serialize = "chart.bar")]
    ChartBar,
}

impl Role {
    /// The role that draws highlights of `color`.
    pub fn highlight(color: crate::annotation::Color) -> Self {
        use crate::annotation::Color;
        match color {
            Color::Yellow => Role::HighlightYellow,
            Color::Green => Role::HighlightGreen,
            Color::Blue => Role::HighlightBlue,
            Color::Red => Role::HighlightRed,
            Color::Purple => Role::HighlightPurple,
        }
    }

    /// The role's key in a theme file.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The role with this key.
    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    /// The parent key (`panel.note` for `panel.note.active`), if any.
    pub fn parent_name(name: &str) -> Option<&str> {
        name.rfind('.').map(|i| &name[..i])
    }
}
