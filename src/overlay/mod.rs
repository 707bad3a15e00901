//! Overlays the user brings (a GeoJSON file dropped on the window or opened from the
//! menu): read and prepared on a background thread with progress, drawn with the same
//! simplification, triangulation and culling as the basemap, removable.

mod loader;
mod look;
mod points;
mod raster;

pub use loader::{LoadProgress, OverlayLoad, Stage, display_name, load};
pub use look::FeatureLook;
pub use points::{
    CATEGORY_COLOURS, Cluster, ClusterCache, DateColumn, MAX_SINGLE_POINTS, OTHER_COLOUR,
    PointFilter, PointStyle, SINGLE_POINTS_ZOOM, cluster_radius, count_label, days_of, value_label,
};
pub use raster::{
    Picture, RASTER_POINTS, RasterCache, RasterView, is_dense, paint_raster, rasterize,
};

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use geo::{CoordsIter, Geometry};

use crate::geometry::{WorldPoint, lon_lat_to_world};
use crate::io::{Diagnostic, FeatureTable};
use crate::mesh::{FillBands, FillMesh, GeometrySource, LineBands, LineMesh};

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
    /// The features, lon/lat, with their properties (shared with the meshes, which are
    /// built from these geometries without copying them).
    pub features: Arc<FeatureTable>,
    /// Areas, triangulated per zoom band as the views need them.
    pub fill: FillBands<Arc<FeatureTable>>,
    /// Lines and area outlines, per zoom band as the views need them.
    pub lines: LineBands<Arc<FeatureTable>>,
    /// Points, by feature index.
    pub points: Vec<(usize, WorldPoint)>,
    /// Indices into `points`, west to east: a close view finds its points by two
    /// binary searches rather than a pass over every point.
    pub points_west_to_east: Vec<u32>,
    /// The dates of its features, when a column holds them: the timeline filters by it.
    pub dates: Option<DateColumn>,
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
    /// True while a zoom band is being prepared on a background thread.
    preparing: AtomicBool,
    /// When its load began, for the log line that says how soon it was drawn.
    pub load_started: std::time::Instant,
    drawn: AtomicBool,
}

impl GeometrySource for Arc<FeatureTable> {
    fn geometries(&self) -> Box<dyn Iterator<Item = (usize, &Geometry<f64>)> + '_> {
        Box::new(self.as_ref().geometries().iter().enumerate())
    }
}

