//! Waking the window from a worker thread: the egui context is known from the first
//! frame on; work started before it (an overlay given on the command line) is picked up
//! by that first frame anyway.

use std::sync::{Arc, Mutex};

/// A cloneable way to ask for a repaint from any thread.
#[derive(Clone, Default)]
pub struct Repaint(Arc<Mutex<Option<egui::Context>>>);

impl std::fmt::Debug for Repaint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Repaint")
    }
}

impl Repaint {
    /// Remembers the window's context (each frame; cheap when it is the same).
    pub fn know(&self, ctx: &egui::Context) {
        if let Ok(mut known) = self.0.lock()
            && known.is_none()
        {
            *known = Some(ctx.clone());
        }
    }

    /// Asks for a repaint, when the window is known.
    pub fn wake(&self) {
        if let Ok(known) = self.0.lock()
            && let Some(ctx) = known.as_ref()
        {
            ctx.request_repaint();
        }
    }
}
