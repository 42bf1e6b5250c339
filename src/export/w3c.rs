//! The W3C Web Annotation export: JSON-LD, an `AnnotationCollection` with its first (and
//! only) `AnnotationPage` embedded. Each highlight is an `Annotation` whose target is the
//! brief with a `TextQuoteSelector` and a `TextPositionSelector` (Unicode code points, as
//! gloss counts), whose note is a `TextualBody` for `commenting` and whose tags are bodies
//! for `tagging`; its colour is a `styleClass` on the target, drawn by the annotation's
//! `stylesheet`, both terms of the model's own context, so JSON-LD keeps them. Who made it is
//! its `creator`, a `Person` with a `name`.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{Brief, Highlight};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The class a highlight colour gets (`gloss-yellow`).
pub fn style_class(color: &str) -> String {
    format!("gloss-{color}")
}

/// A `urn:uuid:` IRI that stays the same for the same input (a version 8 UUID from its
/// SHA-256), for the collection and its page, which have no id of their own.
fn derived_id(input: &str) -> String {
    let digest = Sha256::digest(input.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    format!(
        "urn:uuid:{}",
        uuid::Builder::from_custom_bytes(bytes).into_uuid()
    )
}

/// One collection of every highlight of `briefs`, orphans too (with a quote selector only).
pub fn collection(briefs: &[Brief<'_>]) -> Value {
    let mut items = Vec::new();
    for brief in briefs {
        let css = stylesheet(brief);
        for a in brief.annotations.iter() {
            items.push(annotation(brief, &brief.highlight(a), &css));
        }
    }
    let key: Vec<&str> = briefs.iter().map(|b| b.uri).collect();
    let key = key.join("\n");
    let label = match briefs {
        [one] => format!("gloss annotations: {}", one.info().title),
        _ => format!("gloss annotations of {} briefs", briefs.len()),
    };
    let id = derived_id(&format!("collection\n{key}"));
    json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label.clone(),
        "total": items.len(),
        "first": {
            "id": derived_id(&format!("page 1\n{key}")),
            "type": "AnnotationPage",
            "partOf": { "id": id, "label": label, "total": items.len() },
            "startIndex": 0,
            "items": items,
        }
    })
}

/// The CSS that colours each class as the theme does.
fn stylesheet(brief: &Brief<'_>) -> String {
    <crate::annotation::Color as strum::IntoEnumIterator>::iter()
        .map(|c| {
            let pair = brief.palette.highlight(c);
            let mut rules = Vec::new();
            if let Some(bg) = &pair.bg {
                rules.push(format!("background-color: {bg};"));
            }
            if let Some(fg) = &pair.fg {
                rules.push(format!("color: {fg};"));
            }
            format!(".{} {{ {} }}", style_class(c.name()), rules.join(" "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn annotation(brief: &Brief<'_>, h: &Highlight, css: &str) -> Value {
    let mut body = Vec::new();
    if !h.note.is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "value": h.note,
            "format": "text/plain",
            "purpose": "commenting",
        }));
    }
    for tag in &h.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": h.quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
    })];
    if let (Some(start), Some(end)) = (h.start, h.end) {
        selector.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    let mut a = json!({
        "@context": CONTEXT,
        "id": format!("urn:uuid:{}", h.id),
        "type": "Annotation",
        "motivation": if h.note.is_empty() { "highlighting" } else { "commenting" },
        "created": h.created,
        "modified": h.updated,
        "stylesheet": { "type": "CssStylesheet", "value": css },
        "target": {
            "type": "SpecificResource",
            "source": brief.uri,
            "styleClass": style_class(h.color),
            "selector": selector,
        },
    });
    if let Some(map) = a.as_object_mut() {
        if !body.is_empty() {
            map.insert("body".into(), Value::Array(body));
        }
        if !h.author.is_empty() {
            map.insert(
                "creator".into(),
                json!({ "type": "Person", "name": h.author }),
            );
        }
    }
    a
}
