//! Corrected re-issues of a brief: a notice, a few words changed, paragraphs dropped and added.

use super::generator::Generator;
use super::rng::Rng;
use super::words::{CORRECTIONS, NOUNS, WHEN};

/// In [`revise`], one paragraph in this many has a few words changed, one in this many is
/// dropped, and a new paragraph comes before one in this many.
const CHANGE_EVERY: usize = 20;
const DROP_EVERY: usize = 200;
const INSERT_EVERY: usize = 150;
/// Mixed into the seed so that revisions do not replay the brief's dice.
const REVISE_SALT: u64 = 0x2E71_5E00_0000_0002;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::blocks;
    use crate::corpus::{annotations, brief, with_unicode};
    use crate::document::{Document, Format};

    fn parse(s: &str) -> Document {
        Document::parse(s.as_bytes(), Format::Plain).unwrap()
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
        let file = to_file(
            &doc,
            "brief.txt",
            &set,
            crate::document::Chars(0),
            &Extras::default(),
        );
        let new = parse(&revise(&text, 4));
        let [exact, moved, fuzzy, orphaned] = place(&new, &file).counts;
        assert_eq!(exact + moved + fuzzy + orphaned, 500);
        assert!(moved > 400, "{moved}");
        assert!(fuzzy + orphaned > 0, "{fuzzy} {orphaned}");
    }
}
