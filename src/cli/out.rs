//! Standard output for the commands. A reader that stops reading (`gloss list | head`) ends
//! the output quietly, as it does for `ls` or `grep`; any other failure to write is an error.
//! Lines go out as they are written on a terminal and in blocks into a pipe or a file (a
//! search printing a hundred thousand lines makes a few hundred writes, not one per line).

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

use crate::error::Error;

/// Lines to standard output, until its reader goes away.
pub struct Out {
    out: BufWriter<StdoutLock<'static>>,
    terminal: bool,
    closed: bool,
}

impl Out {
    /// Standard output, locked for the command's lines.
    pub fn new() -> Self {
        let stdout = io::stdout();
        Self {
            terminal: stdout.is_terminal(),
            out: BufWriter::with_capacity(64 * 1024, stdout.lock()),
            closed: false,
        }
    }

    /// Writes `text` and a line end; nothing once the reader has gone.
    pub fn line(&mut self, text: &str) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let written = writeln!(self.out, "{text}").and_then(|()| {
            if self.terminal {
                self.out.flush()
            } else {
                Ok(())
            }
        });
        self.outcome(written)
    }

    /// Sends what is still held; a failure is the command's error. (Dropping an `Out` sends
    /// it too, and says on standard error when that fails.)
    pub fn finish(mut self) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.out.flush();
        self.outcome(flushed)
    }

    fn outcome(&mut self, result: io::Result<()>) -> Result<(), Error> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.map_err(Error::Output),
        }
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        match self.out.flush() {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("gloss: could not write the output: {e}");
            }
            _ => {}
        }
    }
}

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}
