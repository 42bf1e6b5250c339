//! Snapshot tests of whole screens at fixed sizes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::reader::tests::{press, reader, send, type_text};
use crate::app::{Event, Reader};
use crate::document::{Document, Format};
use crate::input::Keymap;
use crate::theme::{Role, Theme};

const SAMPLE: &[u8] = include_bytes!("../../seeds/micron-cac-probe.txt");

/// The whole screen of `state` drawn with `theme`.
pub(crate) fn draw_with(state: &Reader, theme: &Theme) -> Buffer {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    let mut buf = Buffer::empty(area);
    super::ReaderView { state, theme }.render(area, &mut buf);
    buf
}

/// The whole screen of `state` in the default theme.
pub(crate) fn draw(state: &Reader) -> Buffer {
    draw_with(state, &Theme::default())
}

/// The screen as text, one line per row; the filler cell after a wide character is skipped.
pub(crate) fn text(buf: &Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(buf.area.width);
    let mut out = String::new();
    let mut skip = 0;
    for (i, cell) in buf.content.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
        } else {
            out.push_str(cell.symbol());
            skip = cell.symbol().width().saturating_sub(1);
        }
        if (i + 1) % width == 0 {
            out.push('\n');
            skip = 0;
        }
    }
    out
}

fn markdown(src: &str, w: u16, h: u16) -> Reader {
    let doc = Document::parse(src.as_bytes(), Format::Markdown).unwrap();
    let mut state = Reader::new(
        doc,
        "brief.md",
        Default::default(),
        &Keymap::default_keymap().unwrap(),
    );
    send(&mut state, Event::Resize(w, h));
    state
}

#[test]
fn sample_at_80x24() {
    insta::assert_snapshot!(text(&draw(&reader(SAMPLE, 80, 24))));
}

#[test]
fn sample_at_40x12() {
    insta::assert_snapshot!(text(&draw(&reader(SAMPLE, 40, 12))));
}

