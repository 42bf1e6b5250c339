//! Re-anchoring through the diff: one table per class of re-issue, each asserting the status
//! and the new offsets, and the diff checked against the search on the corpus's revisions.

use super::*;
use crate::annotation::reanchor::through::{
    Before, SURE, Verdict, decide, overlaps, reanchor_through, sure, verdict,
};

/// Carries the marked annotations of `old` to `new`; returns (landing, where `new` marks it).
fn carried(old: &str, new: &str) -> Vec<(Landing, Option<std::ops::Range<usize>>)> {
    let (old_text, _) = marked(old);
    let (new_text, expected) = marked(new);
    let anchors = anchors(old);
    let new_doc = doc(&new_text);
    let before = Before::new(old_text, new_doc.text());
    let refs: Vec<&Anchor> = anchors.iter().collect();
    let landings = reanchor_through(&before, &new_doc, &refs);
    landings
        .into_iter()
        .enumerate()
        .map(|(i, l)| (l, expected.get(i).cloned()))
        .collect()
}

/// (class, old text with the annotation marked, new text with where it must land marked
/// (unmarked: orphaned), status).
const CLASSES: &[(&str, &str, &str, Status)] = &[
    (
        "one word replaced between unchanged neighbours",
        "Probe\nRegulators said the probe began on [[Tuesday]] after a complaint.",
        "Probe\nRegulators said the probe began on [[Wednesday]] after a complaint.",
        Fuzzy,
    ),
    (
        "a name respelled",
        "Probe\nThe minister, Ada [[Okafur]], declined to comment on the inquiry.",
        "Probe\nThe minister, Ada [[Okafor]], declined to comment on the inquiry.",
        Fuzzy,
    ),
    (
        "a correction notice appended that repeats the retracted wording",
        "Probe\nRegulators said the probe began on [[Tuesday after a complaint]] from rivals.",
        "Probe\nRegulators said the probe began on [[Wednesday after a complaint]] from rivals.\n\
         Correction: an earlier version said the probe began on Tuesday after a complaint from rivals.",
        Fuzzy,
    ),
    (
        "a headline set in capitals",
        "Chip curbs widen to [[memory makers]]\nThe rules now cover more firms.",
        "CHIP CURBS WIDEN TO [[MEMORY MAKERS]]\nThe rules now cover more firms.",
        Fuzzy,
    ),
    (
        "a headline with its phrases reordered (the phrase the diff kept)",
        "[[Micron under fire]], China says\nThe regulator opened a review.",
        "China says [[Micron under fire]]\nThe regulator opened a review.",
        Moved,
    ),
    (
        "a headline with its phrases reordered (the phrase that moved)",
        "Micron under fire, [[China says]]\nThe regulator opened a review.",
        "[[China says]] Micron under fire\nThe regulator opened a review.",
        Moved,
    ),
    (
        "a headline reordered and in capitals",
        "Micron under fire, [[China says]]\nThe regulator opened a review.",
        "[[CHINA SAYS]] MICRON UNDER FIRE\nThe regulator opened a review.",
        Fuzzy,
    ),
    (
        "a paragraph split through the highlight",
        "T\nShares fell [[sharply. Analysts blamed]] the probe for the drop.",
        "T\nShares fell [[sharply.\nAnalysts blamed]] the probe for the drop.",
        Fuzzy,
    ),
    (
        "two paragraphs merged through the highlight",
        "T\nShares fell [[sharply.\nAnalysts blamed]] the probe for the drop.",
        "T\nShares fell [[sharply. Analysts blamed]] the probe for the drop.",
        Fuzzy,
    ),
    (
        "typography changed inside the highlight",
        "T\nHe said \"the [[probe -- a first -- was 5 percent]] of the work\" and left.",
        "T\nHe said “the [[probe — a first — was 5%]] of the work” and left.",
        Fuzzy,
    ),
    (
        "typography changed around an untouched highlight",
        "T\nHe said \"the probe -- a first\" was 5 percent of [[the whole review]] done.",
        "T\nHe said “the probe — a first” was 5% of [[the whole review]] done.",
        Moved,
    ),
    (
        "a sentence wholly deleted",
        "T\nKeep this. [[Drop this sentence entirely.]] Keep that.",
        "T\nKeep this. Keep that.",
        Orphaned,
    ),
    (
        "a paragraph wholly deleted",
        "T\nFirst paragraph stays.\n[[The second one goes away for good.]]\nThird stays.",
        "T\nFirst paragraph stays.\nThird stays.",
        Orphaned,
    ),
    (
        "CJK: one ideograph corrected",
        "東京\n会議は[[火曜日に]]始まった。",
        "東京\n会議は[[水曜日に]]始まった。",
        Fuzzy,
    ),
    (
        "emoji changed inside the highlight",
        "T\nFans 🙂 cheered [[the 🎉 result]] loudly.",
        "T\nFans 🙂 cheered [[the 🎊 result]] loudly.",
        Fuzzy,
    ),
    (
        "emoji and CJK around an untouched highlight after an insertion",
        "T\n東京🙂 [[the committee met]] today.",
        "T\nA new first paragraph 🎉.\n東京🙂 [[the committee met]] today.",
        Moved,
    ),
    (
        "nothing changed near the highlight",
        "T\nThe committee met [[in the morning]] and later.\nOld ending.",
        "T\nThe committee met [[in the morning]] and later.\nNew ending.",
        Exact,
    ),
];

