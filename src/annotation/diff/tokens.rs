//! Cutting text into the units a diff compares: paragraphs (lines with their `\n`), words
//! (runs of letters and digits, runs of whitespace, and every other character on its own), each
//! with its character offset.

/// Pieces of a text with the character offset of each and of the end: `starts` has one more
/// entry than `pieces`; `bytes` are the same places as byte offsets into the text cut.
pub(super) struct Pieces<'a> {
    pub(super) pieces: Vec<&'a str>,
    pub(super) starts: Vec<usize>,
    pub(super) bytes: Vec<usize>,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str, base: usize, cut: impl Fn(&'a str) -> Vec<&'a str>) -> Self {
        let pieces = cut(text);
        let mut starts = Vec::with_capacity(pieces.len() + 1);
        let mut bytes = Vec::with_capacity(pieces.len() + 1);
        let (mut at, mut byte) = (base, 0);
        starts.push(at);
        bytes.push(byte);
        for p in &pieces {
            at += count(p);
            byte += p.len();
            starts.push(at);
            bytes.push(byte);
        }
        Self {
            pieces,
            starts,
            bytes,
        }
    }

    /// The paragraphs of `text`, each with its trailing `\n`, from character `base`.
    pub(super) fn lines(text: &'a str, base: usize) -> Self {
        Self::new(text, base, |t| t.split_inclusive('\n').collect())
    }

    /// The words of `text`, from character `base`.
    pub(super) fn words(text: &'a str, base: usize) -> Self {
        Self::new(text, base, words)
    }

    /// Character offset of piece `i` (or of the end).
    pub(super) fn at(&self, i: usize) -> usize {
        self.starts
            .get(i)
            .or(self.starts.last())
            .copied()
            .unwrap_or(0)
    }

    /// Byte offset of piece `i` (or of the end) in the text cut.
    pub(super) fn byte(&self, i: usize) -> usize {
        self.bytes
            .get(i)
            .or(self.bytes.last())
            .copied()
            .unwrap_or(0)
    }
}

/// Characters in `s`, cheaply for ASCII.
pub(super) fn count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Class {
    Word,
    Space,
    Other,
}

/// Chinese and Japanese are written without spaces: each ideograph or kana is a word.
fn ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn class(c: char) -> Class {
    if ideographic(c) {
        Class::Other
    } else if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// Words, whitespace runs and single other characters (punctuation, symbols, emoji, CJK).
pub(super) fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut start = 0;
    let mut last: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if let Some(prev) = last
            && (prev != k || k == Class::Other)
        {
            out.push(&text[start..i]);
            start = i;
        }
        last = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_letters_spaces_and_punctuation() {
        assert_eq!(
            words("Okafor said: “no”  🙂🙂 東京"),
            vec![
                "Okafor", " ", "said", ":", " ", "“", "no", "”", "  ", "🙂", "🙂", " ", "東", "京"
            ]
        );
        let p = Pieces::words("é b", 10);
        assert_eq!(p.starts, vec![10, 11, 12, 13]);
    }

    #[test]
    fn lines_keep_their_newlines() {
        let p = Pieces::lines("a\nbé\nc", 0);
        assert_eq!(p.pieces, vec!["a\n", "bé\n", "c"]);
        assert_eq!(p.starts, vec![0, 2, 5, 6]);
    }
}
