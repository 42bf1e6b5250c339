//! The codebook through the real binary: `gloss codes DIR` and its changes, with every sidecar
//! following.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::fs;
use std::path::Path;

mod support {
    pub mod run;
}
use support::run::{self, gloss};

/// `gloss ARGS` under the folder `root`, which must succeed; its standard output.
fn ok(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["codes", root.to_str().unwrap()];
    all.extend_from_slice(args);
    run::ok(&all)
}

/// Two briefs coded with `frame/conflict`, `actor/government` and `market`.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("a.txt"),
        "Curbs widen\nThe Netherlands joined new curbs on chip tools, officials said.\n",
    )
    .unwrap();
    fs::write(
        root.join("b.txt"),
        "Probe\nChina opened a review of chip makers.\n",
    )
    .unwrap();
    let annotate = |brief: &str, quote: &str, tags: &[&str]| {
        let path = root.join(brief);
        let mut args = vec!["annotate", path.to_str().unwrap(), "--quote", quote];
        for tag in tags {
            args.extend(["--tag", tag]);
        }
        assert!(gloss(&args).status.success());
    };
    annotate(
        "a.txt",
        "new curbs",
        &["frame/conflict", "actor/government"],
    );
    annotate("a.txt", "officials", &["actor/government"]);
    annotate("b.txt", "review", &["frame/conflict", "market"]);
    dir
}

