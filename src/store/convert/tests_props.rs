//! Property tests of the trip to the sidecar file and back; the annotation generators are
//! shared with the merge's properties.

use jiff::Timestamp;
use proptest::prelude::*;
use strum::IntoEnumIterator;
use uuid::Uuid;

use super::*;
use crate::annotation::Color;
use crate::document::Format;
use crate::store::format::{parse, write};

/// Pieces of text that are awkward in TOML or on a terminal: quotes and backslashes, triple
/// quotes, line ends of every kind, controls (NUL, ESC, DEL, C1), bidi, BOM, TOML syntax.
const ODD: &[&str] = &[
    "\"",
    "'",
    "\\",
    "\"\"\"",
    "'''",
    "\\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "\u{1b}[2J",
    "\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{feff}",
    "#",
    "=",
    "[[a]]",
    ",",
    " ",
    "é",
    "東京",
    "🙂",
    "e\u{301}",
];

/// Any text: plain words, the pieces above, and any character at all.
pub(crate) fn odd_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        2 => "[a-z]{1,5}",
        2 => prop::sample::select(ODD).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

/// Any instant jiff can hold, to the nanosecond.
pub(crate) fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
        0i32..1_000_000_000,
    )
        .prop_filter_map("outside jiff's range", |(s, n)| Timestamp::new(s, n).ok())
}

pub(crate) fn color() -> impl Strategy<Value = Color> {
    prop::sample::select(Color::iter().collect::<Vec<_>>())
}

pub(crate) fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![
        Status::Exact,
        Status::Moved,
        Status::Fuzzy,
        Status::Orphaned,
    ])
}

/// Any annotation (its id given), with odd text in every string it holds.
pub(crate) fn annotation(id: Uuid) -> impl Strategy<Value = Annotation> {
    (
        (timestamp(), timestamp(), color(), status()),
        prop::collection::vec(odd_text(), 0..4),
        (odd_text(), odd_text(), odd_text(), odd_text()),
        (0usize..1_000_000, 0usize..500),
    )
        .prop_map(
            move |(
                (created, updated, color, status),
                tags,
                (note, quote, prefix, suffix),
                (start, len),
            )| {
                Annotation {
                    id,
                    created,
                    updated,
                    author: prefix.chars().rev().collect(),
                    color,
                    tags,
                    note,
                    anchor: Anchor {
                        start: Chars(start),
                        end: Chars(start + len),
                        quote,
                        prefix,
                        suffix,
                    },
                    status,
                }
            },
        )
}

/// Up to `max` annotations with distinct random ids, and a brief note.
pub(crate) fn annotations(max: usize) -> impl Strategy<Value = Annotations> {
    (
        prop::collection::hash_set(any::<u128>(), 0..=max),
        odd_text(),
    )
        .prop_flat_map(|(ids, note)| {
            let each: Vec<_> = ids
                .into_iter()
                .map(|id| annotation(Uuid::from_u128(id)))
                .collect();
            (each, Just(note))
        })
        .prop_map(|(items, note)| Annotations::from_vec(items, note))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Saving then loading gives back exactly the annotations saved: every field of every
    /// annotation and the brief note, through `to_file`, the TOML text and `annotations_of`.
    #[test]
    fn saving_then_loading_returns_the_same_annotations(
        saved in annotations(6),
        position in 0usize..1_000_000,
    ) {
        let doc = Document::parse("Title\nBody".as_bytes(), Format::Plain).unwrap();
        let file = to_file(&doc, "b\u{1b}.txt", &saved, Chars(position), &Extras::default());
        let text = write(&file).unwrap();
        let read = parse(&text).unwrap();
        prop_assert_eq!(&annotations_of(&read), &saved, "{}", text);
        prop_assert_eq!(read.reading.position, position as u64);
    }
}
