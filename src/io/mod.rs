//! Files in, plain data and diagnostics out.

mod atomic;
mod diagnostic;
mod events;
mod features;
mod files;
mod geojson_read;
mod load;
mod nations;
mod parse;
mod record;
mod scenario_toml;

pub use atomic::write_atomic;
pub use diagnostic::{Diagnostic, Location, ProblemCounts, Severity, line_column};
pub use files::{MAX_FILE_BYTES, ScenarioFiles, ScenarioSource};
pub(crate) use geojson_read::{feature_collection, parse_geometry};
pub use load::{LoadReport, load_scenario};
pub(crate) use parse::parse_json;
