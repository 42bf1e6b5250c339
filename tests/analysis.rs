//! `gloss analyse` through the real binary on tests/fixtures/analysis, a library counted by
//! hand. The fixture (offsets are characters of the normalised text, title line included):
//!
//! - b1.md, published 2026-11-02, "One\nRates rose sharply in May.\nBanks cut jobs as
//!   profits fell." (62 characters; blocks 0-3, 4-30, 31-62)
//!   - s1 ana "Rates rose" 4-14: frame/economy
//!   - s2 ana "rose sharply" 10-22: frame/conflict, actor/state (overlaps s1 on 10-14)
//!   - s3 ana "Banks cut jobs" 31-45: actor/bank, frame/economy
//!   - s4 ben "profits fell" 49-61: frame/economy (same block as s3, no overlap)
//! - b2.md, published "2026-11-20", "Two\nThe state sued the bank.\nTalks failed." (42
//!   characters; blocks 0-3, 4-28, 29-42)
//!   - s5 ana "The state sued the bank." 4-28: frame/conflict, actor/state, actor/bank
//!   - s6 ana "Talks failed." 29-42: frame/conflict
//!   - s7 ben "Talks failed." 29-42: frame/conflict
//! - b3.txt, no date, "Oil held steady." (16 characters)
//!   - s8 ana "Oil held" 0-8: frame/economy
//! - b4.md, published 2026-12-05, no sidecar.
//! - codebook.toml: actor/bank, actor/state, frame/conflict, frame/economy, tone (unused).

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use serde_json::{Value, json};

mod support {
    pub mod run;
}
use support::run::{self, gloss};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/analysis");

/// `gloss analyse FIXTURE ARGS`, which must succeed; its standard output.
fn analyse(args: &[&str]) -> String {
    let mut all = vec!["analyse", FIXTURE];
    all.extend_from_slice(args);
    run::ok(&all)
}

fn analyse_json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&analyse(&all)).unwrap()
}

#[test]
fn the_matrix_counts_segments_per_code_and_brief() {
    // actor/bank: s3 (b1), s5 (b2). actor/state: s2 (b1), s5 (b2).
    // frame/conflict: s2 (b1); s5, s6, s7 (b2). frame/economy: s1, s3, s4 (b1); s8 (b3).
    // tone: in the codebook only. b4 has no sidecar: a column of zeros.
    assert_eq!(
        analyse_json(&["--view", "matrix"]),
        json!({
            "codes": ["actor/bank", "actor/state", "frame/conflict", "frame/economy", "tone"],
            "briefs": ["b1.md", "b2.md", "b3.txt", "b4.md"],
            "counts": [[1, 1, 0, 0], [1, 1, 0, 0], [1, 3, 0, 0], [3, 0, 1, 0], [0, 0, 0, 0]],
        })
    );
}

#[test]
fn the_folded_matrix_counts_a_segment_once_under_its_parent() {
    // actor: b1 s2, s3 = 2; b2 s5 = 1 (two actor codes, one segment).
    // frame: b1 s1, s2, s3, s4 = 4; b2 s5, s6, s7 = 3; b3 s8 = 1.
    assert_eq!(
        analyse(&["--view", "matrix", "--format", "csv"]),
        "code,b1.md,b2.md,b3.txt,b4.md\nactor,2,1,0,0\nframe,4,3,1,0\ntone,0,0,0,0\n"
    );
}

#[test]
fn the_matrix_filters_by_author_and_code() {
    // ben: s4 (frame/economy, b1) and s7 (frame/conflict, b2); --code frame keeps frame/*.
    assert_eq!(
        analyse_json(&["--view", "matrix", "--author", "ben", "--code", "frame"]),
        json!({
            "codes": ["frame/conflict", "frame/economy"],
            "briefs": ["b1.md", "b2.md", "b3.txt", "b4.md"],
            "counts": [[0, 1, 0, 0], [1, 0, 0, 0]],
        })
    );
}

#[test]
fn cooccurrence_counts_shared_and_overlapping_highlights() {
    // Same highlight: s2 (as, fc), s3 (ab, fe), s5 (ab, as, fc) -> ab-as 1, ab-fc 1,
    // ab-fe 1, as-fc 2. Overlapping: s1-s2 -> fe-fc 1, fe-as 1; s6-s7 both fc only.
    // Diagonal: segments carrying the code (ab 2, as 2, fc 4, fe 4).
    assert_eq!(
        analyse_json(&["--view", "cooccurrence"]),
        json!({
            "codes": ["actor/bank", "actor/state", "frame/conflict", "frame/economy", "tone"],
            "counts": [
                [2, 1, 1, 1, 0],
                [1, 2, 2, 1, 0],
                [1, 2, 4, 1, 0],
                [1, 1, 1, 4, 0],
                [0, 0, 0, 0, 0],
            ],
        })
    );
}

