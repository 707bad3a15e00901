//! The application: state, the command queue, and the frame.

mod annotate;
mod apply;
mod author_command;
mod authoring;
mod authoring_apply;
mod authoring_overlay;
mod authoring_settings;
mod basemaps;
mod choices;
mod command;
mod command_label;
mod deck_export;
mod dialogs;
mod edits;
mod exports;
mod frame;
mod history;
mod loading;
mod overlays;
mod picture;
mod present;
mod repaint;
mod saving;
mod screenshot;
mod settings;
mod slides;
mod watch;

pub use annotate::{Annotations, Tool, extend_stroke};
pub use author_command::AuthorCommand;
pub use authoring::{Authoring, CopyPrompt, NewScenarioDialog, unused_folder};
pub use basemaps::{Basemaps, PreparePack};
pub use command::Command;
pub use deck_export::{DECK_SIZE, DeckJob, DeckTarget, default_deck_file, default_deck_folder};
pub use dialogs::{
    Dialogs, ExportDialog, ExportPreset, OpenDialog, OpenPurpose, PictureFormat, SearchBox,
    start_save_picker,
};
pub use exports::{ExportState, Toast};
pub use history::{DocumentState, UNDO_LIMIT, UndoDomain, UndoHistory};
pub use loading::{PreparedScenario, prepare_scenario};
pub use overlays::{Overlays, ShownOverlay};
pub use picture::picture_text;
pub use present::{FLIGHT, Flight, PROJECTOR_SCALE, Presenter, slide_view};
pub use repaint::Repaint;
use saving::PendingSaves;
pub use screenshot::{ScreenshotOutcome, ScreenshotTask, save_png};
pub use settings::{Camera, LayerChoice, Settings, Theme};
pub use slides::Slides;
pub use watch::FolderWatch;

use std::sync::{Arc, OnceLock};

use egui::Rect;
use walkers::{MapMemory, lon_lat};

use crate::basemap::Basemap;
use crate::io::{LoadReport, ScenarioFiles, UserFolders};
use crate::map::MapStyle;
use crate::mesh::WorldView;
use crate::model::Selection;
use crate::scene::{Picture, PictureChoices, Scene};

pub use crate::geometry::UKRAINE_BOUNDS;

/// The embedded basemap, parsed once per process (tests build many apps). Its meshes for
/// every zoom band are built on a background thread, so the first frame waits only for
/// the bands it draws.
pub fn shared_basemap() -> Arc<Basemap> {
    static BASEMAP: OnceLock<Arc<Basemap>> = OnceLock::new();
    BASEMAP
        .get_or_init(|| {
            let basemap = Arc::new(Basemap::load());
            let warm = basemap.clone();
            let spawned = std::thread::Builder::new()
                .name("basemap-meshes".into())
                .spawn(move || warm.build_all());
            if let Err(e) = spawned {
                log::warn!("basemap meshes will be built on first use: {e}");
            }
            basemap
        })
        .clone()
}

/// Every hub's exposure, measured against the basemap's borders.
pub fn exposures_of(
    scenario: &crate::model::Scenario,
    basemap: &Basemap,
) -> Vec<crate::analysis::HubExposure> {
    let borders = crate::analysis::Borders::from_basemap(basemap);
    crate::analysis::hub_exposures(scenario, &borders)
}

/// What the user sees and has chosen, apart from the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// What the map shows: layers, opacity, basemap layers, coalition tint, filters,
    /// time and annotations (a slide sets these).
    pub shown: PictureChoices,
    /// Light or dark.
    pub theme: Theme,
    /// The selected hub, feature or country.
    pub selection: Option<Selection>,
    /// What the pointer is over on the map.
    pub hovered: Option<Selection>,
    /// Layers and legend panel shown.
    pub show_layers_panel: bool,
    /// Details panel shown.
    pub show_details_panel: bool,
    /// Coalition panel shown.
    pub show_coalition_panel: bool,
    /// Exposure panel shown.
    pub show_exposure_panel: bool,
    /// Problems panel shown.
    pub show_problems: bool,
    /// Shortcut list shown.
    pub show_help: bool,
    /// The timeline steps through its stops on its own.
    pub playing: bool,
    /// Timeline panel shown.
    pub show_timeline: bool,
    /// Slides panel shown.
    pub show_slides_panel: bool,
}

impl ViewState {
    fn for_scenario(scenario: &crate::model::Scenario) -> Self {
        let defaults = Settings::default();
        Self {
            shown: PictureChoices {
                visible: scenario.layers.iter().map(|l| l.visible).collect(),
                opacity: vec![1.0; scenario.layers.len()],
                basemap_layers: defaults.basemap_layers,
                coalition_layer: defaults.coalition_layer,
                filters: crate::analysis::Filters::default(),
                as_of: None,
                annotations: crate::model::SlideAnnotations::All,
            },
            theme: defaults.theme,
            selection: None,
            hovered: None,
            show_layers_panel: defaults.show_layers_panel,
            show_details_panel: defaults.show_details_panel,
            show_coalition_panel: defaults.show_coalition_panel,
            show_exposure_panel: false,
            show_problems: defaults.show_problems,
            show_help: false,
            playing: false,
            show_timeline: true,
            show_slides_panel: false,
        }
    }
}

