//! Reading a REFI-QDA codebook (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`), the exchange
//! format of NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette, into codes: nested `<Code>`s
//! become hierarchical names (`frame/conflict`), `<Description>` the description, and the
//! RGB `color` the nearest highlight colour; a parent that cannot be coded with and has
//! neither description nor colour only groups codes and is not a code of its own. Pure; a
//! file that is not a valid codebook is an error naming the line, and gives no codes at all.

use roxmltree::{Document, Node};

use super::Code;
use crate::annotation::Color;
use crate::annotation::tag::name_problem;

/// The codebook namespace.
pub const NAMESPACE: &str = "urn:QDA-XML:codebook:1.0";

/// The RGB each highlight colour stands for, to find the nearest one to a code's colour.
pub const RGB: [(Color, [u8; 3]); 5] = [
    (Color::Yellow, [0xF5, 0xD0, 0x3B]),
    (Color::Green, [0x4C, 0xAF, 0x50]),
    (Color::Blue, [0x3F, 0x7F, 0xE0]),
    (Color::Red, [0xE0, 0x3E, 0x3E]),
    (Color::Purple, [0x9C, 0x5C, 0xD4]),
];

/// The highlight colour nearest to `#RRGGBB` (or `#RGB`); `None` for anything else.
pub fn nearest(rgb: &str) -> Option<Color> {
    let hex = rgb.strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<_>>()?;
    let [r, g, b] = match digits.as_slice() {
        [r, g, b] => [r * 17, g * 17, b * 17],
        [r1, r2, g1, g2, b1, b2] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
        _ => return None,
    };
    let distance = |c: &[u8; 3]| -> i32 {
        [r, g, b]
            .iter()
            .zip(c)
            .map(|(a, b)| (i32::from(*a) - i32::from(*b)).pow(2))
            .sum()
    };
    RGB.iter()
        .min_by_key(|(_, c)| distance(c))
        .map(|(color, _)| *color)
}

