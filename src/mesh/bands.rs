//! One prepared mesh per zoom band, each built the first time it is needed (on the
//! caller's thread, or on a background thread while the nearest built band is drawn),
//! or ahead of time by [`Bands::build_all`].

use std::sync::OnceLock;

use geo::Geometry;

use super::{all_bands, band_for_zoom, band_tolerance};

/// A mesh that can be built from lon/lat features at a simplification tolerance.
pub trait BandMesh: Sized {
    /// Builds the mesh; `tolerance` in world units, `None` for full detail.
    fn build_band<'g>(
        features: impl IntoIterator<Item = (usize, &'g Geometry<f64>)>,
        tolerance: Option<f64>,
    ) -> Self;
}

/// What a layer's meshes are built from: its features' geometries, with their indices.
/// A user overlay's meshes read the overlay's own feature table, so no geometry is kept
/// twice.
pub trait GeometrySource {
    /// Every feature's index and lon/lat geometry.
    fn geometries(&self) -> Box<dyn Iterator<Item = (usize, &Geometry<f64>)> + '_>;
}

/// Features with their indices, owned by the bands (the basemap's and the scenario's).
pub type IndexedGeometries = Vec<(usize, Geometry<f64>)>;

impl GeometrySource for IndexedGeometries {
    fn geometries(&self) -> Box<dyn Iterator<Item = (usize, &Geometry<f64>)> + '_> {
        Box::new(self.iter().map(|(i, g)| (*i, g)))
    }
}

/// A layer's features and its meshes per zoom band.
#[derive(Debug)]
pub struct Bands<M, S = IndexedGeometries> {
    source: S,
    bands: Vec<OnceLock<M>>,
    /// The finest band worth building: data generalised for a scale gains nothing from
    /// finer bands, which would only cost time and memory.
    finest: usize,
}

impl<M, S: Default> Default for Bands<M, S> {
    fn default() -> Self {
        Self::new(S::default())
    }
}

impl<M, S> Bands<M, S> {
    /// Keeps the features; no band is built yet.
    pub fn new(source: S) -> Self {
        let bands: Vec<OnceLock<M>> = all_bands().map(|_| OnceLock::new()).collect();
        Self {
            source,
            finest: bands.len().saturating_sub(1),
            bands,
        }
    }

    /// Keeps the features, for data generalised for `zoom`: views closer than that use
    /// that zoom's band.
    pub fn generalised_for(source: S, zoom: f64) -> Self {
        let mut bands = Self::new(source);
        bands.finest = band_for_zoom(zoom).min(bands.finest);
        bands
    }

    /// Which band serves `zoom`.
    pub fn band_index(&self, zoom: f64) -> usize {
        band_for_zoom(zoom).min(self.finest)
    }

    /// The mesh of band `index` if it has been built.
    pub fn built(&self, index: usize) -> Option<&M> {
        self.bands.get(index)?.get()
    }

    /// The mesh to draw at `zoom` without waiting: its own band if built, else the
    /// nearest built one (the coarser first, as it is the cheaper to draw).
    pub fn nearest_built(&self, zoom: f64) -> Option<&M> {
        let wanted = self.band_index(zoom);
        (0..self.bands.len()).find_map(|distance| {
            let coarser = wanted.checked_sub(distance).and_then(|i| self.built(i));
            coarser.or_else(|| self.built(wanted + distance))
        })
    }

    /// How many bytes the built meshes hold, by `size` of one mesh.
    pub fn built_bytes(&self, size: impl Fn(&M) -> usize) -> usize {
        self.bands.iter().filter_map(OnceLock::get).map(size).sum()
    }
}

impl<M> Bands<M, IndexedGeometries> {
    /// The features, in lon/lat, with their indices.
    pub fn features(&self) -> &[(usize, Geometry<f64>)] {
        &self.source
    }
}

impl<M: BandMesh, S: GeometrySource> Bands<M, S> {
    /// The mesh of band `index`, built now if it was not yet (0 is the widest view,
    /// the last is full detail).
    pub fn build_band(&self, index: usize) -> Option<&M> {
        let cell = self.bands.get(index)?;
        let tolerance = all_bands().nth(index).and_then(band_tolerance);
        Some(cell.get_or_init(|| M::build_band(self.source.geometries(), tolerance)))
    }

    /// The mesh to draw at `zoom`, built now if need be.
    pub fn for_zoom(&self, zoom: f64) -> Option<&M> {
        self.build_band(self.band_index(zoom))
    }

    /// Builds every band now.
    pub fn build_all(&self) {
        for index in 0..=self.finest {
            self.build_band(index);
        }
    }
}
