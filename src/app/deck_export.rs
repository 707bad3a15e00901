//! "Export slides…" from the app: every slide rendered on a worker thread, with progress
//! and Cancel.

use std::path::PathBuf;

use super::BackstopApp;
use crate::export::{OffscreenRenderer, render_deck};
use crate::job::{Job, Polled};

/// The size slides are exported at from the app.
pub const DECK_SIZE: [u32; 2] = [1920, 1080];

/// A deck export under way.
#[derive(Debug)]
pub struct DeckJob {
    /// The folder being written.
    pub folder: PathBuf,
    /// The rendering, slide after slide.
    pub job: Job<Vec<PathBuf>>,
}

impl DeckJob {
    /// Slides written so far, and in all.
    pub fn counts(&self) -> (u64, u64) {
        self.job.progress()
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
        if self.jobs.deck.is_some() {
            return;
        }
        if self.documents.slides.deck.slides.is_empty() {
            self.toast("No slides to export", true);
            return;
        }
        let pages = self.deck_pages();
        let total = pages.len() as u64;
        let repaint = ctx.clone();
        let target = folder.clone();
        let job = Job::spawn(
            "deck-export",
            move || repaint.request_repaint(),
            move |handle| {
                handle.set_progress(0, total);
                let mut renderer = OffscreenRenderer::new().map_err(|e| e.to_string())?;
                render_deck(
                    &mut renderer,
                    &pages,
                    &target,
                    DECK_SIZE,
                    |done, total| handle.set_progress(done as u64, total as u64),
                    || handle.is_cancelled(),
                )
            },
        );
        self.jobs.deck = Some(DeckJob { folder, job });
    }

    /// Follows a deck export and says when it is done.
    pub(super) fn poll_deck_export(&mut self) {
        let Some(deck) = &mut self.jobs.deck else {
            return;
        };
        let outcome = match deck.job.poll() {
            Polled::Running => return,
            Polled::Finished(files) => Ok(files),
            Polled::Failed(e) => Err(e),
        };
        let folder = deck.folder.clone();
        let cancelled = deck.job.is_cancelled();
        self.jobs.deck = None;
        match outcome {
            Ok(files) => self.toast(
                format!("Exported {} slides to {}", files.len(), folder.display()),
                false,
            ),
            Err(_) if cancelled => self.toast("Slide export cancelled", false),
            Err(e) => self.report_job_failure("export the slides", &e),
        }
    }
}
