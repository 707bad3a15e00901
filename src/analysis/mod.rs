//! What the analyst asks of the scenario: exposure of hubs, search, filters and time.

mod exposure;

pub use exposure::{Borders, Country, HubExposure, Reach, hub_exposures};
