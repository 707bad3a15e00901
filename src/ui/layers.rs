//! The left panel: scenario layers, basemap layers, and framing.

use egui::RichText;

use crate::app::{BackstopApp, Command};
use crate::map::layer_colour;

/// Layer toggles and the Fit Ukraine button.
pub fn layers_panel(ui: &mut egui::Ui, app: &mut BackstopApp) {
    let mut commands = Vec::new();
    egui::Panel::left("layers_panel")
        .resizable(true)
        .default_size(250.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.heading("Layers");
            for (index, layer) in app.report.scenario.layers.iter().enumerate().rev() {
                let mut visible = app.state.visible.get(index).copied().unwrap_or(false);
                ui.horizontal(|ui| {
                    let (swatch, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(swatch, 2.0, layer_colour(layer.style.stroke, 1.0));
                    if ui.checkbox(&mut visible, &layer.title).changed() {
                        commands.push(Command::ToggleLayer(index));
                    }
                    if layer.failed {
                        ui.label(
                            RichText::new("failed").color(egui::Color32::from_rgb(200, 40, 40)),
                        )
                        .on_hover_text("This layer's file could not be loaded: see Problems");
                    }
                });
            }
            ui.separator();
            ui.label(RichText::new("Basemap").strong());
            let layers = &mut app.state.basemap_layers;
            ui.checkbox(&mut layers.labels, "Place names");
            ui.checkbox(&mut layers.oblasts, "Oblast borders");
            ui.checkbox(&mut layers.rivers, "Rivers");
            ui.checkbox(&mut layers.lakes, "Lakes");
            ui.separator();
            if ui
                .button("🏠 Fit Ukraine")
                .on_hover_text("Frame the whole of Ukraine (Home)")
                .clicked()
            {
                commands.push(Command::FitUkraine);
            }
            ui.horizontal(|ui| {
                if ui.button("➕").on_hover_text("Zoom in (+)").clicked() {
                    commands.push(Command::ZoomIn);
                }
                if ui.button("➖").on_hover_text("Zoom out (-)").clicked() {
                    commands.push(Command::ZoomOut);
                }
            });
        });
    for command in commands {
        app.queue(command);
    }
}
