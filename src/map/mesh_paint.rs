//! Turning prepared world-space meshes into egui meshes for one view.

use egui::{Color32, Mesh, Pos2, epaint::Vertex, pos2};

use crate::mesh::{FillMesh, LineMesh, WorldView};

/// Appends the visible triangles of `fill` to `out`, coloured per feature by `colour`
/// (a transparent colour skips the feature).
pub fn append_fill(
    out: &mut Mesh,
    view: &WorldView,
    fill: &FillMesh,
    colour: impl Fn(usize) -> Color32,
) {
    let visible = view.visible_world(2.0);
    let scale = view.scale();
    let c = view.screen.center();
    for chunk_index in fill.visible_chunks(&visible) {
        let chunk = &fill.chunks[chunk_index];
        let color = colour(chunk.feature);
        if color.a() == 0 {
            continue;
        }
        let base = out.vertices.len() as u32;
        let (offsets, indices) = fill.chunk_parts(chunk);
        let (ox, oy) = (
            c.x + ((chunk.origin.x - view.center.x) * scale) as f32,
            c.y + ((chunk.origin.y - view.center.y) * scale) as f32,
        );
        let s = scale as f32;
        out.vertices.extend(offsets.iter().map(|[x, y]| Vertex {
            pos: pos2(ox + x * s, oy + y * s),
            uv: egui::epaint::WHITE_UV,
            color,
        }));
        out.indices
            .extend(indices.iter().map(|i| base + u32::from(*i)));
    }
}

/// A stroke's look: colour and width in points, per feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineLook {
    /// Colour (a transparent one skips the feature).
    pub color: Color32,
    /// Width in points.
    pub width: f32,
}

/// How far, in points, a stroke's edge fades out: half a pixel on screen and in raster
/// exports (anti-aliasing, as egui's own strokes), none where egui's feathering is off
/// (vector exports, whose viewers anti-alias, and where the stroke must be its true width).
pub fn line_fringe(painter: &egui::Painter) -> f32 {
    if painter.ctx().tessellation_options(|o| o.feathering) {
        0.5
    } else {
        0.0
    }
}

/// Appends the visible strokes of `lines` to `out`, styled per feature by `look`, with
/// edges fading over `fringe` points (see [`line_fringe`]).
pub fn append_lines(
    out: &mut Mesh,
    view: &WorldView,
    lines: &LineMesh,
    fringe: f32,
    look: impl Fn(usize) -> LineLook,
) {
    append_lines_within(out, view, lines, &view.visible_world(8.0), fringe, look);
}

/// Appends the strokes of `lines` whose chunks meet `within` (world units).
pub fn append_lines_within(
    out: &mut Mesh,
    view: &WorldView,
    lines: &LineMesh,
    within: &crate::mesh::WorldRect,
    fringe: f32,
    look: impl Fn(usize) -> LineLook,
) {
    let visible = *within;
    let scale = view.scale();
    let c = view.screen.center();
    for chunk_index in lines.visible_chunks(&visible) {
        let chunk = &lines.chunks[chunk_index];
        let LineLook { color, width } = look(chunk.feature);
        if color.a() == 0 || width <= 0.0 {
            continue;
        }
        // Thin lines are drawn one pixel wide and fainter, as egui does; without a
        // fringe the outer and inner edges meet at the stroke's true half width.
        let (inner, outer, color) = if fringe <= 0.0 {
            (width / 2.0, width / 2.0, color)
        } else if width < 1.0 {
            (0.0, 1.0, color.gamma_multiply(width))
        } else {
            (width / 2.0 - 0.5, width / 2.0 + 0.5, color)
        };
        let edge = if fringe > 0.0 {
            Color32::TRANSPARENT
        } else {
            color
        };
        let points = lines.points_of(chunk);
        let (ox, oy) = (
            c.x + ((chunk.origin.x - view.center.x) * scale) as f32,
            c.y + ((chunk.origin.y - view.center.y) * scale) as f32,
        );
        let s = scale as f32;
        let base = out.vertices.len() as u32;
        out.vertices.reserve(points.len() * 4);
        for point in points {
            let (x, y) = (ox + point.offset[0] * s, oy + point.offset[1] * s);
            let [nx, ny] = point.normal;
            // Four rows across the stroke: outer left, inner left, inner right, outer right.
            for (offset, colour) in [
                (outer, edge),
                (inner, color),
                (-inner, color),
                (-outer, edge),
            ] {
                out.vertices.push(Vertex {
                    pos: Pos2::new(x + nx * offset, y + ny * offset),
                    uv: egui::epaint::WHITE_UV,
                    color: colour,
                });
            }
        }
        for i in 0..(points.len() as u32).saturating_sub(1) {
            let a = base + i * 4;
            let b = a + 4;
            // Three quads between the rows: outer-left band, core, outer-right band.
            for row in 0..3 {
                let (a0, a1, b0, b1) = (a + row, a + row + 1, b + row, b + row + 1);
                out.indices.extend_from_slice(&[a0, b0, a1, a1, b0, b1]);
            }
        }
    }
}
