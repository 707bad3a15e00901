//! The right panel: details of the selection, or the scenario's summary.

use egui::RichText;

use super::status_badge;
use crate::app::{BackstopApp, Command};
use crate::geometry::position::{CoordinateFormat, format_position};
use crate::model::{Hub, Nation, OverlayFeature, Scenario, Source, Validity};
use crate::model::{RoleCategory, Selection};

/// Details of the selected hub or feature; the scenario summary when nothing is selected.
pub fn details_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let mut copy = None;
    let mut clear = false;
    let mut rings = None;
    egui::Panel::right("details_panel")
        .resizable(true)
        .default_size(290.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if app.authoring.hub.is_some() {
                    super::hub_form(ui, app, commands);
                    return;
                }
                if app.authoring.feature.is_some() {
                    super::feature_form(ui, app, commands);
                    return;
                }
                if !app.documents.annotations.selected.is_empty() {
                    super::annotation_editor(ui, app, commands);
                    return;
                }
                let scenario = &app.documents.report.scenario;
                match &app.state.selection {
                    Some(Selection::Hub(id)) => match scenario.hub(id) {
                        Some(hub) => {
                            clear = close_button(ui);
                            let index = scenario.hubs.iter().position(|h| h.id == hub.id);
                            let exposure = app
                                .documents
                                .exposures
                                .iter()
                                .find(|e| Some(e.hub) == index);
                            hub_details(ui, scenario, hub, exposure);
                            location_field(
                                ui,
                                "Location",
                                [hub.lon, hub.lat],
                                app.coordinate_format,
                                &mut copy,
                            );
                            if ui
                                .button("Range rings here")
                                .on_hover_text("Rings with the radii set in the Range rings tool")
                                .clicked()
                            {
                                rings = Some(Command::PlaceRings {
                                    centre: [hub.lon, hub.lat],
                                    name: hub.name.clone(),
                                });
                            }
                        }
                        None => summary(ui, scenario),
                    },
                    Some(Selection::Feature { layer, id }) => {
                        match scenario
                            .layer(layer)
                            .and_then(|l| l.features.iter().find(|f| f.id == *id))
                        {
                            Some(feature) => {
                                clear = close_button(ui);
                                feature_details(ui, feature);
                                if let Some(at) = point_on(&feature.geometry) {
                                    location_field(
                                        ui,
                                        where_label(&feature.geometry),
                                        at,
                                        app.coordinate_format,
                                        &mut copy,
                                    );
                                }
                            }
                            None => summary(ui, scenario),
                        }
                    }
                    Some(Selection::Nation(iso)) => match scenario.nation(iso) {
                        Some(nation) => {
                            clear = close_button(ui);
                            nation_details(ui, scenario, nation);
                        }
                        None => summary(ui, scenario),
                    },
                    Some(Selection::User { layer, feature }) => match app.overlays.get(*layer) {
                        Some(overlay) => {
                            clear = close_button(ui);
                            user_feature_details(ui, &overlay.layer, *feature);
                            if let Some(geometry) = overlay.layer.features.geometry(*feature)
                                && let Some(at) = point_on(geometry)
                            {
                                location_field(
                                    ui,
                                    where_label(geometry),
                                    at,
                                    app.coordinate_format,
                                    &mut copy,
                                );
                            }
                        }
                        None => summary(ui, scenario),
                    },
                    None => summary(ui, scenario),
                }
            });
        });
    if clear {
        commands.push(Command::ClearSelection);
    }
    if let Some(at) = copy {
        commands.push(Command::CopyPosition(at));
    }
    if let Some(command) = rings {
        commands.push(command);
    }
}

fn close_button(ui: &mut egui::Ui) -> bool {
    ui.horizontal(|ui| {
        ui.heading("Details");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.small_button("✖")
                .on_hover_text("Clear selection (Esc)")
                .clicked()
        })
        .inner
    })
    .inner
}

fn field(ui: &mut egui::Ui, name: &str, value: impl Into<egui::WidgetText>) {
    ui.label(RichText::new(name).small().weak());
    ui.label(value);
    ui.add_space(4.0);
}

