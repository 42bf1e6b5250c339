//! Reading annotations back: W3C Web Annotation JSON-LD (a collection, a page, an array or
//! one annotation) and Hypothesis JSON (its export file, an API search result, or an array),
//! checked whole before anything is imported; the first problem is named by its JSON path.

use jiff::Timestamp;
use serde_json::Value;
use uuid::Uuid;

use crate::annotation::Color;

/// One annotation as read, before it is placed in the brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// Its id when it has a UUID (`urn:uuid:…` or a bare one); Hypothesis's own ids are not.
    pub id: Option<Uuid>,
    /// The quoted text.
    pub exact: String,
    /// Text before the quote.
    pub prefix: String,
    /// Text after the quote.
    pub suffix: String,
    /// Offsets in code points, when a position selector gives them.
    pub position: Option<(usize, usize)>,
    /// The note.
    pub note: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// Its colour, when gloss wrote it.
    pub color: Option<Color>,
    /// When it was made.
    pub created: Option<Timestamp>,
    /// When it last changed.
    pub modified: Option<Timestamp>,
}

/// The first problem of a file that is not W3C or Hypothesis annotation JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct Invalid {
    /// Where, as a JSON path (`$.first.items[3].target.selector[0].exact`).
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

fn invalid(path: &str, message: impl Into<String>) -> Invalid {
    Invalid {
        path: path.to_string(),
        message: message.into(),
    }
}

/// What a file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    /// The annotations on a passage of text.
    pub annotations: Vec<Incoming>,
    /// Annotations on the whole document (no selector: Hypothesis's page notes and
    /// replies), which have no passage to go to.
    pub whole: usize,
}

/// Every annotation in `json`, or the first problem.
pub fn read(json: &Value) -> Result<Read, Invalid> {
    let (items, path) = items_of(json)?;
    let mut read = Read::default();
    for (i, item) in items.iter().enumerate() {
        match annotation(item, &format!("{path}[{i}]"))? {
            Some(a) => read.annotations.push(a),
            None => read.whole += 1,
        }
    }
    Ok(read)
}

/// The list of annotations in the file and its JSON path.
fn items_of(json: &Value) -> Result<(Vec<&Value>, String), Invalid> {
    match json {
        Value::Array(items) => Ok((items.iter().collect(), "$".into())),
        Value::Object(map) => {
            let kind = map.get("type").and_then(Value::as_str);
            if kind == Some("AnnotationCollection") {
                return match map.get("first") {
                    Some(Value::Object(page)) => match page.get("items") {
                        Some(Value::Array(items)) => {
                            Ok((items.iter().collect(), "$.first.items".into()))
                        }
                        _ => Err(invalid("$.first.items", "expected an array of annotations")),
                    },
                    Some(Value::String(_)) => Err(invalid(
                        "$.first",
                        "the first page is a link, not embedded: gloss reads embedded pages only",
                    )),
                    None if map.get("total").and_then(Value::as_u64) == Some(0) => {
                        Ok((Vec::new(), "$.first.items".into()))
                    }
                    _ => Err(invalid("$.first", "expected an embedded AnnotationPage")),
                };
            }
            if kind == Some("AnnotationPage") {
                return match map.get("items") {
                    Some(Value::Array(items)) => Ok((items.iter().collect(), "$.items".into())),
                    _ => Err(invalid("$.items", "expected an array of annotations")),
                };
            }
            for key in ["annotations", "rows"] {
                if let Some(found) = map.get(key) {
                    return match found {
                        Value::Array(items) => Ok((items.iter().collect(), format!("$.{key}"))),
                        _ => Err(invalid(&format!("$.{key}"), "expected an array")),
                    };
                }
            }
            if map.contains_key("target") {
                return Ok((vec![json], "$".into()));
            }
            Err(invalid(
                "$",
                "neither W3C annotations (an AnnotationCollection, AnnotationPage or Annotation) nor a Hypothesis export (with \"annotations\" or \"rows\")",
            ))
        }
        _ => Err(invalid("$", "expected a JSON object or array")),
    }
}

