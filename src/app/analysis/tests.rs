//! The analysis view's update as the user's hands drive it, on the hand-counted library of
//! tests/fixtures/analysis built in memory (see tests/analysis.rs for the counts).

use std::path::PathBuf;

use super::{Analysis, Tab, update};
use crate::analysis::{Brief, Library, Segment};
use crate::app::{Effect, Env, Event};
use crate::document::Chars;
use crate::input::{Action, Keymap};
use crate::store::analysis::Loaded;

fn seg(author: &str, tags: &[&str], start: usize, end: usize, quote: &str) -> Segment {
    Segment {
        id: uuid::Uuid::nil(),
        author: author.into(),
        tags: tags.iter().map(|t| (*t).to_string()).collect(),
        chars: start..end,
        placed: true,
        quote: quote.into(),
    }
}

fn brief(name: &str, published: Option<&str>, chars: usize, segments: Vec<Segment>) -> Brief {
    Brief {
        path: PathBuf::from("/lib").join(name),
        name: name.into(),
        title: name.into(),
        published: published.map(str::to_string),
        chars,
        paragraphs: Vec::new(),
        segments,
    }
}

/// The fixture library, as `store::analysis::load` reads it.
pub(crate) fn loaded() -> Loaded {
    let b1 = vec![
        seg("ana", &["frame/economy"], 4, 14, "Rates rose"),
        seg(
            "ana",
            &["frame/conflict", "actor/state"],
            10,
            22,
            "rose sharply",
        ),
        seg(
            "ana",
            &["actor/bank", "frame/economy"],
            31,
            45,
            "Banks cut jobs",
        ),
        seg("ben", &["frame/economy"], 49, 61, "profits fell"),
    ];
    let b2 = vec![
        seg(
            "ana",
            &["frame/conflict", "actor/state", "actor/bank"],
            4,
            28,
            "The state sued the bank.",
        ),
        seg("ana", &["frame/conflict"], 29, 42, "Talks failed."),
        seg("ben", &["frame/conflict"], 29, 42, "Talks failed."),
    ];
    let b3 = vec![seg("ana", &["frame/economy"], 0, 8, "Oil held")];
    Loaded {
        library: Library {
            briefs: vec![
                brief("b1.md", Some("2026-11-02"), 62, b1),
                brief("b2.md", Some("2026-11-20"), 42, b2),
                brief("b3.txt", None, 16, b3),
                brief("b4.md", Some("2026-12-05"), 20, Vec::new()),
            ],
            codes: [
                "actor/bank",
                "actor/state",
                "frame/conflict",
                "frame/economy",
                "tone",
            ]
            .map(String::from)
            .to_vec(),
        },
        skipped: Vec::new(),
        codebook: None,
    }
}

/// The view at `w` x `h` with the fixture taken in.
pub(crate) fn view(w: u16, h: u16) -> Analysis {
    let keymap = Keymap::default_keymap().unwrap();
    let mut v = Analysis::new("/lib".into(), &keymap);
    update(&mut v, Event::Resize(w, h), &Env::fixed(1));
    update(&mut v, Event::Analysed(Box::new(loaded())), &Env::fixed(1));
    v
}

pub(crate) fn act(v: &mut Analysis, actions: &[Action]) -> Vec<Effect> {
    actions
        .iter()
        .flat_map(|a| update(v, Event::Action(*a), &Env::fixed(2)))
        .collect()
}

#[test]
fn the_folded_matrix_is_ready_when_the_library_arrives() {
    let v = view(80, 20);
    assert_eq!(v.matrix().codes, ["actor", "frame", "tone"]);
    // frame: b1 s1-s4 = 4, b2 s5-s7 = 3, b3 s8 = 1.
    assert_eq!(v.matrix().counts[1], [4, 3, 1, 0]);
}

#[test]
fn enter_on_a_cell_lists_its_segments_and_enter_opens_the_brief_there() {
    let mut v = view(80, 20);
    // Unfolded, row 4 is frame/economy; column 1 is b1.md: s1, s3, s4.
    act(
        &mut v,
        &[
            Action::ToggleFold,
            Action::ScrollDown,
            Action::ScrollDown,
            Action::ScrollDown,
        ],
    );
    assert_eq!(v.matrix().codes[v.row], "frame/economy");
    act(&mut v, &[Action::Drill]);
    let list = v.segments.as_ref().unwrap();
    let quotes: Vec<&str> = list.rows.iter().map(|r| r.quote.as_str()).collect();
    assert_eq!(quotes, ["Rates rose", "Banks cut jobs", "profits fell"]);
    let opened = act(&mut v, &[Action::ScrollDown, Action::Drill]);
    assert_eq!(
        opened,
        [Effect::Open {
            brief: "/lib/b1.md".into(),
            at: Some(Chars(31)),
            find: None
        }]
    );
    assert_eq!(
        update(&mut v, Event::Back, &Env::fixed(3)),
        [Effect::Analyse("/lib".into())],
        "back from the brief, the library is read again"
    );
    act(&mut v, &[Action::Quit]);
    assert!(v.segments.is_none(), "q closes the list, not the view");
    assert_eq!(
        act(&mut v, &[Action::Quit]),
        [Effect::Exit(crate::app::Exit::Quit)]
    );
}

