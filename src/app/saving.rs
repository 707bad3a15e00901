//! When documents are written: structural edits (add, delete, move, reorder) at once;
//! text typed into a field once typing pauses, so a keystroke never costs a file write
//! and its fsyncs. Pending text is written before undo, on exit and when the app goes.

use std::time::{Duration, Instant};

use super::{BackstopApp, UndoDomain};

/// How long typing must pause before the text is written.
pub const SAVE_QUIET: Duration = Duration::from_millis(500);

/// Documents with unsaved text, and when they last changed.
#[derive(Debug, Default)]
pub(super) struct PendingSaves {
    annotations: Option<Instant>,
    slides: Option<Instant>,
    scenario: Option<Instant>,
}

impl PendingSaves {
    fn slot(&mut self, domain: UndoDomain) -> &mut Option<Instant> {
        match domain {
            UndoDomain::Annotations => &mut self.annotations,
            UndoDomain::Slides => &mut self.slides,
            // Scenario files are written by each edit at once.
            UndoDomain::Scenario => &mut self.scenario,
        }
    }
}

impl BackstopApp {
    /// Writes `domain` once typing has paused for [`SAVE_QUIET`].
    pub(super) fn save_later(&mut self, domain: UndoDomain) {
        *self.documents.pending_saves.slot(domain) = Some(Instant::now());
    }

    /// Writes `domain` now; a failure is said in a toast and the work stays in memory.
    pub(super) fn save_now(&mut self, domain: UndoDomain) {
        *self.documents.pending_saves.slot(domain) = None;
        let result = match domain {
            UndoDomain::Annotations => self.documents.annotations.save(),
            UndoDomain::Slides => self.documents.slides.save(),
            UndoDomain::Scenario => Ok(()),
        };
        if let Err(e) = result {
            self.toast(e, true);
        }
    }

    /// Writes what has waited long enough, and wakes up again for what has not.
    pub(super) fn poll_pending_saves(&mut self, ctx: &egui::Context) {
        for domain in [UndoDomain::Annotations, UndoDomain::Slides] {
            if let Some(changed) = *self.documents.pending_saves.slot(domain) {
                let waited = changed.elapsed();
                if waited >= SAVE_QUIET {
                    self.save_now(domain);
                } else {
                    ctx.request_repaint_after(SAVE_QUIET - waited);
                }
            }
        }
    }

    /// Writes every pending text edit now.
    pub fn flush_pending_saves(&mut self) {
        for domain in [UndoDomain::Annotations, UndoDomain::Slides] {
            if self.documents.pending_saves.slot(domain).is_some() {
                self.save_now(domain);
            }
        }
    }
}

impl Drop for BackstopApp {
    fn drop(&mut self) {
        // Nothing typed is lost when the window closes or a test ends.
        self.flush_pending_saves();
    }
}
