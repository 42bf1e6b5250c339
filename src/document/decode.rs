//! Turns a brief's bytes into text: refuses binary files, decodes invalid UTF-8 lossily.

use std::borrow::Cow;

/// Why bytes cannot be read as a brief.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A NUL byte: the file is binary (or UTF-16), not a text brief.
    #[error("this is a binary file, not a text brief (NUL byte at offset {offset})")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// A web page too big to be an article page (its whole tree would be built to find one).
    #[error(
        "this web page is {} MiB; gloss extracts articles from pages of up to {} MiB",
        mib(*bytes),
        mib(*limit)
    )]
    TooLarge {
        /// The page's size in bytes.
        bytes: u64,
        /// The largest page gloss reads.
        limit: u64,
    },
}

fn mib(bytes: u64) -> String {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    if mib.fract() == 0.0 {
        format!("{mib:.0}")
    } else {
        format!("{mib:.1}")
    }
}

/// Decoded text and, when the bytes were not valid UTF-8, a warning for the status bar.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, without a leading byte-order mark.
    pub text: Cow<'a, str>,
    /// Set when invalid bytes were replaced by U+FFFD.
    pub warning: Option<String>,
}

/// Refuses bytes holding a NUL: a binary file (or UTF-16), not a text brief. `base` is the
/// file offset the bytes start at, so the error names the NUL's place in the file.
pub fn refuse_binary(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
    match memchr::memchr(0, bytes) {
        Some(offset) => Err(DecodeError::Binary {
            offset: base + offset,
        }),
        None => Ok(()),
    }
}

/// Decodes a brief, or the piece of one that began at byte `base` of the file (offsets in
/// errors and warnings count from the file's start). NUL bytes refuse the file; invalid UTF-8
/// is replaced, with a warning.
pub fn decode(bytes: &[u8], base: usize) -> Result<Decoded<'_>, DecodeError> {
    refuse_binary(bytes, base)?;
    // Only the file's first bytes can be its byte-order mark; a later piece that starts
    // with U+FEFF keeps it, as the brief read whole does.
    let bytes = match base {
        0 => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
        _ => bytes,
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        }),
        Err(err) => {
            let at = base + err.valid_up_to();
            Ok(Decoded {
                text: String::from_utf8_lossy(bytes),
                warning: Some(format!(
                    "not valid UTF-8 (first bad byte at offset {at}); bad bytes shown as \u{FFFD}"
                )),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_refuses_the_file() {
        assert_eq!(
            decode(b"abc\0def", 0).unwrap_err(),
            DecodeError::Binary { offset: 3 }
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = decode(b"caf\xE9 ok", 0).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert!(d.warning.unwrap().contains("offset 3"));
    }

    #[test]
    fn a_later_piece_keeps_a_leading_u_feff() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", 9).unwrap().text, "\u{feff}hi");
    }

    #[test]
    fn bom_is_dropped_and_empty_input_decodes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", 0).unwrap().text, "hi");
        let empty = decode(b"", 0).unwrap();
        assert_eq!(empty.text, "");
        assert!(empty.warning.is_none());
    }
}
