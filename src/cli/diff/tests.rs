//! `gloss diff`'s output for a re-issued brief: the text listing (plain and coloured) and the
//! JSON, as snapshots.

use super::*;
use crate::annotation::{Anchor, Annotations, Color};
use crate::document::Format;
use crate::store::convert::{Extras, to_file};

const OLD: &str = "Chip probe widens\n\
Regulators said the probe began on Tuesday after a complaint.\n\
The minister, Ada Okafur, declined to comment.\n\
This paragraph is dropped from the re-issue.";

const NEW: &str = "Chip probe widens\n\
Regulators said the probe began on Wednesday after a complaint.\n\
The minister, Ada Okafor, declined to comment.\n\
Correction: an earlier version said the probe began on Tuesday.";

fn compared() -> Compared {
    let old = Document::parse(OLD.as_bytes(), Format::Plain).unwrap();
    let mut set = Annotations::default();
    for (n, quote) in ["began on Tuesday", "Ada Okafur", "is dropped", "Chip probe"]
        .iter()
        .enumerate()
    {
        let start = old.text().find(quote).unwrap();
        set.insert(Annotation::new(
            uuid::Uuid::from_u128(n as u128 + 1),
            jiff::Timestamp::UNIX_EPOCH,
            Color::Yellow,
            Anchor::new(&old, start..start + quote.len()),
        ));
    }
    let file = to_file(&old, "brief.txt", &set, Chars(0), &Extras::default());
    let new = Document::parse(NEW.as_bytes(), Format::Plain).unwrap();
    Compared::new(new, &file, old.text().to_string())
}

#[test]
fn plain_listing() {
    insta::assert_snapshot!(text_lines(&compared(), "brief.txt", false).join("\n"));
}

#[test]
fn coloured_listing_styles_deletions_and_insertions() {
    let lines = text_lines(&compared(), "brief.txt", true).join("\n");
    assert!(
        lines.contains("\x1b[31;9mTuesday\x1b[0m\x1b[32;4mWednesday\x1b[0m"),
        "{lines}"
    );
    assert!(!lines.contains("[-"));
}

#[test]
fn json_lists_changes_and_the_annotations_they_touch() {
    let json = to_json(&compared());
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
    let changes = json["changes"].as_array().unwrap();
    let first = &changes[0];
    assert_eq!(first["kind"], "replace");
    assert_eq!(
        (first["old"].as_str(), first["new"].as_str()),
        (Some("Tuesday"), Some("Wednesday"))
    );
    let annotations = json["annotations"].as_array().unwrap();
    let tuesday = annotations
        .iter()
        .find(|a| a["was"] == "began on Tuesday")
        .unwrap();
    assert_eq!(tuesday["status"], "fuzzy");
    assert_eq!(tuesday["quote"], "began on Wednesday");
    assert_eq!(tuesday["change"], serde_json::json!([0]));
    let dropped = annotations
        .iter()
        .find(|a| a["was"] == "is dropped")
        .unwrap();
    assert_eq!(dropped["status"], "orphaned");
    let title = annotations
        .iter()
        .find(|a| a["was"] == "Chip probe")
        .unwrap();
    assert_eq!(
        (
            title["status"].as_str(),
            title["change"].as_array().map(Vec::len)
        ),
        (Some("exact"), Some(0))
    );
}

#[test]
fn text_from_the_brief_cannot_drive_the_terminal() {
    // Hostile text in the old text (a snapshot), the new and a quote: an OSC 52 clipboard
    // write, a screen clear, a C1 CSI, a bidi override.
    let old = "T\nplain \u{1b}]52;c;aGk=\u{7} words here";
    let new = "T\nplain \u{1b}[2J\u{9b}31m \u{202e}words here";
    let old_doc = Document::parse(b"T\nplain words here", Format::Plain).unwrap();
    let mut set = Annotations::default();
    set.insert(Annotation::new(
        uuid::Uuid::from_u128(9),
        jiff::Timestamp::UNIX_EPOCH,
        Color::Red,
        Anchor::new(&old_doc, 2..7),
    ));
    let file = to_file(&old_doc, "b.txt", &set, Chars(0), &Extras::default());
    // Even text that skipped normalisation is neutralised on the way out.
    let mut c = Compared::new(
        Document::parse(new.as_bytes(), Format::Plain).unwrap(),
        &file,
        old.into(),
    );
    for a in &mut c.placed {
        a.anchor.quote = "\u{1b}]8;;http://x\u{7}plain".into();
    }
    // As if its stored offsets held the hostile old text: listed under the change.
    c.old_ranges = vec![Some(8..21)];
    assert!(!c.before.diff().changes().is_empty());
    for colour in [false, true] {
        let lines = text_lines(&c, "b\u{1b}.txt", colour);
        assert!(lines.iter().any(|l| l.contains("was")), "{lines:?}");
        for line in lines {
            // In colour, only gloss's own styles are escape codes.
            let own = ["\x1b[31;9m", "\x1b[32;4m", "\x1b[0m"]
                .iter()
                .fold(line.clone(), |l, code| l.replace(code, ""));
            assert!(!own.chars().any(crate::sanitize::is_unsafe), "{line:?}");
        }
    }
    let json = escape_controls(&serde_json::to_string_pretty(&to_json(&c)).unwrap());
    assert!(
        !json
            .lines()
            .any(|l| l.chars().any(crate::sanitize::is_unsafe)),
        "{json}"
    );
    assert!(json.contains("\\u001b"), "kept, escaped: {json}");
}
