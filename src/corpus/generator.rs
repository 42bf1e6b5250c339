//! Writes headlines, sentences and paragraphs of news-like prose from the word lists.

use super::rng::Rng;
use super::words::{
    ADJECTIVES, CONNECTORS, NAMES, NAMES_UNICODE, NOUNS, NOUNS_UNICODE, PLACES, PLACES_UNICODE,
    PREPOSITIONS, VERBS, WHEN,
};

/// Paragraphs stop growing once they have their sentences and at least this many bytes.
pub(super) const PARAGRAPH_MIN: usize = 300;
/// Paragraphs take no sentence that would carry them past this many bytes (after two).
pub(super) const PARAGRAPH_MAX: usize = 700;

/// Writes words into sentences, keeping count of words and whether the next is capitalised.
pub(super) struct Generator {
    rng: Rng,
    /// Whether the paragraph being written mixes in non-ASCII words.
    pub(super) unicode: bool,
    /// Set at the start of a Unicode paragraph so that it has at least one non-ASCII word
    /// whatever the dice say.
    force_other: bool,
    words: usize,
    capitalise: bool,
}

impl Generator {
    pub(super) fn new(seed: u64, unicode: bool) -> Self {
        Self {
            rng: Rng(seed),
            unicode,
            force_other: false,
            words: 0,
            capitalise: false,
        }
    }

    /// Appends `word` (which may be several words) after a space, unless it starts the text.
    fn word(&mut self, out: &mut String, word: &str) {
        if !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        let mut chars = word.chars();
        if self.capitalise
            && let Some(first) = chars.next()
        {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
            self.capitalise = false;
        } else {
            out.push_str(word);
        }
        self.words += word.split(' ').count();
    }

    /// A word from `ascii`, or in a Unicode paragraph sometimes one from `other`.
    fn choose<'a>(&mut self, ascii: &[&'a str], other: &[&'a str]) -> &'a str {
        if self.unicode && (std::mem::take(&mut self.force_other) || self.rng.one_in(3)) {
            self.rng.pick(other)
        } else {
            self.rng.pick(ascii)
        }
    }

    /// A headline: title-cased words, no final stop.
    pub(super) fn title(&mut self, out: &mut String) {
        let start = out.len();
        let n = self.rng.between(6, 14);
        while self.words < n {
            let w = match self.rng.below(5) {
                0 => self.rng.pick(NAMES),
                1 => self.rng.pick(VERBS),
                2 => self.rng.pick(ADJECTIVES),
                3 => self.rng.pick(PLACES),
                _ => self.rng.pick(NOUNS),
            };
            let w = w.strip_prefix("the ").unwrap_or(w);
            for part in w.split(' ') {
                self.capitalise = true;
                self.word(out, part);
            }
        }
        self.words = 0;
        if out.len() == start {
            out.push_str("Untitled");
        }
    }

    /// 2-8 sentences, about `PARAGRAPH_MIN`-`PARAGRAPH_MAX` bytes, on one line.
    pub(super) fn paragraph(&mut self, out: &mut String) {
        let start = out.len();
        let want = self.rng.between(2, 8);
        self.force_other = self.unicode;
        let mut sentence = String::new();
        let mut count = 0;
        loop {
            sentence.clear();
            self.sentence(&mut sentence);
            let len = out.len() - start;
            if count >= 2 && len + 1 + sentence.len() > PARAGRAPH_MAX {
                break;
            }
            if count > 0 {
                out.push(' ');
            }
            out.push_str(&sentence);
            count += 1;
            if count >= want && out.len() - start >= PARAGRAPH_MIN {
                break;
            }
        }
    }

    /// One sentence of 8-30 words, built from phrases until it has at least its chosen length
    /// (8-26, so the last phrase of at most four words keeps it within 30).
    pub(super) fn sentence(&mut self, out: &mut String) {
        let n = self.rng.between(8, 26);
        self.words = 0;
        self.capitalise = true;
        self.clause(out);
        while self.words < n {
            let left = n - self.words;
            match self.rng.below(6) {
                // A connector and a clause add up to ten words; other phrases at most four.
                0 | 1 if left >= 10 => {
                    out.push(',');
                    let c = self.rng.pick(CONNECTORS);
                    self.word(out, c);
                    self.clause(out);
                }
                0..=2 => {
                    let p = self.rng.pick(PREPOSITIONS);
                    self.word(out, p);
                    let place = self.choose(PLACES, PLACES_UNICODE);
                    self.word(out, place);
                }
                3 => {
                    let when = self.rng.pick(WHEN);
                    self.word(out, when);
                }
                4 => self.figure(out),
                _ => {
                    self.word(out, "amid");
                    let a = self.rng.pick(ADJECTIVES);
                    self.word(out, a);
                    let noun = self.choose(NOUNS, NOUNS_UNICODE);
                    self.word(out, noun);
                }
            }
        }
        if self.unicode && self.rng.one_in(4) {
            self.word(out, "🙂");
        }
        out.push(if self.rng.one_in(25) { '?' } else { '.' });
        self.words = 0;
    }

    /// Subject, verb and object: at most nine words.
    fn clause(&mut self, out: &mut String) {
        let subject = self.choose(NAMES, NAMES_UNICODE);
        self.word(out, subject);
        let verb = self.rng.pick(VERBS);
        self.word(out, verb);
        let article = self.rng.pick(&["a", "the", "its", "further"]);
        self.word(out, article);
        if self.rng.one_in(2) {
            let a = self.rng.pick(ADJECTIVES);
            self.word(out, a);
        }
        let noun = self.choose(NOUNS, NOUNS_UNICODE);
        self.word(out, noun);
    }

    /// A number as newsrooms write them: a percentage, money or a plain count.
    fn figure(&mut self, out: &mut String) {
        let whole = self.rng.between(1, 99);
        let tenth = self.rng.below(10);
        let text = match self.rng.below(3) {
            0 => format!("by {whole}.{tenth}%"),
            1 => format!("worth ${whole}.{tenth} billion"),
            _ => format!("affecting {} workers", whole * 100 + tenth),
        };
        self.word(out, &text);
    }
}