#[test]
fn each_class_of_reissue_lands_where_the_text_went() {
    for (name, old, new, status) in CLASSES {
        let got = carried(old, new);
        let (landing, expected) = &got[0];
        assert_eq!(landing.status, *status, "{name}: {landing:?}");
        if let Some(r) = expected {
            assert_eq!(
                (landing.start.get(), landing.end.get()),
                (r.start, r.end),
                "{name}"
            );
        }
    }
}

#[test]
fn the_search_alone_jumps_into_the_correction_notice() {
    // Why the diff matters: with the old text unknown, the verbatim quote in the notice wins.
    let (_, old, new, _) = CLASSES[2];
    let (new_text, expected) = marked(new);
    let landing = reanchor(&doc(&new_text), &anchors(old)[0]);
    assert_eq!(landing.status, Moved);
    assert!(landing.start.get() > expected[0].end);
}

#[test]
fn without_the_old_text_the_search_finds_a_headline_in_capitals_below_an_exact_quote() {
    let old = "Chip curbs widen to [[memory makers]]\nThe rules now cover more firms.";
    let new = "CHIP CURBS WIDEN TO [[MEMORY MAKERS]]\nThe rules now cover more firms.";
    let (new_text, expected) = marked(new);
    let landing = reanchor(&doc(&new_text), &anchors(old)[0]);
    assert_eq!(landing.status, Fuzzy);
    assert_eq!(
        (landing.start.get(), landing.end.get()),
        (expected[0].start, expected[0].end)
    );
    // Where the quote is also there verbatim, that wins.
    let both = "CHIP CURBS WIDEN TO MEMORY MAKERS\nChip curbs widen to [[memory makers]]";
    let (text, expected) = marked(both);
    let landing = reanchor(&doc(&text), &anchors(old)[0]);
    assert_eq!(
        (landing.status, landing.start.get()),
        (Moved, expected[0].start)
    );
}

#[test]
fn a_wrong_old_text_leaves_the_annotation_to_the_search() {
    let old = "T\nThe committee met [[in the morning]] and later.";
    let new = "T\nNew first.\nThe committee met [[in the morning]] and later.";
    let (new_text, expected) = marked(new);
    let new_doc = doc(&new_text);
    let before = Before::new("T\nsomething else entirely".into(), new_doc.text());
    let a = &anchors(old)[0];
    assert_eq!(verdict(&before, &new_doc, a), Verdict::Unknown);
    let landing = reanchor_through(&before, &new_doc, &[a])[0];
    assert_eq!(
        (landing.status, landing.start.get()),
        (Moved, expected[0].start)
    );
}

/// A 60-paragraph brief with 40% of its paragraphs rewritten, a highlight in each.
#[test]
fn a_long_brief_with_many_paragraphs_rewritten() {
    let mut old = String::from("Sixty paragraphs");
    let mut new = old.clone();
    for i in 0..60 {
        old.push_str(&format!(
            "\nOn day {i} the panel heard [[witness number {i} describe]] events in the port."
        ));
        if i % 5 < 2 {
            new.push_str(&format!(
                "\nA later account: officials disputed what happened at berth {i} overnight."
            ));
        } else {
            new.push_str(&format!(
                "\nOn day {i} the panel heard [[witness number {i} describe]] events in the port."
            ));
        }
    }
    let got = carried(&old, &new);
    let mut kept = got.iter().filter(|(_, e)| e.is_some());
    for (i, (landing, _)) in got.iter().enumerate() {
        if i % 5 < 2 {
            assert_eq!(landing.status, Orphaned, "paragraph {i}: {landing:?}");
        } else {
            let (_, expected) = kept.next().unwrap();
            let r = expected.clone().unwrap();
            assert!(matches!(landing.status, Moved | Exact), "{i}: {landing:?}");
            assert_eq!((landing.start.get(), landing.end.get()), (r.start, r.end));
        }
    }
}

