//! The themes gloss knows: the bundled ones, compiled in, and the user's, which override a
//! bundled theme of the same name. Resolves `inherits` chains.

use std::collections::HashMap;

use ratatui::style::Style;

use super::Theme;
use super::file::{self, ThemeError, ThemeFile};
use super::role::Role;
use crate::annotation::Color;

/// Longest `inherits` chain allowed.
pub const MAX_DEPTH: usize = 8;

/// The bundled themes, in the order `T` cycles through them.
pub const BUNDLED: [(&str, &str); 5] = [
    ("default", include_str!("../../themes/default.toml")),
    ("paper", include_str!("../../themes/paper.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("basic16", include_str!("../../themes/basic16.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// One theme file's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name it is known by (its file stem).
    pub name: String,
    /// `bundled` or the file's path, for messages and listings.
    pub origin: String,
    /// The TOML text.
    pub text: String,
}

/// What a theme file and its ancestors give: styles by role, colour names, the theme's name.
type Own = (HashMap<Role, Style>, HashMap<Color, String>, String);

/// Every theme by name.
#[derive(Debug, Clone)]
pub struct Catalog {
    sources: Vec<Source>,
}

impl Catalog {
    /// Just the bundled themes.
    pub fn bundled() -> Self {
        let sources = BUNDLED
            .iter()
            .map(|(name, text)| Source {
                name: (*name).to_string(),
                origin: format!("bundled:{name}"),
                text: (*text).to_string(),
            })
            .collect();
        Self { sources }
    }

    /// Adds user themes; one named like a bundled theme replaces it.
    pub fn with_user(mut self, user: Vec<Source>) -> Self {
        for source in user {
            match self.sources.iter_mut().find(|s| s.name == source.name) {
                Some(existing) => *existing = source,
                None => self.sources.push(source),
            }
        }
        self
    }

    /// All themes, bundled first, in cycling order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The theme called `name`.
    pub fn get(&self, name: &str) -> Result<Theme, ThemeError> {
        let source = self
            .sources
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| ThemeError {
                file: name.to_string(),
                line: 1,
                column: 1,
                key: None,
                message: format!("no theme called {name:?} (gloss themes lists them)"),
            })?;
        self.resolve(source)
    }

    /// Resolves a theme file, following `inherits` through this catalog.
    pub fn resolve(&self, source: &Source) -> Result<Theme, ThemeError> {
        let mut chain: Vec<String> = Vec::new();
        let (own, names, theme_name) = self.own_styles(source, &mut chain)?;
        Ok(Theme::from_own(theme_name, own, names))
    }

    /// Styles given by a file and its ancestors (nearer files win), before dotted fallback.
    fn own_styles(&self, source: &Source, chain: &mut Vec<String>) -> Result<Own, ThemeError> {
        let parsed: ThemeFile = file::parse(&source.origin, &source.text, &source.name)?;
        chain.push(source.name.clone());
        let (mut own, mut names) = match &parsed.inherits {
            None => (HashMap::new(), HashMap::new()),
            Some((parent, span)) => {
                if chain.iter().any(|c| c == parent) {
                    let cycle = format!("{} -> {parent}", chain.join(" -> "));
                    return Err(parsed.error_at(
                        span.clone(),
                        Some("inherits"),
                        format!("inherits cycle: {cycle}"),
                    ));
                }
                if chain.len() > MAX_DEPTH {
                    let message = format!(
                        "inheritance chain deeper than {MAX_DEPTH}: {} -> {parent}",
                        chain.join(" -> ")
                    );
                    return Err(parsed.error_at(span.clone(), Some("inherits"), message));
                }
                let Some(parent_source) = self.sources.iter().find(|s| &s.name == parent) else {
                    return Err(parsed.error_at(
                        span.clone(),
                        Some("inherits"),
                        format!("no theme called {parent:?} to inherit from"),
                    ));
                };
                let (own, names, _) = self.own_styles(parent_source, chain)?;
                (own, names)
            }
        };
        own.extend(parsed.styles.iter().copied());
        names.extend(parsed.names.iter().cloned());
        Ok((own, names, parsed.name))
    }
}
