//! The W3C export against the Web Annotation test suite's JSON Schemas, read from
//! `../shared/w3c-annotation/` beside the project: every MUST assertion of the annotation,
//! collection and page tests must hold, for every annotation and for the collection.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::tests::{brief, fixture, palette};
use super::w3c;

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/w3c-annotation/web-annotation-tests")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the W3C suite is read from ../shared)",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

/// Base of the suite's relative ids (`annotations.json`): any absolute URI will do, nothing
/// is fetched, every definition file is registered under it.
const BASE: &str = "https://w3c-annotation.test/";

/// The MUST assertions a `.test` file lists, each as (file name, validator).
fn musts(test: &str) -> Vec<(String, jsonschema::Validator)> {
    let root = suite();
    let mut registry = jsonschema::Registry::new();
    for entry in std::fs::read_dir(root.join("definitions")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        registry = registry.add(format!("{BASE}{name}"), read(&path)).unwrap();
    }
    let registry = registry.prepare().unwrap();
    let list = read(&root.join(test));
    list["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let file = a.as_str().unwrap();
            let schema = read(&root.join(file));
            assert_eq!(schema["assertionType"], "must", "{file}");
            assert_eq!(schema["expectedResult"], "valid", "{file}");
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft4)
                .with_base_uri(BASE)
                .with_registry(&registry)
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            (file.to_string(), validator)
        })
        .collect()
}

/// The assertions `value` fails, with the first error of each.
fn failures(value: &Value, musts: &[(String, jsonschema::Validator)]) -> Vec<String> {
    musts
        .iter()
        .filter_map(|(file, v)| v.validate(value).err().map(|e| format!("{file}: {e}")))
        .collect()
}

fn exported() -> Value {
    let (doc, set) = fixture();
    let palette = palette();
    w3c::collection(&[brief(&doc, &set, &palette)])
}

#[test]
fn every_annotation_meets_the_musts() {
    let musts = musts("annotations/annotationMusts.test");
    assert_eq!(musts.len(), 54);
    let json = exported();
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    for item in items {
        let failed = failures(item, &musts);
        assert!(failed.is_empty(), "{}\n{failed:#?}", item["id"]);
    }
}

#[test]
fn the_collection_and_its_page_meet_the_musts() {
    let json = exported();
    let failed = failures(&json, &musts("collections/collectionMusts.test"));
    assert!(failed.is_empty(), "{failed:#?}");
    // The page is embedded, so it shares the collection's context; the page tests check a
    // page on its own, as it would be served, so it gets the context it inherits.
    let mut page = json["first"].clone();
    page["@context"] = json["@context"].clone();
    let failed = failures(&page, &musts("collections/pages/pageMusts.test"));
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_schemas_catch_a_broken_annotation() {
    let musts = musts("annotations/annotationMusts.test");
    let json = exported();
    let mut broken = json["first"]["items"][0].clone();
    broken["target"]["selector"][0]["exact"] = Value::from(7);
    broken["created"] = Value::from("yesterday");
    let failed = failures(&broken, &musts);
    assert!(
        failed.iter().any(|f| f.contains("textQuoteSelectorValid")),
        "{failed:#?}"
    );
    assert!(
        failed.iter().any(|f| f.contains("CreatedValidated")),
        "{failed:#?}"
    );
}
