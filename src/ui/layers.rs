//! The left panel: scenario layers (toggle, opacity, zoom to), the coalition layer, the
//! basemap, and the legend. Sections collapse.

use egui::RichText;

use crate::app::{BackstopApp, Command};
use crate::map::layer_colour;

/// Layers, basemap and legend.
pub fn layers_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    egui::Panel::left("layers_panel")
        .resizable(true)
        .default_size(250.0)
        .min_size(200.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::CollapsingHeader::new(RichText::new("Layers").heading())
                    .default_open(true)
                    .show(ui, |ui| scenario_layers(ui, app, commands));
                egui::CollapsingHeader::new(RichText::new("Your overlays").strong())
                    .default_open(true)
                    .show(ui, |ui| user_overlays(ui, app, commands));
                egui::CollapsingHeader::new(RichText::new("Filters").strong())
                    .default_open(false)
                    .show(ui, |ui| super::filters::filters_section(ui, app, commands));
                egui::CollapsingHeader::new(RichText::new("Basemap").strong())
                    .default_open(true)
                    .show(ui, |ui| {
                        let mut coalition = app.state.shown.coalition_layer;
                        if ui
                            .checkbox(&mut coalition, "Countries by coalition role")
                            .on_hover_text("Colour countries by their reported role (C)")
                            .changed()
                        {
                            commands.push(Command::ToggleCoalitionLayer);
                        }
                        let mut layers = app.state.shown.basemap_layers;
                        ui.checkbox(&mut layers.labels, "Place names");
                        ui.checkbox(&mut layers.oblasts, "Oblast borders");
                        ui.checkbox(&mut layers.rivers, "Rivers");
                        ui.checkbox(&mut layers.lakes, "Lakes");
                        ui.checkbox(&mut layers.graticule, "Latitude/longitude grid")
                            .on_hover_text("A graticule with degree labels at the edges (Ctrl+G)");
                        ui.checkbox(&mut layers.mgrs_grid, "MGRS grid")
                            .on_hover_text(
                                "Grid zones, 100 km squares with their letters, then 10 km \
                                 and 1 km lines as you zoom in (Ctrl+Shift+G)",
                            );
                        if layers != app.state.shown.basemap_layers {
                            commands.push(Command::SetBasemapLayers(layers));
                        }
                    });
                egui::CollapsingHeader::new(RichText::new("Legend").strong())
                    .default_open(true)
                    .show(ui, |ui| super::legend::legend(ui, app));
                ui.separator();
                ui.horizontal(|ui| {
                    if ui
                        .button("🏠 Fit Ukraine")
                        .on_hover_text("Frame the whole of Ukraine (Home)")
                        .clicked()
                    {
                        commands.push(Command::FitUkraine);
                    }
                    if ui.button("➕").on_hover_text("Zoom in (+)").clicked() {
                        commands.push(Command::ZoomIn);
                    }
                    if ui.button("➖").on_hover_text("Zoom out (-)").clicked() {
                        commands.push(Command::ZoomOut);
                    }
                });
            });
        });
}

fn scenario_layers(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    ui.spacing_mut().slider_width = 110.0;
    for (index, layer) in app
        .documents
        .report
        .scenario
        .layers
        .iter()
        .enumerate()
        .rev()
    {
        let mut visible = app.state.shown.visible.get(index).copied().unwrap_or(false);
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(swatch, 2.0, layer_colour(layer.style.stroke, 1.0));
            if ui.checkbox(&mut visible, &layer.title).changed() {
                commands.push(Command::ToggleLayer(index));
            }
            if layer.failed {
                ui.label(RichText::new("failed").color(egui::Color32::from_rgb(200, 40, 40)))
                    .on_hover_text("This layer's file could not be loaded: see Problems");
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(18.0);
            let mut opacity = app.state.shown.opacity.get(index).copied().unwrap_or(1.0);
            let slider = egui::Slider::new(&mut opacity, 0.0..=1.0).show_value(false);
            let response = ui
                .add_enabled(visible, slider)
                .on_hover_text(format!("Opacity of {}", layer.title));
            if response.changed() {
                commands.push(Command::SetLayerOpacity(index, opacity));
            }
            if ui
                .small_button("🔍")
                .on_hover_text(format!("Zoom to {}", layer.title))
                .clicked()
            {
                commands.push(Command::ZoomToLayer(index));
            }
        });
    }
}

/// For a GeoPackage read with several tables, or with one chosen: which to show.
fn table_choice(
    ui: &mut egui::Ui,
    app: &BackstopApp,
    layer: &crate::overlay::UserLayer,
    commands: &mut Vec<Command>,
) {
    let chosen = layer.options.table.clone();
    let tables = app
        .overlays
        .known_tables
        .get(&layer.path)
        .unwrap_or(&layer.tables);
    if tables.len() < 2 && chosen.is_none() {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Table").small());
        let shown = chosen.clone().unwrap_or_else(|| "every table".into());
        egui::ComboBox::from_id_salt(("overlay table", layer.id))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(chosen.is_none(), "every table")
                    .clicked()
                    && chosen.is_some()
                {
                    commands.push(Command::ReadOverlayTable {
                        id: layer.id,
                        table: None,
                    });
                }
                for table in tables {
                    let this = chosen.as_deref() == Some(table.as_str());
                    if ui.selectable_label(this, table).clicked() && !this {
                        commands.push(Command::ReadOverlayTable {
                            id: layer.id,
                            table: Some(table.clone()),
                        });
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// Overlays the user added: visibility, size, remove; loads in progress; Add overlay.
fn user_overlays(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    for overlay in &app.overlays.layers {
        let layer = &overlay.layer;
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            let [r, g, b] = layer.colour;
            ui.painter()
                .rect_filled(swatch, 3.0, egui::Color32::from_rgb(r, g, b));
            let mut visible = overlay.visible;
            if ui.checkbox(&mut visible, &layer.name).changed() {
                commands.push(Command::ToggleOverlay(layer.id));
            }
            let remove = format!("Remove {}", layer.name);
            let button = ui.small_button("✖").on_hover_text(&remove);
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &remove));
            if button.clicked() {
                commands.push(Command::RemoveOverlay(layer.id));
            }
        });
        table_choice(ui, app, layer, commands);
        super::overlay_points::point_controls(ui, overlay, commands);
        ui.label(
            RichText::new(format!(
                "{} features · {} vertices · {:.1} MB",
                layer.features.len(),
                layer.vertices,
                layer.bytes as f64 / 1e6
            ))
            .small()
            .weak(),
        );
    }
    for (index, load) in app.overlays.loading.iter().enumerate() {
        let (stage, fraction) = load.progress.get();
        let name = crate::overlay::display_name(&load.path);
        ui.label(format!("{name}: {}…", stage.label()));
        ui.horizontal(|ui| {
            ui.add(
                egui::ProgressBar::new(fraction)
                    .show_percentage()
                    .desired_width(160.0),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelOverlayLoad(index));
            }
        });
    }
    if ui
        .button("Add overlay…")
        .on_hover_text(
            "A GeoJSON, KML/KMZ, CSV, Shapefile, GeoPackage, FlatGeobuf or GPX file to draw over the map (Ctrl+Shift+O), or drop files on the window",
        )
        .clicked()
    {
        commands.push(Command::ShowAddOverlayDialog);
    }
}
