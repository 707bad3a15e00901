//! Dense overlays drawn as a picture: when a view would hold too many vertices to stream
//! to the GPU every frame, the overlay is rasterised for that view on a background
//! thread, and the last picture is shown, moved and scaled with the map, until the next
//! one is ready.

use std::sync::{Arc, Mutex};

use egui::{Color32, ColorImage, Painter, Rect, TextureHandle, TextureOptions, pos2};

use super::UserLayer;
use crate::geometry::WorldPoint;
use crate::job::{Job, Polled};
use crate::mesh::{WorldRect, WorldView};

/// Above this many line points in view, the overlay is drawn as a picture.
pub const RASTER_POINTS: usize = 20_000;
/// Line width in pixels, as the vector path draws it.
const LINE_WIDTH: f32 = 1.4;
/// Area fill opacity, as the vector path draws it.
const FILL_ALPHA: f32 = 0.22;
/// Point radius in pixels.
const POINT_RADIUS: f32 = 3.5;
/// How much of the view's width (and height) the picture reaches beyond each edge.
const PAN_MARGIN: f32 = 0.15;
/// The largest picture side asked of the GPU (every adapter takes 8192).
const MAX_PICTURE_SIDE: usize = 8192;

/// The view a picture is made for, in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RasterView {
    /// World point at the picture's centre.
    pub center: WorldPoint,
    /// Zoom.
    pub zoom: f64,
    /// Size in physical pixels.
    pub width: usize,
    /// Size in physical pixels.
    pub height: usize,
    /// Physical pixels per point.
    pub pixels_per_point: f32,
}

impl RasterView {
    /// The view of `view` on a screen of `pixels_per_point`.
    pub fn of(view: &WorldView, pixels_per_point: f32) -> Self {
        Self {
            center: view.center,
            zoom: view.zoom,
            width: (view.screen.width() * pixels_per_point).round().max(1.0) as usize,
            height: (view.screen.height() * pixels_per_point).round().max(1.0) as usize,
            pixels_per_point,
        }
    }

    /// The view of `view` with a margin on every side, so panning shows the picture's
    /// edges rather than blanks until the next one is made; no side beyond the largest
    /// texture a GPU is sure to take.
    pub fn around(view: &WorldView, pixels_per_point: f32) -> Self {
        let plain = Self::of(view, pixels_per_point);
        let grown = |side: usize| {
            ((side as f32 * (1.0 + 2.0 * PAN_MARGIN)).round() as usize).clamp(1, MAX_PICTURE_SIDE)
        };
        Self {
            width: grown(plain.width),
            height: grown(plain.height),
            ..plain
        }
    }

    /// Physical pixels per world unit.
    fn scale(&self) -> f64 {
        256.0 * 2f64.powf(self.zoom) * f64::from(self.pixels_per_point)
    }

    fn pixel_of(&self, p: WorldPoint) -> (f32, f32) {
        let s = self.scale();
        (
            ((p.x - self.center.x) * s) as f32 + self.width as f32 / 2.0,
            ((p.y - self.center.y) * s) as f32 + self.height as f32 / 2.0,
        )
    }

    /// The world the picture covers.
    pub fn world(&self) -> WorldRect {
        let s = self.scale();
        let (hw, hh) = (self.width as f64 / 2.0 / s, self.height as f64 / 2.0 / s);
        WorldRect {
            min: WorldPoint {
                x: self.center.x - hw,
                y: self.center.y - hh,
            },
            max: WorldPoint {
                x: self.center.x + hw,
                y: self.center.y + hh,
            },
        }
    }
}

/// Coverage per pixel, 0..=1, kept as the maximum so joints do not darken.
struct Coverage {
    width: usize,
    height: usize,
    values: Vec<f32>,
}

impl Coverage {
    fn new(width: usize, height: usize) -> Self {
        Self {
            width,
            height,
            values: vec![0.0; width * height],
        }
    }

