//! The Exposure panel: every hub's geodesic distance to the monitored line and to the
//! borders of Russia and Belarus, and the ring sets that reach it. Sortable; clicking a
//! row selects the hub and centres the map on it.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::status_badge;
use crate::analysis::ExposureColumn;
use crate::app::{BackstopApp, Command};
use crate::model::Selection;

/// "123 km", or a dash when unknown.
pub fn km_text(km: Option<f64>) -> String {
    match km {
        Some(km) if km < 10.0 => format!("{km:.1} km"),
        Some(km) => format!("{km:.0} km"),
        None => "—".into(),
    }
}

/// The Exposure panel, at the bottom of the window.
pub fn exposure_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    egui::Panel::bottom("exposure_panel")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Exposure");
                ui.label(
                    RichText::new(
                        "geodesic distances (WGS84); illustrative sites give illustrative distances; click a row to select the hub",
                    )
                    .weak(),
                );
            });
            exposure_table(ui, app, commands);
        });
}

fn exposure_table(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let mut sort = app.dialogs.exposure_sort;
    let hubs = &app.documents.report.scenario.hubs;
    let rows = sort.sorted(hubs, &app.documents.exposures);
    let selected = match &app.state.selection {
        Some(Selection::Hub(id)) => Some(id.as_str()),
        _ => None,
    };
    TableBuilder::new(ui)
        .striped(true)
        .vscroll(true)
        .max_scroll_height(190.0)
        .column(Column::initial(230.0).at_least(140.0).clip(true))
        .column(Column::initial(100.0).at_least(90.0))
        .column(Column::initial(95.0).at_least(80.0))
        .column(Column::initial(95.0).at_least(80.0))
        .column(Column::initial(95.0).at_least(80.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(24.0, |mut row| {
            row.col(|ui| super::sort_header(ui, &mut sort, ExposureColumn::Hub, "Hub"));
            row.col(|ui| {
                ui.strong("Status");
            });
            row.col(|ui| super::sort_header(ui, &mut sort, ExposureColumn::Line, "Line"));
            row.col(|ui| super::sort_header(ui, &mut sort, ExposureColumn::Russia, "Russia"));
            row.col(|ui| super::sort_header(ui, &mut sort, ExposureColumn::Belarus, "Belarus"));
            row.col(|ui| {
                ui.strong("Within ring sets");
            });
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let exposure = rows[row.index()];
                let Some(hub) = hubs.get(exposure.hub) else {
                    return;
                };
                let is_selected = selected == Some(hub.id.as_str());
                row.set_selected(is_selected);
                row.col(|ui| {
                    if ui.selectable_label(is_selected, &hub.name).clicked() {
                        commands.push(Command::Select(Selection::Hub(hub.id.clone())));
                        commands.push(Command::FocusOn {
                            lon: hub.lon,
                            lat: hub.lat,
                            zoom: 7.0,
                        });
                    }
                });
                row.col(|ui| {
                    ui.label(status_badge(hub.status));
                });
                for km in [exposure.line_km, exposure.russia_km, exposure.belarus_km] {
                    row.col(|ui| {
                        ui.label(km_text(km));
                    });
                }
                row.col(|ui| {
                    let text = exposure.reach_text();
                    ui.add(
                        egui::Label::new(if text.is_empty() { "—".into() } else { text })
                            .truncate(),
                    );
                });
            });
        });
    if sort != app.dialogs.exposure_sort {
        commands.push(Command::SortExposure(sort));
    }
}
