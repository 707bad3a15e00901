//! The offline basemap: Natural Earth layers embedded in the binary, prepared once for drawing.

mod labels;

pub use labels::{PlaceLabel, build_labels};
pub use world::{DETAIL_BOX, WorldLayers, detail_box_world};

use std::sync::OnceLock;

use geo::Geometry;
use serde_json::{Map, Value};

use crate::io::{feature_collection, parse_geometry, parse_json};
use crate::mesh::{FillBands, LineBands};

/// A basemap layer file: its name and its embedded text.
struct Embedded {
    name: &'static str,
    text: &'static str,
}

macro_rules! embedded {
    ($name:literal) => {
        Embedded {
            name: $name,
            text: include_str!(concat!("../../assets/basemap/", $name)),
        }
    };
}

// After the macro, which it uses.
mod world;

const EUROPE_CAPITALS: Embedded = embedded!("europe_capitals.geojson");
const COUNTRIES: Embedded = embedded!("countries.geojson");
const COUNTRY_BORDERS: Embedded = embedded!("country_borders.geojson");
const ADMIN1_BORDERS: Embedded = embedded!("admin1_ukraine_borders.geojson");
const COASTLINE: Embedded = embedded!("coastline.geojson");
const LAKES: Embedded = embedded!("lakes.geojson");
const RIVERS: Embedded = embedded!("rivers.geojson");
const CITIES: Embedded = embedded!("cities.geojson");

/// The provenance of the embedded layers, shown in the About box and kept beside them.
pub const PROVENANCE: &str = include_str!("../../assets/basemap/PROVENANCE.md");

/// The attribution drawn on the map.
pub const ATTRIBUTION: &str = "Basemap: Natural Earth (public domain)";

/// A feature of a basemap layer: its geometry and properties.
#[derive(Debug, Clone)]
pub struct BasemapFeature {
    /// Geometry in lon/lat.
    pub geometry: Geometry<f64>,
    /// Natural Earth properties.
    pub properties: Map<String, Value>,
}

impl BasemapFeature {
    /// A string property, or "".
    pub fn text(&self, key: &str) -> &str {
        self.properties
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
    }
}

/// The basemap ready to draw: meshes per zoom band, and labels in priority order.
#[derive(Debug, Default)]
pub struct Basemap {
    /// The whole world, beneath the detailed layers (parsed when first needed).
    world: OnceLock<WorldLayers>,
    /// Detailed countries around Ukraine.
    pub country_fill: FillBands,
    /// Their ISO codes, by feature index.
    pub country_iso: Vec<String>,
    /// Land borders between countries.
    pub country_borders: LineBands,
    /// Ukraine's outline, drawn over the borders to set it apart.
    pub ukraine_outline: LineBands,
    /// Oblast borders inside Ukraine.
    pub oblast_borders: LineBands,
    /// Coastline.
    pub coastline: LineBands,
    /// Lakes.
    pub lakes: FillBands,
    /// Rivers.
    pub rivers: LineBands,
    /// Their Natural Earth scale rank by feature index (lower = more important).
    pub river_rank: Vec<u8>,
    /// City and capital labels, most important first.
    pub labels: Vec<PlaceLabel>,
    /// Problems with the embedded files (none in a correct build).
    pub problems: Vec<String>,
}

impl Basemap {
    /// Parses every embedded layer. Meshes are built per zoom band when first drawn, or
    /// ahead of time by [`Basemap::build_all`]. Never panics: a layer that fails is
    /// reported in `problems` and left empty.
    pub fn load() -> Self {
        let mut problems = Vec::new();
        let mut read = |layer: &Embedded| read_layer(layer, &mut problems);
        let capitals = read(&EUROPE_CAPITALS);
        let countries = read(&COUNTRIES);
        let country_borders = read(&COUNTRY_BORDERS);
        let admin1_borders = read(&ADMIN1_BORDERS);
        let coastline = read(&COASTLINE);
        let lakes = read(&LAKES);
        let rivers = read(&RIVERS);
        let mut cities = read(&CITIES);
        cities.extend(world::cities(&mut problems));

        let iso = |features: &[BasemapFeature]| -> Vec<String> {
            features
                .iter()
                .map(|f| f.text("iso_a2").to_owned())
                .collect()
        };
        let ukraine: Vec<(usize, Geometry<f64>)> = countries
            .iter()
            .enumerate()
            .filter(|(_, f)| f.text("iso_a2") == "UA")
            .map(|(i, f)| (i, f.geometry.clone()))
            .collect();
        Self {
            country_iso: iso(&countries),
            river_rank: rivers.iter().map(scale_rank).collect(),
            labels: build_labels(&capitals, &cities),
            world: OnceLock::new(),
            country_fill: FillBands::new(indexed(&countries)),
            ukraine_outline: LineBands::new(ukraine),
            country_borders: LineBands::new(indexed(&country_borders)),
            oblast_borders: LineBands::new(indexed(&admin1_borders)),
            coastline: LineBands::new(indexed(&coastline)),
            lakes: FillBands::new(indexed(&lakes)),
            rivers: LineBands::new(indexed(&rivers)),
            problems,
        }
    }

