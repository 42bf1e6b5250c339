//! `gloss FILE --at ID|N%`: where the reader opens, at an annotation (its id, as exports
//! print it, with or without `urn:uuid:` or `gloss-`) or at a percentage of the brief.

use std::path::Path;

use uuid::Uuid;

use crate::annotation::{Annotations, Status};
use crate::document::Chars;
use crate::error::{Error, show_path};

/// Where `--at` asks to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// At this annotation.
    Annotation(Uuid),
    /// This far through the brief, 0-100.
    Percent(u8),
}

/// Parses `--at`'s value (for clap).
pub fn parse(s: &str) -> Result<At, String> {
    let s = s.trim();
    if let Some(n) = s.strip_suffix('%') {
        return match n.trim().parse::<u8>() {
            Ok(p) if p <= 100 => Ok(At::Percent(p)),
            _ => Err(format!("{s:?} is not a percentage from 0% to 100%")),
        };
    }
    let id = s
        .strip_prefix("urn:uuid:")
        .or_else(|| s.strip_prefix("^gloss-"))
        .or_else(|| s.strip_prefix("gloss-"))
        .unwrap_or(s);
    Uuid::parse_str(id).map(At::Annotation).map_err(|_| {
        format!("{s:?} is neither an annotation id (gloss list FILE shows them) nor a percentage such as 40%")
    })
}

/// The character to show at the top: in `annotations` when it holds the one asked for, else
/// in the whole brief read and its annotations placed (a big or changed brief, whose reader
/// has not got them yet).
pub fn resolve(
    at: At,
    file: &Path,
    explicit: Option<&Path>,
    annotations: &Annotations,
    chars: Option<Chars>,
) -> Result<Chars, Error> {
    if let (At::Percent(p), Some(all)) = (at, chars) {
        return Ok(Chars(all.get() * usize::from(p) / 100));
    }
    if let At::Annotation(id) = at
        && let Some(a) = annotations.get(id).filter(|a| a.status != Status::Orphaned)
    {
        return Ok(a.anchor.start);
    }
    let doc = super::load_brief(file)?;
    match at {
        At::Percent(p) => Ok(Chars(doc.char_len().get() * usize::from(p) / 100)),
        At::Annotation(id) => {
            let mut sidecar = super::sidecar_of(file, explicit);
            let placed = sidecar
                .load()
                .map_err(|e| Error::Annotations(e.to_string()))?
                .map(|f| crate::store::place::place(&doc, &f).annotations)
                .unwrap_or_default();
            match placed.get(id) {
                Some(a) if a.status == Status::Orphaned => Err(Error::Annotations(format!(
                    "{}: annotation {id} is orphaned: its quote is not in the brief any more",
                    show_path(file)
                ))),
                Some(a) => Ok(a.anchor.start),
                None => Err(Error::Annotations(format!(
                    "{}: no annotation {id} (gloss list FILE shows them)",
                    show_path(file)
                ))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_percentages_parse() {
        let id = "01a20d48-c6f2-71de-8299-eb2506b972c2";
        let want = Ok(At::Annotation(Uuid::parse_str(id).unwrap()));
        assert_eq!(parse(id), want);
        assert_eq!(parse(&format!("urn:uuid:{id}")), want);
        assert_eq!(parse(&format!("^gloss-{id}")), want);
        assert_eq!(parse("40%"), Ok(At::Percent(40)));
        assert!(parse("140%").unwrap_err().contains("0% to 100%"));
        assert!(
            parse("nowhere")
                .unwrap_err()
                .contains("neither an annotation id")
        );
    }
}
