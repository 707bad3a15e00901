//! What the analyst asks of the scenario: exposure of hubs, search, filters and time.

mod exposure;
mod filter;
mod measure;
mod search;
mod sorting;
mod timeline;

pub use exposure::{Borders, Country, HubExposure, Reach, hub_exposures};
pub use filter::{Filters, Presence, PresenceMap};
pub use measure::{MapTools, Marker, Measurement, PlacedRings, parse_radii};
pub use search::{Destination, ResultKind, SearchEntry, SearchIndex, fold};
pub use sorting::{CoalitionColumn, CoalitionSort, ExposureColumn, ExposureSort, SortOrder};
pub use timeline::{Band, Stop, StopKind, TimeKey, Timeline};
