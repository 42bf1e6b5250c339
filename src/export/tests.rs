//! Snapshots of every export format of one brief: front matter, Markdown structure, a
//! brief-level note, overlapping highlights, tags, an orphan and hostile text.

use jiff::Timestamp;
use uuid::Uuid;

use super::*;
use crate::annotation::{Anchor, Annotation, Annotations, Color, Status};
use crate::document::{Chars, Document, Format};
use crate::theme::Theme;

pub(crate) const BRIEF: &str = "+++\ntitle = \"Chip curbs <widen>\"\nsource = \"Wire & Co\"\nurl = \"https://example.com/curbs\"\npublished = 2026-11-20\ntags = [\"semis\", \"policy\"]\n+++\n# Chip curbs <widen>\n\nThe Netherlands joined *new curbs* on chip tools, and Japan followed.\n\n- China opened a cybersecurity review of Micron.\n- Shares fell 4%.\n\n> Officials called it \"routine\" \u{1b}[31mred\u{1b}[0m.\n";

fn at(doc: &Document, quote: &str) -> Anchor {
    let start = doc.text().find(quote).unwrap();
    Anchor::new(doc, start..start + quote.len())
}

pub(crate) fn annotation(id: u128, anchor: Anchor, color: Color) -> Annotation {
    let when: Timestamp = "2026-11-24T11:20:03.058376504Z".parse().unwrap();
    Annotation::new(Uuid::from_u128(id), when, color, anchor)
}

/// The brief with four highlights (two overlapping, one with a hostile note) and an orphan.
pub(crate) fn fixture() -> (Document, Annotations) {
    let doc = Document::parse(BRIEF.as_bytes(), Format::Markdown).unwrap();
    let mut curbs = annotation(1, at(&doc, "joined new curbs on chip tools"), Color::Yellow);
    curbs.tags = vec!["policy/dutch".into(), "semis".into()];
    curbs.note = "First the Dutch.\nThen <b>Japan</b> & more.".into();
    let mut new = annotation(2, at(&doc, "new curbs"), Color::Green);
    new.tags = vec!["semis".into()];
    let mut review = annotation(3, at(&doc, "cybersecurity review"), Color::Red);
    review.note = "Retaliation? \u{1b}]52;c;ZXZpbA==\u{7}".into();
    let routine = annotation(4, at(&doc, "routine"), Color::Purple);
    let mut lost = annotation(5, at(&doc, "Shares fell"), Color::Blue);
    lost.status = Status::Orphaned;
    lost.anchor.quote = "Shares rose 2%".into();
    lost.note = "Gone in the correction.".into();
    let set = Annotations::from_vec(
        vec![curbs, new, review, routine, lost],
        "Overall: escalation after the Dutch and Japanese curbs.".into(),
    );
    (doc, set)
}

pub(crate) fn palette() -> Palette {
    Palette::of(&Theme::default())
}

pub(crate) fn brief<'a>(
    doc: &'a Document,
    set: &'a Annotations,
    palette: &'a Palette,
) -> Brief<'a> {
    Brief {
        doc,
        annotations: set,
        path: "briefs/chip curbs.md",
        uri: "https://example.com/curbs",
        palette,
    }
}

#[test]
fn markdown_in_document_order() {
    let (doc, set) = fixture();
    let palette = palette();
    insta::assert_snapshot!(markdown::note(&brief(&doc, &set, &palette), GroupBy::None));
}

#[test]
fn markdown_by_tag_puts_a_highlight_under_each_of_its_tags() {
    let (doc, set) = fixture();
    let palette = palette();
    let note = markdown::note(&brief(&doc, &set, &palette), GroupBy::Tag);
    assert_eq!(
        note.matches("^gloss-00000000-0000-0000-0000-000000000001")
            .count(),
        2
    );
    insta::assert_snapshot!(note);
}

#[test]
fn markdown_by_colour() {
    let (doc, set) = fixture();
    let palette = palette();
    let groups: Vec<String> = brief(&doc, &set, &palette)
        .groups(GroupBy::Color)
        .into_iter()
        .map(|g| g.name)
        .collect();
    assert_eq!(groups, ["yellow", "green", "red", "purple"]);
    insta::assert_snapshot!(markdown::note(&brief(&doc, &set, &palette), GroupBy::Color));
}

#[test]
fn reexporting_keeps_what_the_user_wrote() {
    let (doc, set) = fixture();
    let palette = palette();
    let first = markdown::note(&brief(&doc, &set, &palette), GroupBy::None);
    let edited = first.replacen("---\n", "---\naliases: [curbs]\n", 1) + "\nMy own conclusion.\n";
    let mut fewer = set.clone();
    fewer.remove(Uuid::from_u128(4));
    let again = markdown::note(&brief(&doc, &fewer, &palette), GroupBy::None);
    let merged = markdown::merge(&edited, &again).unwrap();
    assert!(merged.contains("aliases: [curbs]\n"), "{merged}");
    assert!(
        merged.ends_with("<!-- gloss:end -->\n\nMy own conclusion.\n"),
        "{merged}"
    );
    assert!(!merged.contains("000000000004"), "{merged}");
    assert!(merged.contains("000000000003"), "{merged}");
}

