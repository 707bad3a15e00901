//! What the user has selected: plain data, shared by the map, the panels and search.

/// What the user has selected on the map.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Selection {
    /// A hub, by id.
    Hub(String),
    /// An overlay feature, by layer id and feature id.
    Feature {
        /// Layer id.
        layer: String,
        /// Feature id.
        id: String,
    },
    /// A country of the coalition (or its adversary), by ISO code.
    Nation(String),
    /// A feature of a user overlay, by overlay id and feature index.
    User {
        /// The overlay's id.
        layer: u64,
        /// The feature's index in its file.
        feature: usize,
    },
}

impl Selection {
    /// True when this selects the given overlay feature.
    pub fn is_feature(&self, layer_id: &str, feature_id: &str) -> bool {
        matches!(self, Selection::Feature { layer, id } if layer == layer_id && id == feature_id)
    }

    /// True when this selects the given hub.
    pub fn is_hub(&self, hub_id: &str) -> bool {
        matches!(self, Selection::Hub(id) if id == hub_id)
    }
}
