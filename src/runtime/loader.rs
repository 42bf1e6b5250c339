//! Reads the rest of a big brief on a thread of its own: each piece is parsed and measured
//! there and handed to the loop, so the reader answers keys while the file streams in.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use crate::app::{Event, Piece};
use crate::document::{DecodeError, Document};
use crate::layout::Measured;
use crate::store::{BriefFile, PIECE};

/// Pieces allowed in flight before the reading thread waits for the loop to take them, so a
/// slow loop never holds many copies of the text.
const IN_FLIGHT: usize = 2;

/// How long reading waits after the first frame. On a busy two-core machine this brings the
/// first screen of a 10 MiB brief from 26 to 19 ms (benches/vs_less.sh); it costs the
/// whole read as much, and `G` meanwhile reads the file's end directly.
const PAINT_FIRST: Duration = Duration::from_millis(30);

/// What the reading thread shares with the loop.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    /// The layout's column width, for measuring pieces before they arrive (0: unknown).
    pub width: Arc<AtomicUsize>,
    /// Pieces sent and not yet taken.
    pub in_flight: Arc<AtomicUsize>,
    /// Set when the reader was left: reading stops.
    pub cancel: Arc<AtomicBool>,
}

/// Starts reading `file` to its end, sending each piece as an event through `send`; stops
/// early when `send` fails (the loop has ended).
pub fn spawn<W: Send + 'static>(
    mut file: BriefFile,
    shared: Shared,
    tx: Sender<W>,
    wrap: impl Fn(Event) -> W + Send + 'static,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("gloss-reader".into())
        .spawn(move || {
            // Reading yields to whatever the user waits for. The lowest priority keeps it
            // behind the reader's own thread; the pause lets the terminal paint the first
            // screen before reading competes with it for the CPU (process priorities do not
            // reach across to the terminal's process groups).
            let _ =
                thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
            std::thread::sleep(PAINT_FIRST);
            loop {
                while shared.in_flight.load(Ordering::Acquire) >= IN_FLIGHT
                    && !shared.cancel.load(Ordering::Acquire)
                {
                    std::thread::sleep(Duration::from_millis(1));
                }
                if shared.cancel.load(Ordering::Acquire) {
                    break;
                }
                let event = match file.next_piece(PIECE) {
                    Ok(Some((start, bytes))) => {
                        match Document::parse_continuation(&bytes, usize_of(start)) {
                            Ok(doc) => {
                                let width = shared.width.load(Ordering::Acquire);
                                let measured = (width > 0).then(|| Measured::of(&doc, width));
                                Event::Loaded(Box::new(Piece {
                                    doc,
                                    measured,
                                    read: file.read(),
                                }))
                            }
                            Err(DecodeError::Binary { offset }) => Event::LoadFailed(format!(
                                "NUL byte at offset {offset} (binary data)"
                            )),
                            Err(e) => Event::LoadFailed(e.to_string()),
                        }
                    }
                    Ok(None) => Event::LoadDone,
                    Err(e) => Event::LoadFailed(e.to_string()),
                };
                let last = !matches!(event, Event::Loaded(_));
                shared.in_flight.fetch_add(1, Ordering::AcqRel);
                if tx.send(wrap(event)).is_err() || last {
                    break;
                }
            }
        })?;
    Ok(())
}

fn usize_of(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}
