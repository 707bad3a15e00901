//! Pictures and files that leave the app: off-screen map images and data formats.

mod deck;
mod formats;
mod picture;
mod render;
mod user_formats;

pub use deck::{DeckPage, SLIDE_POINTS_HIGH, render_deck};
pub use formats::{hubs_to_csv, to_geojson, to_kml};
pub use picture::{
    EXPORT_POINTS_HIGH, ExportOptions, ExportView, draw_picture, fit_ukraine_view, fit_view,
    pixels_per_point_for, render_picture,
};
pub use render::{OffscreenRenderer, RenderError};
pub use user_formats::{user_layers_to_csv, user_layers_to_geojson, user_layers_to_kml};
