//! The themes `T` cycles through. Bundled themes are resolved the first time they are shown
//! (they are known to be good, and resolving all of them would delay the first screen); the
//! others are resolved up front, so a broken one is reported at start-up.

use std::cell::OnceCell;

use super::{Catalog, Depth, Source, Theme};

/// One theme of the cycle: where it comes from, and the theme once resolved.
#[derive(Debug)]
struct Slot {
    source: Source,
    theme: OnceCell<Theme>,
}

/// The themes to cycle through, fitted to the terminal's colours.
#[derive(Debug)]
pub struct ThemeSet {
    catalog: Catalog,
    depth: Depth,
    slots: Vec<Slot>,
    fallback: OnceCell<Theme>,
}

impl ThemeSet {
    /// An empty set over `catalog`, fitting themes to `depth`.
    pub fn new(catalog: Catalog, depth: Depth) -> Self {
        Self {
            catalog,
            depth,
            slots: Vec::new(),
            fallback: OnceCell::new(),
        }
    }

    /// Adds a theme to resolve when it is first shown.
    pub fn push_lazy(&mut self, source: Source) {
        self.slots.push(Slot {
            source,
            theme: OnceCell::new(),
        });
    }

    /// Adds (or, by name, replaces) an already resolved theme; returns its index.
    pub fn put(&mut self, source: Source, theme: Theme) -> usize {
        let slot = Slot {
            source,
            theme: OnceCell::from(theme),
        };
        match self
            .slots
            .iter()
            .position(|s| s.source.name == slot.source.name)
        {
            Some(i) => {
                self.slots[i] = slot;
                i
            }
            None => {
                self.slots.push(slot);
                self.slots.len() - 1
            }
        }
    }

    /// The index of the theme called `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.slots.iter().position(|s| s.source.name == name)
    }

    /// Names in cycling order.
    pub fn names(&self) -> Vec<String> {
        self.slots.iter().map(|s| s.source.name.clone()).collect()
    }

    /// Theme `i`, resolved now if it has not been yet; the default theme for an index out of
    /// range or a theme that does not resolve.
    pub fn get(&self, i: usize) -> &Theme {
        let fallback = || {
            self.fallback
                .get_or_init(|| Theme::default().fitted(self.depth))
        };
        let Some(slot) = self.slots.get(i) else {
            return fallback();
        };
        if let Some(theme) = slot.theme.get() {
            return theme;
        }
        match self.catalog.resolve(&slot.source) {
            Ok(theme) => slot.theme.get_or_init(|| theme.fitted(self.depth)),
            Err(_) => fallback(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_themes_resolve_when_first_shown() {
        let catalog = Catalog::bundled();
        let mut set = ThemeSet::new(catalog.clone(), Depth::TrueColor);
        for source in catalog.sources() {
            set.push_lazy(source.clone());
        }
        assert!(set.slots.iter().all(|s| s.theme.get().is_none()));
        let paper = set.position("paper").unwrap();
        assert_eq!(set.get(paper).name(), "paper");
        assert!(set.slots[paper].theme.get().is_some());
        assert_eq!(
            set.slots.iter().filter(|s| s.theme.get().is_some()).count(),
            1
        );
        assert_eq!(set.get(99).name(), "default", "out of range: the default");
    }

    #[test]
    fn a_resolved_theme_replaces_the_lazy_one_of_its_name() {
        let catalog = Catalog::bundled();
        let mut set = ThemeSet::new(catalog.clone(), Depth::Indexed);
        for source in catalog.sources() {
            set.push_lazy(source.clone());
        }
        let source = catalog.sources()[1].clone();
        let theme = catalog.resolve(&source).unwrap().fitted(Depth::Indexed);
        assert_eq!(set.put(source, theme), 1);
        assert_eq!(set.names().len(), catalog.sources().len());
    }
}
