use std::fs;
use std::path::Path;

use jiff::Timestamp;

use super::*;
use crate::annotation::{Anchor, Annotation, Annotations};
use crate::document::{Document, Format};
use crate::store::convert::{Extras, to_file};
use crate::store::format;
use crate::store::library::beside;

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(path, text).unwrap();
}

/// A sidecar beside `brief` with one highlight on `quote`, noted, tagged, coloured.
fn annotate(brief: &Path, quote: &str, note: &str, tags: &[&str], color: Color) {
    let doc = Document::parse(&fs::read(brief).unwrap(), Format::from_path(brief)).unwrap();
    let at = doc.text().find(quote).unwrap();
    let chars = doc.char_offset(at).0..doc.char_offset(at + quote.len()).0;
    let mut items: Vec<Annotation> = match fs::read(beside(brief)) {
        Ok(bytes) => {
            let file = format::parse_bytes(&bytes).unwrap();
            crate::store::place::place(&doc, &file)
                .annotations
                .iter()
                .cloned()
                .collect()
        }
        Err(_) => Vec::new(),
    };
    let mut a = Annotation::new(
        uuid::Uuid::now_v7(),
        Timestamp::from_second(1_700_000_000).unwrap(),
        color,
        Anchor::new(&doc, chars),
    );
    a.note = note.to_string();
    a.tags = tags.iter().map(|t| (*t).to_string()).collect();
    items.push(a);
    let set = Annotations::from_vec(items, String::new());
    let file = to_file(
        &doc,
        "x",
        &set,
        crate::document::Chars(0),
        &Extras::default(),
    );
    fs::write(beside(brief), format::write(&file).unwrap()).unwrap();
}

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("wires/curbs.md"),
        "+++\ntitle = \"Dutch curbs widen\"\n+++\nThe Netherlands joined new curbs on chip tools.\n",
    );
    write(
        &root.join("probe.txt"),
        "Micron under fire\nChina opened a cybersecurity review of Micron.\n",
    );
    write(&root.join("quiet.txt"), "Nothing here\nOnly weather.\n");
    annotate(
        &root.join("wires/curbs.md"),
        "new curbs",
        "second round of controls",
        &["policy/export"],
        Color::Yellow,
    );
    annotate(
        &root.join("probe.txt"),
        "cybersecurity review",
        "why now?",
        &["retaliation"],
        Color::Red,
    );
    dir
}

/// Every brief with hits, as (name, [(kind, start, end)]).
type Summary = Vec<(String, Vec<(Kind, usize, usize)>)>;

fn run(root: &Path, query: &str, index: Option<&Path>) -> (Summary, Stats) {
    let request = Request::parse(query).unwrap();
    let mut all = Vec::new();
    let stats = search(root, &request, index, |f| {
        let hits = f
            .hits
            .iter()
            .map(|h| (h.kind, h.start.0, h.end.0))
            .collect();
        all.push((f.name, hits));
    });
    (all, stats)
}

#[test]
fn text_quotes_notes_and_tags_are_found_with_smart_case_and_narrowing() {
    let dir = library();
    let root = dir.path();
    let (found, stats) = run(root, "curbs", None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "wires/curbs.md");
    let kinds: Vec<Kind> = found[0].1.iter().map(|h| h.0).collect();
    assert_eq!(kinds, [Kind::Text, Kind::Text, Kind::Quote]);
    assert_eq!(stats.briefs, 3);
    assert_eq!(stats.read, 3, "no index: every brief read");
    assert_eq!(run(root, "second round", None).0[0].1[0].0, Kind::Note);
    assert_eq!(run(root, "retaliation", None).0[0].1[0].0, Kind::Tag);
    assert_eq!(run(root, "micron", None).0[0].1.len(), 2);
    assert_eq!(
        run(root, "MICRON", None).0.len(),
        0,
        "capitals match exactly"
    );
    assert!(
        run(root, "#policy chip", None).0.is_empty(),
        "chip is not under the highlight"
    );
    let narrowed = run(root, "#policy curbs", None).0;
    assert_eq!(narrowed[0].1.len(), 2, "the text covered and the quote");
    let red = run(root, "color:red review", None).0;
    assert_eq!(red[0].0, "probe.txt");
    assert!(
        Request::parse("#policy color:red").is_err(),
        "nothing to search for"
    );
}

