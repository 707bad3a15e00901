//! What the legend lists, worked out from what a picture shows in its view: the kinds,
//! frames and provenance of the hubs in sight, the overlay kinds of the features in
//! sight, and the coalition roles of the countries in sight. Plain data; the map paints
//! it, each row exactly as the map draws its class.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::analysis::{Presence, PresenceMap};
use crate::mesh::WorldRect;
use crate::model::{HubKind, LayerKind, OverlayKind, RoleCategory, Scenario, Status};

use super::Scene;

/// A hub symbol as the map draws it: pictogram, provenance and frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegendHub {
    /// The pictogram.
    pub kind: HubKind,
    /// How it is known.
    pub status: Status,
    /// Planned (dashed frame) or present (solid).
    pub planned: bool,
}

/// One row of the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegendEntry {
    /// A section title.
    Heading(&'static str),
    /// A hub kind, drawn as one of the hubs of that kind in view is drawn.
    HubKind(LegendHub),
    /// The APP-6 frame: planned (dashed) or present (solid), drawn on a hub in view.
    HubFrame(LegendHub),
    /// How a hub of this status is marked, drawn on a hub in view.
    HubStatus(LegendHub),
    /// An overlay kind as its layer draws it, by layer index.
    Overlay {
        /// The scenario layer.
        layer: usize,
        /// The feature kind.
        kind: OverlayKind,
        /// The feature status.
        status: Status,
    },
    /// A coalition role's land colour.
    Role(RoleCategory),
    /// One of the user's own overlays, by its index in the picture's overlays.
    UserOverlay(usize),
    /// A value of the property a user overlay's points are coloured by, and its colour.
    UserCategory {
        /// The value as shown.
        label: String,
        /// Its colour.
        colour: [u8; 3],
    },
}

/// What a legend may list: what is shown, and where the picture looks.
#[derive(Debug, Clone, Copy)]
pub struct LegendScope<'a> {
    /// Visibility per scenario layer.
    pub shown_layers: &'a [bool],
    /// Shown, dimmed or hidden, and planned, per hub and feature.
    pub presence: &'a PresenceMap,
    /// The part of the world in the picture (everything when `None`).
    pub view: Option<WorldRect>,
    /// The extents of countries' parts by ISO code, when the coalition colours are drawn.
    pub coalition: Option<&'a HashMap<String, Vec<WorldRect>>>,
}

impl LegendScope<'_> {
    fn sees(&self, bounds: Option<&WorldRect>) -> bool {
        match (self.view, bounds) {
            (None, _) => true,
            (Some(view), Some(bounds)) => view.intersects(bounds),
            (Some(_), None) => false,
        }
    }
}

/// The legend of `scenario` (prepared as `scene`) within `scope`.
pub fn legend_entries(
    scenario: &Scenario,
    scene: &Scene,
    scope: LegendScope<'_>,
) -> Vec<LegendEntry> {
    let mut entries = Vec::new();
    hub_entries(scenario, scene, &scope, &mut entries);
    let mut overlays = BTreeSet::new();
    for (index, (layer, visible)) in scenario.layers.iter().zip(scope.shown_layers).enumerate() {
        if !*visible || layer.kind == LayerKind::Hubs {
            continue;
        }
        let bounds = scene
            .layers
            .get(index)
            .map(|l| l.bounds.as_slice())
            .unwrap_or(&[]);
        for (feature_index, feature) in layer.features.iter().enumerate() {
            if scope.presence.feature(index, feature_index) != Presence::Hidden
                && scope.sees(bounds.get(feature_index).and_then(Option::as_ref))
            {
                overlays.insert((index, feature.kind, feature.status));
            }
        }
    }
    if !overlays.is_empty() {
        entries.push(LegendEntry::Heading("Monitoring and areas"));
        entries.extend(
            overlays
                .into_iter()
                .map(|(layer, kind, status)| LegendEntry::Overlay {
                    layer,
                    kind,
                    status,
                }),
        );
    }
    if let Some(extents) = scope.coalition {
        let used: BTreeSet<RoleCategory> = scene
            .nation_categories
            .iter()
            .filter(|(iso, _)| {
                extents
                    .get(iso.as_str())
                    .is_some_and(|parts| parts.iter().any(|p| scope.sees(Some(p))))
            })
            .map(|(_, category)| *category)
            .collect();
        if !used.is_empty() {
            entries.push(LegendEntry::Heading("Coalition roles (countries)"));
            entries.extend(
                RoleCategory::ALL
                    .iter()
                    .filter(|c| used.contains(c))
                    .map(|c| LegendEntry::Role(*c)),
            );
        }
    }
    entries
}