/// One annotation; `None` for one on the whole document (no selector).
fn annotation(item: &Value, path: &str) -> Result<Option<Incoming>, Invalid> {
    let Value::Object(map) = item else {
        return Err(invalid(path, "expected an annotation object"));
    };
    let target_path = format!("{path}.target");
    let (target, target_path) = match map.get("target") {
        Some(Value::Array(targets)) => match targets.first() {
            Some(t) => (t, format!("{target_path}[0]")),
            None => return Err(invalid(&target_path, "no target")),
        },
        Some(t) => (t, target_path),
        None => return Err(invalid(path, "no \"target\"")),
    };
    let target = match target {
        Value::Object(target) => target,
        // A bare IRI: the whole document.
        Value::String(_) => return Ok(None),
        _ => return Err(invalid(&target_path, "expected an object or an IRI")),
    };
    let selectors_path = format!("{target_path}.selector");
    let selectors: Vec<(&Value, String)> = match target.get("selector") {
        Some(Value::Array(all)) => all
            .iter()
            .enumerate()
            .map(|(i, s)| (s, format!("{selectors_path}[{i}]")))
            .collect(),
        Some(one) => vec![(one, selectors_path.clone())],
        None => return Ok(None),
    };
    let mut quote = None;
    let mut position = None;
    for (selector, at) in &selectors {
        let Value::Object(s) = selector else {
            return Err(invalid(at, "expected a selector object"));
        };
        match s.get("type").and_then(Value::as_str) {
            Some("TextQuoteSelector") => {
                let exact = string(s.get("exact"), &format!("{at}.exact"))?
                    .ok_or_else(|| invalid(at, "a TextQuoteSelector needs \"exact\""))?;
                let prefix = string(s.get("prefix"), &format!("{at}.prefix"))?.unwrap_or_default();
                let suffix = string(s.get("suffix"), &format!("{at}.suffix"))?.unwrap_or_default();
                quote = Some((exact, prefix, suffix));
            }
            Some("TextPositionSelector") => {
                let start = offset(s.get("start"), &format!("{at}.start"))?;
                let end = offset(s.get("end"), &format!("{at}.end"))?;
                if end < start {
                    return Err(invalid(&format!("{at}.end"), "end before start"));
                }
                position = Some((start, end));
            }
            Some(_) => {}
            None => {
                return Err(invalid(
                    &format!("{at}.type"),
                    "a selector needs a \"type\"",
                ));
            }
        }
    }
    let Some((exact, prefix, suffix)) = quote else {
        return Err(invalid(
            &selectors_path,
            "no TextQuoteSelector: gloss places annotations by their quote",
        ));
    };
    let mut note = String::new();
    let mut tags = Vec::new();
    if let Some(text) = map.get("text") {
        note = string(Some(text), &format!("{path}.text"))?.unwrap_or_default();
    }
    if let Some(found) = map.get("tags") {
        let Value::Array(found) = found else {
            return Err(invalid(
                &format!("{path}.tags"),
                "expected an array of strings",
            ));
        };
        for (i, t) in found.iter().enumerate() {
            tags.extend(string(Some(t), &format!("{path}.tags[{i}]"))?);
        }
    }
    let bodies: Vec<(&Value, String)> = match map.get("body") {
        Some(Value::Array(all)) => all
            .iter()
            .enumerate()
            .map(|(i, b)| (b, format!("{path}.body[{i}]")))
            .collect(),
        Some(one) => vec![(one, format!("{path}.body"))],
        None => Vec::new(),
    };
    for (body, at) in bodies {
        let Value::Object(body) = body else {
            continue; // a link to an external body: nothing gloss can keep
        };
        let Some(value) = string(body.get("value"), &format!("{at}.value"))? else {
            continue;
        };
        match body.get("purpose").and_then(Value::as_str) {
            Some("tagging") => tags.push(value),
            _ if note.is_empty() => note = value,
            _ => {
                note.push_str("\n\n");
                note.push_str(&value);
            }
        }
    }
    let color = target
        .get("styleClass")
        .and_then(Value::as_str)
        .and_then(|c| c.strip_prefix("gloss-"))
        .or_else(|| map.get("gloss")?.get("color")?.as_str())
        .and_then(|c| c.parse().ok());
    let id = map
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| Uuid::parse_str(id.strip_prefix("urn:uuid:").unwrap_or(id)).ok());
    Ok(Some(Incoming {
        id,
        exact,
        prefix,
        suffix,
        position,
        note,
        tags,
        color,
        created: time(map.get("created"), &format!("{path}.created"))?,
        modified: time(
            map.get("modified").or_else(|| map.get("updated")),
            &format!("{path}.modified"),
        )?,
    }))
}

