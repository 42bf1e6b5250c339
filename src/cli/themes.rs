//! Choosing the theme at start-up, and `gloss themes`.

use strum::IntoEnumIterator;

use crate::annotation::Color;
use crate::error::Error;
use crate::sanitize;
use crate::store::config;
use crate::theme::{Catalog, Depth, Role, Source, ThemeSet};
use crate::ui::ansi::paint;

/// The themes to cycle through, which one to start with, and what went wrong on the way.
pub struct Chosen {
    /// The themes, fitted to the terminal (bundled ones resolved when first shown).
    pub themes: ThemeSet,
    /// Index of the one to start with.
    pub index: usize,
    /// Problems that made gloss fall back to the default theme.
    pub warnings: Vec<String>,
}

/// The colour depth of this terminal, from the environment.
pub fn depth() -> Depth {
    let var = |k: &str| std::env::var(k).ok();
    Depth::detect(
        var("NO_COLOR").as_deref(),
        var("COLORTERM").as_deref(),
        var("TERM").as_deref(),
    )
}

fn catalog() -> (Catalog, Option<config::Config>, Vec<String>) {
    let Some(dir) = config::config_dir() else {
        return (Catalog::bundled(), None, Vec::new());
    };
    let (user, mut warnings) = config::user_themes(&dir);
    let settings = config::read_config(&dir);
    warnings.extend(settings.warnings.iter().cloned());
    (Catalog::bundled().with_user(user), Some(settings), warnings)
}

/// A name, or a path when it has a slash or ends in `.toml`.
fn source_of(catalog: &Catalog, wanted: &str) -> Result<Source, String> {
    if wanted.contains('/') || wanted.ends_with(".toml") {
        return config::theme_file(std::path::Path::new(wanted));
    }
    catalog
        .sources()
        .iter()
        .find(|s| s.name == wanted)
        .cloned()
        .ok_or_else(|| format!("no theme called {wanted:?} (gloss themes lists them)"))
}

/// Picks the theme: `--theme` (an error if it is bad), else the config's (the default, with a
/// warning, if that is bad), else the default.
pub fn choose(cli: Option<&str>) -> Result<Chosen, Error> {
    let depth = depth();
    let (catalog, settings, mut warnings) = catalog();
    let mut themes = ThemeSet::new(catalog.clone(), depth);
    for source in catalog.sources() {
        // Bundled themes are tested; a user's is checked now, so a broken one is reported.
        if source.origin.starts_with("bundled:") {
            themes.push_lazy(source.clone());
            continue;
        }
        match catalog.resolve(source) {
            Ok(theme) => {
                themes.put(source.clone(), theme.fitted(depth));
            }
            Err(e) => warnings.push(format!("{e}; using the default theme")),
        }
    }
    let wanted = match cli {
        Some(wanted) => {
            let source = source_of(&catalog, wanted).map_err(Error::Theme)?;
            let theme = catalog
                .resolve(&source)
                .map_err(|e| Error::Theme(e.to_string()))?;
            Some((source, theme.fitted(depth)))
        }
        None => match settings.and_then(|s| s.theme) {
            Some(wanted) => match source_of(&catalog, &wanted).and_then(|s| {
                let theme = catalog.resolve(&s).map_err(|e| e.to_string())?;
                Ok((s, theme))
            }) {
                Ok((source, theme)) => Some((source, theme.fitted(depth))),
                Err(e) => {
                    warnings.push(format!(
                        "config theme {wanted:?}: {e}; using the default theme"
                    ));
                    None
                }
            },
            None => None,
        },
    };
    let index = match wanted {
        Some((source, theme)) => themes.put(source, theme),
        None => themes.position("default").unwrap_or(0),
    };
    Ok(Chosen {
        themes,
        index,
        warnings,
    })
}

/// `gloss themes`: every theme with where it comes from and a one-line preview, in its
/// colours on a terminal and as plain text into a pipe or a file (`gloss themes | less`).
pub fn list(styled: bool) -> Result<(), Error> {
    let show = |text: &str, style| {
        if styled {
            paint(text, style)
        } else {
            text.to_string()
        }
    };
    let depth = depth();
    let (catalog, settings, warnings) = catalog();
    let current = settings
        .and_then(|s| s.theme)
        .unwrap_or_else(|| "default".into());
    let mut out = super::out::Out::new();
    for source in catalog.sources() {
        let name = sanitize::line(&source.name).into_owned();
        let marker = if source.name == current { "*" } else { " " };
        let origin = sanitize::line(&source.origin).into_owned();
        match catalog.resolve(source) {
            Ok(theme) => {
                let theme = theme.fitted(depth);
                let mut preview = show(" Title ", theme.style(Role::Title));
                preview.push_str(&show(" text ", theme.style(Role::Text)));
                for color in Color::iter() {
                    let label = format!(" {} ", sanitize::line(theme.color_name(color)));
                    preview.push_str(&show(&label, theme.style(Role::highlight(color))));
                }
                out.line(&format!("{marker} {name:<16} {preview}  ({origin})"))?;
            }
            Err(e) => out.line(&format!(
                "{marker} {name:<16} broken: {}",
                sanitize::line(&e.to_string())
            ))?,
        }
    }
    for warning in warnings {
        eprintln!("gloss: {}", sanitize::line(&warning));
    }
    Ok(())
}

/// The theme as written, not fitted to this terminal (for exports, which are drawn
/// elsewhere): `--theme`'s (an error if it is bad), else the config's, else the default.
pub fn unfitted(cli: Option<&str>) -> Result<crate::theme::Theme, Error> {
    let (catalog, settings, _) = catalog();
    let wanted = cli
        .map(str::to_string)
        .or_else(|| settings.and_then(|s| s.theme))
        .unwrap_or_else(|| "default".into());
    let resolved =
        source_of(&catalog, &wanted).and_then(|s| catalog.resolve(&s).map_err(|e| e.to_string()));
    match resolved {
        Ok(theme) => Ok(theme),
        Err(e) if cli.is_some() => Err(Error::Theme(e)),
        Err(_) => Ok(crate::theme::Theme::default()),
    }
}
