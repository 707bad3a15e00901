//! Geometry helpers: Web Mercator, buffers and measurements in kilometres on the ground.

mod buffer;
mod geodesy;
pub mod grid;
mod mercator;
pub mod position;

pub use buffer::geodesic_buffer;
pub use geodesy::{
    Leg, area_km2, bearing_deg, degrees_to_mils, distance_km, distance_to_lines_km,
    geodesic_circle, geodesic_path, legs,
};
pub use mercator::{WorldPoint, lon_lat_to_world, world_to_lon_lat};

/// Ukraine's bounding box: west, south, east, north.
pub const UKRAINE_BOUNDS: [f64; 4] = [22.1, 44.3, 40.3, 52.4];
