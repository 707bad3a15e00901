//! Geometry helpers: Web Mercator, and buffers measured in kilometres on the ground.

mod buffer;
mod mercator;

pub use buffer::geodesic_buffer;
pub use mercator::{WorldPoint, lon_lat_to_world, world_to_lon_lat};
