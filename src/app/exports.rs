//! Exporting from the app: the screen view, off-screen pictures, the clipboard, and the
//! toasts that say where things went.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use egui::ColorImage;

use super::{BackstopApp, PictureFormat};
use crate::export::{ExportView, OffscreenRenderer, pixels_per_point_for, render_picture};
use crate::io::write_atomic;
use crate::job::{Job, Polled};

/// How long a toast stays.
const TOAST_LIFETIME: Duration = Duration::from_secs(6);

/// A short message in the corner of the map.
#[derive(Debug, Clone)]
pub struct Toast {
    /// What happened.
    pub text: String,
    /// True for failures.
    pub is_error: bool,
    shown_at: Instant,
}

/// Export state that lives between frames.
#[derive(Default)]
pub struct ExportState {
    /// The headless renderer, made on first use.
    renderer: Option<OffscreenRenderer>,
    /// A screenshot of the window on its way.
    screenshot: Option<Receiver<Arc<ColorImage>>>,
    /// A render on its worker thread, and what it is for.
    job: Option<(ExportPurpose, Job<ExportResult>)>,
    /// Tests only: the next render's worker panics, as a bug in it would.
    #[doc(hidden)]
    pub panic_in_next_render: bool,
    /// Messages to show.
    pub toasts: Vec<Toast>,
}

impl Toast {
    /// A new toast, shown from now.
    pub fn new(text: impl Into<String>, is_error: bool) -> Self {
        Self {
            text: text.into(),
            is_error,
            shown_at: Instant::now(),
        }
    }
}

impl BackstopApp {
    /// Says something in the corner of the map.
    pub fn toast(&mut self, text: impl Into<String>, is_error: bool) {
        let text = text.into();
        if is_error {
            log::error!("{text}");
        } else {
            log::info!("{text}");
        }
        self.jobs.exports.toasts.push(Toast::new(text, is_error));
    }

    /// Says that a background job failed, in a toast and in the Problems panel, so the
    /// user knows what did not happen and the app goes on.
    pub fn report_job_failure(&mut self, what: &str, error: &str) {
        let text = format!("Could not {what}: {error}");
        self.jobs.problems.push(crate::io::Diagnostic::file(
            "background work",
            crate::io::Severity::Error,
            text.clone(),
        ));
        self.toast(text, true);
    }

    /// Drops toasts that have been shown long enough.
    pub(super) fn expire_toasts(&mut self, ctx: &egui::Context) {
        self.jobs
            .exports
            .toasts
            .retain(|t| t.shown_at.elapsed() < TOAST_LIFETIME);
        if !self.jobs.exports.toasts.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }

    /// Asks the window for a screenshot; `finish_view_screenshot` saves the map part.
    pub(super) fn request_view_screenshot(&mut self, ctx: &egui::Context) {
        self.jobs.exports.screenshot = Some(super::screenshot::request_screenshot(ctx));
    }

    /// Saves the map area of a finished window screenshot, at the screen's pixel density.
    pub(super) fn finish_view_screenshot(&mut self, ctx: &egui::Context) {
        let Some(receiver) = &self.jobs.exports.screenshot else {
            return;
        };
        let Ok(image) = receiver.try_recv() else {
            return;
        };
        self.jobs.exports.screenshot = None;
        let Some(map) = self.map_rect else {
            self.toast("Nothing to save: the map is not on screen", true);
            return;
        };
        let ppp = ctx.pixels_per_point();
        let [width, height] = image.size;
        // region_by_pixels panics outside the image: clamp to it.
        let x = ((map.left() * ppp).round().max(0.0) as usize).min(width);
        let y = ((map.top() * ppp).round().max(0.0) as usize).min(height);
        let w = ((map.width() * ppp).round() as usize).min(width - x);
        let h = ((map.height() * ppp).round() as usize).min(height - y);
        if w == 0 || h == 0 {
            self.toast("Nothing to save: the map has no size", true);
            return;
        }
        let cropped = image.region_by_pixels([x, y], [w, h]);
        let path = self.folders.new_picture_path("view");
        match crate::app::save_png(&cropped, &path) {
            Ok(()) => self.toast(format!("Saved {}", path.display()), false),
            Err(e) => self.toast(format!("Could not save the view: {e}"), true),
        }
    }

    /// The camera for an export of `size` pixels that shows what the screen shows.
    pub fn export_view(&self, size: [u32; 2]) -> ExportView {
        let Some(view) = self.world_view() else {
            return crate::export::fit_ukraine_view(size, self.dialogs.export.options, true);
        };
        self.export_view_points_wide(&view, size[0] as f32 / pixels_per_point_for(size[1]))
    }

    /// The camera for a vector export on `page` that shows what the screen shows.
    pub fn vector_export_view(&self, page: crate::export::PageSize) -> Option<ExportView> {
        let view = self.world_view()?;
        let layout = page.layout(self.dialogs.export.options.points_high);
        Some(self.export_view_points_wide(&view, layout.x))
    }

    /// The screen's centre, zoomed so that `export_width` points show what the map shows.
    fn export_view_points_wide(
        &self,
        view: &crate::mesh::WorldView,
        export_width: f32,
    ) -> ExportView {
        let (lon, lat) = crate::geometry::world_to_lon_lat(view.center);
        let zoom = view.zoom + f64::from(export_width / view.screen.width().max(1.0)).log2();
        ExportView {
            lon,
            lat,
            zoom: zoom.clamp(1.0, 18.0),
        }
    }

