//! Cursor motions over the normalised text with vim meanings: characters (graphemes), words,
//! sentences and paragraphs. Offsets are bytes on grapheme boundaries; every motion returns the
//! start of a grapheme inside the text (never past its last grapheme), so a selection head is
//! always on a character. Paragraphs are the `\n`-separated blocks.

use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Punct,
}

fn class(grapheme: &str) -> Class {
    match grapheme.chars().next() {
        Some(c) if c.is_whitespace() => Class::Space,
        Some(c) if c.is_alphanumeric() || c == '_' => Class::Word,
        _ => Class::Punct,
    }
}

/// Start of the grapheme after the one at `at` (the text's length at the end).
pub fn next_grapheme(text: &str, at: usize) -> usize {
    at + text[at..].graphemes(true).next().map_or(0, str::len)
}

/// Start of the grapheme before `at` (0 at the start).
pub fn prev_grapheme(text: &str, at: usize) -> usize {
    at - text[..at].graphemes(true).next_back().map_or(0, str::len)
}

/// Start of the last grapheme (0 for empty text).
pub fn last_grapheme(text: &str) -> usize {
    prev_grapheme(text, text.len())
}

fn class_at(text: &str, at: usize) -> Class {
    text[at..]
        .graphemes(true)
        .next()
        .map_or(Class::Space, class)
}

fn clamp(text: &str, at: usize) -> usize {
    if at >= text.len() {
        last_grapheme(text)
    } else {
        at
    }
}

/// `l`: the next character.
pub fn right(text: &str, at: usize) -> usize {
    clamp(text, next_grapheme(text, at))
}

/// `h`: the previous character.
pub fn left(text: &str, at: usize) -> usize {
    prev_grapheme(text, at)
}

/// `w`: the start of the next word.
pub fn word_next(text: &str, at: usize) -> usize {
    let mut i = at;
    let start_class = class_at(text, i);
    if start_class != Class::Space {
        while i < text.len() && class_at(text, i) == start_class {
            i = next_grapheme(text, i);
        }
    }
    while i < text.len() && class_at(text, i) == Class::Space {
        i = next_grapheme(text, i);
    }
    clamp(text, i)
}

/// `e`: the end (last character) of this or the next word.
pub fn word_end(text: &str, at: usize) -> usize {
    let mut i = next_grapheme(text, at);
    while i < text.len() && class_at(text, i) == Class::Space {
        i = next_grapheme(text, i);
    }
    if i >= text.len() {
        return last_grapheme(text);
    }
    let c = class_at(text, i);
    loop {
        let next = next_grapheme(text, i);
        if next >= text.len() || class_at(text, next) != c {
            return i;
        }
        i = next;
    }
}

/// `b`: the start of this or the previous word.
pub fn word_back(text: &str, at: usize) -> usize {
    let mut i = prev_grapheme(text, at);
    while i > 0 && class_at(text, i) == Class::Space {
        i = prev_grapheme(text, i);
    }
    let c = class_at(text, i);
    while i > 0 {
        let prev = prev_grapheme(text, i);
        if class_at(text, prev) != c {
            break;
        }
        i = prev;
    }
    i
}

/// Byte range of the word (or run of punctuation, or of spaces) around `at`: what a
/// double-click selects.
pub fn word_around(text: &str, at: usize) -> std::ops::Range<usize> {
    if text.is_empty() {
        return 0..0;
    }
    let at = clamp(text, at);
    let c = class_at(text, at);
    let mut start = at;
    while start > 0 {
        let prev = prev_grapheme(text, start);
        if class_at(text, prev) != c || text[prev..start].contains('\n') {
            break;
        }
        start = prev;
    }
    let mut end = next_grapheme(text, at);
    while end < text.len() && class_at(text, end) == c && !text[end..].starts_with('\n') {
        end = next_grapheme(text, end);
    }
    start..end
}

/// Byte range of the paragraph (block) holding `at`, without its `\n`.
pub fn paragraph(text: &str, at: usize) -> std::ops::Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// `}`: the last character of this paragraph, or of the next one when already there.
pub fn paragraph_end(text: &str, at: usize) -> usize {
    let here = paragraph(text, at);
    let last = prev_grapheme(text, here.end).max(here.start);
    if at < last || here.end >= text.len() {
        return clamp(text, last);
    }
    let next = paragraph(text, here.end + 1);
    clamp(text, prev_grapheme(text, next.end).max(next.start))
}

/// `{`: the first character of this paragraph, or of the previous one when already there.
pub fn paragraph_start(text: &str, at: usize) -> usize {
    let here = paragraph(text, at);
    if at > here.start || here.start == 0 {
        return here.start;
    }
    paragraph(text, here.start - 1).start
}

/// Starts of the sentences of one paragraph, as offsets into `text`.
fn sentence_starts(text: &str, para: std::ops::Range<usize>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut expect_start = true;
    let mut after_end = false;
    let mut after_space = false;
    for (i, g) in text[para.clone()].grapheme_indices(true) {
        let at = para.start + i;
        let c = g.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if after_end {
                after_space = true;
            }
            continue;
        }
        if expect_start || after_space {
            starts.push(at);
            expect_start = false;
            after_end = false;
            after_space = false;
        }
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
            after_end = true;
        } else if !(after_end && matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')) {
            after_end = false;
        }
    }
    starts
}

