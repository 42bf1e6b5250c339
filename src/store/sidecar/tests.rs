use super::*;
use crate::store::format::tests::SAMPLE;

fn sidecar(dir: &Path) -> Sidecar {
    Sidecar::new(SidecarPaths::at(dir.join("brief.txt.gloss.toml")))
}

#[test]
fn paths_sit_beside_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let paths = SidecarPaths::for_brief(&dir.path().join("brief.txt"));
    assert_eq!(paths.data, dir.path().join("brief.txt.gloss.toml"));
    assert_eq!(paths.lock, dir.path().join("brief.txt.gloss.toml.lock"));
    assert_eq!(paths.backup, dir.path().join("brief.txt.gloss.toml.bak"));
    assert!(!paths.fallback);
    let bare = SidecarPaths::for_brief(Path::new("brief.md"));
    assert_eq!(bare.data, Path::new("brief.md.gloss.toml"));
}

#[test]
fn an_absent_sidecar_loads_as_none_and_saves_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sidecar(dir.path());
    assert_eq!(s.load().unwrap(), None);
    let file = format::parse(SAMPLE).unwrap();
    let saved = s.save(file.clone()).unwrap();
    assert!(!saved.merged);
    assert_eq!(
        format::parse(&fs::read_to_string(&s.paths.data).unwrap()).unwrap(),
        file
    );
    assert!(
        !s.paths.backup.exists(),
        "nothing to back up the first time"
    );
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sidecar(dir.path());
    let mut file = format::parse(SAMPLE).unwrap();
    s.save(file.clone()).unwrap();
    let first = fs::read(&s.paths.data).unwrap();
    file.brief_note = "changed".into();
    s.save(file).unwrap();
    assert_eq!(fs::read(&s.paths.backup).unwrap(), first);
}

#[test]
fn a_sidecar_that_does_not_parse_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sidecar(dir.path());
    let broken = b"version = 1\n[document]\nfile = \"unterminated\n";
    fs::write(&s.paths.data, broken).unwrap();
    let err = s.load().unwrap_err().to_string();
    assert!(
        err.contains("brief.txt.gloss.toml: line 3, column"),
        "{err}"
    );
    let err = s.save(format::parse(SAMPLE).unwrap()).unwrap_err();
    assert!(matches!(err, SidecarError::Format { .. }));
    assert_eq!(fs::read(&s.paths.data).unwrap(), broken, "bytes unchanged");
}

#[test]
fn another_writers_changes_are_merged_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = sidecar(dir.path());
    let mut two = sidecar(dir.path());
    let file = format::parse(SAMPLE).unwrap();
    one.save(file.clone()).unwrap();
    two.load().unwrap();

    let mut theirs = file.clone();
    theirs.annotations.remove(1);
    two.save(theirs).unwrap();

    let mut ours = file.clone();
    ours.annotations[0].note = "edited here".into();
    let saved = one.save(ours).unwrap();
    assert!(saved.merged);
    let on_disk = format::parse(&fs::read_to_string(&one.paths.data).unwrap()).unwrap();
    assert_eq!(on_disk.annotations.len(), 1, "their deletion honoured");
    assert_eq!(on_disk.annotations[0].note, "edited here", "our edit kept");
}

#[test]
fn changes_on_disk_are_noticed_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = sidecar(dir.path());
    let mut two = sidecar(dir.path());
    let file = format::parse(SAMPLE).unwrap();
    one.save(file.clone()).unwrap();
    assert_eq!(
        one.changed_on_disk().unwrap(),
        None,
        "our own write is not news"
    );
    two.load().unwrap();
    let mut theirs = file;
    theirs.brief_note = "from two".into();
    two.save(theirs.clone()).unwrap();
    let seen = one.changed_on_disk().unwrap().unwrap();
    assert_eq!(seen.brief_note, "from two");
    one.accept(seen).unwrap();
    assert_eq!(one.changed_on_disk().unwrap(), None);
}

#[test]
fn an_unwritable_place_is_an_error_naming_the_path() {
    let mut s = Sidecar::new(SidecarPaths::at(PathBuf::from(
        "/proc/gloss-no/brief.gloss.toml",
    )));
    let err = s
        .save(format::parse(SAMPLE).unwrap())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/proc/gloss-no"), "{err}");
}

#[test]
fn an_unwritable_folder_falls_back_to_the_data_directory() {
    // Not even root can create files in /proc/self.
    let paths = SidecarPaths::for_brief(Path::new("/proc/self/status"));
    assert!(paths.fallback);
    assert!(
        paths.data.to_string_lossy().ends_with("-status.gloss.toml"),
        "{:?}",
        paths.data
    );
    assert!(
        paths.data.to_string_lossy().contains("gloss/sidecars/"),
        "{:?}",
        paths.data
    );
}

/// A reader that could not take in a merge (it changed while the save ran) saves again with
/// `rebase`: what the other writer added survives, and so does every change of its own.
#[test]
fn a_merge_the_reader_missed_is_redone_from_before_it() {
    for rebase in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut one = sidecar(dir.path());
        let mut two = sidecar(dir.path());
        let file = format::parse(SAMPLE).unwrap();
        one.save(file.clone()).unwrap();
        two.load().unwrap();
        let mut theirs = file.clone();
        let mut added = theirs.annotations[0].clone();
        added.id = uuid::Uuid::from_u128(77);
        added.note = "added by two".into();
        theirs.annotations.push(added);
        two.save(theirs).unwrap();

        // The reader saves revision 1; the save merges in two's addition...
        let mut r1 = file.clone();
        r1.annotations[0].note = "edit one".into();
        assert!(one.save(r1.clone()).unwrap().merged);
        // ...but the reader changed meanwhile, so it still lacks that addition.
        let mut r2 = r1;
        r2.annotations[1].note = "edit two".into();
        let saved = one.save_rebased(r2, rebase).unwrap();
        let notes: Vec<&str> = saved
            .file
            .annotations
            .iter()
            .map(|e| e.note.as_str())
            .collect();
        assert!(
            notes.contains(&"edit one") && notes.contains(&"edit two"),
            "{notes:?}"
        );
        assert_eq!(
            notes.contains(&"added by two"),
            rebase,
            "without the rebase the missed addition looks like our deletion: {notes:?}"
        );
    }
}

#[test]
fn a_save_past_the_size_limit_is_refused_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sidecar(dir.path());
    let mut file = format::parse(SAMPLE).unwrap();
    s.save(file.clone()).unwrap();
    let before = fs::read(&s.paths.data).unwrap();
    file.annotations[0].note = "x".repeat(usize::try_from(limits::SIDECAR.bytes).unwrap());
    let err = s.save(file).unwrap_err();
    assert!(
        err.to_string().contains(
            "brief.txt.gloss.toml: it is 8.0 MiB; gloss reads annotation files up to 8 MiB"
        ),
        "{err}"
    );
    assert_eq!(fs::read(&s.paths.data).unwrap(), before);
}

#[test]
fn a_sidecar_past_the_size_limit_is_refused_unread_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sidecar(dir.path());
    File::create(&s.paths.data)
        .unwrap()
        .set_len(limits::SIDECAR.bytes + 1)
        .unwrap();
    let err = s.load().unwrap_err().to_string();
    assert!(err.contains("up to 8 MiB"), "{err}");
    assert_eq!(
        fs::metadata(&s.paths.data).unwrap().len(),
        limits::SIDECAR.bytes + 1
    );
}
