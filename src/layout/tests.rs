use super::*;
use crate::document::{Document, Format};

fn doc(src: &str) -> Document {
    Document::parse(src.as_bytes(), Format::Plain).unwrap()
}

fn items(layout: &Layout) -> Vec<Item> {
    (0..layout.item_count())
        .filter_map(|i| layout.item(i))
        .collect()
}

fn shown(doc: &Document, layout: &Layout, rows: Range<usize>) -> Vec<String> {
    layout
        .lines(doc, rows)
        .into_iter()
        .map(|line| match line {
            Line::Text { range, .. } => doc.text()[range].to_string(),
            Line::Collapsed(r) => format!("<collapsed {r}>"),
            Line::Meta => "<meta>".to_string(),
            Line::Gap => String::new(),
        })
        .collect()
}

#[test]
fn items_are_separated_by_one_gap_row() {
    let d = doc("Title here\nfirst paragraph text\nsecond");
    let l = Layout::new(&d, 10, false);
    assert_eq!(
        shown(&d, &l, 0..100),
        [
            "Title here",
            "",
            "first ",
            "paragraph ",
            "text",
            "",
            "second"
        ]
    );
    assert_eq!(l.total_rows(), 7);
}

#[test]
fn any_window_matches_the_full_layout() {
    let d = doc("T\none two three four five six\nseven eight nine ten\neleven");
    let l = Layout::new(&d, 9, false);
    let all = shown(&d, &l, 0..l.total_rows());
    for start in 0..all.len() {
        for end in start..=all.len() {
            assert_eq!(shown(&d, &l, start..end), all[start..end], "{start}..{end}");
        }
    }
}

#[test]
fn repeats_collapse_into_one_marker_row() {
    let p1 = "The central bank raised its benchmark rate by a quarter point on Tuesday.";
    let p2 = "Markets had expected the move, and shares rose modestly after the announcement.";
    let d = doc(&format!("T\n{p1}\n{p2}\n{p1}\n{p2}"));
    let collapsed = Layout::new(&d, 200, false);
    assert_eq!(
        shown(&d, &collapsed, 0..100),
        ["T", "", p1, "", p2, "", "<collapsed 0>"]
    );
    let open = Layout::new(&d, 200, true);
    assert_eq!(open.total_rows(), 9);
    // Hidden text maps to the marker's row.
    let hidden = d.blocks()[3].range().start + 5;
    assert_eq!(collapsed.row_of(&d, hidden), 6);
    assert_eq!(open.row_of(&d, hidden), 6);
    assert_eq!(collapsed.item_of_block(4), 3);
}