/// `)`: the start of the next sentence (a paragraph start counts as one).
pub fn sentence_next(text: &str, at: usize) -> usize {
    let mut para = paragraph(text, at);
    loop {
        if let Some(&s) = sentence_starts(text, para.clone())
            .iter()
            .find(|&&s| s > at)
        {
            return s;
        }
        if para.end >= text.len() {
            return last_grapheme(text);
        }
        para = paragraph(text, para.end + 1);
    }
}

/// `(`: the start of this sentence, or of the previous one when already there.
pub fn sentence_prev(text: &str, at: usize) -> usize {
    let mut para = paragraph(text, at);
    loop {
        if let Some(&s) = sentence_starts(text, para.clone())
            .iter()
            .rev()
            .find(|&&s| s < at)
        {
            return s;
        }
        if para.start == 0 {
            return 0;
        }
        para = paragraph(text, para.start - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::marked::{bytes, marked};

    /// Applies `motion` from the first `[[]]` mark and expects the second.
    fn check(motion: fn(&str, usize) -> usize, src: &str) {
        let (text, ranges) = marked(src);
        let from = bytes(&text, ranges[0].clone()).start;
        let want = bytes(&text, ranges[1].clone()).start;
        let got = motion(&text, from);
        assert_eq!(got, want, "{src}: got {:?}", &text[got..]);
    }

    /// Like `check` for backward motions: from the second mark, expecting the first.
    fn check_back(motion: fn(&str, usize) -> usize, src: &str) {
        let (text, ranges) = marked(src);
        let from = bytes(&text, ranges[1].clone()).start;
        let want = bytes(&text, ranges[0].clone()).start;
        let got = motion(&text, from);
        assert_eq!(got, want, "{src}: got {:?}", &text[got..]);
    }

    #[test]
    fn words_forward() {
        check(word_next, "[[]]rates [[]]rose sharply");
        check(word_next, "ra[[]]tes [[]]rose");
        check(word_next, "rates[[]], [[]]rose");
        check(word_next, "a [[]]--- [[]]b");
        check(word_next, "last [[]]wor[[]]d");
        check(word_next, "end of para[[]]\n[[]]Next");
        check(word_next, "[[]]café [[]]ok");
        check(word_next, "[[]]東京都 [[]]tokyo");
    }

    #[test]
    fn word_ends() {
        check(word_end, "[[]]cybersecurit[[]]y probe");
        check(word_end, "cybersecurit[[]]y prob[[]]e into");
        check(word_end, "a[[]]  b[[]]c");
        check(word_end, "[[]]x[[]]y");
        check(word_end, "[[]]cafe\u{301}[[]]s no");
        check(word_end, "[[]]ab[[]]c");
    }

    #[test]
    fn word_back_and_chars() {
        check_back(word_back, "rates rose [[]]sha[[]]rply");
        check_back(word_back, "rates [[]]rose [[]]sharply");
        check_back(word_back, "[[]]rate[[]]s");
        check_back(left, "a[[]]e\u{301}[[]]b");
        check(right, "a[[]]e\u{301}[[]]b");
        check(right, "a[[]][[]]b");
    }

    #[test]
    fn sentences() {
        check(sentence_next, "[[]]Rates rose. [[]]Shares fell.");
        check(sentence_next, "Rates ro[[]]se! [[]]\"Wow.\" Next");
        check(sentence_next, "Rates ro[[]]se (a lot.) [[]]Next");
        check(sentence_next, "Rates rose. Sha[[]]res fell.\n[[]]New para");
        check(sentence_next, "He said \"no.\" [[]]Then lef[[]]t");
        check_back(sentence_prev, "Rates rose. [[]]Shares fe[[]]ll.");
        check_back(sentence_prev, "[[]]Rates rose. [[]]Shares fell.");
        check_back(sentence_prev, "First. [[]]Second.\n[[]]Third");
    }

    #[test]
    fn paragraphs() {
        check(paragraph_end, "[[]]one tw[[]]o\nthree");
        check(paragraph_end, "one tw[[]]o\nthre[[]]e\nfour");
        check(paragraph_end, "one two\nthre[[]][[]]e");
        check_back(paragraph_start, "one\n[[]]tw[[]]o three");
        check_back(paragraph_start, "[[]]one\n[[]]two");
        assert_eq!(paragraph("ab\ncd\nef", 4), 3..5);
        assert_eq!(paragraph("", 0), 0..0);
    }

    #[test]
    fn word_around_a_click() {
        let (text, r) = marked("rates [[ro]]se, sharply");
        let at = bytes(&text, r[0].clone()).start + 1;
        assert_eq!(&text[word_around(&text, at)], "rose");
        assert_eq!(&text[word_around(&text, 10)], ",");
        let two = "a\nb";
        assert_eq!(&two[word_around(two, 0)], "a");
        assert_eq!(word_around("", 0), 0..0);
    }

    #[test]
    fn empty_text_is_safe() {
        for motion in [
            word_next,
            word_end,
            word_back,
            left,
            right,
            sentence_next,
            sentence_prev,
            paragraph_end,
            paragraph_start,
        ] {
            assert_eq!(motion("", 0), 0);
        }
    }
}
