//! Property tests of normalisation: idempotent, and the same whether a brief is read whole or
//! in pieces. The generator of hostile briefs is shared with the renderer's properties.

use proptest::prelude::*;

use super::*;

/// Pieces of hostile briefs: words, whitespace of every kind, line ends in every mix, C0, DEL,
/// C1, bidi controls, byte-order marks, front-matter fences, Markdown markup, invalid UTF-8.
const FRAGMENTS: &[&[u8]] = &[
    b"\n",
    b"\r\n",
    b"\r",
    b"\n\n",
    b"\t",
    b" ",
    b"   ",
    "\u{a0}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{3000}".as_bytes(),
    b"\x0b",
    b"\x0c",
    b"\x1b[31m",
    b"\x1b]52;c;eA==\x07",
    b"\x08",
    b"\x7f",
    "\u{85}".as_bytes(),
    "\u{9b}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{200b}".as_bytes(),
    "é".as_bytes(),
    "e\u{301}".as_bytes(),
    "東京".as_bytes(),
    "🙂".as_bytes(),
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"+++\n",
    b"+++",
    b"title = \"T\"\n",
    b"# ",
    b"## ",
    b"- ",
    b"1. ",
    b"> ",
    b"    ",
    b"```\n",
    b"*",
    b"**",
    b"`",
    b"~~",
    b"[a](http://x)",
    b"<b>",
    b"\\\n",
    b"  \n",
];

/// One piece of a hostile brief: a word, a fragment above, or any byte but NUL (which makes
/// a brief binary: refused, not normalised).
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => "[a-zA-Z]{1,6}".prop_map(String::into_bytes),
        4 => prop::sample::select(FRAGMENTS).prop_map(<[u8]>::to_vec),
        1 => (1u8..=255).prop_map(|b| vec![b]),
    ]
}

/// Front matter whose title is any text, written as a TOML string (so it can hold controls).
fn front_matter() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(fragment(), 0..6).prop_map(|title| {
        let title = String::from_utf8_lossy(&title.concat()).replace('\0', "");
        let title = toml::Value::String(title).to_string();
        format!("+++\ntitle = {title}\nsource = \"Wire\"\n+++\n").into_bytes()
    })
}

/// A hostile brief as its front matter (often none) and its body (no NUL byte anywhere).
fn hostile_parts() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    (
        prop::option::weighted(0.3, front_matter()),
        prop::collection::vec(fragment(), 0..40),
    )
        .prop_map(|(front, body)| (front.unwrap_or_default(), body.concat()))
}

/// The bytes of a hostile brief, sometimes opening with front matter (no NUL byte).
pub(crate) fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    hostile_parts().prop_map(|(mut front, body)| {
        front.extend(body);
        front
    })
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Plain, Format::Markdown])
}

/// Every line trimmed and blank lines dropped: what plain-text parsing does to a text that
/// has no tab, `\r` or control character left.
fn squeezed(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Bytes of the front matter `bytes` open with, as the whole parse finds it: a `+++` line,
/// up to and with the next line that is `+++` (trailing spaces aside); 0 when there is none.
fn front_matter_len(bytes: &[u8]) -> usize {
    let Some(first) = bytes.iter().position(|&b| b == b'\n') else {
        return 0;
    };
    if bytes[..first]
        .strip_suffix(b"\r")
        .unwrap_or(&bytes[..first])
        != b"+++"
    {
        return 0;
    }
    let mut at = first + 1;
    while at < bytes.len() {
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |n| at + n + 1);
        if bytes[at..end].trim_ascii_end() == b"+++" {
            return end;
        }
        at = end;
    }
    0
}

fn plain(bytes: &[u8]) -> Document {
    Document::parse(bytes, Format::Plain).unwrap()
}

