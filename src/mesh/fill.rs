//! Filled areas: polygons projected, simplified per zoom band and triangulated with earcut
//! (egui only fills convex paths itself).

use geo::{Coord, Geometry, LineString, Polygon, TriangulateEarcut};
use rstar::RTree;

use super::bands::{BandMesh, Bands};
use super::{ChunkBox, WorldRect, chunk_box, chunks_in};
use crate::geometry::{WorldPoint, lon_lat_to_world};

/// Triangles per culling chunk.
const CHUNK_TRIANGLES: usize = 128;

/// Position of a point along a Z-order (Morton) curve over `bounds`, 16 bits per axis.
fn z_order(bounds: &WorldRect, x: f64, y: f64) -> u32 {
    let scale = |v: f64, min: f64, max: f64| -> u32 {
        let span = (max - min).max(f64::MIN_POSITIVE);
        (((v - min) / span).clamp(0.0, 1.0) * 65535.0) as u32
    };
    let spread = |mut v: u32| -> u32 {
        v &= 0xffff;
        v = (v | (v << 8)) & 0x00ff_00ff;
        v = (v | (v << 4)) & 0x0f0f_0f0f;
        v = (v | (v << 2)) & 0x3333_3333;
        (v | (v << 1)) & 0x5555_5555
    };
    spread(scale(x, bounds.min.x, bounds.max.x))
        | (spread(scale(y, bounds.min.y, bounds.max.y)) << 1)
}

/// Up to [`CHUNK_TRIANGLES`] triangles of one feature, as ranges into the shared buffers.
#[derive(Debug, Clone)]
pub struct FillChunk {
    /// Index of the feature it came from.
    pub feature: usize,
    /// The world point its vertices' offsets are from.
    pub origin: WorldPoint,
    /// Its vertices in [`FillMesh::positions`].
    pub vertices: std::ops::Range<u32>,
    /// Its triangle indices in [`FillMesh::indices`], relative to `vertices.start`.
    pub indices: std::ops::Range<u32>,
}

impl FillChunk {
    /// Where a vertex of this chunk is, in world units.
    pub fn world(&self, offset: [f32; 2]) -> WorldPoint {
        WorldPoint {
            x: self.origin.x + f64::from(offset[0]),
            y: self.origin.y + f64::from(offset[1]),
        }
    }
}

/// Triangulated polygons of one zoom band: each vertex 8 bytes (an `f32` offset from its
/// chunk's origin), each corner of a triangle 2 (a chunk has at most 384 vertices).
#[derive(Debug, Default)]
pub struct FillMesh {
    /// Vertex positions, as offsets from their chunk's origin in world units.
    pub positions: Vec<[f32; 2]>,
    /// Triangle indices, relative to each chunk's first vertex.
    pub indices: Vec<u16>,
    /// One chunk per polygon.
    pub chunks: Vec<FillChunk>,
    index: RTree<ChunkBox>,
}

impl FillMesh {
    /// Triangulates `features` (lon/lat polygons; other geometries are skipped), simplified
    /// with `tolerance` world units when given.
    pub fn build<'g>(
        features: impl IntoIterator<Item = (usize, &'g Geometry<f64>)>,
        tolerance: Option<f64>,
    ) -> Self {
        let mut mesh = FillMesh::default();
        let mut boxes = Vec::new();
        for (feature, geometry) in features {
            for polygon in polygons_of(geometry) {
                let world = project_polygon(polygon);
                let Some(simplified) = simplify_polygon(&world, tolerance) else {
                    continue;
                };
                mesh.push_polygon(feature, &simplified, &mut boxes);
            }
        }
        mesh.index = RTree::bulk_load(boxes);
        mesh
    }

    /// Triangulates a polygon and stores its triangles in spatially compact chunks of at
    /// most [`CHUNK_TRIANGLES`] (ordered along a Z-curve), so a zoomed-in view draws only
    /// the triangles near it rather than a whole country.
    fn push_polygon(&mut self, feature: usize, polygon: &Polygon<f64>, boxes: &mut Vec<ChunkBox>) {
        let raw = polygon.earcut_triangles_raw();
        let vertices: Vec<WorldPoint> = raw
            .vertices
            .iter()
            .map(|[x, y]| WorldPoint { x: *x, y: *y })
            .collect();
        let Some(bounds) = WorldRect::around(vertices.iter().copied()) else {
            return;
        };
        let mut triangles: Vec<[usize; 3]> = raw
            .triangle_indices
            .chunks_exact(3)
            .map(|t| [t[0], t[1], t[2]])
            .filter(|t| t.iter().all(|i| *i < vertices.len()))
            .collect();
        triangles.sort_by_cached_key(|t| {
            let cx = (vertices[t[0]].x + vertices[t[1]].x + vertices[t[2]].x) / 3.0;
            let cy = (vertices[t[0]].y + vertices[t[1]].y + vertices[t[2]].y) / 3.0;
            z_order(&bounds, cx, cy)
        });
        let mut local: Vec<u32> = vec![u32::MAX; vertices.len()];
        for group in triangles.chunks(CHUNK_TRIANGLES) {
            let first_vertex = self.positions.len() as u32;
            let first_index = self.indices.len() as u32;
            let origin = vertices[group[0][0]];
            let mut bbox = WorldRect {
                min: origin,
                max: origin,
            };
            for triangle in group {
                for &vertex in triangle {
                    if local[vertex] == u32::MAX || local[vertex] < first_vertex {
                        local[vertex] = self.positions.len() as u32;
                        let p = vertices[vertex];
                        bbox = bbox.including(p);
                        self.positions
                            .push([(p.x - origin.x) as f32, (p.y - origin.y) as f32]);
                    }
                    // At most 3 × CHUNK_TRIANGLES distinct vertices: fits in u16.
                    self.indices.push((local[vertex] - first_vertex) as u16);
                }
            }
            self.chunks.push(FillChunk {
                feature,
                origin,
                vertices: first_vertex..self.positions.len() as u32,
                indices: first_index..self.indices.len() as u32,
            });
            boxes.push(chunk_box(&bbox, self.chunks.len() - 1));
        }
    }

