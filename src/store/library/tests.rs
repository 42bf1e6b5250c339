use super::*;
use crate::annotation::{Anchor, Annotation, Annotations, Color};
use crate::document::Chars;
use crate::store::convert::{Extras, to_file};
use std::sync::Arc;

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(path, text).unwrap();
}

/// A sidecar beside `brief` with `notes` (one highlight each; an empty note is none), read
/// 50 % of the way.
fn annotate(brief: &Path, notes: &[&str]) {
    let doc = Document::parse(&fs::read(brief).unwrap(), Format::from_path(brief)).unwrap();
    let items = notes
        .iter()
        .enumerate()
        .map(|(i, note)| {
            let anchor = Anchor::new(&doc, i..i + 1);
            let mut a = Annotation::new(
                uuid::Uuid::from_u128(i as u128 + 1),
                Timestamp::from_second(1_700_000_000 + i as i64).unwrap(),
                Color::Green,
                anchor,
            );
            a.note = (*note).to_string();
            a
        })
        .collect();
    let set = Annotations::from_vec(items, String::new());
    let half = Chars(doc.char_len().get() / 2);
    let file = to_file(&doc, "x", &set, half, &Extras::default());
    fs::write(beside(brief), format::write(&file).unwrap()).unwrap();
}

fn scanned(root: &Path) -> Vec<Summary> {
    let mut all = Vec::new();
    scan(root, |s| {
        all.push(s);
        true
    });
    all
}

#[test]
fn every_brief_under_the_folder_once_with_what_its_start_and_sidecar_say() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("a.txt"),
        "Chip curbs widen\nThe Netherlands joined new curbs.\n",
    );
    write(
        &root.join("wires/b.md"),
        "+++\ntitle = \"Probe opened\"\nsource = \"Wire\"\npublished = 2026-11-20\n+++\nBody.\n",
    );
    write(&root.join(".hidden/c.txt"), "Hidden\n");
    write(&root.join("notes.pdf"), "not a brief");
    annotate(&root.join("a.txt"), &["why now?", ""]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("wires/loop")).unwrap();

    let all = scanned(root);
    let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["a.txt", "wires/b.md"],
        "sidecars, hidden folders and other files are not briefs; the loop is followed once"
    );
    let a = &all[0];
    assert_eq!(a.title.as_deref(), Some("Chip curbs widen"));
    assert_eq!((a.highlights, a.notes, a.review), (2, 1, 0));
    assert_eq!(a.progress, Some(50));
    assert_eq!(
        a.annotated,
        Some(Timestamp::from_second(1_700_000_001).unwrap())
    );
    let b = &all[1];
    assert_eq!(b.title.as_deref(), Some("Probe opened"));
    assert_eq!(b.source.as_deref(), Some("Wire"));
    assert_eq!(b.published.as_deref(), Some("2026-11-20"));
    assert_eq!((b.highlights, b.progress), (0, None));
}

#[test]
fn a_broken_sidecar_or_a_binary_brief_is_listed_with_its_problem() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("broken.txt"), "Broken\nbody\n");
    let sidecar = beside(&root.join("broken.txt"));
    fs::write(&sidecar, "version = 1\n[document\n").unwrap();
    fs::write(root.join("binary.txt"), b"PK\x03\x04\x00\x00").unwrap();
    let all = scanned(root);
    let problem = |name: &str| {
        all.iter()
            .find(|s| s.name == name)
            .and_then(|s| s.problem.clone())
            .unwrap_or_default()
    };
    assert!(
        problem("binary.txt").contains("binary"),
        "{}",
        problem("binary.txt")
    );
    assert!(
        problem("broken.txt").contains("broken.txt.gloss.toml: line 2"),
        "{}",
        problem("broken.txt")
    );
    assert_eq!(
        fs::read_to_string(&sidecar).unwrap(),
        "version = 1\n[document\n",
        "never touched"
    );
}

