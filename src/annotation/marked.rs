//! Test notation for ranges: `"rates rose [[sharply]] in May"` is the text without brackets and
//! the character range of "sharply". Several `[[...]]` give several ranges, in the order they
//! open.

use std::ops::Range;

/// The text with `[[` and `]]` removed, and the character range each pair enclosed.
pub fn marked(src: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut open = Vec::new();
    let mut chars = 0;
    let mut rest = src;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[[") {
            open.push((ranges.len(), chars));
            ranges.push(chars..chars);
            rest = r;
        } else if let Some(r) = rest.strip_prefix("]]") {
            let (index, start) = open.pop().expect("unbalanced ]] in marked text");
            ranges[index] = start..chars;
            rest = r;
        } else {
            let c = rest.chars().next().expect("non-empty");
            text.push(c);
            chars += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    assert!(open.is_empty(), "unbalanced [[ in marked text");
    (text, ranges)
}

/// Byte range of a character range in `text`.
pub fn bytes(text: &str, chars: Range<usize>) -> Range<usize> {
    let at = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    at(chars.start)..at(chars.end)
}

#[test]
fn notation_round_trip() {
    let (text, ranges) = marked("rates [[rose [[sharply]]]] in Mäy[[]]");
    assert_eq!(text, "rates rose sharply in Mäy");
    assert_eq!(ranges, vec![6..18, 11..18, 25..25]);
    assert_eq!(&text[bytes(&text, 22..25)], "Mäy");
}
