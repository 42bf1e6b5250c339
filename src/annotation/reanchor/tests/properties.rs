//! Checks against generated data: the Myers scan against the textbook algorithm, a corrected
//! corpus brief, and how alike unrelated contexts are.

use super::*;

/// A deterministic generator for test data (SplitMix64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

/// Edit distance between `pattern` and the best stretch of `text` ending at each character,
/// by the textbook dynamic programme.
fn naive(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
    let mut column: Vec<usize> = (0..=pattern.len()).collect();
    let mut out = Vec::new();
    for (j, &t) in text.iter().enumerate() {
        let mut next = vec![if anchored { j + 1 } else { 0 }];
        for (i, &p) in pattern.iter().enumerate() {
            let v = (column[i] + usize::from(p != t))
                .min(column[i + 1] + 1)
                .min(next[i] + 1);
            next.push(v);
        }
        out.push(next[pattern.len()]);
        column = next;
    }
    out
}

#[test]
fn myers_agrees_with_the_textbook_algorithm() {
    let alphabet = ['a', 'b', 'c', ' ', 'é', '東', '🙂'];
    let mut rng = Rng(7);
    for round in 0..300 {
        let m = 1 + rng.below(if round % 3 == 0 { 330 } else { 70 });
        let n = rng.below(400);
        let pattern: Vec<char> = (0..m)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let text: Vec<char> = (0..n)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let compiled = Pattern::new(&pattern);
        for anchored in [false, true] {
            let mut got = Vec::new();
            scan(
                &compiled,
                text.iter().map(|&c| ((), c)),
                anchored,
                |_, d| {
                    got.push(d);
                    true
                },
            );
            assert_eq!(
                got,
                naive(&pattern, &text, anchored),
                "m={m} n={n} {anchored}"
            );
        }
    }
}

/// About `edits` corrections (words inserted, deleted or replaced, sentences dropped)
/// scattered over the paragraphs of the ASCII brief `old`: the new text and, for each
/// correction, where it starts in the old text, how many bytes it removed and how many it
/// inserted.
fn corrections(old: &str, edits: usize, rng: &mut Rng) -> (String, Vec<(usize, usize, usize)>) {
    let b = old.as_bytes();
    let title = old.find('\n').unwrap_or(0);
    let word_starts: Vec<usize> = (title + 2..b.len())
        .filter(|&i| b[i - 1] == b' ' && b[i].is_ascii_alphanumeric())
        .collect();
    let mut at: Vec<usize> = (0..edits)
        .map(|_| word_starts[rng.below(word_starts.len())])
        .collect();
    at.sort_unstable();
    at.dedup_by(|x, y| *x < *y + 80);
    let words = [
        "revised",
        "corrected",
        "later",
        "preliminary",
        "officially",
        "2.7%",
    ];
    let mut new = String::new();
    let mut done = Vec::new();
    let mut from = 0;
    for p in at {
        if p < from {
            continue;
        }
        let line_end = old[p..].find('\n').map_or(old.len(), |i| p + i);
        let next_word = |p: usize| old[p..line_end].find(' ').map(|i| p + i + 1);
        let (del, ins) = match rng.below(4) {
            0 => (0, format!("{} ", words[rng.below(words.len())])),
            // A sentence or so, as when a correction drops a claim.
            3 => match old[p..line_end].find(". ") {
                Some(i) if i < 200 => (i + 2, String::new()),
                _ => continue,
            },
            1 => match next_word(p).and_then(&next_word) {
                Some(q) => (q - p, String::new()),
                None => continue,
            },
            _ => match next_word(p) {
                Some(q) => (q - p, format!("{} ", words[rng.below(words.len())])),
                None => continue,
            },
        };
        new.push_str(&old[from..p]);
        new.push_str(&ins);
        done.push((p, del, ins.len()));
        from = p + del;
    }
    new.push_str(&old[from..]);
    (new, done)
}

