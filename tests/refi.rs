//! The REFI-QDA exports through the real binary: the `.qdc` and the `.qdpx`'s `project.qde`
//! valid against the published schemas (read from `../shared/refi-qda/`, beside the
//! project, never copied into it), positions that agree with the sources in the zip, and a
//! codebook that survives an export and an import.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

mod support {
    pub mod run;
}
use support::run::{gloss, ok};

fn schema(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/refi-qda")
        .join(name);
    assert!(
        path.is_file(),
        "the REFI-QDA schema {} is missing",
        path.display()
    );
    path
}

/// `xmllint --noout --schema SCHEMA file`: Ok, or what xmllint said.
fn validate(schema_name: &str, file: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema(schema_name))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("xmllint (Debian's libxml2-utils) is needed: {e}"));
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// A library of two briefs (one in a subfolder, non-ASCII text, hostile characters), coded
/// with codes of the codebook and a tag that is not in it, with memos and a note.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("wires")).unwrap();
    fs::write(
        root.join("wires/a.txt"),
        "Zölle <steigen>\nDie Niederländer — «neue Zölle» auf Chips & Werkzeuge.\n",
    )
    .unwrap();
    fs::write(
        root.join("b.md"),
        "# Probe\n\nChina opened a review \u{1b}[31mof\u{1b}[0m chip makers.\n",
    )
    .unwrap();
    let annotate = |brief: &str, quote: &str, extra: &[&str]| {
        let path = root.join(brief);
        let mut args = vec!["annotate", path.to_str().unwrap(), "--quote", quote];
        args.extend_from_slice(extra);
        ok(&args);
    };
    annotate(
        "wires/a.txt",
        "neue Zölle",
        &["--tag", "frame/conflict", "--tag", "actor/government"],
    );
    annotate(
        "wires/a.txt",
        "Chips & Werkzeuge",
        &["--tag", "market", "--note", "a <note> & \"more\""],
    );
    annotate("b.md", "review", &["--tag", "frame/conflict"]);
    let dir_arg = root.to_str().unwrap();
    ok(&[
        "codes",
        dir_arg,
        "add",
        "frame/conflict",
        "--description",
        "Two sides <at odds>",
        "--color",
        "red",
    ]);
    ok(&[
        "codes",
        dir_arg,
        "add",
        "actor/government",
        "--color",
        "blue",
    ]);
    ok(&["codes", dir_arg, "add", "tone"]);
    ok(&[
        "codes",
        dir_arg,
        "memo",
        "frame/conflict",
        "Line 1\nLine 2 & <3>",
    ]);
    ok(&[
        "codes",
        dir_arg,
        "memo",
        "--library",
        "Aims",
        "Who frames the curbs?",
    ]);
    dir
}

#[test]
fn the_qdc_is_valid_refi_qda_and_imports_back_to_the_same_codes() {
    let dir = library();
    let root = dir.path();
    let qdc = root.join("out.qdc");
    ok(&[
        "export",
        root.to_str().unwrap(),
        "--format",
        "qdc",
        "-o",
        qdc.to_str().unwrap(),
    ]);
    validate("Codebook.xsd", &qdc).unwrap();
    let printed = ok(&["export", root.to_str().unwrap(), "--format", "qdc"]);
    assert_eq!(
        printed,
        fs::read_to_string(&qdc).unwrap(),
        "stdout is the same"
    );
    // The schema's check can fail: a broken GUID is refused.
    let broken = root.join("broken.qdc");
    let text = fs::read_to_string(&qdc).unwrap();
    fs::write(&broken, text.replacen("guid=\"", "guid=\"x", 1)).unwrap();
    assert!(validate("Codebook.xsd", &broken).is_err());

    let empty = tempfile::tempdir().unwrap();
    let said = ok(&[
        "codes",
        empty.path().to_str().unwrap(),
        "--import",
        qdc.to_str().unwrap(),
    ]);
    assert!(said.contains("3 codes added"), "{said}");
    let codes = |dir: &Path| -> Vec<(String, String, String)> {
        let json: Vec<serde_json::Value> =
            serde_json::from_str(&ok(&["codes", dir.to_str().unwrap(), "--json"])).unwrap();
        json.iter()
            .filter(|c| c["uncoded"] == false)
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["description"].as_str().unwrap().to_string(),
                    c["color"].as_str().unwrap_or("-").to_string(),
                )
            })
            .collect()
    };
    let theirs = codes(empty.path());
    assert_eq!(theirs, codes(root));
    assert_eq!(
        theirs.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["actor/government", "frame/conflict", "tone"]
    );
    // A second export names every code with the same GUID.
    ok(&["codes", root.to_str().unwrap(), "add", "zeta"]);
    let again = ok(&["export", root.to_str().unwrap(), "--format", "qdc"]);
    let guid_of = |text: &str, name: &str| -> String {
        let at = text.find(&format!("name=\"{name}\"")).unwrap();
        let line_start = text[..at].rfind('<').unwrap();
        text[line_start..at].split('"').nth(1).unwrap().to_string()
    };
    assert_eq!(guid_of(&again, "tone"), guid_of(&printed, "tone"));
    assert_eq!(guid_of(&again, "conflict"), guid_of(&printed, "conflict"));
}