    fn put(&mut self, x: i64, y: i64, value: f32) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            let slot = &mut self.values[y as usize * self.width + x as usize];
            if value > *slot {
                *slot = value;
            }
        }
    }

    /// An anti-aliased segment `width` pixels wide, in pieces so long ones stay cheap.
    fn segment(&mut self, a: (f32, f32), b: (f32, f32), width: f32) {
        let length = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let pieces = (length / 8.0).ceil().max(1.0) as usize;
        let half = width / 2.0;
        for piece in 0..pieces {
            let t0 = piece as f32 / pieces as f32;
            let t1 = (piece + 1) as f32 / pieces as f32;
            let p0 = (a.0 + (b.0 - a.0) * t0, a.1 + (b.1 - a.1) * t0);
            let p1 = (a.0 + (b.0 - a.0) * t1, a.1 + (b.1 - a.1) * t1);
            let (min_x, max_x) = (p0.0.min(p1.0) - half - 1.0, p0.0.max(p1.0) + half + 1.0);
            let (min_y, max_y) = (p0.1.min(p1.1) - half - 1.0, p0.1.max(p1.1) + half + 1.0);
            if max_x < 0.0 || max_y < 0.0 || min_x > self.width as f32 || min_y > self.height as f32
            {
                continue;
            }
            for y in (min_y.floor() as i64)..=(max_y.ceil() as i64) {
                for x in (min_x.floor() as i64)..=(max_x.ceil() as i64) {
                    let centre = (x as f32 + 0.5, y as f32 + 0.5);
                    let d = distance_to_segment(centre, p0, p1);
                    let value = (half + 0.5 - d).clamp(0.0, 1.0);
                    if value > 0.0 {
                        self.put(x, y, value);
                    }
                }
            }
        }
    }

    /// A filled triangle, without anti-aliasing (fills are faint).
    fn triangle(&mut self, a: (f32, f32), b: (f32, f32), c: (f32, f32)) {
        let min_x = a.0.min(b.0).min(c.0).floor().max(0.0) as i64;
        let max_x = a.0.max(b.0).max(c.0).ceil().min(self.width as f32) as i64;
        let min_y = a.1.min(b.1).min(c.1).floor().max(0.0) as i64;
        let max_y = a.1.max(b.1).max(c.1).ceil().min(self.height as f32) as i64;
        let edge = |p: (f32, f32), q: (f32, f32), r: (f32, f32)| {
            (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
        };
        let area = edge(a, b, c);
        if area == 0.0 {
            return;
        }
        for y in min_y..max_y {
            for x in min_x..max_x {
                let p = (x as f32 + 0.5, y as f32 + 0.5);
                let (w0, w1, w2) = (edge(b, c, p), edge(c, a, p), edge(a, b, p));
                let inside = if area > 0.0 {
                    w0 >= 0.0 && w1 >= 0.0 && w2 >= 0.0
                } else {
                    w0 <= 0.0 && w1 <= 0.0 && w2 <= 0.0
                };
                if inside {
                    self.put(x, y, 1.0);
                }
            }
        }
    }
}

fn distance_to_segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((a.0 + t * dx - p.0).powi(2) + (a.1 + t * dy - p.1).powi(2)).sqrt()
}

