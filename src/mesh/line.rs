//! Stroked lines, prepared once: each point of a line, projected and simplified, carries
//! its miter normal, so a frame only moves it out by the stroke's half width in pixels on
//! either side (and, for anti-aliasing, a fading row beyond, as egui's feathering does).
//! A point is 16 bytes: its offset from its chunk's origin as `f32`, and its normal; the
//! triangles between them follow one pattern and are made while painting.

use geo::{Coord, Geometry, LineString};
use rstar::RTree;

use super::bands::{BandMesh, Bands};
use super::{ChunkBox, WorldRect, chunk_box, chunks_in};
use crate::geometry::{WorldPoint, lon_lat_to_world};

/// Points per culling chunk of a line.
const CHUNK_POINTS: usize = 64;

/// Longest miter, in half widths, before a sharp corner is cut short.
const MITER_LIMIT: f32 = 3.0;

/// One point of a stroke's centre line and where to push its edges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinePoint {
    /// World units from its chunk's origin (small, so `f32` keeps it exact to far below a
    /// pixel at any zoom the map shows).
    pub offset: [f32; 2],
    /// Unit-ish direction to push the left edge (the miter); the right edge goes opposite.
    pub normal: [f32; 2],
}

/// A run of at most [`CHUNK_POINTS`] points of one polyline, culled as one.
#[derive(Debug, Clone)]
pub struct LineChunk {
    /// Index of the feature it came from.
    pub feature: usize,
    /// The world point its points' offsets are from.
    pub origin: WorldPoint,
    /// Its points in [`LineMesh::points`].
    pub points: std::ops::Range<u32>,
}

impl LineChunk {
    /// Where `point` of this chunk is, in world units.
    pub fn world(&self, point: &LinePoint) -> WorldPoint {
        WorldPoint {
            x: self.origin.x + f64::from(point.offset[0]),
            y: self.origin.y + f64::from(point.offset[1]),
        }
    }
}

/// The strokes of one zoom band.
#[derive(Debug, Default)]
pub struct LineMesh {
    /// Every chunk's points, one after the other.
    pub points: Vec<LinePoint>,
    /// Runs of points, each within one polyline.
    pub chunks: Vec<LineChunk>,
    index: RTree<ChunkBox>,
}

impl LineMesh {
    /// Builds strokes for every line and polygon ring of `features` (lon/lat), simplified
    /// with `tolerance` world units when given.
    pub fn build<'g>(
        features: impl IntoIterator<Item = (usize, &'g Geometry<f64>)>,
        tolerance: Option<f64>,
    ) -> Self {
        let mut mesh = LineMesh::default();
        let mut boxes = Vec::new();
        for (feature, geometry) in features {
            for line in lines_of(geometry) {
                let mut world = project_line(line);
                if let Some(tolerance) = tolerance {
                    // Radial distance first: dense wiggles (GPS tracks, random walks) lose
                    // their sub-pixel steps cheaply, then Douglas–Peucker keeps the shape.
                    world = drop_close_points(&world, tolerance * RADIAL_FACTOR);
                    world = super::simplify_line(&world, tolerance);
                }
                let points = dedup(&world);
                if points.len() < 2 {
                    continue;
                }
                mesh.push_polyline(feature, &points, &mut boxes);
            }
        }
        mesh.index = RTree::bulk_load(boxes);
        mesh
    }

    /// Adds a polyline as chunks of at most [`CHUNK_POINTS`] points, so culling works
    /// along long rivers and borders, with miters computed over the whole line.
    fn push_polyline(&mut self, feature: usize, points: &[WorldPoint], boxes: &mut Vec<ChunkBox>) {
        let normals: Vec<[f32; 2]> = (0..points.len()).map(|i| miter(points, i)).collect();
        let mut start = 0;
        while start + 1 < points.len() {
            let end = (start + CHUNK_POINTS).min(points.len());
            self.push_chunk(feature, &points[start..end], &normals[start..end], boxes);
            start = end - 1;
        }
    }