#[test]
fn the_qdpx_holds_a_valid_project_whose_positions_fit_its_sources() {
    let dir = library();
    let root = dir.path();
    let out = tempfile::tempdir().unwrap();
    let qdpx = out.path().join("study.qdpx");
    ok(&[
        "export",
        root.to_str().unwrap(),
        "--format",
        "qdpx",
        "-o",
        qdpx.to_str().unwrap(),
    ]);
    let mut zip = zip::ZipArchive::new(fs::File::open(&qdpx).unwrap()).unwrap();
    let mut read = |name: &str| -> String {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let qde = read("project.qde");
    let file = out.path().join("project.qde");
    fs::write(&file, &qde).unwrap();
    validate("Project-mrt2019.xsd", &file).unwrap();
    let xml = roxmltree::Document::parse(&qde).unwrap();
    let mut seen = Vec::new();
    for source in xml.descendants().filter(|n| n.has_tag_name("TextSource")) {
        let path = source.attribute("plainTextPath").unwrap();
        let text = read(&format!(
            "sources/{}",
            path.strip_prefix("internal://").unwrap()
        ));
        let chars: Vec<char> = text.chars().collect();
        for sel in source
            .children()
            .filter(|n| n.has_tag_name("PlainTextSelection"))
        {
            let at = |a: &str| -> usize { sel.attribute(a).unwrap().parse().unwrap() };
            let quote: String = chars[at("startPosition")..at("endPosition")]
                .iter()
                .collect();
            seen.push((source.attribute("name").unwrap().to_string(), quote));
        }
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            ("b.md".to_string(), "review".to_string()),
            ("wires/a.txt".into(), "Chips & Werkzeuge".into()),
            ("wires/a.txt".into(), "neue Zölle".into()),
        ]
    );
    assert!(qde.contains("<PlainTextContent>Line 1\nLine 2 &amp; &lt;3&gt;</PlainTextContent>"));
    assert!(qde.contains("name=\"Aims\""));
    assert!(
        qde.contains("name=\"market\" isCodable=\"true\""),
        "a tag outside the codebook"
    );

    let refused = gloss(&["export", root.to_str().unwrap(), "--format", "qdpx"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-o FILE.qdpx"));
}

#[test]
fn a_codebook_that_does_not_parse_exports_nothing() {
    let dir = library();
    let root = dir.path();
    fs::write(
        root.join("codebook.toml"),
        "version = 1\n[[code]]\nname = 3\n",
    )
    .unwrap();
    let target = root.join("out.qdc");
    let out = gloss(&[
        "export",
        root.to_str().unwrap(),
        "--format",
        "qdc",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("codebook.toml: line 3") && err.contains("nothing exported"),
        "{err}"
    );
    assert!(!target.exists());
}
