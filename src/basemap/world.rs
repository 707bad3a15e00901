//! The world layers: every country, border, large lake, major river and great city on
//! Earth, drawn beneath the detailed layers so that no view ends at the sea. They are
//! parsed the first time they are drawn (or by the warm-up thread), and their parts
//! outside the detailed box are cut out only when a detailed view first needs them.

use std::collections::HashMap;
use std::sync::OnceLock;

use geo::{BooleanOps, Geometry, MultiLineString, Rect};
use serde_json::Value;

use super::BasemapFeature;
use crate::geometry::lon_lat_to_world;
use crate::mesh::{FillBands, LineBands, WorldRect, lines_of};

/// The box the detailed (unsimplified) layers cover: west, south, east, north.
pub const DETAIL_BOX: [f64; 4] = [12.0, 40.0, 45.0, 57.0];

/// A world layer file: its name and its embedded text.
pub(super) struct WorldFile {
    pub(super) name: &'static str,
    pub(super) text: &'static str,
}

macro_rules! world_file {
    ($name:literal) => {
        WorldFile {
            name: $name,
            text: include_str!(concat!("../../assets/basemap/world/", $name)),
        }
    };
}

const COUNTRIES: WorldFile = world_file!("world_countries.geojson");
const BORDERS: WorldFile = world_file!("world_country_borders.geojson");
const LAKES: WorldFile = world_file!("world_lakes.geojson");
const RIVERS: WorldFile = world_file!("world_rivers.geojson");
/// The world's capitals and great cities (their labels join the basemap's).
pub(super) const CITIES: WorldFile = world_file!("world_cities.geojson");

/// The whole world, ready to draw.
#[derive(Debug, Default)]
pub struct WorldLayers {
    /// Every country (generalised ≈1:50m).
    pub fill: FillBands,
    /// Their ISO codes, by feature index ("" for disputed land).
    pub iso: Vec<String>,
    /// Every country's rings: coast and land borders at once, for wide views.
    pub outlines: LineBands,
    /// Large lakes, the Caspian included.
    pub lakes: FillBands,
    /// Major rivers.
    pub rivers: LineBands,
    /// Their Natural Earth scale rank by feature index (lower = more important).
    pub river_rank: Vec<u8>,
    /// The extents of each country's parts in world units, by ISO code (France's
    /// mainland and French Guiana apart, so a view of Europe is not a view of South America).
    pub country_bounds: HashMap<String, Vec<WorldRect>>,
    /// Where to put each country's name (Natural Earth's label point), by ISO code.
    pub anchors: HashMap<String, (f64, f64)>,
    /// The lines outside the detailed box, cut when first needed.
    outside: OnceLock<OutsideDetail>,
    /// The land borders, kept until `outside` cuts them.
    borders: Vec<(usize, Geometry<f64>)>,
}

/// The world's lines beyond the detailed box, drawn around the detailed layers.
#[derive(Debug, Default)]
pub struct OutsideDetail {
    /// Coasts (country rings) outside the box.
    pub coasts: LineBands,
    /// Land borders outside the box.
    pub borders: LineBands,
    /// Rivers outside the box (indices as in [`WorldLayers::river_rank`]).
    pub rivers: LineBands,
}

impl WorldLayers {
    /// Parses the embedded world files; a file that fails is reported in `problems`.
    pub fn load(problems: &mut Vec<String>) -> Self {
        let countries = read(&COUNTRIES, problems);
        let lakes = read(&LAKES, problems);
        let rivers = read(&RIVERS, problems);
        let borders = read(&BORDERS, problems);
        let iso: Vec<String> = countries
            .iter()
            .map(|f| f.text("iso_a2").to_owned())
            .collect();
        let mut country_bounds: HashMap<String, Vec<WorldRect>> = HashMap::new();
        for (feature, iso) in countries.iter().zip(&iso) {
            if iso.is_empty() {
                continue;
            }
            let parts: Vec<WorldRect> = match &feature.geometry {
                Geometry::MultiPolygon(parts) => parts
                    .0
                    .iter()
                    .filter_map(|p| geo::BoundingRect::bounding_rect(p).map(rect_in_world))
                    .collect(),
                other => world_bounds(other).into_iter().collect(),
            };
            country_bounds.entry(iso.clone()).or_default().extend(parts);
        }
        let anchors = countries
            .iter()
            .filter_map(|f| {
                let number = |key: &str| f.properties.get(key).and_then(Value::as_f64);
                let iso = f.text("iso_a2");
                (!iso.is_empty())
                    .then(|| Some((iso.to_owned(), (number("label_x")?, number("label_y")?))))?
            })
            .collect();
        Self {
            river_rank: rivers.iter().map(super::scale_rank).collect(),
            fill: FillBands::new(super::indexed(&countries)),
            outlines: LineBands::new(super::indexed(&countries)),
            lakes: FillBands::new(super::indexed(&lakes)),
            rivers: LineBands::new(super::indexed(&rivers)),
            borders: super::indexed(&borders),
            iso,
            country_bounds,
            anchors,
            outside: OnceLock::new(),
        }
    }