#[test]
fn cooccurrence_by_paragraph_adds_highlights_in_one_block() {
    // s3 (ab, fe) and s4 (fe) share b1's last block: ab-fe goes from 1 to 2.
    let c = analyse_json(&["--view", "cooccurrence", "--paragraph"]);
    assert_eq!(c["counts"][0], json!([2, 1, 1, 2, 0]));
    assert_eq!(c["counts"][3], json!([2, 1, 1, 4, 0]));
    assert_eq!(c["counts"][1], json!([1, 2, 2, 1, 0]));
}

#[test]
fn folded_cooccurrence_is_a_triangle_of_parents() {
    // actor on s2, s3, s5 = 3; frame on all eight = 8; actor-frame: s2, s3, s5 on their
    // own highlight and s1-s2 overlapping = 4.
    assert_eq!(
        analyse(&["--view", "cooccurrence"]),
        "code   actor  frame  tone\nactor      3\nframe      4      8\ntone       0      0     0\n"
    );
}

#[test]
fn the_timeline_counts_per_month_and_the_undated_apart() {
    // 2026-11: b1 (4 segments), b2 (3); 2026-12: b4 (none); no date: b3 (1).
    assert_eq!(
        analyse_json(&["--view", "timeline"]),
        json!([
            {"period": "2026-11", "briefs": 2, "segments": 7},
            {"period": "2026-12", "briefs": 1, "segments": 0},
            {"period": null, "briefs": 1, "segments": 1},
        ])
    );
    let table = analyse(&["--view", "timeline"]);
    assert!(table.contains("no date       1         1"), "{table}");
    assert!(table.contains("1 briefs have no published date"), "{table}");
}

#[test]
fn the_timeline_by_week_fills_the_empty_weeks_and_filters_by_code() {
    // 2026-11-02 is the Monday of ISO week 45; 2026-11-20 is in week 47; 2026-12-05 in 49.
    assert_eq!(
        analyse_json(&["--view", "timeline", "--by", "week"]),
        json!([
            {"period": "2026-W45", "briefs": 1, "segments": 4},
            {"period": "2026-W46", "briefs": 0, "segments": 0},
            {"period": "2026-W47", "briefs": 1, "segments": 3},
            {"period": "2026-W48", "briefs": 0, "segments": 0},
            {"period": "2026-W49", "briefs": 1, "segments": 0},
            {"period": null, "briefs": 1, "segments": 1},
        ])
    );
    // actor: s2, s3 in b1 and s5 in b2; nothing in b3.
    assert_eq!(
        analyse_json(&["--view", "timeline", "--code", "actor"]),
        json!([
            {"period": "2026-11", "briefs": 2, "segments": 3},
            {"period": "2026-12", "briefs": 1, "segments": 0},
            {"period": null, "briefs": 1, "segments": 0},
        ])
    );
}

#[test]
fn agreement_of_two_coders_matches_the_worked_example() {
    // Both coded b1 and b2: N = 62 + 42 = 104 characters.
    // actor/bank: ana s3 (14) + s5 (24) = 38, ben 0: p_o = 66/104, p_e = 66/104, kappa 0.
    // actor/state: ana s2 (12) + s5 (24) = 36, ben 0: p_o = 68/104, kappa 0.
    // frame/conflict: ana s2 (12) + s5 (24) + s6 (13) = 49, ben s7 (13), both 13:
    //   p_o = (104 - 49 - 13 + 2*13)/104 = 68/104;
    //   p_e = (49*13 + 55*91)/104^2 = 5642/10816; kappa = (7072-5642)/(10816-5642) = 55/199.
    // frame/economy: ana s1 (10) + s3 (14) = 24, ben s4 (12), both 0: p_o = 68/104;
    //   p_e = (24*12 + 80*92)/10816 = 7648/10816; kappa = (7072-7648)/(10816-7648) = -2/11.
    let all = analyse_json(&["--view", "agreement", "--authors", "ana,ben"]);
    let expected = [
        ("actor/bank", 66.0 / 104.0, 0.0),
        ("actor/state", 68.0 / 104.0, 0.0),
        ("frame/conflict", 68.0 / 104.0, 55.0 / 199.0),
        ("frame/economy", 68.0 / 104.0, -2.0 / 11.0),
    ];
    let rows = all.as_array().unwrap();
    assert_eq!(rows.len(), expected.len());
    for (row, (code, p_o, kappa)) in rows.iter().zip(expected) {
        assert_eq!(row["code"], code);
        let close = |v: &Value, x: f64| (v.as_f64().unwrap() - x).abs() < 1e-12;
        assert!(close(&row["agreement"], p_o), "{code}: {row}");
        assert!(close(&row["kappa"], kappa), "{code}: {row}");
    }
}

