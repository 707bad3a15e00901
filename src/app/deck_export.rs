//! "Export slides…" from the app: every slide rendered on a worker thread, with progress.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use super::BackstopApp;
use crate::export::{OffscreenRenderer, render_deck};

/// The size slides are exported at from the app.
pub const DECK_SIZE: [u32; 2] = [1920, 1080];

enum DeckMessage {
    Progress(usize, usize),
    Finished(Result<Vec<PathBuf>, String>),
}

/// A deck export under way.
pub struct DeckJob {
    /// The folder being written.
    pub folder: PathBuf,
    /// Slides written so far.
    pub done: usize,
    /// Slides in all.
    pub total: usize,
    receiver: Receiver<DeckMessage>,
}

impl std::fmt::Debug for DeckJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeckJob")
            .field("folder", &self.folder)
            .field("done", &self.done)
            .field("total", &self.total)
            .finish()
    }
}

/// Where the app puts a deck by default: a new folder in Pictures.
pub fn default_deck_folder(folders: &crate::io::UserFolders) -> PathBuf {
    folders
        .pictures
        .join(format!("backstop-slides-{}", crate::model::timestamp_now()))
}

impl BackstopApp {
    /// Starts rendering every slide into `folder`.
    pub(super) fn start_deck_export(&mut self, folder: PathBuf, ctx: &egui::Context) {
        if self.deck_job.is_some() {
            return;
        }
        if self.slides.deck.slides.is_empty() {
            self.toast("No slides to export", true);
            return;
        }
        let pages = self.deck_pages();
        let total = pages.len();
        let (sender, receiver) = channel();
        let repaint = ctx.clone();
        let target = folder.clone();
        let spawned = std::thread::Builder::new()
            .name("deck-export".into())
            .spawn(move || {
                let result = OffscreenRenderer::new()
                    .map_err(|e| e.to_string())
                    .and_then(|mut renderer| {
                        render_deck(&mut renderer, &pages, &target, DECK_SIZE, |done, total| {
                            let _ = sender.send(DeckMessage::Progress(done, total));
                            repaint.request_repaint();
                        })
                    });
                let _ = sender.send(DeckMessage::Finished(result));
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.deck_job = Some(DeckJob {
                    folder,
                    done: 0,
                    total,
                    receiver,
                });
            }
            Err(e) => self.toast(format!("Could not start the export: {e}"), true),
        }
    }

    /// Follows a deck export and says when it is done.
    pub(super) fn poll_deck_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.deck_job else {
            return;
        };
        let mut finished = None;
        while let Ok(message) = job.receiver.try_recv() {
            match message {
                DeckMessage::Progress(done, total) => (job.done, job.total) = (done, total),
                DeckMessage::Finished(result) => finished = Some(result),
            }
        }
        match finished {
            None => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Some(result) => {
                let folder = job.folder.clone();
                self.deck_job = None;
                match result {
                    Ok(files) => self.toast(
                        format!("Exported {} slides to {}", files.len(), folder.display()),
                        false,
                    ),
                    Err(e) => self.toast(format!("Could not export the slides: {e}"), true),
                }
            }
        }
    }
}
