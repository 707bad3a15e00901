//! The application: state, the command queue, and the frame.

mod command;
mod screenshot;

pub use command::Command;
pub use screenshot::{ScreenshotOutcome, ScreenshotTask, save_png};

use std::sync::{Arc, OnceLock};

use egui::Rect;
use walkers::{MapMemory, lon_lat};

use crate::basemap::Basemap;
use crate::geometry::{WorldPoint, lon_lat_to_world, world_to_lon_lat};
use crate::io::{LoadReport, ScenarioFiles, ScenarioSource, load_scenario};
use crate::map::{BasemapLayers, MapStyle, Selection};
use crate::mesh::WorldView;
use crate::model::View;
use crate::scene::Scene;

/// Ukraine's bounding box: west, south, east, north.
pub const UKRAINE_BOUNDS: [f64; 4] = [22.1, 44.3, 40.3, 52.4];

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

/// What the user sees and has chosen, apart from the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Visibility per scenario layer.
    pub visible: Vec<bool>,
    /// Basemap layer toggles.
    pub basemap_layers: BasemapLayers,
    /// The selected hub or feature.
    pub selection: Option<Selection>,
    /// Problems panel open.
    pub show_problems: bool,
}

/// Backstop's state. `show` draws one frame; eframe and the tests both call it.
pub struct BackstopApp {
    /// The loaded scenario and its problems.
    pub report: LoadReport,
    /// The scenario prepared for drawing.
    pub scene: Scene,
    /// The basemap.
    pub basemap: Arc<Basemap>,
    /// What is shown and selected.
    pub state: ViewState,
    /// walkers' camera.
    pub map_memory: MapMemory,
    /// Where the map was on screen last frame.
    pub map_rect: Option<Rect>,
    /// Palette.
    pub style: MapStyle,
    /// Where the scenario was read from, for Reload.
    pub files: ScenarioFiles,
    /// The Open scenario folder dialog.
    pub open_dialog: crate::ui::OpenDialog,
    commands: Vec<Command>,
    screenshot: Option<ScreenshotTask>,
    /// Frame Ukraine as soon as the map's size is known.
    fit_pending: bool,
    /// When the process started, until the first full frame is logged.
    started: Option<std::time::Instant>,
}