#[test]
fn an_empty_folder_has_no_briefs_and_stopping_early_stops() {
    let dir = tempfile::tempdir().unwrap();
    assert!(scanned(dir.path()).is_empty());
    for n in 0..5 {
        write(&dir.path().join(format!("{n}.txt")), "T\nx\n");
    }
    let mut count = 0;
    scan(dir.path(), |_| {
        count += 1;
        count < 2
    });
    assert_eq!(count, 2);
}

#[test]
fn a_changed_file_is_about_its_brief_or_about_nothing() {
    let root = Path::new("/lib");
    let of = |p: &str| brief_of(root, Path::new(p));
    assert_eq!(of("/lib/a.txt"), Some(PathBuf::from("/lib/a.txt")));
    assert_eq!(
        of("/lib/w/b.md.gloss.toml"),
        Some(PathBuf::from("/lib/w/b.md"))
    );
    assert_eq!(of("/lib/w/b.md.gloss.toml.lock"), None);
    assert_eq!(of("/lib/w/b.md.gloss.toml.bak"), None);
    assert_eq!(of("/lib/.git/a.txt"), None);
    assert_eq!(of("/lib/.a.txt.swp"), None);
    assert_eq!(of("/lib/report.pdf"), None);
    assert_eq!(of("/elsewhere/a.txt"), None);
}

#[test]
fn a_brief_re_issued_since_it_was_annotated_is_marked_changed() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("a.txt");
    write(
        &brief,
        "Chip curbs widen\nThe Netherlands joined new curbs.\n",
    );
    annotate(&brief, &["first"]);
    assert!(
        !scanned(dir.path())[0].changed,
        "the text it was annotated on"
    );
    write(
        &brief,
        "Chip curbs widen\nThe Netherlands joined the new curbs.\n",
    );
    assert!(scanned(dir.path())[0].changed, "corrected since");
}

#[test]
fn web_pages_are_listed_with_their_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let page = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/html/news.html"
    ))
    .unwrap();
    write(&root.join("web/news.html"), &page);
    write(
        &root.join("web/old.HTM"),
        "<title>Old page</title><p>Short.</p>",
    );
    let mut all = scanned(root);
    all.sort_by(|a, b| a.name.cmp(&b.name));
    let titles: Vec<Option<&str>> = all.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Dutch join widened chip export curbs"),
            Some("Old page")
        ]
    );
    assert_eq!(all[0].source.as_deref(), Some("Harbour Wire"));
    assert_eq!(all[0].published.as_deref(), Some("2026-11-20T08:30:00Z"));
    assert!(all[0].problem.is_none());
}

#[test]
fn scan_batches_sends_every_name_first_then_what_each_brief_says() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..BATCH + 6 {
        write(
            &root.join(format!("f{}/b{i:03}.txt", i % 3)),
            &format!("Title {i}\nBody.\n"),
        );
    }
    let batches = std::sync::Mutex::new(Vec::new());
    scan_batches(root, |batch| {
        batches.lock().unwrap().push(batch);
        true
    });
    let batches = batches.into_inner().unwrap();
    assert_eq!(
        batches[0].len(),
        BATCH,
        "a screenful of names as soon as the walk finds them"
    );
    assert_eq!(
        batches[1].len(),
        6,
        "the rest of the names when the walk is done"
    );
    assert!(
        batches[..2]
            .iter()
            .flatten()
            .all(|s| s.pending && s.title.is_none())
    );
    let read: Vec<&Summary> = batches[2..].iter().flatten().collect();
    assert_eq!(read.len(), BATCH + 6, "then every brief, read");
    assert!(read.iter().all(|s| !s.pending && s.title.is_some()));
}

