//! Packs of short texts: sharing a file, filling up, damage, other versions, pruning, and the
//! files of their own that gloss wrote for short texts before packs.

use super::*;
use pack::{Entry, FULL, decode, encode};

fn saved(snaps: &Snapshots, text: &str) -> String {
    let sha = sha256_hex(text.as_bytes());
    assert!(snaps.save(&sha, text).unwrap(), "{text}");
    sha
}

fn entry(text: &str) -> Entry {
    Entry {
        sha256: sha256_hex(text.as_bytes()),
        text: text.to_string(),
    }
}

#[test]
fn short_texts_share_a_pack_until_it_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().join("snapshots"));
    let a = saved(&snaps, "T\nthe first brief");
    let b = saved(&snaps, "T\nthe second brief");
    assert_eq!(snaps.packs().files().len(), 1);
    assert!(!snaps.save(&a, "T\nthe first brief").unwrap(), "kept once");
    assert_eq!(snaps.hashes(), {
        let mut both = vec![a.clone(), b.clone()];
        both.sort();
        both
    });
    // Fill the pack: the text that does not fit starts the next one.
    let mut n = 0;
    while snaps.packs().files().len() == 1 {
        let body: String = (0..10_000)
            .map(|i| format!("{} ", (i * 7919 + n * 104_729) % 100_003))
            .collect();
        assert!(body.len() <= pack::SMALL);
        saved(&snaps, &format!("T{n}\n{body}"));
        n += 1;
    }
    let files = snaps.packs().files();
    assert_eq!(files.iter().map(|f| f.0).collect::<Vec<_>>(), [1, 2]);
    let first: usize = pack::read(&files[0].1).iter().map(|e| e.text.len()).sum();
    assert!(first <= FULL && first > FULL - pack::SMALL, "{first}");
    assert_eq!(pack::read(&files[1].1).len(), 1);
    assert_eq!(snaps.load(&a).as_deref(), Some("T\nthe first brief"));
}

#[test]
fn a_damaged_entry_is_absent_and_the_others_are_kept() {
    let entries = [entry("T\none"), entry("T\ntwo"), entry("T\nthree")];
    let raw = zstd::bulk::decompress(&encode(&entries).unwrap(), 1 << 20).unwrap();
    assert_eq!(decode(&raw), entries);
    // One character of the second text altered: its text no longer has the hash asked for.
    let at = raw.windows(3).position(|w| w == b"two").unwrap();
    let mut altered = raw.clone();
    altered[at] = b'z';
    let hashes: Vec<String> = decode(&altered).into_iter().map(|e| e.sha256).collect();
    assert!(hashes.contains(&entries[0].sha256) && hashes.contains(&entries[2].sha256));
    assert!(!hashes.contains(&entries[1].sha256));
    // Cut inside the third: the first two stay.
    assert_eq!(decode(&raw[..raw.len() - 3]), entries[..2]);
    // A length that runs past the end, or a header of something else: nothing from there on.
    let mut long = raw.clone();
    let line = long.windows(3).rposition(|w| w == b"\n7\n").unwrap();
    long[line + 1] = b'9';
    assert_eq!(decode(&long), entries[..2]);
    assert_eq!(decode(b"not a pack\n"), []);
}

#[test]
fn a_pack_cut_short_keeps_what_it_can_and_the_next_save_mends_it() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().to_path_buf());
    // 40 texts of 9 KB that hardly compress: the pack spans several zstd blocks.
    let texts: Vec<String> = (0..40u64)
        .map(|i| {
            let words: String = (0..1000u64)
                .map(|w| format!("{} ", &sha256_hex(format!("{i} {w}").as_bytes())[..8]))
                .collect();
            format!("Brief {i}\n{words}")
        })
        .collect();
    let shas: Vec<String> = texts.iter().map(|t| saved(&snaps, t)).collect();
    let path = snaps.packs().files()[0].1.clone();
    let whole = fs::read(&path).unwrap();
    fs::write(&path, &whole[..whole.len() * 2 / 3]).unwrap();
    let left = snaps.hashes().len();
    assert!(left > 0 && left < texts.len(), "{left}");
    assert_eq!(snaps.load(&shas[0]).as_deref(), Some(texts[0].as_str()));
    assert_eq!(snaps.load(&shas[39]), None, "absent, no error");
    // Saving the lost one again writes a sound pack with what survived and it.
    assert!(snaps.save(&shas[39], &texts[39]).unwrap());
    assert_eq!(snaps.hashes().len(), left + 1);
    assert_eq!(snaps.load(&shas[39]).as_deref(), Some(texts[39].as_str()));
    // Garbage in place of the pack: absent, and replaced at the next save.
    fs::write(&path, b"garbage").unwrap();
    assert!(snaps.hashes().is_empty());
    assert!(snaps.save(&shas[5], &texts[5]).unwrap());
    assert_eq!(snaps.load(&shas[5]).as_deref(), Some(texts[5].as_str()));
}