#[test]
fn the_index_gives_what_reading_every_brief_gives_and_reads_only_what_can_match() {
    let dir = library();
    let root = dir.path();
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("index/lib.idx");
    let queries = [
        "curbs",
        "micron",
        "Micron",
        "view of",
        "second round",
        "#policy curbs",
        "weather",
        "zzz",
        "retal",
        ", ",
    ];
    for q in queries {
        let (plain, _) = run(root, q, None);
        let (first, stats) = run(root, q, Some(&index));
        assert_eq!(first, plain, "{q:?}, building the index");
        assert!(index.exists());
        let (second, stats2) = run(root, q, Some(&index));
        assert_eq!(second, plain, "{q:?}, from the index");
        assert_eq!(
            stats2.read, 0,
            "{q:?}: nothing changed, nothing read: {stats:?}"
        );
    }
    // A rare word: only the brief that holds it is read from the index.
    let (_, stats) = run(root, "weather", Some(&index));
    assert_eq!(stats.from_index, 1, "{stats:?}");
    let (_, stats) = run(root, "zzz", Some(&index));
    assert_eq!(stats.from_index, 0);
}

#[test]
fn a_changed_brief_or_sidecar_is_read_again_and_a_damaged_index_only_costs_time() {
    let dir = library();
    let root = dir.path();
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("lib.idx");
    run(root, "curbs", Some(&index));
    // Another process adds a note, and a new brief arrives.
    annotate(
        &root.join("quiet.txt"),
        "weather",
        "storm coming",
        &[],
        Color::Blue,
    );
    write(
        &root.join("new/storm.txt"),
        "Storm warning\nA storm over Rotterdam.\n",
    );
    let (found, stats) = run(root, "storm", Some(&index));
    let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        names,
        ["quiet.txt", "new/storm.txt"],
        "a folder's files before its subfolders"
    );
    assert_eq!(
        stats.read, 2,
        "the new brief and the re-annotated one: {stats:?}"
    );
    let (again, stats) = run(root, "storm", Some(&index));
    assert_eq!(again, found);
    assert_eq!(stats.read, 0);
    // A brief deleted is gone from the results.
    fs::remove_file(root.join("new/storm.txt")).unwrap();
    assert_eq!(run(root, "storm", Some(&index)).0.len(), 1);
    // Damage of every kind: truncated, garbage, empty.
    let whole = fs::read(&index).unwrap();
    for damaged in [&whole[..whole.len() / 2], b"garbage".as_slice(), b""] {
        fs::write(&index, damaged).unwrap();
        let (found, stats) = run(root, "curbs", Some(&index));
        assert_eq!(found, run(root, "curbs", None).0);
        assert_eq!(stats.read, 3, "a damaged index is read past");
        assert_eq!(run(root, "curbs", Some(&index)).1.read, 0, "and replaced");
    }
    // Bytes flipped in a record: the record does not decode, the brief is left out of that
    // search or found as it was; nothing panics.
    let mut flipped = fs::read(&index).unwrap();
    for b in flipped.iter_mut().skip(8).take(200) {
        *b ^= 0x5a;
    }
    fs::write(&index, flipped).unwrap();
    let _ = run(root, "curbs", Some(&index));
}

#[test]
fn records_turn_characters_into_bytes_of_their_text() {
    let record = Record {
        title: String::new(),
        text: "a東京b".into(),
        notes: Vec::new(),
    };
    assert_eq!(record.bytes(Chars(1)..Chars(3)), Some(1..7));
    assert_eq!(record.bytes(Chars(0)..Chars(0)), Some(0..0));
    assert_eq!(record.bytes(Chars(4)..Chars(4)), Some(8..8));
    assert_eq!(record.bytes(Chars(3)..Chars(9)), None);
}

