//! Guessing how a brief without a file name is written (`gloss -` reads standard input):
//! HTML, Markdown or plain text, from its first bytes. Pure.

use super::Format;

/// How far into the text the guess looks.
const LOOK: usize = 4096;

/// The format `bytes` look like: HTML when they open with a tag and carry a page's elements,
/// Markdown when they open with front matter or hold Markdown block syntax (an ATX heading,
/// a fence, a list or quote marker at a line's start, or a `[text](url)` link), else plain.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(LOOK)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let lower = text.to_ascii_lowercase();
    let page_tags = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<p>",
        "<div",
    ];
    if lower.starts_with('<') && page_tags.iter().any(|t| lower.contains(t)) {
        return Format::Html;
    }
    if text.starts_with("+++\n") || text.starts_with("+++\r\n") {
        return Format::Markdown;
    }
    let markdown_line = |line: &str| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
            || line.starts_with("```")
            || line.starts_with("- ")
            || line.starts_with("* ")
            || line.starts_with("> ")
    };
    if text.lines().any(markdown_line) || (text.contains("](") && text.contains('[')) {
        return Format::Markdown;
    }
    Format::Plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_markdown_and_plain_text_are_told_apart() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><html><p>x"),
            Format::Html
        );
        assert_eq!(sniff(b"<div class=story><p>Text</p></div>"), Format::Html);
        assert_eq!(sniff(b"+++\ntitle = \"x\"\n+++\nBody"), Format::Markdown);
        assert_eq!(sniff(b"Title\n\n## Part\n\nText"), Format::Markdown);
        assert_eq!(sniff(b"Intro\n- one\n- two"), Format::Markdown);
        assert_eq!(
            sniff(b"See [the report](https://x.test) now"),
            Format::Markdown
        );
        assert_eq!(
            sniff(b"Chip curbs widen\nThe Netherlands joined.\n"),
            Format::Plain
        );
        assert_eq!(
            sniff(b"#hashtag is not a heading\n<b> in text"),
            Format::Plain
        );
        assert_eq!(sniff(b"<not a page> just a bracket"), Format::Plain);
        assert_eq!(sniff(b""), Format::Plain);
    }
}