    /// The lines outside the detailed box (cut now, the first time).
    pub fn outside_detail(&self) -> &OutsideDetail {
        self.outside.get_or_init(|| OutsideDetail {
            coasts: LineBands::new(outside_box(self.outlines.features())),
            borders: LineBands::new(outside_box(&self.borders)),
            rivers: LineBands::new(outside_box(self.rivers.features())),
        })
    }

    /// Builds every mesh now (the warm-up thread calls it).
    pub fn build_all(&self) {
        self.fill.build_all();
        self.lakes.build_all();
        self.outlines.build_all();
        self.rivers.build_all();
        let outside = self.outside_detail();
        for lines in [&outside.coasts, &outside.borders, &outside.rivers] {
            lines.build_all();
        }
    }
}

/// The detailed box in world units.
pub fn detail_box_world() -> WorldRect {
    let [west, south, east, north] = DETAIL_BOX;
    WorldRect {
        min: lon_lat_to_world(west, north),
        max: lon_lat_to_world(east, south),
    }
}

/// The parts of each feature's lines that lie outside the detailed box.
fn outside_box(features: &[(usize, Geometry<f64>)]) -> Vec<(usize, Geometry<f64>)> {
    let [west, south, east, north] = DETAIL_BOX;
    let clip = Rect::new((west, south), (east, north)).to_polygon();
    let inside = |g: &Geometry<f64>| {
        geo::BoundingRect::bounding_rect(g).is_some_and(|b| {
            b.min().x >= west && b.max().x <= east && b.min().y >= south && b.max().y <= north
        })
    };
    let beyond = |g: &Geometry<f64>| {
        geo::BoundingRect::bounding_rect(g).is_none_or(|b| {
            b.max().x < west || b.min().x > east || b.max().y < south || b.min().y > north
        })
    };
    features
        .iter()
        .filter(|(_, g)| !inside(g))
        .filter_map(|(index, geometry)| {
            let lines = MultiLineString(lines_of(geometry).into_iter().cloned().collect());
            // Most features never meet the box: keep them whole, uncut.
            let kept = if beyond(geometry) {
                lines
            } else {
                clip.clip(&lines, true)
            };
            (!kept.0.is_empty()).then(|| (*index, Geometry::MultiLineString(kept)))
        })
        .collect()
}

fn read(file: &WorldFile, problems: &mut Vec<String>) -> Vec<BasemapFeature> {
    match crate::io::read_user_geojson(file.name, file.text.as_bytes()) {
        Ok((features, file_problems)) => {
            problems.extend(file_problems.iter().map(ToString::to_string));
            features
                .into_iter()
                .map(|f| BasemapFeature {
                    geometry: f.geometry,
                    properties: f.properties,
                })
                .collect()
        }
        Err(problem) => {
            problems.push(problem.to_string());
            Vec::new()
        }
    }
}

/// The world-unit extent of a lon/lat geometry.
fn world_bounds(geometry: &Geometry<f64>) -> Option<WorldRect> {
    geo::BoundingRect::bounding_rect(geometry).map(rect_in_world)
}

/// A lon/lat rectangle in world units.
fn rect_in_world(b: Rect<f64>) -> WorldRect {
    WorldRect {
        min: lon_lat_to_world(b.min().x, b.max().y),
        max: lon_lat_to_world(b.max().x, b.min().y),
    }
}

/// The parsed world cities (for labels), or none when the file fails.
pub(super) fn cities(problems: &mut Vec<String>) -> Vec<BasemapFeature> {
    read(&CITIES, problems)
}
