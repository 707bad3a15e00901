//! Overlays the user brings (a GeoJSON file dropped on the window or opened from the
//! menu): read and prepared on a background thread with progress, drawn with the same
//! simplification, triangulation and culling as the basemap, removable.

mod loader;
mod look;
mod raster;

pub use loader::{LoadProgress, OverlayLoad, Stage, display_name, load};
pub use look::FeatureLook;
pub use raster::{RASTER_POINTS, RasterCache, RasterView, is_dense, paint_raster, rasterize};

use std::path::PathBuf;

use geo::{CoordsIter, Geometry};

use crate::geometry::{WorldPoint, lon_lat_to_world};
use crate::io::{Diagnostic, UserFeature};
use crate::mesh::{FillBands, LineBands};

/// Colours given to user overlays in turn (Okabe–Ito, distinct from the scenario's).
const PALETTE: [[u8; 3]; 5] = [
    [0, 114, 178],
    [213, 94, 0],
    [0, 158, 115],
    [204, 121, 167],
    [86, 180, 233],
];

/// A user overlay ready to draw.
#[derive(Debug)]
pub struct UserLayer {
    /// Unique in this session.
    pub id: u64,
    /// The file's name, shown as the layer's title.
    pub name: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// The features, lon/lat, with their properties.
    pub features: Vec<UserFeature>,
    /// Areas, triangulated per zoom band.
    pub fill: FillBands,
    /// Lines and area outlines, per zoom band.
    pub lines: LineBands,
    /// Points, by feature index.
    pub points: Vec<(usize, WorldPoint)>,
    /// Drawing colour.
    pub colour: [u8; 3],
    /// How it was read (a CSV's encoding, a GeoPackage's table), to read it again.
    pub options: crate::io::formats::ReadOptions,
    /// A GeoPackage's tables, when it was read with several, to choose one from.
    pub tables: Vec<String>,
    /// The world rectangle around every feature, for the legend's "in view".
    pub bounds: Option<crate::mesh::WorldRect>,
    /// The features that carry a look of their own (KML styles, simplestyle), by index.
    pub looks: std::collections::HashMap<usize, FeatureLook>,
    /// How many vertices it holds.
    pub vertices: usize,
    /// The file's size in bytes.
    pub bytes: u64,
    /// What was wrong with it (features left out).
    pub problems: Vec<Diagnostic>,
}

impl UserLayer {
    /// Prepares features for drawing; the meshes of every zoom band are built here, so
    /// call it off the UI thread for large files.
    pub fn prepare(
        id: u64,
        path: PathBuf,
        bytes: u64,
        features: Vec<UserFeature>,
        problems: Vec<Diagnostic>,
        progress: &LoadProgress,
    ) -> Self {
        let mut areas = Vec::new();
        let mut lines = Vec::new();
        let mut points = Vec::new();
        let mut vertices = 0;
        let mut looks = std::collections::HashMap::new();
        for (index, feature) in features.iter().enumerate() {
            vertices += feature.geometry.coords_count();
            if let Some(look) = FeatureLook::of(&feature.properties) {
                looks.insert(index, look);
            }
            collect(
                index,
                &feature.geometry,
                &mut areas,
                &mut lines,
                &mut points,
            );
        }
        let bounds = world_bounds(&features);
        let fill = FillBands::new(areas);
        let lines = LineBands::new(lines);
        progress.set_stage(Stage::Meshing);
        let bands = crate::mesh::band_count();
        for band in 0..bands {
            fill.build_band(band);
            lines.build_band(band);
            progress.set_fraction((band + 1) as f64 / bands as f64);
        }
        let name = path
            .file_name()
            .map_or("overlay".into(), |n| n.to_string_lossy().into_owned());
        Self {
            id,
            name,
            path,
            features,
            fill,
            lines,
            points,
            colour: PALETTE[(id as usize) % PALETTE.len()],
            looks,
            options: Default::default(),
            tables: Vec::new(),
            bounds,
            vertices,
            bytes,
            problems,
        }
    }

    /// A feature's geometry kind in words, for the details panel.
    pub fn kind_of(&self, feature: usize) -> &'static str {
        match self.features.get(feature).map(|f| &f.geometry) {
            Some(Geometry::Point(_) | Geometry::MultiPoint(_)) => "Point",
            Some(Geometry::LineString(_) | Geometry::MultiLineString(_)) => "Line",
            Some(Geometry::Polygon(_) | Geometry::MultiPolygon(_)) => "Area",
            Some(_) => "Mixed",
            None => "",
        }
    }
}

/// The rectangle, in world units, around every feature.
fn world_bounds(features: &[UserFeature]) -> Option<crate::mesh::WorldRect> {
    use geo::BoundingRect;
    let mut all: Option<geo::Rect<f64>> = None;
    for rect in features.iter().filter_map(|f| f.geometry.bounding_rect()) {
        all = Some(match all {
            None => rect,
            Some(a) => geo::Rect::new(
                geo::coord! { x: a.min().x.min(rect.min().x), y: a.min().y.min(rect.min().y) },
                geo::coord! { x: a.max().x.max(rect.max().x), y: a.max().y.max(rect.max().y) },
            ),
        });
    }
    // Web Mercator's y grows southwards: the north-west corner is the minimum.
    all.map(|r| crate::mesh::WorldRect {
        min: lon_lat_to_world(r.min().x, r.max().y),
        max: lon_lat_to_world(r.max().x, r.min().y),
    })
}

/// Sorts a geometry's parts into areas (filled and outlined), lines and points.
fn collect(
    index: usize,
    geometry: &Geometry<f64>,
    areas: &mut Vec<(usize, Geometry<f64>)>,
    lines: &mut Vec<(usize, Geometry<f64>)>,
    points: &mut Vec<(usize, WorldPoint)>,
) {
    match geometry {
        Geometry::Point(p) => points.push((index, lon_lat_to_world(p.x(), p.y()))),
        Geometry::MultiPoint(mp) => {
            points.extend(mp.0.iter().map(|p| (index, lon_lat_to_world(p.x(), p.y()))));
        }
        Geometry::LineString(_) | Geometry::MultiLineString(_) => {
            lines.push((index, geometry.clone()))
        }
        Geometry::Polygon(_) | Geometry::MultiPolygon(_) => {
            areas.push((index, geometry.clone()));
            lines.push((index, geometry.clone()));
        }
        Geometry::GeometryCollection(parts) => {
            for part in parts {
                collect(index, part, areas, lines, points);
            }
        }
        _ => {}
    }
}

/// A user overlay on the map.
#[derive(Debug, Clone)]
pub struct ShownOverlay {
    /// The prepared layer (shared with exports).
    pub layer: std::sync::Arc<UserLayer>,
    /// Drawn.
    pub visible: bool,
    /// Its latest picture, for views too dense to draw as vectors.
    pub raster: std::sync::Arc<std::sync::Mutex<RasterCache>>,
}
