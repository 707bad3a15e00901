//! The Exposure panel: every hub's geodesic distance to the monitored line and to the
//! borders of Russia and Belarus, and the ring sets that reach it. Sortable; clicking a
//! row selects the hub and centres the map on it.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::status_badge;
use crate::analysis::HubExposure;
use crate::app::{BackstopApp, Command};
use crate::model::Hub;
use crate::model::Selection;

/// A column of the exposure table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExposureColumn {
    /// Hub name.
    Hub,
    /// Distance to the monitored line.
    #[default]
    Line,
    /// Distance to Russia.
    Russia,
    /// Distance to Belarus.
    Belarus,
}

/// The exposure table's sort order: nearest first by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExposureSort {
    /// Sorted by.
    pub column: ExposureColumn,
    /// Largest first when true.
    pub descending: bool,
}

impl super::SortOrder for ExposureSort {
    type Column = ExposureColumn;

    fn column(&self) -> ExposureColumn {
        self.column
    }

    fn descending(&self) -> bool {
        self.descending
    }

    fn click(&mut self, column: ExposureColumn) {
        if self.column == column {
            self.descending = !self.descending;
        } else {
            self.column = column;
            self.descending = false;
        }
    }
}

impl ExposureSort {
    /// The rows in this order; unknown distances sort last.
    pub fn sorted<'a>(&self, hubs: &'a [Hub], rows: &'a [HubExposure]) -> Vec<&'a HubExposure> {
        let name = |e: &HubExposure| hubs.get(e.hub).map_or("", |h| h.name.as_str());
        let key = |e: &HubExposure| match self.column {
            ExposureColumn::Hub => None,
            ExposureColumn::Line => e.line_km,
            ExposureColumn::Russia => e.russia_km,
            ExposureColumn::Belarus => e.belarus_km,
        };
        let mut sorted: Vec<&HubExposure> = rows.iter().collect();
        sorted.sort_by(|a, b| {
            let order = match (key(a), key(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            let order = if self.descending {
                order.reverse()
            } else {
                order
            };
            let by_name = name(a).cmp(name(b));
            if self.column == ExposureColumn::Hub {
                if self.descending {
                    by_name.reverse()
                } else {
                    by_name
                }
            } else {
                order.then(by_name)
            }
        });
        sorted
    }
}

/// "123 km", or a dash when unknown.
pub fn km_text(km: Option<f64>) -> String {
    match km {
        Some(km) if km < 10.0 => format!("{km:.1} km"),
        Some(km) => format!("{km:.0} km"),
        None => "—".into(),
    }
}

/// The Exposure panel, at the bottom of the window.
pub fn exposure_panel(ui: &mut egui::Ui, app: &mut BackstopApp) {
    let mut commands = Vec::new();
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
            exposure_table(ui, app, &mut commands);
        });
    for command in commands {
        app.queue(command);
    }
}

fn exposure_table(ui: &mut egui::Ui, app: &mut BackstopApp, commands: &mut Vec<Command>) {
    let mut sort = app.exposure_sort;
    let hubs = &app.report.scenario.hubs;
    let rows = sort.sorted(hubs, &app.exposures);
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
    app.exposure_sort = sort;
}