#[test]
fn refreshing_the_index_makes_the_next_search_read_nothing() {
    let dir = library();
    let root = dir.path();
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("lib.idx");
    let stats = index::refresh(root, &index);
    assert_eq!(
        (stats.read, stats.matched),
        (3, 0),
        "every brief read, nothing searched"
    );
    let (found, stats) = run(root, "curbs", Some(&index));
    assert_eq!(stats.read, 0, "the index was ready");
    assert_eq!(found, run(root, "curbs", None).0);
    assert_eq!(index::refresh(root, &index).read, 0, "and up to date");
}

/// `author:NAME` narrows to annotations by that author (the whole name, ignoring case), from
/// the files and from the index alike.
#[test]
fn author_narrows_to_annotations_by_that_author() {
    let dir = library();
    let root = dir.path();
    let sidecar = beside(&root.join("probe.txt"));
    let mut file = format::parse_bytes(&fs::read(&sidecar).unwrap()).unwrap();
    for e in &mut file.annotations {
        e.author = "Ana Lopez".into();
    }
    fs::write(&sidecar, format::write(&file).unwrap()).unwrap();
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("lib.idx");
    for index in [None, Some(index.as_path()), Some(index.as_path())] {
        let all = run(root, "review", index).0;
        assert_eq!(all.len(), 1, "{all:?}");
        let by = run(root, "author:ana review", index).0;
        assert!(by.is_empty(), "the whole name, not a part: {by:?}");
        // A one-word query can only give a one-word name; the request can hold any.
        let mut request = Request::parse("review").unwrap();
        request.author = Some("ANA LOPEZ".into());
        let mut names = Vec::new();
        search(root, &request, index, |f| names.push(f.name));
        assert_eq!(names, ["probe.txt"]);
        request.author = Some("Bo".into());
        let mut none = Vec::new();
        search(root, &request, index, |f| none.push(f.name));
        assert!(none.is_empty(), "{none:?}");
    }
    assert!(
        Request::parse("author:ana").is_err(),
        "nothing to search for"
    );
    assert!(Request::parse("author:ana x").unwrap().is_narrowed());
}

/// The context as first written: every character of the paragraph looked at.
fn naive_context(text: &str, hit: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let start = text[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[hit.end..]
        .find('\n')
        .map_or(text.len(), |i| hit.end + i);
    let mut before: Vec<char> = text[start..hit.start].chars().rev().take(CONTEXT).collect();
    before.reverse();
    let before: String = before.into_iter().collect();
    let after: String = text[hit.end..end].chars().take(CONTEXT).collect();
    let safe = |s: &str| crate::sanitize::line(&s.replace('\n', " ")).into_owned();
    let (before, matched, after) = (safe(&before), safe(&text[hit]), safe(&after));
    let marked = before.len() + 1..before.len() + 1 + matched.len();
    (format!("{before}[{matched}]{after}"), marked)
}

#[test]
fn context_is_the_paragraph_near_the_hit_made_safe_whatever_the_paragraphs_length() {
    let long = "ab ".repeat(10_000);
    let texts = [
        format!("{long}needle{long}"),
        "short needle\nnext".to_string(),
        "first\nneedle".to_string(),
        "needle".to_string(),
        format!("{}needle{}", "é".repeat(50), "漢".repeat(50)),
        format!("{}needle{}", "😀".repeat(29), "😀".repeat(31)),
        "a\u{1b}]52;c;x\u{7} needle \u{9b}31m tail\nother".to_string(),
        "line one\nline two needle\nline three".to_string(),
    ];
    for text in &texts {
        let at = text.find("needle").unwrap();
        let hit = at..at + "needle".len();
        let (line, marked) = context(text, hit.clone());
        assert_eq!((line.clone(), marked.clone()), naive_context(text, hit));
        assert_eq!(&line[marked], "needle");
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    }
    // A note's line ends become spaces.
    let note = "one\ntwo needle three\nfour";
    let at = note.find("needle").unwrap();
    let (line, _) = context(note, at..at + 6);
    assert_eq!(line, "two [needle] three");
    let (line, _) = context(note, 0..note.len());
    assert_eq!(line, "[one two needle three four]");
}
