//! Snapshots on disk: round trip, corruption, the size on English prose, and pruning.

use super::*;
use crate::document::{Document, Format};

fn text() -> String {
    let doc = Document::parse(
        include_bytes!("../../../seeds/micron-cac-probe.txt"),
        Format::Plain,
    )
    .unwrap();
    doc.text().to_string()
}

#[test]
fn a_snapshot_round_trips_and_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().join("snapshots"));
    let text = text();
    let sha = sha256_hex(text.as_bytes());
    assert_eq!(snaps.load(&sha), None);
    assert!(snaps.save(&sha, &text).unwrap());
    assert_eq!(snaps.load(&sha).as_deref(), Some(text.as_str()));
    assert!(
        !snaps.save(&sha, &text).unwrap(),
        "a sound snapshot is kept"
    );
    // A text that does not have the hash, or a name that is not one, is refused.
    assert!(snaps.save(&sha, "other").is_err());
    assert!(snaps.save("../x", &text).is_err());
    assert_eq!(snaps.load("../x"), None);
}

/// A text past [`pack::SMALL`], kept in a file of its own.
fn long_text() -> String {
    let mut long = text();
    while long.len() <= pack::SMALL {
        long.push_str(&format!("\n{} {}", long.len(), text()));
    }
    long
}

#[test]
fn a_corrupt_snapshot_is_absent_and_replaced_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().to_path_buf());
    let text = long_text();
    let sha = sha256_hex(text.as_bytes());
    let path = snaps.path(&sha).unwrap();
    for bytes in [
        b"not zstd at all".to_vec(),
        zstd::bulk::compress(b"other text", 3).unwrap(),
    ] {
        fs::write(&path, bytes).unwrap();
        assert_eq!(snaps.load(&sha), None);
        assert!(snaps.save(&sha, &text).unwrap());
        assert_eq!(snaps.load(&sha).as_deref(), Some(text.as_str()));
    }
    // Cut short.
    let whole = fs::read(&path).unwrap();
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    assert_eq!(snaps.load(&sha), None);
    assert!(
        snaps.packs().files().is_empty(),
        "a long text has a file of its own"
    );
}

/// The seeds' briefs (real English news prose), in name order.
fn seed_texts() -> Vec<String> {
    let mut briefs = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                briefs.push(path);
            }
        }
    }
    briefs.sort();
    briefs
        .iter()
        .map(|p| {
            let doc = Document::parse(&fs::read(p).unwrap(), Format::from_path(p)).unwrap();
            doc.text().to_string()
        })
        .collect()
}

/// Bytes `path` takes on disk (whole blocks of the file system).
fn on_disk(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().blocks() * 512
}

/// The seeds' eleven briefs (2-5 KB each), kept one by one as gloss keeps them, take at most
/// 35% of their size: they go into one pack. Each alone would take about 46% (zstd has too
/// little text to learn from), and a whole block of the file system on disk.
#[test]
fn english_prose_takes_at_most_35_percent_of_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().to_path_buf());
    let texts = seed_texts();
    let total: usize = texts.iter().map(String::len).sum();
    for t in &texts {
        assert!(t.len() <= pack::SMALL);
        assert!(snaps.save(&sha256_hex(t.as_bytes()), t).unwrap());
    }
    let files = snaps.packs().files();
    assert_eq!(files.len(), 1, "{files:?}");
    let packed = fs::metadata(&files[0].1).unwrap().len() as f64;
    let ratio = packed / total as f64;
    assert!(ratio <= 0.35, "snapshots take {ratio:.3} of the text");
    // Alone, each would take more, and a block of its own on disk.
    let alone: usize = texts
        .iter()
        .map(|t| zstd::bulk::compress(t.as_bytes(), LEVEL).unwrap().len())
        .sum();
    assert!(alone as f64 / total as f64 > 0.4, "{alone} of {total}");
    let blocks = on_disk(&files[0].1) as f64 / total as f64;
    eprintln!(
        "seeds: {total} bytes; packed {ratio:.3}, on disk {blocks:.3}; alone {:.3}",
        alone as f64 / total as f64
    );
    assert!(
        blocks <= 0.45,
        "the pack takes {blocks:.3} of the text on disk"
    );
    // Every one reads back.
    for t in &texts {
        assert_eq!(
            snaps.load(&sha256_hex(t.as_bytes())).as_deref(),
            Some(t.as_str())
        );
    }
    assert_eq!(snaps.hashes().len(), texts.len());
}

