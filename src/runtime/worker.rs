//! Threads for background work. A panic on one is caught where it runs and comes back to the
//! loop as [`Event::Failed`]: the terminal stays with the reader (the panic hook leaves it
//! alone off the loop's thread) and the user sees what failed.

use std::any::Any;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::Sender;

use crate::app::{Event, Work};

/// Runs `body` on a thread named `name`; if it panics, `wrap(Event::Failed(work, ..))` is
/// sent on `tx`.
pub fn spawn<W: Send + 'static>(
    name: &str,
    work: Work,
    tx: Sender<W>,
    wrap: impl Fn(Event) -> W + Send + 'static,
    body: impl FnOnce(&Sender<W>) + Send + 'static,
) -> io::Result<()> {
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            if let Err(payload) = panic::catch_unwind(AssertUnwindSafe(|| body(&tx))) {
                let _ = tx.send(wrap(Event::Failed(work, said(payload.as_ref()))));
            }
        })?;
    Ok(())
}

/// What a panic said, when it said it with a string.
pub fn said(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_a_worker_comes_back_as_an_event() {
        let (tx, rx) = std::sync::mpsc::channel();
        spawn(
            "test-worker",
            Work::Placing,
            tx,
            |e| e,
            |_| {
                #[allow(clippy::panic)]
                let boom = || panic!("index out of range");
                boom();
            },
        )
        .unwrap();
        assert_eq!(
            rx.recv().unwrap(),
            Event::Failed(Work::Placing, "index out of range".into())
        );
    }

    #[test]
    fn work_that_ends_well_sends_only_what_it_sends() {
        let (tx, rx) = std::sync::mpsc::channel();
        spawn(
            "test-worker",
            Work::Tail,
            tx,
            |e| e,
            |tx| {
                let _ = tx.send(Event::LoadDone);
            },
        )
        .unwrap();
        assert_eq!(rx.recv().unwrap(), Event::LoadDone);
        assert!(rx.recv().is_err(), "the thread ended without another word");
    }
}
