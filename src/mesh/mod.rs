//! Geometry prepared once at load for drawing every frame: projected to Web Mercator,
//! simplified per zoom band, triangulated, and indexed for culling. Per frame only an
//! affine transform to the screen remains.

mod bands;
mod fill;
mod line;
mod simplify;
mod view;

pub use bands::{BandMesh, Bands, GeometrySource, IndexedGeometries};
pub use fill::{FillBands, FillMesh};
pub use line::{LineBands, LineChunk, LineMesh, LinePoint, lines_of};
pub use simplify::simplify_line;
pub use view::{WorldRect, WorldView};

/// A culling chunk's bounds in the R-tree, with the chunk's index.
pub(crate) type ChunkBox =
    rstar::primitives::GeomWithData<rstar::primitives::Rectangle<[f64; 2]>, usize>;

/// The R-tree entry for chunk `index` with bounds `bbox`.
pub(crate) fn chunk_box(bbox: &WorldRect, index: usize) -> ChunkBox {
    ChunkBox::new(
        rstar::primitives::Rectangle::from_corners(
            [bbox.min.x, bbox.min.y],
            [bbox.max.x, bbox.max.y],
        ),
        index,
    )
}

/// The chunks whose bounds meet `rect`, in the order they were built.
pub(crate) fn chunks_in(index: &rstar::RTree<ChunkBox>, rect: &WorldRect) -> Vec<usize> {
    let envelope = rstar::AABB::from_corners([rect.min.x, rect.min.y], [rect.max.x, rect.max.y]);
    let mut found: Vec<usize> = index
        .locate_in_envelope_intersecting(&envelope)
        .map(|b| b.data)
        .collect();
    found.sort_unstable();
    found
}

/// Simplified copies are kept for these zoom levels; above the last, full detail.
pub(crate) const BAND_ZOOMS: &[f64] = &[3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];

/// Allowed simplification error, in screen pixels at the band's zoom.
const TOLERANCE_PX: f64 = 0.6;

/// How many meshes a layer keeps: one per band zoom, and full detail.
pub fn band_count() -> usize {
    BAND_ZOOMS.len() + 1
}

/// World units (the unit square) per screen pixel at `zoom` for 256-pixel tiles.
pub(crate) fn world_per_pixel(zoom: f64) -> f64 {
    1.0 / (256.0 * 2f64.powf(zoom))
}

/// The simplification tolerance in world units for band `band` (`None`: full detail).
pub(crate) fn band_tolerance(band: Option<usize>) -> Option<f64> {
    band.map(|i| TOLERANCE_PX * world_per_pixel(BAND_ZOOMS[i]))
}

/// Which band serves `zoom`: the first band at or above it, or full detail beyond them.
pub(crate) fn band_for_zoom(zoom: f64) -> usize {
    BAND_ZOOMS
        .iter()
        .position(|band_zoom| *band_zoom >= zoom)
        .unwrap_or(BAND_ZOOMS.len())
}

/// The bands to build: each simplified band, then full detail.
pub(crate) fn all_bands() -> impl Iterator<Item = Option<usize>> {
    (0..BAND_ZOOMS.len()).map(Some).chain(std::iter::once(None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zoom_is_served_by_the_band_at_or_above_it() {
        assert_eq!(band_for_zoom(2.0), 0);
        assert_eq!(band_for_zoom(5.6), 3);
        assert_eq!(band_for_zoom(6.0), 3);
        assert_eq!(band_for_zoom(14.0), BAND_ZOOMS.len());
    }
}
