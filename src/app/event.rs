//! What reaches `update`: the user's input, and the answers of the runtime's workers. The
//! clock and fresh ids come in through [`Env`], so `update` reads neither.

use std::path::PathBuf;

use jiff::Timestamp;
use uuid::Uuid;

use super::effect::Work;
use super::reader::{Piece, Reader};
use super::status::Level;
use crate::annotation::Annotations;
use crate::document::Chars;
use crate::input::{Action, Key};
use crate::layout::Measured;
use crate::store::library::{Note, Summary};
use crate::store::place::Placed;

/// Something that happened: a bound action, or input that is not a key binding.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A key bound in the keymap.
    Action(Action),
    /// A key that is not bound, for the note editor.
    Key(Key),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A character typed on the prompt.
    Char(char),
    /// Text pasted by the terminal (bracketed paste).
    Paste(String),
    /// Mouse wheel: rows to scroll, positive downwards.
    Wheel(isize),
    /// A mouse button went down at (column, row); `clicks` counts quick repeats (1-3).
    MouseDown {
        /// Screen column.
        x: u16,
        /// Screen row.
        y: u16,
        /// 1, 2 or 3.
        clicks: u8,
    },
    /// The mouse moved with the button down.
    MouseDrag {
        /// Screen column.
        x: u16,
        /// Screen row.
        y: u16,
    },
    /// The button went up.
    MouseUp,
    /// A save finished.
    Saved(Box<SaveResult>),
    /// Merging another process's version of the sidecar finished.
    Merged(Box<MergeResult>),
    /// The sidecar changed on disk, and not by this gloss.
    SidecarChanged,
    /// Time passed: something asked for with [`Effect::WakeAt`](super::Effect::WakeAt) is due.
    Tick,
    /// A termination signal arrived (its number).
    Signal(i32),
    /// The terminal went away (its input ended, or it no longer has a size).
    InputGone,
    /// Background work failed on its thread (it panicked); what it said.
    Failed(Work, String),
    /// Briefs found by the library's scan.
    Scanned(Vec<Summary>),
    /// The library's scan is done.
    ScanDone,
    /// A brief of the library is gone (deleted or moved away by another program).
    Removed(PathBuf),
    /// Annotations found across the library, brief by brief.
    Noted(Vec<Note>),
    /// One brief's annotations, read again.
    NotedAgain(PathBuf, Vec<Note>),
    /// Every brief's annotations have been read.
    NotesDone,
    /// The library's codebook and tag counts, read.
    Codes(Box<crate::store::codebook::Listing>),
    /// The library read for the analysis views.
    Analysed(Box<crate::store::analysis::Loaded>),
    /// A change to the codebook was carried out (what it did) or refused (why).
    CodesChanged(Result<String, String>),
    /// Briefs with hits of the library search `generation`.
    Searched(u64, Vec<crate::store::search::Found>),
    /// The library search `generation` is done.
    SearchDone(u64, crate::store::search::Stats),
    /// A brief asked for with [`Effect::Open`](super::Effect::Open), ready to read.
    Opened(Opened),
    /// The view above was left: this one has the keys again.
    Back,
    /// Something the runtime did, to tell the user (a saved config, a failure).
    Notice(Level, String),
    /// Conflict copies that a sync tool left beside the reader's sidecar (how many): looked
    /// for on the sidecar's worker, so a brief in a folder of thousands of files opens without
    /// listing it first.
    CopiesFound(usize),
    /// The next piece of a brief being read.
    Loaded(Box<Piece>),
    /// The whole brief has been read.
    LoadDone,
    /// Reading the brief failed part way (the reason); what was read stays.
    LoadFailed(String),
    /// Time for a step of background work (a running search), between keys.
    Work,
    /// A batch of saved annotations is placed: all placed so far, and how many that is.
    Placed(Box<Annotations>, usize),
    /// Comparing a changed brief with the text its annotations were placed on has got this
    /// far (percent), before they are carried through the diff.
    Compared(usize),
    /// Every saved annotation is placed.
    PlaceDone(Box<Placed>),
    /// The last lines of a brief still being read, read from the end of its file.
    Tail(Box<Piece>),
    /// The whole brief measured at a new column width, off the reader's thread.
    Measured(Box<Measured>),
}

/// What the outside world lends an update: the time, and an id for anything it creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Env {
    /// Now.
    pub now: Timestamp,
    /// A fresh UUID v7, used if the update creates an annotation.
    pub id: Uuid,
}

impl Env {
    /// A fixed environment: the epoch plus `n` seconds and id `n` (for tests and benchmarks).
    pub fn fixed(n: u64) -> Self {
        let now =
            Timestamp::from_second(i64::try_from(n).unwrap_or(0)).unwrap_or(Timestamp::UNIX_EPOCH);
        Self {
            now,
            id: Uuid::from_u128(u128::from(n)),
        }
    }
}

/// The answer to [`Effect::Save`](super::Effect::Save).
#[derive(Debug, Clone, PartialEq)]
pub struct SaveResult {
    /// The revision that was saved.
    pub revision: u64,
    /// The reading position that was saved.
    pub position: Chars,
    /// The annotations now on disk when another process's changes were merged in, or the
    /// reason the save failed.
    pub outcome: Result<Option<Annotations>, String>,
}

/// The answer to [`Effect::Absorb`](super::Effect::Absorb).
#[derive(Debug, Clone, PartialEq)]
pub struct MergeResult {
    /// The revision the merge was made from.
    pub revision: u64,
    /// The annotations merged with the other process's version (`None`: nothing had changed
    /// after all), or the reason reading it failed.
    pub outcome: Result<Option<Annotations>, String>,
}

/// A reader opened from the library. Two are equal when they show the same brief.
#[derive(Debug, Clone)]
pub struct Opened(pub Box<Reader>);

impl PartialEq for Opened {
    fn eq(&self, other: &Self) -> bool {
        self.0.label == other.0.label && self.0.doc.text() == other.0.doc.text()
    }
}
