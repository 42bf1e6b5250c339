use super::*;

pub(crate) const SAMPLE: &str = r#"# gloss annotations
version = 1
brief_note = """
Overall: escalation.
Second line."""
future_top_level = "kept"

[document]
file = "micron-cac-probe.txt"
title = "US Chip Maker"
sha256 = "ab"
chars = 4000
publisher = "kept too"

[reading]
position = 120

[[annotation]]
id = "0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a0b"
created = "2026-11-24T10:00:00Z"
updated = "2026-11-24T10:05:00Z"
color = "yellow"
tags = ["china", "semis"]
note = """
Retaliation?
Compare the Japan curbs."""
quote = "cybersecurity probe"
prefix = "nd Europe, China has launched a "
suffix = " into Micron Technology, one of "
start = 120
end = 139
review_state = "new key from a future gloss"

[[annotation]]
id = "0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a0c"
created = "2026-11-24T10:00:00Z"
updated = "2026-11-24T10:00:00Z"
color = "red"
quote = "hidden product problems"
start = 500
end = 523
status = "orphaned"

[[bookmark]]
at = 10
"#;

#[test]
fn parses_every_field_and_keeps_unknown_keys() {
    let file = parse(SAMPLE).unwrap();
    assert_eq!(file.version, 1);
    assert_eq!(file.brief_note, "Overall: escalation.\nSecond line.");
    assert_eq!(file.document.chars, 4000);
    assert_eq!(file.reading.position, 120);
    assert_eq!(file.annotations.len(), 2);
    let a = &file.annotations[0];
    assert_eq!(a.color, Color::Yellow);
    assert_eq!(a.note, "Retaliation?\nCompare the Japan curbs.");
    assert_eq!(a.status, "exact");
    assert_eq!(
        a.extra["review_state"].as_str(),
        Some("new key from a future gloss")
    );
    assert_eq!(file.annotations[1].status, "orphaned");
    assert_eq!(file.extra["future_top_level"].as_str(), Some("kept"));
    assert!(file.extra.contains_key("bookmark"));
    assert_eq!(file.document.extra["publisher"].as_str(), Some("kept too"));
}

#[test]
fn writing_and_reading_back_is_lossless_and_stable() {
    let file = parse(SAMPLE).unwrap();
    let written = write(&file).unwrap();
    assert!(written.starts_with(HEADER));
    let again = parse(&written).unwrap();
    assert_eq!(again, file);
    assert_eq!(
        write(&again).unwrap(),
        written,
        "the same content gives the same bytes"
    );
    // Multi-line notes stay readable.
    assert!(
        written.contains("note = \"\"\"\nRetaliation?\nCompare the Japan curbs.\"\"\""),
        "{written}"
    );
    // Exact status is implied, not written.
    assert_eq!(written.matches("status =").count(), 1);
}

#[test]
fn syntax_errors_name_line_and_column() {
    let err = parse("version = 1\n[document]\nfile = \"x\nchars = 3\n").unwrap_err();
    assert_eq!(err.line, 3, "{err}");
    assert!(err.to_string().starts_with("line 3, column"), "{err}");
}

#[test]
fn a_newer_version_is_refused_with_its_line() {
    let err = parse("# comment\nversion = 2\n[document]\n").unwrap_err();
    assert_eq!((err.line, err.column), (2, 1));
    assert!(
        err.message.contains("newer gloss (format version 2"),
        "{err}"
    );
}

#[test]
fn a_missing_version_is_refused() {
    let err = parse("[document]\nfile = \"x\"\n").unwrap_err();
    assert_eq!(err.message, "missing `version`");
}

#[test]
fn an_end_before_its_start_is_refused_at_its_entry() {
    let src = SAMPLE.replace("start = 120\nend = 139", "start = 139\nend = 120");
    let err = parse(&src).unwrap_err();
    assert!(err.message.contains("end 120 is before start 139"), "{err}");
    assert_eq!(err.line, 19, "the line of the entry's id");
}

#[test]
fn bad_values_are_named() {
    let src = SAMPLE.replace("color = \"red\"", "color = \"teal\"");
    let err = parse(&src).unwrap_err();
    assert!(err.message.contains("teal"), "{err}");
    assert_eq!(err.line, 38);
    let src = SAMPLE.replace("status = \"orphaned\"", "status = \"lost\"");
    assert!(
        parse(&src)
            .unwrap_err()
            .message
            .contains("unknown status \"lost\"")
    );
    let src = SAMPLE.replace(
        "id = \"0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a0c\"",
        "id = \"not-a-uuid\"",
    );
    assert!(parse(&src).is_err());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn entry() -> impl Strategy<Value = Entry> {
        (
            any::<u128>(),
            0i64..4_000_000_000,
            prop::sample::select(vec![
                Color::Yellow,
                Color::Green,
                Color::Blue,
                Color::Red,
                Color::Purple,
            ]),
            prop::collection::vec("[a-z][a-z0-9 -]{0,8}", 0..4),
            "(?s).{0,40}",
            "(?s).{0,40}",
            0u64..1_000_000,
            0u64..500,
            prop::sample::select(vec!["exact", "moved", "fuzzy", "orphaned"]),
        )
            .prop_map(
                |(id, secs, color, tags, note, quote, start, len, status)| Entry {
                    id: Uuid::from_u128(id),
                    created: Timestamp::from_second(secs).unwrap(),
                    updated: Timestamp::from_second(secs + 60).unwrap(),
                    author: if id % 3 == 0 {
                        String::new()
                    } else {
                        format!("user {id}")
                    },
                    color,
                    tags,
                    note,
                    quote,
                    prefix: String::new(),
                    suffix: "after".into(),
                    start,
                    end: start + len,
                    status: status.to_string(),
                    extra: toml::Table::new(),
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_sidecar_round_trips(entries in prop::collection::vec(entry(), 0..6), note in "(?s).{0,60}", position in 0u64..10_000) {
            let file = SidecarFile {
                version: VERSION,
                brief_note: note,
                document: DocumentInfo { file: "b.txt".into(), title: "T \"q\" \\ x".into(), sha256: "00".into(), chars: 9, extra: toml::Table::new() },
                reading: Reading { position, extra: toml::Table::new() },
                annotations: entries,
                extra: toml::Table::new(),
            };
            let text = write(&file).unwrap();
            prop_assert_eq!(parse(&text).unwrap(), file);
        }
    }
}