/// A point on a geometry for its position: the point itself, else one inside the area or
/// on the line.
fn point_on(geometry: &geo::Geometry<f64>) -> Option<[f64; 2]> {
    use geo::InteriorPoint;
    geometry.interior_point().map(|p| [p.x(), p.y()])
}

fn where_label(geometry: &geo::Geometry<f64>) -> &'static str {
    match geometry {
        geo::Geometry::Point(_) => "Location",
        _ => "A point inside it",
    }
}

/// A position in degrees, degrees-minutes-seconds and MGRS, and a button that copies it
/// in the format chosen in the View menu.
fn location_field(
    ui: &mut egui::Ui,
    name: &str,
    at: [f64; 2],
    format: CoordinateFormat,
    copy: &mut Option<[f64; 2]>,
) {
    let [lon, lat] = at;
    ui.horizontal(|ui| {
        ui.label(RichText::new(name).small().weak());
        let button = ui.small_button("Copy").on_hover_text(format!(
            "Copy as {} (Ctrl+Shift+C copies the position under the pointer)",
            format.label()
        ));
        if button.clicked() {
            *copy = Some(at);
        }
    });
    for shown in [
        CoordinateFormat::Decimal,
        CoordinateFormat::Dms,
        CoordinateFormat::Mgrs,
    ] {
        let text = format_position(lat, lon, shown);
        let label = if shown == format {
            RichText::new(text).monospace().strong()
        } else {
            RichText::new(text).monospace()
        };
        ui.label(label);
    }
    ui.add_space(4.0);
}

fn nation_names(scenario: &Scenario, codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| match scenario.nation(code) {
            Some(nation) => format!("{} ({code})", nation.name),
            None => code.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn hub_details(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    hub: &Hub,
    exposure: Option<&crate::analysis::HubExposure>,
) {
    ui.label(RichText::new(&hub.name).heading().strong());
    ui.label(status_badge(hub.status));
    ui.add_space(6.0);
    field(ui, "Kind", hub.kind.label());
    field(ui, "Lead", nation_names(scenario, &hub.lead));
    if !hub.partners.is_empty() {
        field(ui, "Partners", nation_names(scenario, &hub.partners));
    }
    if let Some(personnel) = hub.personnel {
        field(ui, "Personnel", personnel.to_string());
    }
    if hub.valid_from.is_some() || hub.valid_to.is_some() {
        let from = hub
            .valid_from
            .as_ref()
            .map_or("—".to_owned(), ToString::to_string);
        let to = hub
            .valid_to
            .as_ref()
            .map_or("—".to_owned(), ToString::to_string);
        field(ui, "Valid", format!("from {from} to {to}"));
    }
    if let Some(exposure) = exposure {
        let km = super::km_text;
        field(
            ui,
            "Exposure (geodesic)",
            format!(
                "{} to the monitored line\n{} to Russia\n{} to Belarus",
                km(exposure.line_km),
                km(exposure.russia_km),
                km(exposure.belarus_km)
            ),
        );
        let reach = exposure.reach_text();
        if !reach.is_empty() {
            field(ui, "Within ring sets", reach);
        }
    }
    if !hub.description.is_empty() {
        field(ui, "Description", hub.description.as_str());
    }
    sources(ui, &hub.sources);
}

/// A user overlay's feature: its file, geometry kind and every property.
fn user_feature_details(ui: &mut egui::Ui, layer: &crate::overlay::UserLayer, index: usize) {
    let features = &layer.features;
    if features.geometry(index).is_none() {
        return;
    }
    let title = ["name", "title", "label", "id"]
        .iter()
        .find_map(|key| features.property(index, key))
        .map_or_else(|| format!("Feature {index}"), value_text);
    ui.label(RichText::new(title).heading().strong());
    ui.label(RichText::new(format!("{} · {}", layer.kind_of(index), layer.name)).weak());
    ui.add_space(6.0);
    if features.properties(index).next().is_none() {
        ui.label(RichText::new("No properties").weak());
    }
    egui::Grid::new("user_feature_properties")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (key, value) in features.properties(index) {
                ui.label(RichText::new(key).small().weak());
                ui.label(value_text(value));
                ui.end_row();
            }
        });
}