/// The user's annotations and slides for `files`, with their problems added to `report`
/// and the errors among them as toasts.
fn documents_at_start(
    files: &ScenarioFiles,
    folders: &UserFolders,
    report: &mut LoadReport,
) -> (Annotations, Slides, Vec<Toast>) {
    let (annotations, problems) = Annotations::load(folders.annotations_path(files));
    let (slides, slide_problems) = Slides::load(folders.slides_path(files), files);
    let mut toasts: Vec<Toast> = slide_problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| Toast::new(p.message.clone(), true))
        .collect();
    toasts.extend(problems.iter().map(|p| Toast::new(p.clone(), true)));
    report.diagnostics.extend(problems.into_iter().map(|p| {
        crate::io::Diagnostic::file(crate::io::ANNOTATIONS_FILE, crate::io::Severity::Warning, p)
    }));
    report.diagnostics.extend(slide_problems);
    report
        .diagnostics
        .extend(crate::io::check_slides(&slides.deck, &report.scenario));
    (annotations, slides, toasts)
}

/// The user's scenario and documents: the files read, prepared for drawing and analysis,
/// and the annotations and slides being edited, with their undo history.
pub struct Documents {
    /// Where the scenario was read from, for Reload.
    pub files: ScenarioFiles,
    /// The loaded scenario and its problems.
    pub report: LoadReport,
    /// The scenario prepared for drawing.
    pub scene: Arc<Scene>,
    /// The scenario's events and phases on one axis.
    pub timeline: crate::analysis::Timeline,
    /// Each hub's distances to the line and the borders, and the ring sets reaching it.
    pub exposures: Vec<crate::analysis::HubExposure>,
    /// Everything the search box finds.
    pub search_index: crate::analysis::SearchIndex,
    /// The user's annotations.
    pub annotations: Annotations,
    /// The briefing's slides.
    pub slides: Slides,
    /// Undo and redo across annotations, slides and the scenario's files, in one order.
    pub history: UndoHistory,
    /// Text edits written once typing pauses.
    pending_saves: PendingSaves,
}

/// Work in the background and what it reports: loads, exports, the folder watcher.
pub struct Jobs {
    /// A scenario being read on a worker (open, reload, live reload).
    pub loading: Option<crate::job::Job<PreparedScenario>>,
    /// Renders, the window's screenshot for "Save view", and the toasts that report them.
    pub exports: ExportState,
    /// A deck export under way.
    pub deck: Option<DeckJob>,
    /// Background work that failed (a crashed export, say), for the Problems panel.
    pub problems: Vec<crate::io::Diagnostic>,
    /// Wakes the window when background work has news.
    pub repaint: Repaint,
    /// The open scenario folder's watcher, for live reload.
    pub watch: Option<FolderWatch>,
}

/// Backstop's state, in parts: the documents, what is shown (`state`, the camera and the
/// picture), the tools, the user's overlays and basemap, the dialogs and the background
/// jobs. `ui::show` draws a frame of it; commands queued by the panels change it.
pub struct BackstopApp {
    /// The scenario, annotations and slides.
    pub documents: Documents,
    /// What is shown and selected.
    pub state: ViewState,
    /// What the map shows now, rebuilt when that changes; the window's map and every
    /// export draw from it.
    pub picture: Picture,
    /// walkers' camera.
    pub map_memory: MapMemory,
    /// Where the map was on screen last frame.
    pub map_rect: Option<Rect>,
    /// The measured path and range rings.
    pub tools: crate::analysis::MapTools,
    /// The user's own overlays.
    pub overlays: Overlays,
    /// The built-in basemap.
    pub basemap: Arc<Basemap>,
    /// The raster basemap, if one is chosen, and the tile sources on offer.
    pub basemaps: Basemaps,
    /// The dialogs, the search box and the tables' sort orders.
    pub dialogs: Dialogs,
    /// Background work.
    pub jobs: Jobs,
    /// The user's data, config, cache and Pictures folders (a test's own, in tests).
    pub folders: UserFolders,
    /// The presenter view, while presenting.
    pub presenter: Option<Presenter>,
    /// Edit mode: the hub and nation being edited, and the scenario's own writes.
    pub authoring: Authoring,
    /// Cut between slides instead of flying and fading.
    pub reduce_motion: bool,
    /// How positions are written: the pointer readout, the details panel, copies.
    pub coordinate_format: crate::geometry::position::CoordinateFormat,
    /// Where the pointer is on the map (lon, lat), while it is over the map.
    pub pointer_position: Option<[f64; 2]>,
    /// Watch the open folder for changes.
    pub live_reload: bool,
    /// When Play last moved the timeline's cursor.
    pub last_play_step: Option<std::time::Instant>,
    /// Frame the current slide again once the map has its new size.
    refit_pending: bool,
    commands: Vec<Command>,
    screenshot: Option<ScreenshotTask>,
    /// Frame Ukraine as soon as the map's size is known.
    fit_pending: bool,
    /// When the process started, until the first full frame is logged.
    started: Option<std::time::Instant>,
    /// The theme last given to egui.
    applied_theme: Option<Theme>,
}