    /// The vertex offsets and triangle corners of `chunk`.
    pub fn chunk_parts(&self, chunk: &FillChunk) -> (&[[f32; 2]], &[u16]) {
        (
            self.positions
                .get(chunk.vertices.start as usize..chunk.vertices.end as usize)
                .unwrap_or_default(),
            self.indices
                .get(chunk.indices.start as usize..chunk.indices.end as usize)
                .unwrap_or_default(),
        )
    }

    /// How many bytes its buffers hold.
    pub fn heap_bytes(&self) -> usize {
        self.positions.capacity() * 8
            + self.indices.capacity() * 2
            + self.chunks.capacity() * std::mem::size_of::<FillChunk>()
            + self.chunks.len() * 64
    }

    /// The chunks whose bounds meet `rect`, in the order they were built.
    pub fn visible_chunks(&self, rect: &WorldRect) -> Vec<usize> {
        chunks_in(&self.index, rect)
    }
}

/// A fill layer with one mesh per zoom band.
pub type FillBands<S = super::IndexedGeometries> = Bands<FillMesh, S>;

impl BandMesh for FillMesh {
    fn build_band<'g>(
        features: impl IntoIterator<Item = (usize, &'g Geometry<f64>)>,
        tolerance: Option<f64>,
    ) -> Self {
        FillMesh::build(features, tolerance)
    }
}

pub(crate) fn polygons_of(geometry: &Geometry<f64>) -> Vec<&Polygon<f64>> {
    match geometry {
        Geometry::Polygon(p) => vec![p],
        Geometry::MultiPolygon(mp) => mp.0.iter().collect(),
        Geometry::GeometryCollection(parts) => parts.0.iter().flat_map(polygons_of).collect(),
        _ => Vec::new(),
    }
}

fn project_ring(ring: &LineString<f64>) -> LineString<f64> {
    LineString(
        ring.0
            .iter()
            .map(|c| {
                let p = lon_lat_to_world(c.x, c.y);
                Coord { x: p.x, y: p.y }
            })
            .collect(),
    )
}

fn project_polygon(polygon: &Polygon<f64>) -> Polygon<f64> {
    Polygon::new(
        project_ring(polygon.exterior()),
        polygon.interiors().iter().map(project_ring).collect(),
    )
}

/// Simplifies each ring; rings that shrink below a triangle, or below the tolerance in size, go.
fn simplify_polygon(polygon: &Polygon<f64>, tolerance: Option<f64>) -> Option<Polygon<f64>> {
    let Some(tolerance) = tolerance else {
        return Some(polygon.clone());
    };
    let keep = |ring: &LineString<f64>| -> Option<LineString<f64>> {
        let rect = WorldRect::around(ring.0.iter().map(|c| WorldPoint { x: c.x, y: c.y }))?;
        if (rect.max.x - rect.min.x).max(rect.max.y - rect.min.y) < tolerance * 2.0 {
            return None;
        }
        let simplified = super::simplify_line(ring, tolerance);
        (simplified.0.len() >= 4).then_some(simplified)
    };
    let exterior = keep(polygon.exterior())?;
    Some(Polygon::new(
        exterior,
        polygon.interiors().iter().filter_map(keep).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_becomes_two_triangles() {
        let square = Geometry::Polygon(Polygon::new(
            LineString::from(vec![
                (30.0, 50.0),
                (31.0, 50.0),
                (31.0, 51.0),
                (30.0, 51.0),
                (30.0, 50.0),
            ]),
            vec![],
        ));
        let mesh = FillMesh::build([(7, &square)], None);
        assert_eq!(mesh.indices.len(), 6);
        assert_eq!(mesh.chunks[0].feature, 7);
        let everywhere = WorldRect {
            min: WorldPoint { x: 0.0, y: 0.0 },
            max: WorldPoint { x: 1.0, y: 1.0 },
        };
        assert_eq!(mesh.visible_chunks(&everywhere), vec![0]);
        let elsewhere = WorldRect {
            min: WorldPoint { x: 0.0, y: 0.0 },
            max: WorldPoint { x: 0.1, y: 0.1 },
        };
        assert!(mesh.visible_chunks(&elsewhere).is_empty());
    }
}
