//! The analysis core on small libraries built in the test; the hand-counted fixture library
//! is tests/analysis.rs's.

use super::agreement::{Tally, tallies};
use super::cooccurrence::{Near, cooccurrence};
use super::matrix::{cell, matrix};
use super::timeline::{By, date, timeline};
use super::*;

fn seg(author: &str, tags: &[&str], chars: Range<usize>) -> Segment {
    Segment {
        id: Uuid::nil(),
        author: author.into(),
        tags: tags.iter().map(|t| (*t).to_string()).collect(),
        chars,
        placed: true,
        quote: String::new(),
    }
}

fn brief(name: &str, published: Option<&str>, chars: usize, segments: Vec<Segment>) -> Brief {
    Brief {
        name: name.into(),
        title: name.into(),
        published: published.map(str::to_string),
        chars,
        paragraphs: std::iter::once(0..chars).collect(),
        segments,
        ..Brief::default()
    }
}

#[test]
fn kappa_of_a_worked_example() {
    // 10 characters; A codes 4, B codes 5, both 3: they agree on 3 + (10 - 4 - 5 + 3) = 7.
    // p_o = 0.7; p_e = 0.4*0.5 + 0.6*0.5 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    let (p_o, kappa) = Tally {
        all: 10,
        a: 4,
        b: 5,
        both: 3,
    }
    .score();
    assert!((p_o - 0.7).abs() < 1e-12);
    assert!((kappa.unwrap() - 0.4).abs() < 1e-12);
    // Both code every character: p_e = 1, kappa undefined.
    let all = Tally {
        all: 8,
        a: 8,
        b: 8,
        both: 8,
    };
    assert_eq!(all.score(), (1.0, None));
}

#[test]
fn agreement_merges_a_coders_overlapping_segments_and_skips_orphans() {
    let mut orphan = seg("b", &["x"], 0..10);
    orphan.placed = false;
    let lib = Library {
        briefs: vec![
            // a: 0-4 and 2-6 cover 0-6 (6 characters); b: 4-8 (4); both 4-6 (2).
            brief(
                "one",
                None,
                10,
                vec![
                    seg("a", &["x"], 0..4),
                    seg("a", &["x"], 2..6),
                    seg("b", &["x"], 4..8),
                    orphan,
                ],
            ),
            // Coded by a only: left out.
            brief("two", None, 50, vec![seg("a", &["x"], 0..50)]),
        ],
        codes: Vec::new(),
    };
    let all = tallies(&lib, &Scope::default(), "a", "b");
    let expected = Tally {
        all: 10,
        a: 6,
        b: 4,
        both: 2,
    };
    assert_eq!(all, vec![("x".to_string(), expected)]);
}

#[test]
fn a_scope_folds_and_filters_names() {
    let folded = Scope {
        fold: Fold::Depth(1),
        ..Scope::default()
    };
    assert_eq!(folded.name("frame/conflict/war"), Some("frame"));
    assert_eq!(Fold::Depth(2).name("frame/conflict/war"), "frame/conflict");
    assert_eq!(
        Fold::Depth(3).name("frame/conflict/war"),
        "frame/conflict/war"
    );
    assert_eq!(Fold::Depth(2).name("tone"), "tone");
    let codes = |c: &[&str]| Fold::Codes(c.iter().map(|s| (*s).to_string()).collect());
    assert_eq!(
        codes(&["frame/conflict"]).name("frame/conflict/war"),
        "frame/conflict"
    );
    assert_eq!(
        codes(&["frame/conflict"]).name("frame/economy"),
        "frame/economy"
    );
    assert_eq!(
        codes(&["frame", "frame/conflict"]).name("frame/conflict/war"),
        "frame",
        "the highest folded code wins"
    );
    assert_eq!(codes(&["frame"]).name("frame"), "frame");
    assert_eq!(
        codes(&["fr"]).name("frame/x"),
        "frame/x",
        "a prefix is not a parent"
    );
    let under = Scope {
        code: Some("frame".into()),
        ..Scope::default()
    };
    assert_eq!(under.name("frame/conflict"), Some("frame/conflict"));
    assert_eq!(under.name("frame"), Some("frame"));
    assert_eq!(under.name("framework"), None, "a prefix is not a parent");
}

