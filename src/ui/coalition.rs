//! The Coalition panel: a sortable table of nations, and their reported personnel as bars
//! (ranges drawn as ranges). Clicking a row selects the country on the map.

use egui::RichText;
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot};

use super::status_badge;
use crate::analysis::CoalitionColumn;
use crate::app::{BackstopApp, Command};
use crate::model::{Nation, Status};
use crate::model::{RoleCategory, Selection};

/// Height of the table's scrolling body and of the chart, so the panel keeps its size.
const TABLE_HEIGHT: f32 = 210.0;

/// The Coalition panel, at the bottom of the window.
pub fn coalition_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    egui::Panel::bottom("coalition_panel")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Coalition");
                ui.label(
                    RichText::new(
                        "roles and personnel as reported; click a row to select the country",
                    )
                    .weak(),
                );
            });
            let available = ui.available_width();
            let height = TABLE_HEIGHT + 40.0;
            let column = egui::Layout::top_down(egui::Align::Min);
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(egui::vec2(available * 0.62, height), column, |ui| {
                    nation_table(ui, app, commands);
                });
                ui.separator();
                let rest = egui::vec2(ui.available_width(), height);
                ui.allocate_ui_with_layout(rest, column, |ui| {
                    if app.authoring.editing {
                        super::nation_form(ui, app, commands);
                    } else {
                        personnel_chart(ui, &app.documents.report.scenario.nations);
                    }
                });
            });
        });
}

fn nation_table(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let mut sort = app.dialogs.coalition_sort;
    let selected_iso = match &app.state.selection {
        Some(Selection::Nation(iso)) => Some(iso.clone()),
        _ => None,
    };
    let rows = sort.sorted(&app.documents.report.scenario.nations);
    TableBuilder::new(ui)
        .striped(true)
        .vscroll(true)
        .max_scroll_height(TABLE_HEIGHT)
        .column(Column::initial(150.0).at_least(110.0).clip(true))
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .column(Column::initial(80.0).at_least(70.0))
        .column(Column::remainder().at_least(90.0))
        .header(24.0, |mut row| {
            row.col(|ui| super::sort_header(ui, &mut sort, CoalitionColumn::Name, "Country"));
            row.col(|ui| super::sort_header(ui, &mut sort, CoalitionColumn::Role, "Role"));
            row.col(|ui| {
                super::sort_header(ui, &mut sort, CoalitionColumn::Personnel, "Personnel")
            });
            row.col(|ui| super::sort_header(ui, &mut sort, CoalitionColumn::Status, "Status"));
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let nation = rows[row.index()];
                let selected = selected_iso.as_deref() == Some(nation.iso.as_str());
                row.set_selected(selected);
                row.col(|ui| {
                    let name = format!("{} ({})", nation.name, nation.iso);
                    if ui
                        .selectable_label(selected, name)
                        .on_hover_text(&nation.commitment)
                        .clicked()
                    {
                        commands.push(Command::Select(Selection::Nation(nation.iso.clone())));
                        if app.authoring.editing {
                            commands.push(Command::Author(crate::app::AuthorCommand::EditNation(
                                nation.iso.clone(),
                            )));
                        }
                    }
                });
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        if let Some(category) = RoleCategory::of(&nation.roles) {
                            let (swatch, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            ui.painter().rect_filled(swatch, 2.0, category.colour());
                        }
                        let roles: Vec<&str> = nation.roles.iter().map(|r| r.label()).collect();
                        ui.add(egui::Label::new(roles.join(", ")).truncate());
                    });
                });
                row.col(|ui| {
                    ui.label(nation.personnel.map_or("—".to_owned(), |p| p.to_string()));
                });
                row.col(|ui| {
                    ui.label(status_badge(nation.status));
                });
            });
        });
    if sort != app.dialogs.coalition_sort {
        commands.push(Command::SortCoalition(sort));
    }
}

fn personnel_chart(ui: &mut egui::Ui, nations: &[Nation]) {
    let reported: Vec<&Nation> = nations
        .iter()
        .filter(|n| n.personnel.is_some() && n.status != Status::Illustrative)
        .collect();
    ui.vertical(|ui| {
        ui.strong("Personnel announced or reported");
        let bars: Vec<Bar> = reported
            .iter()
            .enumerate()
            .filter_map(|(i, nation)| {
                let personnel = nation.personnel?;
                let colour = RoleCategory::of(&nation.roles)
                    .map_or(egui::Color32::GRAY, RoleCategory::colour);
                // A range is a bar from its minimum to its maximum; an exact figure starts at 0.
                let (base, height) = if personnel.min == personnel.max {
                    (0.0, f64::from(personnel.max))
                } else {
                    (
                        f64::from(personnel.min),
                        f64::from(personnel.max - personnel.min),
                    )
                };
                Some(
                    Bar::new(i as f64, height)
                        .base_offset(base)
                        .name(format!("{}: {personnel}", nation.name))
                        .fill(colour)
                        .width(0.6),
                )
            })
            .collect();
        let names: Vec<String> = reported.iter().map(|n| n.iso.clone()).collect();
        Plot::new("personnel_chart")
            .height(TABLE_HEIGHT)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show_grid(true)
            .x_axis_formatter(move |mark, _range| {
                let index = mark.value.round();
                if (mark.value - index).abs() < 1e-6 && index >= 0.0 {
                    names.get(index as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .show(ui, |plot| plot.bar_chart(BarChart::new("Personnel", bars)));
        let without = nations.len() - reported.len();
        ui.label(
            RichText::new(format!("{without} nations: no figure reported"))
                .weak()
                .small(),
        );
    });
}
