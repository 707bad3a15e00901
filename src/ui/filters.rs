//! Filters by nation, kind, status and phase (in the left panel), and the row of active
//! filters above the map, each removable, with "Clear all".

use std::collections::BTreeSet;

use egui::RichText;

use crate::analysis::Filters;
use crate::app::{BackstopApp, Command};
use crate::model::{HubKind, OverlayKind, Scenario, Status};

/// Toggles `value` in `set` from a checkbox.
fn toggle<T: Ord + Clone>(ui: &mut egui::Ui, set: &mut BTreeSet<T>, value: &T, label: &str) {
    let mut on = set.contains(value);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(value.clone());
        } else {
            set.remove(value);
        }
    }
}

/// Nations that lead or partner a hub, by name.
fn hub_nations(scenario: &Scenario) -> Vec<(String, String)> {
    let codes: BTreeSet<String> = scenario
        .hubs
        .iter()
        .flat_map(|h| h.lead.iter().chain(&h.partners))
        .map(|c| c.to_uppercase())
        .collect();
    let mut nations: Vec<(String, String)> = codes
        .into_iter()
        .map(|iso| {
            let name = scenario
                .nation(&iso)
                .map_or(iso.clone(), |n| n.name.clone());
            (iso, name)
        })
        .collect();
    nations.sort_by(|a, b| a.1.cmp(&b.1));
    nations
}

/// The Filters section of the left panel.
pub fn filters_section(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let scenario = &app.documents.report.scenario;
    let mut edited = app.state.shown.filters.clone();
    let filters = &mut edited;
    ui.horizontal(|ui| {
        ui.label("Filtered out:");
        ui.radio_value(&mut filters.hide, false, "dim");
        ui.radio_value(&mut filters.hide, true, "hide");
    });
    egui::CollapsingHeader::new("Status").show(ui, |ui| {
        for status in [
            Status::Announced,
            Status::Reported,
            Status::Analyst,
            Status::Illustrative,
        ] {
            toggle(ui, &mut filters.statuses, &status, status.label());
        }
    });
    egui::CollapsingHeader::new("Nation (lead or partner)").show(ui, |ui| {
        for (iso, name) in hub_nations(scenario) {
            toggle(ui, &mut filters.nations, &iso, &name);
        }
    });
    egui::CollapsingHeader::new("Hub kind").show(ui, |ui| {
        let kinds: BTreeSet<HubKind> = scenario.hubs.iter().map(|h| h.kind).collect();
        for kind in kinds {
            toggle(ui, &mut filters.hub_kinds, &kind, kind.label());
        }
    });
    egui::CollapsingHeader::new("Overlay kind").show(ui, |ui| {
        let kinds: BTreeSet<OverlayKind> =
            scenario.overlay_features().map(|(_, f)| f.kind).collect();
        for kind in kinds {
            toggle(ui, &mut filters.overlay_kinds, &kind, kind.label());
        }
    });
    egui::CollapsingHeader::new("Phase").show(ui, |ui| {
        ui.radio_value(&mut filters.phase, None, "Any phase");
        for phase in &scenario.phases {
            ui.radio_value(&mut filters.phase, Some(phase.id.clone()), &phase.title);
        }
    });
    super::overlay_points::property_filters(ui, &app.overlays.layers, commands);
    if edited != app.state.shown.filters {
        commands.push(Command::SetFilters(edited));
    }
}

/// One line per active filter, for the chips.
/// An active filter's text, and how to remove it.
type Chip = (String, Box<dyn Fn(&mut Filters)>);

fn chips(filters: &Filters, scenario: &Scenario) -> Vec<Chip> {
    let mut out: Vec<Chip> = Vec::new();
    for status in &filters.statuses {
        let s = *status;
        out.push((
            format!("Status: {}", s.label()),
            Box::new(move |f| {
                f.statuses.remove(&s);
            }),
        ));
    }
    for iso in &filters.nations {
        let name = scenario.nation(iso).map_or(iso.clone(), |n| n.name.clone());
        let code = iso.clone();
        out.push((
            format!("Nation: {name}"),
            Box::new(move |f| {
                f.nations.remove(&code);
            }),
        ));
    }
    for kind in &filters.hub_kinds {
        let k = *kind;
        out.push((
            format!("Hub kind: {}", k.label()),
            Box::new(move |f| {
                f.hub_kinds.remove(&k);
            }),
        ));
    }
    for kind in &filters.overlay_kinds {
        let k = *kind;
        out.push((
            format!("Overlay kind: {}", k.label()),
            Box::new(move |f| {
                f.overlay_kinds.remove(&k);
            }),
        ));
    }
    if let Some(phase) = &filters.phase {
        let title = scenario
            .phases
            .iter()
            .find(|p| p.id == *phase)
            .map_or(phase.clone(), |p| p.title.clone());
        out.push((format!("Phase: {title}"), Box::new(|f| f.phase = None)));
    }
    out
}

/// The active filters above the map, shown whenever any is set.
pub fn filter_chips(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    if !app.state.shown.filters.is_active() {
        return;
    }
    let active = chips(&app.state.shown.filters, &app.documents.report.scenario);
    let mut remove = None;
    let mut clear = false;
    egui::Panel::top("filter_chips").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let how = if app.state.shown.filters.hide {
                "hidden"
            } else {
                "dimmed"
            };
            ui.label(RichText::new(format!("Filters (others {how}):")).strong());
            for (index, (text, _)) in active.iter().enumerate() {
                if ui
                    .button(format!("{text} ✖"))
                    .on_hover_text("Remove this filter")
                    .clicked()
                {
                    remove = Some(index);
                }
            }
            if ui
                .button(RichText::new("Clear all filters").strong())
                .clicked()
            {
                clear = true;
            }
        });
    });
    let mut edited = app.state.shown.filters.clone();
    if let Some(index) = remove
        && let Some((_, apply)) = active.get(index)
    {
        apply(&mut edited);
    }
    if clear {
        edited.clear();
    }
    super::overlay_points::property_filters(ui, &app.overlays.layers, commands);
    if edited != app.state.shown.filters {
        commands.push(Command::SetFilters(edited));
    }
}
