//! What `update` asks of the outside world. Every piece of IO is an [`Effect`]: the runtime
//! carries it out (on a worker where it can block) and answers with an event.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;

use super::reader::PlacingJob;
use crate::annotation::Annotations;
use crate::document::{Chars, Document};

/// How the reader ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A termination signal arrived (its number).
    Signal(i32),
    /// Left without the last save coming back: what to tell the user once the terminal is
    /// back (gloss exits 1).
    Unsaved(String),
}

impl Exit {
    /// SIGHUP's number (1 on every POSIX system): a terminal that went away is a hang-up.
    pub const HANGUP: i32 = 1;
}

/// The longest text copied to the clipboard, in bytes: pages of text, well inside what
/// terminals accept (xterm takes about 100 KB of escape sequence; base64 adds a third).
pub const COPY_MAX_BYTES: usize = 64 * 1024;

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave gloss: everything that had to be saved is saved (or the user chose to lose it).
    Exit(Exit),
    /// Write this theme name to the config file.
    SaveTheme(String),
    /// Put this text on the system clipboard (OSC 52; the reader caps its size).
    Copy(String),
    /// Read the end of the brief's file (for `G` while it is still being read).
    ReadTail,
    /// Place the sidecar's annotations in the whole brief, off the loop's thread.
    Place(Box<PlacingJob>),
    /// Remember the text of this brief as read (its hash, in the data folder), so the library
    /// marks it when it is re-issued, annotated or not.
    Read {
        /// The brief's file.
        brief: std::path::PathBuf,
        /// The brief, whole.
        doc: Arc<Document>,
    },
    /// Measure the whole brief at a new column width, off the loop's thread.
    Measure {
        /// The brief, whole.
        doc: Arc<Document>,
        /// The column width.
        width: usize,
    },
    /// Save the annotations to the sidecar (lock, re-read, merge, back up, write atomically);
    /// the result comes back as [`Event::Saved`](super::Event::Saved).
    Save(Box<Snapshot>),
    /// Another process changed the sidecar: merge its version with these annotations; the
    /// result comes back as [`Event::Merged`](super::Event::Merged).
    Absorb(Box<Snapshot>),
    /// Fold the conflict copies beside the sidecar into it, on the sidecar's worker; what it
    /// did comes back as a [`Event::Notice`](super::Event::Notice), and the sidecar's change
    /// as any other process's.
    MergeCopies,
    /// Send [`Event::Tick`](super::Event::Tick) at this time (a save is due then).
    WakeAt(Timestamp),
    /// Send [`Event::Work`](super::Event::Work) when no input is waiting: a step of
    /// background work (a running search) is ready.
    Work,
    /// Find every brief under this folder; they come back as
    /// [`Event::Scanned`](super::Event::Scanned) batches.
    Scan(PathBuf),
    /// Open a brief in a reader; it comes back as [`Event::Opened`](super::Event::Opened)
    /// (or a notice saying why not).
    Open {
        /// The brief.
        brief: PathBuf,
        /// Where to show it: this character at the top (else where the reader last was).
        at: Option<Chars>,
        /// A search to start the reader with (its matches shown, `n` and `N` going on).
        find: Option<String>,
    },
    /// Show every annotation of the library in `root` in a notes view over this one.
    ShowNotes(PathBuf),
    /// Open a search of the library in `root` in a view over this one.
    ShowSearch(PathBuf),
    /// Bring the search index of the library in `root` up to date, behind everything else
    /// (nothing comes back): its first search then finds it ready.
    IndexLibrary(PathBuf),
    /// Search every brief under the folder; the hits come back as
    /// [`Event::Searched`](super::Event::Searched) batches tagged with `generation`.
    SearchLibrary {
        /// The library's folder.
        root: PathBuf,
        /// The query as typed.
        query: String,
        /// Which search of the view this is.
        generation: u64,
    },
    /// Read every annotation under the folder; they come back as
    /// [`Event::Noted`](super::Event::Noted) batches.
    CollectNotes(PathBuf),
    /// Read one brief's annotations again (its reader was left); they come back as
    /// [`Event::NotedAgain`](super::Event::NotedAgain).
    NoteAgain {
        /// The library's folder.
        root: PathBuf,
        /// The brief.
        brief: PathBuf,
    },
    /// Show the codebook of the library in `root` in a codebook view over this one.
    ShowCodebook(PathBuf),
    /// Read the codebook and count the tags of the library in `root`; the listing comes back
    /// as [`Event::Codes`](super::Event::Codes).
    ReadCodes(PathBuf),
    /// Change the codebook of the library in `root` and every sidecar with it; what it did
    /// comes back as [`Event::CodesChanged`](super::Event::CodesChanged).
    ChangeCodes {
        /// The library's folder.
        root: PathBuf,
        /// The change.
        change: Box<crate::codebook::Change>,
    },
    /// Show the analysis views of the library in `root` over this one.
    ShowAnalysis(PathBuf),
    /// Read the library in `root` for analysis; it comes back as
    /// [`Event::Analysed`](super::Event::Analysed).
    Analyse(PathBuf),
    /// The reader on top was left (everything saved): its background work can stop.
    Closed,
    /// Read a brief's summary again (its sidecar changed while it was open); it comes back
    /// as [`Event::Scanned`](super::Event::Scanned).
    Summarize {
        /// The library's folder.
        root: PathBuf,
        /// The brief.
        brief: PathBuf,
    },
}

/// What a save or a merge needs of the reader, taken at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The brief (shared; its text only grows while it is read, and saves wait for that).
    pub doc: Arc<Document>,
    /// The annotations as they are now.
    pub annotations: Annotations,
    /// The reading position, in characters.
    pub position: Chars,
    /// The history's revision these annotations are at.
    pub revision: u64,
    /// True when the reader could not take in the last merge (it changed meanwhile): the
    /// store merges again from the version before that merge, so nothing either side did is
    /// lost.
    pub rebase: bool,
}

/// Background work that can fail on its own thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Work {
    /// Reading the rest of the brief.
    Reading,
    /// Reading the end of the brief early.
    Tail,
    /// Placing saved annotations.
    Placing,
    /// Measuring at a new width.
    Measuring,
    /// Saving or merging the sidecar.
    Saving,
    /// Writing the config file.
    Config,
    /// Finding the briefs of a library.
    Scanning,
    /// Opening a brief from the library.
    Opening,
    /// Changing the codebook and the sidecars.
    Coding,
}
