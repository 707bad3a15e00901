//! egui shapes as drawing items: rectangles, circles, paths and curves as outlines and
//! strokes, text as glyph runs, textured rectangles as images, and meshes (the map's
//! prepared fills and strokes) as the outlines of their triangles' union.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{self, ClippedShape, Mesh, Shape, TextShape};
use egui::{Color32, Pos2, Rect, TextureId, pos2, vec2};

use super::{Drawing, FontFaces, Item, ItemKind, RasterImage};

/// Turns recorded shapes into items, looking textures up in `textures`.
pub struct Converter<'a> {
    /// The drawing being filled.
    pub drawing: Drawing,
    /// The faces text is drawn in.
    pub faces: &'a mut FontFaces,
    /// Every texture the pass used, by id.
    pub textures: &'a HashMap<TextureId, Arc<epaint::ColorImage>>,
    /// Images already cut from a texture, by texture and UV rectangle.
    cut: HashMap<(TextureId, [u32; 4]), usize>,
    /// Recolored copies of a text waiting to see whether the text itself follows (then
    /// they were its halo), with their clip rectangles.
    pub(super) halo: Vec<(Rect, TextShape)>,
}

impl<'a> Converter<'a> {
    /// A converter into an empty drawing of `size` points.
    pub fn new(
        size: egui::Vec2,
        faces: &'a mut FontFaces,
        textures: &'a HashMap<TextureId, Arc<epaint::ColorImage>>,
    ) -> Self {
        Self {
            drawing: Drawing {
                size,
                ..Drawing::default()
            },
            faces,
            textures,
            cut: HashMap::new(),
            halo: Vec::new(),
        }
    }

    /// Adds every shape, in order.
    pub fn add_all(&mut self, shapes: &[ClippedShape]) {
        for clipped in shapes {
            self.add(clipped.clip_rect, &clipped.shape);
        }
        self.flush_halo();
    }

    /// Copies that turned out not to be a halo are drawn as the texts they are.
    pub(super) fn flush_halo(&mut self) {
        for (clip, copy) in std::mem::take(&mut self.halo) {
            self.text(clip, &copy, None);
        }
    }

    pub(super) fn push(&mut self, clip: Rect, kind: ItemKind) {
        self.drawing.items.push(Item { clip, kind });
    }

    fn add(&mut self, clip: Rect, shape: &Shape) {
        if !clip.is_positive() || !clip.intersects(shape.visual_bounding_rect()) {
            return;
        }
        if let Shape::Text(text) = shape {
            self.halo_or_text(clip, text);
            return;
        }
        self.flush_halo();
        match shape {
            Shape::Noop | Shape::Callback(_) | Shape::Band(_) | Shape::Text(_) => {}
            Shape::Vec(shapes) => {
                for shape in shapes {
                    self.add(clip, shape);
                }
            }
            Shape::LineSegment { points, stroke } => {
                self.outline(clip, points.to_vec(), Color32::TRANSPARENT, *stroke, false);
            }
            Shape::Circle(circle) => {
                let ring = ellipse(circle.center, vec2(circle.radius, circle.radius));
                self.outline(clip, ring, circle.fill, circle.stroke, true);
            }
            Shape::Ellipse(e) => {
                self.outline(clip, ellipse(e.center, e.radius), e.fill, e.stroke, true);
            }
            Shape::Path(path) => {
                self.path(
                    clip,
                    path.points.clone(),
                    path.closed,
                    path.fill,
                    &path.stroke,
                );
            }
            Shape::Rect(rect) => self.rect(clip, rect),
            Shape::Mesh(mesh) => self.mesh(clip, mesh),
            // Curves flattened to a tenth of a point: finer than any print shows.
            Shape::QuadraticBezier(curve) => {
                let points = curve.flatten(Some(0.1));
                self.path(clip, points, curve.closed, curve.fill, &curve.stroke);
            }
            Shape::CubicBezier(curve) => {
                let points = curve.flatten(Some(0.1));
                self.path(clip, points, curve.closed, curve.fill, &curve.stroke);
            }
        }
    }

