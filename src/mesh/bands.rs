//! One prepared mesh per zoom band, each built the first time it is needed, or ahead of
//! time by [`Bands::build_all`] on a background thread.

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

/// A layer's features and its meshes per zoom band.
#[derive(Debug)]
pub struct Bands<M> {
    features: Vec<(usize, Geometry<f64>)>,
    bands: Vec<OnceLock<M>>,
    /// The finest band worth building: data generalised for a scale gains nothing from
    /// finer bands, which would only cost time and memory.
    finest: usize,
}

impl<M> Default for Bands<M> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl<M> Bands<M> {
    /// Keeps the features; no band is built yet.
    pub fn new(features: Vec<(usize, Geometry<f64>)>) -> Self {
        let bands: Vec<OnceLock<M>> = all_bands().map(|_| OnceLock::new()).collect();
        Self {
            features,
            finest: bands.len().saturating_sub(1),
            bands,
        }
    }

    /// Keeps the features, for data generalised for `zoom`: views closer than that use
    /// that zoom's band.
    pub fn generalised_for(features: Vec<(usize, Geometry<f64>)>, zoom: f64) -> Self {
        let mut bands = Self::new(features);
        bands.finest = band_for_zoom(zoom).min(bands.finest);
        bands
    }

    /// The features, in lon/lat, with their indices.
    pub fn features(&self) -> &[(usize, Geometry<f64>)] {
        &self.features
    }
}

impl<M: BandMesh> Bands<M> {
    /// The mesh of band `index`, built now if it was not yet (0 is the widest view,
    /// the last is full detail).
    pub fn build_band(&self, index: usize) -> Option<&M> {
        let cell = self.bands.get(index)?;
        let tolerance = all_bands().nth(index).and_then(band_tolerance);
        Some(
            cell.get_or_init(|| {
                M::build_band(self.features.iter().map(|(i, g)| (*i, g)), tolerance)
            }),
        )
    }

    /// The mesh to draw at `zoom`.
    pub fn for_zoom(&self, zoom: f64) -> Option<&M> {
        self.build_band(band_for_zoom(zoom).min(self.finest))
    }

    /// Builds every band now.
    pub fn build_all(&self) {
        for index in 0..=self.finest {
            self.build_band(index);
        }
    }
}
