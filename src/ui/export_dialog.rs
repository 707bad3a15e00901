//! Export from the app: "Save view as PNG" (exactly what is on screen, cropped to the map)
//! and "Export image…" (any size, off screen, with the briefing layout), plus a toast
//! with the saved path. The save dialog runs off the UI thread and falls back to a path
//! field in the Pictures folder when the desktop has no file dialog.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::RichText;

use crate::app::{BackstopApp, Command};
use crate::export::ExportOptions;

/// Picture sizes offered in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportPreset {
    /// Full HD.
    #[default]
    FullHd,
    /// 4K UHD.
    Uhd,
    /// A4 landscape at 300 dpi.
    A4,
    /// Width and height typed in.
    Custom,
}

impl ExportPreset {
    const ALL: [ExportPreset; 4] = [
        ExportPreset::FullHd,
        ExportPreset::Uhd,
        ExportPreset::A4,
        ExportPreset::Custom,
    ];

    fn label(self) -> &'static str {
        match self {
            ExportPreset::FullHd => "1920 × 1080",
            ExportPreset::Uhd => "3840 × 2160",
            ExportPreset::A4 => "A4 landscape, 300 dpi (3508 × 2480)",
            ExportPreset::Custom => "Custom",
        }
    }

    /// The preset's size in pixels (`custom` for Custom).
    pub fn size(self, custom: [u32; 2]) -> [u32; 2] {
        match self {
            ExportPreset::FullHd => [1920, 1080],
            ExportPreset::Uhd => [3840, 2160],
            ExportPreset::A4 => [3508, 2480],
            ExportPreset::Custom => custom,
        }
    }
}

/// State of the Export image dialog.
pub struct ExportDialog {
    /// Shown.
    pub open: bool,
    /// Chosen size.
    pub preset: ExportPreset,
    /// Custom size.
    pub custom: [u32; 2],
    /// Parts of the layout.
    pub options: ExportOptions,
    /// Where to save.
    pub path: String,
    /// A render was asked for; it runs next frame, after the progress shows.
    pub render_requested: bool,
    picker: Option<Receiver<Option<PathBuf>>>,
}

impl ExportDialog {
    /// A closed dialog that saves into `pictures`.
    pub fn saving_into(pictures: &crate::io::UserFolders) -> Self {
        Self {
            open: false,
            preset: ExportPreset::default(),
            custom: [2400, 1600],
            options: ExportOptions::default(),
            path: pictures.new_picture_path("export").display().to_string(),
            render_requested: false,
            picker: None,
        }
    }
}

fn start_save_picker(ctx: &egui::Context, start: &Path) -> Option<Receiver<Option<PathBuf>>> {
    let (sender, receiver) = channel();
    let repaint = ctx.clone();
    let folder = start.parent().map(Path::to_path_buf);
    let name = start.file_name().map(|n| n.to_string_lossy().into_owned());
    std::thread::Builder::new()
        .name("save-picker".into())
        .spawn(move || {
            let mut dialog = rfd::FileDialog::new()
                .add_filter("PNG image", &["png"])
                .set_title("Export image");
            if let Some(folder) = folder.filter(|f| f.is_dir()) {
                dialog = dialog.set_directory(folder);
            }
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            let _ = sender.send(dialog.save_file());
            repaint.request_repaint();
        })
        .ok()
        .map(|_| receiver)
}

/// Draws the Export image dialog when it is open.
pub fn export_dialog(ctx: &egui::Context, app: &mut BackstopApp) {
    let dialog = &mut app.export_dialog;
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
