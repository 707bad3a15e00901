//! "Open scenario folder", "Add overlay" and "Open tile pack": a native picker when the desktop offers one (through the
//! XDG portal, on a background thread), and always a path field, so it works on a bare X
//! session too.

use std::path::PathBuf;

use egui::RichText;

use crate::app::{BackstopApp, Command, OpenPurpose};
use crate::io::ScenarioSource;

/// How an overlay is read: a CSV's text encoding, and which table of a GeoPackage (or
/// Shapefile of a zip).
fn overlay_choices(ui: &mut egui::Ui, dialog: &mut crate::app::OpenDialog) {
    use crate::io::formats::TextEncoding;
    ui.horizontal(|ui| {
        let label = ui.label("Text encoding (CSV)");
        let current = dialog.overlay_options.encoding;
        let name = |e: Option<TextEncoding>| e.map_or("Detect", TextEncoding::label);
        egui::ComboBox::from_id_salt("overlay encoding")
            .selected_text(name(current))
            .show_ui(ui, |ui| {
                for choice in [
                    None,
                    Some(TextEncoding::Utf8),
                    Some(TextEncoding::Windows1251),
                    Some(TextEncoding::Windows1252),
                ] {
                    ui.selectable_value(&mut dialog.overlay_options.encoding, choice, name(choice));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Table (GeoPackage, zip)");
        ui.add(
            egui::TextEdit::singleline(&mut dialog.overlay_table)
                .desired_width(160.0)
                .hint_text("every table"),
        )
        .labelled_by(label.id);
    });
}

/// Draws the Open dialog when it is open.
pub fn open_dialog(ctx: &egui::Context, app: &mut BackstopApp) {
    let dialog = &mut app.dialogs.open;
    if !dialog.open {
        return;
    }
    dialog.poll_picker();
    let mut command = None;
    // A command after which the dialog stays open (it shows the outcome).
    let mut app_command = None;
    let checking = app.basemaps.opening.is_some();
    let dialog = &mut app.dialogs.open;
    let mut open = dialog.open;
    let purpose = dialog.purpose;
    let wants_file = purpose != OpenPurpose::ScenarioFolder;
    egui::Window::new(purpose.title())
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(purpose.explanation());
            ui.horizontal(|ui| {
                let label = ui.label(if wants_file { "File" } else { "Folder" });
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.path)
                        .desired_width(300.0)
                        .hint_text("/path/to/scenario"),
                )
                .labelled_by(label.id);
                let browsing = dialog.picker.is_some();
                if ui
                    .add_enabled(!browsing, egui::Button::new("Browse…"))
                    .clicked()
                {
                    dialog.start_picker(ui.ctx());
                }
                if browsing {
                    ui.spinner();
                }
            });
            if purpose == OpenPurpose::Overlay {
                overlay_choices(ui, dialog);
            }
            if checking && purpose == OpenPurpose::TilePack {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Checking the pack…");
                });
            }
            if let Some(error) = &dialog.error {
                ui.label(RichText::new(error).color(egui::Color32::from_rgb(200, 40, 40)));
            }
            ui.horizontal(|ui| {
                let action = if purpose == OpenPurpose::Overlay {
                    "Add"
                } else {
                    "Open"
                };
                if ui.button(action).clicked() {
                    let path = PathBuf::from(dialog.path.trim());
                    if wants_file && !path.is_file() {
                        dialog.error = Some(format!("{} is not a file", path.display()));
                    } else if purpose == OpenPurpose::Overlay {
                        let mut options = dialog.overlay_options.clone();
                        let table = dialog.overlay_table.trim();
                        options.table = (!table.is_empty()).then(|| table.to_owned());
                        command = Some(Command::AddOverlayWith(path, options));
                    } else if purpose == OpenPurpose::TilePack {
                        // The app checks it on a worker; the dialog stays until it says.
                        dialog.error = None;
                        app_command = Some(Command::ChooseBasemap(
                            crate::tiles::BasemapChoice::Pack(path),
                        ));
                    } else if path.is_dir() {
                        command = Some(Command::OpenScenario(ScenarioSource::Folder(path)));
                    } else {
                        dialog.error = Some(format!("{} is not a folder", path.display()));
                    }
                }
                if !wants_file && ui.button("Built-in scenario").clicked() {
                    command = Some(Command::OpenScenario(ScenarioSource::Builtin));
                }
            });
        });
    dialog.open = open && command.is_none();
    if let Some(command) = command.or(app_command) {
        app.queue(command);
    }
}
