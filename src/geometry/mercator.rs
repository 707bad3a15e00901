//! Normalised Web Mercator: the world is the unit square, x east, y south,
//! as in slippy map tiles. Geometry is projected into it once at load.

use std::f64::consts::PI;

/// The latitude limit of Web Mercator.
const MAX_LAT: f64 = 85.051_128_779_806_59;

/// A point in normalised Web Mercator (0..1 on both axes).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WorldPoint {
    /// 0 at 180°W, 1 at 180°E.
    pub x: f64,
    /// 0 at the north limit, 1 at the south limit.
    pub y: f64,
}

/// Projects lon/lat degrees to normalised Web Mercator.
///
/// ```
/// use backstop::geometry::lon_lat_to_world;
/// let p = lon_lat_to_world(0.0, 0.0);
/// assert!((p.x - 0.5).abs() < 1e-12 && (p.y - 0.5).abs() < 1e-12);
/// ```
pub fn lon_lat_to_world(lon: f64, lat: f64) -> WorldPoint {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    WorldPoint {
        x: (lon + 180.0) / 360.0,
        y: (1.0 - lat.tan().asinh() / PI) / 2.0,
    }
}

/// The inverse of [`lon_lat_to_world`]: returns (lon, lat) in degrees.
pub fn world_to_lon_lat(point: WorldPoint) -> (f64, f64) {
    let lon = point.x * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * point.y)).sinh().atan().to_degrees();
    (lon, lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips_over_ukraine() {
        let (lon, lat) = world_to_lon_lat(lon_lat_to_world(30.52, 50.45));
        assert!((lon - 30.52).abs() < 1e-9 && (lat - 50.45).abs() < 1e-9);
    }
}
