//! The only code that touches the filesystem.

use std::path::Path;

use crate::error::{Error, show_path};

/// Reads a brief's bytes, refusing directories and naming the path in every error.
pub fn read_brief(path: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read {
        path: show_path(path),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_dir() {
        return Err(Error::Directory {
            path: show_path(path),
        });
    }
    std::fs::read(path).map_err(read_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_path_and_the_reason() {
        let missing = read_brief(Path::new("/nonexistent/brief.txt")).unwrap_err();
        let text = missing.to_string();
        assert!(
            text.starts_with("cannot open /nonexistent/brief.txt: "),
            "{text}"
        );
        assert!(text.contains("No such file"), "{text}");
        let dir = tempfile::tempdir().unwrap();
        let err = read_brief(dir.path()).unwrap_err().to_string();
        assert!(err.ends_with("it is a directory, not a brief"), "{err}");
    }

    #[test]
    fn a_hostile_file_name_is_printed_safely() {
        let err = read_brief(Path::new("/nonexistent/\u{1b}]0;x\u{7}.txt"))
            .unwrap_err()
            .to_string();
        assert!(!err.chars().any(crate::sanitize::is_unsafe), "{err:?}");
    }
}
