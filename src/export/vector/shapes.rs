//! egui shapes as drawing items: rectangles, circles, paths and curves as outlines and
//! strokes, text as glyph runs, textured rectangles as images, and meshes (the map's
//! prepared fills and strokes) as the outlines of their triangles' union.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{self, ClippedShape, Mesh, Shape, TextShape};
use egui::{Color32, Pos2, Rect, TextureId, pos2, vec2};

use super::{Drawing, FontFaces, Item, ItemKind, PlacedGlyph, RasterImage, TextRun};

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
    halo: Vec<(Rect, TextShape)>,
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
    fn flush_halo(&mut self) {
        for (clip, copy) in std::mem::take(&mut self.halo) {
            self.text(clip, &copy, None);
        }
    }

    fn push(&mut self, clip: Rect, kind: ItemKind) {
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
                let stroke = egui::Stroke::new(path.stroke.width, solid(&path.stroke.color));
                let fill = if path.closed {
                    path.fill
                } else {
                    Color32::TRANSPARENT
                };
                self.outline(clip, path.points.clone(), fill, stroke, path.closed);
            }
            Shape::Rect(rect) => self.rect(clip, rect),
            Shape::Mesh(mesh) => self.mesh(clip, mesh),
            Shape::QuadraticBezier(curve) => {
                let stroke = egui::Stroke::new(curve.stroke.width, solid(&curve.stroke.color));
                let fill = if curve.closed {
                    curve.fill
                } else {
                    Color32::TRANSPARENT
                };
                self.outline(clip, curve.flatten(Some(0.1)), fill, stroke, curve.closed);
            }
            Shape::CubicBezier(curve) => {
                let stroke = egui::Stroke::new(curve.stroke.width, solid(&curve.stroke.color));
                let fill = if curve.closed {
                    curve.fill
                } else {
                    Color32::TRANSPARENT
                };
                self.outline(clip, curve.flatten(Some(0.1)), fill, stroke, curve.closed);
            }
        }
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

    /// egui's halo is the text's galley drawn recoloured at small offsets, then the text
    /// itself: those copies become one halo stroke under the text.
    fn halo_or_text(&mut self, clip: Rect, shape: &TextShape) {
        if shape.override_text_color.is_some() {
            let same = self
                .halo
                .first()
                .is_none_or(|(_, first)| Arc::ptr_eq(&first.galley, &shape.galley));
            if !same {
                self.flush_halo();
            }
            self.halo.push((clip, shape.clone()));
            return;
        }
        let copies = std::mem::take(&mut self.halo);
        let reach = copies
            .iter()
            .map(|(_, c)| (c.pos - shape.pos).length())
            .fold(0.0f32, f32::max);
        let is_halo = !copies.is_empty()
            && reach <= 2.5
            && copies
                .iter()
                .all(|(_, c)| Arc::ptr_eq(&c.galley, &shape.galley));
        if is_halo {
            let colour = copies[0].1.override_text_color.unwrap_or(Color32::WHITE);
            self.text(clip, shape, Some((colour, reach.max(0.5) * 2.0)));
        } else {
            self.halo = copies;
            self.flush_halo();
            self.text(clip, shape, None);
        }
    }

    fn text(&mut self, clip: Rect, shape: &TextShape, halo: Option<(Color32, f32)>) {
        let galley = &shape.galley;
        let job = &galley.job;
        let byte_of: Vec<usize> = job.text.char_indices().map(|(i, _)| i).collect();
        let rotation = egui::emath::Rot2::from_angle(shape.angle);
        let mut char_index = 0usize;
        for placed in &galley.rows {
            let row = &placed.row;
            // The run being filled, and where its origin is in galley coordinates.
            let mut run: Option<(TextRun, Pos2)> = None;
            let mut colour = shape.fallback_color;
            for glyph in &row.glyphs {
                let byte = byte_of.get(char_index).copied().unwrap_or(usize::MAX);
                char_index += 1;
                let section = job
                    .sections
                    .iter()
                    .find(|s| {
                        egui::epaint::text::ByteRangeExt::as_usize(&s.byte_range).contains(&byte)
                    })
                    .or(job.sections.last());
                let Some(format) = section.map(|s| &s.format) else {
                    continue;
                };
                if let Some(vertex) = row.visuals.mesh.vertices.get(glyph.first_vertex as usize)
                    && !glyph.chr.is_whitespace()
                {
                    colour = vertex.color;
                }
                let mut ink = if colour == Color32::PLACEHOLDER {
                    shape.fallback_color
                } else {
                    colour
                };
                if let Some(over) = shape.override_text_color {
                    ink = over;
                }
                ink = ink.gamma_multiply(shape.opacity_factor);
                let Some(face_id) = self.faces.face_for(&format.font_id.family, glyph.chr) else {
                    continue;
                };
                let Some(face) = self.faces.face(face_id) else {
                    continue;
                };
                let size = face.em(format.font_id.size);
                let baseline = placed.pos
                    + glyph.pos.to_vec2()
                    + vec2(0.0, face.y_offset(format.font_id.size));
                let continues = run.as_ref().is_some_and(|(r, start)| {
                    r.face == face_id
                        && r.size == size
                        && r.colour == ink
                        && (start.y - baseline.y).abs() < 0.01
                });
                if !continues {
                    if let Some((done, _)) = run.take() {
                        self.push_run(clip, done);
                    }
                    let started = TextRun {
                        origin: shape.pos + rotation * baseline.to_vec2(),
                        angle: shape.angle,
                        size,
                        colour: ink,
                        face: face_id,
                        glyphs: Vec::new(),
                        halo,
                    };
                    run = Some((started, baseline));
                }
                if let Some((run, start)) = run.as_mut() {
                    let mut x = baseline.x - start.x;
                    // egui shapes ligatures ("fi"): the first character's glyph draws both,
                    // the next is a zero-width continuation. Without the ligature's glyph
                    // the characters are drawn one by one, each at its own advance.
                    if glyph.advance_width == 0.0
                        && !glyph.chr.is_whitespace()
                        && let Some(previous) = run.glyphs.last_mut()
                        && let Some(advance) = self.faces.advance_em(face_id, previous.chr)
                    {
                        previous.advance = advance * size;
                        x = previous.x + previous.advance;
                    }
                    let advance = if glyph.advance_width == 0.0 {
                        self.faces
                            .advance_em(face_id, glyph.chr)
                            .map_or(0.0, |a| a * size)
                    } else {
                        glyph.advance_width
                    };
                    run.glyphs.push(PlacedGlyph {
                        chr: glyph.chr,
                        x,
                        advance,
                    });
                }
            }
            if let Some((done, _)) = run.take() {
                self.push_run(clip, done);
            }
            if placed.ends_with_newline {
                char_index += 1;
            }
        }
    }

    fn push_run(&mut self, clip: Rect, run: TextRun) {
        if run.glyphs.iter().any(|g| !g.chr.is_whitespace()) && run.colour.a() > 0 {
            self.push(clip, ItemKind::Text(run));
        }
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
        let rings = union_outline(&triangles);
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

/// The outline of the union of `triangles`: each triangle's edges, turned one way, with
/// every edge shared by two triangles (inside the union) cancelled, then chained into
/// rings. Filled with the nonzero rule the rings cover exactly what the triangles do.
pub fn union_outline(triangles: &[[Pos2; 3]]) -> Vec<Vec<Pos2>> {
    type Key = (u32, u32);
    let key = |p: Pos2| (p.x.to_bits(), p.y.to_bits());
    let mut points: HashMap<Key, Pos2> = HashMap::new();
    let mut edges: HashMap<(Key, Key), u32> = HashMap::new();
    for [a, b, c] in triangles {
        let area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
        if area.abs() < 1e-6 {
            continue;
        }
        let ring = if area > 0.0 {
            [*a, *b, *c]
        } else {
            [*a, *c, *b]
        };
        for i in 0..3 {
            let (from, to) = (ring[i], ring[(i + 1) % 3]);
            let (kf, kt) = (key(from), key(to));
            if kf == kt {
                continue;
            }
            points.insert(kf, from);
            points.insert(kt, to);
            match edges.get_mut(&(kt, kf)) {
                Some(count) if *count > 0 => *count -= 1,
                _ => *edges.entry((kf, kt)).or_insert(0) += 1,
            }
        }
    }
    let mut outgoing: HashMap<Key, Vec<Key>> = HashMap::new();
    let mut ordered: Vec<(Key, Key, u32)> = edges
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|((from, to), count)| (from, to, count))
        .collect();
    // Hash order is random: sort so that the same picture writes the same file.
    ordered.sort_unstable();
    for (from, to, count) in ordered {
        for _ in 0..count {
            outgoing.entry(from).or_default().push(to);
        }
    }
    let mut starts: Vec<Key> = outgoing.keys().copied().collect();
    starts.sort_unstable();
    let mut rings = Vec::new();
    for start in starts {
        while let Some(mut next) = outgoing.get_mut(&start).and_then(Vec::pop) {
            let mut ring = vec![points[&start]];
            // Every vertex has as many edges in as out, so the walk comes back to start.
            while next != start {
                ring.push(points[&next]);
                match outgoing.get_mut(&next).and_then(Vec::pop) {
                    Some(after) => next = after,
                    None => break,
                }
            }
            if ring.len() >= 3 {
                rings.push(ring);
            }
        }
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_of_a_square_become_its_four_corners() {
        let (a, b, c, d) = (
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        );
        let rings = union_outline(&[[a, b, c], [a, c, d]]);
        assert_eq!(rings.len(), 1);
        assert_eq!(rings[0].len(), 4);
        for corner in [a, b, c, d] {
            assert!(rings[0].contains(&corner));
        }
    }

    #[test]
    fn a_ring_of_triangles_keeps_its_hole() {
        // A frame around the square 1..2 made of eight triangles.
        let p = |x: f32, y: f32| pos2(x, y);
        let outer = [p(0.0, 0.0), p(3.0, 0.0), p(3.0, 3.0), p(0.0, 3.0)];
        let inner = [p(1.0, 1.0), p(2.0, 1.0), p(2.0, 2.0), p(1.0, 2.0)];
        let mut triangles = Vec::new();
        for i in 0..4 {
            let j = (i + 1) % 4;
            triangles.push([outer[i], outer[j], inner[j]]);
            triangles.push([outer[i], inner[j], inner[i]]);
        }
        let rings = union_outline(&triangles);
        assert_eq!(rings.len(), 2, "an outer ring and the hole: {rings:?}");
        assert!(rings.iter().all(|r| r.len() == 4));
    }

    #[test]
    fn degenerate_triangles_add_nothing() {
        let p = |x: f32, y: f32| pos2(x, y);
        let rings = union_outline(&[[p(0.0, 0.0), p(1.0, 1.0), p(2.0, 2.0)]]);
        assert!(rings.is_empty());
    }
}