    fn push_chunk(
        &mut self,
        feature: usize,
        points: &[WorldPoint],
        normals: &[[f32; 2]],
        boxes: &mut Vec<ChunkBox>,
    ) {
        let Some(bbox) = WorldRect::around(points.iter().copied()) else {
            return;
        };
        let origin = points[0];
        let first = self.points.len() as u32;
        self.points
            .extend(points.iter().zip(normals).map(|(point, normal)| LinePoint {
                offset: [(point.x - origin.x) as f32, (point.y - origin.y) as f32],
                normal: *normal,
            }));
        self.chunks.push(LineChunk {
            feature,
            origin,
            points: first..self.points.len() as u32,
        });
        boxes.push(chunk_box(&bbox, self.chunks.len() - 1));
    }

    /// The points of `chunk`.
    pub fn points_of(&self, chunk: &LineChunk) -> &[LinePoint] {
        self.points
            .get(chunk.points.start as usize..chunk.points.end as usize)
            .unwrap_or_default()
    }

    /// How many bytes its buffers hold.
    pub fn heap_bytes(&self) -> usize {
        self.points.capacity() * std::mem::size_of::<LinePoint>()
            + self.chunks.capacity() * std::mem::size_of::<LineChunk>()
            + self.chunks.len() * 64
    }

    /// The chunks whose bounds meet `rect`.
    pub fn visible_chunks(&self, rect: &WorldRect) -> Vec<usize> {
        chunks_in(&self.index, rect)
    }

    /// True when some line of this mesh passes through `rect` (a point of it inside, or a
    /// segment across it), for labels that should keep off a coast.
    pub fn passes_through(&self, rect: &WorldRect) -> bool {
        let inside = |p: &WorldPoint| {
            p.x >= rect.min.x && p.x <= rect.max.x && p.y >= rect.min.y && p.y <= rect.max.y
        };
        self.visible_chunks(rect).into_iter().any(|index| {
            let chunk = &self.chunks[index];
            let points: Vec<WorldPoint> = self
                .points_of(chunk)
                .iter()
                .map(|p| chunk.world(p))
                .collect();
            points.iter().any(inside)
                || points.windows(2).any(|w| {
                    // A segment with both ends outside crosses only if it spans the box.
                    WorldRect::around([w[0], w[1]]).is_some_and(|b| b.intersects(rect))
                        && segment_crosses(w[0], w[1], rect)
                })
        })
    }
}

