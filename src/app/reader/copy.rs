//! Copying to the system clipboard: the selection, the highlight under the cursor as a
//! quote with its source line, or the brief's address. The text goes out as an
//! [`Effect::Copy`] (OSC 52, written by the runtime), capped in size, controls neutralised.

use super::Reader;
use crate::annotation::Status;
use crate::app::{COPY_MAX_BYTES, Effect, Level};
use crate::sanitize;

impl Reader {
    /// Copies the selected text and ends the selection.
    pub fn copy_selection(&mut self) -> Vec<Effect> {
        let Some(selection) = self.selection() else {
            return Vec::new();
        };
        let text = self.doc.text()[selection.range(self.doc.text())].to_string();
        let effects = self.copy(&text, "the selection");
        if !effects.is_empty() {
            self.cancel_selection();
        }
        effects
    }

    /// Copies the highlight under the cursor (the panel's selected one in the panel) as a
    /// Markdown quote followed by where it comes from.
    pub fn copy_quote(&mut self) -> Vec<Effect> {
        let Some(a) = self.target() else {
            self.say_no_highlight();
            return Vec::new();
        };
        let quote = if a.status == Status::Orphaned {
            a.anchor.quote.clone()
        } else {
            self.doc.text()[a.anchor.bytes(&self.doc)].to_string()
        };
        let mut text: String = quote.lines().map(|l| format!("> {l}\n")).collect();
        text.push_str(&format!("— {}", self.source_line()));
        self.copy(&text, "the highlight as a quote")
    }

    /// Copies the front matter's `url`.
    pub fn copy_url(&mut self) -> Vec<Effect> {
        match self.doc.meta().url.clone().filter(|u| !u.trim().is_empty()) {
            Some(url) => self.copy(url.trim(), "the address"),
            None => {
                self.say(Level::Info, "this brief has no url in its front matter");
                Vec::new()
            }
        }
    }

    /// Title, source, date and address, as a citation.
    fn source_line(&self) -> String {
        let meta = self.doc.meta();
        let published = meta.published.as_ref().map(|p| match p {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        [
            self.doc.title().map(str::to_string),
            meta.source.clone(),
            published,
            meta.url.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }

    fn copy(&mut self, text: &str, what: &str) -> Vec<Effect> {
        if text.len() > COPY_MAX_BYTES {
            self.say(
                Level::Warning,
                &format!(
                    "not copied: {what} is {} KiB, more than the {} KiB a terminal clipboard takes",
                    text.len().div_ceil(1024),
                    COPY_MAX_BYTES / 1024
                ),
            );
            return Vec::new();
        }
        let clean = sanitize::text(text).into_owned();
        self.say(
            Level::Info,
            &format!("copied {what} ({} characters)", clean.chars().count()),
        );
        vec![Effect::Copy(clean)]
    }
}
