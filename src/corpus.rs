//! Deterministic news-like prose for benchmarks and tests (no randomness from outside).
//!
//! Briefs are in the plain-text format: the first line is the title and every further line is
//! one paragraph. Paragraphs hold 2-8 sentences (about 300-700 bytes) of 8-30 words each, so
//! wrapping, measuring and drawing see text shaped like the scraped briefs gloss is made for.
//! The same seed always gives the same text, on every platform, so timings and snapshots can be
//! compared between runs.

/// Paragraphs stop growing once they have their sentences and at least this many bytes.
const PARAGRAPH_MIN: usize = 300;
/// Paragraphs take no sentence that would carry them past this many bytes (after two).
const PARAGRAPH_MAX: usize = 700;
/// In [`with_unicode`], every this-many-th paragraph mixes in non-ASCII words.
const UNICODE_EVERY: usize = 5;

const NAMES: &[&str] = &[
    "Micron",
    "Samsung",
    "Reuters",
    "Alibaba",
    "Siemens",
    "Maria Lopez",
    "John Carter",
    "Li Wei",
    "Anna Schmidt",
    "Ravi Patel",
    "the European Commission",
    "the central bank",
    "the finance ministry",
    "the regulator",
    "the union",
    "the White House",
    "Beijing",
    "Washington",
    "the chief executive",
    "a government spokesman",
    "analysts",
    "investors",
    "lawmakers",
    "officials",
];

const PLACES: &[&str] = &[
    "Asia",
    "Europe",
    "China",
    "Japan",
    "the Netherlands",
    "Germany",
    "Brazil",
    "India",
    "Texas",
    "London",
    "Singapore",
    "Seoul",
    "Taipei",
    "Brussels",
    "the United States",
    "the region",
];

const VERBS: &[&str] = &[
    "said",
    "announced",
    "warned",
    "confirmed",
    "denied",
    "launched",
    "expanded",
    "reviewed",
    "rejected",
    "approved",
    "delayed",
    "proposed",
    "signalled",
    "disclosed",
    "cut",
    "raised",
    "imposed",
    "eased",
    "defended",
    "questioned",
];

const ADJECTIVES: &[&str] = &[
    "new",
    "broader",
    "sweeping",
    "modest",
    "sharp",
    "unexpected",
    "long-awaited",
    "temporary",
    "strategic",
    "key",
    "foreign",
    "domestic",
    "advanced",
    "fragile",
    "record",
    "quarterly",
];

const NOUNS: &[&str] = &[
    "probe",
    "restrictions",
    "export controls",
    "supply chains",
    "memory chips",
    "tariffs",
    "earnings",
    "forecast",
    "investment",
    "talks",
    "security review",
    "licence",
    "subsidies",
    "factory",
    "shares",
    "revenue",
    "guidance",
    "sanctions",
    "merger",
    "inflation",
    "interest rates",
    "technology",
    "equipment",
    "market",
];

const WHEN: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "over the weekend",
    "last week",
    "earlier this month",
];

const CONNECTORS: &[&str] = &["while", "and", "as", "after", "although", "because", "but"];

const PREPOSITIONS: &[&str] = &["in", "across", "from", "near", "outside"];

const NAMES_UNICODE: &[&str] = &[
    "José Núñez",
    "Jürgen Müller",
    "François Dubois",
    "李伟",
    "田中さん",
    "Zoë Brontë",
    "the Bundesministerium für Wirtschaft",
];

const PLACES_UNICODE: &[&str] = &[
    "Zürich",
    "São Paulo",
    "Kraków",
    "東京",
    "北京",
    "München",
    "Besançon",
    "서울",
];

const NOUNS_UNICODE: &[&str] = &[
    "半導体",
    "café talks",
    "résumé checks",
    "naïve forecasts",
    "Übergangsregeln",
    "東京の半導体工場で生産された記憶装置",
    "mood 🙂",
    "données",
];

