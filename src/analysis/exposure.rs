//! How exposed each hub is: geodesic distance to the monitored line and to the borders
//! of Russia and Belarus, and which named ring sets reach it.

use geo::{Contains, Geometry, LineString, MultiPolygon, Point};

use crate::basemap::Basemap;
use crate::geometry::{distance_km, distance_to_lines_km};
use crate::model::{OverlayKind, RingOrigin, Scenario};

/// The land of one country, for distances to its border.
#[derive(Debug, Clone)]
pub struct Country {
    polygons: MultiPolygon<f64>,
}

impl Default for Country {
    fn default() -> Self {
        Self {
            polygons: MultiPolygon(Vec::new()),
        }
    }
}

impl Country {
    /// The country with this ISO code among the basemap's detailed countries.
    pub fn from_basemap(basemap: &Basemap, iso: &str) -> Self {
        let polygons = basemap
            .country_fill
            .features()
            .iter()
            .filter(|(index, _)| basemap.country_iso.get(*index).is_some_and(|i| i == iso))
            .flat_map(|(_, geometry)| match geometry {
                Geometry::Polygon(p) => vec![p.clone()],
                Geometry::MultiPolygon(mp) => mp.0.clone(),
                _ => Vec::new(),
            })
            .collect();
        Self { polygons }
    }

    /// Geodesic km from a point to the country's border (0 inside it); `None` when the
    /// country is not in the basemap.
    pub fn distance_km(&self, lon_lat: [f64; 2]) -> Option<f64> {
        if self.polygons.0.is_empty() {
            return None;
        }
        if self.polygons.contains(&Point::new(lon_lat[0], lon_lat[1])) {
            return Some(0.0);
        }
        let rings = self
            .polygons
            .0
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()));
        distance_to_lines_km(lon_lat, rings)
    }
}

/// The neighbours a hub's exposure is measured against.
#[derive(Debug, Clone, Default)]
pub struct Borders {
    /// Russia (as the basemap draws it: Crimea is in Ukraine).
    pub russia: Country,
    /// Belarus.
    pub belarus: Country,
}

impl Borders {
    /// Russia and Belarus from the basemap.
    pub fn from_basemap(basemap: &Basemap) -> Self {
        Self {
            russia: Country::from_basemap(basemap, "RU"),
            belarus: Country::from_basemap(basemap, "BY"),
        }
    }
}

/// A ring set that reaches a hub, with the smallest of its radii that does.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    /// The ring set's name.
    pub ring_set: String,
    /// The smallest radius, km, within which the hub lies.
    pub radius_km: f64,
}

/// One hub's exposure. Distances are geodesic (WGS84), km.
#[derive(Debug, Clone, PartialEq)]
pub struct HubExposure {
    /// Index into `Scenario::hubs`.
    pub hub: usize,
    /// To the nearest point of the monitored line, when the scenario has one.
    pub line_km: Option<f64>,
    /// To Russia's border.
    pub russia_km: Option<f64>,
    /// To Belarus's border.
    pub belarus_km: Option<f64>,
    /// The ring sets (from the line or a fixed centre) that reach it.
    pub reached_by: Vec<Reach>,
}

impl HubExposure {
    /// "Name (≤ 100 km)" for each ring set that reaches the hub, joined.
    pub fn reach_text(&self) -> String {
        self.reached_by
            .iter()
            .map(|r| format!("{} (≤ {} km)", r.ring_set, r.radius_km))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The monitored line: every line of every ceasefire-line feature.
fn monitored_lines(scenario: &Scenario) -> Vec<LineString<f64>> {
    scenario
        .overlay_features()
        .filter(|(_, f)| f.kind == OverlayKind::CeasefireLine)
        .flat_map(|(_, f)| match &f.geometry {
            Geometry::LineString(l) => vec![l.clone()],
            Geometry::MultiLineString(ml) => ml.0.clone(),
            _ => Vec::new(),
        })
        .collect()
}

/// The exposure of every hub, in the scenario's hub order.
pub fn hub_exposures(scenario: &Scenario, borders: &Borders) -> Vec<HubExposure> {
    let line = monitored_lines(scenario);
    scenario
        .hubs
        .iter()
        .enumerate()
        .map(|(index, hub)| {
            let at = [hub.lon, hub.lat];
            let line_km = distance_to_lines_km(at, &line);
            let reached_by = scenario
                .ring_sets
                .iter()
                .filter_map(|set| {
                    let distance = match set.origin {
                        RingOrigin::Centre(centre) => Some(distance_km(centre, at)),
                        RingOrigin::Line => line_km,
                        RingOrigin::Preset => None,
                    }?;
                    let radius = set.radii_km.iter().copied().find(|r| distance <= *r)?;
                    Some(Reach {
                        ring_set: set.name.clone(),
                        radius_km: radius,
                    })
                })
                .collect();
            HubExposure {
                hub: index,
                line_km,
                russia_km: borders.russia.distance_km(at),
                belarus_km: borders.belarus.distance_km(at),
                reached_by,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn a_point_inside_a_country_is_at_distance_zero_and_outside_is_measured_to_its_edge() {
        let country = Country {
            polygons: MultiPolygon(vec![polygon![
                (x: 30.0, y: 50.0), (x: 31.0, y: 50.0), (x: 31.0, y: 51.0), (x: 30.0, y: 51.0)
            ]]),
        };
        assert_eq!(country.distance_km([30.5, 50.5]), Some(0.0));
        let outside = country.distance_km([30.5, 49.0]).unwrap_or_default();
        // The edge is a geodesic, which bows north of the 50th parallel; GeographicLib,
        // densified to 100,000 points: 111.339 km.
        assert!((outside - 111.339).abs() < 0.05, "{outside}");
        assert_eq!(Country::default().distance_km([0.0, 0.0]), None);
    }
}
