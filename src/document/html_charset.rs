//! Decodes a web page's bytes to text: the charset from a byte-order mark, the HTTP header or
//! the page's own `<meta charset>`, decoded with `encoding_rs`. Pure: bytes in, text out.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a `<meta charset>` is looked for (the HTML standard's prescan reads
/// 1024 bytes; pages with long comments or scripts first push it further, so look wider).
const PRESCAN: usize = 8 * 1024;

/// A page's text and what decoding it had to say.
#[derive(Debug)]
pub struct DecodedPage {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Set when the declared charset was unknown or wrong, or bytes were replaced.
    pub warning: Option<String>,
}

/// Decodes `bytes`. `declared` is the charset of the HTTP `Content-Type` header, if any.
///
/// Order: a byte-order mark, then `declared`, then `<meta charset>` in the page; without any,
/// UTF-8. One exception keeps re-saved pages readable: bytes that are valid UTF-8 and hold
/// non-ASCII text are read as UTF-8 whatever the declaration says (a page saved by a browser is
/// re-encoded to UTF-8 but keeps its old `<meta charset>`; text in another encoding is almost
/// never valid UTF-8 by chance). Bytes not valid in the chosen encoding become U+FFFD, with a
/// warning.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> DecodedPage {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return finish(encoding, &bytes[bom..], None);
    }
    let declaration = declared
        .map(|label| (label.to_string(), "the HTTP header"))
        .or_else(|| meta_charset(bytes).map(|label| (label, "the page's <meta charset>")));
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let Some((label, origin)) = declaration else {
        // Undeclared: UTF-8 when it is; else the web's old default.
        let encoding = if utf8 { UTF_8 } else { WINDOWS_1252 };
        return finish(encoding, bytes, None);
    };
    let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) else {
        let note = format!(
            "unknown charset {:?} declared in {origin}; read as UTF-8",
            crate::sanitize::line(&label)
        );
        return finish(UTF_8, bytes, Some(note));
    };
    // UTF-16 labels in a page that decoded as ASCII mean UTF-8 (the HTML standard's rule).
    let encoding = encoding.output_encoding();
    if encoding != UTF_8 && utf8 && !bytes.is_ascii() {
        let note = format!(
            "{origin} declares {}, but the page is UTF-8; read as UTF-8",
            encoding.name()
        );
        return finish(UTF_8, bytes, Some(note));
    }
    finish(encoding, bytes, None)
}

fn finish(encoding: &'static Encoding, bytes: &[u8], note: Option<String>) -> DecodedPage {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let bad =
        had_errors.then(|| format!("not valid {}; bad bytes shown as \u{FFFD}", encoding.name()));
    let warning = match (note, bad) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    DecodedPage {
        text: text.into_owned(),
        warning,
    }
}

/// The charset a page declares in its first bytes: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    // The declaration is ASCII in every encoding a page may declare; lower-case a copy.
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], b"<meta") {
        let start = at + found + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            return Some(label);
        }
        at = end;
    }
    None
}

/// The value after `charset=` in a tag's attributes, unquoted.
fn charset_in(tag: &[u8]) -> Option<String> {
    let pos = memchr::memmem::find(tag, b"charset")?;
    let rest = &tag[pos + 7..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest: &[u8] = {
        let mut r = rest;
        while let [b' ' | b'"' | b'\'', tail @ ..] = r {
            r = tail;
        }
        r
    };
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..len]).ok()?;
    (!label.is_empty()).then(|| label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_windows_1252_is_followed() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xE9 \x93q\x94</p>";
        let d = decode(page, None);
        assert!(d.text.contains("café “q”"), "{}", d.text);
        assert!(d.warning.is_none());
    }

    #[test]
    fn http_equiv_shift_jis_is_followed() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京の記事");
        let mut page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>".to_vec();
        page.extend_from_slice(&sjis);
        let d = decode(&page, None);
        assert!(d.text.ends_with("東京の記事"), "{}", d.text);
    }

    #[test]
    fn the_http_header_wins_over_the_page() {
        let page = b"<meta charset=utf-8><p>caf\xE9</p>";
        let d = decode(page, Some("ISO-8859-1"));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn a_utf8_page_that_declares_another_charset_is_read_as_utf8_with_a_warning() {
        let page = "<meta charset=\"windows-1252\"><p>café</p>".as_bytes();
        let d = decode(page, None);
        assert!(d.text.contains("café"));
        assert!(d.warning.unwrap().contains("declares windows-1252"));
    }

    #[test]
    fn an_unknown_charset_is_named_in_the_warning() {
        let d = decode(b"<meta charset=\"x-klingon\"><p>hi</p>", None);
        assert!(d.warning.unwrap().contains("\"x-klingon\""));
    }

    #[test]
    fn undeclared_bytes_that_are_not_utf8_are_windows_1252() {
        let d = decode(b"<p>na\xEFve</p>", None);
        assert_eq!(d.text, "<p>naïve</p>");
    }

    #[test]
    fn a_bom_decides_and_is_dropped() {
        let d = decode(b"\xEF\xBB\xBF<meta charset=shift_jis><p>\xC3\xA9</p>", None);
        assert!(d.text.starts_with("<meta"));
        assert!(d.text.contains('é'));
    }

    #[test]
    fn invalid_bytes_warn() {
        let d = decode(b"<meta charset=utf-8><p>\xFF</p>", None);
        assert!(d.warning.unwrap().contains("not valid UTF-8"));
    }
}