#[test]
fn a_template_replaces_the_layout() {
    let (doc, set) = fixture();
    let palette = palette();
    let source = "# {{ brief.title }}\n{% for g in groups %}## {{ g.name }}\n{% for h in g.highlights %}- {{ h.quote }} ({{ h.color_name }}, {{ h.percent }}%) {{ h.open }}\n{% endfor %}{% endfor %}orphans: {{ orphans | length }}\n";
    let out = template::render(
        "mine.j2",
        source,
        &brief(&doc, &set, &palette),
        GroupBy::Color,
    )
    .unwrap();
    insta::assert_snapshot!(out);
}

#[test]
fn a_template_that_does_not_compile_names_its_file_and_line() {
    let (doc, set) = fixture();
    let palette = palette();
    let err = template::render(
        "mine.j2",
        "line one\n{% for h in highlights %}\n{{ h.quote }\n",
        &brief(&doc, &set, &palette),
        GroupBy::None,
    )
    .unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("mine.j2", 3), "{err}");
    assert!(
        err.to_string().starts_with("mine.j2: line 3: syntax error"),
        "{err}"
    );
    let unknown = template::render(
        "t",
        "{{ nothing.here }}",
        &brief(&doc, &set, &palette),
        GroupBy::None,
    )
    .unwrap_err();
    assert_eq!(unknown.line, 1, "{unknown}");
}

#[test]
fn w3c_collection() {
    let (doc, set) = fixture();
    let palette = palette();
    let json = w3c::collection(&[brief(&doc, &set, &palette)]);
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn w3c_positions_count_code_points() {
    let doc = Document::parse("Café ✓ naïve 😀 end\n".as_bytes(), Format::Plain).unwrap();
    let set = Annotations::from_vec(
        vec![annotation(9, at(&doc, "😀 end"), Color::Blue)],
        String::new(),
    );
    let palette = palette();
    let json = w3c::collection(&[brief(&doc, &set, &palette)]);
    let selectors = &json["first"]["items"][0]["target"]["selector"];
    let text: Vec<char> = doc.text().chars().collect();
    let (start, end) = (
        selectors[1]["start"].as_u64().unwrap(),
        selectors[1]["end"].as_u64().unwrap(),
    );
    let covered: String = text[start as usize..end as usize].iter().collect();
    assert_eq!(covered, "😀 end");
    assert_eq!(selectors[0]["exact"], "😀 end");
}

#[test]
fn hypothesis_export() {
    let (doc, set) = fixture();
    let palette = palette();
    let now: Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
    let json = hypothesis::export(&[brief(&doc, &set, &palette)], now);
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn readwise_csv() {
    let (doc, set) = fixture();
    let palette = palette();
    let csv = csv::export(&[brief(&doc, &set, &palette)]).unwrap();
    assert!(
        csv.starts_with("Highlight,Title,Author,URL,Note,Location,Date,Annotator\n"),
        "{csv}"
    );
    assert!(
        !csv.chars()
            .any(|c| c != '\n' && crate::sanitize::is_unsafe(c)),
        "{csv:?}"
    );
    insta::assert_snapshot!(csv);
}

#[test]
fn html_page() {
    let (doc, set) = fixture();
    let palette = palette();
    let page = html::page(&brief(&doc, &set, &palette));
    assert!(!page.contains("<script"), "no script");
    assert!(!page.contains("http-equiv=\"refresh\""));
    assert!(!page.contains("<b>Japan"), "notes are escaped");
    assert!(!page.contains('\u{1b}'), "controls are neutralised");
    // Nothing is loaded from anywhere: the only URLs are text, never src or href to a host.
    assert!(!page.contains("src="), "{page}");
    assert!(!page.contains("href=\"http"), "{page}");
    insta::assert_snapshot!(page);
}

#[test]
fn html_highlights_use_the_theme_colours() {
    let (doc, set) = fixture();
    let palette = palette();
    let page = html::page(&brief(&doc, &set, &palette));
    for c in <Color as strum::IntoEnumIterator>::iter() {
        let bg = palette.highlight(c).bg.clone().unwrap();
        assert!(
            page.contains(&format!(".gloss-{} {{ background: {bg};", c.name())),
            "{c:?} {bg}"
        );
    }
    // The shorter of two overlapping highlights is drawn on top, the overlap marked.
    assert!(
        page.contains(
            "<mark class=\"gloss-green overlap\" title=\"gloss &#39;briefs/chip curbs.md&#39; \
             --at 00000000-0000-0000-0000-000000000002\"><em>new curbs</em></mark>"
        ),
        "{page}"
    );
}

#[test]
fn positions_and_commands_lead_back_to_the_passage() {
    let (doc, set) = fixture();
    let palette = palette();
    let b = brief(&doc, &set, &palette);
    let h = b.highlight(set.get(Uuid::from_u128(3)).unwrap());
    assert_eq!(
        h.open,
        "gloss 'briefs/chip curbs.md' --at 00000000-0000-0000-0000-000000000003"
    );
    assert_eq!(
        h.start,
        Some(
            doc.text()[..doc.text().find("cybersecurity").unwrap()]
                .chars()
                .count()
        )
    );
    assert_eq!(shell_quote("it's"), "'it'\\''s'");
    assert_eq!(shell_quote("a/b.md"), "a/b.md");
    let _ = Chars(0);
}