    /// Starts rendering the Export dialog's picture on a worker thread; the window stays
    /// responsive and shows progress until `poll_export` sees it finish.
    fn start_export(&mut self, purpose: ExportPurpose, ctx: &egui::Context) {
        if self.jobs.exports.job.is_some() {
            return;
        }
        let dialog = &self.dialogs.export;
        if let (PictureFormat::Vector(format), ExportPurpose::Save(path)) =
            (dialog.format, &purpose)
        {
            let path = path.clone();
            self.start_vector_export(purpose, path, format, ctx);
            return;
        }
        let size = dialog.preset.size(dialog.custom);
        let options = dialog.options;
        let view = self.export_view(size);
        let picture = self.build_picture();
        let renderer = self.jobs.exports.renderer.take();
        let repaint = ctx.clone();
        let job_purpose = purpose.clone();
        let panic = std::mem::take(&mut self.jobs.exports.panic_in_next_render);
        let job = Job::spawn(
            "export",
            move || repaint.request_repaint(),
            move |handle| {
                assert!(!panic, "a panic injected by a test");
                let mut renderer = renderer
                    .map_or_else(OffscreenRenderer::new, Ok)
                    .map_err(|e| e.to_string())?;
                let image = render_picture(&mut renderer, &picture, view, size, options)
                    .map_err(|e| e.to_string())?;
                if handle.is_cancelled() {
                    return Err("cancelled".into());
                }
                let image = match &job_purpose {
                    ExportPurpose::Save(path) => write_png(&image, path).map(|()| None)?,
                    ExportPurpose::Clipboard => Some(image),
                };
                Ok((Some(renderer), image))
            },
        );
        self.jobs.exports.job = Some((purpose, job));
        self.dialogs.export.render_requested = true;
    }

    /// Starts writing the Export dialog's PDF or SVG to `path` on a worker thread.
    fn start_vector_export(
        &mut self,
        purpose: ExportPurpose,
        path: std::path::PathBuf,
        format: crate::export::VectorFormat,
        ctx: &egui::Context,
    ) {
        let dialog = &self.dialogs.export;
        let request = crate::export::VectorRequest {
            page: dialog.page(),
            view: self.vector_export_view(dialog.page()),
            scale: dialog
                .scale
                .filter(|_| dialog.paper.is_some())
                .map(|n| n as f64),
            options: dialog.options,
        };
        let picture = self.build_picture();
        let repaint = ctx.clone();
        let job = Job::spawn(
            "vector-export",
            move || repaint.request_repaint(),
            move |handle| {
                let mut recording = crate::export::vector::Recording::new();
                let bytes = crate::export::write_vector_picture(
                    &mut recording,
                    &picture,
                    &request,
                    format,
                )?;
                if handle.is_cancelled() {
                    return Err("cancelled".into());
                }
                write_atomic(&path, &bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                Ok((None, None))
            },
        );
        self.jobs.exports.job = Some((purpose, job));
        self.dialogs.export.render_requested = true;
    }

    /// Starts a render the dialog asked for, and reports one that finished.
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        if self.dialogs.export.render_requested && self.jobs.exports.job.is_none() {
            let path = std::path::PathBuf::from(self.dialogs.export.path.trim());
            self.start_export(ExportPurpose::Save(path), ctx);
        }
        let Some((_, job)) = &mut self.jobs.exports.job else {
            return;
        };
        let outcome = match job.poll() {
            Polled::Running => return,
            Polled::Finished((renderer, image)) => {
                if renderer.is_some() {
                    self.jobs.exports.renderer = renderer;
                }
                Ok(image)
            }
            Polled::Failed(e) => Err(e),
        };
        let Some((purpose, job)) = self.jobs.exports.job.take() else {
            return;
        };
        self.dialogs.export.render_requested = false;
        if job.is_cancelled() {
            self.toast("Export cancelled: nothing was written", false);
            return;
        }
        let extension = self.dialogs.export.format.extension();
        match (purpose, outcome) {
            (ExportPurpose::Save(path), Ok(_)) => {
                self.toast(format!("Saved {}", path.display()), false);
                self.dialogs.export.path = self
                    .folders
                    .new_picture_path("export")
                    .with_extension(extension)
                    .display()
                    .to_string();
            }
            (ExportPurpose::Clipboard, Ok(Some(image))) => {
                let size = [image.width() as usize, image.height() as usize];
                ctx.copy_image(ColorImage::from_rgba_unmultiplied(size, image.as_raw()));
                self.toast("Copied the picture to the clipboard", false);
            }
            (ExportPurpose::Clipboard, Ok(None)) => {}
            (_, Err(e)) => self.report_job_failure("export the picture", &e),
        }
    }

    /// Renders the Export dialog's picture and puts it on the clipboard.
    pub(super) fn copy_export(&mut self, ctx: &egui::Context) {
        self.start_export(ExportPurpose::Clipboard, ctx);
    }

    /// True while an export renders.
    pub fn exporting(&self) -> bool {
        self.jobs.exports.job.is_some()
    }

    /// Stops the picture export under way: nothing is written once it is cancelled.
    pub(super) fn cancel_export(&mut self) {
        if let Some((_, job)) = &self.jobs.exports.job {
            job.cancel();
        }
    }
}

/// What a finished render is for.
#[derive(Debug, Clone)]
enum ExportPurpose {
    /// Write a PNG here.
    Save(std::path::PathBuf),
    /// Put the picture on the clipboard.
    Clipboard,
}

/// A render's result: the renderer back for reuse (none from a vector export), and
/// nothing (saved) or the picture.
type ExportResult = (Option<OffscreenRenderer>, Option<image::RgbaImage>);

fn write_png(image: &image::RgbaImage, path: &Path) -> Result<(), String> {
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| format!("cannot encode PNG: {e}"))?;
    write_atomic(path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