#[test]
fn row_of_finds_the_row_showing_an_offset() {
    let d = doc("T\none two three four five six seven");
    let l = Layout::new(&d, 9, false);
    let base = d.blocks()[1].range().start;
    let rows: Vec<usize> = (0..d.block_text(1).len())
        .map(|i| l.row_of(&d, base + i))
        .collect();
    // "one two " "three " "four five " ... at width 9
    assert_eq!(rows[0], 2);
    assert_eq!(rows[8], 3);
    assert_eq!(*rows.last().unwrap(), l.total_rows() - 1);
    assert!(rows.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn tall_blocks_draw_the_same_from_checkpoints() {
    let words: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
    let d = doc(&format!("Title\n{}\nafter", words.join(" ")));
    let l = Layout::new(&d, 20, false);
    assert!(l.checkpoints.contains_key(&1), "block 1 is tall");
    // Walk the whole block row by row with the plain wrapper and compare with windows.
    let text = d.block_text(1);
    let base = d.blocks()[1].range().start;
    let expected: Vec<String> = wrap::rows(text, 20, true)
        .map(|r| text[r].to_string())
        .collect();
    let first = l.item_row(1);
    for start in [0, 63, 64, 65, 200, expected.len() - 3] {
        let got = shown(&d, &l, first + start..first + start + 3);
        assert_eq!(got, expected[start..start + 3], "row {start}");
    }
    // row_of agrees with the drawn rows.
    for row in [0, 64, 129, expected.len() - 1] {
        let lines = l.lines(&d, first + row..first + row + 1);
        let Line::Text { range, .. } = &lines[0] else {
            panic!("not text")
        };
        assert_eq!(l.row_of(&d, range.start), first + row);
        assert!(range.start >= base);
    }
}

#[test]
fn anchors_survive_a_change_of_width() {
    let d = doc("Title\nalpha beta gamma delta epsilon zeta eta theta\niota kappa lambda");
    let narrow = Layout::new(&d, 8, false);
    let row = 5;
    let anchor = narrow.pin_at(&d, row);
    let wide = Layout::new(&d, 30, false);
    let new_row = wide.row_of(&d, anchor.offset);
    let Line::Text { range, .. } = &wide.lines(&d, new_row..new_row + 1)[0] else {
        panic!()
    };
    assert!(range.contains(&anchor.offset));
}

#[test]
fn empty_document_has_no_rows() {
    let d = doc("");
    let l = Layout::new(&d, 80, false);
    assert_eq!(l.total_rows(), 0);
    assert!(l.lines(&d, 0..10).is_empty());
    assert_eq!(l.row_of(&d, 0), 0);
    assert_eq!(l.item_at_row(0), None);
}

#[test]
fn list_and_quote_decoration_narrows_the_wrap() {
    let d = Document::parse(
        b"Intro\n\n> quoted words here\n\n- item words here",
        Format::Markdown,
    )
    .unwrap();
    let l = Layout::new(&d, 10, false);
    assert_eq!(l.wrap_width(&d, 1), 10 - QUOTE_INDENT);
    assert_eq!(l.wrap_width(&d, 2), 10 - LIST_INDENT);
}

#[test]
fn a_layout_extended_piece_by_piece_equals_one_made_whole() {
    let words: Vec<String> = (0..900).map(|i| format!("w{i}")).collect();
    let tall = words.join(" ");
    let src = format!("Title\nshort one\n{tall}\nmiddle paragraph here\n{tall}\nend");
    let whole_doc = doc(&src);
    let whole = Layout::new(&whole_doc, 17, false);
    for cut in [1, 2, 3, 5] {
        let mut lines = src.split_inclusive('\n');
        let head: String = lines.by_ref().take(cut).collect();
        let tail: String = lines.collect();
        let mut d = Document::parse_start(head.as_bytes(), Format::Plain).unwrap();
        let mut l = Layout::new(&d, 17, false);
        let part = Document::parse_continuation(tail.as_bytes(), head.len()).unwrap();
        // Measured off-thread on the piece alone, as the loader does.
        let measured = Measured::of(&part, 17);
        d.append(part);
        l.extend(&d, Some(measured));
        assert_eq!(l.total_rows(), whole.total_rows(), "cut {cut}");
        assert_eq!(l.checkpoints, whole.checkpoints, "cut {cut}");
        let rows = 0..whole.total_rows();
        assert_eq!(shown(&d, &l, rows.clone()), shown(&whole_doc, &whole, rows));
    }
}

#[test]
fn heights_measured_at_another_width_are_not_used() {
    let d0 = doc("Title");
    let part = Document::parse_continuation(b"one two three four five six", 6).unwrap();
    let wrong = Measured::of(&part, 200);
    let mut d = d0.clone();
    let mut l = Layout::new(&d0, 9, false);
    d.append(part);
    l.extend(&d, Some(wrong));
    assert_eq!(l.total_rows(), Layout::new(&d, 9, false).total_rows());
    assert_eq!(l.total_rows(), 6, "title, gap and four rows at width 9");
}

#[test]
fn reflow_collapses_repeats_found_after_loading_without_measuring_again() {
    let p1 = "The central bank raised its benchmark rate by a quarter point on Tuesday.";
    let p2 = "Markets had expected the move, and shares rose modestly after the announcement.";
    let src = format!("T\n{p1}\n{p2}\n{p1}\n{p2}");
    let mut d = Document::parse_start(src.as_bytes(), Format::Plain).unwrap();
    let mut l = Layout::new(&d, 30, false);
    assert_eq!(l.item_count(), 5);
    d.find_repeats();
    l.reflow(&d, false);
    let fresh = Layout::new(&d, 30, false);
    assert_eq!(items(&l), items(&fresh));
    assert_eq!(shown(&d, &l, 0..100), shown(&d, &fresh, 0..100));
    l.reflow(&d, true);
    assert_eq!(items(&l), items(&Layout::new(&d, 30, true)));
}

#[test]
fn the_front_matter_line_is_a_row_under_the_title_and_moves_no_offset() {
    let rest = "+++\nBody paragraph one\nsecond";
    let with_meta = doc(&format!(
        "+++\ntitle = \"Title\"\nsource = \"Wire\"\n{rest}"
    ));
    let without = doc(&format!("+++\ntitle = \"Title\"\n{rest}"));
    assert_eq!(with_meta.text(), without.text(), "the line is not text");
    assert_eq!(with_meta.blocks(), without.blocks());
    let l = Layout::new(&with_meta, 40, false);
    let plain = Layout::new(&without, 40, false);
    assert_eq!(
        shown(&with_meta, &l, 0..100),
        [
            "Title",
            "",
            "<meta>",
            "",
            "Body paragraph one",
            "",
            "second"
        ]
    );
    assert_eq!(
        l.total_rows(),
        plain.total_rows() + 2,
        "the line and its gap"
    );
    let first_body = with_meta.blocks()[1].range().start;
    for offset in 0..with_meta.text().len() {
        let shift = if offset >= first_body { 2 } else { 0 };
        let (row, row0) = (l.row_of(&with_meta, offset), plain.row_of(&without, offset));
        assert_eq!(row, row0 + shift, "offset {offset}");
    }
    assert_eq!(l.item_of_block(0), 0);
    assert_eq!(l.item_of_block(1), 2, "the line shows no block");
    assert_eq!(l.pin_at(&with_meta, 2).offset, first_body);
}

#[test]
fn the_front_matter_line_comes_first_without_a_title_and_after_a_collapse_too() {
    let md = "+++\nsource = \"Wire\"\n+++\nJust a paragraph.\n\nAnother one.";
    let d = Document::parse(md.as_bytes(), Format::Markdown).unwrap();
    let l = Layout::new(&d, 40, false);
    assert_eq!(
        shown(&d, &l, 0..100),
        ["<meta>", "", "Just a paragraph.", "", "Another one."]
    );
    assert_eq!(l.row_of(&d, 0), 2);
    let p1 = "The central bank raised its benchmark rate by a quarter point on Tuesday.";
    let p2 = "Markets had expected the move, and shares rose modestly after the announcement.";
    let d = doc(&format!("+++\nurl = \"u\"\n+++\nT\n{p1}\n{p2}\n{p1}\n{p2}"));
    assert_eq!(
        shown(&d, &Layout::new(&d, 200, false), 0..100),
        ["T", "", "<meta>", "", p1, "", p2, "", "<collapsed 0>"]
    );
    assert_eq!(Layout::new(&d, 200, true).total_rows(), 11);
}

#[test]
fn a_brief_with_front_matter_extended_piece_by_piece_equals_one_made_whole() {
    let src = "+++\ntitle = \"T\"\ntags = [\"x\"]\n+++\nfirst line\nsecond line\nthird";
    let whole_doc = doc(src);
    let whole = Layout::new(&whole_doc, 8, false);
    let head_len = src.find("second").unwrap_or(0);
    let (head, tail) = src.split_at(head_len);
    let mut d = Document::parse_start(head.as_bytes(), Format::Plain).unwrap();
    let mut l = Layout::new(&d, 8, false);
    let part = Document::parse_continuation(tail.as_bytes(), head.len()).unwrap();
    let measured = Measured::of(&part, 8);
    d.append(part);
    l.extend(&d, Some(measured));
    assert_eq!(items(&l), items(&whole));
    let rows = 0..whole.total_rows();
    assert_eq!(shown(&d, &l, rows.clone()), shown(&whole_doc, &whole, rows));
    assert_eq!(shown(&d, &l, 0..3), ["T", "", "<meta>"]);
}

#[test]
fn a_flow_entry_takes_eight_bytes() {
    // One per paragraph of a huge brief: 16 bytes with a usize index.
    assert_eq!(std::mem::size_of::<Item>(), 8);
}

/// Rows of every item worked out the long way: each item's height plus its gap row.
fn naive_starts(l: &Layout) -> Vec<usize> {
    let mut starts = vec![0];
    for i in 0..l.item_count() {
        let next = starts[i] + l.height(i) + 1;
        starts.push(next);
    }
    starts
}

#[test]
fn rows_past_many_strides_match_a_plain_prefix_sum() {
    // Paragraphs of 1 to 4 rows at width 10, over several strides of kept rows, read in
    // pieces of uneven size so kept rows come from `extend` across piece boundaries. Each
    // starts with its number, so none repeats another.
    let lines: Vec<String> = (0..STRIDE * 5 + 7)
        .map(|i| format!("{i} {}", "word ".repeat((i * 7) % 8)))
        .collect();
    let src = lines.join("\n");
    let cut = src
        .match_indices('\n')
        .nth(STRIDE + 3)
        .map_or(0, |(at, _)| at + 1);
    let mut d = Document::parse_start(&src.as_bytes()[..cut], Format::Plain).unwrap();
    let mut l = Layout::new(&d, 10, false);
    d.append(Document::parse_continuation(&src.as_bytes()[cut..], cut).unwrap());
    l.extend(&d, None);
    assert_eq!(l.item_count(), lines.len());
    let starts = naive_starts(&l);
    assert!(starts.windows(2).any(|w| w[1] - w[0] > 2), "heights vary");
    for (i, &start) in starts.iter().enumerate() {
        assert_eq!(l.item_row(i), start, "item {i}");
    }
    assert_eq!(l.total_rows(), starts[lines.len()] - 1);
    for row in 0..starts[lines.len()] + 3 {
        let i = starts
            .partition_point(|&s| s <= row)
            .saturating_sub(1)
            .min(lines.len() - 1);
        assert_eq!(l.item_at_row(row), Some((i, row - starts[i])), "row {row}");
    }
    let whole = Layout::new(
        &Document::parse(src.as_bytes(), Format::Plain).unwrap(),
        10,
        false,
    );
    assert_eq!(
        shown(&d, &l, 0..starts[lines.len()]),
        shown(&d, &whole, 0..starts[lines.len()])
    );
}

#[test]
fn a_brief_without_collapsed_runs_keeps_no_list_of_items() {
    let src: Vec<String> = (0..200).map(|i| format!("paragraph {i}")).collect();
    let d = doc(&src.join("\n"));
    let l = Layout::new(&d, 40, false);
    assert_eq!(
        l.items,
        Flow::Plain {
            blocks: 200,
            meta: None
        }
    );
    let repeated = "one two three four five six seven eight nine ten eleven twelve";
    let d = doc(&format!(
        "Title\n{repeated} a\n{repeated} b\nmiddle\n{repeated} a\n{repeated} b"
    ));
    let l = Layout::new(&d, 40, false);
    assert!(matches!(l.items, Flow::Listed(_)), "{:?}", l.items);
    assert!(matches!(
        Layout::new(&d, 40, true).items,
        Flow::Plain { blocks: 6, .. }
    ));
}

/// Heights are kept in 2 bytes; a paragraph of more rows keeps its height apart, and the
/// rows after it count it in full, whether measured here or off the reader's thread.
#[test]
fn a_paragraph_taller_than_two_bytes_count_keeps_its_height() {
    let rows = usize::from(TALL) + 1_000;
    let src = format!("T\n{}\nAf", "ab ".repeat(rows));
    let d = doc(&src);
    let here = Layout::new(&d, 2, false);
    let there = Layout::measured(&d, Measured::of(&d, 2), false);
    for l in [&here, &there] {
        assert_eq!(l.block_height(1), rows);
        assert_eq!(l.item_row(2), 1 + 1 + rows + 1);
        assert_eq!(l.total_rows(), 1 + 1 + rows + 1 + 1);
        let last = d.blocks()[2].range().start;
        assert_eq!(l.row_of(&d, last), l.item_row(2));
        assert_eq!(shown(&d, l, l.item_row(2)..l.item_row(2) + 1), ["Af"]);
    }
}
