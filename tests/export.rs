//! Exports, imports and the other commands for scripts through the real binary: `export`
//! in every format to standard output and to files, re-export into a note, a folder,
//! `import-annotations` back, `cat`, `completions`, `man`, and their bad arguments.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::path::{Path, PathBuf};

mod support {
    pub mod run;
}
use support::run::{gloss, ok};

fn failed(args: &[&str], code: i32) -> String {
    let out = gloss(args);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {out:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// A brief with two highlights, one with a note and a tag and a hostile note.
fn annotated(dir: &Path) -> PathBuf {
    let brief = dir.join("curbs.md");
    std::fs::write(
        &brief,
        "+++\ntitle = \"Dutch curbs widen\"\nurl = \"https://example.com/curbs\"\n+++\nThe Netherlands joined new curbs on chip tools.\n\nChina opened a cybersecurity review of Micron.\n",
    )
    .unwrap();
    let b = brief.to_str().unwrap();
    ok(&[
        "annotate",
        b,
        "--quote",
        "new curbs",
        "--color",
        "green",
        "--tag",
        "semis",
        "--note",
        "Why now?\u{1b}[2J",
    ]);
    ok(&[
        "annotate",
        b,
        "--quote",
        "cybersecurity review",
        "--color",
        "red",
    ]);
    brief
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_format_goes_to_standard_output_with_nothing_raw() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    for format in ["markdown", "w3c", "hypothesis", "html", "json", "csv"] {
        let out = ok(&["export", s(&brief), "--format", format]);
        assert!(out.contains("new curbs"), "{format}: {out}");
        assert!(
            !out.contains('\u{1b}'),
            "{format}: an escape reached stdout"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["export", s(&brief), "--format", "json"])).unwrap();
    let list: serde_json::Value =
        serde_json::from_str(&ok(&["list", s(&brief), "--json"])).unwrap();
    assert_eq!(json, list, "json is gloss list --json");
    let w3c: serde_json::Value =
        serde_json::from_str(&ok(&["export", s(&brief), "--format", "w3c"])).unwrap();
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["total"], 2);
    assert_eq!(
        w3c["first"]["items"][0]["target"]["source"],
        "https://example.com/curbs"
    );
    let csv = ok(&["export", s(&brief), "--format", "csv"]);
    assert!(
        csv.starts_with("Highlight,Title,Author,URL,Note,Location,Date,Annotator\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "new curbs,Dutch curbs widen,,https://example.com/curbs,\".semis\nWhy now?␛[2J\""
        ),
        "{csv}"
    );
}

#[test]
fn a_markdown_note_exported_again_keeps_what_the_user_added() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    let note = dir.path().join("Curbs.md");
    ok(&["export", s(&brief), "--format", "markdown", "-o", s(&note)]);
    let first = std::fs::read_to_string(&note).unwrap();
    assert!(first.contains("> [!quote] green · "), "{first}");
    assert!(first.contains("--at "), "{first}");
    std::fs::write(&note, format!("{first}\n## My conclusions\nKeep this.\n")).unwrap();
    ok(&[
        "annotate",
        s(&brief),
        "--quote",
        "Micron",
        "--color",
        "blue",
    ]);
    ok(&[
        "export",
        s(&brief),
        "--format",
        "markdown",
        "-o",
        s(&note),
        "--group-by",
        "color",
    ]);
    let again = std::fs::read_to_string(&note).unwrap();
    assert!(
        again.ends_with("<!-- gloss:end -->\n\n## My conclusions\nKeep this.\n"),
        "{again}"
    );
    assert!(again.contains("## blue"), "{again}");
    // A file gloss did not write is never overwritten.
    let mine = dir.path().join("mine.md");
    std::fs::write(&mine, "# My own note\n").unwrap();
    let err = failed(
        &["export", s(&brief), "--format", "markdown", "-o", s(&mine)],
        1,
    );
    assert!(err.contains("mine.md: it has no gloss markers"), "{err}");
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "# My own note\n");
}

