//! Plain-text briefs: the first non-blank line is the title, every other non-blank line a
//! paragraph (scraped briefs put one paragraph on each line).

use super::block::BlockKind;
use super::builder::Builder;

/// Appends the blocks of a plain-text body. With `has_title`, the title came from front matter
/// and every line is a paragraph.
pub fn parse(body: &str, builder: &mut Builder, has_title: bool) {
    for line in body.split('\n') {
        let kind = if builder.len() == 0 && !has_title {
            BlockKind::Title
        } else {
            BlockKind::Paragraph
        };
        builder.push_line(kind, line.strip_suffix('\r').unwrap_or(line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_the_title_and_crlf_is_handled() {
        let mut b = Builder::default();
        parse(
            "\r\n  Headline  \r\nBody one.\r\n\r\nBody two.",
            &mut b,
            false,
        );
        let crate::document::builder::Built { text, blocks, .. } = b.finish();
        assert_eq!(text, "Headline\nBody one.\nBody two.");
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind()).collect();
        assert_eq!(
            kinds,
            [BlockKind::Title, BlockKind::Paragraph, BlockKind::Paragraph]
        );
    }
}