/// tests/fixtures/analysis-deep, three levels of codes, all coded by ana:
/// - d1.md: s1 "War" frame/conflict/war + frame/conflict/trade; s2 "trade talk"
///   frame/conflict/trade; s3 "Strikes" frame/economy + frame/conflict/war; s4 "ports" actor.
/// - d2.txt: s5 "Tariffs" frame/conflict/trade; s6 "rose" frame/economy.
const DEEP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/analysis-deep");

#[test]
fn fold_depth_counts_a_segment_once_under_each_folded_code() {
    let matrix = |fold: &[&str]| {
        let mut all = vec!["analyse", DEEP, "--view", "matrix", "--format", "csv"];
        all.extend_from_slice(fold);
        let out = gloss(&all);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // Depth 1: frame is s1, s2, s3 in d1 and s5, s6 in d2.
    assert_eq!(
        matrix(&["--fold", "1"]),
        "code,d1.md,d2.txt\nactor,1,0\nframe,3,2\n"
    );
    assert_eq!(matrix(&[]), matrix(&["--fold", "1"]), "1 is the default");
    // Depth 2: frame/conflict is s1 (once, for its two tags under it), s2, s3; and s5.
    assert_eq!(
        matrix(&["--fold", "2"]),
        "code,d1.md,d2.txt\nactor,1,0\nframe/conflict,3,1\nframe/economy,1,1\n"
    );
    assert_eq!(matrix(&["--fold", "3"]), matrix(&["--unfold"]));
    assert_eq!(
        matrix(&["--unfold"]),
        "code,d1.md,d2.txt\nactor,1,0\nframe/conflict/trade,2,1\n\
         frame/conflict/war,2,0\nframe/economy,1,1\n"
    );
    let out = gloss(&["analyse", DEEP, "--view", "matrix", "--fold", "0"]);
    assert!(!out.status.success(), "depth 0 is refused");
}

#[test]
fn authors_match_ignoring_case_as_gloss_notes_does() {
    // ben's s4 and s7, whatever the case the author is given in.
    let exact = analyse_json(&["--view", "matrix", "--author", "ben", "--unfold"]);
    assert_eq!(
        analyse_json(&["--view", "matrix", "--author", "BEN", "--unfold"]),
        exact
    );
    assert_eq!(
        exact["counts"][2],
        json!([0, 1, 0, 0]),
        "frame/conflict: s7"
    );
    assert_eq!(
        analyse_json(&["--view", "agreement", "--authors", "Ana,BEN"]),
        analyse_json(&["--view", "agreement", "--authors", "ana,ben"])
    );
    let none = analyse_json(&["--view", "matrix", "--author", "be"]);
    let counts = none["counts"].as_array().unwrap();
    assert!(
        counts
            .iter()
            .flat_map(|r| r.as_array().unwrap())
            .all(|n| n == 0),
        "a part of a name is not the name: {none}"
    );
}

#[test]
fn agreement_needs_two_authors_who_both_coded() {
    let out = gloss(&["analyse", FIXTURE, "--view", "agreement"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--authors A,B"));
    let out = gloss(&[
        "analyse",
        FIXTURE,
        "--view",
        "agreement",
        "--authors",
        "ana,cat",
    ]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("no brief has codes by both"), "{said}");
}

#[test]
fn markdown_output_is_a_table() {
    assert_eq!(
        analyse(&["--view", "timeline", "--format", "markdown"]),
        "| month | briefs | segments |\n|---|---:|---:|\n| 2026-11 | 2 | 7 |\n\
         | 2026-12 | 1 | 0 |\n| no date | 1 | 1 |\n"
    );
}