/// A property value as text: strings without quotes, and no longer than a panel can
/// lay out (a user's file may hold a megabyte in one property).
fn value_text(value: &serde_json::Value) -> String {
    let mut text = match value {
        serde_json::Value::String(s) => s.chars().take(crate::model::MAX_TEXT_CHARS + 1).collect(),
        other => other.to_string(),
    };
    crate::model::cut_text(&mut text, crate::model::MAX_TEXT_CHARS);
    text
}

fn nation_details(ui: &mut egui::Ui, scenario: &Scenario, nation: &Nation) {
    ui.label(
        RichText::new(format!("{} ({})", nation.name, nation.iso))
            .heading()
            .strong(),
    );
    ui.label(status_badge(nation.status));
    ui.add_space(6.0);
    if let Some(category) = RoleCategory::of(&nation.roles) {
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, category.colour());
            ui.label(category.label());
        });
    }
    let roles: Vec<&str> = nation.roles.iter().map(|r| r.label()).collect();
    field(ui, "Roles", roles.join(", "));
    if !nation.commitment.is_empty() {
        field(ui, "Commitment", nation.commitment.as_str());
    }
    if let Some(personnel) = nation.personnel {
        field(ui, "Personnel", personnel.to_string());
    }
    let led: Vec<&str> = scenario
        .hubs
        .iter()
        .filter(|h| h.lead.contains(&nation.iso))
        .map(|h| h.name.as_str())
        .collect();
    if !led.is_empty() {
        field(ui, "Leads", led.join("\n"));
    }
    sources(ui, &nation.sources);
}

fn feature_details(ui: &mut egui::Ui, feature: &OverlayFeature) {
    ui.label(RichText::new(&feature.name).heading().strong());
    ui.label(status_badge(feature.status));
    ui.add_space(6.0);
    field(ui, "Kind", feature.kind.label());
    if !feature.operator.is_empty() {
        field(ui, "Operator", feature.operator.as_str());
    }
    validity(ui, feature.valid_from.as_ref(), feature.valid_to.as_ref());
    if !feature.description.is_empty() {
        field(ui, "Description", feature.description.as_str());
    }
    sources(ui, &feature.sources);
}

fn validity(ui: &mut egui::Ui, from: Option<&Validity>, to: Option<&Validity>) {
    if from.is_none() && to.is_none() {
        return;
    }
    let text = |v: Option<&Validity>| v.map_or("—".to_owned(), ToString::to_string);
    field(ui, "Valid", format!("from {} to {}", text(from), text(to)));
}

fn sources(ui: &mut egui::Ui, sources: &[Source]) {
    ui.label(RichText::new("Sources").small().weak());
    if sources.is_empty() {
        ui.label("none");
    }
    for source in sources {
        match &source.url {
            Some(url) => {
                ui.hyperlink_to(source.citation(), url);
            }
            None => {
                ui.label(source.citation());
            }
        }
    }
}

fn summary(ui: &mut egui::Ui, scenario: &Scenario) {
    ui.heading(&scenario.title);
    if !scenario.subtitle.is_empty() {
        ui.label(&scenario.subtitle);
    }
    if let Some(as_of) = scenario.as_of {
        field(ui, "As of", as_of.to_string());
    }
    if !scenario.caveat.is_empty() {
        ui.label(RichText::new(&scenario.caveat).strong());
    }
    ui.add_space(6.0);
    let overlay_count: usize = scenario.layers.iter().map(|l| l.features.len()).sum();
    field(
        ui,
        "Contents",
        format!(
            "{} hubs, {} nations, {} overlay features, {} events",
            scenario.hubs.len(),
            scenario.nations.len(),
            overlay_count,
            scenario.events.len()
        ),
    );
    ui.label(RichText::new("Click a hub on the map for its details.").italics());
    ui.add_space(6.0);
    sources(ui, &scenario.sources);
}
