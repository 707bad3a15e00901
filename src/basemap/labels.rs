//! Place labels: which cities to name, in what order, from which zoom.

use serde_json::Value;

use super::BasemapFeature;
use crate::geometry::{WorldPoint, lon_lat_to_world};

/// A place name to draw on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceLabel {
    /// English name.
    pub name: String,
    /// Ukrainian name, when known.
    pub name_uk: Option<String>,
    /// Where, in world units.
    pub position: WorldPoint,
    /// Longitude and latitude.
    pub lon_lat: (f64, f64),
    /// 0 for Kyiv, 1 for national capitals, 2 for oblast centres, 3+ for other towns.
    pub rank: u8,
    /// Not shown below this zoom.
    pub min_zoom: f64,
    /// Population, to order places of equal rank.
    pub population: f64,
}

/// Capitals first (Kyiv above all), then Ukraine's oblast centres, then other towns by size.
pub fn build_labels(capitals: &[BasemapFeature], cities: &[BasemapFeature]) -> Vec<PlaceLabel> {
    let mut labels: Vec<PlaceLabel> = Vec::new();
    let tagged = capitals
        .iter()
        .map(|f| (f, true))
        .chain(cities.iter().map(|f| (f, false)));
    for (feature, from_capitals) in tagged {
        let geo::Geometry::Point(point) = &feature.geometry else {
            continue;
        };
        let name = feature.text("name").to_owned();
        // Capitals come twice (both files, sometimes spelled differently): keep the first.
        if name.is_empty()
            || labels
                .iter()
                .any(|l| near(l.lon_lat, (point.x(), point.y())))
        {
            continue;
        }
        let number = |key: &str| feature.properties.get(key).and_then(Value::as_f64);
        let flag = |key: &str| {
            feature
                .properties
                .get(key)
                .and_then(Value::as_bool)
                .unwrap_or(false)
        };
        let in_ukraine = feature.text("iso_a2") == "UA";
        let national_capital = from_capitals
            || flag("is_national_capital")
            || feature.text("featurecla") == "Admin-0 capital";
        let (rank, min_zoom) = if name == "Kyiv" {
            (0, 0.0)
        } else if national_capital {
            (1, 3.0)
        } else if in_ukraine && flag("is_admin1_capital") {
            (2, 4.5)
        } else {
            let scalerank = number("scalerank").unwrap_or(10.0);
            let natural = number("min_zoom").unwrap_or(8.0);
            (3 + scalerank.clamp(0.0, 10.0) as u8, natural.max(6.0))
        };
        labels.push(PlaceLabel {
            name_uk: Some(feature.text("name_uk").to_owned()).filter(|s| !s.is_empty()),
            name,
            position: lon_lat_to_world(point.x(), point.y()),
            lon_lat: (point.x(), point.y()),
            rank,
            min_zoom,
            population: number("population").unwrap_or(0.0),
        });
    }
    labels.sort_by(|a, b| {
        a.rank
            .cmp(&b.rank)
            .then(b.population.total_cmp(&a.population))
    });
    labels
}

fn near(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.05 && (a.1 - b.1).abs() < 0.05
}
