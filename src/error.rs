//! Errors a user can see, each naming the file and what is wrong with it.

use std::path::Path;

use crate::document::DecodeError;
use crate::sanitize;

/// What stopped gloss.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The brief could not be read.
    #[error("cannot open {path}: {source}")]
    Read {
        /// The path, sanitised for printing.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The brief is a directory.
    #[error("cannot open {path}: it is a directory, not a brief")]
    Directory {
        /// The path, sanitised for printing.
        path: String,
    },
    /// The brief is not text.
    #[error("cannot open {path}: {source}")]
    Decode {
        /// The path, sanitised for printing.
        path: String,
        /// Why.
        source: DecodeError,
    },
    /// The annotations could not be read, found or saved.
    #[error("{0}")]
    Annotations(String),
    /// Setting git up for sidecars failed.
    #[error("{0}")]
    Git(String),
    /// The theme asked for on the command line is missing or broken.
    #[error("{0}")]
    Theme(String),
    /// The built-in keymap is broken (a bug caught by tests).
    #[error(transparent)]
    Keymap(#[from] crate::input::KeymapError),
    /// The terminal could not be set up or drawn to.
    #[error("terminal: {0}")]
    Terminal(#[source] std::io::Error),
    /// An export or import could not be made (its message names the file and why).
    #[error("{0}")]
    Export(String),
    /// Standard output could not be written (other than its reader going away).
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
}

/// A path made safe to print.
pub fn show_path(path: &Path) -> String {
    sanitize::line(&path.display().to_string()).into_owned()
}
