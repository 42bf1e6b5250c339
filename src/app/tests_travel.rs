//! The jump list through the whole app: `Ctrl-o` and `Ctrl-i` within a brief, and between
//! briefs (closing one reader, opening the other where the jump left it).

use std::path::PathBuf;

use super::update::tests::press;
use super::*;
use crate::app::reader::tests::reader;
use crate::document::Chars;

const SAMPLE: &[u8] = include_bytes!("../../seeds/micron-cac-probe.txt");

/// A reader of the sample, as if opened from `brief`.
fn opened(brief: &str) -> Reader {
    let mut r = reader(SAMPLE, 100, 12);
    r.brief = Some(PathBuf::from(brief));
    // Its first update remembers it as read (an effect these tests are not about).
    let first = crate::app::reader::tests::send(&mut r, Event::Resize(100, 12));
    assert!(first.iter().any(|e| matches!(e, Effect::Read { .. })));
    r
}

/// The text at the top of the screen (a row between paragraphs shows as the next one).
fn top(app: &App) -> Chars {
    app.reader().map_or(Chars(usize::MAX), Reader::position)
}

#[test]
fn ctrl_o_goes_back_to_where_a_jump_left_and_ctrl_i_forward_again() {
    let mut app = App::reading(opened("a.txt"));
    press(&mut app, "j j");
    let before = top(&app);
    press(&mut app, "G");
    let end = top(&app);
    assert!(end > before);
    assert_eq!(press(&mut app, "ctrl-o"), []);
    assert_eq!(top(&app), before, "back where G left");
    press(&mut app, "ctrl-n");
    assert_eq!(top(&app), end, "forward to the end again");
    press(&mut app, "ctrl-o ctrl-o");
    assert_eq!(top(&app), before, "nothing older: it stays");
    let said = app
        .reader()
        .and_then(|r| r.status.shown())
        .map(|m| m.text.clone());
    assert_eq!(
        said.as_deref(),
        Some("at the oldest place in the jump list")
    );
    // Scrolling is not a jump: going back after it returns to the place before G.
    press(&mut app, "ctrl-n j j j ctrl-o");
    assert_eq!(top(&app), before);
}

#[test]
fn going_back_into_another_brief_closes_this_one_and_opens_that_one_where_it_was() {
    // The library stands below; a brief read to row 3 and left; then another brief.
    let mut app = App::reading(opened("library-stand-in"));
    app.push(View::Reader(Box::new(opened("a.txt"))));
    press(&mut app, "j j j");
    let left_at = app.reader().unwrap().position();
    assert_eq!(press(&mut app, "q"), [Effect::Closed]);
    app.push(View::Reader(Box::new(opened("b.txt"))));
    let effects = press(&mut app, "ctrl-o");
    assert_eq!(
        effects,
        [
            Effect::Closed,
            Effect::Open {
                brief: PathBuf::from("a.txt"),
                at: Some(left_at),
                find: None,
            }
        ],
        "b.txt closes (it had nothing to save) and a.txt opens where it was left"
    );
    assert_eq!(app.depth(), 1);
    // a.txt arrives; Ctrl-i goes forward into b.txt again, at its top.
    update(
        &mut app,
        Event::Opened(Opened(Box::new(opened("a.txt")))),
        &Env::fixed(2),
    );
    assert_eq!(
        press(&mut app, "ctrl-i"),
        [
            Effect::Closed,
            Effect::Open {
                brief: PathBuf::from("b.txt"),
                at: Some(Chars(0)),
                find: None,
            }
        ]
    );
}

#[test]
fn a_jump_to_another_brief_waits_for_the_save_of_this_one() {
    let mut app = App::reading(opened("library-stand-in"));
    app.push(View::Reader(Box::new(opened("a.txt"))));
    press(&mut app, "q");
    app.push(View::Reader(Box::new(opened("b.txt"))));
    press(&mut app, "} v e 1");
    let effects = press(&mut app, "ctrl-o");
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_), Effect::WakeAt(_)]),
        "the new highlight is saved first: {effects:?}"
    );
    assert_eq!(app.depth(), 2, "b.txt stays until its save lands");
}
