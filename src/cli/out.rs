//! Standard output for the commands. A reader that stops reading (`gloss list | head`) ends
//! the output quietly, as it does for `ls` or `grep`; any other failure to write is an error.

use std::io::{self, StdoutLock, Write};

use crate::error::Error;

/// Lines to standard output, until its reader goes away.
pub struct Out {
    out: StdoutLock<'static>,
    closed: bool,
}

impl Out {
    /// Standard output, locked for the command's lines.
    pub fn new() -> Self {
        Self {
            out: io::stdout().lock(),
            closed: false,
        }
    }

    /// Writes `text` and a line end; nothing once the reader has gone.
    pub fn line(&mut self, text: &str) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        match writeln!(self.out, "{text}") {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.map_err(Error::Output),
        }
    }
}

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}
