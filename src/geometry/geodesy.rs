//! Measurements on the WGS84 ellipsoid (Karney's geodesics through geo): distances,
//! bearings in degrees and NATO mils, path lengths, areas, and the distance from a point
//! to the nearest part of a line or a border.

use geo::{
    Bearing, Destination, Distance, Geodesic, GeodesicArea, InterpolatePoint, LineString, Point,
    Polygon,
};

/// A position as `[lon, lat]` in degrees.
pub type LonLat = [f64; 2];

/// NATO mils in a full turn.
const MILS_PER_TURN: f64 = 6400.0;

fn point(p: LonLat) -> Point<f64> {
    Point::new(p[0], p[1])
}

/// Geodesic distance in km.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    Geodesic.distance(point(a), point(b)) / 1000.0
}

/// Initial bearing from `a` to `b` in degrees clockwise from true north, 0..360.
pub fn bearing_deg(a: LonLat, b: LonLat) -> f64 {
    Geodesic.bearing(point(a), point(b))
}

/// Degrees to NATO mils (6,400 to the turn).
pub fn degrees_to_mils(degrees: f64) -> f64 {
    degrees.rem_euclid(360.0) * MILS_PER_TURN / 360.0
}

/// A geodesic circle (every point `radius_km` from `centre` on the ellipsoid) as a closed
/// ring of `steps` + 1 points.
pub fn geodesic_circle(centre: LonLat, radius_km: f64, steps: usize) -> Vec<LonLat> {
    let steps = steps.max(8);
    let mut ring: Vec<LonLat> = (0..steps)
        .map(|i| {
            let azimuth = i as f64 * 360.0 / steps as f64;
            let p = Geodesic.destination(point(centre), azimuth, radius_km * 1000.0);
            [p.x(), p.y()]
        })
        .collect();
    if let Some(first) = ring.first().copied() {
        ring.push(first);
    }
    ring
}

/// The points of the geodesic from `a` to `b`, `steps` + 1 of them, for drawing it as
/// the curve it is on a Mercator map.
pub fn geodesic_path(a: LonLat, b: LonLat, steps: usize) -> Vec<LonLat> {
    let steps = steps.max(1);
    (0..=steps)
        .map(|i| {
            let p = Geodesic.point_at_ratio_between(point(a), point(b), i as f64 / steps as f64);
            [p.x(), p.y()]
        })
        .collect()
}

/// One leg of a measured path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg {
    /// Geodesic length, km.
    pub km: f64,
    /// Initial bearing, degrees from true north.
    pub bearing_deg: f64,
}

impl Leg {
    /// The bearing in NATO mils.
    pub fn mils(&self) -> f64 {
        degrees_to_mils(self.bearing_deg)
    }
}

/// The legs between consecutive points.
pub fn legs(points: &[LonLat]) -> Vec<Leg> {
    points
        .windows(2)
        .map(|pair| Leg {
            km: distance_km(pair[0], pair[1]),
            bearing_deg: bearing_deg(pair[0], pair[1]),
        })
        .collect()
}

/// The area enclosed by a ring of points (closed or not), km², whatever its winding.
pub fn area_km2(ring: &[LonLat]) -> f64 {
    if ring.len() < 3 {
        return 0.0;
    }
    let coords: Vec<geo::Coord<f64>> = ring
        .iter()
        .map(|p| geo::coord! {x: p[0], y: p[1]})
        .collect();
    Polygon::new(LineString::new(coords), Vec::new()).geodesic_area_unsigned() / 1e6
}

/// The shortest geodesic distance in km from `from` to any point of the polylines.
/// `None` when there are no segments or points.
///
/// Each segment gets a lower bound from the triangle inequality on the sphere (cheap);
/// segments are then searched along their geodesic, nearest bound first, until no
/// bound left can beat the best distance found.
pub fn distance_to_lines_km<'a>(
    from: LonLat,
    lines: impl IntoIterator<Item = &'a LineString<f64>>,
) -> Option<f64> {
    let mut candidates: Vec<(f64, LonLat, LonLat)> = Vec::new();
    for line in lines {
        let coords = &line.0;
        if coords.len() == 1 {
            let p = [coords[0].x, coords[0].y];
            candidates.push((haversine_km(from, p), p, p));
        }
        for pair in coords.windows(2) {
            let (a, b) = ([pair[0].x, pair[0].y], [pair[1].x, pair[1].y]);
            // For q on a–b: d(p,q) ≥ (d(p,a) + d(p,b) − |ab|) / 2.
            let bound = (haversine_km(from, a) + haversine_km(from, b) - haversine_km(a, b)) / 2.0;
            candidates.push((bound, a, b));
        }
    }
    candidates.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut best: Option<f64> = None;
    for &(bound, a, b) in &candidates {
        // The sphere and the ellipsoid differ by under 0.6%.
        if best.is_some_and(|best| bound * 0.994 - 0.01 > best) {
            break;
        }
        let d = distance_to_segment_km(from, a, b);
        best = Some(best.map_or(d, |best: f64| best.min(d)));
    }
    best
}

