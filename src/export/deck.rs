//! The deck: every slide rendered with the image export's layout (title, caveat banners,
//! legend, scale bar, sources) and the slide's caption, one PNG per slide.

use std::path::{Path, PathBuf};

use super::{ExportOptions, ExportView, OffscreenRenderer, fit_view, render_picture};
use crate::scene::Picture;

/// Slides are laid out 880 points tall (images 1080): text and symbols a quarter larger,
/// for the back of the room, with the longest legend still fitting.
pub const SLIDE_POINTS_HIGH: f32 = 880.0;

/// Points kept free at the bottom of the map for a slide's caption.
const CAPTION_ROOM: f32 = 120.0;

/// One slide, ready to render off the UI thread.
pub struct DeckPage {
    /// `03-the-hubs-no-site-is-public`.
    pub file_stem: String,
    /// What the slide shows, its title and caption included.
    pub picture: Picture,
    /// What it frames.
    pub bounds: [f64; 4],
    /// The briefer's notes (the PowerPoint notes page, the handout's text).
    pub notes: String,
}

/// The layout slides are drawn with: the image export's, for a projector.
pub fn slide_options() -> ExportOptions {
    ExportOptions {
        points_high: SLIDE_POINTS_HIGH,
        ..ExportOptions::default()
    }
}

/// The camera of `page` in a picture of `size` pixels laid out with `options`: its
/// bounds framed above the caption's box.
pub fn slide_view(page: &DeckPage, size: [u32; 2], options: ExportOptions) -> ExportView {
    let room = if page.picture.text.caption.is_some() {
        CAPTION_ROOM
    } else {
        0.0
    };
    fit_view(page.bounds, size, options, page.picture.has_caveat(), room)
}

/// Renders every page into `folder` at `size`; `progress(done, total)` after each, and
/// stops between slides once `cancelled()` says so. Returns the files written.
pub fn render_deck(
    renderer: &mut OffscreenRenderer,
    pages: &[DeckPage],
    folder: &Path,
    size: [u32; 2],
    mut progress: impl FnMut(usize, usize),
    cancelled: impl Fn() -> bool,
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let options = slide_options();
    let mut written = Vec::new();
    for (done, page) in pages.iter().enumerate() {
        if cancelled() {
            return Err(format!("cancelled after {done} of {} slides", pages.len()));
        }
        let view = slide_view(page, size, options);
        let image = render_picture(renderer, &page.picture, view, size, options)
            .map_err(|e| format!("slide {}: {e}", done + 1))?;
        let path = folder.join(format!("{}.png", page.file_stem));
        let mut bytes = Vec::new();
        image
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .map_err(|e| format!("cannot encode {}: {e}", path.display()))?;
        crate::io::write_atomic(&path, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
        progress(done + 1, pages.len());
    }
    Ok(written)
}
