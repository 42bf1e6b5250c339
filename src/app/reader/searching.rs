//! Running searches between keys: a search starts with one slice of the text, which covers
//! any ordinary brief, and goes on a slice per step through a huge one, with progress in the
//! status bar and Esc to stop it.

use super::Reader;
use super::scan::{Purpose, Running, STEP, Scan, Step};
use super::viewport::Placement;
use crate::app::Level;

impl Reader {
    /// Starts a search and runs its first step at once.
    pub(super) fn start_scan(&mut self, scan: Scan, purpose: Purpose) {
        self.running = Some(Running {
            scan,
            purpose,
            origin: (self.top, self.cursor),
        });
        self.scan_step();
    }

    /// True when a search is running and can make progress now (not waiting for text still
    /// being read).
    pub fn scan_can_step(&self) -> bool {
        self.running
            .as_ref()
            .is_some_and(|r| !(self.is_loading() && r.scan.at_end_of(&self.doc)))
    }

    /// One slice of the running search: about [`STEP`] bytes, going round the end if need be.
    pub(super) fn scan_step(&mut self) {
        let Some(mut running) = self.running.take() else {
            return;
        };
        let more_coming = self.is_loading();
        let target = running.scan.scanned() + STEP;
        let step = loop {
            let left = target.saturating_sub(running.scan.scanned()).max(1);
            let step = running
                .scan
                .step(&self.doc, &|o| self.hidden_end(o), left, more_coming);
            let waiting = more_coming && running.scan.at_end_of(&self.doc);
            if step != Step::Going || waiting || running.scan.scanned() >= target {
                break step;
            }
        };
        match step {
            Step::Going => self.running = Some(running),
            Step::Found(found) => {
                if running.purpose == Purpose::Repeat && found.wrapped {
                    let text = if running.scan.is_forward() {
                        "search wrapped to the top"
                    } else {
                        "search wrapped to the bottom"
                    };
                    self.say(Level::Info, text);
                }
                self.move_cursor(found.range.start, Placement::Center);
                self.scan_done(&running, true);
            }
            Step::Missing => {
                (self.top, self.cursor) = running.origin;
                self.scan_done(&running, false);
            }
        }
    }

    fn scan_done(&mut self, running: &Running, found: bool) {
        match running.purpose {
            Purpose::Typing => {
                if let Some(prompt) = self.prompt_mut() {
                    prompt.found = found;
                }
            }
            Purpose::Accepted | Purpose::Repeat if !found => {
                let query = running.scan.search().query().to_string();
                self.say(Level::Warning, &format!("not found: {query}"));
            }
            Purpose::Accepted | Purpose::Repeat => {}
        }
    }

    /// Esc while reading: stops a running search where the view is.
    pub(super) fn stop_search(&mut self) {
        if self.running.take().is_some() {
            self.say(Level::Info, "search stopped");
        }
    }
}