#[test]
fn the_co_occurrence_selection_stays_in_the_triangle() {
    let mut v = view(80, 20);
    act(&mut v, &[Action::NextTab]);
    assert_eq!(v.tab, Tab::Cooccurrence);
    act(&mut v, &[Action::ColumnRight, Action::ColumnRight]);
    assert_eq!((v.row, v.col), (0, 0), "no cell right of the diagonal");
    act(&mut v, &[Action::ScrollDown, Action::ColumnRight]);
    assert_eq!((v.row, v.col), (1, 1));
    act(&mut v, &[Action::ColumnLeft, Action::Drill]);
    // actor with frame: s2, s3, s5 on their own highlight, and s1 overlapping s2.
    let list = v.segments.as_ref().unwrap();
    let quotes: Vec<&str> = list.rows.iter().map(|r| r.quote.as_str()).collect();
    assert_eq!(
        quotes,
        [
            "Rates rose",
            "rose sharply",
            "Banks cut jobs",
            "The state sued the bank."
        ]
    );
}

#[test]
fn the_timeline_changes_period_and_code() {
    let mut v = view(80, 20);
    act(&mut v, &[Action::NextTab, Action::NextTab]);
    let periods = |v: &Analysis| -> Vec<(String, u32)> {
        v.computed
            .timeline
            .periods
            .iter()
            .map(|b| (b.period.clone().unwrap(), b.segments))
            .collect()
    };
    assert_eq!(periods(&v), [("2026-11".into(), 7), ("2026-12".into(), 0)]);
    act(&mut v, &[Action::NextCodeFilter]);
    assert_eq!(v.code.as_deref(), Some("actor/bank"));
    // actor/bank: s3 (b1) and s5 (b2), both November.
    assert_eq!(periods(&v), [("2026-11".into(), 2), ("2026-12".into(), 0)]);
    act(&mut v, &[Action::PrevCodeFilter, Action::CyclePeriod]);
    assert_eq!(v.code, None);
    assert_eq!(periods(&v).len(), 34, "2026-11-02 to 2026-12-05 by day");
}

#[test]
fn u_counts_one_author_at_a_time_then_every_author() {
    let mut v = view(80, 20);
    assert_eq!(v.authors, ["ana", "ben"]);
    assert_eq!(v.author, None);
    act(&mut v, &[Action::NextAuthor]);
    assert_eq!(v.author.as_deref(), Some("ana"));
    // ana, folded: frame is s1, s2, s3 (b1), s5, s6 (b2), s8 (b3).
    assert_eq!(v.matrix().counts[1], [3, 2, 1, 0]);
    act(&mut v, &[Action::NextAuthor]);
    assert_eq!(v.author.as_deref(), Some("ben"));
    assert_eq!(v.matrix().counts[1], [1, 1, 0, 0], "s4 and s7");
    // Co-occurrence, folded: ben's two segments share no highlight, so actor x frame is 0.
    let c = v.cooccurrence();
    assert_eq!(c.counts[1][0], 0);
    assert_eq!(c.counts[1][1], 2, "frame on s4 and s7");
    let segments: u32 = v.computed.timeline.periods.iter().map(|p| p.segments).sum();
    assert_eq!(segments, 2, "the timeline follows: s4 and s7");
    act(&mut v, &[Action::ToggleFold, Action::Drill]);
    // Unfolded, row 0 is actor/bank: ben has none in b1.
    assert!(v.segments.is_none(), "drill-down follows the author too");
    act(&mut v, &[Action::NextAuthor]);
    assert_eq!(v.author, None, "after the last author: every author");
    assert_eq!(
        v.matrix().counts[2],
        [1, 3, 0, 0],
        "frame/conflict: s2; s5, s6, s7"
    );
}

#[test]
fn the_author_picked_stays_when_the_library_is_read_again() {
    let mut v = view(80, 20);
    act(&mut v, &[Action::NextAuthor, Action::NextAuthor]);
    update(&mut v, Event::Analysed(Box::new(loaded())), &Env::fixed(3));
    assert_eq!(v.author.as_deref(), Some("ben"));
    assert_eq!(v.matrix().counts[1], [1, 1, 0, 0]);
}

