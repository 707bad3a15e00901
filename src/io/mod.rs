//! Files in, plain data and diagnostics out.

mod annotations;
mod atomic;
pub mod authoring;
mod backup;
mod bounded;
mod diagnostic;
mod events;
mod fast_geojson;
mod feature_table;
mod features;
mod files;
pub mod formats;
mod geojson_read;
mod last_good;
mod load;
mod memory;
mod nations;
mod parse;
mod record;
mod ring_sets;
mod scenario_toml;
mod slides;
mod user_folders;

pub use annotations::{
    ANNOTATIONS_FILE, AnnotationLoad, check_annotations_file, circle_ring,
    from_geojson as annotations_from_geojson, load_annotations, save_annotations,
    to_geojson as annotations_to_geojson,
};
pub use atomic::{write_atomic, write_replacing};
pub use backup::{move_aside, remove_stale_temporaries};
pub use bounded::{
    ReadError, check_regular_file, open_regular_file, read_bounded, read_text_bounded, text_of,
};
pub use diagnostic::{Diagnostic, Location, ProblemCounts, Severity, line_column};
pub use fast_geojson::{UserFeature, read_geojson_into, read_user_geojson};
pub use feature_table::FeatureTable;
pub use files::{MAX_FILE_BYTES, ReadFailure, ScenarioFiles, ScenarioSource};
pub(crate) use geojson_read::{feature_collection, parse_geometry};
pub use last_good::keep_last_good;
pub use load::{LoadReport, hubs_file_of, load_scenario};
pub use memory::{available_memory, largest_overlay_for, too_big_for_memory};
pub(crate) use parse::parse_json;
pub(crate) use scenario_toml::parse_hex_colour;
pub use slides::{
    SLIDES_FILE, SlidesLoad, check_slides, check_slides_file, load_slides, save_slides,
};
pub use user_folders::UserFolders;
