//! Text made safe for XML 1.0 element content and attribute values: the five special
//! characters as entities, and every character XML 1.0 forbids (C0 controls but tab, line
//! feed and carriage return; U+FFFE, U+FFFF) replaced one for one by its visible stand-in, so
//! no export can be refused by a parser for a byte a brief carried. Pure.

use crate::sanitize::neutralise;

/// `s` escaped for XML text or a double-quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => out.push(crate::sanitize::REPLACEMENT),
            c if c.is_control() => out.push(neutralise(c)),
            c => out.push(c),
        }
    }
    out
}

/// `s` escaped for an attribute whose line breaks must survive attribute-value
/// normalisation (a parser turns a raw newline in an attribute into a space).
pub fn attribute(s: &str) -> String {
    escape(s)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_become_entities_and_forbidden_characters_stand_ins() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("x\u{1b}[2J\u{7}\ty\n"), "x␛[2J␇\ty\n");
        assert_eq!(escape("\u{FFFE}é"), "\u{FFFD}é");
        assert_eq!(attribute("a\nb\tc"), "a&#10;b&#9;c");
    }
}
