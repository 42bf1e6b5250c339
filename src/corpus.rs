//! Deterministic news-like prose for benchmarks and tests (no randomness from outside).
//!
//! Briefs are in the plain-text format: the first line is the title and every further line is
//! one paragraph. Paragraphs hold 2-8 sentences (about 300-700 bytes) of 8-30 words each, so
//! wrapping, measuring and drawing see text shaped like the scraped briefs gloss is made for.
//! The same seed always gives the same text, on every platform, so timings and snapshots can be
//! compared between runs.
//!
//! [`annotations`] makes a reader's highlights over a brief, and [`revise`] a corrected
//! re-issue of one, so loading, drawing and re-anchoring many annotations can be measured too.

use std::ops::Range;

use jiff::Timestamp;

use crate::annotation::{Anchor, Annotation, Annotations, Color};
use crate::document::Document;

/// Paragraphs stop growing once they have their sentences and at least this many bytes.
const PARAGRAPH_MIN: usize = 300;
/// Paragraphs take no sentence that would carry them past this many bytes (after two).
const PARAGRAPH_MAX: usize = 700;
/// In [`with_unicode`], every this-many-th paragraph mixes in non-ASCII words.
const UNICODE_EVERY: usize = 5;

/// Quotes of [`annotations`] hold this many words (fewer only in a block that has fewer).
const QUOTE_WORDS: Range<usize> = 3..31;
/// [`annotations`] are made within 30 days of 2026-01-05 09:00 UTC (milliseconds since 1970).
const ANNOTATED_FROM_MS: u64 = 1_767_603_600_000;
const ANNOTATING_DAYS_MS: usize = 30 * 24 * 60 * 60 * 1000;
/// One annotation in this many has tags, and one in this many a note.
const TAGGED_EVERY: usize = 3;
const NOTE_EVERY: usize = 4;
/// In [`revise`], one paragraph in this many has a few words changed, one in this many is
/// dropped, and a new paragraph comes before one in this many.
const CHANGE_EVERY: usize = 20;
const DROP_EVERY: usize = 200;
const INSERT_EVERY: usize = 150;
/// Mixed into the seed so that annotations and revisions do not replay the brief's dice.
const ANNOTATIONS_SALT: u64 = 0xA11C_0A7E_0000_0001;
const REVISE_SALT: u64 = 0x2E71_5E00_0000_0002;

/// Highlight colours as readers use them: mostly the default.
const COLORS: &[Color] = &[
    Color::Yellow,
    Color::Yellow,
    Color::Yellow,
    Color::Green,
    Color::Green,
    Color::Blue,
    Color::Red,
    Color::Purple,
];

const TAGS: &[&str] = &[
    "chips",
    "export-controls",
    "follow-up",
    "rates",
    "china",
    "earnings",
    "check",
    "sources",
    "timeline",
];

/// Words a correction puts in place of others.
const CORRECTIONS: &[&str] = &[
    "revised",
    "preliminary",
    "reported",
    "expected",
    "disputed",
    "official",
    "estimated",
    "planned",
    "partial",
    "initial",
];

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

