//! Greedy word wrapping of one block into rows of at most `width` columns.
//!
//! Each row is computed from its start offset alone, so counting rows (for heights) and
//! drawing rows (for a frame) cannot disagree, and drawing may start at any known row start.
//! ASCII text breaks after runs of spaces; other text breaks at UAX #14 opportunities (which
//! handles CJK). Spaces at the end of a row hang past the edge. A grapheme is never split;
//! a word longer than the row is cut between graphemes.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The row that starts at byte `start` of `text`, and where the next row starts.
/// `None` once `start` is at or past the end. A `\n` ends a row and belongs to no row.
pub fn next_row(
    text: &str,
    start: usize,
    width: usize,
    ascii: bool,
) -> Option<(Range<usize>, usize)> {
    if start >= text.len() {
        return None;
    }
    Some(if ascii {
        next_ascii(text.as_bytes(), start, width)
    } else {
        next_unicode(text, start, width)
    })
}

/// Every row of `text`, in order.
pub fn rows(text: &str, width: usize, ascii: bool) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    let mut trailing_newline = false;
    std::iter::from_fn(move || match next_row(text, at, width, ascii) {
        Some((row, next)) => {
            trailing_newline = next > row.end && next == text.len();
            at = next;
            Some(row)
        }
        None if trailing_newline => {
            trailing_newline = false;
            Some(text.len()..text.len())
        }
        None => None,
    })
}

fn next_ascii(bytes: &[u8], start: usize, width: usize) -> (Range<usize>, usize) {
    let mut i = start;
    let mut col = 0;
    let mut last_break = None;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return (start..i, i + 1),
            b' ' => {
                while i < bytes.len() && bytes[i] == b' ' {
                    i += 1;
                    col += 1;
                }
                last_break = Some(i);
            }
            _ => {
                if col + 1 > width && col > 0 {
                    let end = last_break.unwrap_or(i);
                    return (start..end, end);
                }
                col += 1;
                i += 1;
            }
        }
    }
    (start..bytes.len(), bytes.len())
}

fn next_unicode(text: &str, start: usize, width: usize) -> (Range<usize>, usize) {
    let rest = &text[start..];
    let mut breaks = unicode_linebreak::linebreaks(rest).peekable();
    let mut col = 0;
    let mut last_break = None;
    for (i, g) in rest.grapheme_indices(true) {
        while let Some(&(b, _)) = breaks.peek() {
            if b > i {
                break;
            }
            if b > 0 {
                last_break = Some(b);
            }
            breaks.next();
        }
        if g == "\n" || g == "\r\n" {
            return (start..start + i, start + i + g.len());
        }
        let w = g.width();
        if g == " " {
            col += w;
            continue;
        }
        if col + w > width && col > 0 {
            let end = start + last_break.unwrap_or(i);
            return (start..end, end);
        }
        col += w;
    }
    (start..text.len(), text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> Vec<&str> {
        rows(text, width, text.is_ascii())
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn words_wrap_with_hanging_spaces() {
        assert_eq!(
            wrap("rates rose sharply in May", 10),
            ["rates rose ", "sharply in ", "May"]
        );
        assert_eq!(
            wrap("rates rose sharply in May", 9),
            ["rates ", "rose ", "sharply ", "in May"]
        );
        assert_eq!(wrap("aaa bbb", 4), ["aaa ", "bbb"]);
        assert_eq!(wrap("aaa bbb", 7), ["aaa bbb"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(wrap("abcdefghij xy", 4), ["abcd", "efgh", "ij ", "xy"]);
        assert_eq!(wrap("ab", 0), ["a", "b"]);
    }

    #[test]
    fn newlines_are_hard_breaks() {
        assert_eq!(wrap("one\n\ntwo", 10), ["one", "", "two"]);
        assert_eq!(wrap("end\n", 10), ["end", ""]);
    }

    #[test]
    fn cjk_breaks_between_ideographs_by_width() {
        // Each ideograph is two columns wide.
        assert_eq!(wrap("東京都の天気", 5), ["東京", "都の", "天気"]);
        assert_eq!(wrap("東京 tokyo", 6), ["東京 ", "tokyo"]);
    }

    #[test]
    fn emoji_and_combining_marks_stay_whole() {
        let text = "👨‍👩‍👧 e\u{301}e\u{301}e\u{301}";
        let rows = wrap(text, 2);
        assert_eq!(rows.concat(), text);
        assert_eq!(rows[0], "👨‍👩‍👧 ");
        assert!(rows.iter().all(|r| r.width() <= 3));
    }

    #[test]
    fn a_wide_grapheme_in_a_narrow_column_still_makes_progress() {
        assert_eq!(wrap("東京", 1), ["東", "京"]);
    }

    #[test]
    fn rows_cover_the_text_and_fit() {
        let texts = [
            "The Cyberspace Administration of China (CAC) will review products sold by Micron.",
            "Ünïcödé wörds, «quoted», and a very-long-hyphenated-compound here.",
            "混合 text with 日本語の文章 and emoji 🎉🎉🎉 in one paragraph.",
        ];
        for text in texts {
            for width in 1..30 {
                let rows: Vec<_> = rows(text, width, text.is_ascii()).collect();
                let joined: String = rows.iter().map(|r| &text[r.clone()]).collect();
                assert_eq!(joined, text, "width {width}");
                for r in &rows {
                    let visible = text[r.clone()].trim_end_matches(' ');
                    let one_grapheme = visible.graphemes(true).count() <= 1;
                    assert!(
                        visible.width() <= width || one_grapheme,
                        "{visible:?} at {width}"
                    );
                }
            }
        }
    }
}
