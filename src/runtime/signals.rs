//! SIGTERM, SIGHUP and SIGINT become messages to the event loop (from a thread of their own,
//! so a loop busy elsewhere still hears them); a second signal of the same kind exits at once.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Termination signals caught from [`catch`] on, forwarded once [`Caught::forward`] starts
/// their thread: a signal that comes in between waits for it.
pub struct Caught(signal_hook::iterator::Signals);

/// Catches SIGTERM, SIGHUP and SIGINT.
pub fn catch() -> io::Result<Caught> {
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        let seen = Arc::new(AtomicBool::new(false));
        // A repeated signal while the first is being handled exits immediately.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&seen))?;
        signal_hook::flag::register(signal, seen)?;
    }
    signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]).map(Caught)
}

impl Caught {
    /// Sends every signal caught, from now and before, to `tx` as `wrap(signal)`.
    pub fn forward<T: Send + 'static>(self, tx: Sender<T>, wrap: fn(i32) -> T) -> io::Result<()> {
        let Caught(mut signals) = self;
        std::thread::Builder::new()
            .name("gloss-signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    if tx.send(wrap(signal)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_signal_caught_before_forwarding_starts_is_forwarded() {
        let caught = catch().unwrap();
        // SIGHUP, with gloss's handlers in place, only sets a flag and is queued.
        signal_hook::low_level::raise(SIGHUP).unwrap();
        let (tx, rx) = mpsc::channel();
        caught.forward(tx, |signal| signal).unwrap();
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(SIGHUP));
    }

    #[test]
    fn a_lost_terminal_exits_as_a_hang_up() {
        assert_eq!(crate::app::Exit::HANGUP, super::SIGHUP);
    }
}
