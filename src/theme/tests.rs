use ratatui::style::{Color as Rgb, Modifier, Style};

use super::*;

fn fixture(name: &str) -> Source {
    let path = format!(
        "{}/tests/fixtures/themes/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    Source {
        name: name.into(),
        origin: format!("tests/fixtures/themes/{name}.toml"),
        text: std::fs::read_to_string(path).unwrap(),
    }
}

/// The bundled catalog plus every fixture theme, as user themes.
fn catalog_with_fixtures() -> Catalog {
    let dir = format!("{}/tests/fixtures/themes", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    Catalog::bundled().with_user(names.iter().map(|n| fixture(n)).collect())
}

#[test]
fn every_bundled_theme_styles_every_role() {
    let catalog = Catalog::bundled();
    assert_eq!(catalog.sources().len(), 5);
    for (name, _) in BUNDLED {
        let theme = catalog.get(name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(theme.name(), name);
        for role in Role::iter() {
            assert!(
                theme.styles_explicitly(role),
                "{name} does not style {}",
                role.name()
            );
        }
    }
}

#[test]
fn the_five_highlight_colours_look_different_in_every_theme() {
    for (name, _) in BUNDLED {
        let theme = Catalog::bundled().get(name).unwrap();
        let styles: Vec<Style> = crate::annotation::Color::iter()
            .map(|c| theme.style(Role::highlight(c)))
            .collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a, b, "{name}: two highlight colours look the same");
            }
            assert_ne!(
                *a,
                theme.style(Role::Text),
                "{name}: a highlight looks like plain text"
            );
        }
    }
}

#[test]
fn highlight_colours_stay_distinct_at_every_colour_depth() {
    for (name, _) in BUNDLED {
        for depth in [Depth::TrueColor, Depth::Indexed, Depth::Ansi] {
            let theme = Catalog::bundled().get(name).unwrap().fitted(depth);
            let styles: Vec<Style> = crate::annotation::Color::iter()
                .map(|c| theme.style(Role::highlight(c)))
                .collect();
            for (i, a) in styles.iter().enumerate() {
                assert!(
                    !styles[i + 1..].contains(a),
                    "{name} at {depth:?}: highlights collide"
                );
            }
        }
    }
}

#[test]
fn mono_has_no_colour_and_basic16_only_ansi_colours() {
    let mono = Catalog::bundled().get("mono").unwrap();
    let basic = Catalog::bundled().get("basic16").unwrap();
    for role in Role::iter() {
        let s = mono.style(role);
        assert_eq!((s.fg, s.bg), (None, None), "mono colours {}", role.name());
        for c in [basic.style(role).fg, basic.style(role).bg]
            .into_iter()
            .flatten()
        {
            assert!(
                !matches!(c, Rgb::Rgb(..) | Rgb::Indexed(_)),
                "basic16 {}: {c:?}",
                role.name()
            );
        }
    }
    assert_eq!(mono.color_name(crate::annotation::Color::Yellow), "reverse");
}

