//! A table of text cells written as aligned columns, CSV or Markdown; every cell sanitised.

use crate::sanitize;

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated values (RFC 4180 quoting).
    Csv,
    /// A Markdown (GFM) table.
    Markdown,
    /// JSON, in the shapes the README gives.
    Json,
}

/// A header row and rows of cells; the first column is text, the others numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as lines in `format` (JSON is not a table's: it gives aligned columns).
    pub fn lines(&self, format: Format) -> Vec<String> {
        match format {
            Format::Csv => self.csv(),
            Format::Markdown => self.markdown(),
            Format::Table | Format::Json => self.aligned(),
        }
    }

    fn all(&self) -> impl Iterator<Item = &Vec<String>> {
        std::iter::once(&self.header).chain(&self.rows)
    }

    fn aligned(&self) -> Vec<String> {
        let columns = self.header.len();
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.all()
                    .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        self.all()
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(c, (cell, &w))| match c {
                        0 => format!("{cell:<w$}"),
                        _ => format!("{cell:>w$}"),
                    })
                    .collect();
                sanitize::line(cells.join("  ").trim_end()).into_owned()
            })
            .collect()
    }

    fn csv(&self) -> Vec<String> {
        self.all()
            .map(|row| {
                let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
                sanitize::line(&cells.join(",")).into_owned()
            })
            .collect()
    }

    fn markdown(&self) -> Vec<String> {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells
                .iter()
                .map(|c| c.replace('\\', "\\\\").replace('|', "\\|"))
                .collect();
            sanitize::line(&format!("| {} |", cells.join(" | "))).into_owned()
        };
        let rule: Vec<String> = (0..self.header.len())
            .map(|c| if c == 0 { "---" } else { "---:" }.to_string())
            .collect();
        let mut out = vec![row(&self.header), format!("|{}|", rule.join("|"))];
        out.extend(self.rows.iter().map(|r| row(r)));
        out
    }
}

/// One CSV cell, quoted when it holds a comma, a quote or a line end.
fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            header: vec!["code".into(), "a, b".into(), "c|d".into()],
            rows: vec![vec!["frame".into(), "12".into(), "3".into()]],
        }
    }

    #[test]
    fn columns_align_numbers_to_the_right() {
        assert_eq!(
            table().lines(Format::Table),
            ["code   a, b  c|d", "frame    12    3"]
        );
    }

    #[test]
    fn csv_quotes_and_markdown_escapes() {
        assert_eq!(
            table().lines(Format::Csv),
            ["code,\"a, b\",c|d", "frame,12,3"]
        );
        assert_eq!(
            table().lines(Format::Markdown),
            [
                "| code | a, b | c\\|d |",
                "|---|---:|---:|",
                "| frame | 12 | 3 |"
            ]
        );
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let mut t = table();
        t.rows[0][0] = "fr\u{1b}]52;c;x\u{7}".into();
        for format in [Format::Table, Format::Csv, Format::Markdown] {
            assert!(t.lines(format).iter().all(|l| !l.contains('\u{1b}')));
        }
    }
}