    /// A path or curve: filled only when closed, stroked in its (solid) colour.
    fn path(
        &mut self,
        clip: Rect,
        points: Vec<Pos2>,
        closed: bool,
        fill: Color32,
        stroke: &epaint::PathStroke,
    ) {
        let fill = if closed { fill } else { Color32::TRANSPARENT };
        let stroke = egui::Stroke::new(stroke.width, solid(&stroke.color));
        self.outline(clip, points, fill, stroke, closed);
    }

    /// A filled and stroked outline; nothing for transparent parts.
    fn outline(
        &mut self,
        clip: Rect,
        points: Vec<Pos2>,
        fill: Color32,
        stroke: egui::Stroke,
        closed: bool,
    ) {
        if points.len() < 2 {
            return;
        }
        if fill.a() > 0 && closed && points.len() >= 3 {
            self.push(
                clip,
                ItemKind::Fill {
                    rings: vec![points.clone()],
                    colour: fill,
                },
            );
        }
        if stroke.width > 0.0 && stroke.color.a() > 0 {
            self.push(
                clip,
                ItemKind::Stroke {
                    points,
                    closed,
                    width: stroke.width,
                    colour: stroke.color,
                },
            );
        }
    }

    fn rect(&mut self, clip: Rect, shape: &epaint::RectShape) {
        let rotate = |points: Vec<Pos2>| -> Vec<Pos2> {
            if shape.angle == 0.0 {
                return points;
            }
            let (centre, rotation) = (
                shape.rect.center(),
                egui::emath::Rot2::from_angle(shape.angle),
            );
            points
                .into_iter()
                .map(|p| centre + rotation * (p - centre))
                .collect()
        };
        if let Some(brush) = &shape.brush {
            if let Some(image) = self.cut_image(brush.fill_texture_id, brush.uv) {
                let ([_, _, _], opacity) = super::straight(shape.fill);
                self.push(
                    clip,
                    ItemKind::Image {
                        image,
                        rect: shape.rect,
                        opacity,
                    },
                );
            }
        } else if shape.fill.a() > 0 {
            let ring = rotate(rounded_rect(shape.rect, shape.corner_radius));
            self.push(
                clip,
                ItemKind::Fill {
                    rings: vec![ring],
                    colour: shape.fill,
                },
            );
        }
        let stroke = shape.stroke;
        if stroke.width > 0.0 && stroke.color.a() > 0 {
            // Where the stroke lies relative to the edge, as egui draws it.
            let grow = match shape.stroke_kind {
                egui::StrokeKind::Inside => -stroke.width / 2.0,
                egui::StrokeKind::Middle => 0.0,
                egui::StrokeKind::Outside => stroke.width / 2.0,
            };
            let ring = rotate(rounded_rect(shape.rect.expand(grow), shape.corner_radius));
            self.push(
                clip,
                ItemKind::Stroke {
                    points: ring,
                    closed: true,
                    width: stroke.width,
                    colour: stroke.color,
                },
            );
        }
    }

    /// The part `uv` (0..1) of texture `id` as an image, once per texture and part.
    fn cut_image(&mut self, id: TextureId, uv: Rect) -> Option<usize> {
        let texture = self.textures.get(&id)?;
        let [width, height] = texture.size;
        let px =
            |v: f32, size: usize| ((v.clamp(0.0, 1.0) * size as f32).round() as usize).min(size);
        let (x0, x1) = (px(uv.min.x, width), px(uv.max.x, width));
        let (y0, y1) = (px(uv.min.y, height), px(uv.max.y, height));
        if x1 <= x0 || y1 <= y0 {
            return None;
        }
        let key = (id, [x0 as u32, y0 as u32, x1 as u32, y1 as u32]);
        if let Some(index) = self.cut.get(&key) {
            return Some(*index);
        }
        let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
        for y in y0..y1 {
            for pixel in &texture.pixels[y * width + x0..y * width + x1] {
                rgba.extend_from_slice(&pixel.to_srgba_unmultiplied());
            }
        }
        self.drawing.images.push(RasterImage {
            width: (x1 - x0) as u32,
            height: (y1 - y0) as u32,
            rgba,
        });
        let index = self.drawing.images.len() - 1;
        self.cut.insert(key, index);
        Some(index)
    }

