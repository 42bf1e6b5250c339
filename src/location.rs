//! Line and column of a byte offset in source text, for error messages about files.

/// 1-based line and column (in characters) of byte `at` of `src`.
pub fn line_column(src: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let src = "ab\ncé=x\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 3), (2, 1));
        assert_eq!(line_column(src, 6), (2, 3), "é is one column");
        assert_eq!(line_column(src, 5), (2, 2), "inside é: its start");
        assert_eq!(line_column(src, 99), (3, 1));
    }
}