#[test]
fn missing_roles_fall_back_to_parents_then_to_the_inherited_theme() {
    let child = Source {
        name: "child".into(),
        origin: "child.toml".into(),
        text: "inherits = \"default\"\n[styles]\n\"panel\" = { fg = \"#010203\" }\n\"status.hint\" = { modifiers = [\"bold\"] }\n".into(),
    };
    let catalog = Catalog::bundled().with_user(vec![child]);
    let theme = catalog.get("child").unwrap();
    let default = catalog.get("default").unwrap();
    // panel.note.active is not in child: panel.note.active -> panel.note (default) -> panel (child).
    assert_eq!(theme.style(Role::Panel).fg, Some(Rgb::Rgb(1, 2, 3)));
    assert_eq!(
        theme.style(Role::PanelNoteActive).fg,
        default.style(Role::PanelNote).fg
    );
    assert!(
        theme
            .style(Role::StatusHint)
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert_eq!(theme.style(Role::Title), default.style(Role::Title));
    assert_eq!(theme.name(), "child");
}

#[test]
fn a_user_theme_replaces_a_bundled_one_of_the_same_name() {
    let mine = Source {
        name: "paper".into(),
        origin: "mine/paper.toml".into(),
        text: "inherits = \"mono\"\n".into(),
    };
    let catalog = Catalog::bundled().with_user(vec![mine]);
    assert_eq!(catalog.sources().len(), 5);
    assert_eq!(
        catalog.get("paper").unwrap().style(Role::Text),
        catalog.get("mono").unwrap().style(Role::Text)
    );
}

#[test]
fn every_invalid_theme_names_file_line_and_key() {
    let catalog = catalog_with_fixtures();
    let cases = [
        (
            "syntax-error",
            "tests/fixtures/themes/syntax-error.toml: line 3, column",
        ),
        (
            "unknown-role",
            "unknown-role.toml: line 4, column 1, key `panel.nte`: unknown role \"panel.nte\"",
        ),
        (
            "unknown-palette-name",
            "unknown-palette-name.toml: line 5, column 10, key `text`: unknown colour \"inky\"",
        ),
        (
            "bad-colour-literal",
            "bad-colour-literal.toml: line 3, column 7, key `ink`: bad colour \"#12345\"",
        ),
        (
            "unknown-modifier",
            "unknown-modifier.toml: line 3, column 10, key `text`: unknown modifier \"blinking\"",
        ),
        (
            "unknown-key",
            "unknown-key.toml: line 2, column 1: unknown field `foo`",
        ),
        (
            "loop-a",
            "loop-b.toml: line 2, column 12, key `inherits`: inherits cycle: loop-a -> loop-b -> loop-a",
        ),
        (
            "deep2",
            "deep10.toml: line 2, column 12, key `inherits`: inheritance chain deeper than 8",
        ),
        (
            "unknown-parent",
            "unknown-parent.toml: line 2, column 12, key `inherits`: no theme called \"nonexistent\"",
        ),
    ];
    for (name, expected) in cases {
        let err = catalog.get(name).unwrap_err().to_string();
        assert!(
            err.contains(expected),
            "{name}: wanted {expected:?} in {err:?}"
        );
    }
    assert!(
        catalog.get("deep3").is_ok(),
        "a chain of exactly 8 hops is fine"
    );
    let missing = catalog.get("nope").unwrap_err().to_string();
    assert!(missing.contains("no theme called \"nope\""), "{missing}");
}

#[test]
fn fitting_to_no_color_keeps_highlights_visible() {
    let theme = Theme::default().fitted(Depth::NoColor);
    for role in Role::iter() {
        assert_eq!(theme.style(role).bg, None);
    }
    let mono = Catalog::bundled()
        .get("mono")
        .unwrap()
        .fitted(Depth::NoColor);
    assert!(
        mono.style(Role::HighlightYellow)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn the_default_theme_is_the_bundled_default() {
    assert_eq!(Theme::default(), Catalog::bundled().get("default").unwrap());
}

#[test]
fn every_role_is_found_by_its_name_and_nothing_else_is() {
    use strum::IntoEnumIterator;
    for role in Role::iter() {
        assert_eq!(Role::from_name(role.name()), Some(role));
    }
    for name in ["", "text.", "Text", "panel.note.active.x", " status"] {
        assert_eq!(Role::from_name(name), None, "{name:?}");
    }
}

#[test]
fn a_themes_style_of_a_role_is_that_roles_and_not_a_neighbours() {
    use strum::IntoEnumIterator;
    let src = "name = \"t\"\n[styles]\n\"status.mode\" = { fg = \"red\" }\n\"status.hint\" = { fg = \"blue\" }\n";
    let catalog = Catalog::bundled();
    let theme = catalog
        .resolve(&Source {
            name: "t".into(),
            origin: "t.toml".into(),
            text: src.into(),
        })
        .expect("resolves");
    assert_eq!(
        theme.style(Role::StatusMode).fg,
        Some(ratatui::style::Color::Red)
    );
    assert_eq!(
        theme.style(Role::StatusHint).fg,
        Some(ratatui::style::Color::Blue)
    );
    let explicit: Vec<Role> = Role::iter()
        .filter(|r| theme.styles_explicitly(*r))
        .collect();
    assert_eq!(explicit, [Role::StatusMode, Role::StatusHint]);
}