/// True when the segment `a`–`b` crosses the rectangle (its ends outside it).
fn segment_crosses(a: WorldPoint, b: WorldPoint, rect: &WorldRect) -> bool {
    let corners = [
        (rect.min.x, rect.min.y),
        (rect.max.x, rect.min.y),
        (rect.max.x, rect.max.y),
        (rect.min.x, rect.max.y),
    ];
    // The rectangle's corners on both sides of the segment's line: it cuts through.
    let side = |(x, y): (f64, f64)| (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    let sides: Vec<f64> = corners.iter().map(|c| side(*c)).collect();
    sides.iter().any(|s| *s > 0.0) && sides.iter().any(|s| *s < 0.0)
}

/// A line layer with one mesh per zoom band.
pub type LineBands<S = super::IndexedGeometries> = Bands<LineMesh, S>;

impl BandMesh for LineMesh {
    fn build_band<'g>(
        features: impl IntoIterator<Item = (usize, &'g Geometry<f64>)>,
        tolerance: Option<f64>,
    ) -> Self {
        LineMesh::build(features, tolerance)
    }
}

/// Every line and polygon ring of a geometry (parts of a collection included).
pub fn lines_of(geometry: &Geometry<f64>) -> Vec<&LineString<f64>> {
    match geometry {
        Geometry::LineString(l) => vec![l],
        Geometry::MultiLineString(ml) => ml.0.iter().collect(),
        Geometry::Polygon(p) => std::iter::once(p.exterior()).chain(p.interiors()).collect(),
        Geometry::MultiPolygon(mp) => {
            mp.0.iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .collect()
        }
        Geometry::GeometryCollection(gc) => gc.0.iter().flat_map(lines_of).collect(),
        _ => Vec::new(),
    }
}

fn project_line(line: &LineString<f64>) -> LineString<f64> {
    LineString(
        line.0
            .iter()
            .map(|c| {
                let p = lon_lat_to_world(c.x, c.y);
                Coord { x: p.x, y: p.y }
            })
            .collect(),
    )
}

/// Points closer than this many simplification tolerances to the last kept point are
/// dropped before Douglas–Peucker (about one pixel at the band's zoom).
const RADIAL_FACTOR: f64 = 1.6;

/// Keeps the first and last points and every point at least `distance` from the last
/// one kept.
fn drop_close_points(line: &LineString<f64>, distance: f64) -> LineString<f64> {
    let coords = &line.0;
    if coords.len() < 3 {
        return line.clone();
    }
    let limit = distance * distance;
    let mut kept = Vec::with_capacity(coords.len() / 2 + 2);
    kept.push(coords[0]);
    for c in &coords[1..coords.len() - 1] {
        let last = kept[kept.len() - 1];
        if (c.x - last.x).powi(2) + (c.y - last.y).powi(2) >= limit {
            kept.push(*c);
        }
    }
    kept.push(coords[coords.len() - 1]);
    LineString(kept)
}

fn dedup(line: &LineString<f64>) -> Vec<WorldPoint> {
    let mut points: Vec<WorldPoint> = Vec::with_capacity(line.0.len());
    for c in &line.0 {
        let p = WorldPoint { x: c.x, y: c.y };
        if points
            .last()
            .is_none_or(|last| last.x != p.x || last.y != p.y)
        {
            points.push(p);
        }
    }
    points
}

fn left_normal(a: WorldPoint, b: WorldPoint) -> [f64; 2] {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = dx.hypot(dy);
    if len == 0.0 {
        return [0.0, 0.0];
    }
    [dy / len, -dx / len]
}

/// The miter direction at point `i`, scaled so the stroke keeps its width around corners.
fn miter(points: &[WorldPoint], i: usize) -> [f32; 2] {
    let n = points.len();
    let before = (i > 0).then(|| left_normal(points[i - 1], points[i]));
    let after = (i + 1 < n).then(|| left_normal(points[i], points[i + 1]));
    let normal = match (before, after) {
        (Some(a), Some(b)) => {
            let sum = [a[0] + b[0], a[1] + b[1]];
            let len = sum[0].hypot(sum[1]);
            if len < 1e-9 {
                a
            } else {
                let m = [sum[0] / len, sum[1] / len];
                let cos = (m[0] * a[0] + m[1] * a[1]).max(1.0 / f64::from(MITER_LIMIT));
                [m[0] / cos, m[1] / cos]
            }
        }
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => [0.0, 0.0],
    };
    [normal[0] as f32, normal[1] as f32]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_point_line_keeps_two_points_in_one_chunk() {
        let line = Geometry::LineString(LineString::from(vec![(30.0, 50.0), (31.0, 50.0)]));
        let mesh = LineMesh::build([(0, &line)], None);
        assert_eq!(mesh.points.len(), 2);
        assert_eq!(mesh.chunks.len(), 1);
        let end = mesh.chunks[0].world(&mesh.points[1]);
        let expected = lon_lat_to_world(31.0, 50.0);
        assert!((end.x - expected.x).abs() < 1e-9 && (end.y - expected.y).abs() < 1e-9);
    }

    #[test]
    fn a_right_angle_miter_is_longer_than_the_half_width() {
        let points = [
            WorldPoint { x: 0.0, y: 0.0 },
            WorldPoint { x: 1.0, y: 0.0 },
            WorldPoint { x: 1.0, y: 1.0 },
        ];
        let m = miter(&points, 1);
        let length = m[0].hypot(m[1]);
        assert!((length - std::f32::consts::SQRT_2).abs() < 1e-4);
    }
}
