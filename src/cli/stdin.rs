//! `gloss -`: a brief piped in on standard input (plain text, Markdown or HTML, told apart by
//! its first bytes). Keys still come from the terminal: crossterm reads `/dev/tty` when
//! standard input is not one. Annotations go to the data folder, keyed by the text's hash.

use std::io::{IsTerminal, Read};
use std::path::Path;

use crate::document::{Document, Format, sniff};
use crate::error::Error;
use crate::runtime::Opener;
use crate::runtime::open::Opened;
use crate::store::SidecarPaths;
use crate::store::convert::text_hash;
use crate::store::limits;

/// The name a brief from standard input goes by in the status bar and errors.
const NAME: &str = "stdin";

/// Reads standard input whole and opens it in a reader.
pub fn open(opener: &Opener) -> Result<Opened, Error> {
    let stdin = std::io::stdin().lock();
    if stdin.is_terminal() {
        return Err(Error::Stdin(
            "gloss -: standard input is a terminal; pipe a brief into it \
             (curl -s URL | gloss -)"
                .into(),
        ));
    }
    let mut bytes = Vec::new();
    stdin
        .take(limits::PLAIN_BRIEF.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: NAME.into(),
            source,
        })?;
    // The same limits as for a file: a pipe that never ends is refused, not read into memory.
    let format = sniff(&bytes);
    let limit = limits::brief(format);
    if bytes.len() as u64 > limit.bytes {
        return Err(Error::Read {
            path: NAME.into(),
            source: limits::too_large(limit.bytes, limit, true),
        });
    }
    let doc = match format {
        Format::Html => Document::parse_html(&bytes, None),
        format => Document::parse(&bytes, format),
    }
    .map_err(|source| Error::Decode {
        path: NAME.into(),
        source,
    })?;
    let mut opener = opener.clone();
    if opener.annotations.is_none() {
        let paths = SidecarPaths::for_stdin(&text_hash(&doc)).ok_or_else(|| {
            Error::Stdin(
                "gloss -: no data folder for the annotations of standard input; \
                 give one with --annotations PATH"
                    .into(),
            )
        })?;
        opener.annotations = Some(paths.data);
    }
    Ok(opener.open_doc(doc, Path::new(NAME), None))
}
