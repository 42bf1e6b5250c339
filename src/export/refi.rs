//! What the two REFI-QDA exports share (the codebook `.qdc` and the project `.qdpx`): stable
//! GUIDs, the RGB of a highlight colour, and the code tree written as nested `<Code>`s. Pure.
//!
//! A GUID is a UUID v5 of what the thing is (`code:frame/conflict`, `source:wires/a.txt`) in
//! gloss's own namespace, so the same code, brief or author gets the same GUID in every
//! export, and a QDA tool that imports a second export recognises what it saw before. An
//! annotation's selection keeps the annotation's own id (a UUID v7).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use uuid::Uuid;

use super::xml::escape;
use crate::annotation::Color;
use crate::annotation::tag::with_parents;
use crate::codebook::Codebook;
use crate::codebook::qdc::RGB;

/// gloss's namespace for the GUIDs of its REFI-QDA exports.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:gloss:refi-qda")
}

/// The stable GUID of `kind:name` (`code`, `source`, `user`, `note`...).
pub fn guid(kind: &str, name: &str) -> String {
    Uuid::new_v5(&namespace(), format!("{kind}:{name}").as_bytes()).to_string()
}

/// The GUID of the code (or grouping parent) `name`.
pub fn code_guid(name: &str) -> String {
    guid("code", name)
}

/// `#RRGGBB` of a highlight colour (the same table the `.qdc` import maps back from, so a
/// colour survives an export and an import).
pub fn rgb(color: Color) -> String {
    let [r, g, b] = RGB
        .iter()
        .find(|(c, _)| *c == color)
        .map_or([0x80, 0x80, 0x80], |(_, rgb)| *rgb);
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Every name of the tree: the codes of `book`, the `extra` tags, and the parents of both,
/// in the order a tree is written (parents before children, parts compared in turn).
pub fn tree_names<'a>(book: &'a Codebook, extra: &BTreeSet<&'a str>) -> Vec<&'a str> {
    let names: BTreeSet<&str> = book
        .codes
        .iter()
        .map(|c| c.name.as_str())
        .chain(extra.iter().copied())
        .flat_map(with_parents)
        .collect();
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_by(|a, b| a.split('/').cmp(b.split('/')));
    names
}

/// Writes the tree of `names` (from [`tree_names`]) as nested `<Code>` elements, indented
/// from `depth`. A name that is a code of `book` or one of `codable` can be coded with; a
/// parent that only groups codes cannot. `inner(name)` gives extra child elements to write
/// after the description (the project's `<NoteRef>`s).
pub fn write_codes(
    out: &mut String,
    names: &[&str],
    book: &Codebook,
    codable: &BTreeSet<&str>,
    depth: usize,
    inner: &dyn Fn(&str) -> String,
) {
    let mut open: Vec<&str> = Vec::new();
    for name in names {
        while let Some(top) = open.last() {
            if name.starts_with(top) && name[top.len()..].starts_with('/') {
                break;
            }
            open.pop();
            let _ = writeln!(out, "{}</Code>", indent(depth + open.len()));
        }
        let code = book.get(name);
        let leaf = crate::codebook::leaf(name);
        let is_codable = code.is_some() || codable.contains(name);
        let pad = indent(depth + open.len());
        let _ = write!(
            out,
            "{pad}<Code guid=\"{}\" name=\"{}\" isCodable=\"{is_codable}\"",
            code_guid(name),
            escape(leaf)
        );
        if let Some(color) = code.and_then(|c| c.color) {
            let _ = write!(out, " color=\"{}\"", rgb(color));
        }
        out.push_str(">\n");
        if let Some(code) = code.filter(|c| !c.description.is_empty()) {
            let _ = writeln!(
                out,
                "{pad}  <Description>{}</Description>",
                escape(&code.description)
            );
        }
        out.push_str(&inner(name));
        open.push(name);
    }
    while open.pop().is_some() {
        let _ = writeln!(out, "{}</Code>", indent(depth + open.len()));
    }
}

/// Two spaces a level.
pub fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_differ_by_kind_and_name() {
        assert_eq!(code_guid("frame"), code_guid("frame"));
        assert_ne!(code_guid("frame"), code_guid("frame/conflict"));
        assert_ne!(guid("code", "a"), guid("source", "a"));
        let g = code_guid("frame");
        assert_eq!(Uuid::parse_str(&g).unwrap().get_version_num(), 5);
    }

    #[test]
    fn colours_map_back_to_themselves() {
        use strum::IntoEnumIterator;
        for color in Color::iter() {
            assert_eq!(crate::codebook::qdc::nearest(&rgb(color)), Some(color));
        }
    }
}
