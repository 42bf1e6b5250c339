//! The largest files gloss reads, and reading a file whole only when it is under its limit.
//!
//! Past a limit gloss refuses the file with a message naming it, its size and the limit,
//! instead of reading it into memory: a file of any size must end in a clear message, never in
//! an out-of-memory kill. The limits are documented in the README ("Limits") and SECURITY.md.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// 1 MiB.
const MIB: u64 = 1024 * 1024;

/// The largest file of one kind that gloss reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Bytes.
    pub bytes: u64,
    /// The kind of file, for messages ("annotation files").
    pub what: &'static str,
}

/// Largest plain-text brief: read in pieces, held in memory at about 1.4 times its size.
pub const PLAIN_BRIEF: Limit = Limit {
    bytes: 1024 * MIB,
    what: "plain-text briefs",
};
/// Largest Markdown brief: read and parsed whole.
pub const MARKDOWN_BRIEF: Limit = Limit {
    bytes: 64 * MIB,
    what: "Markdown briefs",
};
/// The largest brief of `format`: Markdown and web pages are parsed whole, plain text is
/// read in pieces. (A web page is also refused past `document::MAX_PAGE_BYTES` when parsed.)
pub fn brief(format: crate::document::Format) -> Limit {
    match format {
        crate::document::Format::Plain => PLAIN_BRIEF,
        crate::document::Format::Markdown | crate::document::Format::Html => MARKDOWN_BRIEF,
    }
}

/// Largest sidecar, read or written: about 20,000 annotations with their context and a note
/// of a paragraph, or 45,000 bare highlights. A note can be as long as the rest of the
/// sidecar leaves room for. Every annotation is placed again when the brief changed, so the
/// limit also bounds that work.
pub const SIDECAR: Limit = Limit {
    bytes: 8 * MIB,
    what: "annotation files",
};
/// Largest `codebook.toml`: thousands of codes, each with a description and a memo of a page.
pub const CODEBOOK: Limit = Limit {
    bytes: 16 * MIB,
    what: "codebooks",
};
/// Largest REFI-QDA codebook (`.qdc`) to import.
pub const QDC: Limit = Limit {
    bytes: 64 * MIB,
    what: "REFI-QDA codebooks",
};
/// Largest file gloss keeps for itself in its data folder (the cache of briefs' text hashes,
/// a brief's log of versions); one past it is read as empty, so it is written anew.
pub const DATA_FILE: Limit = Limit {
    bytes: 64 * MIB,
    what: "gloss's own data files",
};
/// Largest theme, keymap or `config.toml`.
pub const CONFIG_FILE: Limit = Limit {
    bytes: MIB,
    what: "theme, keymap and config files",
};

/// Largest export template (`gloss export --template`).
pub const TEMPLATE: Limit = Limit {
    bytes: MIB,
    what: "export templates",
};
/// Largest file of annotations to import (W3C or Hypothesis JSON).
pub const IMPORT: Limit = Limit {
    bytes: 64 * MIB,
    what: "annotation imports",
};
/// Largest existing Markdown export that `gloss export -o` updates between its markers.
pub const EXPORT_TARGET: Limit = Limit {
    bytes: 64 * MIB,
    what: "Markdown exports to update",
};

/// Largest `.gitattributes` or `.gitignore` that `gloss git install` adds its lines to.
pub const GIT_FILE: Limit = Limit {
    bytes: MIB,
    what: "git attribute and ignore files",
};
/// Largest snapshot file (compressed) in the data folder; its text is bounded apart, at
/// [`PLAIN_BRIEF`]'s size.
pub const SNAPSHOT: Limit = Limit {
    bytes: 256 * MIB,
    what: "text snapshots",
};
/// Largest entry of the data folder's list of sidecars (`snapshots/known/`): one path.
pub const KNOWN_ENTRY: Limit = Limit {
    bytes: 64 * 1024,
    what: "entries of the snapshot folder's list of sidecars",
};

/// Most user themes read from the themes folder (the first ones by file name); each is
/// resolved at start-up, up to [`crate::theme::MAX_DEPTH`] ancestors deep.
pub const USER_THEMES: usize = 200;

/// A size for messages: `176.5 MiB`, `16 MiB`, `300 bytes`.
pub fn show_size(bytes: u64) -> String {
    // Precision is irrelevant here: the figure is only shown.
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    let unit = |size: u64, name: &str| {
        if bytes.is_multiple_of(size) {
            format!("{} {name}", bytes / size)
        } else {
            format!("{:.1} {name}", b / size as f64)
        }
    };
    if bytes >= MIB {
        unit(MIB, "MiB")
    } else if bytes >= 1024 {
        unit(1024, "KiB")
    } else {
        format!("{bytes} bytes")
    }
}

/// The error for a file of `size` bytes past `limit`, of kind [`io::ErrorKind::FileTooLarge`].
/// `at_least` when reading stopped at the limit (a pipe, a file still growing).
pub fn too_large(size: u64, limit: Limit, at_least: bool) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "it is {}{}; gloss reads {} up to {}",
            if at_least { "over " } else { "" },
            show_size(size),
            limit.what,
            show_size(limit.bytes)
        ),
    )
}

/// Reads `path` whole, unless it holds more than `limit` bytes (checked before reading, and
/// again while reading in case it grows meanwhile).
pub fn read_capped(path: &Path, limit: Limit) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit.bytes {
        return Err(too_large(size, limit, false));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(too_large(limit.bytes, limit, true));
    }
    Ok(bytes)
}

/// [`read_capped`] as text: invalid UTF-8 is an error of kind [`io::ErrorKind::InvalidData`],
/// as with [`std::fs::read_to_string`].
pub fn read_capped_text(path: &Path, limit: Limit) -> io::Result<String> {
    String::from_utf8(read_capped(path, limit)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_at_the_limit_is_read_and_one_byte_more_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        let limit = |bytes| Limit {
            bytes,
            what: "tests",
        };
        assert_eq!(read_capped(&path, limit(100)).unwrap().len(), 100);
        let err = read_capped(&path, limit(99)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(
            err.to_string(),
            "it is 100 bytes; gloss reads tests up to 99 bytes"
        );
    }

    #[test]
    fn a_sparse_huge_file_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge");
        File::create(&path)
            .unwrap()
            .set_len(SIDECAR.bytes * 100)
            .unwrap();
        let err = read_capped(&path, SIDECAR).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("800 MiB"), "{err}");
        assert!(
            err.to_string()
                .contains("gloss reads annotation files up to 8 MiB"),
            "{err}"
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(show_size(300), "300 bytes");
        assert_eq!(show_size(12 * 1024), "12 KiB");
        assert_eq!(show_size(176 * MIB + MIB / 2), "176.5 MiB");
    }
}