/// `n` highlights over `doc`, as a reader might have made them: the text is cut into `n`
/// equal slices and each quote starts at a word somewhere in its slice and runs for 3-30
/// words within one block. Colours are mostly yellow; one in three has tags, one in four a
/// note (some of several lines). Ids are UUID v7 carrying the creation time, spread over 30
/// days from 2026-01-05; ids and times depend only on `seed` and `n`. Empty when `doc` has
/// no words.
pub fn annotations(doc: &Document, n: usize, seed: u64) -> Annotations {
    let text = doc.text();
    let mut rng = Rng(seed ^ ANNOTATIONS_SALT);
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let lo = share(text.len(), i, n);
        let hi = share(text.len(), i + 1, n);
        let Some(bytes) = quote_at(doc, lo + rng.below(hi - lo), &mut rng) else {
            return Annotations::default();
        };
        let created_ms = ANNOTATED_FROM_MS + rng.below(ANNOTATING_DAYS_MS) as u64;
        let mut counter = [0; 10];
        counter[..6].copy_from_slice(&rng.next_u64().to_be_bytes()[..6]);
        // The index in the last bytes keeps ids unique whatever the dice say.
        counter[6..].copy_from_slice(&u32::try_from(i).unwrap_or(u32::MAX).to_be_bytes());
        let id = uuid::Builder::from_unix_timestamp_millis(created_ms, &counter).into_uuid();
        let color = COLORS[rng.below(COLORS.len())];
        let mut a = Annotation::new(id, timestamp(created_ms), color, Anchor::new(doc, bytes));
        if rng.one_in(TAGGED_EVERY) {
            a.tags.push(rng.pick(TAGS).to_string());
            let second = rng.pick(TAGS);
            if rng.one_in(2) && !a.tags.iter().any(|t| t == second) {
                a.tags.push(second.to_string());
            }
        }
        if rng.one_in(NOTE_EVERY) {
            a.note = note(&mut rng);
        }
        if !a.tags.is_empty() || !a.note.is_empty() {
            // Tags and notes come a little after the highlight.
            a.updated = timestamp(created_ms + rng.between(1_000, 3_600_000) as u64);
        }
        items.push(a);
    }
    let brief_note = if n > 0 {
        format!("Generated annotations ({n}, seed {seed}).")
    } else {
        String::new()
    };
    Annotations::from_vec(items, brief_note)
}

/// `i * len / n` without overflow.
fn share(len: usize, i: usize, n: usize) -> usize {
    let exact = (len as u128 * i as u128)
        .checked_div(n as u128)
        .unwrap_or(0);
    usize::try_from(exact).unwrap_or(len)
}

