//! A reader's highlights over a brief: quotes, colours, tags, notes and v7 ids.

use std::ops::Range;

use jiff::Timestamp;

use super::rng::Rng;
use super::words::{COLORS, NAMES, NOUNS, PLACES, TAGS, WHEN};
use crate::annotation::{Anchor, Annotation, Annotations};
use crate::document::Document;

/// Quotes of [`annotations`] hold this many words (fewer only in a block that has fewer).
const QUOTE_WORDS: Range<usize> = 3..31;
/// [`annotations`] are made within 30 days of 2026-01-05 09:00 UTC (milliseconds since 1970).
const ANNOTATED_FROM_MS: u64 = 1_767_603_600_000;
const ANNOTATING_DAYS_MS: usize = 30 * 24 * 60 * 60 * 1000;
/// One annotation in this many has tags, and one in this many a note.
const TAGGED_EVERY: usize = 3;
const NOTE_EVERY: usize = 4;
/// Mixed into the seed so that annotations do not replay the brief's dice.
const ANNOTATIONS_SALT: u64 = 0xA11C_0A7E_0000_0001;

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
    let range = blocks.get(b)?.range();
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

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::annotation::Color;
    use crate::corpus::generator::PARAGRAPH_MAX;
    use crate::corpus::{brief, brief_with_long_paragraph, with_unicode};
    use crate::document::Format;

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
        for color in Color::iter() {
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
        let file = to_file(
            &doc,
            "brief.txt",
            &set,
            crate::document::Chars(0),
            &Extras::default(),
        );
        let read = format::parse(&format::write(&file).unwrap()).unwrap();
        let placed = place(&doc, &read);
        assert_eq!(placed.counts, [400, 0, 0, 0]);
        assert_eq!(placed.annotations, set);
    }
}
