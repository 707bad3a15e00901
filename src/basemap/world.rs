//! The world layers: every country, border, large lake, major river and great city on
//! Earth, drawn beneath the detailed layers so that no view ends at the sea. They are
//! parsed the first time they are drawn (or by the warm-up thread); in detailed views
//! their lines are drawn clipped to the screen outside the detailed box.

use geo::{Geometry, Rect};
use serde_json::Value;
use std::collections::HashMap;

use super::{BasemapFeature, Embedded};
use crate::geometry::lon_lat_to_world;
use crate::mesh::{FillBands, LineBands, WorldRect};

/// The box the detailed (unsimplified) layers cover: west, south, east, north.
pub const DETAIL_BOX: [f64; 4] = [12.0, 40.0, 45.0, 57.0];

const COUNTRIES: Embedded = embedded!("world/world_countries.geojson");
const BORDERS: Embedded = embedded!("world/world_country_borders.geojson");
const LAKES: Embedded = embedded!("world/world_lakes.geojson");
const RIVERS: Embedded = embedded!("world/world_rivers.geojson");
/// The world's capitals and great cities (their labels join the basemap's).
const CITIES: Embedded = embedded!("world/world_cities.geojson");

/// The world layers are generalised to about 1:50m (0.03°, some 3 km): the band for
/// zoom 5 holds all they have, and closer views draw that band.
const GENERALISED_ZOOM: f64 = 5.0;

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
    /// Land borders between countries.
    pub borders: LineBands,
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
            fill: FillBands::generalised_for(super::indexed(&countries), GENERALISED_ZOOM),
            outlines: LineBands::generalised_for(super::indexed(&countries), GENERALISED_ZOOM),
            lakes: FillBands::generalised_for(super::indexed(&lakes), GENERALISED_ZOOM),
            rivers: LineBands::generalised_for(super::indexed(&rivers), GENERALISED_ZOOM),
            borders: LineBands::generalised_for(super::indexed(&borders), GENERALISED_ZOOM),
            iso,
            country_bounds,
            anchors,
        }
    }

    /// Builds every mesh now (the warm-up thread calls it).
    pub fn build_all(&self) {
        self.fill.build_all();
        self.lakes.build_all();
        for lines in [&self.outlines, &self.rivers, &self.borders] {
            lines.build_all();
        }
    }

    /// Builds every layer's mesh for `zoom` now.
    pub fn build_for_zoom(&self, zoom: f64) {
        self.fill.for_zoom(zoom);
        self.lakes.for_zoom(zoom);
        for lines in [&self.outlines, &self.rivers, &self.borders] {
            lines.for_zoom(zoom);
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

fn read(file: &Embedded, problems: &mut Vec<String>) -> Vec<BasemapFeature> {
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