#[test]
fn a_corrected_corpus_brief() {
    let mut rng = Rng(2024);
    let old_text = crate::corpus::brief(150_000, 3).trim_end().to_string();
    assert!(old_text.is_ascii());
    let old = doc(&old_text);
    let (new_text, edits) = corrections(&old_text, 300, &mut rng);
    let new = doc(&new_text);
    // Word-aligned highlights of 1-20 words inside paragraphs.
    let b = old_text.as_bytes();
    let mut anchors = Vec::new();
    while anchors.len() < 300 {
        let s = 1 + rng.below(b.len() - 1);
        if b[s - 1] != b' ' {
            continue;
        }
        let mut e = s;
        for _ in 0..1 + rng.below(20) {
            match old_text[e + 1..].find([' ', '\n']) {
                Some(i) if b[e + 1 + i] == b' ' => e = e + 1 + i,
                _ => break,
            }
        }
        if e > s {
            anchors.push(Anchor::new(&old, s..e));
        }
    }
    let refs: Vec<&Anchor> = anchors.iter().collect();
    let placed = reanchor_all(&new, &refs);
    // Where old offset x went, counting every edit that ends at or before it.
    let map = |x: usize| {
        let shift: isize = edits
            .iter()
            .filter(|&&(p, del, _)| p + del <= x)
            .map(|&(_, del, ins)| ins as isize - del as isize)
            .sum();
        x.saturating_add_signed(shift)
    };
    let mut counts = [0; 4];
    for (a, p) in anchors.iter().zip(&placed) {
        counts[p.status as usize] += 1;
        let touched = edits
            .iter()
            .any(|&(q, del, _)| q <= a.end.get() && q + del >= a.start.get());
        if touched {
            if p.status != Orphaned {
                assert!(
                    p.start.get() < map(a.end.get()) + 40 && p.end.get() + 40 > map(a.start.get()),
                    "{a:?} went to {p:?}"
                );
            }
        } else {
            assert!(matches!(p.status, Exact | Moved), "{a:?}: {p:?}");
            assert_eq!(p.start.get(), map(a.start.get()), "{a:?}: {p:?}");
            assert_eq!(p.end - p.start, a.end - a.start);
        }
    }
    eprintln!("exact, moved, fuzzy, orphaned: {counts:?}");
    assert!(counts[Fuzzy as usize] > 0);
    let one_by_one: Vec<Landing> = anchors.iter().map(|a| reanchor(&new, a)).collect();
    assert_eq!(placed, one_by_one);
}

/// The thresholds rest on how alike the contexts of unrelated places are. In a generated
/// brief, whose stock phrases make places more alike than real prose does, a verbatim short
/// quote in someone else's context is never accepted and a medium one hardly ever.
#[test]
fn unrelated_context_stays_below_the_bars() {
    let mut rng = Rng(5);
    let text = crate::corpus::brief(200_000, 3).trim_end().to_string();
    let old = doc(&text);
    let b = text.as_bytes();
    let (mut samples, mut medium) = (0, 0);
    while samples < 3000 {
        let (x, y) = (40 + rng.below(b.len() - 80), 40 + rng.below(b.len() - 80));
        if x.abs_diff(y) < 200 || b[x - 1] != b' ' || b[y - 1] != b' ' {
            continue;
        }
        samples += 1;
        // The context of a quote at x, compared with the context of the same quote at y.
        let a = Anchor::new(&old, x..x + 5);
        let prefix = Side::new(&a.prefix, true).similarity(&text, y);
        let suffix = Side::new(&a.suffix, false).similarity(&text, y + 5);
        let evidence =
            (QUOTE_WEIGHT + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / EVIDENCE_WEIGHT;
        assert!(evidence < MIN_EVIDENCE_SHORT, "{a:?} at {y}");
        medium += usize::from(evidence >= MIN_EVIDENCE_MEDIUM);
    }
    assert!(medium <= samples / 100, "{medium}");
}