/// A brief of about `target_bytes` (it overshoots by less than one paragraph): a title line,
/// then paragraphs, one per line. Pure ASCII; the same `seed` always gives the same brief.
pub fn brief(target_bytes: usize, seed: u64) -> String {
    generate(target_bytes, seed, false)
}

/// A title, one normal paragraph, one paragraph of about `paragraph_bytes` on a single line
/// (it overshoots by less than one sentence), and one more normal paragraph. Pure ASCII.
pub fn brief_with_long_paragraph(paragraph_bytes: usize, seed: u64) -> String {
    let mut g = Generator::new(seed, false);
    let mut out = String::with_capacity(paragraph_bytes + 2 * PARAGRAPH_MAX + 200);
    g.title(&mut out);
    out.push('\n');
    g.paragraph(&mut out);
    out.push('\n');
    let start = out.len();
    g.sentence(&mut out);
    while out.len() - start < paragraph_bytes {
        out.push(' ');
        g.sentence(&mut out);
    }
    out.push('\n');
    g.paragraph(&mut out);
    out.push('\n');
    out
}

/// Like [`brief`], but every fifth paragraph mixes in non-ASCII words (accented Latin, CJK
/// with no spaces to break at, Hangul and emoji), so wrapping takes its Unicode path.
pub fn with_unicode(target_bytes: usize, seed: u64) -> String {
    generate(target_bytes, seed, true)
}

fn generate(target_bytes: usize, seed: u64, unicode: bool) -> String {
    let mut g = Generator::new(seed, false);
    let mut out = String::with_capacity(target_bytes + PARAGRAPH_MAX * 2);
    g.title(&mut out);
    out.push('\n');
    let mut index = 0;
    while out.len() < target_bytes {
        g.unicode = unicode && index % UNICODE_EVERY == UNICODE_EVERY - 1;
        g.paragraph(&mut out);
        out.push('\n');
        index += 1;
    }
    out
}

/// SplitMix64: tiny, fast, and identical everywhere, which is all a corpus needs.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-shift rather than `%` so small `n`
    /// do not favour low values.
    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        let scaled = (u128::from(self.next_u64()) * u128::from(n)) >> 64;
        usize::try_from(scaled).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list.get(self.below(list.len())).copied().unwrap_or("")
    }
}

/// Writes words into sentences, keeping count of words and whether the next is capitalised.
struct Generator {
    rng: Rng,
    /// Whether the paragraph being written mixes in non-ASCII words.
    unicode: bool,
    /// Set at the start of a Unicode paragraph so that it has at least one non-ASCII word
    /// whatever the dice say.
    force_other: bool,
    words: usize,
    capitalise: bool,
}

