//! What the dialogs, the search box and the tables remember between frames, and the
//! native file pickers (the XDG portal), which block and so run on their own threads.
//! Plain state the app owns; the panels in `ui` draw it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::analysis::{CoalitionSort, ExposureSort};
use crate::export::ExportOptions;

/// The state of every dialog and of the panels' own controls.
pub struct Dialogs {
    /// Open scenario folder, Add overlay, Open tile pack.
    pub open: OpenDialog,
    /// Export image.
    pub export: ExportDialog,
    /// The search box.
    pub search: SearchBox,
    /// The coalition table's sort order.
    pub coalition_sort: CoalitionSort,
    /// The exposure table's sort order.
    pub exposure_sort: ExposureSort,
    /// The Slides panel's PDF handout puts the speaker notes under each slide.
    pub handout_notes: bool,
}

impl Dialogs {
    /// Every dialog closed; exports go to `folders`' Pictures folder.
    pub fn new(folders: &crate::io::UserFolders) -> Self {
        Self {
            open: OpenDialog::default(),
            export: ExportDialog::saving_into(folders),
            search: SearchBox::default(),
            coalition_sort: CoalitionSort::default(),
            exposure_sort: ExposureSort::default(),
            handout_notes: true,
        }
    }
}

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
    /// Every preset, in the order offered.
    pub const ALL: [ExportPreset; 4] = [
        ExportPreset::FullHd,
        ExportPreset::Uhd,
        ExportPreset::A4,
        ExportPreset::Custom,
    ];

    /// As offered in the dialog.
    pub fn label(self) -> &'static str {
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
    /// The native save dialog, while it is open.
    pub picker: Option<Receiver<Option<PathBuf>>>,
    /// PNG, or a vector format.
    pub format: PictureFormat,
    /// A vector picture's page: a sheet of paper, or the size above when `None`.
    pub paper: Option<crate::export::Paper>,
    /// The paper's long side across.
    pub landscape: bool,
    /// Print the paper page at 1:this.
    pub scale: Option<u64>,
}

/// What the Export image dialog writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PictureFormat {
    /// A raster picture.
    #[default]
    Png,
    /// A vector picture.
    Vector(crate::export::VectorFormat),
}

impl PictureFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Png => "png",
            PictureFormat::Vector(format) => format.extension(),
        }
    }
}

impl ExportDialog {
    /// The page a vector export is laid out on.
    pub fn page(&self) -> crate::export::PageSize {
        match self.paper {
            Some(paper) => crate::export::PageSize::Paper {
                paper,
                landscape: self.landscape,
            },
            None => {
                let [width, height] = self.preset.size(self.custom);
                crate::export::PageSize::Pixels { width, height }
            }
        }
    }
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
            format: PictureFormat::Png,
            paper: Some(crate::export::Paper::A4),
            landscape: true,
            scale: None,
        }
    }
}

/// Opens the native save dialog on its own thread, starting at `start`.
pub fn start_save_picker(ctx: &egui::Context, start: &Path) -> Option<Receiver<Option<PathBuf>>> {
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
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            OpenPurpose::ScenarioFolder => "Open scenario folder",
            OpenPurpose::Overlay => "Add overlay",
            OpenPurpose::TilePack => "Open tile pack",
        }
    }

    /// What to give it.
    pub fn explanation(self) -> &'static str {
        match self {
            OpenPurpose::ScenarioFolder => {
                "A folder with scenario.toml, hubs.geojson, nations.toml, events.toml and overlays/."
            }
            OpenPurpose::Overlay => {
                "GeoJSON, KML/KMZ, CSV with coordinates, Shapefile (.shp or .zip), GeoPackage, FlatGeobuf or GPX (up to 64 MB) to draw over the map. You can also drop files on the window."
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
    /// The native picker, while it is open.
    pub picker: Option<Receiver<Option<PathBuf>>>,
    /// How an overlay is to be read: a CSV's encoding, a GeoPackage's table.
    pub overlay_options: crate::io::formats::ReadOptions,
    /// The table typed for an overlay ("" for every table).
    pub overlay_table: String,
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

    /// Takes the picker's answer, when it has one.
    pub fn poll_picker(&mut self) {
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

    /// Opens the native picker on its own thread.
    pub fn start_picker(&mut self, ctx: &egui::Context) {
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
                        .add_filter("Map data", &crate::io::formats::OverlayFormat::EXTENSIONS)
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

/// The search box's state.
#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    /// What is typed.
    pub query: String,
    /// The highlighted result.
    pub highlighted: usize,
    /// Give the field keyboard focus on the next frame.
    pub focus_requested: bool,
}