/// Great-circle distance on the mean sphere, km: a cheap bound for the geodesic one.
fn haversine_km(a: LonLat, b: LonLat) -> f64 {
    let (lat1, lat2) = (a[1].to_radians(), b[1].to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b[0] - a[0]).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Mean Earth radius, km (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The shortest geodesic distance from `from` to the geodesic segment `a`–`b`, km.
fn distance_to_segment_km(from: LonLat, a: LonLat, b: LonLat) -> f64 {
    use geographiclib_rs::{DirectGeodesic, InverseGeodesic};
    let wgs84 = geographiclib_rs::Geodesic::wgs84();
    let (length, azimuth, _, _): (f64, f64, f64, f64) = wgs84.inverse(a[1], a[0], b[1], b[0]);
    let at = |t: f64| {
        let (lat, lon): (f64, f64) = wgs84.direct(a[1], a[0], azimuth, length * t);
        let d: f64 = wgs84.inverse(from[1], from[0], lat, lon);
        d / 1000.0
    };
    // Golden-section search: the distance along a short geodesic has one minimum.
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let (mut low, mut high) = (0.0, 1.0);
    let mut x1 = high - ratio * (high - low);
    let mut x2 = low + ratio * (high - low);
    let (mut f1, mut f2) = (at(x1), at(x2));
    // Down to about a metre along the segment.
    let tolerance = (0.001 / length.max(1.0)).max(1e-9);
    while high - low > tolerance {
        if f1 < f2 {
            high = x2;
            x2 = x1;
            f2 = f1;
            x1 = high - ratio * (high - low);
            f1 = at(x1);
        } else {
            low = x1;
            x1 = x2;
            f1 = f2;
            x2 = low + ratio * (high - low);
            f2 = at(x2);
        }
    }
    f1.min(f2).min(at(0.0)).min(at(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values computed once with GeographicLib 2.0 (Python, WGS84 Inverse),
    // an implementation independent of geo's Rust port.
    const KYIV: LonLat = [30.5234, 50.4501];
    const LVIV: LonLat = [24.0297, 49.8397];
    const PARIS: LonLat = [2.3522, 48.8566];
    const ODESA: LonLat = [30.7233, 46.4825];

    fn within(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= expected.abs() * tolerance
    }

    #[test]
    fn distances_agree_with_geographiclib_within_a_tenth_of_a_percent() {
        for (a, b, km) in [
            (KYIV, LVIV, 468.953_f64),
            (KYIV, PARIS, 2_029.652),
            (KYIV, ODESA, 441.442),
        ] {
            let d = distance_km(a, b);
            assert!(within(d, km, 0.001), "{d} km, expected {km}");
        }
    }

    #[test]
    fn bearings_agree_with_geographiclib_and_convert_to_mils() {
        let west = bearing_deg(KYIV, LVIV);
        assert!((west - 264.181).abs() < 0.05, "{west}");
        let south = bearing_deg(KYIV, ODESA);
        assert!((south - 178.006).abs() < 0.05, "{south}");
        assert!((degrees_to_mils(90.0) - 1600.0).abs() < 1e-9);
        assert!((degrees_to_mils(-90.0) - 4800.0).abs() < 1e-9);
    }

    #[test]
    fn a_one_degree_square_at_the_equator_has_its_ellipsoidal_area() {
        let square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        // GeographicLib PolygonArea: 12,308.778 km².
        assert!(within(area_km2(&square), 12_308.778, 0.001));
    }

    #[test]
    fn distance_to_a_line_is_the_nearest_point_between_its_vertices() {
        // A meridian segment from 45°N to 55°N at 30°E; a point 1° of longitude east of
        // it at 50°N is nearest to the segment's middle, not to a vertex.
        let line = LineString::from(vec![(30.0, 45.0), (30.0, 55.0)]);
        let d = distance_to_lines_km([31.0, 50.0], [&line]).unwrap_or_default();
        // GeographicLib: nearest point on the geodesic 71.694 km away (densified to 200,000 points).
        assert!(within(d, 71.694, 0.001), "{d}");
        let vertex = distance_km([31.0, 50.0], [30.0, 45.0]);
        assert!(d < vertex / 5.0);
    }

    #[test]
    fn every_point_of_a_geodesic_circle_is_at_its_radius() {
        for p in geodesic_circle(KYIV, 300.0, 36) {
            assert!((distance_km(KYIV, p) - 300.0).abs() < 1e-6);
        }
    }

    #[test]
    fn distance_to_nothing_is_none() {
        assert_eq!(distance_to_lines_km([30.0, 50.0], []), None);
    }
}
