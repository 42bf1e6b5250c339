//! SIGTERM, SIGHUP and SIGINT become messages to the event loop (from a thread of their own,
//! so a loop busy elsewhere still hears them); a second signal of the same kind exits at once.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Forwards termination signals to `tx` as `wrap(signal)`.
pub fn forward<T: Send + 'static>(tx: Sender<T>, wrap: fn(i32) -> T) -> io::Result<()> {
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        let seen = Arc::new(AtomicBool::new(false));
        // A repeated signal while the first is being handled exits immediately.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&seen))?;
        signal_hook::flag::register(signal, seen)?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_lost_terminal_exits_as_a_hang_up() {
        assert_eq!(crate::app::Exit::HANGUP, super::SIGHUP);
    }
}
