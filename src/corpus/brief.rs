//! Briefs: a title line and then one paragraph a line, in plain or Unicode-mixed prose.

use super::generator::{Generator, PARAGRAPH_MAX};

/// In [`with_unicode`], every this-many-th paragraph mixes in non-ASCII words.
const UNICODE_EVERY: usize = 5;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::blocks;
    use crate::corpus::generator::PARAGRAPH_MIN;
    use crate::document::{Document, Format};

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