impl UserLayer {
    /// Prepares features for drawing: points projected, looks read, and the coarsest
    /// zoom band meshed (something to draw at once); the others are built when a view
    /// first needs them ([`UserLayer::prepare_band_for`]).
    pub fn prepare(
        id: u64,
        path: PathBuf,
        bytes: u64,
        features: FeatureTable,
        problems: Vec<Diagnostic>,
        progress: &LoadProgress,
    ) -> Self {
        let mut points = Vec::new();
        let mut vertices = 0;
        let mut looks = std::collections::HashMap::new();
        let styled = FeatureLook::may_style(features.keys());
        for (index, geometry) in features.geometries().iter().enumerate() {
            vertices += geometry.coords_count();
            if styled
                && let Some(look) = FeatureLook::from_properties(|k| features.property(index, k))
            {
                looks.insert(index, look);
            }
            collect_points(index, geometry, &mut points);
        }
        let bounds = world_bounds(features.geometries());
        let dates = DateColumn::find(&features);
        let mut points_west_to_east: Vec<u32> = (0..points.len() as u32).collect();
        points_west_to_east
            .sort_by(|a, b| points[*a as usize].1.x.total_cmp(&points[*b as usize].1.x));
        let features = Arc::new(features);
        let fill = FillBands::new(features.clone());
        let lines = LineBands::new(features.clone());
        progress.set_stage(Stage::Meshing);
        // The coarsest band, and the band of the zoom the map shows, side by side.
        let viewed = progress.view_zoom().map(|zoom| lines.band_index(zoom));
        std::thread::scope(|scope| {
            if let Some(band) = viewed.filter(|band| *band > 0) {
                let (fill, lines) = (&fill, &lines);
                scope.spawn(move || {
                    fill.build_band(band);
                    lines.build_band(band);
                });
            }
            fill.build_band(0);
            lines.build_band(0);
        });
        progress.set_fraction(1.0);
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
            points_west_to_east,
            dates,
            colour: PALETTE[(id as usize) % PALETTE.len()],
            looks,
            options: Default::default(),
            tables: Vec::new(),
            bounds,
            vertices,
            bytes,
            problems,
            preparing: AtomicBool::new(false),
            load_started: std::time::Instant::now(),
            drawn: AtomicBool::new(false),
        }
    }

    /// A feature's geometry kind in words, for the details panel.
    pub fn kind_of(&self, feature: usize) -> &'static str {
        match self.features.geometry(feature) {
            Some(Geometry::Point(_) | Geometry::MultiPoint(_)) => "Point",
            Some(Geometry::LineString(_) | Geometry::MultiLineString(_)) => "Line",
            Some(Geometry::Polygon(_) | Geometry::MultiPolygon(_)) => "Area",
            Some(_) => "Mixed",
            None => "",
        }
    }

    /// True when the meshes for `zoom` are built (or being drawn from the nearest).
    pub fn is_ready_for(&self, zoom: f64) -> bool {
        let band = self.lines.band_index(zoom);
        self.lines.built(band).is_some() && self.fill.built(band).is_some()
    }

    /// Notes that a view showed it fully (its own band, or its picture): the first time,
    /// the log says how long after its load began.
    pub fn mark_drawn(&self) {
        if !self.drawn.swap(true, Ordering::Relaxed) {
            log::info!(
                "{}: drawn {} ms after its load began",
                self.name,
                self.load_started.elapsed().as_millis()
            );
        }
    }

    /// True once a view has shown it fully.
    pub fn is_drawn(&self) -> bool {
        self.drawn.load(Ordering::Relaxed)
    }

    /// True while a zoom band is being prepared in the background.
    pub fn is_preparing(&self) -> bool {
        self.preparing.load(Ordering::Relaxed)
    }

    /// Starts building the meshes for `zoom` on a background thread, unless they are
    /// built or another band is being built; `wake` is called when they are ready. The
    /// view draws the nearest built band meanwhile.
    pub fn prepare_band_for(self: &Arc<Self>, zoom: f64, wake: impl Fn() + Send + 'static) {
        if self.is_ready_for(zoom) || self.preparing.swap(true, Ordering::AcqRel) {
            return;
        }
        let band = self.lines.band_index(zoom);
        let layer = self.clone();
        let built = std::thread::Builder::new()
            .name("overlay-band".into())
            .spawn(move || {
                layer.fill.build_band(band);
                layer.lines.build_band(band);
                layer.preparing.store(false, Ordering::Release);
                wake();
            });
        if let Err(e) = built {
            log::warn!("{}: cannot prepare the zoom level: {e}", self.name);
            self.preparing.store(false, Ordering::Release);
        }
    }

    /// The points whose x lies in `west..=east` (world units), in west-to-east order.
    pub fn points_between(
        &self,
        west: f64,
        east: f64,
    ) -> impl Iterator<Item = &(usize, WorldPoint)> {
        let x = |i: &u32| self.points.get(*i as usize).map_or(f64::NAN, |p| p.1.x);
        let start = self.points_west_to_east.partition_point(|i| x(i) < west);
        let end = self.points_west_to_east.partition_point(|i| x(i) <= east);
        self.points_west_to_east
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .filter_map(|i| self.points.get(*i as usize))
    }

    /// About how many bytes its coordinates, properties, meshes and points hold.
    pub fn heap_bytes(&self) -> usize {
        let coordinates = self.vertices * 16;
        coordinates
            + self.features.property_bytes()
            + self.fill.built_bytes(FillMesh::heap_bytes)
            + self.lines.built_bytes(LineMesh::heap_bytes)
            + self.points.capacity() * std::mem::size_of::<(usize, WorldPoint)>()
    }
}

/// The rectangle, in world units, around every feature.
fn world_bounds(geometries: &[Geometry<f64>]) -> Option<crate::mesh::WorldRect> {
    use geo::BoundingRect;
    let mut all: Option<geo::Rect<f64>> = None;
    for rect in geometries.iter().filter_map(|g| g.bounding_rect()) {
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

/// A geometry's points (and those of a collection's parts), projected.
fn collect_points(index: usize, geometry: &Geometry<f64>, points: &mut Vec<(usize, WorldPoint)>) {
    match geometry {
        Geometry::Point(p) => points.push((index, lon_lat_to_world(p.x(), p.y()))),
        Geometry::MultiPoint(mp) => {
            points.extend(mp.0.iter().map(|p| (index, lon_lat_to_world(p.x(), p.y()))));
        }
        Geometry::GeometryCollection(parts) => {
            for part in parts {
                collect_points(index, part, points);
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
    /// How its points are coloured and filtered.
    pub points: PointStyle,
    /// Its points' clusters at the zoom level last drawn.
    pub clusters: std::sync::Arc<std::sync::Mutex<ClusterCache>>,
}

impl ShownOverlay {
    /// A newly loaded layer, shown, its points in its own colour.
    pub fn new(layer: UserLayer) -> Self {
        Self {
            layer: Arc::new(layer),
            visible: true,
            raster: Arc::default(),
            points: PointStyle::default(),
            clusters: Arc::default(),
        }
    }

    /// The properties whose values can colour or filter its features (a handful of
    /// distinct values, not free text), with how many values each has.
    pub fn categorical_properties(&self) -> Vec<(String, usize)> {
        let features = &self.layer.features;
        features
            .keys()
            .iter()
            .filter_map(|key| {
                let values = features.category_values(key)?.len();
                (2..=MAX_LEGEND_VALUES)
                    .contains(&values)
                    .then(|| (key.clone(), values))
            })
            .collect()
    }
}

/// A property with more values than this is not offered for colouring or filtering.
pub const MAX_LEGEND_VALUES: usize = 40;
