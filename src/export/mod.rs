//! Pictures and files that leave the app: off-screen map images, vector pages (PDF,
//! SVG), decks (PNG folders, PowerPoint, PDF handouts) and data formats.

mod deck;
mod formats;
mod furniture;
mod handout;
pub mod page;
mod picture;
pub mod pptx;
mod render;
mod user_formats;
pub mod vector;
mod vector_picture;

pub use deck::{DeckPage, SLIDE_POINTS_HIGH, render_deck, slide_options, slide_view};
pub use formats::{hubs_to_csv, to_geojson, to_kml};
pub use furniture::{credit_line, sources_line};
pub use handout::write_handout;
pub use page::{PageSize, Paper};
pub use picture::{
    EXPORT_POINTS_HIGH, ExportOptions, ExportView, PictureLayout, draw_picture, fit_ukraine_view,
    fit_view, pixels_per_point_for, render_picture,
};
pub use render::{OffscreenRenderer, RenderError};
pub use user_formats::{user_layers_to_csv, user_layers_to_geojson, user_layers_to_kml};
pub use vector_picture::{
    VectorFormat, VectorRequest, vector_drawing, vector_view, write_vector_picture,
};