    /// The world layers, parsed now if they were not yet (a few tens of milliseconds;
    /// the warm-up thread usually has them ready before the first frame asks).
    pub fn world(&self) -> &WorldLayers {
        self.world.get_or_init(|| {
            let mut problems = Vec::new();
            let world = WorldLayers::load(&mut problems);
            for problem in problems {
                log::error!("world basemap: {problem}");
            }
            world
        })
    }

    /// Where to put a country's name or handle (Natural Earth's label point).
    pub fn country_anchor(&self, iso: &str) -> Option<(f64, f64)> {
        self.world().anchors.get(iso).copied()
    }

    /// Builds every layer's meshes for every zoom band (call it off the UI thread).
    pub fn build_all(&self) {
        // The usual first view (Ukraine, zoom 5 to 6) first, so the first frame finds its
        // meshes built or being built instead of building them itself one by one.
        self.build_for_zoom(FIRST_VIEW_ZOOM);
        self.world().build_all();
        for fill in self.fills() {
            fill.build_all();
        }
        for lines in self.lines() {
            lines.build_all();
        }
    }

    /// Builds every layer's mesh for `zoom`.
    pub fn build_for_zoom(&self, zoom: f64) {
        self.world().build_for_zoom(zoom);
        for fill in self.fills() {
            fill.for_zoom(zoom);
        }
        for lines in self.lines() {
            lines.for_zoom(zoom);
        }
    }

    fn fills(&self) -> [&FillBands; 2] {
        [&self.country_fill, &self.lakes]
    }

    fn lines(&self) -> [&LineBands; 5] {
        [
            &self.ukraine_outline,
            &self.country_borders,
            &self.oblast_borders,
            &self.coastline,
            &self.rivers,
        ]
    }
}

/// The zoom the window usually opens at (Ukraine framed on a laptop or projector).
const FIRST_VIEW_ZOOM: f64 = 5.6;

fn indexed(features: &[BasemapFeature]) -> Vec<(usize, Geometry<f64>)> {
    features
        .iter()
        .enumerate()
        .map(|(i, f)| (i, f.geometry.clone()))
        .collect()
}

/// Natural Earth's scale rank of a feature (lower = more important; 10 when absent).
fn scale_rank(feature: &BasemapFeature) -> u8 {
    feature
        .properties
        .get("scalerank")
        .and_then(Value::as_f64)
        .map_or(10, |r| r.clamp(0.0, 20.0) as u8)
}

fn read_layer(layer: &Embedded, problems: &mut Vec<String>) -> Vec<BasemapFeature> {
    let root = match parse_json(layer.name, layer.text) {
        Ok(root) => root,
        Err(d) => {
            problems.push(d.to_string());
            return Vec::new();
        }
    };
    let raw = match feature_collection(layer.name, root) {
        Ok(raw) => raw,
        Err(d) => {
            problems.push(d.to_string());
            return Vec::new();
        }
    };
    raw.into_iter()
        .filter_map(|feature| {
            let geometry = feature.geometry.as_ref()?;
            match parse_geometry(geometry) {
                Ok((geometry, _warnings)) => Some(BasemapFeature {
                    geometry,
                    properties: feature.properties,
                }),
                Err(problem) => {
                    problems.push(format!(
                        "{}: feature {}: {}",
                        layer.name, feature.index, problem.message
                    ));
                    None
                }
            }
        })
        .collect()
}

/// Which basemap layers are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct BasemapLayers {
    /// Oblast borders.
    pub oblasts: bool,
    /// Rivers.
    pub rivers: bool,
    /// Lakes.
    pub lakes: bool,
    /// City labels.
    pub labels: bool,
    /// The latitude/longitude graticule.
    pub graticule: bool,
    /// The MGRS grid.
    pub mgrs_grid: bool,
}

impl Default for BasemapLayers {
    fn default() -> Self {
        Self {
            oblasts: true,
            rivers: true,
            lakes: true,
            labels: true,
            graticule: false,
            mgrs_grid: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_basemap_loads_without_problems() {
        let basemap = Basemap::load();
        assert!(basemap.problems.is_empty(), "{:?}", basemap.problems);
        assert!(basemap.country_iso.iter().any(|iso| iso == "UA"));
        assert!(basemap.labels.iter().any(|l| l.name == "Paris"));
        assert_eq!(
            basemap.labels.first().map(|l| l.name.as_str()),
            Some("Kyiv")
        );
    }
}
