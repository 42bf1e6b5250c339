//! Opening a brief for the reader: its first piece, its sidecar and what it says about the
//! reader's position and annotations. Used at start-up and when the library opens a brief
//! (then on a worker, so the library answers keys meanwhile).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Persist;
use crate::app::{Level, Loading, Reader, Saving, Settings};
use crate::document::{Chars, DecodeError, Document, Format, MAX_PAGE_BYTES};
use crate::error::{Error, show_path};
use crate::input::Keymap;
use crate::store::convert::Extras;
use crate::store::place::Stored;
use crate::store::{BriefFile, FIRST_PIECE, FIRST_SCREEN, PIECE, Sidecar, SidecarPaths};

/// A brief ready to read: the reader's state, its sidecar's worker, the rest of a big file.
pub struct Opened {
    /// The reader.
    pub reader: Reader,
    /// The sidecar, for its worker.
    pub persist: Persist,
    /// The part of the file still to read, if any.
    pub rest: Option<BriefFile>,
}

/// What every reader gloss opens shares: the settings, the keymap and the themes.
#[derive(Debug, Clone)]
pub struct Opener {
    /// View settings.
    pub settings: Settings,
    /// The keymap in effect, shared with the loop that reads keys through it.
    pub keymap: Arc<Keymap>,
    /// Names of the themes `T` cycles through.
    pub themes: Vec<String>,
    /// The theme in use.
    pub theme: usize,
    /// `--annotations`: the sidecar of the brief opened at start-up, if given.
    pub annotations: Option<PathBuf>,
    /// Who new annotations are by.
    pub author: String,
}

impl Opener {
    /// Opens the brief at `path`.
    pub fn open(&self, path: &Path) -> Result<Opened, Error> {
        let (doc, rest) = start_brief(path)?;
        Ok(self.open_doc(doc, path, rest))
    }

    /// A reader on `doc`, the start of the brief at `path` (`rest` is what is still to read).
    pub fn open_doc(&self, doc: Document, path: &Path, rest: Option<BriefFile>) -> Opened {
        let name = file_name(path);
        let mut sidecar = sidecar_of(path, self.annotations.as_deref());
        let mut reader = Reader::new(doc, &name, self.settings, &self.keymap);
        reader.brief = Some(path.to_path_buf());
        reader.loading = rest.as_ref().map(|r| Loading::new(r.read(), r.total()));
        reader.themes.clone_from(&self.themes);
        reader.codes = crate::store::codebook::nearest(path)
            .map(|book| book.codes.into_iter().map(|c| c.name).collect())
            .unwrap_or_default();
        reader.author.clone_from(&self.author);
        reader.theme = self.theme;
        let mut extras = Extras::default();
        let mut exists = false;
        match sidecar.load() {
            Ok(Some(file)) => {
                reader.restore_position = usize::try_from(file.reading.position).ok().map(Chars);
                extras = Extras::of(&file);
                exists = true;
                // Placed once the whole brief is in, a batch at a time if it changed.
                reader.set_unplaced(Stored::of(&file));
                // Its snapshots are kept by `gloss gc` from now on.
                if let Some(s) = crate::store::snapshot::Snapshots::in_data_dir() {
                    let _ = s.remember(&sidecar.paths().data);
                }
            }
            Ok(None) => {}
            Err(e) => {
                reader.notice(Level::Error, &format!("annotations read-only: {e}"));
                reader.set_read_only(e.to_string());
            }
        }
        if sidecar.paths().fallback {
            let dir = sidecar
                .paths()
                .data
                .parent()
                .map(show_path)
                .unwrap_or_default();
            reader.notice(
                Level::Warning,
                &format!("brief's folder is read-only; annotations kept in {dir}"),
            );
        }
        reader.saving = Saving::new(exists, reader.position());
        Opened {
            reader,
            persist: Persist::new(sidecar, name, extras),
            rest,
        }
    }
}

/// What a brief that cannot be decoded becomes: an error naming it.
pub(crate) fn decode_error(path: &Path) -> impl FnOnce(DecodeError) -> Error + '_ {
    move |source| Error::Decode {
        path: show_path(path),
        source,
    }
}

/// The sidecar of a brief: `explicit` if given, else beside it.
pub(crate) fn sidecar_of(brief: &Path, explicit: Option<&Path>) -> Sidecar {
    Sidecar::new(explicit.map_or_else(
        || SidecarPaths::for_brief(brief),
        |p| SidecarPaths::at(p.to_path_buf()),
    ))
}

/// The file name of `path`, for the sidecar and the status bar.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| show_path(path), |n| n.to_string_lossy().into_owned())
}

/// Reads a whole brief the way the reader does, in pieces (so its offsets are the reader's),
/// holding the text once: a plain brief is never in memory both as bytes and as text.
pub(crate) fn read_whole(path: &Path) -> Result<Document, Error> {
    let (mut doc, rest) = start_brief(path)?;
    let Some(mut file) = rest else {
        return Ok(doc);
    };
    while let Some((start, bytes)) = file.next_piece(PIECE)? {
        let base = usize::try_from(start).unwrap_or(usize::MAX);
        doc.append(Document::parse_continuation(&bytes, base).map_err(decode_error(path))?);
    }
    doc.find_repeats();
    Ok(doc)
}