/// Parses plain-text `bytes` in pieces cut after the newlines at or before `cuts`, as the
/// loader does (invalid UTF-8 included). The first piece holds at least the first `front`
/// bytes, as the loader's first piece (32 KiB) holds any front matter shorter than that.
fn in_pieces(bytes: &[u8], front: usize, cuts: &[usize]) -> Document {
    // The body may itself close (or be) front matter: the first piece holds it all the same.
    let front = front.max(front_matter_len(bytes));
    let mut bounds = vec![0];
    bounds.extend(cuts.iter().map(|&c| {
        bytes[..c.min(bytes.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |n| n + 1)
            .max(front)
    }));
    bounds.sort_unstable();
    bounds.push(bytes.len());
    let mut doc = Document::parse_start(&bytes[..bounds[1]], Format::Plain).unwrap();
    for w in bounds[1..].windows(2) {
        doc.append(Document::parse_continuation(&bytes[w[0]..w[1]], w[0]).unwrap());
    }
    doc.find_repeats();
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Normalisation is idempotent. For any brief `B` (plain or Markdown) with normalised text
    /// `T`, parsing `"\n" + T` as plain text gives exactly `S` = `T` with each line trimmed and
    /// blank lines dropped; for a plain brief `S` is `T` itself, with the same blocks (kinds,
    /// ranges, character offsets). Markdown keeps a code block's indentation and blank lines,
    /// which plain text does not, hence `S`. The leading `"\n"` is there because `T` may
    /// itself begin with `+++` lines or U+FEFF, which at byte 0 of a file are read as front
    /// matter or a byte-order mark; without them, parsing `T` itself gives the same.
    #[test]
    fn normalising_the_normalised_text_again_changes_nothing(
        bytes in hostile_bytes(),
        format in format(),
    ) {
        let doc = Document::parse(&bytes, format).unwrap();
        let text = doc.text();
        let again = plain(format!("\n{text}").as_bytes());
        prop_assert_eq!(again.text(), squeezed(text));
        if format == Format::Plain {
            prop_assert_eq!(again.text(), text);
            prop_assert_eq!(again.blocks(), doc.blocks());
        }
        if !text.starts_with("+++") && !text.starts_with('\u{feff}') {
            let direct = plain(text.as_bytes());
            prop_assert_eq!(direct.text(), again.text());
        }
    }

    /// A plain brief read in pieces (cut after line ends, as the loader cuts a huge one) has
    /// exactly the text and blocks of the brief read whole.
    #[test]
    fn a_brief_read_in_any_pieces_equals_one_read_whole(
        (front, body) in hostile_parts(),
        cuts in prop::collection::vec(0usize..400, 0..4),
    ) {
        // (A brief whose front matter is longer than the loader's first piece, 32 KiB, is not
        // generated here: the reader then reads it as text; see the README.)
        let bytes = [front.as_slice(), &body].concat();
        let whole = plain(&bytes);
        let pieces = in_pieces(&bytes, front.len(), &cuts);
        prop_assert_eq!(pieces.text(), whole.text());
        prop_assert_eq!(pieces.blocks(), whole.blocks());
        prop_assert_eq!(pieces.char_len(), whole.char_len());
        prop_assert_eq!(pieces.repeats(), whole.repeats());
    }
}

#[test]
fn a_normalised_text_can_open_with_what_a_file_would_read_as_front_matter_or_a_bom() {
    // Both survive normalisation, since neither is at byte 0 of its file here...
    let fenced = plain(b"\n+++\n+++\nBody");
    assert_eq!(fenced.text(), "+++\n+++\nBody");
    let bom = plain("\u{feff}\u{feff}Title".as_bytes());
    assert_eq!(bom.text(), "\u{feff}Title");
    // ...and at byte 0 they are read as a file's front matter and byte-order mark.
    assert_eq!(plain(fenced.text().as_bytes()).text(), "Body");
    assert_eq!(plain(bom.text().as_bytes()).text(), "Title");
}

#[test]
fn a_body_that_is_itself_front_matter_reads_the_same_in_pieces() {
    let bytes = b"+++\n+++";
    assert_eq!(front_matter_len(bytes), 7);
    let whole = plain(bytes);
    assert_eq!(in_pieces(bytes, 0, &[0]).text(), whole.text());
}
