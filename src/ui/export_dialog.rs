//! Export from the app: "Save view as PNG" (exactly what is on screen, cropped to the map)
//! and "Export image…" (any size, off screen, with the briefing layout), plus a toast
//! with the saved path. The save dialog runs off the UI thread and falls back to a path
//! field in the Pictures folder when the desktop has no file dialog.

use std::path::Path;

use egui::RichText;

use crate::app::{BackstopApp, Command, ExportPreset, start_save_picker};

/// Draws the Export image dialog when it is open.
pub fn export_dialog(ctx: &egui::Context, app: &mut BackstopApp) {
    let dialog = &mut app.dialogs.export;
    if !dialog.open {
        return;
    }
    if let Some(receiver) = &dialog.picker
        && let Ok(picked) = receiver.try_recv()
    {
        if let Some(path) = picked {
            dialog.path = path.display().to_string();
        }
        dialog.picker = None;
    }
    let mut open = dialog.open;
    let mut commands = Vec::new();
    egui::Window::new("Export image")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(RichText::new("Size").strong());
            for preset in ExportPreset::ALL {
                ui.radio_value(&mut dialog.preset, preset, preset.label());
            }
            if dialog.preset == ExportPreset::Custom {
                ui.horizontal(|ui| {
                    let width = ui.label("Width");
                    ui.add(
                        egui::DragValue::new(&mut dialog.custom[0])
                            .range(200..=8192)
                            .suffix(" px"),
                    )
                    .labelled_by(width.id);
                    let height = ui.label("height");
                    ui.add(
                        egui::DragValue::new(&mut dialog.custom[1])
                            .range(200..=8192)
                            .suffix(" px"),
                    )
                    .labelled_by(height.id);
                });
            }
            ui.separator();
            ui.label(RichText::new("Layout").strong());
            let options = &mut dialog.options;
            ui.checkbox(&mut options.title, "Title, subtitle and as-of date");
            ui.checkbox(&mut options.caveat, "Caveat banner, top and bottom");
            ui.checkbox(&mut options.legend, "Legend of what is visible");
            ui.checkbox(&mut options.scale_bar, "Scale bar");
            ui.checkbox(&mut options.north_arrow, "North arrow");
            ui.checkbox(&mut options.footer, "Sources and attribution");
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Save to");
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(300.0))
                    .labelled_by(label.id);
                if ui
                    .add_enabled(dialog.picker.is_none(), egui::Button::new("Browse…"))
                    .clicked()
                {
                    dialog.picker = start_save_picker(ui.ctx(), Path::new(&dialog.path));
                }
            });
            ui.horizontal(|ui| {
                if dialog.render_requested {
                    ui.spinner();
                    ui.label("Rendering…");
                } else {
                    if ui.button("Save PNG").clicked() {
                        dialog.render_requested = true;
                        ui.ctx().request_repaint();
                    }
                    if ui.button("Copy to clipboard").clicked() {
                        commands.push(Command::CopyExportToClipboard);
                    }
                }
            });
        });
    dialog.open = open;
    for command in commands {
        app.queue(command);
    }
}
