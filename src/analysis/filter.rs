//! Filters by nation, kind, status and phase, and the "as of" time: together they say
//! for every hub and overlay feature whether it is shown, dimmed or hidden.

use std::collections::BTreeSet;

use super::timeline::{TimeKey, Timeline};
use crate::model::{HubKind, OverlayKind, Scenario, Status, Validity};

/// How a hub or feature is drawn under the filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Presence {
    /// Drawn as usual.
    #[default]
    Shown,
    /// Filtered out, drawn faint.
    Dimmed,
    /// Not drawn, not clickable.
    Hidden,
}

/// The active filters. Empty sets filter nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Nations (ISO codes): a hub passes when one leads it or is a partner; a feature
    /// when its operator is one of them.
    pub nations: BTreeSet<String>,
    /// Hub kinds.
    pub hub_kinds: BTreeSet<HubKind>,
    /// Overlay feature kinds.
    pub overlay_kinds: BTreeSet<OverlayKind>,
    /// Statuses.
    pub statuses: BTreeSet<Status>,
    /// A phase id: only what is valid during it passes.
    pub phase: Option<String>,
    /// Filtered-out things are hidden rather than dimmed.
    pub hide: bool,
}

impl Filters {
    /// True when any filter is set.
    pub fn is_active(&self) -> bool {
        !self.nations.is_empty()
            || !self.hub_kinds.is_empty()
            || !self.overlay_kinds.is_empty()
            || !self.statuses.is_empty()
            || self.phase.is_some()
    }

    /// Clears every filter (keeps the dim/hide choice).
    pub fn clear(&mut self) {
        *self = Self {
            hide: self.hide,
            ..Self::default()
        };
    }
}

/// Shown, dimmed or hidden for every hub and every overlay feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PresenceMap {
    /// By hub index.
    pub hubs: Vec<Presence>,
    /// By layer index, then feature index.
    pub features: Vec<Vec<Presence>>,
    /// By hub index: planned or anticipated at the picture's time, not yet present.
    pub planned_hubs: Vec<bool>,
}

impl PresenceMap {
    /// A hub's presence (shown when unknown).
    pub fn hub(&self, index: usize) -> Presence {
        self.hubs.get(index).copied().unwrap_or_default()
    }

    /// True when the hub is planned at the picture's time (a dashed APP-6 frame).
    pub fn hub_planned(&self, index: usize) -> bool {
        self.planned_hubs.get(index).copied().unwrap_or(false)
    }

    /// A feature's presence (shown when unknown).
    pub fn feature(&self, layer: usize, feature: usize) -> Presence {
        self.features
            .get(layer)
            .and_then(|f| f.get(feature))
            .copied()
            .unwrap_or_default()
    }

    /// Works out every presence: outside the "as of" time is hidden; filtered out is
    /// dimmed or hidden as the filters say.
    pub fn compute(
        scenario: &Scenario,
        filters: &Filters,
        timeline: &Timeline,
        as_of: Option<TimeKey>,
    ) -> Self {
        let phase_key = filters
            .phase
            .as_ref()
            .and_then(|p| timeline.key_of(&Validity::Phase(p.clone())));
        let filtered = if filters.hide {
            Presence::Hidden
        } else {
            Presence::Dimmed
        };
        let decide = |from: Option<&Validity>, to: Option<&Validity>, passes: bool| {
            if as_of.is_some_and(|at| !timeline.is_valid_at(from, to, at)) {
                Presence::Hidden
            } else if !passes || phase_key.is_some_and(|at| !timeline.is_valid_at(from, to, at)) {
                filtered
            } else {
                Presence::Shown
            }
        };
        let nation_names: Vec<String> = filters
            .nations
            .iter()
            .filter_map(|iso| scenario.nation(iso).map(|n| n.name.to_lowercase()))
            .collect();
        let hubs = scenario
            .hubs
            .iter()
            .map(|hub| {
                let passes = (filters.nations.is_empty()
                    || hub
                        .lead
                        .iter()
                        .chain(&hub.partners)
                        .any(|c| filters.nations.contains(&c.to_uppercase())))
                    && (filters.hub_kinds.is_empty() || filters.hub_kinds.contains(&hub.kind))
                    && (filters.statuses.is_empty() || filters.statuses.contains(&hub.status))
                    // A filter on overlay kinds alone leaves hubs out.
                    && (filters.overlay_kinds.is_empty() || !filters.hub_kinds.is_empty());
                decide(hub.valid_from.as_ref(), hub.valid_to.as_ref(), passes)
            })
            .collect();
        let features = scenario
            .layers
            .iter()
            .map(|layer| {
                layer
                    .features
                    .iter()
                    .map(|f| {
                        let operator = f.operator.to_lowercase();
                        let passes = (filters.nations.is_empty()
                            || nation_names.iter().any(|n| operator.contains(n.as_str())))
                            && (filters.overlay_kinds.is_empty()
                                || filters.overlay_kinds.contains(&f.kind))
                            && (filters.statuses.is_empty()
                                || filters.statuses.contains(&f.status))
                            && (filters.hub_kinds.is_empty() || !filters.overlay_kinds.is_empty());
                        decide(f.valid_from.as_ref(), f.valid_to.as_ref(), passes)
                    })
                    .collect()
            })
            .collect();
        // The picture's time: the "as of" cursor, else the scenario's own date. A hub
        // whose validity starts after it (a later date, or a phase not yet begun, such as
        // the ceasefire) is planned, not present.
        let now = as_of.or(scenario.as_of.map(TimeKey::Dated));
        let planned_hubs = scenario
            .hubs
            .iter()
            .map(|hub| {
                let starts = hub.valid_from.as_ref().and_then(|v| timeline.key_of(v));
                matches!((starts, now), (Some(starts), Some(now)) if starts > now)
            })
            .collect();
        Self {
            hubs,
            features,
            planned_hubs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{ScenarioFiles, ScenarioSource, load_scenario};

    #[test]
    fn status_filters_dim_or_hide_and_time_hides() {
        let scenario = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin)).scenario;
        let timeline = Timeline::of(&scenario);
        let index = |id: &str| scenario.hubs.iter().position(|h| h.id == id).unwrap_or(99);
        let mut filters = Filters::default();
        filters.statuses.insert(Status::Reported);
        let map = PresenceMap::compute(&scenario, &filters, &timeline, None);
        assert_eq!(map.hub(index("forward-cell-kyiv")), Presence::Shown);
        assert_eq!(map.hub(index("hub-west")), Presence::Dimmed);
        filters.hide = true;
        let map = PresenceMap::compute(&scenario, &filters, &timeline, None);
        assert_eq!(map.hub(index("hub-west")), Presence::Hidden);
        filters.clear();
        assert!(!filters.is_active());
        let before_d = timeline.key_of(&Validity::Phase("pre-ceasefire".into()));
        let map = PresenceMap::compute(&scenario, &filters, &timeline, before_d);
        assert_eq!(map.hub(index("forward-cell-kyiv")), Presence::Hidden);
        assert_eq!(map.hub(index("mnfu-hq-paris")), Presence::Shown);
    }
}
