//! Tests of the document: parsing, offsets and pieces.
use super::*;

#[test]
fn the_sample_brief_has_a_title_and_a_collapsed_repeat() {
    let bytes = include_bytes!("../../seeds/micron-cac-probe.txt");
    let doc = Document::parse(bytes, Format::Plain).unwrap();
    assert!(
        doc.title()
            .unwrap()
            .starts_with("US Chip Maker Micron Under Fire")
    );
    assert_eq!(doc.blocks().len(), 13);
    assert_eq!(
        doc.repeats(),
        &[Repeat {
            original: 1..7,
            copy: 7..13
        }]
    );
    assert!(doc.block_text(7).starts_with("In a move that appears"));
    assert!(doc.warnings().is_empty());
}

#[test]
fn front_matter_title_comes_first() {
    let src = "+++\ntitle = \"From meta\"\nsource = \"Wire\"\n+++\nFirst line\nSecond";
    let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    assert_eq!(doc.text(), "From meta\nFirst line\nSecond");
    assert_eq!(doc.meta().source.as_deref(), Some("Wire"));
    assert_eq!(doc.blocks()[1].kind(), BlockKind::Paragraph);
}

/// Parses `src` in pieces cut after the newlines at `cuts`, as the loader does.
fn in_pieces(src: &str, cuts: &[usize]) -> Document {
    let mut bounds = vec![0];
    bounds.extend(cuts.iter().map(|&c| {
        let before = &src.as_bytes()[..c.min(src.len())];
        before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |n| n + 1)
    }));
    bounds.push(src.len());
    let mut doc = Document::parse_start(&src.as_bytes()[..bounds[1]], Format::Plain).unwrap();
    for w in bounds[1..].windows(2) {
        let part = Document::parse_continuation(&src.as_bytes()[w[0]..w[1]], w[0]).unwrap();
        doc.append(part);
    }
    doc.find_repeats();
    doc
}

#[test]
fn a_brief_read_in_pieces_equals_one_read_whole() {
    let sample = std::str::from_utf8(include_bytes!("../../seeds/micron-cac-probe.txt")).unwrap();
    let hostile = "\n\nTïtle\n\n\tCafé 東京\r\n  \n\u{1b}[2J x\nlast";
    for src in [sample, hostile] {
        let whole = Document::parse(src.as_bytes(), Format::Plain).unwrap();
        for cuts in [
            vec![1],
            vec![3, 9],
            vec![src.len() / 2],
            vec![10, 20, 30, 40],
        ] {
            let pieces = in_pieces(src, &cuts);
            assert_eq!(pieces.text(), whole.text(), "cuts {cuts:?}");
            assert_eq!(pieces.blocks(), whole.blocks(), "cuts {cuts:?}");
            assert_eq!(pieces.char_len(), whole.char_len());
            assert_eq!(pieces.repeats(), whole.repeats());
        }
    }
}

/// Found by `a_brief_read_in_any_pieces_equals_one_read_whole`: a piece that began with
/// U+FEFF lost it (taken for a byte-order mark), so the text read in pieces was one character
/// short of the text read whole.
#[test]
fn a_piece_that_starts_with_u_feff_keeps_it() {
    let src = "Title\n\u{feff}Body";
    let whole = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    assert_eq!(whole.text(), "Title\n\u{feff}Body");
    assert_eq!(in_pieces(src, &[6]).text(), whole.text());
}

#[test]
fn errors_and_warnings_in_a_later_piece_count_from_the_file_start() {
    let err = Document::parse_continuation(b"ab\0", 1000).unwrap_err();
    assert_eq!(err, DecodeError::Binary { offset: 1002 });
    let part = Document::parse_continuation(b"ok\n\xff", 50).unwrap();
    assert!(
        part.warnings()[0].contains("offset 53"),
        "{:?}",
        part.warnings()
    );
    let mut doc = Document::parse_start(b"Title\n", Format::Plain).unwrap();
    doc.append(part);
    assert_eq!(doc.text(), "Title\nok\n\u{FFFD}");
    assert_eq!(doc.warnings().len(), 1);
}

