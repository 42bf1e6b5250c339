//! Themes: TOML files mapping dotted roles to ratatui styles. Every colour on screen comes from
//! here. A role a theme leaves out falls back to its parent role, then to the theme it
//! inherits from.

mod bundled;
mod catalog;
mod depth;
mod file;
mod role;
mod set;

use std::collections::HashMap;

use ratatui::style::Style;
use strum::{EnumCount, IntoEnumIterator};

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
    /// By role, in `Role`'s order (a role's index is its discriminant).
    styles: [Style; Role::COUNT],
    /// Which roles the theme (or one it inherits) styles itself.
    explicit: [bool; Role::COUNT],
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
        let mut styles = [Style::default(); Role::COUNT];
        let mut explicit = [false; Role::COUNT];
        for role in Role::iter() {
            let mut chain = vec![role.name()];
            while let Some(parent) = chain.last().and_then(|n| Role::parent_name(n)) {
                chain.push(parent);
            }
            styles[role as usize] = chain
                .iter()
                .rev()
                .filter_map(|n| Role::from_name(n).and_then(|r| own.get(&r)))
                .fold(Style::default(), |acc, s| acc.patch(*s));
            explicit[role as usize] = own.contains_key(&role);
        }
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
        self.styles[role as usize]
    }

    /// True when the theme (or one it inherits) styles `role` itself.
    pub fn styles_explicitly(&self, role: Role) -> bool {
        self.explicit[role as usize]
    }

    /// What a highlight colour is called on screen (`yellow` unless the theme names it).
    pub fn color_name(&self, color: Color) -> &str {
        self.names
            .get(&color)
            .map_or_else(|| color.name(), String::as_str)
    }

    /// The theme with its colours fitted to the terminal.
    pub fn fitted(mut self, depth: Depth) -> Self {
        for style in &mut self.styles {
            *style = depth.fit(*style);
        }
        self
    }
}

#[cfg(test)]
mod tests;
