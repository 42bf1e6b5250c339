//! Themes: TOML files mapping dotted roles to ratatui styles. Every colour on screen comes from
//! here. A role a theme leaves out falls back to its parent role, then to the theme it
//! inherits from.

mod bundled;
mod catalog;
mod depth;
mod file;
mod role;
mod set;

use std::collections::{HashMap, HashSet};

use ratatui::style::Style;
use strum::IntoEnumIterator;

pub use catalog::{BUNDLED, Catalog, MAX_DEPTH, Source};
pub use depth::Depth;
pub use file::ThemeError;
pub use role::Role;
pub use set::ThemeSet;

use crate::annotation::Color;

/// A resolved theme: one style per role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    name: String,
    styles: HashMap<Role, Style>,
    explicit: HashSet<Role>,
    names: HashMap<Color, String>,
}

impl Default for Theme {
    /// The bundled default theme (a plain one if it were ever broken; tests make sure not).
    fn default() -> Self {
        Catalog::bundled()
            .get("default")
            .unwrap_or_else(|_| Self::from_own("plain".into(), HashMap::new(), HashMap::new()))
    }
}

impl Theme {
    /// A theme from the styles its file and ancestors give: each role is drawn over its
    /// dotted ancestors (`text.title` over `text`).
    fn from_own(name: String, own: HashMap<Role, Style>, names: HashMap<Color, String>) -> Self {
        let styles = Role::iter()
            .map(|role| {
                let mut chain = vec![role.name()];
                while let Some(parent) = chain.last().and_then(|n| Role::parent_name(n)) {
                    chain.push(parent);
                }
                let style = chain
                    .iter()
                    .rev()
                    .filter_map(|n| Role::from_name(n).and_then(|r| own.get(&r)))
                    .fold(Style::default(), |acc, s| acc.patch(*s));
                (role, style)
            })
            .collect();
        let explicit = own.keys().copied().collect();
        Self {
            name,
            styles,
            explicit,
            names,
        }
    }

    /// The theme's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    /// True when the theme (or one it inherits) styles `role` itself.
    pub fn styles_explicitly(&self, role: Role) -> bool {
        self.explicit.contains(&role)
    }

    /// What a highlight colour is called on screen (`yellow` unless the theme names it).
    pub fn color_name(&self, color: Color) -> &str {
        self.names
            .get(&color)
            .map_or_else(|| color.name(), String::as_str)
    }

    /// The theme with its colours fitted to the terminal.
    pub fn fitted(mut self, depth: Depth) -> Self {
        for style in self.styles.values_mut() {
            *style = depth.fit(*style);
        }
        self
    }
}

#[cfg(test)]
mod tests;
