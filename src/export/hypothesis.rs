//! The Hypothesis export: the JSON file Hypothesis's client writes when it exports
//! annotations and reads back when it imports them (`export_date`, `export_userid`,
//! `client_version`, `annotations`), each annotation with `uri`, `text`, `tags`,
//! `target[].selector[]` (quote and position selectors) and `document.title`.

use serde_json::{Value, json};

use super::{Brief, utc};

/// The `export_userid` gloss writes: Hypothesis keys exports by account, gloss has none.
pub const USER: &str = "acct:gloss@localhost";

/// Every highlight of `briefs` (orphans with a quote selector only), exported at `now`.
pub fn export(briefs: &[Brief<'_>], now: jiff::Timestamp) -> Value {
    let mut annotations = Vec::new();
    for brief in briefs {
        let title = brief.info().title;
        for a in brief.annotations.iter() {
            let h = brief.highlight(a);
            let mut selector = vec![json!({
                "type": "TextQuoteSelector",
                "exact": h.quote,
                "prefix": h.prefix,
                "suffix": h.suffix,
            })];
            if let (Some(start), Some(end)) = (h.start, h.end) {
                selector
                    .push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
            }
            let mut item = json!({
                "id": h.id,
                "created": h.created,
                "updated": h.updated,
                "user": USER,
                "uri": brief.uri,
                "text": h.note,
                "tags": h.tags,
                "group": "__world__",
                "permissions": { "read": ["group:__world__"] },
                "target": [{ "source": brief.uri, "selector": selector }],
                "document": { "title": [title] },
                "gloss": { "color": h.color },
            });
            // Who made it, as Hypothesis shows a user's name.
            if !h.author.is_empty()
                && let Some(map) = item.as_object_mut()
            {
                map.insert("user_info".into(), json!({ "display_name": h.author }));
            }
            annotations.push(item);
        }
    }
    json!({
        "export_date": utc(now),
        "export_userid": USER,
        "client_version": concat!("gloss ", env!("CARGO_PKG_VERSION")),
        "annotations": annotations,
    })
}
