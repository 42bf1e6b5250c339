//! The only code that touches the filesystem.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::limits::{self, Limit};
use crate::document::Format;
use crate::error::{Error, show_path};

/// Bytes read before the first frame (and checked for a NUL): several screens of the largest
/// terminal. A brief no longer than this is read whole before the first frame; a longer plain
/// one has only [`FIRST_SCREEN`] of them parsed and laid out then.
pub const FIRST_PIECE: usize = 32 * 1024;
/// Bytes of a big plain brief parsed and laid out before the first frame (the rest of its
/// first piece goes to the reading thread): more than the text column of a 200x50 terminal
/// shows in any script but the densest, and where that is not enough the rest follows
/// within a few milliseconds. A 32 KiB piece laid out whole was a third of the work before
/// the first screen.
pub const FIRST_SCREEN: usize = 12 * 1024;
/// Bytes per later piece of a big brief. Pieces in flight are held beside the document they
/// join (as bytes, as text and as blocks), so this bounds what reading adds to the peak memory:
/// at 1 MiB that was about 6 MB over the document itself, at 256 KiB about 1.3 MB.
pub const PIECE: usize = 64 * 1024;

/// A brief opened for reading in pieces, each ending at the end of a line, so that the first
/// screen never waits for the whole file.
#[derive(Debug)]
pub struct BriefFile {
    file: File,
    path: PathBuf,
    /// Bytes read past the end of the last piece (the start of an unfinished line).
    carry: Vec<u8>,
    /// File offset where the next piece starts.
    offset: u64,
    total: u64,
    eof: bool,
    /// The most this brief may hold (a pipe or a growing file is cut off there).
    limit: Limit,
}

impl BriefFile {
    /// Opens a brief, refusing directories and briefs past their limit
    /// ([`limits::PLAIN_BRIEF`], [`limits::MARKDOWN_BRIEF`]), naming the path in every error.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let file = File::open(path).map_err(read_error(path))?;
        let meta = file.metadata().map_err(read_error(path))?;
        if meta.is_dir() {
            return Err(Error::Directory {
                path: show_path(path),
            });
        }
        let limit = limits::brief(Format::from_path(path));
        if meta.len() > limit.bytes {
            return Err(read_error(path)(limits::too_large(
                meta.len(),
                limit,
                false,
            )));
        }
        Ok(Self {
            limit,
            file,
            path: path.to_path_buf(),
            carry: Vec::new(),
            offset: 0,
            total: meta.len(),
            eof: false,
        })
    }

    /// The brief's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's size when it was opened, in bytes.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Bytes handed out in pieces so far.
    pub fn read(&self) -> u64 {
        self.offset
    }

    /// True once every byte has been handed out.
    pub fn is_done(&self) -> bool {
        self.eof && self.carry.is_empty()
    }

    /// The next piece and the file offset it starts at: at least `min` bytes unless the file
    /// ends first, cut after the last newline in it (a line longer than `min` is read whole).
    /// `None` once the file is read.
    pub fn next_piece(&mut self, min: usize) -> Result<Option<(u64, Vec<u8>)>, Error> {
        let min = min.max(1);
        let mut buf = std::mem::take(&mut self.carry);
        let mut scanned = 0;
        loop {
            if buf.len() >= min || self.eof {
                let cut = if self.eof {
                    Some(buf.len())
                } else {
                    let from = scanned.max(min - 1);
                    memchr::memrchr(b'\n', &buf[from..]).map(|i| from + i + 1)
                };
                if let Some(cut) = cut {
                    self.carry = buf.split_off(cut);
                    break;
                }
                scanned = buf.len();
            }
            self.fill(&mut buf, min.min(PIECE))?;
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += buf.len() as u64;
        Ok(Some((start, buf)))
    }

    /// Hands back the end of the piece just handed out (a whole number of lines): the next
    /// piece starts with it.
    pub fn put_back(&mut self, mut bytes: Vec<u8>) {
        self.offset -= bytes.len() as u64;
        bytes.append(&mut self.carry);
        self.carry = bytes;
    }

    /// Appends up to `want` more bytes of the file to `buf`; an error once the brief holds
    /// more than its limit (a pipe, or a file that grew after it was opened).
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), Error> {
        if self.offset + buf.len() as u64 > self.limit.bytes {
            return Err(read_error(&self.path)(limits::too_large(
                self.limit.bytes,
                self.limit,
                true,
            )));
        }
        buf.reserve_exact(want);
        let before = buf.len();
        let got = (&mut self.file)
            .take(want as u64)
            .read_to_end(buf)
            .map_err(read_error(&self.path))?;
        if got == 0 || buf.len() == before {
            self.eof = true;
        }
        Ok(())
    }
}

/// Reads a brief's bytes, refusing directories and briefs past their limit, and naming the
/// path in every error.
pub fn read_brief(path: &Path) -> Result<Vec<u8>, Error> {
    let brief = BriefFile::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(brief.total).unwrap_or(0));
    let limit = brief.limit;
    brief
        .file
        .take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error(path))?;
    if bytes.len() as u64 > limit.bytes {
        return Err(read_error(path)(limits::too_large(
            limit.bytes,
            limit,
            true,
        )));
    }
    Ok(bytes)
}