#[test]
fn conflict_copies_beside_a_sidecar_are_counted_by_both_scans() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a/synced.txt"), "Synced\nBody.\n");
    write(&root.join("a/plain.txt"), "Plain\nBody.\n");
    write(&root.join("b/other.txt"), "Other\nBody.\n");
    annotate(&root.join("a/synced.txt"), &["x"]);
    for copy in [
        "a/synced.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml",
        "a/synced.txt.gloss (conflicted copy 2026-12-01 101500).toml",
    ] {
        write(&root.join(copy), "version = 1\n");
    }
    let counts = |mut all: Vec<Summary>| {
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all.iter()
            .map(|s| (s.name.clone(), s.conflicts))
            .collect::<Vec<_>>()
    };
    let want = vec![
        ("a/plain.txt".to_string(), 0),
        ("a/synced.txt".to_string(), 2),
        ("b/other.txt".to_string(), 0),
    ];
    assert_eq!(counts(scanned(root)), want);
    let batches = std::sync::Mutex::new(Vec::new());
    scan_batches(root, |batch| {
        // The names sent first know nothing of copies; what the scan read does.
        batches
            .lock()
            .unwrap()
            .extend(batch.into_iter().filter(|s| !s.pending));
        true
    });
    assert_eq!(counts(batches.into_inner().unwrap()), want);
    let copy = root.join("a/synced.txt.gloss (conflicted copy 2026-12-01 101500).toml");
    assert_eq!(brief_of(root, &copy), Some(root.join("a/synced.txt")));
}

#[test]
fn a_big_brief_re_issued_is_marked_too_hashed_only_when_its_size_or_time_changed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("data").join(hashes::FILE);
    let root = dir.path().join("lib");
    let brief = root.join("big.txt");
    // Past the first screen the scan reads (32 KiB): only the remembered hash can tell.
    let para = "The council met again to discuss the budget and the bypass road at length.\n";
    let text = format!("Budget talks\n{}", para.repeat(600));
    write(&brief, &text);
    annotate(&brief, &[""]);
    let look = || {
        let hashes = hashes::TextHashes::load(&cache);
        let s = summary_in(&root, &brief, Some(&hashes));
        hashes.save();
        s
    };
    assert!(
        !summary(&root, &brief).changed,
        "unknown without the hashes"
    );
    assert!(!look().changed, "the text it was annotated on");
    assert!(
        fs::read_to_string(&cache).unwrap().contains("big.txt"),
        "remembered"
    );
    write(&brief, &text.replacen("bypass road", "ring road", 1));
    assert!(look().changed, "re-issued");
    assert!(look().changed, "still, from what is remembered");
}

#[test]
fn a_brief_read_but_not_annotated_is_marked_when_re_issued() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("a.txt");
    write(
        &brief,
        "Chip curbs widen\nThe Netherlands joined new curbs.\n",
    );
    annotate(&brief, &[]);
    assert!(!scanned(dir.path())[0].changed);
    write(
        &brief,
        "Chip curbs widen\nThe Netherlands joined the curbs.\n",
    );
    assert!(
        scanned(dir.path())[0].changed,
        "the reading position was on the old text"
    );
}

#[test]
fn a_sidecar_past_its_limit_is_named_and_skipped_never_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("a.txt");
    write(&brief, "A brief\n");
    let side = dir.path().join("a.txt.gloss.toml");
    std::fs::File::create(&side)
        .unwrap()
        .set_len(crate::store::limits::SIDECAR.bytes + 1)
        .unwrap();
    let err = sidecars::read(&side).unwrap_err();
    assert!(
        err.contains("a.txt.gloss.toml") && err.contains("annotation files up to 8 MiB"),
        "{err}"
    );
}

