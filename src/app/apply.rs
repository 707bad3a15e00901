//! Applying queued commands: the one place where the app's state changes.

use egui::Rect;
use walkers::lon_lat;

use super::{BackstopApp, Command, UKRAINE_BOUNDS};
use crate::geometry::{WorldPoint, lon_lat_to_world, world_to_lon_lat};
use crate::io::{ScenarioFiles, ScenarioSource};
use crate::mesh::WorldView;
use crate::model::Selection;

impl BackstopApp {
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command, ctx);
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        // In front of an audience the map is not edited or selected by accident.
        if self.presenting()
            && matches!(
                command,
                Command::Select(_)
                    | Command::ClearSelection
                    | Command::SaveAnnotations
                    | Command::AddMeasurePoint(_)
                    | Command::PlaceRings { .. }
            )
        {
            return;
        }
        let state = &mut self.state;
        match command {
            Command::FitUkraine => {
                let [west, south, east, north] = UKRAINE_BOUNDS;
                self.fit_bounds(west, south, east, north);
            }
            Command::ZoomIn => {
                let _ = self.map_memory.zoom_in();
            }
            Command::ZoomOut => {
                let _ = self.map_memory.zoom_out();
            }
            Command::Pan(dx, dy) => self.pan(dx, dy),
            Command::FocusOn { lon, lat, zoom } => {
                self.map_memory.center_at(lon_lat(lon, lat));
                let _ = self.map_memory.set_zoom(zoom.clamp(1.0, 18.0));
            }
            Command::ZoomToBounds([west, south, east, north]) => {
                // A point-like box gets a little room around it.
                let pad = 0.05;
                self.fit_bounds(west - pad, south - pad, east + pad, north + pad);
            }
            Command::FocusSearch => self.dialogs.search.focus_requested = true,
            Command::NextHub => self.cycle_hub(1),
            Command::PreviousHub => self.cycle_hub(-1),
            Command::ToggleLayer(index) => {
                if let Some(visible) = state.shown.visible.get_mut(index) {
                    *visible = !*visible;
                }
            }
            Command::SetLayerOpacity(index, opacity) => {
                if let Some(slot) = state.shown.opacity.get_mut(index) {
                    *slot = opacity.clamp(0.0, 1.0);
                }
            }
            Command::ZoomToLayer(index) => self.zoom_to_layer(index),
            Command::ToggleCoalitionLayer => {
                state.shown.coalition_layer = !state.shown.coalition_layer
            }
            Command::ToggleGraticule => {
                let layers = &mut state.shown.basemap_layers;
                layers.graticule = !layers.graticule;
            }
            Command::ToggleMgrsGrid => {
                let layers = &mut state.shown.basemap_layers;
                layers.mgrs_grid = !layers.mgrs_grid;
            }
            Command::Select(selection) => {
                if self.authoring.editing
                    && let Selection::Feature { layer, id } = &selection
                {
                    self.open_feature(layer, id);
                }
                self.state.selection = Some(selection);
            }
            Command::ClearSelection => {
                self.tools.measurement.finish();
                state.selection = None;
                self.documents.annotations.selected.clear();
                self.documents.annotations.draft = None;
                // Esc also stops drawing a shape or placing a hub.
                self.authoring.sketch = None;
                self.authoring.placing = None;
            }
            Command::ToggleProblems => state.show_problems = !state.show_problems,
            Command::ToggleCoalitionPanel => {
                state.show_coalition_panel = !state.show_coalition_panel
            }
            Command::ToggleExposurePanel => state.show_exposure_panel = !state.show_exposure_panel,
            Command::ToggleTimeline => state.show_timeline = !state.show_timeline,
            Command::ToggleLiveReload => self.live_reload = !self.live_reload,
            Command::ToggleReduceMotion => self.reduce_motion = !self.reduce_motion,
            Command::ToggleLayersPanel => state.show_layers_panel = !state.show_layers_panel,
            Command::ToggleDetailsPanel => state.show_details_panel = !state.show_details_panel,
            Command::SetTheme(theme) => state.theme = theme,
            Command::ToggleHelp => state.show_help = !state.show_help,
            Command::ShowOpenDialog => {
                let start = match self.documents.files.source() {
                    ScenarioSource::Folder(path) => Some(path.clone()),
                    ScenarioSource::Builtin => None,
                };
                self.dialogs
                    .open
                    .show_for(super::OpenPurpose::ScenarioFolder, start);
            }
            Command::OpenScenario(source) => self.load(ScenarioFiles::new(source)),
            Command::ReloadScenario => self.load(self.documents.files.clone()),
            Command::ShowAddOverlayDialog => {
                let start = match self.documents.files.source() {
                    ScenarioSource::Folder(path) => Some(path.clone()),
                    ScenarioSource::Builtin => None,
                };
                self.dialogs
                    .open
                    .show_for(super::OpenPurpose::Overlay, start);
            }
            Command::AddOverlay(path) => self.add_overlay(path),
            Command::AddOverlayWith(path, options) => self.add_overlay_with(path, options),
            Command::ChooseBasemap(choice) => self.choose_basemap(choice, Some(ctx)),
            Command::ShowOpenTilePackDialog => {
                let start = self.basemaps.recent_packs.first().cloned();
                self.dialogs
                    .open
                    .show_for(super::OpenPurpose::TilePack, start);
            }
            Command::ShowPreparePack => self.show_prepare_pack(),
            Command::StartPreparingPack => self.basemaps.start_pack(),
            Command::ClosePreparePack => {
                if let Some(job) = &self.basemaps.prepare.job {
                    job.progress.cancel();
                }
                self.basemaps.prepare = Default::default();
            }
            Command::RemoveOverlay(id) => self.remove_overlay(id),
            Command::ReadOverlayTable { id, table } => self.read_overlay_table(id, table),
            Command::CancelOverlayLoad(index) => {
                if let Some(load) = self.overlays.loading.get(index) {
                    load.cancel();
                }
            }
            Command::ToggleOverlay(id) => {
                if let Some(overlay) = self.overlays.layers.iter_mut().find(|o| o.layer.id == id) {
                    overlay.visible = !overlay.visible;
                }
            }
            Command::SetPointColour { id, by } => {
                if let Some(overlay) = self.overlays.layers.iter_mut().find(|o| o.layer.id == id) {
                    overlay.points.colour_by = by;
                }
            }
            Command::SetPointFilter { id, filter } => {
                if let Some(overlay) = self.overlays.layers.iter_mut().find(|o| o.layer.id == id) {
                    overlay.points.filter = filter;
                }
            }
            Command::SaveViewAsPng => self.request_view_screenshot(ctx),
            Command::ShowExportDialog => self.dialogs.export.open = true,
            Command::CopyExportToClipboard => self.copy_export(ctx),
            Command::CancelExport => self.cancel_export(),
            Command::SetTool(tool) => {
                self.documents.annotations.tool = tool;
                self.documents.annotations.draft = None;
            }
            Command::Undo => self.undo_latest(),
            Command::Redo => self.redo_latest(),
            Command::DeleteAnnotations => {
                self.documents
                    .annotations
                    .delete_selected(&mut self.documents.history);
                self.save_annotations();
            }
            Command::SaveAnnotations => self.save_annotations(),
            Command::AddMeasurePoint(point) => self.tools.measurement.add(point),
            Command::UndoMeasurePoint => self.tools.measurement.undo_last(),
            Command::CloseMeasurement => {
                self.tools.measurement.close();
            }
            Command::ClearMeasurement => self.tools.measurement = Default::default(),
            Command::PlaceRings { centre, name } => self.place_rings(centre, name),
            Command::ClearRings => self.tools.rings.clear(),
            Command::SetCoordinateFormat(format) => self.coordinate_format = format,
            Command::CopyPosition(at) => self.copy_position(at, ctx),
            Command::CopyPointerPosition => match self.pointer_position {
                Some(at) => self.copy_position(at, ctx),
                None => self.toast("Point at the map to copy a position", false),
            },
            Command::DropMarker { at, label } => {
                self.tools.marker = Some(crate::analysis::Marker { at, label });
            }
            Command::ClearMarker => self.tools.marker = None,
            Command::ToggleSlidesPanel => state.show_slides_panel = !state.show_slides_panel,
            Command::AddSlide => {
                let slide = self.capture_slide();
                self.documents
                    .slides
                    .insert(slide, &mut self.documents.history);
                self.save_slides();
            }
            Command::UpdateSlide(index) => {
                let slide = self.capture_slide();
                self.documents
                    .slides
                    .update(index, slide, &mut self.documents.history);
                self.save_slides();
            }
            Command::DuplicateSlide(index) => {
                self.documents
                    .slides
                    .duplicate(index, &mut self.documents.history);
                self.save_slides();
            }
            Command::DeleteSlide(index) => {
                self.documents
                    .slides
                    .delete(index, &mut self.documents.history);
                self.save_slides();
            }
            Command::MoveSlide(from, to) => {
                self.documents
                    .slides
                    .move_slide(from, to, &mut self.documents.history);
                self.save_slides();
            }
            Command::GoToSlide(index) => self.go_to_slide(index, self.presenting()),
            Command::SaveSlides => self.save_slides(),
            Command::StartPresenting => {
                self.documents.annotations.tool = crate::app::Tool::Select;
                self.start_presenting(ctx);
            }
            Command::StopPresenting => self.stop_presenting(ctx),
            Command::NextSlide => self.step_slide(1),
            Command::PreviousSlide => self.step_slide(-1),
            Command::FirstSlide => self.go_to_slide(0, self.presenting()),
            Command::LastSlide => {
                let last = self.documents.slides.deck.slides.len().saturating_sub(1);
                self.go_to_slide(last, self.presenting());
            }
            Command::ToggleBlackout => {
                if let Some(presenter) = &mut self.presenter {
                    presenter.blackout = !presenter.blackout;
                }
            }
            Command::ExportSlides(folder) => self.start_deck_export(folder, ctx),
            Command::SetHandoutNotes(notes) => self.dialogs.handout_notes = notes,
            Command::CancelDeckExport => {
                if let Some(deck) = &self.jobs.deck {
                    deck.job.cancel();
                }
            }
            choice @ (Command::SetAsOf(_)
            | Command::TogglePlay
            | Command::SetFilters(_)
            | Command::SetBasemapLayers(_)
            | Command::SortCoalition(_)
            | Command::SortExposure(_)) => self.apply_choice(choice),
            Command::Author(command) => self.apply_author(command),
            edit => self.apply_edit(edit),
        }
    }

    /// Keeps the open folder watched (and only it), and reloads once a change settles.
    pub(super) fn poll_watch(&mut self, ctx: &egui::Context) {
        let folder = match self.documents.files.source() {
            ScenarioSource::Folder(folder) if self.live_reload => Some(folder.clone()),
            _ => None,
        };
        if self.jobs.watch.as_ref().map(|w| w.folder()) != folder.as_deref() {
            self.jobs.watch = folder.and_then(|f| super::FolderWatch::start(&f, ctx.clone()));
        }
        let Some(changed) = self.jobs.watch.as_mut().and_then(|w| w.due(ctx)) else {
            return;
        };
        // The app's own edits are already being read; only outside changes reload.
        let outside: Vec<String> = changed
            .iter()
            .map(|path| self.scenario_relative(path))
            .filter(|file| !self.is_own_write(file))
            .collect();
        if !outside.is_empty() {
            log::info!("reloading: {} changed outside Backstop", outside.join(", "));
            self.outside_changes(&outside);
            self.load(self.documents.files.clone());
        }
    }

    /// `path` as a name relative to the open folder ("overlays/line.geojson"), or its
    /// file name when it is not below it.
    fn scenario_relative(&self, path: &std::path::Path) -> String {
        let folder = match self.documents.files.source() {
            ScenarioSource::Folder(folder) => folder.clone(),
            ScenarioSource::Builtin => std::path::PathBuf::new(),
        };
        let canonical = folder.canonicalize().unwrap_or_else(|_| folder.clone());
        let relative = path
            .strip_prefix(&folder)
            .or_else(|_| path.strip_prefix(&canonical))
            .map(std::path::Path::to_path_buf)
            .unwrap_or_else(|_| path.file_name().map(Into::into).unwrap_or_default());
        relative.to_string_lossy().replace('\\', "/")
    }

    /// Puts rings with the toolbar's radii around `centre`; bad radii are said in a toast.
    fn place_rings(&mut self, centre: [f64; 2], name: String) {
        match crate::analysis::parse_radii(&self.tools.radii_text) {
            Some(radii_km) => self.tools.rings.push(crate::analysis::PlacedRings {
                centre,
                radii_km,
                name,
            }),
            None => self.toast(
                format!(
                    "Range rings: \"{}\" is not a list of radii in km (e.g. 25, 50, 100)",
                    self.tools.radii_text
                ),
                true,
            ),
        }
    }

    /// Writes the annotations; a failure is said in a toast, and the work stays in memory.
    pub fn save_annotations(&mut self) {
        self.save_now(super::UndoDomain::Annotations);
    }

    /// The map's rectangle, or a typical one before the first frame.
    fn map_rect_or_default(&self) -> Rect {
        self.map_rect
            .unwrap_or_else(|| Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1200.0, 800.0)))
    }

    /// Frames a lon/lat box in the map area.
    pub fn fit_bounds(&mut self, west: f64, south: f64, east: f64, north: f64) {
        let rect = self.map_rect_or_default();
        let zoom = WorldView::zoom_to_fit(west, south, east, north, rect, 24.0).min(14.0);
        let (north_west, south_east) =
            (lon_lat_to_world(west, north), lon_lat_to_world(east, south));
        let (lon, lat) = world_to_lon_lat(WorldPoint {
            x: (north_west.x + south_east.x) / 2.0,
            y: (north_west.y + south_east.y) / 2.0,
        });
        self.map_memory.center_at(lon_lat(lon, lat));
        let _ = self.map_memory.set_zoom(zoom);
    }

    fn pan(&mut self, dx: f32, dy: f32) {
        let Some(view) = self.world_view() else {
            return;
        };
        let target =
            view.screen.center() + egui::vec2(dx * view.screen.width(), dy * view.screen.height());
        let (lon, lat) = view.screen_to_lon_lat(target);
        self.map_memory.center_at(lon_lat(lon, lat));
    }

    fn cycle_hub(&mut self, step: isize) {
        let hubs = &self.documents.report.scenario.hubs;
        // Hubs the filters or the timeline hide are skipped.
        let shown: Vec<usize> = (0..hubs.len())
            .filter(|i| self.picture.presence.hub(*i) != crate::analysis::Presence::Hidden)
            .collect();
        if shown.is_empty() {
            return;
        }
        let current = match &self.state.selection {
            Some(Selection::Hub(id)) => shown.iter().position(|i| hubs[*i].id == *id),
            _ => None,
        };
        let count = shown.len() as isize;
        let next = match current {
            Some(position) => (position as isize + step).rem_euclid(count),
            None if step > 0 => 0,
            None => count - 1,
        } as usize;
        let hub = &hubs[shown[next]];
        self.map_memory.center_at(lon_lat(hub.lon, hub.lat));
        self.state.selection = Some(Selection::Hub(hub.id.clone()));
    }

    fn zoom_to_layer(&mut self, index: usize) {
        let Some(layer) = self.documents.report.scenario.layers.get(index) else {
            return;
        };
        let points: Vec<(f64, f64)> = if layer.kind == crate::model::LayerKind::Hubs {
            self.documents
                .report
                .scenario
                .hubs
                .iter()
                .map(|h| (h.lon, h.lat))
                .collect()
        } else {
            use geo::CoordsIter;
            layer
                .features
                .iter()
                .flat_map(|f| f.geometry.coords_iter().map(|c| (c.x, c.y)))
                .collect()
        };
        let Some(first) = points.first() else { return };
        let (mut west, mut south, mut east, mut north) = (first.0, first.1, first.0, first.1);
        for (lon, lat) in &points {
            west = west.min(*lon);
            east = east.max(*lon);
            south = south.min(*lat);
            north = north.max(*lat);
        }
        // A lone point gets a little room around it.
        let pad = 0.25;
        self.fit_bounds(west - pad, south - pad, east + pad, north + pad);
    }
}

impl BackstopApp {
    /// Puts a position on the clipboard, written in the chosen format.
    fn copy_position(&mut self, at: [f64; 2], ctx: &egui::Context) {
        let text = crate::geometry::position::format_position(at[1], at[0], self.coordinate_format);
        ctx.copy_text(text.clone());
        self.toast(format!("Copied {text}"), false);
    }
}