#[test]
fn gc_keeps_what_sidecars_refer_to_and_forgets_sidecars_gone() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().join("snapshots"));
    let library = dir.path().join("library");
    fs::create_dir_all(library.join("sub")).unwrap();
    let texts = ["T\nfirst", "T\nsecond", "T\nthird", "T\nfourth"];
    let shas: Vec<String> = texts.iter().map(|t| sha256_hex(t.as_bytes())).collect();
    for (t, s) in texts.iter().zip(&shas) {
        snaps.save(s, t).unwrap();
    }
    let sidecar = |p: &Path, sha: &str| {
        fs::write(p, format!("version = 1\n[document]\nsha256 = \"{sha}\"\n")).unwrap();
    };
    // One under the folder given, one remembered elsewhere, one only in a `.bak`.
    sidecar(&library.join("sub/a.txt.gloss.toml"), &shas[0]);
    let elsewhere = dir.path().join("b.txt.gloss.toml");
    sidecar(&elsewhere, &shas[1]);
    snaps.remember(&elsewhere).unwrap();
    fs::write(
        library.join("sub/a.txt.gloss.toml.bak"),
        format!("sha256 = \"{}\"", shas[2]),
    )
    .unwrap();
    let gone = dir.path().join("gone.gloss.toml");
    sidecar(&gone, &shas[3]);
    snaps.remember(&gone).unwrap();
    fs::remove_file(&gone).unwrap();

    let done = snaps.gc(std::slice::from_ref(&library)).unwrap();
    assert_eq!((done.kept, done.removed, done.sidecars), (3, 1, 2));
    assert!(done.freed > 0);
    assert!(snaps.load(&shas[0]).is_some());
    assert!(snaps.load(&shas[1]).is_some());
    assert!(snaps.load(&shas[2]).is_some());
    assert!(snaps.load(&shas[3]).is_none());
    // The folder's sidecar is remembered: a gc without it still keeps its snapshot.
    let again = snaps.gc(&[]).unwrap();
    assert_eq!((again.kept, again.removed), (3, 0));
    fs::remove_file(&elsewhere).unwrap();
    assert_eq!(snaps.gc(&[]).unwrap().removed, 1);
}

#[test]
fn a_snapshot_file_past_its_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().join("snapshots"));
    let text = text();
    let sha = sha256_hex(text.as_bytes());
    fs::create_dir_all(snaps.dir()).unwrap();
    let path = snaps.path(&sha).unwrap();
    fs::File::create(&path)
        .unwrap()
        .set_len(limits::SNAPSHOT.bytes + 1)
        .unwrap();
    let err = snaps.read(&sha).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
    assert!(
        err.to_string()
            .contains("gloss reads text snapshots up to 256 MiB"),
        "{err}"
    );
    assert_eq!(snaps.load(&sha), None, "absent to the reader");
    // The next save writes a sound one over it.
    assert!(snaps.save(&sha, &text).unwrap());
    assert_eq!(snaps.read(&sha).unwrap().as_deref(), Some(text.as_str()));
}

#[test]
fn gc_stops_before_deleting_anything_at_a_sidecar_past_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().join("snapshots"));
    let library = dir.path().join("library");
    fs::create_dir_all(&library).unwrap();
    let sha = sha256_hex(b"T\nfirst");
    snaps.save(&sha, "T\nfirst").unwrap();
    let huge = library.join("a.txt.gloss.toml");
    fs::File::create(&huge)
        .unwrap()
        .set_len(limits::SIDECAR.bytes + 1)
        .unwrap();
    let err = snaps.gc(std::slice::from_ref(&library)).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
    let said = err.to_string();
    assert!(
        said.contains("a.txt.gloss.toml: it is 8.0 MiB; gloss reads annotation files up to 8 MiB"),
        "{said}"
    );
    assert!(snaps.load(&sha).is_some(), "nothing deleted");
    // A hostile entry in the list of sidecars is refused the same way.
    fs::remove_file(&huge).unwrap();
    let known = snaps.dir().join("known").join("0".repeat(32));
    fs::File::create(&known)
        .unwrap()
        .set_len(limits::KNOWN_ENTRY.bytes + 1)
        .unwrap();
    let err = snaps.gc(&[]).unwrap_err();
    assert!(err.to_string().contains("up to 64 KiB"), "{err}");
    assert!(snaps.load(&sha).is_some(), "nothing deleted");
}