#[test]
fn a_brief_read_and_never_annotated_is_marked_when_re_issued() {
    // No sidecar at all (a reading position alone writes none): what was read is remembered
    // in the data folder, as the reader does once the brief is whole.
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("data").join(hashes::FILE);
    let root = dir.path().join("lib");
    let (read, unread) = (root.join("read.txt"), root.join("unread.txt"));
    let first = "Chip curbs widen\nThe Netherlands joined new curbs.\n";
    write(&read, first);
    write(&unread, first);
    let look = |brief: &Path| {
        let hashes = hashes::TextHashes::load(&cache);
        let s = summary_in(&root, brief, Some(&hashes));
        hashes.save();
        s.changed
    };
    let doc = Document::parse(first.as_bytes(), Format::Plain).unwrap();
    let file = cache.with_file_name(reads::FILE);
    reads::record(&file, &read, &crate::store::convert::text_hash(&doc)).unwrap();
    assert!(!look(&read), "read as it is");
    let corrected = "Chip curbs widen\nThe Netherlands joined the curbs.\n";
    write(&read, corrected);
    write(&unread, corrected);
    assert!(look(&read), "re-issued since it was read");
    assert!(!look(&unread), "never read: nothing to compare with");
    // Read again: no longer marked.
    let doc = Document::parse(corrected.as_bytes(), Format::Plain).unwrap();
    reads::record(&file, &read, &crate::store::convert::text_hash(&doc)).unwrap();
    assert!(!look(&read));
}

#[test]
fn rows_of_the_notes_view_share_their_brief_tags_and_author_and_keep_only_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "sub/b.txt"] {
        let brief = dir.path().join(name);
        write(
            &brief,
            "Chip tools face new curbs.\n\nShares fell on the news.\n",
        );
        let doc = Document::parse(&fs::read(&brief).unwrap(), Format::Plain).unwrap();
        let items = (0..3)
            .map(|i| {
                let mut a = Annotation::new(
                    uuid::Uuid::from_u128(i + 1),
                    Timestamp::from_second(1_700_000_000).unwrap(),
                    Color::Red,
                    Anchor::new(&doc, 0..9),
                );
                a.tags = vec!["policy/eu".into(), "market".into()];
                a.author = "Ana".into();
                a.note = format!("note {i}");
                a
            })
            .collect();
        let set = Annotations::from_vec(items, String::new());
        let file = to_file(&doc, "x", &set, Chars(0), &Extras::default());
        fs::write(beside(&brief), format::write(&file).unwrap()).unwrap();
    }
    let rows: Vec<Note> = notes_in(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    assert_eq!(rows.len(), 6);
    let first = &rows[0];
    assert_eq!(first.quote, "Chip tool");
    assert_eq!(first.note, "note 0");
    assert_eq!(first.start, Chars(0));
    assert_eq!(&*first.tags, ["policy/eu", "market"]);
    assert_eq!(&*first.brief.heading, "Chip tools face new curbs. · a.txt");
    for row in &rows {
        assert!(
            Arc::ptr_eq(&row.tags, &first.tags),
            "one list of tags for all"
        );
        assert!(
            Arc::ptr_eq(&row.author, &first.author),
            "one author for all"
        );
        assert_eq!(row.quote.capacity(), row.quote.len(), "no spare capacity");
    }
    assert!(Arc::ptr_eq(&rows[1].brief, &first.brief));
    assert!(!Arc::ptr_eq(&rows[3].brief, &first.brief));
    // 150,000 rows of a big library: each row's own bytes (not its texts) stay this small.
    assert!(
        std::mem::size_of::<Note>() <= 128,
        "{}",
        std::mem::size_of::<Note>()
    );
}

#[test]
fn a_brief_that_cannot_be_read_is_listed_with_the_reason_and_touched_never() {
    // Tests run as root here, so permissions cannot stop a read; a brief that is gone, and a
    // folder where a brief should be, fail the same read a permission would.
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.txt");
    let folder = dir.path().join("folder.txt");
    fs::create_dir(&folder).unwrap();
    for path in [&gone, &folder] {
        let s = summary(dir.path(), path);
        let problem = s.problem.unwrap_or_default();
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(problem.contains(&*name), "{problem}");
    }
    assert!(!gone.exists(), "nothing written for it");
    assert!(fs::read_dir(&folder).unwrap().next().is_none());
}
