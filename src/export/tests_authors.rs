//! Who made each highlight, in every export: W3C `creator`, Hypothesis `user_info`, the CSV's
//! `Annotator` column, the Markdown callout and the HTML side note and footnote; neutralised
//! like any other text, and left out when unknown.

use super::tests::{brief, fixture, palette};
use super::*;
use crate::annotation::Annotations;

/// The export fixture with authors: a plain one on the first highlight, a hostile one on the
/// third (it has a note), none on the rest.
fn authored() -> (crate::document::Document, Annotations) {
    let (doc, set) = fixture();
    let mut all: Vec<Annotation> = set.iter().cloned().collect();
    for a in &mut all {
        a.author = match a.id.as_u128() {
            1 => "Ana Lopez".into(),
            3 => "Bo <b>\u{1b}]0;x\u{7}*em*".into(),
            _ => String::new(),
        };
    }
    let note = set.brief_note().to_string();
    (doc, Annotations::from_vec(all, note))
}

#[test]
fn w3c_names_the_creator_as_a_person() {
    let (doc, set) = authored();
    let palette = palette();
    let json = w3c::collection(&[brief(&doc, &set, &palette)]);
    let items = json["first"]["items"].as_array().unwrap();
    let by_id = |n: u128| {
        items
            .iter()
            .find(|i| i["id"] == format!("urn:uuid:{}", uuid::Uuid::from_u128(n)))
            .unwrap()
    };
    assert_eq!(
        by_id(1)["creator"],
        serde_json::json!({ "type": "Person", "name": "Ana Lopez" })
    );
    assert!(by_id(2).get("creator").is_none(), "unknown: no creator");
}

#[test]
fn hypothesis_shows_the_display_name() {
    let (doc, set) = authored();
    let palette = palette();
    let json = hypothesis::export(&[brief(&doc, &set, &palette)], jiff::Timestamp::UNIX_EPOCH);
    let items = json["annotations"].as_array().unwrap();
    let first = items
        .iter()
        .find(|i| i["id"] == uuid::Uuid::from_u128(1).to_string())
        .unwrap();
    assert_eq!(first["user_info"]["display_name"], "Ana Lopez");
    assert_eq!(
        items
            .iter()
            .filter(|i| i.get("user_info").is_some())
            .count(),
        2
    );
}

#[test]
fn csv_has_an_annotator_column() {
    let (doc, set) = authored();
    let palette = palette();
    let text = csv::export(&[brief(&doc, &set, &palette)]).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.iter().next_back(), Some("Annotator"));
    let annotators: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().iter().next_back().unwrap().to_string())
        .collect();
    assert!(
        annotators.contains(&"Ana Lopez".to_string()),
        "{annotators:?}"
    );
    assert!(
        annotators.iter().all(|a| !a.contains('\u{1b}')),
        "{annotators:?}"
    );
    assert_eq!(annotators.iter().filter(|a| a.is_empty()).count(), 3);
}

#[test]
fn markdown_and_html_show_who_wrote_it_neutralised() {
    let (doc, set) = authored();
    let palette = palette();
    let b = brief(&doc, &set, &palette);
    let note = markdown::note(&b, GroupBy::None);
    assert!(note.contains(">\n> by Ana Lopez\n"), "{note}");
    let hostile = note.lines().find(|l| l.starts_with("> by Bo")).unwrap();
    assert!(
        !hostile.contains('\u{1b}') && !hostile.contains('\u{7}'),
        "{hostile:?}"
    );
    assert!(
        hostile.contains("&lt;b>") && hostile.contains("\\*em\\*"),
        "{hostile:?}"
    );
    assert_eq!(note.matches("> by ").count(), 2);

    let page = html::page(&b);
    assert!(
        page.contains("<span class=\"by\">by Bo &lt;b&gt;"),
        "side note and footnote: {page}"
    );
    assert_eq!(page.matches("<span class=\"by\">by Bo").count(), 2);
    assert_eq!(
        page.matches("<span class=\"by\">by Ana Lopez</span>")
            .count(),
        2
    );
    assert!(!page.contains("\u{1b}"));
}
