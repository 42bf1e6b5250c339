//! Themes: TOML files mapping dotted roles to ratatui styles. Every colour on screen comes from
//! here. A role that a theme leaves out falls back to its parent role.

use std::collections::HashMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

/// Every styled element of the screen. The names are the theme file's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr)]
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
}

/// What is wrong with a theme.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// Not valid TOML or not the theme schema.
    #[error("theme: {0}")]
    Syntax(#[from] toml::de::Error),
    /// A style that names a colour that is neither in the palette nor a colour literal.
    #[error("theme role {role:?}: unknown colour {value:?}")]
    Colour {
        /// The role.
        role: String,
        /// The bad value.
        value: String,
    },
    /// A modifier name ratatui does not know.
    #[error("theme role {role:?}: unknown modifier {value:?}")]
    ModifierName {
        /// The role.
        role: String,
        /// The bad value.
        value: String,
    },
    /// A role that does not exist.
    #[error("theme: unknown role {0:?}")]
    UnknownRole(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    name: String,
    #[serde(default)]
    palette: HashMap<String, String>,
    #[serde(default)]
    styles: HashMap<String, RawStyle>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

/// A resolved theme: one style per role.
#[derive(Debug, Clone)]
pub struct Theme {
    name: String,
    styles: HashMap<Role, Style>,
}

const DEFAULT: &str = include_str!("../themes/default.toml");

impl Default for Theme {
    fn default() -> Self {
        Self::from_toml(DEFAULT).unwrap_or_else(|_| Self {
            name: "plain".into(),
            styles: HashMap::new(),
        })
    }
}

impl Theme {
    /// Parses and resolves a theme file.
    pub fn from_toml(src: &str) -> Result<Self, ThemeError> {
        let raw: RawTheme = toml::from_str(src)?;
        let mut own = HashMap::new();
        for (role_name, raw_style) in &raw.styles {
            let role = Role::iter()
                .find(|r| r.name() == role_name)
                .ok_or_else(|| ThemeError::UnknownRole(role_name.clone()))?;
            own.insert(role, style(role_name, raw_style, &raw.palette)?);
        }
        let styles = Role::iter()
            .map(|role| (role, inherited(role.name(), &own)))
            .collect();
        Ok(Self {
            name: raw.name,
            styles,
        })
    }

    /// The theme's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }
}

/// A role's style patched over its ancestors' (`text.title` over `text`).
fn inherited(name: &str, own: &HashMap<Role, Style>) -> Style {
    let mut style = Style::default();
    let mut prefix = String::new();
    for part in name.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        if let Some(s) = Role::iter()
            .find(|r| r.name() == prefix)
            .and_then(|r| own.get(&r))
        {
            style = style.patch(*s);
        }
    }
    style
}

fn style(
    role: &str,
    raw: &RawStyle,
    palette: &HashMap<String, String>,
) -> Result<Style, ThemeError> {
    let colour = |value: &String| {
        let literal = palette.get(value).unwrap_or(value);
        Color::from_str(literal).map_err(|_| ThemeError::Colour {
            role: role.to_string(),
            value: value.clone(),
        })
    };
    let mut style = Style::default();
    if let Some(fg) = &raw.fg {
        style = style.fg(colour(fg)?);
    }
    if let Some(bg) = &raw.bg {
        style = style.bg(colour(bg)?);
    }
    for name in &raw.modifiers {
        let modifier = Modifier::from_name(&name.to_ascii_uppercase()).ok_or_else(|| {
            ThemeError::ModifierName {
                role: role.to_string(),
                value: name.clone(),
            }
        })?;
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_loads_and_styles_every_role() {
        let theme = Theme::from_toml(DEFAULT).unwrap();
        assert_eq!(theme.name(), "default");
        for role in Role::iter() {
            assert_ne!(
                theme.style(role),
                Style::default(),
                "{} is unstyled",
                role.name()
            );
        }
    }

    #[test]
    fn children_are_patched_over_parents() {
        let theme = Theme::from_toml(
            "name = \"t\"\n[palette]\nink = \"#010203\"\n[styles]\ntext = { fg = \"ink\", bg = \"black\" }\n\"text.title\" = { modifiers = [\"bold\"] }",
        )
        .unwrap();
        let title = theme.style(Role::Title);
        assert_eq!(title.fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(title.bg, Some(Color::Black));
        assert!(title.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn bad_values_are_named() {
        let err =
            Theme::from_toml("name = \"t\"\n[styles]\ntext = { fg = \"nocolour\" }").unwrap_err();
        assert_eq!(
            err.to_string(),
            "theme role \"text\": unknown colour \"nocolour\""
        );
        let err = Theme::from_toml("name = \"t\"\n[styles]\ntxt = { fg = \"red\" }").unwrap_err();
        assert_eq!(err.to_string(), "theme: unknown role \"txt\"");
    }
}