impl Generator {
    fn new(seed: u64, unicode: bool) -> Self {
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
    fn title(&mut self, out: &mut String) {
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
    fn paragraph(&mut self, out: &mut String) {
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
    fn sentence(&mut self, out: &mut String) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn blocks(s: &str) -> usize {
        Document::parse(s.as_bytes(), Format::Plain)
            .unwrap()
            .blocks()
            .len()
    }

    #[test]
    fn the_same_seed_gives_the_same_text_and_another_seed_does_not() {
        assert_eq!(brief(20_000, 7), brief(20_000, 7));
        assert_ne!(brief(20_000, 7), brief(20_000, 8));
        assert_eq!(with_unicode(20_000, 7), with_unicode(20_000, 7));
        assert_ne!(with_unicode(20_000, 7), with_unicode(20_000, 8));
        assert_eq!(
            brief_with_long_paragraph(50_000, 3),
            brief_with_long_paragraph(50_000, 3)
        );
        assert_ne!(
            brief_with_long_paragraph(50_000, 3),
            brief_with_long_paragraph(50_000, 4)
        );
    }

    #[test]
    fn size_is_within_one_paragraph_of_the_target() {
        for (target, seed) in [(0, 1), (1, 2), (1_000, 3), (10_000, 4), (1 << 20, 5)] {
            let ascii = brief(target, seed);
            assert!(
                ascii.len() < target.max(200) + PARAGRAPH_MAX + 1,
                "{}",
                ascii.len()
            );
            for s in [ascii, with_unicode(target, seed)] {
                assert!(s.len() >= target, "{} < {target}", s.len());
                let body = s.strip_suffix('\n').unwrap();
                match body.rfind('\n') {
                    // Without its last paragraph the brief would have been too short.
                    Some(cut) => assert!(cut < target, "{cut} >= {target}"),
                    None => assert!(target <= body.len() + 1),
                }
            }
        }
    }

    #[test]
    fn the_first_line_is_a_title() {
        for seed in 0..50 {
            let s = brief(2_000, seed);
            let (title, rest) = s.split_once('\n').unwrap();
            assert!(!title.is_empty() && title.len() < 200, "{title:?}");
            assert!(!title.ends_with('.'), "{title:?}");
            assert!(
                title.starts_with(|c: char| c.is_ascii_uppercase()),
                "{title:?}"
            );
            assert!(!rest.is_empty());
        }
    }

    #[test]
    fn paragraphs_and_sentences_have_news_sizes() {
        let s = brief(200_000, 11);
        for line in s.lines().skip(1) {
            assert!(
                (PARAGRAPH_MIN..=PARAGRAPH_MAX).contains(&line.len()),
                "{}",
                line.len()
            );
            assert!(line.ends_with(['.', '?']), "{line:?}");
            for sentence in line.split_inclusive(['.', '?']) {
                // A figure such as "4.4%" splits a sentence here, so only the upper bound holds.
                let words = sentence.split_whitespace().count();
                assert!(words <= 30, "{words}: {sentence:?}");
            }
        }
        let sentences: Vec<usize> = s
            .lines()
            .skip(1)
            .flat_map(|l| l.split(". ").map(|x| x.split_whitespace().count()))
            .collect();
        assert!(sentences.iter().any(|&w| w >= 25));
        let mean = s.lines().skip(1).map(str::len).sum::<usize>() / (s.lines().count() - 1);
        assert!((300..=700).contains(&mean), "{mean}");
    }

    #[test]
    fn brief_is_ascii_and_unicode_mixes_in_every_fifth_paragraph() {
        assert!(brief(100_000, 9).is_ascii());
        assert!(brief_with_long_paragraph(100_000, 9).is_ascii());
        let u = with_unicode(100_000, 9);
        let paragraphs: Vec<&str> = u.lines().skip(1).collect();
        for (i, p) in paragraphs.iter().enumerate() {
            assert_eq!(
                p.is_ascii(),
                i % UNICODE_EVERY != UNICODE_EVERY - 1,
                "{i}: {p}"
            );
        }
        for needle in ["東京", "🙂", "ü", "é"] {
            assert!(u.contains(needle), "{needle}");
        }
    }

    #[test]
    fn the_long_paragraph_is_one_line_of_the_asked_size() {
        let s = brief_with_long_paragraph(200_000, 1);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(
            (200_000..200_400).contains(&lines[2].len()),
            "{}",
            lines[2].len()
        );
        assert!(lines[1].len() <= PARAGRAPH_MAX && lines[3].len() <= PARAGRAPH_MAX);
    }

    #[test]
    fn every_line_is_one_block() {
        for s in [
            brief(50_000, 1),
            with_unicode(50_000, 2),
            brief_with_long_paragraph(50_000, 3),
            brief(0, 4),
        ] {
            assert_eq!(blocks(&s), s.lines().count());
            let doc = Document::parse(s.as_bytes(), Format::Plain).unwrap();
            assert_eq!(doc.title(), s.lines().next());
            assert!(doc.warnings().is_empty());
        }
    }
}