#[test]
fn a_pack_of_another_version_is_never_rewritten_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().to_path_buf());
    fs::create_dir_all(dir.path().join("packs")).unwrap();
    let newer = zstd::bulk::compress(b"gloss snapshot pack 2\nwhatever it holds", 3).unwrap();
    let path = dir.path().join("packs/1.zst");
    fs::write(&path, &newer).unwrap();
    let sha = saved(&snaps, "T\na text");
    assert_eq!(fs::read(&path).unwrap(), newer);
    assert_eq!(snaps.packs().files().len(), 2);
    assert_eq!(snaps.load(&sha).as_deref(), Some("T\na text"));
    snaps.gc(&[]).unwrap();
    assert_eq!(fs::read(&path).unwrap(), newer, "gc leaves it too");
}

#[test]
fn gc_prunes_pack_entries_and_deletes_a_pack_left_empty() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().join("snapshots"));
    let keep = saved(&snaps, "T\nkept");
    let drop = saved(&snaps, "T\ndropped");
    let sidecar = dir.path().join("a.txt.gloss.toml");
    fs::write(&sidecar, format!("[document]\nsha256 = \"{keep}\"\n")).unwrap();
    snaps.remember(&sidecar).unwrap();
    let done = snaps.gc(&[]).unwrap();
    assert_eq!((done.kept, done.removed), (1, 1));
    assert_eq!(snaps.hashes(), std::slice::from_ref(&keep));
    assert_eq!(snaps.load(&drop), None);
    fs::remove_file(&sidecar).unwrap();
    let done = snaps.gc(&[]).unwrap();
    assert_eq!((done.kept, done.removed), (0, 1));
    assert!(done.freed > 0);
    assert!(snaps.packs().files().is_empty(), "an empty pack is deleted");
}

#[test]
fn a_short_text_in_a_file_of_its_own_from_before_packs_is_read_and_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().to_path_buf());
    let text = "T\nkept as gloss kept it before packs";
    let sha = sha256_hex(text.as_bytes());
    // What the earlier gloss wrote: the text alone, zstd level 19, named by its hash.
    let old = snaps.path(&sha).unwrap();
    fs::write(&old, zstd::bulk::compress(text.as_bytes(), 19).unwrap()).unwrap();
    assert_eq!(snaps.load(&sha).as_deref(), Some(text));
    assert!(
        !snaps.save(&sha, text).unwrap(),
        "it is sound: left as it is"
    );
    assert!(snaps.packs().files().is_empty());
    assert_eq!(snaps.hashes(), std::slice::from_ref(&sha));
    // Damaged, it is replaced by a pack entry at the next save.
    fs::write(&old, b"damaged").unwrap();
    assert_eq!(snaps.load(&sha), None);
    assert!(snaps.save(&sha, text).unwrap());
    assert!(!old.exists());
    assert_eq!(snaps.load(&sha).as_deref(), Some(text));
    // And gc prunes one no sidecar refers to.
    fs::write(&old, zstd::bulk::compress(b"T\nanother", 19).unwrap()).unwrap();
    let other = sha256_hex(b"T\nanother");
    fs::rename(&old, snaps.path(&other).unwrap()).unwrap();
    assert_eq!(snaps.gc(&[]).unwrap().removed, 2);
    assert!(snaps.hashes().is_empty());
}

#[test]
fn two_writers_at_once_lose_neither_text() {
    let dir = tempfile::tempdir().unwrap();
    let snaps = Snapshots::at(dir.path().to_path_buf());
    let texts: Vec<String> = (0..16).map(|i| format!("T\nwriter text {i}")).collect();
    std::thread::scope(|s| {
        for t in &texts {
            let snaps = snaps.clone();
            s.spawn(move || saved(&snaps, t));
        }
    });
    assert_eq!(snaps.hashes().len(), texts.len());
}
