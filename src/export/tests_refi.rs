//! The REFI-QDA project of the export fixture: selections by character positions that agree
//! with the source text written, every reference resolving, notes, memos and users, and
//! GUIDs that stay the same from one export to the next.

use std::collections::BTreeSet;

use roxmltree::{Document as Xml, Node};

use super::qdpx::{Source, project, source_guid};
use super::refi::code_guid;
use super::tests::fixture;
use crate::codebook::{Code, Codebook};

fn book() -> Codebook {
    let mut book = Codebook::default();
    let mut semis = Code::named("semis");
    semis.color = Some(crate::annotation::Color::Green);
    semis.description = "Semiconductors".into();
    book.add(semis).unwrap();
    book.set_memo("semis", "Chips, tools and fabs.\nNot: solar.")
        .unwrap();
    book.add(Code::named("frame/conflict")).unwrap();
    book.set_library_memo("Aims", "Who frames the curbs?")
        .unwrap();
    book
}

fn elements<'a, 'i>(xml: &'a Xml<'i>, name: &str) -> Vec<Node<'a, 'i>> {
    xml.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

#[test]
fn selections_are_character_positions_of_the_source_text_written() {
    let (doc, mut set) = fixture();
    let mut with_author: Vec<_> = set.iter().cloned().collect();
    with_author[0].author = "ana".into();
    with_author[1].author = "ben".into();
    set = crate::annotation::Annotations::from_vec(with_author, set.brief_note().to_string());
    let sources = [Source {
        name: "briefs/chip curbs.md",
        doc: &doc,
        annotations: &set,
    }];
    let p = project("study", &book(), &sources);
    let xml = Xml::parse(&p.qde).unwrap();
    let (path, text) = &p.sources[0];
    let id = source_guid("briefs/chip curbs.md");
    assert_eq!(path, &format!("sources/{id}.txt"));
    assert_eq!(text, doc.text(), "the source is the normalised text");
    let source = elements(&xml, "TextSource")[0];
    assert_eq!(
        source.attribute("plainTextPath"),
        Some(format!("internal://{id}.txt").as_str())
    );
    let chars: Vec<char> = text.chars().collect();
    let mut quotes = Vec::new();
    for sel in elements(&xml, "PlainTextSelection") {
        let start: usize = sel.attribute("startPosition").unwrap().parse().unwrap();
        let end: usize = sel.attribute("endPosition").unwrap().parse().unwrap();
        quotes.push(chars[start..end].iter().collect::<String>());
    }
    // The highlight with neither tags nor note (4) and the orphan (5) are not selections.
    assert_eq!(
        quotes,
        [
            "joined new curbs on chip tools",
            "new curbs",
            "cybersecurity review"
        ]
    );
    assert_eq!(p.orphans, 1);
    let users: Vec<(&str, &str)> = elements(&xml, "User")
        .iter()
        .map(|u| (u.attribute("name").unwrap(), u.attribute("guid").unwrap()))
        .collect();
    assert_eq!(users.len(), 2);
    assert_eq!(users[0].0, "ana");
    let first = elements(&xml, "PlainTextSelection")[0];
    assert_eq!(first.attribute("creatingUser"), Some(users[0].1));
}

#[test]
fn every_reference_resolves_and_tags_outside_the_codebook_become_codes() {
    let (doc, set) = fixture();
    let sources = [Source {
        name: "briefs/chip curbs.md",
        doc: &doc,
        annotations: &set,
    }];
    let p = project("study", &book(), &sources);
    let xml = Xml::parse(&p.qde).unwrap();
    let guids = |name: &str| -> BTreeSet<String> {
        elements(&xml, name)
            .iter()
            .map(|n| n.attribute("guid").unwrap().to_string())
            .collect()
    };
    let (codes, notes) = (guids("Code"), guids("Note"));
    for r in elements(&xml, "CodeRef") {
        assert!(codes.contains(r.attribute("targetGUID").unwrap()));
    }
    for r in elements(&xml, "NoteRef") {
        assert!(notes.contains(r.attribute("targetGUID").unwrap()));
    }
    let coded: Vec<(&str, &str)> = elements(&xml, "Code")
        .iter()
        .map(|c| {
            (
                c.attribute("name").unwrap(),
                c.attribute("isCodable").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        coded,
        [
            ("frame", "false"),
            ("conflict", "true"),
            ("policy", "false"),
            ("dutch", "true"),
            ("semis", "true"),
        ],
        "policy/dutch is a tag, not in the codebook: a code of the project all the same"
    );
    let semis = elements(&xml, "Code")
        .into_iter()
        .find(|c| c.attribute("name") == Some("semis"))
        .unwrap();
    assert_eq!(semis.attribute("guid"), Some(code_guid("semis").as_str()));
    assert_eq!(semis.attribute("color"), Some("#4CAF50"));
    let texts: Vec<(&str, &str)> = elements(&xml, "Note")
        .iter()
        .map(|n| {
            (
                n.attribute("name").unwrap(),
                n.descendants()
                    .find(|d| d.tag_name().name() == "PlainTextContent")
                    .and_then(|d| d.text())
                    .unwrap(),
            )
        })
        .collect();
    assert!(texts.contains(&("Memo: semis", "Chips, tools and fabs.\nNot: solar.")));
    assert!(texts.contains(&("Aims", "Who frames the curbs?")));
    assert!(texts.contains(&(
        "Note: briefs/chip curbs.md",
        "Overall: escalation after the Dutch and Japanese curbs."
    )));
    let hostile = texts
        .iter()
        .find(|(n, _)| n.contains("cybersecurity"))
        .unwrap();
    assert!(!hostile.1.contains('\u{1b}') && hostile.1.contains("Retaliation?"));
    let project_refs: Vec<_> = xml
        .root_element()
        .children()
        .filter(|n| n.tag_name().name() == "NoteRef")
        .collect();
    assert_eq!(
        project_refs.len(),
        1,
        "the library memo hangs off the project"
    );
}

#[test]
fn the_same_library_exports_the_same_bytes() {
    let (doc, set) = fixture();
    let sources = [Source {
        name: "a.md",
        doc: &doc,
        annotations: &set,
    }];
    let one = project("study", &book(), &sources);
    let two = project("study", &book(), &sources);
    assert_eq!(one, two);
    assert_eq!(
        super::qdpx::zip(&one).unwrap(),
        super::qdpx::zip(&two).unwrap()
    );
}

#[test]
fn positions_count_characters_not_bytes() {
    use crate::annotation::{Anchor, Annotations, Color};
    use crate::document::{Document, Format};
    let doc = Document::parse(
        "Zölle 🚢\nDie Niederländer — «neue Zölle» auf Chips.\n".as_bytes(),
        Format::Plain,
    )
    .unwrap();
    let start = doc.text().find("neue").unwrap();
    let mut a = super::tests::annotation(7, Anchor::new(&doc, start..start + 11), Color::Red);
    a.tags = vec!["tariff".into()];
    let set = Annotations::from_vec(vec![a], String::new());
    let p = project(
        "study",
        &Codebook::default(),
        &[Source {
            name: "z.txt",
            doc: &doc,
            annotations: &set,
        }],
    );
    let xml = Xml::parse(&p.qde).unwrap();
    let sel = elements(&xml, "PlainTextSelection")[0];
    let prefix = "Zölle 🚢\nDie Niederländer — «".chars().count();
    assert_eq!(
        sel.attribute("startPosition"),
        Some(prefix.to_string().as_str())
    );
    assert_eq!(
        sel.attribute("endPosition"),
        Some((prefix + "neue Zölle".chars().count()).to_string().as_str())
    );
}