/// The hub sections: kinds, frames and provenance of the hubs in view.
fn hub_entries(
    scenario: &Scenario,
    scene: &Scene,
    scope: &LegendScope<'_>,
    entries: &mut Vec<LegendEntry>,
) {
    let hubs_shown = scenario
        .layers
        .iter()
        .zip(scope.shown_layers)
        .any(|(l, v)| *v && l.kind == LayerKind::Hubs);
    if !hubs_shown {
        return;
    }
    let in_view: Vec<LegendHub> = scenario
        .hubs
        .iter()
        .enumerate()
        .filter(|(i, _)| scope.presence.hub(*i) != Presence::Hidden)
        .filter(|(i, _)| {
            let at = scene.hubs.get(*i).copied();
            scope.sees(at.map(|p| WorldRect { min: p, max: p }).as_ref())
        })
        .map(|(i, hub)| LegendHub {
            kind: hub.kind,
            status: hub.status,
            planned: scope.presence.hub_planned(i),
        })
        .collect();
    if in_view.is_empty() {
        return;
    }
    // One example of each class, the first hub in view that has it.
    let first_of = |key: &dyn Fn(&LegendHub) -> u8| -> BTreeMap<u8, LegendHub> {
        let mut found = BTreeMap::new();
        for hub in &in_view {
            found.entry(key(hub)).or_insert(*hub);
        }
        found
    };
    let kinds: BTreeMap<HubKind, LegendHub> = {
        let mut found = BTreeMap::new();
        for hub in &in_view {
            found.entry(hub.kind).or_insert(*hub);
        }
        found
    };
    entries.push(LegendEntry::Heading("Hubs by kind"));
    entries.extend(kinds.into_values().map(LegendEntry::HubKind));
    entries.push(LegendEntry::Heading("Frame (APP-6): when"));
    entries.extend(
        first_of(&|h| u8::from(h.planned))
            .into_values()
            .rev()
            .map(LegendEntry::HubFrame),
    );
    entries.push(LegendEntry::Heading("Mark: how it is known"));
    entries.extend(
        first_of(&|h| Status::ALL.iter().position(|s| *s == h.status).unwrap_or(0) as u8)
            .into_values()
            .map(LegendEntry::HubStatus),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Filters, Timeline};
    use crate::geometry::lon_lat_to_world;
    use crate::io::{ScenarioFiles, ScenarioSource, load_scenario};

    fn builtin() -> (std::sync::Arc<Scenario>, Scene, PresenceMap) {
        let scenario = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin)).scenario;
        let scene = Scene::build(&scenario);
        let timeline = Timeline::of(&scenario);
        let presence = PresenceMap::compute(&scenario, &Filters::default(), &timeline, None);
        (scenario, scene, presence)
    }

    fn around(west: f64, south: f64, east: f64, north: f64) -> WorldRect {
        WorldRect {
            min: lon_lat_to_world(west, north),
            max: lon_lat_to_world(east, south),
        }
    }

    /// The built-in scenario's legend, every layer shown, within `view`.
    fn entries_in(view: Option<WorldRect>) -> (std::sync::Arc<Scenario>, Vec<LegendEntry>) {
        let (scenario, scene, presence) = builtin();
        let shown = vec![true; scenario.layers.len()];
        let scope = LegendScope {
            shown_layers: &shown,
            presence: &presence,
            view,
            coalition: None,
        };
        let entries = legend_entries(&scenario, &scene, scope);
        (scenario, entries)
    }

    #[test]
    fn a_view_far_from_every_hub_lists_no_hub_kind() {
        let (_, entries) = entries_in(Some(around(60.0, 45.0, 70.0, 55.0)));
        assert!(
            !entries.iter().any(|e| matches!(e, LegendEntry::HubKind(_))),
            "{entries:?}"
        );
    }

    #[test]
    fn the_whole_scenario_lists_each_hub_kind_once() {
        let (scenario, entries) = entries_in(None);
        let kinds: BTreeSet<HubKind> = scenario.hubs.iter().map(|h| h.kind).collect();
        let listed = entries
            .iter()
            .filter(|e| matches!(e, LegendEntry::HubKind(_)))
            .count();
        assert_eq!(listed, kinds.len());
        // The built-in hubs include present ones (the headquarters) and planned ones.
        let frames = entries
            .iter()
            .filter(|e| matches!(e, LegendEntry::HubFrame(_)))
            .count();
        assert_eq!(frames, 2, "{entries:?}");
    }
}
