//! TOML front matter between `+++` lines at the top of a brief.

use serde::Deserialize;

/// Metadata a brief may declare about itself. Unknown keys are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// Title shown at the top of the reader and in the status bar.
    pub title: Option<String>,
    /// Publication or agency the brief comes from.
    pub source: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// Where the brief was published.
    pub url: Option<String>,
    /// Publication date or date-time, as written.
    pub published: Option<toml::Value>,
    /// Free-form tags.
    pub tags: Vec<String>,
}

impl Meta {
    /// The line shown under the title: source, date, tags and address, joined by ` · `, each
    /// cleaned for the terminal; `None` when none is given. It is drawn, never part of the
    /// normalised text, so it moves no offset.
    pub fn line(&self) -> Option<String> {
        let published = self.published.as_ref().map(|date| match date {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let tags: Vec<&str> = self
            .tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let parts: Vec<String> = [
            self.byline.clone(),
            self.source.clone(),
            published,
            Some(tags.join(", ")),
        ]
        .into_iter()
        .chain([self.url.clone()])
        .flatten()
        .map(|part| crate::sanitize::line(part.trim()).into_owned())
        .filter(|part| !part.is_empty())
        .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// Front matter split from the body.
#[derive(Debug)]
pub struct Split<'a> {
    /// Parsed metadata (default when absent or invalid).
    pub meta: Meta,
    /// The body after the closing `+++` line (the whole text when there is no front matter).
    pub body: &'a str,
    /// A message naming the line and the problem when the front matter does not parse.
    pub warning: Option<String>,
}

/// Splits `+++`-delimited TOML front matter from the body.
///
/// An opening `+++` without a closing one is not front matter: the text is left as it is.
pub fn split(text: &str) -> Split<'_> {
    let none = Split {
        meta: Meta::default(),
        body: text,
        warning: None,
    };
    let Some(rest) = text.strip_prefix("+++").and_then(strip_line_end) else {
        return none;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let toml_src = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return match toml::from_str::<Meta>(toml_src) {
                Ok(meta) => Split {
                    meta,
                    body,
                    warning: None,
                },
                Err(err) => Split {
                    meta: Meta::default(),
                    body,
                    warning: Some(describe(toml_src, &err)),
                },
            };
        }
        offset += line.len();
    }
    none
}

fn strip_line_end(s: &str) -> Option<&str> {
    s.strip_prefix("\r\n").or_else(|| s.strip_prefix('\n'))
}

/// "front matter line N: message", with N counted in the brief (the `+++` line is line 1).
fn describe(src: &str, err: &toml::de::Error) -> String {
    let line = err
        .span()
        .map_or(1, |span| crate::location::line_column(src, span.start).0);
    let message = err.message().trim();
    format!("front matter line {}: {message}", line + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_keys_and_returns_the_body() {
        let s = split("+++\ntitle = \"Rates\"\ntags = [\"fed\"]\nextra = 1\n+++\nBody\n");
        assert_eq!(s.meta.title.as_deref(), Some("Rates"));
        assert_eq!(s.meta.tags, vec!["fed".to_string()]);
        assert_eq!(s.body, "Body\n");
        assert!(s.warning.is_none());
    }

    #[test]
    fn a_bad_value_names_its_line() {
        let s = split("+++\ntitle = \"ok\"\ntags = 3\n+++\nBody");
        assert_eq!(s.body, "Body");
        let warning = s.warning.unwrap();
        assert!(warning.starts_with("front matter line 3:"), "{warning}");
    }

    #[test]
    fn the_meta_line_joins_what_is_there_and_leaves_out_the_rest() {
        let line = |src: &str| split(src).meta.line();
        let all = "+++\ntitle = \"T\"\nsource = \"Wire\"\npublished = 2026-11-20\n\
                   tags = [\"semiconductors\", \"export controls\"]\n\
                   url = \"https://example.com/a\"\n+++\nBody";
        assert_eq!(
            line(all).as_deref(),
            Some("Wire · 2026-11-20 · semiconductors, export controls · https://example.com/a")
        );
        let date_and_url = "+++\npublished = \"20 Nov 2026\"\nurl = \"https://e.com\"\n+++\nB";
        assert_eq!(
            line(date_and_url).as_deref(),
            Some("20 Nov 2026 · https://e.com")
        );
        let blanks = "+++\ntitle = \"T\"\nsource = \"  \"\ntags = [\"\", \" x \"]\n+++\nB";
        assert_eq!(
            line(blanks).as_deref(),
            Some("x"),
            "blank parts are left out"
        );
        assert_eq!(line("+++\ntitle = \"Only a title\"\n+++\nB"), None);
        assert_eq!(line("No front matter"), None);
    }

    #[test]
    fn the_meta_line_neutralises_control_characters() {
        let src = "+++\nsource = \"Wire\\u001b]0;owned\\u0007\\u001b[2J\"\n\
                   tags = [\"a\\nb\", \"\\u202etxt\"]\n+++\nBody";
        let line = split(src).meta.line().unwrap();
        assert!(!line.chars().any(crate::sanitize::is_unsafe), "{line:?}");
        assert_eq!(line, "Wire␛]0;owned␇␛[2J · a␊b, \u{FFFD}txt");
    }

    #[test]
    fn unclosed_front_matter_is_body_text() {
        let s = split("+++\ntitle = \"x\"\nno end");
        assert_eq!(s.body, "+++\ntitle = \"x\"\nno end");
        assert!(s.meta.title.is_none());
    }
}