#[test]
fn the_agreement_tab_equals_gloss_analyse_on_the_fixture_library() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis");
    let loaded = crate::store::analysis::load(&root);
    let ask = |a: &str, b: &str| crate::cli::analyse::Ask {
        view: crate::cli::analyse::View::Agreement,
        format: crate::cli::analyse::Format::Json,
        scope: crate::analysis::Scope::default(),
        by: crate::analysis::timeline::By::Month,
        paragraph: false,
        authors: Some((a.into(), b.into())),
    };
    let cli = crate::cli::analyse::lines(&loaded.library, &ask("ana", "ben")).unwrap();
    let cli: serde_json::Value = serde_json::from_str(&cli.join("\n")).unwrap();
    let keymap = Keymap::default_keymap().unwrap();
    let mut v = Analysis::new(root, &keymap);
    update(&mut v, Event::Resize(80, 20), &Env::fixed(1));
    update(&mut v, Event::Analysed(Box::new(loaded)), &Env::fixed(1));
    act(&mut v, &[Action::NextTab, Action::NextTab, Action::NextTab]);
    assert_eq!(v.tab, Tab::Agreement);
    assert_eq!(v.coder_names(), Some(("ana", "ben")));
    let tab = serde_json::to_value(&v.computed.agreement).unwrap();
    assert_eq!(tab, cli);
    assert_eq!(tab.as_array().unwrap().len(), 4, "four codes both coded");
    // frame/conflict: kappa 55/199, worked by hand in tests/analysis.rs.
    let kappa = v.computed.agreement[2].kappa.unwrap();
    assert!((kappa - 55.0 / 199.0).abs() < 1e-12);
}

#[test]
fn c_and_shift_c_pick_the_coders_never_one_twice() {
    let mut v = view(80, 20);
    act(&mut v, &[Action::NextTab, Action::NextTab, Action::NextTab]);
    assert_eq!(v.coder_names(), Some(("ana", "ben")));
    act(&mut v, &[Action::NextCoder]);
    assert_eq!(
        v.coder_names(),
        Some(("ana", "ben")),
        "two authors: ben is taken"
    );
    act(&mut v, &[Action::NextOtherCoder]);
    assert_eq!(v.coder_names(), Some(("ana", "ben")));
    act(
        &mut v,
        &[Action::ScrollDown, Action::ScrollDown, Action::ScrollDown],
    );
    assert_eq!(v.row, 3, "a row per code: the fourth is the last");
    act(&mut v, &[Action::ScrollDown]);
    assert_eq!(v.row, 3);
}

#[test]
fn o_folds_the_code_under_the_cursor_and_z_folds_every_code() {
    let mut v = view(80, 20);
    assert_eq!(v.fold_name(), "folded");
    act(&mut v, &[Action::ScrollDown, Action::ToggleFoldHere]);
    // frame unfolded, actor still folded: the cursor on frame's first code.
    assert_eq!(
        v.matrix().codes,
        ["actor", "frame/conflict", "frame/economy", "tone"]
    );
    assert_eq!(v.row, 1);
    assert_eq!(v.fold_name(), "partly folded");
    // actor (folded): s2, s3 in b1, s5 in b2 (once for its two actor codes).
    assert_eq!(v.matrix().counts[0], [2, 1, 0, 0]);
    act(&mut v, &[Action::ScrollDown, Action::ToggleFoldHere]);
    assert_eq!(
        v.matrix().codes,
        ["actor", "frame", "tone"],
        "o on a child folds its parent"
    );
    assert_eq!(v.row, 1, "on frame");
    assert_eq!(v.matrix().counts[1], [4, 3, 1, 0]);
    act(&mut v, &[Action::ScrollDown, Action::ToggleFoldHere]);
    assert_eq!(
        v.status.shown().map(|m| m.text.as_str()),
        Some("no codes under tone")
    );
    act(&mut v, &[Action::ToggleFold]);
    assert_eq!(v.fold_name(), "unfolded");
    assert_eq!(v.matrix().codes.len(), 5);
    assert_eq!(
        v.matrix().codes[v.row],
        "tone",
        "the cursor stays on its code"
    );
    act(&mut v, &[Action::ToggleFold]);
    assert_eq!(v.fold_name(), "folded");
    // The co-occurrence table folds the same way.
    act(
        &mut v,
        &[Action::NextTab, Action::Top, Action::ToggleFoldHere],
    );
    assert_eq!(
        v.cooccurrence().codes,
        ["actor/bank", "actor/state", "frame", "tone"]
    );
    // actor/bank with frame: s3 and s5 carry both; s1 meets no actor/bank.
    assert_eq!(v.cooccurrence().counts[2][0], 2);
}