impl BackstopApp {
    /// Loads the scenario that `files` reads and prepares everything for drawing; the
    /// user's own files (slides and annotations of the built-in scenario, tile sources,
    /// the tile cache, pictures) are in `folders`.
    pub fn new(files: &ScenarioFiles, folders: UserFolders) -> Self {
        let basemap = shared_basemap();
        let PreparedScenario {
            files,
            mut report,
            scene,
            exposures,
            timeline,
            search_index,
        } = prepare_scenario(files.clone(), None, &basemap);
        let (annotations, slides, toasts) = documents_at_start(&files, &folders, &mut report);
        let mut map_memory = MapMemory::default();
        let view = report.scenario.view.unwrap_or_default();
        map_memory.center_at(lon_lat(view.lon, view.lat));
        if map_memory.set_zoom(view.zoom).is_err() {
            log::warn!("initial zoom {} refused by the map widget", view.zoom);
        }
        let fit_pending = report.scenario.view.is_none();
        let mut exports = ExportState::default();
        exports.toasts = toasts;
        let state = ViewState::for_scenario(&report.scenario);
        let tools = crate::analysis::MapTools::default();
        let picture = Picture::build(
            crate::scene::PictureParts {
                scenario: &report.scenario,
                scene: &scene,
                basemap: &basemap,
                timeline: &timeline,
                annotations: &annotations.items,
                tools: &tools,
                user_overlays: &[],
                tiles: None,
            },
            state.shown.clone(),
            picture_text(&report.scenario),
        );
        Self {
            documents: Documents {
                files,
                report,
                scene,
                timeline,
                exposures,
                search_index,
                annotations,
                slides,
                history: UndoHistory::default(),
                pending_saves: PendingSaves::default(),
            },
            jobs: Jobs {
                loading: None,
                exports,
                deck: None,
                problems: Vec::new(),
                repaint: Repaint::default(),
                watch: None,
            },
            state,
            picture,
            map_memory,
            map_rect: None,
            tools,
            overlays: Overlays::default(),
            basemaps: Basemaps::new(&folders),
            basemap,
            dialogs: Dialogs::new(&folders),
            folders,
            presenter: None,
            authoring: Authoring::default(),
            reduce_motion: false,
            coordinate_format: crate::geometry::position::CoordinateFormat::default(),
            pointer_position: None,
            live_reload: true,
            last_play_step: None,
            refit_pending: false,
            commands: Vec::new(),
            screenshot: None,
            fit_pending,
            started: None,
            applied_theme: None,
        }
    }

    /// Keeps annotations at `path` instead (tests, and scenarios that want them elsewhere).
    pub fn with_annotations_at(mut self, path: std::path::PathBuf) -> Self {
        let (annotations, problems) = Annotations::load(path);
        self.documents.annotations = annotations;
        for problem in problems {
            self.toast(problem, true);
        }
        self.refresh_picture();
        self
    }

    /// Saves a screenshot of the window once the map is drawn, then closes it.
    pub fn with_screenshot(mut self, task: ScreenshotTask) -> Self {
        self.screenshot = Some(task);
        self
    }

    /// Logs how long after `started` the first full frame was drawn.
    pub fn with_start_time(mut self, started: std::time::Instant) -> Self {
        self.started = Some(started);
        self
    }

    /// The "as of" shown in the top bar and on exports: the timeline cursor's date or
    /// phase, or the scenario's date when the cursor is off.
    pub fn as_of_text(&self) -> Option<String> {
        self.picture.text.as_of.clone()
    }

    /// The map palette for the current theme.
    pub fn style(&self) -> MapStyle {
        MapStyle::for_theme(self.state.theme)
    }

    /// Queues a command for the end of this frame.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The view of the map as last drawn.
    pub fn world_view(&self) -> Option<WorldView> {
        let rect = self.map_rect?;
        let centre = self.map_memory.detached()?;
        Some(WorldView::new(
            centre.x(),
            centre.y(),
            self.map_memory.zoom(),
            rect,
        ))
    }
}
