//! `--screenshot PATH`: wait until the map is drawn, save the window as PNG, close.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{ColorImage, ViewportCommand};

/// Frames to draw before the picture is taken, so layout and fonts have settled.
const SETTLE_FRAMES: u32 = 4;

/// The outcome, shared with `main` for the exit code.
pub type ScreenshotOutcome = Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>;

/// A pending screenshot of the window.
pub struct ScreenshotTask {
    path: PathBuf,
    frames: u32,
    receiver: Option<Receiver<Arc<ColorImage>>>,
    outcome: ScreenshotOutcome,
}

impl ScreenshotTask {
    /// A task that saves to `path` and reports into `outcome`.
    pub fn new(path: PathBuf, outcome: ScreenshotOutcome) -> Self {
        Self {
            path,
            frames: 0,
            receiver: None,
            outcome,
        }
    }

    /// Called once a frame after the map was drawn; returns true when done.
    pub fn step(&mut self, ctx: &egui::Context, map_ready: bool) -> bool {
        ctx.request_repaint();
        if let Some(receiver) = &self.receiver {
            let Ok(image) = receiver.try_recv() else {
                return false;
            };
            let result = save_png(&image, &self.path).map(|()| self.path.clone());
            if let Ok(mut slot) = self.outcome.lock() {
                *slot = Some(result);
            }
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return true;
        }
        if map_ready {
            self.frames += 1;
        }
        if self.frames >= SETTLE_FRAMES {
            self.receiver = Some(request_screenshot(ctx));
        }
        false
    }
}

/// Asks the window for a screenshot; the image arrives on the returned channel.
pub fn request_screenshot(ctx: &egui::Context) -> Receiver<Arc<ColorImage>> {
    let (sender, receiver) = channel();
    let repaint = ctx.clone();
    ctx.send_viewport_cmd(ViewportCommand::Screenshot(egui::ScreenshotCallback::new(
        move |image| {
            let _ = sender.send(image);
            repaint.request_repaint();
        },
    )));
    receiver
}

/// Writes an egui image as an 8-bit RGBA PNG.
pub fn save_png(image: &ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, bytes)
        .ok_or_else(|| "screenshot has an inconsistent size".to_owned())?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