    fn mesh(&mut self, clip: Rect, mesh: &Mesh) {
        if mesh.texture_id != TextureId::default() {
            self.textured_mesh(clip, mesh);
            return;
        }
        // Consecutive triangles of one colour become one fill of their union's outline.
        let mut group: Vec<[Pos2; 3]> = Vec::new();
        let mut group_colour = Color32::TRANSPARENT;
        for triangle in mesh.indices.chunks_exact(3) {
            let Some([a, b, c]) = vertices(mesh, triangle) else {
                continue;
            };
            let colour = [a.color, b.color, c.color]
                .into_iter()
                .max_by_key(|c| c.a())
                .unwrap_or(a.color);
            if colour.a() == 0 {
                continue;
            }
            if colour != group_colour && !group.is_empty() {
                self.push_union(clip, std::mem::take(&mut group), group_colour);
            }
            group_colour = colour;
            group.push([a.pos, b.pos, c.pos]);
        }
        if !group.is_empty() {
            self.push_union(clip, group, group_colour);
        }
    }

    fn push_union(&mut self, clip: Rect, triangles: Vec<[Pos2; 3]>, colour: Color32) {
        let rings = super::union::union_outline(&triangles);
        if !rings.is_empty() {
            self.push(clip, ItemKind::Fill { rings, colour });
        }
    }

    /// A textured mesh (a tile, an icon) as its texture's part over the mesh's bounds.
    fn textured_mesh(&mut self, clip: Rect, mesh: &Mesh) {
        let (Some(first), false) = (mesh.vertices.first(), mesh.vertices.is_empty()) else {
            return;
        };
        let mut rect = Rect::from_min_max(first.pos, first.pos);
        let mut uv = Rect::from_min_max(first.uv, first.uv);
        for vertex in &mesh.vertices {
            rect.extend_with(vertex.pos);
            uv.extend_with(vertex.uv);
        }
        if let Some(image) = self.cut_image(mesh.texture_id, uv) {
            let (_, opacity) = super::straight(first.color);
            self.push(
                clip,
                ItemKind::Image {
                    image,
                    rect,
                    opacity,
                },
            );
        }
    }
}

fn vertices<'m>(mesh: &'m Mesh, triangle: &[u32]) -> Option<[&'m epaint::Vertex; 3]> {
    let get = |i: u32| mesh.vertices.get(i as usize);
    Some([get(triangle[0])?, get(triangle[1])?, get(triangle[2])?])
}

fn solid(mode: &epaint::ColorMode) -> Color32 {
    match mode {
        epaint::ColorMode::Solid(colour) => *colour,
        epaint::ColorMode::UV(_) => Color32::GRAY,
    }
}

/// Points around an ellipse, enough that no facet shows at print sizes.
fn ellipse(centre: Pos2, radius: egui::Vec2) -> Vec<Pos2> {
    let steps = (radius.max_elem() * 1.5).clamp(16.0, 128.0) as usize;
    (0..steps)
        .map(|i| {
            let t = i as f32 / steps as f32 * std::f32::consts::TAU;
            pos2(centre.x + radius.x * t.cos(), centre.y + radius.y * t.sin())
        })
        .collect()
}

/// A rectangle's outline, clockwise from the top left, with its rounded corners.
fn rounded_rect(rect: Rect, corners: egui::CornerRadius) -> Vec<Pos2> {
    let limit = rect.width().min(rect.height()) / 2.0;
    let radius = |r: u8| f32::from(r).min(limit);
    let mut points = Vec::new();
    // Corner centres and the angle each arc starts at, going clockwise (y is down).
    let arcs = [
        (
            radius(corners.nw),
            rect.left_top(),
            vec2(1.0, 1.0),
            180.0f32,
        ),
        (radius(corners.ne), rect.right_top(), vec2(-1.0, 1.0), 270.0),
        (
            radius(corners.se),
            rect.right_bottom(),
            vec2(-1.0, -1.0),
            0.0,
        ),
        (
            radius(corners.sw),
            rect.left_bottom(),
            vec2(1.0, -1.0),
            90.0,
        ),
    ];
    for (r, corner, inward, start) in arcs {
        if r <= 0.0 {
            points.push(corner);
            continue;
        }
        let centre = corner + inward * r;
        for step in 0..=6 {
            let angle = (start + 15.0 * step as f32).to_radians();
            points.push(centre + r * vec2(angle.cos(), angle.sin()));
        }
    }
    points
}
