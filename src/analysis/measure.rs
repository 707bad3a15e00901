//! The Measure tool's path and the range rings placed on the map.

use crate::geometry::{Leg, area_km2, legs};

/// A position as `[lon, lat]` in degrees.
pub type LonLat = [f64; 2];

/// A measured path: legs and total in km (geodesic), and an area when closed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measurement {
    /// The clicked points.
    pub points: Vec<LonLat>,
    /// The path returns to its first point and encloses an area.
    pub closed: bool,
    /// Ended (Esc or double-click); the next click starts a new path.
    pub finished: bool,
}

impl Measurement {
    /// Adds a point; after a finished path, starts a new one.
    pub fn add(&mut self, point: LonLat) {
        if self.finished || self.closed {
            *self = Self::default();
        }
        // A double-click's two clicks land on the same spot: keep one point.
        if self.points.last() != Some(&point) {
            self.points.push(point);
        }
    }

    /// Takes back the last point (right-click).
    pub fn undo_last(&mut self) {
        if self.closed {
            self.closed = false;
        } else {
            self.points.pop();
        }
        self.finished = false;
    }

    /// Ends the path where it is.
    pub fn finish(&mut self) {
        self.finished = true;
    }

    /// Closes the path into an area; false with fewer than three points.
    pub fn close(&mut self) -> bool {
        if self.points.len() < 3 {
            return false;
        }
        self.closed = true;
        self.finished = true;
        true
    }

    /// True when nothing has been measured.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The points as drawn: a closed path repeats its first point.
    pub fn path(&self) -> Vec<LonLat> {
        let mut path = self.points.clone();
        if self.closed
            && let Some(first) = self.points.first()
        {
            path.push(*first);
        }
        path
    }

    /// Each leg, in order (with the closing leg when closed).
    pub fn legs(&self) -> Vec<Leg> {
        legs(&self.path())
    }

    /// The whole length, km.
    pub fn total_km(&self) -> f64 {
        self.legs().iter().map(|l| l.km).sum()
    }

    /// The enclosed area, km², when closed.
    pub fn area_km2(&self) -> Option<f64> {
        self.closed.then(|| area_km2(&self.points))
    }
}

/// Range rings placed on the map: geodesic circles around one centre.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedRings {
    /// Centre.
    pub centre: LonLat,
    /// Radii, km, ascending.
    pub radii_km: Vec<f64>,
    /// What they show (a ring set's name, or the hub they are around).
    pub name: String,
}

/// Parses "10, 25, 50" into sorted radii in km; `None` when any is not a positive number.
pub fn parse_radii(text: &str) -> Option<Vec<f64>> {
    let mut radii = Vec::new();
    let text = text.replace("km", " ");
    for part in text.split([',', ';', ' ']).filter(|p| !p.trim().is_empty()) {
        let value: f64 = part.trim().parse().ok()?;
        if !(value > 0.0 && value <= 10_000.0) {
            return None;
        }
        radii.push(value);
    }
    if radii.is_empty() {
        return None;
    }
    radii.sort_by(f64::total_cmp);
    radii.dedup();
    Some(radii)
}

/// The Measure and Range rings tools' state.
#[derive(Debug, Clone, PartialEq)]
pub struct MapTools {
    /// The path being (or last) measured.
    pub measurement: Measurement,
    /// Rings on the map.
    pub rings: Vec<PlacedRings>,
    /// The radii the next rings get, as typed.
    pub radii_text: String,
    /// The name the next rings get.
    pub rings_name: String,
    /// A marker the user dropped (a searched position), if any.
    pub marker: Option<Marker>,
}

/// A marked position: where a search for a grid reference or coordinates landed.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Lon, lat.
    pub at: [f64; 2],
    /// What the user wrote, as understood ("MGRS 36U UA 12345 67890").
    pub label: String,
}

impl Default for MapTools {
    fn default() -> Self {
        Self {
            measurement: Measurement::default(),
            rings: Vec::new(),
            radii_text: "25, 50, 100".into(),
            rings_name: "Range rings".into(),
            marker: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_sums_its_legs_and_a_closed_one_has_an_area() {
        let mut m = Measurement::default();
        m.add([0.0, 0.0]);
        m.add([1.0, 0.0]);
        m.add([1.0, 0.0]);
        m.add([1.0, 1.0]);
        assert_eq!(m.points.len(), 3);
        // GeographicLib: 111.319 + 110.574 km.
        assert!((m.total_km() - 221.893).abs() < 0.01, "{}", m.total_km());
        assert_eq!(m.area_km2(), None);
        m.add([0.0, 1.0]);
        assert!(m.close());
        assert_eq!(m.legs().len(), 4);
        let area = m.area_km2().unwrap_or_default();
        assert!((area - 12_308.778).abs() < 1.0, "{area}");
        // The next click starts again.
        m.add([5.0, 5.0]);
        assert_eq!(m.points, vec![[5.0, 5.0]]);
        assert!(!m.closed);
    }

    #[test]
    fn right_click_takes_back_the_last_point_or_the_closing() {
        let mut m = Measurement::default();
        for p in [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]] {
            m.add(p);
        }
        assert!(m.close());
        m.undo_last();
        assert!(!m.closed);
        assert_eq!(m.points.len(), 3);
        m.undo_last();
        assert_eq!(m.points.len(), 2);
    }

    #[test]
    fn radii_parse_from_a_typed_list() {
        assert_eq!(parse_radii("50, 10;25 km"), Some(vec![10.0, 25.0, 50.0]));
        assert_eq!(parse_radii("10, -5"), None);
        assert_eq!(parse_radii(""), None);
    }
}
