//! Exporting the deck from the app: every slide rendered on a worker thread (PNGs in a
//! folder, a PowerPoint file or a PDF handout), with progress and Cancel.

use std::path::PathBuf;

use super::BackstopApp;
use crate::export::{OffscreenRenderer, render_deck};
use crate::io::write_atomic;
use crate::job::{Job, Polled};

/// The size slides are exported at from the app.
pub const DECK_SIZE: [u32; 2] = [1920, 1080];

/// What a deck export writes.
#[derive(Debug, Clone, PartialEq)]
pub enum DeckTarget {
    /// One PNG per slide into this folder.
    Pictures(PathBuf),
    /// A PowerPoint deck with speaker notes.
    PowerPoint(PathBuf),
    /// A PDF handout, one page per slide, with the notes under each when `notes`.
    Handout {
        /// The file.
        path: PathBuf,
        /// Notes under each slide.
        notes: bool,
    },
}

impl DeckTarget {
    /// The folder or file written.
    pub fn path(&self) -> &std::path::Path {
        match self {
            DeckTarget::Pictures(path)
            | DeckTarget::PowerPoint(path)
            | DeckTarget::Handout { path, .. } => path,
        }
    }
}

/// A deck export under way.
#[derive(Debug)]
pub struct DeckJob {
    /// What is being written.
    pub target: DeckTarget,
    /// The rendering, slide after slide; the files written.
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

/// Where the app puts a deck file by default: a new `.extension` file in Pictures.
pub fn default_deck_file(folders: &crate::io::UserFolders, extension: &str) -> PathBuf {
    folders.pictures.join(format!(
        "backstop-briefing-{}.{extension}",
        crate::model::timestamp_now()
    ))
}

impl BackstopApp {
    /// Starts rendering every slide into `target`.
    pub(super) fn start_deck_export(&mut self, target: DeckTarget, ctx: &egui::Context) {
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
        let writing = target.clone();
        let title = self.documents.report.scenario.title.clone();
        let job = Job::spawn(
            "deck-export",
            move || repaint.request_repaint(),
            move |handle| {
                handle.set_progress(0, total);
                let progress = |done: usize, total: usize| {
                    handle.set_progress(done as u64, total as u64);
                };
                let cancelled = || handle.is_cancelled();
                let (path, bytes) = match &writing {
                    DeckTarget::Pictures(folder) => {
                        let mut renderer = OffscreenRenderer::new().map_err(|e| e.to_string())?;
                        return render_deck(
                            &mut renderer,
                            &pages,
                            folder,
                            DECK_SIZE,
                            progress,
                            cancelled,
                        );
                    }
                    DeckTarget::PowerPoint(path) => {
                        let mut renderer = OffscreenRenderer::new().map_err(|e| e.to_string())?;
                        let bytes = crate::export::pptx::write_pptx(
                            &mut renderer,
                            &pages,
                            DECK_SIZE,
                            &title,
                            progress,
                            cancelled,
                        )?;
                        (path, bytes)
                    }
                    DeckTarget::Handout { path, notes } => {
                        let mut recording = crate::export::vector::Recording::new();
                        let bytes = crate::export::write_handout(
                            &mut recording,
                            &pages,
                            *notes,
                            &title,
                            progress,
                            cancelled,
                        )?;
                        (path, bytes)
                    }
                };
                if handle.is_cancelled() {
                    return Err("cancelled before the file was written".into());
                }
                write_atomic(path, &bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                Ok(vec![path.clone()])
            },
        );
        self.jobs.deck = Some(DeckJob { target, job });
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
        let target = deck.target.clone();
        let cancelled = deck.job.is_cancelled();
        self.jobs.deck = None;
        let slides = self.documents.slides.deck.slides.len();
        match (outcome, &target) {
            (Ok(files), DeckTarget::Pictures(folder)) => self.toast(
                format!("Exported {} slides to {}", files.len(), folder.display()),
                false,
            ),
            (Ok(_), DeckTarget::PowerPoint(path)) => self.toast(
                format!(
                    "Saved the {slides}-slide PowerPoint deck {}",
                    path.display()
                ),
                false,
            ),
            (Ok(_), DeckTarget::Handout { path, .. }) => self.toast(
                format!("Saved the {slides}-page PDF handout {}", path.display()),
                false,
            ),
            (Err(_), _) if cancelled => self.toast("Slide export cancelled", false),
            (Err(e), _) => self.report_job_failure("export the slides", &e),
        }
    }
}