/// On the corpus generator's revisions, wherever the diff and the search are both sure of an
/// annotation, they put it in the same place.
#[test]
fn diff_and_search_agree_where_both_are_sure() {
    use crate::corpus;
    for seed in 1..=4 {
        let text = corpus::brief(120_000, seed);
        let old = Document::parse(text.as_bytes(), Format::Plain).unwrap();
        let set = corpus::annotations(&old, 300, seed);
        let revised = corpus::revise(&text, seed);
        let new = Document::parse(revised.as_bytes(), Format::Plain).unwrap();
        let before = Before::new(old.text().to_string(), new.text());
        let anchors: Vec<&Anchor> = set.iter().map(|a| &a.anchor).collect();
        let searched = reanchor_all(&new, &anchors);
        let (mut both, mut edited) = (0, 0);
        for (a, s) in anchors.iter().zip(&searched) {
            let v = verdict(&before, &new, a);
            let diff_range = match &v {
                Verdict::Untouched(r) => Some(r.clone()),
                Verdict::Edited {
                    range, sure: true, ..
                } => {
                    edited += 1;
                    Some(range.clone())
                }
                Verdict::Deleted => None,
                Verdict::Unknown | Verdict::Edited { sure: false, .. } => continue,
            };
            if !sure(s) {
                continue;
            }
            both += 1;
            let r = diff_range
                .unwrap_or_else(|| panic!("seed {seed}: deleted, search sure: {s:?} {a:?}"));
            assert!(overlaps(s, &r), "seed {seed}: {v:?} vs {s:?} for {a:?}");
        }
        assert!(both > 200, "seed {seed}: {both}");
        assert!(edited > 0, "seed {seed}: no edited annotation was checked");
    }
}

fn landing(status: Status, r: std::ops::Range<usize>, score: f64) -> Landing {
    Landing {
        status,
        start: Chars(r.start),
        end: Chars(r.end),
        score,
    }
}

/// The two never silently disagree: wherever the search is sure of a place the diff did not
/// choose, the result is `fuzzy` (listed for review), never a confident landing of either.
#[test]
fn a_disagreement_between_diff_and_search_is_flagged_for_review() {
    let a = &anchors("T\nsome [[quoted words]] here")[0];
    let diff_place = 10..22;
    let elsewhere = landing(Moved, 40..52, SURE);
    // Edited, the diff sure of its place; the search sure of another: the diff's place, fuzzy,
    // scored below the search's certainty.
    for status in [Moved, Fuzzy] {
        let edited = Verdict::Edited {
            range: diff_place.clone(),
            status,
            sure: true,
        };
        let got = decide(&edited, a, elsewhere);
        assert_eq!(
            (got.status, got.start.get(), got.end.get()),
            (Fuzzy, 10, 22),
            "{status:?}"
        );
        assert!(got.score < SURE, "{got:?}");
        // Where they agree (overlap), the diff's verdict stands as it is.
        let agreeing = decide(&edited, a, landing(Moved, 12..24, 1.0));
        assert_eq!((agreeing.status, agreeing.start.get()), (status, 10));
        // A search that is not sure does not count as disagreeing.
        let unsure = decide(&edited, a, landing(Fuzzy, 40..52, SURE - 0.2));
        assert_eq!((unsure.status, unsure.start.get()), (status, 10));
    }
    // Deleted by the diff, found verbatim with its context by the search (a paragraph that
    // moved): there, but fuzzy. Found only approximately: orphaned, not guessed.
    let got = decide(&Verdict::Deleted, a, elsewhere);
    assert_eq!(
        (got.status, got.start.get(), got.end.get()),
        (Fuzzy, 40, 52)
    );
    assert_eq!(
        decide(&Verdict::Deleted, a, landing(Fuzzy, 40..52, 0.95)).status,
        Orphaned
    );
    // Rewritten past the diff's certainty: the search may not take it to an approximate
    // match elsewhere; a verbatim one, or one where the diff put it, it may.
    let unsure = Verdict::Edited {
        range: diff_place.clone(),
        status: Fuzzy,
        sure: false,
    };
    assert_eq!(
        decide(&unsure, a, landing(Fuzzy, 40..52, 0.8)).status,
        Orphaned
    );
    assert_eq!(
        decide(&unsure, a, landing(Fuzzy, 11..20, 0.8)).status,
        Fuzzy
    );
    assert_eq!(decide(&unsure, a, elsewhere).status, Moved);
}

#[test]
fn a_paragraph_moved_is_found_by_the_search_and_flagged() {
    let old =
        "T\nFirst comes [[the budget vote]] in the council.\nThen the roads plan.\nLast the parks.";
    let new =
        "T\nThen the roads plan.\nLast the parks.\nFirst comes [[the budget vote]] in the council.";
    let (landing, expected) = &carried(old, new)[0];
    let r = expected.clone().unwrap();
    assert_eq!(
        (landing.status, landing.start.get(), landing.end.get()),
        (Fuzzy, r.start, r.end),
        "{landing:?}"
    );
}

#[test]
fn without_the_old_text_the_search_keeps_a_reordered_headline_in_the_headline() {
    // (A phrase of 32 characters or more found verbatim is enough; a shorter one that lost its
    // context on both sides needs the snapshot: the search's minimum evidence orphans it.)
    let old =
        "[[Micron comes under fire from regulators]], China says\nThe regulator opened a review.";
    let new =
        "China says [[Micron comes under fire from regulators]]\nThe regulator opened a review.";
    let (new_text, expected) = marked(new);
    let landing = reanchor(&doc(&new_text), &anchors(old)[0]);
    assert_eq!(
        (landing.status, landing.start.get(), landing.end.get()),
        (Moved, expected[0].start, expected[0].end),
        "{landing:?}"
    );
}