#[test]
fn a_cell_lists_the_segments_behind_its_count() {
    let lib = Library {
        briefs: vec![brief(
            "one",
            None,
            20,
            vec![
                seg("a", &["f/x", "f/y"], 0..2),
                seg("a", &["g"], 3..4),
                seg("a", &["f/y"], 5..6),
            ],
        )],
        codes: Vec::new(),
    };
    let folded = Scope {
        fold: Fold::Depth(1),
        ..Scope::default()
    };
    let m = matrix(&lib, &folded);
    assert_eq!(m.codes, ["f", "g"]);
    assert_eq!(m.counts, [[2], [1]]);
    assert_eq!(cell(&lib, &folded, "f", 0), [(0, 0), (0, 2)]);
    let c = cooccurrence(&lib, &Scope::default(), Near::Overlap);
    assert_eq!(c.codes, ["f/x", "f/y", "g"]);
    assert_eq!(c.counts[0][1], 1, "only on the first highlight");
    assert_eq!(
        super::cooccurrence::cell(&lib, &Scope::default(), Near::Paragraph, "f/x", "g"),
        [(0, 0), (0, 1)],
        "one paragraph holds both"
    );
}

#[test]
fn dates_are_read_in_a_few_shapes_and_others_are_undated() {
    let day = |y, m, d| jiff::civil::date(y, m, d);
    assert_eq!(date("2026-11-20"), Some(day(2026, 11, 20)));
    assert_eq!(date("2026-11-20T08:00:00Z"), Some(day(2026, 11, 20)));
    assert_eq!(date("20 Nov 2026"), Some(day(2026, 11, 20)));
    assert_eq!(date("November 20, 2026"), Some(day(2026, 11, 20)));
    assert_eq!(date("soon"), None);
    let lib = Library {
        briefs: vec![
            brief("a", Some("2025-12-31"), 1, vec![seg("a", &["x"], 0..1)]),
            brief("b", Some("2026-02-01"), 1, Vec::new()),
            brief("c", Some("soon"), 1, vec![seg("a", &["x"], 0..1)]),
        ],
        codes: Vec::new(),
    };
    let t = timeline(&lib, &Scope::default(), By::Month);
    let periods: Vec<_> = t
        .periods
        .iter()
        .map(|b| (b.period.clone().unwrap(), b.briefs, b.segments))
        .collect();
    assert_eq!(
        periods,
        [
            ("2025-12".to_string(), 1, 1),
            ("2026-01".to_string(), 0, 0),
            ("2026-02".to_string(), 1, 0)
        ]
    );
    assert_eq!((t.undated.briefs, t.undated.segments), (1, 1));
}

#[test]
fn folding_a_code_counts_its_subtree_once_per_segment_at_any_level() {
    // By hand: s1 a/x/1 + a/x/2 (one segment, two tags under a/x), s2 a/x/1, s3 a/y, s4 b.
    let lib = Library {
        briefs: vec![brief(
            "one",
            None,
            20,
            vec![
                seg("a", &["a/x/1", "a/x/2"], 0..2),
                seg("a", &["a/x/1"], 3..4),
                seg("a", &["a/y"], 5..6),
                seg("a", &["b"], 7..8),
            ],
        )],
        codes: Vec::new(),
    };
    let names: Vec<String> = ["a/x/1", "a/x/2", "a/y", "b"].map(String::from).to_vec();
    assert_eq!(
        parents(&names).into_iter().collect::<Vec<_>>(),
        ["a", "a/x"]
    );
    let at = |fold: Fold| {
        let m = matrix(
            &lib,
            &Scope {
                fold,
                ..Scope::default()
            },
        );
        m.codes
            .into_iter()
            .zip(m.counts.into_iter().map(|r| r[0]))
            .collect::<Vec<_>>()
    };
    let pairs = |p: &[(&str, u32)]| -> Vec<(String, u32)> {
        p.iter().map(|(c, n)| ((*c).to_string(), *n)).collect()
    };
    let set = |c: &[&str]| Fold::Codes(c.iter().map(|s| (*s).to_string()).collect());
    assert_eq!(
        at(set(&["a/x"])),
        pairs(&[("a/x", 2), ("a/y", 1), ("b", 1)])
    );
    assert_eq!(at(Fold::Depth(2)), at(set(&["a/x"])));
    assert_eq!(at(set(&["a"])), pairs(&[("a", 3), ("b", 1)]));
    assert_eq!(at(set(&["a", "a/x"])), at(Fold::Depth(1)));
    assert_eq!(
        at(Fold::None),
        pairs(&[("a/x/1", 2), ("a/x/2", 1), ("a/y", 1), ("b", 1)])
    );
    let c = cooccurrence(
        &lib,
        &Scope {
            fold: set(&["a/x"]),
            ..Scope::default()
        },
        Near::Overlap,
    );
    assert_eq!(c.counts[0][0], 2, "the diagonal counts s1 once for a/x");
}
