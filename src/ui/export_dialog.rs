//! Export from the app: "Save view as PNG" (exactly what is on screen, cropped to the map)
//! and "Export image…" (PNG of any size, or a PDF or SVG page, off screen, with the
//! briefing layout), plus a toast with the saved path. The save dialog runs off the UI thread and falls back to a path
//! field in the Pictures folder when the desktop has no file dialog.

use std::path::Path;

use egui::RichText;

use crate::app::{BackstopApp, Command, ExportPreset, PictureFormat, start_save_picker};
use crate::export::{Paper, VectorFormat};

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
            ui.label(RichText::new("Format").strong());
            let before = dialog.format;
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.format, PictureFormat::Png, "PNG");
                ui.radio_value(
                    &mut dialog.format,
                    PictureFormat::Vector(VectorFormat::Pdf),
                    "PDF",
                )
                .on_hover_text("Vector: sharp at any size, text selectable and searchable");
                ui.radio_value(
                    &mut dialog.format,
                    PictureFormat::Vector(VectorFormat::Svg),
                    "SVG",
                )
                .on_hover_text("Vector, for print and publication tools");
            });
            if dialog.format != before {
                let path = Path::new(dialog.path.trim()).with_extension(dialog.format.extension());
                dialog.path = path.display().to_string();
            }
            let vector = matches!(dialog.format, PictureFormat::Vector(_));
            if vector {
                page_choice(ui, dialog);
            }
            if !vector || dialog.paper.is_none() {
                ui.label(RichText::new("Size").strong());
                for preset in ExportPreset::ALL {
                    ui.radio_value(&mut dialog.preset, preset, preset.label());
                }
            }
            if (!vector || dialog.paper.is_none()) && dialog.preset == ExportPreset::Custom {
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
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CancelExport);
                    }
                } else {
                    let save = format!("Save {}", dialog.format.extension().to_uppercase());
                    if ui.button(save).clicked() {
                        dialog.render_requested = true;
                        ui.ctx().request_repaint();
                    }
                    if !vector && ui.button("Copy to clipboard").clicked() {
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

/// A vector picture's page: a sheet of paper in either orientation, at an optional
/// stated scale, or a picture size.
fn page_choice(ui: &mut egui::Ui, dialog: &mut crate::app::ExportDialog) {
    ui.label(RichText::new("Page").strong());
    ui.horizontal_wrapped(|ui| {
        for paper in Paper::ALL {
            ui.radio_value(&mut dialog.paper, Some(paper), paper.label());
        }
        ui.radio_value(&mut dialog.paper, None, "Picture size");
    });
    if dialog.paper.is_none() {
        return;
    }
    ui.horizontal(|ui| {
        ui.radio_value(&mut dialog.landscape, true, "Landscape");
        ui.radio_value(&mut dialog.landscape, false, "Portrait");
    });
    ui.horizontal(|ui| {
        let mut stated = dialog.scale.is_some();
        if ui
            .checkbox(&mut stated, "At a stated scale")
            .on_hover_text("The zoom follows from the scale; the map states it by the scale bar")
            .changed()
        {
            dialog.scale = stated.then_some(2_000_000);
        }
        if let Some(scale) = &mut dialog.scale {
            let label = ui.label("1:");
            ui.add(
                egui::DragValue::new(scale)
                    .range(1_000..=100_000_000)
                    .speed(10_000.0),
            )
            .labelled_by(label.id);
        }
    });
}