#[test]
fn a_folder_exports_every_brief() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("wires")).unwrap();
    annotated(&dir.path().join("wires"));
    std::fs::write(
        dir.path().join("plain.txt"),
        "Plain brief\nNothing marked here.\n",
    )
    .unwrap();
    let out = dir.path().join("notes");
    ok(&["export", s(dir.path()), "--format", "html", "-o", s(&out)]);
    assert!(out.join("wires/curbs.html").exists());
    assert!(out.join("plain.html").exists());
    let page = std::fs::read_to_string(out.join("wires/curbs.html")).unwrap();
    assert!(
        page.contains("<mark class=\"gloss-green\" title=\"gloss ")
            && page.contains(" --at ")
            && page.contains("\">new curbs</mark>"),
        "{page}"
    );
    let err = failed(&["export", s(dir.path()), "--format", "html"], 1);
    assert!(err.contains("give -o FOLDER"), "{err}");
    let notes: serde_json::Value =
        serde_json::from_str(&ok(&["export", s(dir.path()), "--format", "json"])).unwrap();
    assert_eq!(notes.as_array().unwrap().len(), 2);
    assert_eq!(notes[0]["brief"], "wires/curbs.md");
}

#[test]
fn a_template_replaces_the_layout_and_a_broken_one_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    let template = dir.path().join("note.j2");
    std::fs::write(
        &template,
        "{{ brief.title }}\n{% for h in highlights %}* {{ h.quote }} [{{ h.color }}]\n{% endfor %}",
    )
    .unwrap();
    let out = ok(&[
        "export",
        s(&brief),
        "--format",
        "markdown",
        "--template",
        s(&template),
    ]);
    assert_eq!(
        out,
        "Dutch curbs widen\n* new curbs [green]\n* cybersecurity review [red]\n"
    );
    std::fs::write(&template, "ok\n\n{% for h in highlights %}\n{{ h.quote }\n").unwrap();
    let err = failed(
        &[
            "export",
            s(&brief),
            "--format",
            "markdown",
            "--template",
            s(&template),
        ],
        1,
    );
    assert!(err.contains("note.j2: line 4: syntax error"), "{err}");
}

#[test]
fn exports_round_trip_through_import_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    for format in ["w3c", "hypothesis"] {
        let json = dir.path().join(format!("{format}.json"));
        ok(&["export", s(&brief), "--format", format, "-o", s(&json)]);
        let copy = dir.path().join(format!("copy-{format}.md"));
        std::fs::copy(&brief, &copy).unwrap();
        let said = ok(&["import-annotations", s(&copy), "--from", s(&json)]);
        assert_eq!(
            said,
            "imported 2 (0 to review, 0 orphaned), skipped 0 already there\n"
        );
        // Times come back to the second, as the formats write them.
        let listed = |p: &Path| {
            let mut v: serde_json::Value =
                serde_json::from_str(&ok(&["list", s(p), "--json"])).unwrap();
            for a in v.as_array_mut().unwrap() {
                for key in ["created", "updated"] {
                    let t = a[key].as_str().unwrap().to_string();
                    a[key] = t[..19].into();
                }
            }
            v
        };
        assert_eq!(listed(&copy), listed(&brief), "{format}");
        let again = ok(&["import-annotations", s(&copy), "--from", s(&json)]);
        assert_eq!(
            again,
            "imported 0 (0 to review, 0 orphaned), skipped 2 already there\n"
        );
    }
}