fn string(value: Option<&Value>, path: &str) -> Result<Option<String>, Invalid> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(invalid(path, "expected a string")),
    }
}

fn offset(value: Option<&Value>, path: &str) -> Result<usize, Invalid> {
    value
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| invalid(path, "expected a non-negative integer"))
}

fn time(value: Option<&Value>, path: &str) -> Result<Option<Timestamp>, Invalid> {
    match string(value, path)? {
        None => Ok(None),
        Some(s) => s
            .parse::<Timestamp>()
            .map(Some)
            .map_err(|e| invalid(path, format!("not a date-time with a time zone: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_first_problem_is_named_by_its_path() {
        let bad = json!({
            "type": "AnnotationCollection",
            "first": { "type": "AnnotationPage", "items": [
                { "target": { "source": "x", "selector": { "type": "TextQuoteSelector", "exact": "a" } } },
                { "target": { "source": "x", "selector": [
                    { "type": "TextPositionSelector", "start": 1, "end": 2 },
                    { "type": "TextQuoteSelector", "exact": 5 }
                ] } }
            ] }
        });
        assert_eq!(
            read(&bad).unwrap_err().to_string(),
            "$.first.items[1].target.selector[1].exact: expected a string"
        );
        let hypothesis = json!({ "annotations": [
            { "uri": "x", "target": [ { "source": "x" } ] },
            { "uri": "x", "target": [ { "source": "x", "selector": [ { "type": "RangeSelector" } ] } ] }
        ] });
        assert_eq!(
            read(&hypothesis).unwrap_err().to_string(),
            "$.annotations[1].target[0].selector: no TextQuoteSelector: gloss places annotations by their quote"
        );
        // A page note (no selector) is not an error: it has no passage to go to.
        let page_note = json!({ "annotations": [ { "uri": "x", "text": "On the whole page", "target": [ { "source": "x" } ] } ] });
        assert_eq!(
            read(&page_note).unwrap(),
            Read {
                annotations: Vec::new(),
                whole: 1
            }
        );
        assert!(read(&json!({ "hello": 1 })).unwrap_err().path == "$");
        assert_eq!(
            read(&json!([{ "target": { "selector": { "type": "TextPositionSelector", "start": 4, "end": 2 } } }]))
                .unwrap_err()
                .to_string(),
            "$[0].target.selector.end: end before start"
        );
    }

    #[test]
    fn bodies_become_the_note_and_tags() {
        let one = json!({
            "id": "urn:uuid:01a20d48-c6f2-71de-8299-eb2506b972c2",
            "body": [
                { "type": "TextualBody", "value": "Why?", "purpose": "commenting" },
                { "type": "TextualBody", "value": "china", "purpose": "tagging" }
            ],
            "target": { "styleClass": "gloss-red", "selector": [
                { "type": "TextQuoteSelector", "exact": "probe", "prefix": "a ", "suffix": " b" },
                { "type": "TextPositionSelector", "start": 3, "end": 8 }
            ] },
            "created": "2026-11-24T11:20:03Z"
        });
        let read = read(&one).unwrap().annotations;
        assert_eq!(read.len(), 1);
        let a = &read[0];
        assert_eq!(a.note, "Why?");
        assert_eq!(a.tags, ["china"]);
        assert_eq!(a.color, Some(Color::Red));
        assert_eq!(a.position, Some((3, 8)));
        assert_eq!(
            (a.exact.as_str(), a.prefix.as_str(), a.suffix.as_str()),
            ("probe", "a ", " b")
        );
        assert_eq!(
            a.id.unwrap().to_string(),
            "01a20d48-c6f2-71de-8299-eb2506b972c2"
        );
    }
}
