//! Memos: the researcher's writing beside the coding. A code's memo lives on its `[[code]]`
//! (`memo = """..."""`); a library memo, not tied to a code, is a `[[memo]]` table of
//! `codebook.toml` with a `title` and a `text`, in title order, so both diff line by line.
//! Pure.

use serde::{Deserialize, Serialize};

use super::Codebook;
use crate::annotation::query::tag_within;

/// One `[[memo]]` of the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memo {
    /// Its title, unique in the library.
    pub title: String,
    /// Its text (any lines).
    #[serde(default)]
    pub text: String,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// What is wrong with a memo's title, if anything: empty, or control characters in it.
pub fn title_problem(title: &str) -> Option<String> {
    if title.trim().is_empty() {
        return Some("a memo needs a title".into());
    }
    if title.chars().any(char::is_control) {
        return Some(format!(
            "{} has a control character in it",
            crate::sanitize::line(title)
        ));
    }
    None
}

/// Text as it is stored: no trailing blank lines or spaces, `\r\n` as `\n`, and no control
/// characters but line breaks and tabs.
pub fn tidy(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect::<String>()
        .trim_end()
        .to_string()
}

impl Codebook {
    /// Sets the memo of the code `name` (an empty text takes it off); what happened.
    pub fn set_memo(&mut self, name: &str, text: &str) -> Result<&'static str, String> {
        let Some(code) = self.codes.iter_mut().find(|c| c.name == name) else {
            return Err(if self.codes.iter().any(|c| tag_within(&c.name, name)) {
                format!("{name:?} only groups codes: add it as a code to give it a memo")
            } else {
                format!("{name:?} is not a code")
            });
        };
        let text = tidy(text);
        let said = match (code.memo.is_empty(), text.is_empty()) {
            (_, true) => "memo taken off",
            (true, false) => "memo written",
            (false, false) => "memo changed",
        };
        code.memo = text;
        Ok(said)
    }

    /// The library memo called `title`.
    pub fn memo(&self, title: &str) -> Option<&Memo> {
        self.memos.iter().find(|m| m.title == title)
    }

    /// Writes the library memo `title` (new or replaced); an empty text deletes it. What
    /// happened.
    pub fn set_library_memo(&mut self, title: &str, text: &str) -> Result<&'static str, String> {
        if let Some(problem) = title_problem(title) {
            return Err(problem);
        }
        let title = title.trim();
        let text = tidy(text);
        let at = self.memos.iter().position(|m| m.title == title);
        let said = match (at, text.is_empty()) {
            (None, true) => return Err(format!("there is no library memo {title:?}")),
            (Some(i), true) => {
                self.memos.remove(i);
                "library memo deleted"
            }
            (Some(i), false) => {
                self.memos[i].text = text;
                "library memo changed"
            }
            (None, false) => {
                self.memos.push(Memo {
                    title: title.to_string(),
                    text,
                    extra: toml::Table::new(),
                });
                self.memos.sort_by(|a, b| a.title.cmp(&b.title));
                "library memo written"
            }
        };
        Ok(said)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Code;
    use super::super::format::{parse, write};
    use super::*;

    #[test]
    fn a_code_memo_is_set_changed_and_taken_off() {
        let mut book = Codebook::default();
        book.add(Code::named("frame/conflict")).unwrap();
        assert!(book.set_memo("frame", "x").unwrap_err().contains("groups"));
        assert!(
            book.set_memo("tone", "x")
                .unwrap_err()
                .contains("not a code")
        );
        assert_eq!(
            book.set_memo("frame/conflict", "Two sides.\r\nE.g. \"war\"\u{1b}[2J\n\n")
                .unwrap(),
            "memo written"
        );
        assert_eq!(book.codes[0].memo, "Two sides.\nE.g. \"war\"[2J");
        assert_eq!(
            book.set_memo("frame/conflict", "x").unwrap(),
            "memo changed"
        );
        assert_eq!(
            book.set_memo("frame/conflict", " ").unwrap(),
            "memo taken off"
        );
        assert_eq!(book.codes[0].memo, "");
    }

    #[test]
    fn memos_follow_renames_and_merges() {
        let mut book = Codebook::default();
        book.add(Code::named("a")).unwrap();
        book.add(Code::named("b")).unwrap();
        book.set_memo("a", "memo of a").unwrap();
        book.rename("a", "c").unwrap();
        assert_eq!(book.get("c").unwrap().memo, "memo of a");
        book.merge("c", "b").unwrap();
        assert_eq!(book.get("b").unwrap().memo, "memo of a", "b had none");
    }

    #[test]
    fn library_memos_are_kept_in_title_order_and_deleted_by_an_empty_text() {
        let mut book = Codebook::default();
        assert_eq!(
            book.set_library_memo("Sampling", "Wires of May.").unwrap(),
            "library memo written"
        );
        book.set_library_memo("Aims", "Framing of trade.").unwrap();
        let titles: Vec<&str> = book.memos.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["Aims", "Sampling"]);
        assert_eq!(
            book.set_library_memo("Aims", "").unwrap(),
            "library memo deleted"
        );
        assert!(book.set_library_memo("Aims", "").is_err());
        assert!(book.set_library_memo(" ", "x").is_err());
        assert!(book.set_library_memo("a\u{7}", "x").is_err());
        assert_eq!(book.memo("Sampling").unwrap().text, "Wires of May.");
    }

    #[test]
    fn memos_are_written_as_lines_that_diff_and_read_back() {
        let mut book = Codebook::default();
        book.add(Code::named("frame")).unwrap();
        book.set_memo("frame", "Line one.\nLine two.").unwrap();
        book.set_library_memo("Aims", "First.\nSecond.").unwrap();
        let text = write(&book).unwrap();
        assert!(text.contains("Line one.\nLine two."), "{text}");
        assert!(text.contains("[[memo]]\ntitle = \"Aims\""), "{text}");
        assert_eq!(parse(&text).unwrap(), book);
    }

    #[test]
    fn a_memo_title_twice_or_missing_is_named_with_its_line() {
        let e =
            parse("version = 1\n[[memo]]\ntitle = \"A\"\n[[memo]]\ntitle = \"A\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (5, Some("title")));
        assert!(e.message.contains("line 3"), "{e}");
        let e = parse("version = 1\n[[memo]]\ntext = \"x\"\n").unwrap_err();
        assert!(e.message.contains("without a `title`"), "{e}");
    }
}