#[test]
fn an_import_that_is_not_annotations_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    let sidecar = dir.path().join("curbs.md.gloss.toml");
    let before = std::fs::read(&sidecar).unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"annotations": [{"target": [{"selector": [{"type": "TextQuoteSelector", "exact": "new curbs"}]}]}, {"target": [{"selector": [{"type": "TextQuoteSelector"}]}]}]}"#).unwrap();
    let err = failed(&["import-annotations", s(&brief), "--from", s(&bad)], 1);
    assert!(
        err.contains("bad.json: $.annotations[1].target[0].selector[0]: a TextQuoteSelector needs \"exact\"; nothing imported"),
        "{err}"
    );
    std::fs::write(&bad, "{\"annotations\": [\n  1,\n").unwrap();
    let err = failed(&["import-annotations", s(&brief), "--from", s(&bad)], 1);
    assert!(
        err.contains("bad.json: line 3, column 0: not JSON"),
        "{err}"
    );
    assert_eq!(std::fs::read(&sidecar).unwrap(), before, "nothing written");
    let err = failed(
        &[
            "import-annotations",
            s(&brief),
            "--from",
            "/nonexistent/a.json",
        ],
        1,
    );
    assert!(err.contains("cannot open /nonexistent/a.json"), "{err}");
}

#[test]
fn bad_arguments_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    let err = failed(&["export", s(&brief), "--format", "pdf"], 2);
    assert!(err.contains("invalid value 'pdf'"), "{err}");
    failed(&["export", s(&brief)], 2);
    failed(
        &[
            "export",
            s(&brief),
            "--format",
            "markdown",
            "--group-by",
            "size",
        ],
        2,
    );
    let err = failed(&["export", "/nonexistent/b.md", "--format", "csv"], 1);
    assert!(err.contains("cannot open /nonexistent/b.md"), "{err}");
    let err = failed(
        &[
            "export",
            s(&brief),
            "--format",
            "csv",
            "--template",
            s(&brief),
        ],
        1,
    );
    assert!(
        err.contains("--template is for --format markdown only"),
        "{err}"
    );
    failed(&["import-annotations", s(&brief)], 2);
    failed(&["cat"], 2);
    failed(&["cat", s(&brief), "--width", "5"], 2);
    failed(&["cat", s(&brief), "--color", "sometimes"], 2);
    failed(&["completions", "tcsh"], 2);
    let err = failed(&["cat", "/nonexistent/c.txt"], 1);
    assert!(err.contains("cannot open /nonexistent/c.txt"), "{err}");
    let err = failed(&[s(&brief), "--at", "later"], 2);
    assert!(err.contains("neither an annotation id"), "{err}");
}

#[test]
fn cat_prints_for_a_pipe_and_colours_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let brief = annotated(dir.path());
    let plain = ok(&["cat", s(&brief), "--width", "30"]);
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    assert!(plain.lines().all(|l| l.chars().count() <= 30), "{plain}");
    assert!(
        plain.contains("Notes\n  1 “new curbs”\n    Why now?␛[2J\n"),
        "{plain}"
    );
    let coloured = ok(&["cat", s(&brief), "--width", "30", "--color", "always"]);
    assert!(coloured.contains("\u{1b}["), "{coloured:?}");
    assert!(
        !coloured.contains("\u{1b}[2J"),
        "the note's own escape is neutralised"
    );
    let text = ok(&["cat", s(&brief), "--plain"]);
    assert_eq!(
        text,
        "Dutch curbs widen\nThe Netherlands joined new curbs on chip tools.\nChina opened a cybersecurity review of Micron.\n"
    );
    let themes = ok(&["themes"]);
    assert!(!themes.contains('\u{1b}'), "themes into a pipe: {themes:?}");
    assert!(ok(&["themes", "--color", "always"]).contains("\u{1b}["));
}

#[test]
fn completions_and_the_man_page() {
    let bash = ok(&["completions", "bash"]);
    assert!(
        bash.contains("_gloss()") && bash.contains("import-annotations"),
        "{bash}"
    );
    let zsh = ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef gloss"), "{zsh}");
    let fish = ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c gloss"), "{fish}");
    let man = ok(&["man"]);
    assert!(man.contains(".TH gloss"), "{man}");
    assert!(man.contains("export"), "{man}");
}
