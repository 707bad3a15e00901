//! "Open scenario folder", "Add overlay" and "Open tile pack": a native picker when the desktop offers one (through the
//! XDG portal, on a background thread), and always a path field, so it works on a bare X
//! session too.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::RichText;

use crate::app::{BackstopApp, Command};
use crate::io::ScenarioSource;

/// What the Open dialog opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpenPurpose {
    /// A scenario folder, in place of the current one.
    #[default]
    ScenarioFolder,
    /// A GeoJSON file, as an extra layer.
    Overlay,
    /// A .pmtiles or .mbtiles file, as the basemap.
    TilePack,
}

impl OpenPurpose {
    fn title(self) -> &'static str {
        match self {
            OpenPurpose::ScenarioFolder => "Open scenario folder",
            OpenPurpose::Overlay => "Add overlay",
            OpenPurpose::TilePack => "Open tile pack",
        }
    }

    fn explanation(self) -> &'static str {
        match self {
            OpenPurpose::ScenarioFolder => {
                "A folder with scenario.toml, hubs.geojson, nations.toml, events.toml and overlays/."
            }
            OpenPurpose::Overlay => {
                "A GeoJSON FeatureCollection (up to 64 MB) to draw over the map. You can also drop files on the window."
            }
            OpenPurpose::TilePack => {
                "A raster tile pack for offline use: PMTiles (v3) or MBTiles, with PNG, JPEG or WebP tiles. Borders, oblasts and labels stay on top."
            }
        }
    }
}

/// State of the Open dialog.
#[derive(Default)]
pub struct OpenDialog {
    /// Shown.
    pub open: bool,
    /// Folder or overlay file.
    pub purpose: OpenPurpose,
    /// The folder typed or picked.
    pub path: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    picker: Option<Receiver<Option<PathBuf>>>,
}

impl OpenDialog {
    /// Opens the dialog for `purpose`, starting from `start` when given.
    pub fn show_for(&mut self, purpose: OpenPurpose, start: Option<PathBuf>) {
        if self.purpose != purpose {
            self.path.clear();
        }
        self.purpose = purpose;
        self.show_with(start);
    }

    /// Opens the dialog, starting from `start` when given.
    pub fn show_with(&mut self, start: Option<PathBuf>) {
        self.open = true;
        self.error = None;
        if self.path.is_empty() {
            self.path = start
                .or_else(|| std::env::current_dir().ok())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
        }
    }

    fn poll_picker(&mut self) {
        let Some(receiver) = &self.picker else { return };
        match receiver.try_recv() {
            Ok(Some(path)) => {
                self.path = path.display().to_string();
                self.picker = None;
            }
            Ok(None) => {
                self.error = Some(
                    "No folder picked (or no desktop file dialog here): type the path instead."
                        .into(),
                );
                self.picker = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picker = None,
        }
    }

    fn start_picker(&mut self, ctx: &egui::Context) {
        let (sender, receiver) = channel();
        let repaint = ctx.clone();
        let start = PathBuf::from(&self.path);
        let purpose = self.purpose;
        // The portal call blocks: never on the UI thread.
        let spawned = std::thread::Builder::new()
            .name("folder-picker".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new();
                let folder = if start.is_dir() {
                    Some(start.as_path())
                } else {
                    start.parent()
                };
                if let Some(folder) = folder.filter(|f| f.is_dir()) {
                    dialog = dialog.set_directory(folder);
                }
                let picked = match purpose {
                    OpenPurpose::ScenarioFolder => {
                        dialog.set_title("Open scenario folder").pick_folder()
                    }
                    OpenPurpose::Overlay => dialog
                        .set_title("Add overlay")
                        .add_filter("GeoJSON", &["geojson", "json"])
                        .pick_file(),
                    OpenPurpose::TilePack => dialog
                        .set_title("Open tile pack")
                        .add_filter("Tile packs", &["pmtiles", "mbtiles"])
                        .pick_file(),
                };
                let _ = sender.send(picked);
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => self.picker = Some(receiver),
            Err(e) => self.error = Some(format!("cannot start the file dialog: {e}")),
        }
    }
}

/// Draws the Open dialog when it is open.
pub fn open_dialog(ctx: &egui::Context, app: &mut BackstopApp) {
    let dialog = &mut app.open_dialog;
    if !dialog.open {
        return;
    }
    dialog.poll_picker();
    let mut command = None;
    // A command after which the dialog stays open (it shows the outcome).
    let mut app_command = None;
    let checking = app.basemaps.opening.is_some();
    let dialog = &mut app.open_dialog;
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
                        command = Some(Command::AddOverlay(path));
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