fn is_guid(s: &str) -> bool {
    let s = s
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(s);
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Every code of the `.qdc` text `src`, parents before children; the error names the line.
pub fn parse(src: &str) -> Result<Vec<Code>, String> {
    let doc = Document::parse(src)
        .map_err(|e| format!("not XML: {}", crate::sanitize::line(&e.to_string())))?;
    let root = doc.root_element();
    let at = |node: Node<'_, '_>| doc.text_pos_at(node.range().start).row;
    if root.tag_name().name() != "CodeBook" || root.tag_name().namespace() != Some(NAMESPACE) {
        return Err(format!(
            "line {}: not a REFI-QDA codebook (the root element is <{}>, not <CodeBook> in {NAMESPACE})",
            at(root),
            crate::sanitize::line(root.tag_name().name())
        ));
    }
    let Some(codes) = children(root, "Codes").next() else {
        return Err(format!("line {}: <CodeBook> without <Codes>", at(root)));
    };
    if children(codes, "Code").next().is_none() {
        return Err(format!(
            "line {}: <Codes> without a <Code> (REFI-QDA wants one at least)",
            at(codes)
        ));
    }
    let mut guids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut out = Vec::new();
    let mut stack: Vec<(Node<'_, '_>, String)> = children(codes, "Code")
        .map(|n| (n, String::new()))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    while let Some((node, parent)) = stack.pop() {
        let line = at(node);
        let attr = |name: &str| {
            node.attribute(name)
                .ok_or_else(|| format!("line {line}: <Code> without `{name}`"))
        };
        let guid = attr("guid")?;
        if !is_guid(guid) {
            return Err(format!(
                "line {line}: guid {:?} is not a GUID",
                crate::sanitize::line(guid)
            ));
        }
        let key = guid.trim_matches(['{', '}']).to_ascii_lowercase();
        if let Some(first) = guids.insert(key, line) {
            return Err(format!(
                "line {line}: guid {guid} is already the guid of the code on line {first}"
            ));
        }
        if !matches!(attr("isCodable")?, "true" | "false" | "1" | "0") {
            return Err(format!("line {line}: isCodable must be true or false"));
        }
        // `/` separates the parts of a gloss name; inside one REFI name it is only a character.
        let leaf = attr("name")?.trim().replace('/', "-");
        let name = if parent.is_empty() {
            leaf
        } else {
            format!("{parent}/{leaf}")
        };
        if let Some(problem) = name_problem(&name) {
            return Err(format!("line {line}: {problem}"));
        }
        let color = match node.attribute("color") {
            None => None,
            Some(rgb) => Some(nearest(rgb).ok_or_else(|| {
                format!(
                    "line {line}: color {:?} is not #RRGGBB",
                    crate::sanitize::line(rgb)
                )
            })?),
        };
        let mut code = Code::named(&name);
        code.color = color;
        code.description = children(node, "Description")
            .next()
            .and_then(|d| d.text())
            .unwrap_or_default()
            .trim()
            .to_string();
        let kids: Vec<_> = children(node, "Code").collect();
        // A parent that cannot be coded with and carries nothing of its own only groups
        // codes, as a gloss parent that is not a code does: it is not added as a code.
        let grouping = matches!(attr("isCodable")?, "false" | "0")
            && !kids.is_empty()
            && code.description.is_empty()
            && code.color.is_none();
        stack.extend(kids.into_iter().rev().map(|n| (n, name.clone())));
        if !grouping {
            out.push(code);
        }
    }
    Ok(out)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |n| {
        n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(NAMESPACE)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const QDC: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="0b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f" name="frame" isCodable="false">
      <Description>How a story is told</Description>
      <Code guid="{1b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f}" name="conflict" isCodable="true" color="#FF0000"/>
      <Code guid="2b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f" name="US/China" isCodable="true" color="#00f"/>
    </Code>
    <Code guid="3b6d4b4e-3a5e-4d8c-9a51-1a2b3c4d5e6f" name="actor" isCodable="true"/>
  </Codes>
</CodeBook>
"##;

    #[test]
    fn nested_codes_become_names_with_descriptions_and_colours() {
        let codes = parse(QDC).unwrap();
        let seen: Vec<(&str, &str, Option<Color>)> = codes
            .iter()
            .map(|c| (c.name.as_str(), c.description.as_str(), c.color))
            .collect();
        assert_eq!(
            seen,
            [
                ("frame", "How a story is told", None),
                ("frame/conflict", "", Some(Color::Red)),
                ("frame/US-China", "", Some(Color::Blue)),
                ("actor", "", None),
            ]
        );
    }

    #[test]
    fn what_is_not_a_codebook_is_refused_with_its_line() {
        let bad = |from: &str, to: &str| parse(&QDC.replace(from, to)).unwrap_err();
        assert!(bad("CodeBook", "Project").contains("not a REFI-QDA codebook"));
        assert!(bad("urn:QDA-XML:codebook:1.0", "urn:other").contains("not a REFI-QDA codebook"));
        assert!(bad("</Codes>", "").contains("not XML"));
        let e = bad("guid=\"3b6d4b4e", "guid=\"zz");
        assert!(e.starts_with("line 9:") && e.contains("not a GUID"), "{e}");
        let e = bad(" isCodable=\"true\"/>\n  </Codes>", "/>\n  </Codes>");
        assert!(e.contains("without `isCodable`"), "{e}");
        assert!(bad("#FF0000", "red").contains("not #RRGGBB"));
        let e = bad("3b6d4b4e-3a5e", "0b6d4b4e-3a5e");
        assert!(e.starts_with("line 9:") && e.contains("line 4"), "{e}");
        let empty = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes/>\n</CodeBook>";
        assert!(parse(empty).unwrap_err().contains("without a <Code>"));
        assert!(bad("name=\"actor\"", "name=\"a&#9;b\"").contains("control"));
        let e = bad("name=\"actor\"", "name=\"a\u{1b}b\"");
        assert!(e.contains("not XML") && !e.contains('\u{1b}'), "{e}");
    }

    #[test]
    fn the_nearest_colour() {
        assert_eq!(nearest("#FFFF00"), Some(Color::Yellow));
        assert_eq!(nearest("#800080"), Some(Color::Purple));
        assert_eq!(nearest("#0a0"), Some(Color::Green));
        assert_eq!(nearest("FF0000"), None);
        assert_eq!(nearest("#FF00"), None);
    }
}
