use crate::document::{BlockKind, Document};

fn doc(html: &str) -> Document {
    Document::parse_html(html.as_bytes(), None).unwrap()
}

#[test]
fn entities_are_decoded_and_controls_neutralised() {
    let d = doc(
        "<html><head><title>T&#27;[31m</title></head><body><article><p>\
                 Bell&#7; and esc&#x1b;]0;owned&#7; and &amp; &eacute; in a paragraph long \
                 enough to count as the article's text, which Readability wants to see here.\
                 </p></article></body></html>",
    );
    assert!(
        !d.text().chars().any(crate::sanitize::is_unsafe),
        "{:?}",
        d.text()
    );
    assert!(
        d.text().contains("Bell␇ and esc␛]0;owned␇ and & é"),
        "{:?}",
        d.text()
    );
    assert_eq!(d.blocks()[0].kind, BlockKind::Title);
}