#[test]
fn empty_input_is_an_empty_document() {
    let doc = Document::parse(b"", Format::Plain).unwrap();
    assert!(doc.is_empty());
    assert_eq!(doc.char_len(), Chars(0));
    assert_eq!(doc.block_at(0), 0);
    assert_eq!(doc.char_offset(0), Chars(0));
    assert_eq!(doc.byte_offset(Chars(5)), 0);
}

#[test]
fn char_and_byte_offsets_round_trip() {
    let doc = Document::parse("Tïtle\nCafé 東京 🙂 ok\nplain".as_bytes(), Format::Plain).unwrap();
    let text = doc.text();
    for (chars, (bytes, _)) in text.char_indices().enumerate() {
        assert_eq!(doc.char_offset(bytes), Chars(chars), "byte {bytes}");
        assert_eq!(doc.byte_offset(Chars(chars)), bytes, "char {chars}");
    }
    assert_eq!(doc.char_offset(text.len()), doc.char_len());
    assert_eq!(doc.byte_offset(doc.char_len()), text.len());
}

/// Character offsets are kept every `CHAR_STRIDE` blocks and worked out in between: every
/// offset of a brief of several hundred blocks, ASCII and not, read whole and in pieces cut
/// off those strides, converts both ways as counting the text's characters does.
#[test]
fn char_and_byte_offsets_round_trip_across_many_blocks() {
    let src: String = (0..300)
        .map(|i| match i % 7 {
            0 => format!("Café {i} 東京\n"),
            3 => "\n".to_string(),
            5 => format!("\tTabbed {i}\n"),
            _ => format!("Line {i} of plain text\n"),
        })
        .collect();
    let whole = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    assert!(whole.blocks().len() > 4 * CHAR_STRIDE);
    let pieces = in_pieces(&src, &[100, 2_000, 2_001, 5_000]);
    assert_eq!(pieces.text(), whole.text());
    for doc in [&whole, &pieces] {
        let text = doc.text();
        let mut starts = Vec::new();
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(doc.char_offset(bytes), Chars(chars), "byte {bytes}");
            assert_eq!(doc.byte_offset(Chars(chars)), bytes, "char {chars}");
            if doc.blocks().iter().any(|b| b.range().start == bytes) {
                starts.push(chars);
            }
        }
        let kept: Vec<usize> = (0..doc.blocks().len()).map(|b| doc.char_start(b)).collect();
        assert_eq!(kept, starts);
        assert_eq!(doc.char_start(doc.blocks().len()), doc.char_len().get());
        assert_eq!(doc.char_offset(text.len()), doc.char_len());
        assert_eq!(doc.byte_offset(doc.char_len()), text.len());
        assert_eq!(doc.byte_offset(Chars(doc.char_len().get() + 9)), text.len());
    }
}

#[test]
fn hostile_input_never_keeps_a_control_character() {
    let src = "T\u{1b}]0;pwned\u{7}\n\u{1b}[2J\u{9b}c\u{7f}\u{202e}evil\u{2069}\tx\r\n";
    let doc = Document::parse(src.as_bytes(), Format::Plain).unwrap();
    let bad: Vec<char> = doc
        .text()
        .chars()
        .filter(|&c| c != '\n' && crate::sanitize::is_unsafe(c))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        doc.text(),
        "T␛]0;pwned␇\n␛[2J\u{FFFD}c␡\u{FFFD}evil\u{FFFD}   x"
    );
}

#[test]
fn markdown_is_chosen_by_extension() {
    assert_eq!(Format::from_path("a/b.MD".as_ref()), Format::Markdown);
    assert_eq!(Format::from_path("a/b.txt".as_ref()), Format::Plain);
    assert_eq!(Format::from_path("noext".as_ref()), Format::Plain);
}
