//! Neutralises untrusted text before it can reach a terminal: a pure, 1:1 character mapping.
//!
//! Briefs, notes, theme names and file names may carry control characters and escape sequences
//! (OSC 52 clipboard writes, title reports, bidi overrides). Every such character is replaced by a
//! visible stand-in of the same count, so offsets computed on the cleaned text stay meaningful.

use std::borrow::Cow;

/// Replacement shown for C1 controls and bidi overrides, which have no control picture.
pub const REPLACEMENT: char = '\u{FFFD}';

/// True for characters that must never be written to a terminal as they are.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidi embedding, override and isolate controls, which can reorder what a reader sees
/// (the "Trojan Source" family).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for one unsafe character, or the character itself when it is safe.
///
/// C0 controls become their Unicode control pictures (ESC shows as `␛`), DEL becomes `␡`,
/// C1 controls and bidi controls become U+FFFD.
pub fn neutralise(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or(REPLACEMENT),
        '\u{7F}' => '\u{2421}',
        _ if is_unsafe(c) => REPLACEMENT,
        _ => c,
    }
}

/// Cleans a string for display on one line: every control (newline and tab included) and bidi
/// control is neutralised. Borrows when there is nothing to change.
pub fn line(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_unsafe) {
        Cow::Owned(s.chars().map(neutralise).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Cleans text printed as lines of their own (an error message of several lines): like
/// [`line`], but newline and tab stay. Borrows when there is nothing to change.
pub fn text(s: &str) -> Cow<'_, str> {
    let unsafe_here = |c: char| c != '\n' && c != '\t' && is_unsafe(c);
    if s.chars().any(unsafe_here) {
        Cow::Owned(
            s.chars()
                .map(|c| if unsafe_here(c) { neutralise(c) } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        let osc52 = "\u{1b}]52;c;ZXZpbA==\u{7}";
        let cleaned = line(osc52);
        assert!(!cleaned.chars().any(|c| c.is_control()));
        assert_eq!(cleaned, "␛]52;c;ZXZpbA==␇");
    }

    #[test]
    fn c1_del_and_bidi_are_replaced_one_for_one() {
        let s = "a\u{9b}31mb\u{7f}c\u{202e}d\u{2066}e";
        let cleaned = line(s);
        assert_eq!(cleaned.chars().count(), s.chars().count());
        assert_eq!(cleaned, "a\u{FFFD}31mb␡c\u{FFFD}d\u{FFFD}e");
    }

    #[test]
    fn newline_and_tab_are_neutralised_on_one_line() {
        assert_eq!(line("a\nb\tc"), "a␊b␉c");
    }

    #[test]
    fn text_keeps_its_lines_and_tabs() {
        assert_eq!(text("a\n\tb\u{1b}[2J\r\u{9b}"), "a\n\tb␛[2J␍\u{FFFD}");
        assert!(matches!(text("two\nlines\tok"), Cow::Borrowed(_)));
    }

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(line("plain café 東京 🙂"), Cow::Borrowed(_)));
    }
}
