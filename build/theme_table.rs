//! Reads the bundled themes (themes/*.toml) at build time into tables of Rust literals, so that
//! gloss does not parse TOML for its theme before its first frame. Only the plain shape the
//! files keep to is read: `key = "value"` lines at the top and in `[palette]` and `[names]`,
//! `"role" = { fg = "...", bg = "...", modifiers = ["..."] }` lines in `[styles]`, and comments
//! on lines of their own; anything else stops the build with its line. A unit test checks that
//! every table gives the theme the TOML parser reads from the same file.

use std::fmt::Write as _;

/// The table of every theme file under `dir`, in file name order, as a Rust expression of type
/// `&[Table]` (see `theme::file::bundled`).
pub fn themes_table(dir: &str) -> Result<String, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for path in files {
        let shown = path.display().to_string();
        let src = std::fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
        let absolute = std::fs::canonicalize(&path).map_err(|e| format!("{shown}: {e}"))?;
        let table = theme_table(&shown, &src)?;
        let _ = writeln!(
            out,
            "    Table {{ text: include_str!({:?}), {table} }},",
            absolute.display().to_string()
        );
    }
    out.push(']');
    Ok(out)
}

/// A string with the byte range it takes in the file (quotes included).
type Spanned<'a> = (&'a str, usize, usize);

fn lit((text, start, end): Spanned<'_>) -> String {
    format!("({text:?}, {start}, {end})")
}

/// The fields of one theme's `Table`.
fn theme_table(file: &str, src: &str) -> Result<String, String> {
    let mut top = Vec::new();
    let mut sections: [Vec<String>; 3] = Default::default();
    let mut section: Option<usize> = None;
    let mut line_start = 0;
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let at = line_start;
        line_start += line.len();
        let bad = |what: &str| format!("{file}: line {}: {what}: {}", n + 1, line.trim_end());
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            section = Some(match name {
                "palette" => 0,
                "names" => 1,
                "styles" => 2,
                _ => return Err(bad("not [palette], [names] or [styles]")),
            });
            continue;
        }
        let mut p = Parser {
            text: line,
            at: lead,
            base: at,
        };
        let key = p.key().ok_or_else(|| bad("no key"))?;
        p.expect(b'=').ok_or_else(|| bad("no = after the key"))?;
        let value = match section {
            Some(2) => {
                let style = p
                    .style()
                    .ok_or_else(|| bad("not a plain inline style table"))?;
                format!("({}, {style})", lit(key))
            }
            _ => {
                let value = p.string().ok_or_else(|| bad("not a plain string"))?;
                format!("({}, {})", lit(key), lit(value))
            }
        };
        if !p.rest().is_empty() {
            return Err(bad("more after the value"));
        }
        match section {
            Some(i) => sections[i].push(value),
            None if matches!(key.0, "name" | "inherits") => top.push((key.0, value)),
            None => return Err(bad("only name and inherits come before the first table")),
        }
    }
    let field = |name: &str| {
        top.iter()
            .find(|(k, _)| *k == name)
            .map_or("None".to_string(), |(_, v)| format!("Some({v})"))
    };
    let [palette, names, styles] = sections.map(|s| s.join(", "));
    Ok(format!(
        "name: {}, inherits: {}, palette: &[{palette}], names: &[{names}], styles: &[{styles}]",
        field("name"),
        field("inherits")
    ))
}

/// Reads one line from `at` on; `base` is where the line starts in the file.
struct Parser<'a> {
    text: &'a str,
    at: usize,
    base: usize,
}

impl<'a> Parser<'a> {
    fn blank(&mut self) {
        let bytes = self.text.as_bytes();
        while bytes
            .get(self.at)
            .is_some_and(|b| *b == b' ' || *b == b'\t')
        {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.blank();
        self.text.as_bytes().get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn rest(&mut self) -> &'a str {
        self.text[self.at..].trim()
    }

    /// A bare key (letters, digits, `_`, `-`) or a quoted one.
    fn key(&mut self) -> Option<Spanned<'a>> {
        if self.peek()? == b'"' {
            return self.string();
        }
        let start = self.at;
        let len = self.text[start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
            .count();
        self.at += len;
        (len > 0).then(|| {
            (
                &self.text[start..self.at],
                self.base + start,
                self.base + self.at,
            )
        })
    }

    /// A basic string without escapes.
    fn string(&mut self) -> Option<Spanned<'a>> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.at;
        let len = self.text[start + 1..].find('"')?;
        let value = &self.text[start + 1..start + 1 + len];
        if value.contains('\\') {
            return None;
        }
        self.at = start + len + 2;
        Some((value, self.base + start, self.base + self.at))
    }

    /// `{ fg = "..", bg = "..", modifiers = [".."] }`, each key at most once, as a `Style`
    /// literal of the table.
    fn style(&mut self) -> Option<String> {
        self.blank();
        let start = self.at;
        self.expect(b'{')?;
        let (mut fg, mut bg, mut modifiers) = (None, None, None);
        if self.peek()? != b'}' {
            loop {
                let (key, ..) = self.key()?;
                self.expect(b'=')?;
                match key {
                    "fg" if fg.is_none() => fg = Some(self.string()?.0),
                    "bg" if bg.is_none() => bg = Some(self.string()?.0),
                    "modifiers" if modifiers.is_none() => modifiers = Some(self.list()?),
                    _ => return None,
                }
                if self.peek()? != b',' {
                    break;
                }
                self.at += 1;
            }
        }
        self.expect(b'}')?;
        let option = |v: Option<&str>| v.map_or("None".to_string(), |v| format!("Some({v:?})"));
        Some(format!(
            "Style {{ span: ({}, {}), fg: {}, bg: {}, modifiers: &{:?} }}",
            self.base + start,
            self.base + self.at,
            option(fg),
            option(bg),
            modifiers.unwrap_or_default()
        ))
    }

    /// `["a", "b"]` of plain strings.
    fn list(&mut self) -> Option<Vec<&'a str>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(items);
        }
        loop {
            items.push(self.string()?.0);
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
    }
}