/// The whole lines within the last `bytes` bytes of a brief, and the file offset where they
/// start (a line cut by the window is left out).
pub fn read_tail(path: &Path, bytes: u64) -> Result<(u64, Vec<u8>), Error> {
    let BriefFile {
        mut file,
        total: len,
        ..
    } = BriefFile::open(path)?;
    let start = len.saturating_sub(bytes);
    file.seek(SeekFrom::Start(start))
        .map_err(read_error(path))?;
    let mut buf = Vec::new();
    // `take`: a file that grew since it was measured gives no more than was asked for.
    file.take(bytes)
        .read_to_end(&mut buf)
        .map_err(read_error(path))?;
    if start == 0 {
        return Ok((0, buf));
    }
    match memchr::memchr(b'\n', &buf) {
        Some(i) => Ok((start + i as u64 + 1, buf.split_off(i + 1))),
        None => Ok((len, Vec::new())),
    }
}

/// What an I/O failure on `path` becomes: an error naming the path.
fn read_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Read {
        path: show_path(path),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(content: &[u8], min: usize) -> Vec<(u64, Vec<u8>)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.txt");
        std::fs::write(&path, content).unwrap();
        let mut file = BriefFile::open(&path).unwrap();
        assert_eq!(file.total(), content.len() as u64);
        let mut out = Vec::new();
        while let Some(piece) = file.next_piece(min).unwrap() {
            out.push(piece);
        }
        assert!(file.is_done());
        assert_eq!(file.read(), content.len() as u64);
        out
    }

    #[test]
    fn lines_put_back_start_the_next_piece() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.txt");
        let content = b"one\ntwo\nthree\nfour\nfive\n";
        std::fs::write(&path, content).unwrap();
        let mut file = BriefFile::open(&path).unwrap();
        let (start, mut piece) = file.next_piece(12).unwrap().unwrap();
        assert_eq!(start, 0);
        assert!(piece.len() > 4 && piece.ends_with(b"\n"));
        let back = piece.split_off(4);
        file.put_back(back);
        assert_eq!(file.read(), 4);
        assert!(!file.is_done());
        let (start, rest) = file.next_piece(100).unwrap().unwrap();
        assert_eq!((start, rest.as_slice()), (4, &content[4..]));
        assert!(file.is_done());
        assert_eq!(file.read(), content.len() as u64);
    }

    #[test]
    fn pieces_end_at_line_ends_and_cover_the_file_exactly() {
        let content = b"first line\nsecond line here\nthird\n\nlast without newline";
        for min in [1, 3, 11, 12, 20, 1000] {
            let got = pieces(content, min);
            let joined: Vec<u8> = got.iter().flat_map(|(_, b)| b.clone()).collect();
            assert_eq!(joined, content, "min {min}");
            let mut offset = 0;
            for (start, bytes) in &got[..got.len() - 1] {
                assert_eq!(*start, offset, "min {min}");
                assert_eq!(bytes.last(), Some(&b'\n'), "min {min}");
                assert!(bytes.len() >= min.min(content.len()), "min {min}");
                offset += bytes.len() as u64;
            }
        }
    }

    #[test]
    fn the_tail_is_whole_lines_from_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.txt");
        std::fs::write(&path, "first line\nsecond line\nthird\n").unwrap();
        assert_eq!(read_tail(&path, 9).unwrap(), (23, b"third\n".to_vec()));
        assert_eq!(
            read_tail(&path, 100).unwrap(),
            (0, b"first line\nsecond line\nthird\n".to_vec())
        );
        assert_eq!(
            read_tail(&path, 3).unwrap(),
            (29, Vec::new()),
            "no whole line"
        );
    }

    #[test]
    fn a_line_longer_than_a_piece_is_read_whole_and_an_empty_file_has_no_pieces() {
        let long = format!("{}\nnext", "x".repeat(5000));
        let got = pieces(long.as_bytes(), 10);
        assert_eq!(got[0].1.len(), 5001);
        assert_eq!(got[1], (5001, b"next".to_vec()));
        assert!(pieces(b"", 10).is_empty());
    }

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

    #[test]
    fn a_brief_past_its_limit_is_refused_before_reading_naming_size_and_limit() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("huge.txt");
        File::create(&plain)
            .unwrap()
            .set_len(limits::PLAIN_BRIEF.bytes + 1)
            .unwrap();
        let err = BriefFile::open(&plain).unwrap_err().to_string();
        assert!(err.starts_with("cannot open "), "{err}");
        assert!(
            err.contains(
                "huge.txt: it is 1024.0 MiB; gloss reads plain-text briefs up to 1024 MiB"
            ),
            "{err}"
        );
        let md = dir.path().join("huge.md");
        File::create(&md)
            .unwrap()
            .set_len(limits::MARKDOWN_BRIEF.bytes + 1)
            .unwrap();
        let err = read_brief(&md).unwrap_err().to_string();
        assert!(
            err.contains("gloss reads Markdown briefs up to 64 MiB"),
            "{err}"
        );
        // At the limit it opens.
        File::create(&md)
            .unwrap()
            .set_len(limits::MARKDOWN_BRIEF.bytes)
            .unwrap();
        assert!(BriefFile::open(&md).is_ok());
    }

    #[test]
    fn a_brief_that_keeps_growing_stops_at_its_limit_with_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("growing.txt");
        std::fs::write(&path, "line\n".repeat(100)).unwrap();
        let mut file = BriefFile::open(&path).unwrap();
        // As if the file (or a pipe) had grown past the limit after it was opened.
        file.limit = Limit {
            bytes: 50,
            what: "plain-text briefs",
        };
        let mut err = None;
        for _ in 0..100 {
            match file.next_piece(10) {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => {
                    err = Some(e.to_string());
                    break;
                }
            }
        }
        let err = err.expect("reading past the limit is an error");
        assert!(
            err.contains("it is over 50 bytes; gloss reads plain-text briefs up to 50 bytes"),
            "{err}"
        );
        assert!(file.read() <= 60, "{}", file.read());
    }
}
