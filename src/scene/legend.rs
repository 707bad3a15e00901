//! What the legend lists, worked out from what a picture draws: hub kinds and statuses
//! present, the overlay kinds of visible layers, and the coalition roles used. Plain
//! data; the map paints it.

use std::collections::{BTreeSet, HashMap};

use crate::model::{HubKind, LayerKind, OverlayKind, RoleCategory, Scenario, Status};

/// One row of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendEntry {
    /// A section title.
    Heading(&'static str),
    /// A hub kind's symbol.
    HubKind(HubKind),
    /// How a hub of this status is drawn.
    HubStatus(Status),
    /// An overlay kind as its layer draws it, by layer index.
    Overlay {
        /// The scenario layer.
        layer: usize,
        /// The feature kind.
        kind: OverlayKind,
        /// The feature status.
        status: Status,
    },
    /// A coalition role's colour.
    Role(RoleCategory),
}

/// The legend of `scenario` with these layers shown, and the coalition colours when
/// `coalition` is given.
pub fn legend_entries(
    scenario: &Scenario,
    shown_layers: &[bool],
    coalition: Option<&HashMap<String, RoleCategory>>,
) -> Vec<LegendEntry> {
    let mut entries = Vec::new();
    let shown = |kind: LayerKind| {
        scenario
            .layers
            .iter()
            .zip(shown_layers)
            .any(|(l, v)| *v && l.kind == kind)
    };
    if shown(LayerKind::Hubs) && !scenario.hubs.is_empty() {
        entries.push(LegendEntry::Heading("Hubs by kind"));
        let kinds: BTreeSet<HubKind> = scenario.hubs.iter().map(|h| h.kind).collect();
        entries.extend(kinds.into_iter().map(LegendEntry::HubKind));
        entries.push(LegendEntry::Heading("How much is known"));
        let statuses: BTreeSet<Status> = scenario.hubs.iter().map(|h| h.status).collect();
        entries.extend(
            Status::ALL
                .iter()
                .filter(|s| statuses.contains(s))
                .map(|s| LegendEntry::HubStatus(*s)),
        );
    }
    let mut overlays = Vec::new();
    for (index, (layer, visible)) in scenario.layers.iter().zip(shown_layers).enumerate() {
        if !*visible || layer.kind == LayerKind::Hubs {
            continue;
        }
        let kinds: BTreeSet<_> = layer.features.iter().map(|f| (f.kind, f.status)).collect();
        overlays.extend(
            kinds
                .into_iter()
                .map(|(kind, status)| LegendEntry::Overlay {
                    layer: index,
                    kind,
                    status,
                }),
        );
    }
    if !overlays.is_empty() {
        entries.push(LegendEntry::Heading("Monitoring and areas"));
        entries.extend(overlays);
    }
    if let Some(categories) = coalition.filter(|c| !c.is_empty()) {
        entries.push(LegendEntry::Heading("Coalition roles (countries)"));
        let used: BTreeSet<RoleCategory> = categories.values().copied().collect();
        entries.extend(
            RoleCategory::ALL
                .iter()
                .filter(|c| used.contains(c))
                .map(|c| LegendEntry::Role(*c)),
        );
    }
    entries
}
