//! What the analyst asks of the scenario: exposure of hubs, search, filters and time.

mod exposure;
mod measure;
mod search;

pub use exposure::{Borders, Country, HubExposure, Reach, hub_exposures};
pub use measure::{MapTools, Measurement, PlacedRings, parse_radii};
pub use search::{Destination, ResultKind, SearchEntry, SearchIndex, fold};