fn timestamp(ms: u64) -> Timestamp {
    i64::try_from(ms)
        .ok()
        .and_then(|ms| Timestamp::from_millisecond(ms).ok())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

fn note(rng: &mut Rng) -> String {
    let (name, place, noun, when) = (
        rng.pick(NAMES),
        rng.pick(PLACES),
        rng.pick(NOUNS),
        rng.pick(WHEN),
    );
    match rng.below(4) {
        0 => format!("Check this against what {name} said {when}."),
        1 => format!("Follow up: {noun} in {place}.\nAsk the desk for the source."),
        2 => format!("Compare with last quarter's {noun}."),
        _ => format!("Key line.\n\n{name} on {noun}: see the {place} brief\n- timeline\n- figures"),
    }
}

/// The byte range of a quote of 3-30 words starting at the word at or after byte `at` (or the
/// last word of its block), within the first block from there that has words.
fn quote_at(doc: &Document, at: usize, rng: &mut Rng) -> Option<Range<usize>> {
    let text = doc.text();
    let blocks = doc.blocks();
    let first = doc.block_at(at);
    let b = (first..blocks.len())
        .chain(0..first)
        .find(|&b| doc.block_text(b).contains(|c: char| !c.is_whitespace()))?;
    let range = blocks.get(b)?.range.clone();
    let s = &text[range.clone()];
    let mut at = at.clamp(range.start, range.end) - range.start;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let in_word = s[at..].starts_with(|c: char| !c.is_whitespace());
    let mut start = if in_word {
        word_start(s, at)
    } else {
        match skip_space(s, at) {
            next if next < s.len() => next,
            _ => previous_word(s, at)?,
        }
    };
    let want = rng.between(QUOTE_WORDS.start, QUOTE_WORDS.end - 1);
    let (mut end, mut words) = (start, 0);
    while words < want {
        let next = skip_space(s, end);
        if next >= s.len() {
            break;
        }
        end = word_end(s, next);
        words += 1;
    }
    // Near the end of a block, take words before instead.
    while words < QUOTE_WORDS.start {
        let Some(before) = previous_word(s, start) else {
            break;
        };
        start = before;
        words += 1;
    }
    Some(range.start + start..range.start + end)
}

/// Start of the word holding byte `at` of `s`.
fn word_start(s: &str, at: usize) -> usize {
    s[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .last()
        .map_or(at, |(i, _)| i)
}

/// End of the word starting at byte `at` of `s`.
fn word_end(s: &str, at: usize) -> usize {
    s[at..]
        .find(char::is_whitespace)
        .map_or(s.len(), |i| at + i)
}

/// The first non-space byte at or after `at` (`s.len()` for none).
fn skip_space(s: &str, at: usize) -> usize {
    s[at..]
        .find(|c: char| !c.is_whitespace())
        .map_or(s.len(), |i| at + i)
}

/// Start of the last word ending at or before byte `before` of `s`.
fn previous_word(s: &str, before: usize) -> Option<usize> {
    let end = s[..before].trim_end().len();
    (end > 0).then(|| word_start(s, end))
}

/// What [`revise_counted`] changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Revision {
    /// Paragraphs with a few words replaced.
    pub changed: usize,
    /// Paragraphs left out.
    pub dropped: usize,
    /// New paragraphs, the correction notice after the title included.
    pub inserted: usize,
}

/// A corrected re-issue of a plain-text brief: a correction notice after the title, a few
/// words replaced in about one paragraph in 20, one paragraph in 200 dropped and a new one
/// before about one in 150. The title and every other paragraph are kept byte for byte, so
/// most annotations made on `text` move and some need fuzzy matching or are orphaned.
pub fn revise(text: &str, seed: u64) -> String {
    revise_counted(text, seed).0
}

/// [`revise`], with how much it changed.
pub fn revise_counted(text: &str, seed: u64) -> (String, Revision) {
    let mut rng = Rng(seed ^ REVISE_SALT);
    let mut g = Generator::new(seed ^ REVISE_SALT.rotate_left(17), false);
    let mut revision = Revision::default();
    let mut out = String::with_capacity(text.len() + text.len() / 64 + 200);
    let mut lines = text.split_inclusive('\n');
    if let Some(title) = lines.next() {
        out.push_str(title);
        if title.ends_with('\n') {
            let noun = rng.pick(NOUNS);
            let when = rng.pick(WHEN);
            out.push_str(&format!(
                "Correction: an earlier version of this brief misstated the {noun} figures \
                 published {when}. This version corrects them.\n"
            ));
            revision.inserted += 1;
        }
    }
    for line in lines {
        if rng.one_in(INSERT_EVERY) {
            g.paragraph(&mut out);
            out.push('\n');
            revision.inserted += 1;
        }
        if rng.one_in(DROP_EVERY) {
            revision.dropped += 1;
            continue;
        }
        let (body, newline) = line
            .strip_suffix('\n')
            .map_or((line, ""), |body| (body, "\n"));
        if !body.trim().is_empty() && rng.one_in(CHANGE_EVERY) {
            correct(body, &mut rng, &mut out);
            revision.changed += 1;
        } else {
            out.push_str(body);
        }
        out.push_str(newline);
    }
    (out, revision)
}

/// `paragraph` with 1-4 of its words replaced (keeping their punctuation), onto `out`.
fn correct(paragraph: &str, rng: &mut Rng, out: &mut String) {
    let words: Vec<&str> = paragraph.split(' ').collect();
    let mut replaced: Vec<Option<String>> = vec![None; words.len()];
    for _ in 0..rng.between(1, 4) {
        let i = rng.below(words.len());
        let word = words[i];
        let core = word.trim_end_matches(['.', ',', '?', '%']);
        if core.is_empty() {
            continue;
        }
        let tail = &word[core.len()..];
        let new = if core.contains(|c: char| c.is_ascii_digit()) {
            // A corrected figure: every digit moves on by one.
            core.chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_digit((d + 1) % 10, 10).unwrap_or(c),
                    None => c,
                })
                .collect()
        } else {
            let mut new = rng.pick(CORRECTIONS);
            if new == core {
                new = "amended";
            }
            new.to_string()
        };
        replaced[i] = Some(format!("{new}{tail}"));
    }
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(replaced[i].as_deref().unwrap_or(word));
    }
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

    fn parse(s: &str) -> Document {
        Document::parse(s.as_bytes(), Format::Plain).unwrap()
    }

    #[test]
    fn annotations_are_deterministic_and_counted() {
        let doc = parse(&with_unicode(100_000, 1));
        assert_eq!(annotations(&doc, 300, 5), annotations(&doc, 300, 5));
        assert_ne!(annotations(&doc, 300, 5), annotations(&doc, 300, 6));
        for n in [0, 1, 7, 300, 1_000] {
            assert_eq!(annotations(&doc, n, 5).len(), n);
        }
        // More annotations than words: they overlap, but there are still that many.
        let tiny = parse("Title\nrates rose sharply in May");
        assert_eq!(annotations(&tiny, 50, 1).len(), 50);
        assert!(annotations(&parse(""), 10, 1).is_empty());
        assert!(annotations(&parse("\n\n  \n"), 10, 1).is_empty());
    }

    #[test]
    fn annotations_quote_3_to_30_words_of_the_text() {
        for (text, n) in [
            (brief(200_000, 2), 500),
            (with_unicode(200_000, 3), 500),
            (brief_with_long_paragraph(100_000, 4), 100),
        ] {
            let doc = parse(&text);
            let set = annotations(&doc, n, 9);
            for a in set.iter() {
                let bytes = a.anchor.bytes(&doc);
                assert_eq!(doc.text()[bytes.clone()], a.anchor.quote, "{bytes:?}");
                assert!(!a.anchor.quote.contains('\n'), "{:?}", a.anchor.quote);
                let words = a.anchor.quote.split_whitespace().count();
                assert!(
                    QUOTE_WORDS.contains(&words),
                    "{words}: {:?}",
                    a.anchor.quote
                );
                assert_eq!(a.anchor.quote.trim(), a.anchor.quote);
                assert!(a.anchor.end <= doc.char_len());
                assert_eq!(a.anchor, Anchor::new(&doc, bytes));
            }
        }
    }

    #[test]
    fn annotations_are_spread_over_the_brief() {
        let text = brief(500_000, 5);
        let doc = parse(&text);
        let n = 1_000;
        let set = annotations(&doc, n, 1);
        let starts: Vec<usize> = set.iter().map(|a| a.anchor.bytes(&doc).start).collect();
        let slice = text.len() / n;
        // A quote starts in its slice or at the next word, at most a paragraph later.
        assert!(starts[0] < slice + PARAGRAPH_MAX);
        assert!(starts[n - 1] >= text.len() - slice - PARAGRAPH_MAX);
        for pair in starts.windows(2) {
            assert!(pair[1] - pair[0] < 2 * slice + PARAGRAPH_MAX, "{pair:?}");
        }
    }

    #[test]
    fn annotations_look_made_by_a_reader() {
        let doc = parse(&brief(300_000, 6));
        let set = annotations(&doc, 1_000, 2);
        let ids: std::collections::HashSet<_> = set.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), 1_000);
        for a in set.iter() {
            assert_eq!(a.id.get_version_num(), 7);
            let (secs, nanos) = a.id.get_timestamp().unwrap().to_unix();
            assert_eq!(
                i128::from(secs) * 1_000 + i128::from(nanos / 1_000_000),
                i128::from(a.created.as_millisecond())
            );
            assert!(a.created <= a.updated);
            assert!(a.created.as_millisecond() >= 1_767_603_600_000);
            assert_eq!(a.status, crate::annotation::Status::Exact);
        }
        let share = |f: &dyn Fn(&Annotation) -> bool| set.iter().filter(|a| f(a)).count();
        let tagged = share(&|a| !a.tags.is_empty());
        let noted = share(&|a| !a.note.is_empty());
        let multiline = share(&|a| a.note.contains('\n'));
        assert!((250..420).contains(&tagged), "{tagged}");
        assert!((180..320).contains(&noted), "{noted}");
        assert!(multiline > 50, "{multiline}");
        for color in [
            Color::Yellow,
            Color::Green,
            Color::Blue,
            Color::Red,
            Color::Purple,
        ] {
            assert!(share(&|a| a.color == color) > 50, "{color:?}");
        }
        assert!(share(&|a| a.color == Color::Yellow) > 300);
    }

    #[test]
    fn annotations_survive_the_sidecar_and_place_exactly() {
        use crate::store::convert::{Extras, to_file};
        use crate::store::format;
        use crate::store::place::place;
        let doc = parse(&with_unicode(100_000, 7));
        let set = annotations(&doc, 400, 3);
        let file = to_file(&doc, "brief.txt", &set, 0, &Extras::default());
        let read = format::parse(&format::write(&file).unwrap()).unwrap();
        let placed = place(&doc, &read);
        assert_eq!(placed.counts, [400, 0, 0, 0]);
        assert_eq!(placed.annotations, set);
    }

    #[test]
    fn revise_is_deterministic_and_changes_a_little() {
        let text = brief(2_000_000, 8);
        assert_eq!(revise(&text, 1), revise(&text, 1));
        assert_ne!(revise(&text, 1), revise(&text, 2));
        let (revised, r) = revise_counted(&text, 1);
        assert_eq!(revise(&text, 1), revised);
        let paragraphs = text.lines().count() - 1;
        assert_eq!(
            revised.lines().count(),
            text.lines().count() - r.dropped + r.inserted
        );
        // About 5% changed, 0.5% dropped, 0.7% new (plus the correction notice).
        let around = |got: usize, every: usize| {
            let want = paragraphs / every;
            (want / 2..want * 2).contains(&got)
        };
        assert!(around(r.changed, CHANGE_EVERY), "{r:?} of {paragraphs}");
        assert!(around(r.dropped, DROP_EVERY), "{r:?} of {paragraphs}");
        assert!(around(r.inserted, INSERT_EVERY), "{r:?} of {paragraphs}");
        // Everything else is kept as it was, in order.
        let old: std::collections::HashSet<&str> = text.lines().collect();
        let kept = revised.lines().filter(|l| old.contains(l)).count();
        assert_eq!(kept, paragraphs + 1 - r.changed - r.dropped);
        assert_eq!(revised.lines().next(), text.lines().next());
        assert!(revised.lines().nth(1).unwrap().starts_with("Correction: "));
        assert!(revised.ends_with('\n'));
        for line in revised.lines().skip(1) {
            assert!(line.ends_with(['.', '?']), "{line:?}");
        }
        assert_eq!(blocks(&revised), revised.lines().count());
    }

    #[test]
    fn revise_handles_odd_input() {
        assert_eq!(revise("", 1), "");
        assert_eq!(revise("Only a title", 1), "Only a title");
        let u = with_unicode(50_000, 4);
        let (revised, r) = revise_counted(&u, 9);
        assert!(r.changed > 0);
        assert!(revised.contains("東京") || revised.contains("🙂"));
        let no_newline = revise(u.trim_end(), 9);
        assert!(!no_newline.ends_with('\n'));
    }

    #[test]
    fn annotations_on_a_revised_brief_mostly_move() {
        use crate::store::convert::{Extras, to_file};
        use crate::store::place::place;
        let text = brief(300_000, 10);
        let doc = parse(&text);
        let set = annotations(&doc, 500, 4);
        let file = to_file(&doc, "brief.txt", &set, 0, &Extras::default());
        let new = parse(&revise(&text, 4));
        let [exact, moved, fuzzy, orphaned] = place(&new, &file).counts;
        assert_eq!(exact + moved + fuzzy + orphaned, 500);
        assert!(moved > 400, "{moved}");
        assert!(fuzzy + orphaned > 0, "{fuzzy} {orphaned}");
    }
}