/// Reads the start of a brief, enough for the first screen; the rest, if any, is returned
/// to be read while the reader runs.
fn start_brief(path: &Path) -> Result<(Document, Option<BriefFile>), Error> {
    let mut file = BriefFile::open(path)?;
    let format = Format::from_path(path);
    if format == Format::Html && file.total() > MAX_PAGE_BYTES {
        return Err(decode_error(path)(DecodeError::TooLarge {
            bytes: file.total(),
            limit: MAX_PAGE_BYTES,
        }));
    }
    // Markdown and HTML are parsed whole: one of their blocks can span any number of lines.
    let first = match format {
        Format::Plain => FIRST_PIECE,
        Format::Markdown | Format::Html => usize::MAX,
    };
    let mut bytes = file.next_piece(first)?.map(|(_, b)| b).unwrap_or_default();
    if !file.is_done() && format == Format::Plain {
        // A binary file is refused before the terminal is taken, as for a piece read whole.
        crate::document::refuse_binary(&bytes, 0).map_err(decode_error(path))?;
        if let Some(cut) = first_screen_end(&bytes) {
            let rest = bytes.split_off(cut);
            file.put_back(rest);
        }
    }
    let mut doc = Document::parse_start(&bytes, format).map_err(decode_error(path))?;
    if file.is_done() {
        doc.find_repeats();
        return Ok((doc, None));
    }
    doc.reserve(usize::try_from(file.total().saturating_sub(file.read())).unwrap_or(0));
    Ok((doc, Some(file)))
}

/// Where the part of a big plain brief's first piece parsed before the first frame ends: the
/// end of the line that reaches [`FIRST_SCREEN`] bytes. `None` (the piece whole) when the
/// piece is no longer than that, or opens with front matter, which is read whole at the
/// start.
fn first_screen_end(piece: &[u8]) -> Option<usize> {
    let body = piece.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(piece);
    if piece.len() <= FIRST_SCREEN || body.starts_with(b"+++") {
        return None;
    }
    let end = memchr::memchr(b'\n', &piece[FIRST_SCREEN - 1..])? + FIRST_SCREEN;
    (end < piece.len()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_read_whole_in_pieces_is_the_brief_parsed_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        // Several pieces, and a NUL-free last line without a line break.
        let mut text = crate::corpus::brief(FIRST_PIECE + 3 * PIECE, 3);
        text.push_str("The last line, unfinished");
        std::fs::write(&path, &text).unwrap();
        let pieces = read_whole(&path).unwrap();
        let whole = Document::parse(text.as_bytes(), Format::Plain).unwrap();
        assert!(pieces.text().len() > FIRST_PIECE + 2 * PIECE);
        assert_eq!(pieces.text(), whole.text());
        assert_eq!(pieces.blocks(), whole.blocks());
        assert_eq!(pieces.char_len(), whole.char_len());
    }

    /// A big brief, `head` bytes of something before `FIRST_PIECE + PIECE` bytes of corpus text.
    fn big(dir: &Path, head: &[u8]) -> PathBuf {
        let path = dir.join("big.txt");
        let mut bytes = head.to_vec();
        bytes.extend_from_slice(crate::corpus::brief(FIRST_PIECE + PIECE, 7).as_bytes());
        std::fs::write(&path, &bytes).unwrap();
        path
    }

    #[test]
    fn a_big_brief_shows_its_first_screen_from_the_start_of_its_first_piece() {
        let dir = tempfile::tempdir().unwrap();
        let path = big(dir.path(), b"");
        let (doc, rest) = start_brief(&path).unwrap();
        let rest = rest.expect("more to read");
        let parsed = usize::try_from(rest.read()).unwrap();
        assert!(
            (FIRST_SCREEN..FIRST_SCREEN + 1000).contains(&parsed),
            "{parsed} bytes before the first frame"
        );
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes[parsed - 1], b'\n', "cut at a line end");
        let head = Document::parse_start(&bytes[..parsed], Format::Plain).unwrap();
        assert_eq!(doc.text(), head.text());
        // The rest of the first piece is read next, from where the head ends.
        let mut rest = rest;
        let (start, _) = rest.next_piece(PIECE).unwrap().unwrap();
        assert_eq!(start, parsed as u64);
    }

    #[test]
    fn a_nul_anywhere_in_the_first_piece_of_a_big_brief_refuses_it_before_the_first_frame() {
        let dir = tempfile::tempdir().unwrap();
        let path = big(dir.path(), b"");
        let mut bytes = std::fs::read(&path).unwrap();
        let at = FIRST_SCREEN + 5000;
        bytes[at] = 0;
        std::fs::write(&path, &bytes).unwrap();
        let err = start_brief(&path).unwrap_err().to_string();
        assert!(
            err.contains("big.txt") && err.contains(&format!("offset {at}")),
            "{err}"
        );
    }

    #[test]
    fn front_matter_longer_than_the_first_screen_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let front = format!(
            "+++\ntitle = \"Long front matter\"\n{}+++\n",
            "# a line of the front matter\n".repeat(FIRST_SCREEN / 20)
        );
        assert!(front.len() > FIRST_SCREEN && front.len() < FIRST_PIECE);
        let path = big(dir.path(), front.as_bytes());
        let (doc, rest) = start_brief(&path).unwrap();
        assert!(rest.is_some());
        assert_eq!(doc.meta().title.as_deref(), Some("Long front matter"));
        assert!(!doc.text().contains("a line of the front matter"));
    }

    #[test]
    fn a_nul_byte_in_a_later_piece_refuses_the_brief_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("late-nul.txt");
        let mut bytes = crate::corpus::brief(FIRST_PIECE + PIECE, 5).into_bytes();
        bytes.extend_from_slice(b"binary \0 after all\n");
        std::fs::write(&path, &bytes).unwrap();
        let err = read_whole(&path).unwrap_err().to_string();
        assert!(err.contains("late-nul.txt"), "{err}");
    }
}