/// Each code of `gloss codes --json` as (name, annotations, briefs, uncoded).
fn listed(root: &Path) -> Vec<(String, u64, u64, bool)> {
    let json: Vec<serde_json::Value> = serde_json::from_str(&ok(root, &["--json"])).unwrap();
    json.iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["annotations"].as_u64().unwrap(),
                c["briefs"].as_u64().unwrap(),
                c["uncoded"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn tags_of(root: &Path, brief: &str) -> Vec<Vec<String>> {
    let out = gloss(&["list", root.join(brief).to_str().unwrap(), "--json"]);
    let json: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    json.iter()
        .map(|a| serde_json::from_value(a["tags"].clone()).unwrap())
        .collect()
}

fn row(name: &str, annotations: u64, briefs: u64, uncoded: bool) -> (String, u64, u64, bool) {
    (name.to_string(), annotations, briefs, uncoded)
}

#[test]
fn codes_list_the_tree_with_counts_and_the_uncoded_tags() {
    let dir = library();
    let root = dir.path();
    assert!(ok(root, &[]).starts_with("no codes yet"));
    ok(
        root,
        &[
            "add",
            "frame/conflict",
            "--description",
            "Parties at odds",
            "--color",
            "red",
        ],
    );
    ok(root, &["add", "actor/government"]);
    assert_eq!(
        listed(root),
        [
            row("actor/government", 2, 1, false),
            row("frame/conflict", 2, 2, false),
            row("market", 1, 1, true),
        ]
    );
    let text = ok(root, &[]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("actor ") && lines[0].contains("2 annotations"),
        "{text}"
    );
    assert!(lines[1].starts_with("  government "), "{text}");
    assert!(
        lines[3].contains("[red]") && lines[3].ends_with("Parties at odds"),
        "{text}"
    );
    assert_eq!(lines[4], "uncoded tags (not in codebook.toml):");
    assert!(lines[5].starts_with("  market "), "{text}");
    let saved = fs::read_to_string(root.join("codebook.toml")).unwrap();
    assert!(
        saved.contains(
            "name = \"frame/conflict\"\ndescription = \"Parties at odds\"\ncolor = \"red\""
        ),
        "{saved}"
    );
}

#[test]
fn rename_move_merge_and_delete_reach_every_sidecar() {
    let dir = library();
    let root = dir.path();
    for code in [
        "frame/conflict",
        "actor/government",
        "actor/industry",
        "tone",
    ] {
        ok(root, &["add", code]);
    }
    assert_eq!(
        ok(root, &["rename", "frame", "lens"]).trim(),
        "renamed frame to lens: 2 annotations in 2 briefs"
    );
    assert_eq!(tags_of(root, "b.txt"), [vec!["lens/conflict", "market"]]);

    assert_eq!(
        ok(root, &["move", "lens/conflict", "tone"]).trim(),
        "moved lens/conflict to tone/conflict: 2 annotations in 2 briefs"
    );
    assert_eq!(
        tags_of(root, "a.txt")[0],
        ["tone/conflict", "actor/government"]
    );

    ok(root, &["merge", "actor/government", "actor/industry"]);
    assert_eq!(tags_of(root, "a.txt")[1], ["actor/industry"]);

    // Deleting a code in use asks first, and changes nothing until it is told to.
    let out = gloss(&["codes", root.to_str().unwrap(), "delete", "tone"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("takes it off 2 annotations in 2 briefs; run again with --yes"),
        "{err}"
    );
    assert!(listed(root).iter().any(|c| c.0 == "tone/conflict"));
    ok(root, &["delete", "tone", "--yes"]);
    assert_eq!(tags_of(root, "b.txt"), [vec!["market"]]);
    let names: Vec<String> = listed(root).into_iter().map(|c| c.0).collect();
    assert_eq!(names, ["actor/industry", "market"]);
}

#[test]
fn bad_changes_are_refused_and_change_nothing() {
    let dir = library();
    let root = dir.path();
    ok(root, &["add", "frame/conflict"]);
    ok(root, &["add", "tone"]);
    let sidecar = fs::read(root.join("a.txt.gloss.toml")).unwrap();
    let book = fs::read(root.join("codebook.toml")).unwrap();
    for (args, why) in [
        (vec!["add", "frame/conflict"], "already a code"),
        (vec!["add", "frame/"], "start or end"),
        (vec!["rename", "frame", "tone"], "merge them"),
        (vec!["move", "frame", "frame/conflict"], "cycle"),
        (vec!["move", "frame", "nowhere"], "not a code"),
        (vec!["merge", "nothing", "tone"], "not a code"),
    ] {
        let mut all = vec!["codes", root.to_str().unwrap()];
        all.extend(args.iter().copied());
        let out = gloss(&all);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(err.contains(why), "{args:?}: {err}");
    }
    assert_eq!(fs::read(root.join("a.txt.gloss.toml")).unwrap(), sidecar);
    assert_eq!(fs::read(root.join("codebook.toml")).unwrap(), book);
}

#[test]
fn a_codebook_that_does_not_parse_is_named_and_never_written_over() {
    let dir = library();
    let root = dir.path();
    let bad = "version = 1\n[[code]]\nname = \"frame\"\n[[code]]\nname = \"frame\"\n";
    fs::write(root.join("codebook.toml"), bad).unwrap();
    let out = gloss(&["codes", root.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "codebook.toml: line 5, column 8, key `name`: \"frame\" is already a code (line 3)"
        ),
        "{err}"
    );
    let json: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json.iter().all(|c| c["uncoded"] == true),
        "codes show as uncoded tags"
    );
    assert_eq!(json.len(), 3);
    let out = gloss(&["codes", root.to_str().unwrap(), "add", "tone"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 5"));
    assert_eq!(fs::read_to_string(root.join("codebook.toml")).unwrap(), bad);
}

#[test]
fn an_import_adds_the_codes_of_a_qdc_by_name_and_a_bad_one_nothing() {
    let dir = library();
    let root = dir.path();
    ok(root, &["add", "actor/government", "--description", "ours"]);
    let qdc = root.join("theirs.qdc");
    let good = r##"<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="0b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f" name="actor" isCodable="false">
      <Code guid="1b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f" name="government" isCodable="true" color="#E03E3E">
        <Description>theirs</Description>
      </Code>
    </Code>
    <Code guid="2b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f" name="market" isCodable="true"/>
  </Codes>
</CodeBook>
"##;
    fs::write(&qdc, good).unwrap();
    let said = ok(root, &["--import", qdc.to_str().unwrap()]);
    assert!(
        said.contains("1 codes added, 1 filled in, 0 already there"),
        "{said}"
    );
    let json: Vec<serde_json::Value> = serde_json::from_str(&ok(root, &["--json"])).unwrap();
    let codes: Vec<(&str, &str, &str)> = json
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["description"].as_str().unwrap(),
                c["color"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("actor/government", "ours", "red"),
            ("market", "", "-"),
            ("frame/conflict", "", "-"),
        ],
        "market is a code now; actor only groups codes; frame/conflict is still an uncoded tag"
    );
    let book = fs::read(root.join("codebook.toml")).unwrap();
    fs::write(&qdc, good.replace("urn:QDA-XML:codebook:1.0", "urn:x")).unwrap();
    let out = gloss(&[
        "codes",
        root.to_str().unwrap(),
        "--import",
        qdc.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("theirs.qdc: line 2: not a REFI-QDA codebook")
            && err.contains("nothing imported"),
        "{err}"
    );
    assert_eq!(fs::read(root.join("codebook.toml")).unwrap(), book);
}

#[test]
fn memos_of_codes_and_of_the_library_are_written_listed_and_taken_off() {
    let dir = library();
    let root = dir.path();
    ok(root, &["add", "frame/conflict"]);
    let said = ok(
        root,
        &[
            "memo",
            "frame/conflict",
            "Two sides at odds.\nE.g. curbs vs. review.",
        ],
    );
    assert!(said.contains("frame/conflict: memo written"), "{said}");
    ok(
        root,
        &["memo", "--library", "Sampling", "Wires of May 2026."],
    );
    let book = fs::read_to_string(root.join("codebook.toml")).unwrap();
    assert!(
        book.contains("Two sides at odds.\nE.g. curbs vs. review.")
            && book.contains("[[memo]]\ntitle = \"Sampling\"\ntext = \"Wires of May 2026.\""),
        "memos are lines of codebook.toml: {book}"
    );
    let listed = ok(root, &[]);
    assert!(
        listed.contains("    | Two sides at odds.\n    | E.g. curbs vs. review.")
            && listed.contains("library memos:\n  Sampling\n    | Wires of May 2026."),
        "{listed}"
    );
    let json: Vec<serde_json::Value> = serde_json::from_str(&ok(root, &["--json"])).unwrap();
    let conflict = json.iter().find(|c| c["name"] == "frame/conflict").unwrap();
    assert_eq!(
        conflict["memo"],
        "Two sides at odds.\nE.g. curbs vs. review."
    );
    let out = gloss(&["codes", root.to_str().unwrap(), "memo", "nothing", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"nothing\" is not a code"));
    ok(root, &["memo", "frame/conflict", ""]);
    ok(root, &["memo", "--library", "Sampling", ""]);
    let book = fs::read_to_string(root.join("codebook.toml")).unwrap();
    assert!(!book.contains("memo ="), "{book}");
    assert!(!book.contains("\n[[memo]]\n"), "{book}");
}
