//! A brief the library asks for that vanished after the scan listed it: the opening worker
//! answers with a message naming the file, and the library stays up with it shown.

use std::sync::mpsc;
use std::time::Duration;

use super::effects::Effects;
use super::{Opener, Wake};
use crate::app::{Effect, Settings};
use crate::input::Keymap;

#[test]
fn a_brief_gone_between_the_scan_and_opening_is_a_message_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("gone.txt");
    std::fs::write(&brief, "Listed by the scan\n").unwrap();
    std::fs::remove_file(&brief).unwrap();
    let (tx, rx) = mpsc::channel();
    let opener = Opener {
        settings: Settings::default(),
        keymap: Keymap::default_keymap().unwrap().into(),
        themes: vec!["default".into()],
        theme: 0,
        annotations: None,
        author: "test".into(),
    };
    let mut effects = Effects::new(tx, opener);
    let open = Effect::Open {
        brief: brief.clone(),
        at: None,
        find: None,
    };
    assert!(effects.run(vec![open]).is_none(), "opening does not quit");
    let why = loop {
        match rx.recv_timeout(Duration::from_secs(10)).expect("an answer") {
            Wake::Opened(opened) => break opened.err().expect("not opened"),
            _ => continue,
        }
    };
    assert!(why.contains("gone.txt"), "{why}");
}