fn typed(v: &mut Analysis, text: &str) {
    for c in text.chars() {
        update(v, Event::Char(c), &Env::fixed(2));
    }
}

#[test]
fn slash_types_the_timeline_code_with_fuzzy_completion_from_the_codebook() {
    let mut v = view(80, 20);
    act(&mut v, &[Action::TypeCodeFilter]);
    assert_eq!(
        v.mode(),
        crate::input::Mode::Prompt,
        "letters are typed, not keys"
    );
    typed(&mut v, "actor/s");
    act(&mut v, &[Action::PromptComplete]);
    assert_eq!(
        v.ask.as_deref(),
        Some("actor/state"),
        "one candidate: Tab takes it"
    );
    act(&mut v, &[Action::PromptAccept]);
    assert_eq!(v.ask, None);
    assert_eq!(
        (v.tab, v.code.as_deref()),
        (Tab::Timeline, Some("actor/state"))
    );
    // actor/state: s2 (b1) and s5 (b2), both November.
    assert_eq!(v.computed.timeline.periods[0].segments, 2);
    // Letters in order, not a prefix: "fcon" is frame/conflict, and Enter takes the best.
    act(&mut v, &[Action::TypeCodeFilter]);
    typed(&mut v, "fcon");
    assert_eq!(
        v.completions(),
        ["frame/conflict", "frame/economy"],
        "best first"
    );
    act(&mut v, &[Action::PromptAccept]);
    assert_eq!(v.code.as_deref(), Some("frame/conflict"));
    // s2 in b1; s5, s6, s7 in b2.
    assert_eq!(v.computed.timeline.periods[0].segments, 4);
    // A parent is a code to filter by too: frame and everything under it.
    act(&mut v, &[Action::TypeCodeFilter]);
    typed(&mut v, "frame");
    act(&mut v, &[Action::PromptAccept]);
    assert_eq!(v.code.as_deref(), Some("frame"));
    assert_eq!(v.computed.timeline.periods[0].segments, 7);
    // Nothing matching: said, the filter kept; nothing typed: every code.
    act(&mut v, &[Action::TypeCodeFilter]);
    typed(&mut v, "zzz");
    act(&mut v, &[Action::PromptAccept]);
    assert_eq!(v.code.as_deref(), Some("frame"));
    assert!(v.ask.is_some(), "the prompt stays open to fix the typing");
    act(
        &mut v,
        &[
            Action::PromptCancel,
            Action::TypeCodeFilter,
            Action::PromptAccept,
        ],
    );
    assert_eq!(v.code, None);
}

#[test]
fn n_counts_highlights_in_one_paragraph_as_gloss_analyse_paragraph_does() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis");
    let loaded = crate::store::analysis::load(&root);
    let ask = |paragraph: bool| crate::cli::analyse::Ask {
        view: crate::cli::analyse::View::Cooccurrence,
        format: crate::cli::analyse::Format::Json,
        scope: crate::analysis::Scope::default(),
        by: crate::analysis::timeline::By::Month,
        paragraph,
        authors: None,
    };
    let cli = |paragraph| {
        let lines = crate::cli::analyse::lines(&loaded.library, &ask(paragraph)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&lines.join("\n")).unwrap();
        json["counts"].clone()
    };
    let (overlap, paragraph) = (cli(false), cli(true));
    assert_ne!(overlap, paragraph, "the fixture tells the two apart");
    let keymap = Keymap::default_keymap().unwrap();
    let mut v = Analysis::new(root.clone(), &keymap);
    update(&mut v, Event::Resize(80, 20), &Env::fixed(1));
    update(
        &mut v,
        Event::Analysed(Box::new(crate::store::analysis::load(&root))),
        &Env::fixed(1),
    );
    // Unfolded, as the CLI's JSON is.
    act(&mut v, &[Action::NextTab, Action::ToggleFold]);
    assert_eq!(v.tab, Tab::Cooccurrence);
    let counts =
        |v: &Analysis| serde_json::to_value(&v.computed.cooccurrence).unwrap()["counts"].clone();
    assert_eq!(counts(&v), overlap);
    act(&mut v, &[Action::ToggleParagraph]);
    assert_eq!(counts(&v), paragraph);
    assert!(v.status.shown().unwrap().text.contains("in one paragraph"));
    act(&mut v, &[Action::ToggleParagraph]);
    assert_eq!(counts(&v), overlap, "n again: overlapping only");
}
