//! The offline basemap: Natural Earth layers embedded in the binary, prepared once for drawing.

mod labels;

pub use labels::{PlaceLabel, build_labels};

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

const EUROPE_COUNTRIES: Embedded = embedded!("europe_countries.geojson");
const EUROPE_CAPITALS: Embedded = embedded!("europe_capitals.geojson");
const COUNTRIES: Embedded = embedded!("countries.geojson");
const COUNTRY_BORDERS: Embedded = embedded!("country_borders.geojson");
const ADMIN1: Embedded = embedded!("admin1_ukraine.geojson");
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
    /// Generalised countries of Europe, for wide views (and beyond the detailed box).
    pub europe_fill: FillBands,
    /// Their ISO codes, by feature index.
    pub europe_iso: Vec<String>,
    /// Detailed countries around Ukraine.
    pub country_fill: FillBands,
    /// Their ISO codes, by feature index.
    pub country_iso: Vec<String>,
    /// Europe-wide country outlines, for wide views.
    pub europe_borders: LineBands,
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
    /// Parses and prepares every embedded layer. Never panics: a layer that fails is
    /// reported in `problems` and left empty.
    pub fn load() -> Self {
        let mut problems = Vec::new();
        let mut read = |layer: &Embedded| read_layer(layer, &mut problems);
        let europe = read(&EUROPE_COUNTRIES);
        let capitals = read(&EUROPE_CAPITALS);
        let countries = read(&COUNTRIES);
        let country_borders = read(&COUNTRY_BORDERS);
        let admin1 = read(&ADMIN1);
        let admin1_borders = read(&ADMIN1_BORDERS);
        let coastline = read(&COASTLINE);
        let lakes = read(&LAKES);
        let rivers = read(&RIVERS);
        let cities = read(&CITIES);
        drop(admin1);

        let geometries = |features: &[BasemapFeature]| -> Vec<Geometry<f64>> {
            features.iter().map(|f| f.geometry.clone()).collect()
        };
        let europe_geometries = geometries(&europe);
        let country_geometries = geometries(&countries);
        let river_geometries = geometries(&rivers);

        Self {
            europe_fill: FillBands::build(&enumerate(&europe_geometries)),
            europe_iso: europe.iter().map(|f| f.text("iso_a2").to_owned()).collect(),
            europe_borders: LineBands::build(&enumerate(&europe_geometries)),
            country_fill: FillBands::build(&enumerate(&country_geometries)),
            country_iso: countries
                .iter()
                .map(|f| f.text("iso_a2").to_owned())
                .collect(),
            ukraine_outline: LineBands::build(
                &enumerate(&country_geometries)
                    .into_iter()
                    .filter(|(i, _)| countries.get(*i).is_some_and(|f| f.text("iso_a2") == "UA"))
                    .collect::<Vec<_>>(),
            ),
            country_borders: LineBands::build(&enumerate(&geometries(&country_borders))),
            oblast_borders: LineBands::build(&enumerate(&geometries(&admin1_borders))),
            coastline: LineBands::build(&enumerate(&geometries(&coastline))),
            lakes: FillBands::build(&enumerate(&geometries(&lakes))),
            rivers: LineBands::build(&enumerate(&river_geometries)),
            river_rank: rivers
                .iter()
                .map(|f| {
                    f.properties
                        .get("scalerank")
                        .and_then(Value::as_f64)
                        .map_or(10, |r| r.clamp(0.0, 20.0) as u8)
                })
                .collect(),
            labels: build_labels(&capitals, &cities),
            problems,
        }
    }
}

fn enumerate(geometries: &[Geometry<f64>]) -> Vec<(usize, &Geometry<f64>)> {
    geometries.iter().enumerate().collect()
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
