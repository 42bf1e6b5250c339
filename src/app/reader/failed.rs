//! Background work that failed on its own thread (it panicked): the user is told what failed,
//! the work's flags are cleared so nothing waits for it forever, and nothing half-finished is
//! saved.

use jiff::Timestamp;

use super::Reader;
use super::reading::Remeasure;
use crate::app::Level;
use crate::app::effect::Work;
use crate::app::event::SaveResult;

impl Reader {
    /// `work` failed, saying `message`.
    pub(super) fn failed(&mut self, work: Work, message: &str, now: Timestamp) {
        let what: &str = work.into();
        let what = what.replace('_', " ");
        match work {
            Work::Reading => self.load_failed(&format!("internal error: {message}")),
            Work::Placing => {
                // Half of the annotations may be placed: saving them would lose the rest.
                let reason = format!("placing them failed ({message}); the file is kept as it is");
                self.notice(Level::Error, &format!("annotations read-only: {reason}"));
                self.set_read_only(reason);
            }
            Work::Measuring => {
                self.remeasure = Remeasure::default();
                self.notice(Level::Error, &format!("{what} failed: {message}"));
            }
            Work::Saving => {
                // A failed save: retried, and quitting warns.
                let result = SaveResult {
                    revision: self.history.revision(),
                    position: self.position(),
                    outcome: Err(format!("internal error: {message}")),
                };
                self.saved(result, now);
            }
            Work::Tail | Work::Config | Work::Scanning | Work::Opening | Work::Coding => {
                self.notice(Level::Error, &format!("{what} failed: {message}"));
            }
        }
    }
}