impl BackstopApp {
    /// Loads the scenario that `files` reads and prepares everything for drawing.
    pub fn new(files: &ScenarioFiles) -> Self {
        let report = load_scenario(files);
        for diagnostic in &report.diagnostics {
            log::warn!("{diagnostic}");
        }
        let scene = Scene::build(&report.scenario);
        let mut map_memory = MapMemory::default();
        let view = report.scenario.view.unwrap_or_default();
        map_memory.center_at(lon_lat(view.lon, view.lat));
        if map_memory.set_zoom(view.zoom).is_err() {
            log::warn!("initial zoom {} refused by the map widget", view.zoom);
        }
        let fit_pending = report.scenario.view.is_none();
        let state = ViewState {
            visible: report.scenario.layers.iter().map(|l| l.visible).collect(),
            basemap_layers: BasemapLayers::default(),
            selection: None,
            show_problems: false,
        };
        Self {
            report,
            scene,
            basemap: shared_basemap(),
            state,
            map_memory,
            map_rect: None,
            style: MapStyle::LIGHT,
            files: files.clone(),
            open_dialog: crate::ui::OpenDialog::default(),
            commands: Vec::new(),
            screenshot: None,
            fit_pending,
            started: None,
        }
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

    /// Queues a command for the end of this frame.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The view of the map as last drawn.
    pub fn world_view(&self) -> Option<WorldView> {
        let rect = self.map_rect?;
        let home = View::default();
        let centre = self
            .map_memory
            .detached()
            .unwrap_or_else(|| lon_lat(home.lon, home.lat));
        Some(WorldView::new(
            centre.x(),
            centre.y(),
            self.map_memory.zoom(),
            rect,
        ))
    }

    /// Draws one frame.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.read_shortcuts(ui.ctx());
        crate::ui::top_bar(ui, self);
        crate::ui::layers_panel(ui, self);
        crate::ui::details_panel(ui, self);
        if self.state.show_problems {
            crate::ui::problems_panel(ui, self);
        }
        crate::ui::map_view(ui, self);
        crate::ui::open_dialog(ui.ctx(), self);
        if self.fit_pending && self.map_rect.is_some() {
            self.fit_pending = false;
            self.commands.push(Command::FitUkraine);
            ui.ctx().request_repaint();
        }
        self.apply_commands();
        if !self.fit_pending
            && self.map_rect.is_some()
            && let Some(started) = self.started.take()
        {
            log::info!(
                "first full frame {} ms after start",
                started.elapsed().as_millis()
            );
        }
        if let Some(task) = &mut self.screenshot
            && task.step(ui.ctx(), self.map_rect.is_some())
        {
            self.screenshot = None;
        }
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        for command in Command::WITH_SHORTCUTS {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.commands.push(command.clone());
            }
        }
        // "+" arrives as Equals on many layouts.
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Equals)) {
            self.commands.push(Command::ZoomIn);
        }
    }

    fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::FitUkraine => self.fit_ukraine(),
                Command::ZoomIn => {
                    let _ = self.map_memory.zoom_in();
                }
                Command::ZoomOut => {
                    let _ = self.map_memory.zoom_out();
                }
                Command::ToggleLayer(index) => {
                    if let Some(visible) = self.state.visible.get_mut(index) {
                        *visible = !*visible;
                    }
                }
                Command::Select(selection) => self.state.selection = Some(selection),
                Command::ClearSelection => self.state.selection = None,
                Command::ToggleProblems => self.state.show_problems = !self.state.show_problems,
                Command::ShowOpenDialog => {
                    let start = match self.files.source() {
                        ScenarioSource::Folder(path) => Some(path.clone()),
                        ScenarioSource::Builtin => None,
                    };
                    self.open_dialog.show_with(start);
                }
                Command::OpenScenario(source) => self.load(ScenarioFiles::new(source)),
                Command::ReloadScenario => self.load(self.files.clone()),
            }
        }
    }

    /// Replaces the scenario with the one `files` reads; the view stays where it is,
    /// layer choices are kept for layers of the same id.
    pub fn load(&mut self, files: ScenarioFiles) {
        let report = load_scenario(&files);
        for diagnostic in &report.diagnostics {
            log::warn!("{diagnostic}");
        }
        let previous: Vec<(String, bool)> = self
            .report
            .scenario
            .layers
            .iter()
            .map(|l| l.id.clone())
            .zip(self.state.visible.iter().copied())
            .collect();
        self.state.visible = report
            .scenario
            .layers
            .iter()
            .map(|layer| {
                previous
                    .iter()
                    .find(|(id, _)| *id == layer.id)
                    .map_or(layer.visible, |(_, visible)| *visible)
            })
            .collect();
        if files.source() != self.files.source() {
            self.state.selection = None;
            self.fit_pending = report.scenario.view.is_none();
            if let Some(view) = report.scenario.view {
                self.map_memory.center_at(lon_lat(view.lon, view.lat));
                let _ = self.map_memory.set_zoom(view.zoom);
            }
        }
        self.scene = Scene::build(&report.scenario);
        self.report = report;
        self.files = files;
    }

    /// Frames Ukraine in the map area.
    pub fn fit_ukraine(&mut self) {
        let [west, south, east, north] = UKRAINE_BOUNDS;
        let rect = self
            .map_rect
            .unwrap_or_else(|| Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1200.0, 800.0)));
        let zoom = WorldView::zoom_to_fit(west, south, east, north, rect, 24.0);
        let (north_west, south_east) =
            (lon_lat_to_world(west, north), lon_lat_to_world(east, south));
        let centre = world_to_lon_lat(WorldPoint {
            x: (north_west.x + south_east.x) / 2.0,
            y: (north_west.y + south_east.y) / 2.0,
        });
        self.map_memory.center_at(lon_lat(centre.0, centre.1));
        let _ = self.map_memory.set_zoom(zoom);
    }
}

impl eframe::App for BackstopApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
