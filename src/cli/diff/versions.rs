//! `gloss diff FILE --versions`: every version of the brief's text gloss has seen (see
//! `store::versions`), oldest first, as a table or JSON. The version the brief has now is
//! logged first if it is new, with how its annotations land on it.

use std::path::Path;

use serde::Serialize;

use super::super::list::{before_of, escape_controls};
use crate::error::{Error, show_path};
use crate::sanitize;
use crate::store::convert::text_hash;
use crate::store::place::place_with;
use crate::store::snapshot::Snapshots;
use crate::store::versions::{Version, Versions};

/// One version as `--json` prints it.
#[derive(Debug, Serialize)]
struct VersionOut<'a> {
    first_seen: String,
    bytes: u64,
    sha256: &'a str,
    moved: Option<usize>,
    fuzzy: Option<usize>,
    orphaned: Option<usize>,
    current: bool,
}

/// Logs the brief's version now if it is new, and prints the log.
pub fn run(file: &Path, explicit: Option<&Path>, json: bool) -> Result<(), Error> {
    let doc = super::super::load_brief(file)?;
    let now = text_hash(&doc);
    let Some(log) = Versions::in_data_dir(file) else {
        return Err(Error::Annotations(
            "no data folder (set GLOSS_DATA_DIR or XDG_DATA_HOME), so no versions are kept".into(),
        ));
    };
    let mut versions = log.load();
    if !versions.iter().any(|v| v.sha256 == now) {
        let loaded = super::super::sidecar_of(file, explicit)
            .load()
            .map_err(|e| Error::Annotations(e.to_string()))?;
        // How the annotations land on it, when they were placed on another text.
        let step = loaded.filter(|f| f.document.sha256 != now).map(|f| {
            let before = before_of(Snapshots::in_data_dir().as_ref(), &f);
            let [_, moved, fuzzy, orphaned] = place_with(&doc, &f, before).counts;
            [moved, fuzzy, orphaned]
        });
        let version = Version {
            seen: jiff::Timestamp::now(),
            bytes: doc.text().len() as u64,
            sha256: now.clone(),
            step,
        };
        // A log that cannot be written is only a version less next time.
        let _ = log.record(version.clone());
        versions.push(version);
    }
    let mut out = super::super::out::Out::new();
    if json {
        let rows: Vec<VersionOut<'_>> = versions
            .iter()
            .map(|v| VersionOut {
                first_seen: v.seen.to_string(),
                bytes: v.bytes,
                sha256: &v.sha256,
                moved: v.step.map(|s| s[0]),
                fuzzy: v.step.map(|s| s[1]),
                orphaned: v.step.map(|s| s[2]),
                current: v.sha256 == now,
            })
            .collect();
        let value = serde_json::json!({ "brief": show_path(file), "versions": rows });
        let text =
            serde_json::to_string_pretty(&value).map_err(|e| Error::Annotations(e.to_string()))?;
        return out.line(&escape_controls(&text));
    }
    for line in table(&show_path(file), &versions, &now) {
        out.line(&line)?;
    }
    Ok(())
}

/// The log as lines of text: a heading, then a row per version (`*` marks the one now).
pub(super) fn table(name: &str, versions: &[Version], now: &str) -> Vec<String> {
    let mut lines = vec![
        sanitize::line(&format!(
            "{name}: {} seen",
            match versions.len() {
                1 => "1 version".to_string(),
                n => format!("{n} versions"),
            }
        ))
        .into_owned(),
        format!(
            "  {:<20}  {:>10}  {:<12}  {:>5}  {:>5}  {:>8}",
            "first seen", "bytes", "sha256", "moved", "fuzzy", "orphaned"
        ),
    ];
    for v in versions {
        let count = |i: usize| v.step.map_or_else(|| "-".to_string(), |s| s[i].to_string());
        lines.push(format!(
            "{} {:<20}  {:>10}  {:<12}  {:>5}  {:>5}  {:>8}",
            if v.sha256 == now { "*" } else { " " },
            v.seen.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            v.bytes,
            v.sha256.get(..12).unwrap_or(&v.sha256),
            count(0),
            count(1),
            count(2),
        ));
    }
    lines
}
