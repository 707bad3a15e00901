//! Filled areas: polygons projected, simplified per zoom band and triangulated with earcut
//! (egui only fills convex paths itself).

use geo::{Coord, Geometry, LineString, Polygon, Simplify, TriangulateEarcut};
use std::sync::OnceLock;

use rstar::{AABB, RTree, primitives::GeomWithData, primitives::Rectangle};

use super::{WorldRect, all_bands, band_for_zoom, band_tolerance};
use crate::geometry::{WorldPoint, lon_lat_to_world};

type ChunkBox = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// Triangles of one feature, as ranges into the shared buffers.
#[derive(Debug, Clone)]
pub struct FillChunk {
    /// Index of the feature it came from.
    pub feature: usize,
    /// Its vertices in [`FillMesh::positions`].
    pub vertices: std::ops::Range<u32>,
    /// Its triangle indices in [`FillMesh::indices`], relative to `vertices.start`.
    pub indices: std::ops::Range<u32>,
}

/// Triangulated polygons of one zoom band, in world units.
#[derive(Debug, Default)]
pub struct FillMesh {
    /// Vertex positions.
    pub positions: Vec<WorldPoint>,
    /// Triangle indices, relative to each chunk's first vertex.
    pub indices: Vec<u32>,
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
                if let Some(bbox) = mesh.push_polygon(feature, &simplified) {
                    boxes.push(ChunkBox::new(
                        Rectangle::from_corners([bbox.min.x, bbox.min.y], [bbox.max.x, bbox.max.y]),
                        mesh.chunks.len() - 1,
                    ));
                }
            }
        }
        mesh.index = RTree::bulk_load(boxes);
        mesh
    }

    fn push_polygon(&mut self, feature: usize, polygon: &Polygon<f64>) -> Option<WorldRect> {
        let raw = polygon.earcut_triangles_raw();
        if raw.triangle_indices.is_empty() {
            return None;
        }
        let first_vertex = u32::try_from(self.positions.len()).ok()?;
        let first_index = u32::try_from(self.indices.len()).ok()?;
        self.positions.extend(
            raw.vertices
                .iter()
                .map(|[x, y]| WorldPoint { x: *x, y: *y }),
        );
        self.indices.extend(
            raw.triangle_indices
                .iter()
                .filter_map(|i| u32::try_from(*i).ok()),
        );
        self.chunks.push(FillChunk {
            feature,
            vertices: first_vertex..u32::try_from(self.positions.len()).ok()?,
            indices: first_index..u32::try_from(self.indices.len()).ok()?,
        });
        WorldRect::around(
            raw.vertices
                .iter()
                .map(|[x, y]| WorldPoint { x: *x, y: *y }),
        )
    }

    /// The chunks whose bounds meet `rect`, in the order they were built.
    pub fn visible_chunks(&self, rect: &WorldRect) -> Vec<usize> {
        let envelope = AABB::from_corners([rect.min.x, rect.min.y], [rect.max.x, rect.max.y]);
        let mut found: Vec<usize> = self
            .index
            .locate_in_envelope_intersecting(&envelope)
            .map(|b| b.data)
            .collect();
        found.sort_unstable();
        found
    }
}

/// A fill layer with one mesh per zoom band, each built the first time it is needed
/// (or ahead of time by [`FillBands::build_all`] on a background thread).
#[derive(Debug, Default)]
pub struct FillBands {
    features: Vec<(usize, Geometry<f64>)>,
    bands: Vec<OnceLock<FillMesh>>,
}

impl FillBands {
    /// Keeps the features; no band is built yet.
    pub fn new(features: Vec<(usize, Geometry<f64>)>) -> Self {
        Self {
            features,
            bands: all_bands().map(|_| OnceLock::new()).collect(),
        }
    }

    fn band(&self, index: usize) -> Option<&FillMesh> {
        let cell = self.bands.get(index)?;
        let tolerance = all_bands().nth(index).and_then(band_tolerance);
        Some(
            cell.get_or_init(|| {
                FillMesh::build(self.features.iter().map(|(i, g)| (*i, g)), tolerance)
            }),
        )
    }

    /// The mesh to draw at `zoom`.
    pub fn for_zoom(&self, zoom: f64) -> Option<&FillMesh> {
        self.band(band_for_zoom(zoom).min(self.bands.len().saturating_sub(1)))
    }

    /// Builds every band now.
    pub fn build_all(&self) {
        for index in 0..self.bands.len() {
            self.band(index);
        }
    }
}

pub(crate) fn polygons_of(geometry: &Geometry<f64>) -> Vec<&Polygon<f64>> {
    match geometry {
        Geometry::Polygon(p) => vec![p],
        Geometry::MultiPolygon(mp) => mp.0.iter().collect(),
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
        let simplified = ring.simplify(tolerance);
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
