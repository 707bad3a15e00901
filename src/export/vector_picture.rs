//! The export picture as PDF or SVG: laid out for a page (a sheet of paper or a picture
//! size), drawn by the same `draw_picture` as the PNG, recorded as vectors.

use super::page::{PageSize, zoom_for_scale};
use super::vector::{Drawing, PdfPage, Recording, write_pdf, write_svg};
use super::{ExportOptions, ExportView, draw_picture, fit_ukraine_view};
use crate::scene::Picture;

/// What a vector picture is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum VectorFormat {
    /// A PDF page.
    Pdf,
    /// An SVG document.
    Svg,
}

impl VectorFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            VectorFormat::Pdf => "pdf",
            VectorFormat::Svg => "svg",
        }
    }
}

/// A vector picture asked for: its page, camera, stated scale and layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VectorRequest {
    /// The page's size.
    pub page: PageSize,
    /// Centre and zoom; Ukraine is framed without one.
    pub view: Option<ExportView>,
    /// Print at 1:this (paper pages only): the zoom follows from it.
    pub scale: Option<f64>,
    /// Which parts of the layout to draw.
    pub options: ExportOptions,
}

/// The layout a request draws with, and the picture's size in pixels for fitting views
/// (its raster resolution).
fn layout_of(request: &VectorRequest) -> (ExportOptions, [u32; 2], f32) {
    let mut options = request.options;
    let layout = request.page.layout(options.points_high);
    options.points_high = layout.y;
    if matches!(request.page, PageSize::Paper { .. }) {
        options.paper_metres_per_point = Some(request.page.paper_metres_per_point(layout.y));
    }
    let pixels_per_point = request
        .page
        .raster_pixels_per_point(request.options.points_high);
    let size = [
        (layout.x * pixels_per_point).round().max(1.0) as u32,
        (layout.y * pixels_per_point).round().max(1.0) as u32,
    ];
    (options, size, pixels_per_point)
}

/// The camera a request shows: the one asked for or Ukraine framed, at the stated scale
/// when there is one.
pub fn vector_view(picture: &Picture, request: &VectorRequest) -> ExportView {
    let (options, size, _) = layout_of(request);
    let mut view = request
        .view
        .unwrap_or_else(|| fit_ukraine_view(size, options, picture.has_caveat()));
    if let (Some(denominator), Some(paper)) = (request.scale, options.paper_metres_per_point) {
        view.zoom = zoom_for_scale(view.lat, denominator, paper).clamp(1.0, 18.0);
    }
    view
}

/// Records the picture `request` asks for.
pub fn vector_drawing(
    recording: &mut Recording,
    picture: &Picture,
    request: &VectorRequest,
) -> Drawing {
    let (options, _, pixels_per_point) = layout_of(request);
    let view = vector_view(picture, request);
    let layout = request.page.layout(request.options.points_high);
    recording.record(layout, pixels_per_point, |ui| {
        draw_picture(ui, picture, view, options);
    })
}

/// The picture `request` asks for as a PDF or SVG file's bytes.
pub fn write_vector_picture(
    recording: &mut Recording,
    picture: &Picture,
    request: &VectorRequest,
    format: VectorFormat,
) -> Result<Vec<u8>, String> {
    let drawing = vector_drawing(recording, picture, request);
    let title = picture.text.title.clone();
    match format {
        VectorFormat::Pdf => {
            let (width, height) = request.page.points();
            write_pdf(
                &[PdfPage {
                    drawing: &drawing,
                    width,
                    height,
                }],
                recording.faces(),
                &title,
            )
        }
        VectorFormat::Svg => {
            let (width, height) = request.page.millimetres();
            write_svg(&drawing, recording.faces(), width, height, &title)
        }
    }
}
