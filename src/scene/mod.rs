//! What one picture shows, below the app and above the painter: the scenario prepared
//! for drawing ([`Scene`]), the legend's rows, and the [`Picture`] snapshot that the
//! window's map, the image export, the deck and the command line all draw from.

mod choices;
mod legend;
mod picture;
mod prepared;

pub use choices::{PictureChoices, slide_filters};
pub use legend::{LegendEntry, LegendHub, LegendScope, legend_entries};
pub use picture::{Picture, PictureParts, PictureText};
pub use prepared::{FeatureLines, LayerScene, Scene};
