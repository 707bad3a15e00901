//! Vector pictures: the shapes egui paints for an export (the same `draw_picture` the PNG
//! is rasterised from), recorded before tessellation and written as PDF or SVG, so the
//! vector file is the same picture as the PNG, with real text and sharp lines at any size.
//!
//! [`record`] runs the paint code in a headless egui pass and turns its shapes into a
//! [`Drawing`]: filled outlines, strokes, text runs with their font faces, and images.
//! The back ends ([`pdf`], [`svg`]) know only the drawing.

mod fonts;
mod pdf;
mod record;
mod shapes;
mod svg;
mod text;
mod union;

pub use fonts::{FaceId, FontFaces, ShapedGlyph};
pub use pdf::{PdfPage, write_pdf};
pub use record::Recording;
pub use svg::write_svg;

use egui::{Color32, Pos2, Rect};

/// What a drawing paints, in egui points with y down, in paint order.
#[derive(Default)]
pub struct Drawing {
    /// The drawing's size in points.
    pub size: egui::Vec2,
    /// What is painted, bottom first.
    pub items: Vec<Item>,
    /// Raster images the items refer to by index.
    pub images: Vec<RasterImage>,
}

/// One painted thing and the rectangle it is clipped to.
pub struct Item {
    /// Nothing outside this rectangle shows.
    pub clip: Rect,
    /// What is painted.
    pub kind: ItemKind,
}

/// The kinds of thing a drawing paints.
pub enum ItemKind {
    /// The union of `rings` (nonzero winding), filled with one colour.
    Fill {
        /// Closed outlines.
        rings: Vec<Vec<Pos2>>,
        /// Fill colour.
        colour: Color32,
    },
    /// A line of `width` points along `points`.
    Stroke {
        /// The points, in order.
        points: Vec<Pos2>,
        /// Back to the first point at the end.
        closed: bool,
        /// Width in points.
        width: f32,
        /// Stroke colour.
        colour: Color32,
    },
    /// A run of glyphs of one face, size and colour on one baseline.
    Text(TextRun),
    /// A raster image (a tile, an icon) stretched over `rect`.
    Image {
        /// Index into [`Drawing::images`].
        image: usize,
        /// Where it goes.
        rect: Rect,
        /// Opacity from 0 to 1 (a tile layer's, say).
        opacity: f32,
    },
}

/// Text as text: the characters, where each one goes, and how it looks.
pub struct TextRun {
    /// Where the baseline of the first glyph starts.
    pub origin: Pos2,
    /// Rotation in radians, clockwise, about `origin`.
    pub angle: f32,
    /// Font size in points (the em).
    pub size: f32,
    /// Text colour.
    pub colour: Color32,
    /// The font face every glyph of the run is in.
    pub face: FaceId,
    /// Each character with its x offset from `origin` along the baseline and its advance.
    pub glyphs: Vec<PlacedGlyph>,
    /// A halo around the glyphs, drawn beneath them: its colour and stroke width in
    /// points (egui draws it as offset copies; a vector file strokes the outlines).
    pub halo: Option<(Color32, f32)>,
}

/// One character of a run.
#[derive(Debug, Clone, Copy)]
pub struct PlacedGlyph {
    /// The character.
    pub chr: char,
    /// Its offset from the run's origin, in points along the baseline.
    pub x: f32,
    /// How far the pen moves after it, in points.
    pub advance: f32,
}

impl TextRun {
    /// The run's characters as a string.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.chr).collect()
    }
}

/// An image's pixels, straight (not premultiplied) RGBA, row by row.
pub struct RasterImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

impl Drawing {
    /// Every run's text, in paint order: what a reader searching the file finds.
    pub fn texts(&self) -> Vec<String> {
        self.items
            .iter()
            .filter_map(|item| match &item.kind {
                ItemKind::Text(run) => Some(run.text()),
                _ => None,
            })
            .collect()
    }
}

/// A colour as straight (not premultiplied) RGB and an opacity from 0 to 1.
pub fn straight(colour: Color32) -> ([u8; 3], f32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    ([r, g, b], f32::from(a) / 255.0)
}