/// Rasterises the overlay for `view`: faint fills, anti-aliased lines, points. The
/// picture is made in horizontal strips, one per core, each from the chunks that meet it.
pub fn rasterize(layer: &UserLayer, view: &RasterView) -> ColorImage {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(view.height / 64)
        .max(1);
    if threads == 1 {
        return rasterize_strip(layer, view);
    }
    let scale = view.scale();
    let rows = view.height.div_ceil(threads);
    let strips: Vec<RasterView> = (0..threads)
        .map(|i| (i * rows, ((i + 1) * rows).min(view.height)))
        .filter(|(top, bottom)| bottom > top)
        .map(|(top, bottom)| {
            // The strip's centre, so that its pixel rows are the picture's rows top..bottom.
            let middle = (top + bottom) as f64 / 2.0 - view.height as f64 / 2.0;
            RasterView {
                center: WorldPoint {
                    x: view.center.x,
                    y: view.center.y + middle / scale,
                },
                height: bottom - top,
                ..*view
            }
        })
        .collect();
    let pictures: Vec<ColorImage> = std::thread::scope(|scope| {
        let workers: Vec<_> = strips
            .iter()
            .map(|strip| scope.spawn(move || rasterize_strip(layer, strip)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut pixels = Vec::with_capacity(view.width * view.height);
    for picture in pictures {
        pixels.extend_from_slice(&picture.pixels);
    }
    pixels.resize(view.width * view.height, Color32::TRANSPARENT);
    ColorImage::new([view.width, view.height], pixels)
}

/// Rasterises one strip (or the whole) of a picture.
fn rasterize_strip(layer: &UserLayer, view: &RasterView) -> ColorImage {
    let (width, height) = (view.width, view.height);
    let world = view.world();
    let mut fill = Coverage::new(width, height);
    let mut ink = Coverage::new(width, height);
    if let Some(mesh) = layer.fill.for_zoom(view.zoom) {
        for chunk in mesh.visible_chunks(&world) {
            let chunk = &mesh.chunks[chunk];
            let (offsets, indices) = mesh.chunk_parts(chunk);
            for triangle in indices.chunks_exact(3) {
                let corner = |i: u16| {
                    let offset = offsets.get(usize::from(i)).copied().unwrap_or_default();
                    view.pixel_of(chunk.world(offset))
                };
                fill.triangle(
                    corner(triangle[0]),
                    corner(triangle[1]),
                    corner(triangle[2]),
                );
            }
        }
    }
    let line_width = LINE_WIDTH * view.pixels_per_point;
    if let Some(mesh) = layer.lines.for_zoom(view.zoom) {
        for chunk in mesh.visible_chunks(&world) {
            let chunk = &mesh.chunks[chunk];
            let points: Vec<(f32, f32)> = mesh
                .points_of(chunk)
                .iter()
                .map(|p| view.pixel_of(chunk.world(p)))
                .collect();
            for pair in points.windows(2) {
                ink.segment(pair[0], pair[1], line_width);
            }
        }
    }
    for (_, point) in &layer.points {
        let p = view.pixel_of(*point);
        ink.segment(p, p, POINT_RADIUS * 2.0 * view.pixels_per_point);
    }
    let [r, g, b] = layer.colour;
    let colour = Color32::from_rgb(r, g, b);
    let mut pixels = Vec::with_capacity(width * height);
    for (f, i) in fill.values.iter().zip(&ink.values) {
        // Line over fill, both in the layer's colour.
        let alpha = i + f * FILL_ALPHA * (1.0 - i);
        pixels.push(Color32::from_rgba_unmultiplied(
            colour.r(),
            colour.g(),
            colour.b(),
            (alpha * 255.0).round() as u8,
        ));
    }
    ColorImage::new([width, height], pixels)
}

/// One overlay's pictures: the one shown and the one being made.
#[derive(Default)]
pub struct RasterCache {
    shown: Option<(RasterView, TextureHandle)>,
    pending: Option<(RasterView, Job<ColorImage>)>,
    /// The last view whose picture failed: not asked for again.
    failed_for: Option<RasterView>,
}

impl std::fmt::Debug for RasterCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RasterCache")
            .field("shown", &self.shown.as_ref().map(|s| s.0))
            .field("pending", &self.pending.as_ref().map(|p| p.0))
            .finish()
    }
}

impl RasterCache {
    /// True while a picture is being made.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }
}

/// True when the overlay has too many points in view to draw as vectors (counted in the
/// view's band, or the nearest one built while it is prepared).
pub fn is_dense(layer: &UserLayer, view: &WorldView) -> bool {
    layer.lines.nearest_built(view.zoom).is_some_and(|mesh| {
        let points: usize = mesh
            .visible_chunks(&view.visible_world(0.0))
            .iter()
            .map(|c| mesh.chunks[*c].points.len())
            .sum();
        points > RASTER_POINTS
    })
}

/// What a dense view was drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    /// Nothing yet.
    None,
    /// A picture made at another zoom, scaled (the view's own is being made).
    ForAnotherZoom,
    /// A picture made at this zoom (perhaps a little way off, while panning).
    ForThisZoom,
}

/// Draws the overlay from its pictures: the latest, placed where its world is now, and
/// asks for a new one when the view has changed.
pub fn paint_raster(
    painter: &Painter,
    view: &WorldView,
    layer: &Arc<UserLayer>,
    cache: &Mutex<RasterCache>,
) -> Picture {
    let ctx = painter.ctx();
    let wanted = RasterView::around(view, ctx.pixels_per_point());
    let Ok(mut cache) = cache.lock() else {
        return Picture::None;
    };
    if let Some((made_for, job)) = &mut cache.pending {
        let made_for = *made_for;
        match job.poll() {
            Polled::Running => {}
            Polled::Finished(image) => {
                let texture = ctx.load_texture(
                    format!("overlay-{}", layer.id),
                    image,
                    TextureOptions::LINEAR,
                );
                cache.shown = Some((made_for, texture));
                cache.pending = None;
            }
            Polled::Failed(e) => {
                // Not asked for again for this view: the vectors are still drawn.
                log::warn!("{}: the picture for this view failed: {e}", layer.name);
                cache.failed_for = Some(made_for);
                cache.pending = None;
            }
        }
    }
    let up_to_date =
        cache.shown.as_ref().is_some_and(|(v, _)| *v == wanted) || cache.failed_for == Some(wanted);
    if !up_to_date && cache.pending.is_none() {
        let job_layer = layer.clone();
        let repaint = ctx.clone();
        let job = Job::spawn(
            "overlay-raster",
            move || repaint.request_repaint(),
            move |_| Ok(rasterize(&job_layer, &wanted)),
        );
        cache.pending = Some((wanted, job));
    }
    if cache.pending.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_millis(30));
    }
    let Some((made_for, texture)) = &cache.shown else {
        return Picture::None;
    };
    let world = made_for.world();
    let rect = Rect::from_min_max(view.to_screen(world.min), view.to_screen(world.max));
    painter.image(
        texture.id(),
        rect,
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    if (made_for.zoom - view.zoom).abs() < 0.25 {
        Picture::ForThisZoom
    } else {
        Picture::ForAnotherZoom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_covers_the_pixels_along_it_and_not_beside_it() {
        let mut coverage = Coverage::new(20, 10);
        coverage.segment((2.0, 5.0), (18.0, 5.0), 1.4);
        let at = |x: usize, y: usize| coverage.values[y * 20 + x];
        assert!(at(10, 4) > 0.5 || at(10, 5) > 0.5);
        assert_eq!(at(10, 1), 0.0);
        assert_eq!(at(0, 5), 0.0);
    }

    #[test]
    fn a_triangle_fills_its_inside() {
        let mut coverage = Coverage::new(10, 10);
        coverage.triangle((0.0, 0.0), (10.0, 0.0), (0.0, 10.0));
        assert_eq!(coverage.values[2 * 10 + 2], 1.0);
        assert_eq!(coverage.values[9 * 10 + 9], 0.0);
    }
}
