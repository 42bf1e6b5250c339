//! Property: what `gloss export --format w3c|hypothesis` writes, `gloss import-annotations`
//! reads back onto the same brief as the same annotations (ids, places, quotes, notes, tags,
//! colours, times to the second); imported again, everything is a duplicate.

use proptest::prelude::*;
use uuid::Uuid;

use super::import_annotations::import;
use crate::annotation::{Anchor, Annotation, Annotations, Color};
use crate::document::{Document, Format};
use crate::export::incoming;
use crate::export::{Brief, Palette, hypothesis, w3c};

const WORDS: [&str; 12] = [
    "chip", "curbs", "Micron", "review", "naïve", "😀", "Tokyo", "東京", "rates", "probe", "the",
    "a",
];

fn brief_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(&WORDS[..]), 3..12),
        2..6,
    )
    .prop_map(|paras| {
        let body: Vec<String> = paras.iter().map(|p| p.join(" ")).collect();
        format!("Title here\n{}\n", body.join("\n"))
    })
}

type Spec = (usize, usize, u8, String, Vec<String>, i64);

fn specs() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(
        (
            any::<usize>(),
            1usize..40,
            0u8..5,
            "[a-z ]{0,12}",
            prop::collection::vec("[a-z]{1,6}", 0..3),
            0i64..2_000_000_000,
        ),
        0..6,
    )
}

fn annotations(doc: &Document, specs: &[Spec]) -> Annotations {
    let chars: Vec<(usize, char)> = doc.text().char_indices().collect();
    let items = specs
        .iter()
        .enumerate()
        .map(|(n, (at, len, color, note, tags, secs))| {
            let start = at % chars.len();
            let end = (start + len).min(chars.len());
            let byte = |i: usize| chars.get(i).map_or(doc.text().len(), |c| c.0);
            let when = jiff::Timestamp::from_second(*secs).unwrap();
            let mut a = Annotation::new(
                Uuid::from_u128(n as u128 + 1),
                when,
                Color::nth(usize::from(*color) + 1).unwrap(),
                Anchor::new(doc, byte(start)..byte(end)),
            );
            a.note = note.trim().to_string();
            a.tags = crate::annotation::parse_tags(&tags.join(","));
            a
        })
        .collect();
    Annotations::from_vec(items, String::new())
}

/// What must survive the trip: id, offsets, quote, note, tags, colour, creation second.
type Essence = (Uuid, usize, usize, String, String, Vec<String>, Color, i64);

fn essence(set: &Annotations) -> Vec<Essence> {
    let mut all: Vec<_> = set
        .iter()
        .map(|a| {
            (
                a.id,
                a.anchor.start.get(),
                a.anchor.end.get(),
                a.anchor.quote.clone(),
                a.note.clone(),
                a.tags.clone(),
                a.color,
                a.created.as_second(),
            )
        })
        .collect();
    all.sort_by_key(|e| e.0);
    all
}

proptest! {
    #[test]
    fn export_then_import_round_trips(text in brief_text(), specs in specs(), hyp in any::<bool>()) {
        let doc = Document::parse(text.as_bytes(), Format::Plain).unwrap();
        let original = annotations(&doc, &specs);
        let palette = Palette::default();
        let brief = Brief { doc: &doc, annotations: &original, path: "b.txt", uri: "file:///b.txt", palette: &palette };
        let json = if hyp {
            hypothesis::export(&[brief], jiff::Timestamp::UNIX_EPOCH)
        } else {
            w3c::collection(&[brief])
        };
        let written = super::list::escape_controls(&serde_json::to_string_pretty(&json).unwrap());
        let read = incoming::read(&serde_json::from_str(&written).unwrap()).unwrap().annotations;
        let mut back = Annotations::default();
        let outcome = import(&doc, &mut back, &read, jiff::Timestamp::UNIX_EPOCH);
        prop_assert_eq!(outcome.added, original.len());
        prop_assert_eq!(essence(&back), essence(&original));
        let again = import(&doc, &mut back, &read, jiff::Timestamp::UNIX_EPOCH);
        prop_assert_eq!(again.added, 0);
        prop_assert_eq!(again.duplicates, original.len());
    }
}