#[test]
fn sample_scrolled_to_the_end_at_80x24() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "G");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn sample_with_repeats_shown_at_80x24() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "z G");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn help_at_80x24() {
    let mut s = reader(SAMPLE, 80, 24);
    press(&mut s, "?");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn help_at_40x12() {
    let mut s = reader(SAMPLE, 40, 12);
    press(&mut s, "?");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn panel_open_at_100x30() {
    let mut s = reader(SAMPLE, 100, 30);
    press(&mut s, "tab");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn panel_hidden_at_40x12() {
    let mut s = reader(SAMPLE, 40, 12);
    press(&mut s, "tab");
    insta::assert_snapshot!(text(&draw(&s)));
}

#[test]
fn search_prompt_and_matches_with_colours_at_60x16() {
    let mut s = reader(SAMPLE, 60, 16);
    press(&mut s, "/");
    type_text(&mut s, "probe");
    let buf = draw(&s);
    // Matches carry the match style; the caret sits on the first one.
    let theme = Theme::default();
    let matched = buf
        .content
        .iter()
        .filter(|c| c.bg == theme.style(Role::SearchMatch).bg.unwrap())
        .count();
    assert!(matched >= "probe".len() * 2, "{matched} cells highlighted");
    insta::assert_debug_snapshot!(buf);
}

#[test]
fn markdown_structure_at_60x20() {
    let src = "+++\ntitle = \"Chip curbs widen\"\n+++\n## Background\n\nThe *Netherlands* joined **new** curbs on `ASML` tools.\n\n- First point about exports\n- Second point that is long enough to wrap onto another line\n  1. nested detail\n\n> A quoted official says the measures are proportionate and lawful.\n";
    insta::assert_snapshot!(text(&draw(&markdown(src, 60, 20))));
}

#[test]
fn cjk_and_emoji_wrap_by_width_at_40x12() {
    let src = "東京の記事\n日本の半導体輸出規制は、オランダと米国の措置に続くものである。🇯🇵🎉 Mixed English text follows here.";
    let buf = draw(&reader(src.as_bytes(), 40, 12));
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn an_empty_brief_says_so() {
    let buf = draw(&reader(b"", 40, 12));
    assert!(text(&buf).contains("This brief is empty."));
    assert!(
        text(&buf).contains("test.txt"),
        "the file name stands in for the title"
    );
}

#[test]
fn tiny_terminals_show_a_notice_and_never_panic() {
    for (w, h) in [(1, 1), (5, 1), (19, 5), (80, 1), (200, 2), (20, 2)] {
        let buf = draw(&reader(SAMPLE, w, h));
        assert_eq!(buf.area, Rect::new(0, 0, w, h));
    }
    let buf = draw(&reader(SAMPLE, 19, 3));
    assert!(text(&buf).starts_with("terminal too smal"));
    let buf = draw(&reader(SAMPLE, 0, 0));
    assert!(buf.content.is_empty());
}

#[test]
fn hostile_text_never_reaches_a_cell_raw() {
    let src = "Title \u{1b}]0;owned\u{7}\nOSC52 \u{1b}]52;c;ZXZpbA==\u{7} CSI \u{1b}[2J C1 \u{9b}31m DEL \u{7f} bidi \u{202e}txt.exe\u{202c} tab\there\nbell \u{7}";
    let mut s = reader(src.as_bytes(), 80, 24);
    press(&mut s, "/");
    type_text(&mut s, "\u{1b}]52");
    let buf = draw(&s);
    for cell in &buf.content {
        assert!(
            !cell.symbol().chars().any(crate::sanitize::is_unsafe),
            "{:?}",
            cell.symbol()
        );
    }
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn a_long_title_is_shortened_in_the_status_bar() {
    let buf = draw(&reader(SAMPLE, 40, 12));
    let status = text(&buf).lines().last().unwrap().to_string();
    assert!(status.contains('…'), "{status}");
    assert!(status.trim_end().ends_with('%'), "{status}");
}

#[test]
fn a_one_megabyte_line_draws_at_its_end() {
    let words: Vec<String> = (0..150_000).map(|i| format!("w{i}")).collect();
    let src = format!("Title\n{}", words.join(" "));
    assert!(src.len() > 1_000_000);
    let mut s = reader(src.as_bytes(), 80, 24);
    press(&mut s, "G");
    let screen = text(&draw(&s));
    let last_row = screen.lines().nth(22).unwrap();
    assert!(last_row.trim_end().ends_with("w149999"), "{last_row}");
    press(&mut s, "g");
    assert!(text(&draw(&s)).starts_with(" Title"));
}

#[test]
fn the_status_bar_shows_reading_progress_then_placing_progress() {
    let mut s = crate::app::reader::tests::reader(SAMPLE, 100, 10);
    s.loading = Some(crate::app::Loading::new(300, 1200));
    let bottom = |s: &Reader| {
        text(&draw(s))
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        bottom(&s).trim_end().ends_with("· reading 25%"),
        "{}",
        bottom(&s)
    );
    s.loading = None;
    assert!(!bottom(&s).contains("reading"));
    // The sample as saved before a correction: its annotations must be re-anchored.
    let old = String::from_utf8_lossy(SAMPLE).replace("Micron", "Mikron");
    let stored = crate::store::place::Stored::of(&crate::app::reader::tests_loading::sidecar(&old));
    s.set_unplaced(stored);
    let effects = send(&mut s, Event::Tick);
    let [crate::app::Effect::Place(job)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let job = job.clone();
    let all = s.placing().unwrap().all;
    assert!(
        bottom(&s)
            .trim_end()
            .ends_with(&format!("· placing 0/{all}")),
        "{}",
        bottom(&s)
    );
    job.run(|event| {
        send(&mut s, event);
        true
    });
    assert!(!bottom(&s).contains("placing"));
}

/// Start-up messages as `gloss` opens a brief whose sidecar does not parse, kept in the data
/// folder, with a broken theme: the error shows first, says that more wait, and each key shows
/// the next; none hides another.
#[test]
fn start_up_messages_all_show_most_important_first() {
    use crate::app::Level;
    let mut s = reader(SAMPLE, 100, 10);
    s.notice(Level::Error, "annotations read-only: x.gloss.toml: line 3");
    s.notice(
        Level::Warning,
        "brief's folder is read-only; annotations kept in /data",
    );
    s.notice(Level::Warning, "night.toml: line 2: unknown role");
    let bottom = |s: &Reader| text(&draw(s)).lines().last().unwrap().to_string();
    let buf = draw(&s);
    let last = bottom(&s);
    assert!(
        last.contains("[+2] annotations read-only: x.gloss.toml: line 3"),
        "{last}"
    );
    let at = last.find("annotations").unwrap() as u16;
    let error = Theme::default().style(Role::StatusError);
    assert_eq!(buf[(at, 9)].fg, error.fg.unwrap(), "shown as an error");
    press(&mut s, "j");
    assert!(
        bottom(&s).contains("[+1] brief's folder is read-only"),
        "{}",
        bottom(&s)
    );
    press(&mut s, "j");
    assert!(
        bottom(&s).contains("night.toml: line 2: unknown role"),
        "{}",
        bottom(&s)
    );
    press(&mut s, "j");
    assert!(!bottom(&s).contains("night.toml"), "{}", bottom(&s));
}

/// Found by `drawing_stays_inside_its_area_and_writes_no_control_character`: with columns but
/// no rows, "terminal too small" went to a row the area does not have, which on a real
/// terminal of that size is outside the buffer (a panic).
#[test]
fn a_terminal_with_columns_but_no_rows_draws_nothing() {
    for (w, h) in [(1, 0), (80, 0), (0, 24), (0, 0)] {
        let buf = draw(&reader(SAMPLE, w, h));
        assert!(buf.content.is_empty(), "{w}x{h}");
    }
}
