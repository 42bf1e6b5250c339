use super::*;
use crate::store::format::tests::SAMPLE;

const SIDECAR: &str = "brief.txt.gloss.toml";

#[test]
fn the_three_naming_styles_name_their_original() {
    let cases = [
        (
            "brief.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml",
            Some(Style::Syncthing),
        ),
        (
            "brief.txt.gloss (Jane Doe's conflicted copy 2026-12-01).toml",
            Some(Style::ConflictedCopy),
        ),
        (
            "brief.txt.gloss (conflicted copy 2026-12-01 101500).toml",
            Some(Style::ConflictedCopy),
        ),
        // Syncthing without an extension to keep.
        (
            "brief.txt.gloss.toml.sync-conflict-20261201-101500-XYZ",
            Some(Style::Syncthing),
        ),
    ];
    for (name, style) in cases {
        assert_eq!(
            original_name(name),
            style.map(|s| (SIDECAR.to_string(), s)),
            "{name}"
        );
    }
}

#[test]
fn other_names_are_no_conflict_copies() {
    for name in [
        SIDECAR,
        "brief.txt.gloss.toml.bak",
        "brief.txt.gloss.sync-conflict-2026120-101500-ABC.toml",
        "brief.txt.gloss.sync-conflict-20261201-101500-.toml",
        "brief.txt.gloss.sync-conflict-20261201-101500-ABC~.toml",
        "brief.txt.gloss (copy 2026-12-01).toml",
        "brief.txt.gloss (conflicted copy 2026-12-01)x.toml",
        "notes (1).txt",
    ] {
        assert_eq!(original_name(name), None, "{name}");
    }
}

#[test]
fn copies_lists_only_this_sidecars_copies() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        SIDECAR,
        "brief.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml",
        "brief.txt.gloss (conflicted copy 2026-12-01 101500).toml",
        "other.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml",
        "brief.txt",
    ] {
        std::fs::write(dir.path().join(name), "").unwrap();
    }
    let found: Vec<String> = copies(&dir.path().join(SIDECAR))
        .iter()
        .map(|c| c.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        found,
        [
            "brief.txt.gloss (conflicted copy 2026-12-01 101500).toml",
            "brief.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml",
        ]
    );
}

fn sample() -> SidecarFile {
    format::parse(SAMPLE).unwrap()
}

fn later(e: &mut Entry) {
    e.updated = "2026-12-01T00:00:00Z".parse().unwrap();
}

#[test]
fn folding_a_copy_keeps_both_sides_and_both_notes() {
    let mut ours = sample();
    let mut theirs = sample();
    ours.annotations[0].note = "ours".into();
    ours.annotations[0].tags.push("mine".into());
    theirs.annotations[0].note = "theirs".into();
    theirs.annotations[0].tags = vec!["semis".into(), "theirs".into()];
    // Only the copy has the second one, and it recoloured it later.
    ours.annotations.remove(1);
    theirs.annotations[1].color = crate::annotation::Color::Green;
    later(&mut theirs.annotations[1]);
    let (merged, conflicts) = fold(&ours, &theirs);
    assert_eq!(conflicts, 1);
    assert_eq!(merged.annotations.len(), 2, "nothing deleted");
    let first = &merged.annotations[0];
    assert_eq!(first.note, crate::store::merge::conflict("ours", "theirs"));
    assert_eq!(first.tags, ["china", "semis", "mine", "theirs"]);
    assert_eq!(merged.annotations[1].color, crate::annotation::Color::Green);
}

#[test]
fn the_newer_colour_wins_and_one_note_is_no_conflict() {
    let ours = sample();
    let mut theirs = sample();
    theirs.annotations[1].color = crate::annotation::Color::Blue;
    theirs.annotations[1].note = "only here".into();
    later(&mut theirs.annotations[1]);
    let (merged, conflicts) = fold(&ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(merged.annotations[1].color, crate::annotation::Color::Blue);
    assert_eq!(merged.annotations[1].note, "only here");
    let (back, _) = fold(&theirs, &ours);
    assert_eq!(
        back.annotations[1].color,
        crate::annotation::Color::Blue,
        "either way round"
    );
}

#[test]
fn fold_copies_merges_removes_and_leaves_a_broken_copy() {
    let dir = tempfile::tempdir().unwrap();
    let paths = SidecarPaths::at(dir.path().join(SIDECAR));
    std::fs::write(&paths.data, SAMPLE).unwrap();
    let mut copy = sample();
    copy.annotations[0].note = "from the laptop".into();
    later(&mut copy.annotations[0]);
    let dropbox = dir
        .path()
        .join("brief.txt.gloss (Jane's conflicted copy 2026-12-01).toml");
    std::fs::write(&dropbox, format::write(&copy).unwrap()).unwrap();
    let broken = dir
        .path()
        .join("brief.txt.gloss.sync-conflict-20261201-101500-ABCDEF7.toml");
    std::fs::write(&broken, "version = 1\nnope\n").unwrap();

    let folded = fold_copies(&paths).unwrap();
    assert_eq!(folded.merged.len(), 1);
    assert_eq!(folded.merged[0], dropbox);
    assert_eq!(folded.unparsable.len(), 1);
    assert!(
        folded.unparsable[0].contains("line 2"),
        "{:?}",
        folded.unparsable
    );
    assert_eq!(folded.conflicts, 1);
    assert!(!dropbox.exists(), "merged copies are removed");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "version = 1\nnope\n"
    );
    assert_eq!(std::fs::read_to_string(&paths.backup).unwrap(), SAMPLE);
    let now = format::parse(&std::fs::read_to_string(&paths.data).unwrap()).unwrap();
    assert!(now.annotations[0].note.contains("from the laptop"));
    assert!(now.annotations[0].note.contains("Retaliation?"));
}
