//! The user's own overlays: started from a drop or the Add overlay dialog, loaded in
//! the background, added when ready, removable. Their problems join the scenario's.

use std::path::PathBuf;

use super::{BackstopApp, Command};
use crate::io::Diagnostic;
use crate::overlay::OverlayLoad;

pub use crate::overlay::ShownOverlay;

/// User overlays: those on the map, those loading, and what went wrong.
#[derive(Debug, Default)]
pub struct Overlays {
    /// On the map, bottom first.
    pub layers: Vec<ShownOverlay>,
    /// Loading.
    pub loading: Vec<OverlayLoad>,
    /// Problems of the files read (features left out, files that failed).
    pub problems: Vec<Diagnostic>,
    /// The tables of GeoPackages read with every table, kept when one is chosen so the
    /// others stay offered.
    pub known_tables: std::collections::HashMap<PathBuf, Vec<String>>,
    next_id: u64,
}

impl Overlays {
    /// True when nothing is loading and every picture of a dense overlay is ready.
    pub fn is_settled(&self) -> bool {
        self.loading.is_empty()
            && self
                .layers
                .iter()
                .all(|o| o.raster.lock().is_ok_and(|r| !r.is_pending()))
    }

    /// The overlay with this id.
    pub fn get(&self, id: u64) -> Option<&ShownOverlay> {
        self.layers.iter().find(|o| o.layer.id == id)
    }
}

impl BackstopApp {
    /// Starts loading a file of any overlay format as an overlay.
    pub fn add_overlay(&mut self, path: PathBuf) {
        self.add_overlay_with(path, crate::io::formats::ReadOptions::default());
    }

    /// Starts loading an overlay, read as the user chose.
    pub fn add_overlay_with(&mut self, path: PathBuf, options: crate::io::formats::ReadOptions) {
        let id = self.overlays.next_id;
        self.overlays.next_id += 1;
        log::info!("loading overlay {}", path.display());
        let repaint = self.jobs.repaint.clone();
        let zoom = self.map_memory.zoom();
        self.overlays
            .loading
            .push(OverlayLoad::start(id, path, options, zoom, move || {
                repaint.wake()
            }));
    }

    /// Puts a prepared overlay on the map, on top, with its problems in Problems.
    pub fn add_loaded_overlay(&mut self, layer: crate::overlay::UserLayer) {
        self.overlays
            .problems
            .extend(layer.problems.iter().cloned());
        self.overlays.layers.push(ShownOverlay::new(layer));
    }

    /// Loads an overlay at once, on this thread (for the command line, which has no
    /// frames to wait through); the app itself loads in the background.
    pub fn load_overlay_now(
        &mut self,
        path: PathBuf,
        options: &crate::io::formats::ReadOptions,
    ) -> Result<(), Vec<Diagnostic>> {
        let id = self.overlays.next_id;
        self.overlays.next_id += 1;
        let layer = crate::overlay::load(id, path, options, &Default::default())?;
        self.add_loaded_overlay(layer);
        self.refresh_picture();
        Ok(())
    }

    /// Files dropped on the window become overlays. A Shapefile comes as several files:
    /// its .dbf, .shx, .prj and .cpg are read with the .shp, not as overlays of their own.
    pub(super) fn read_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for path in &dropped {
            if !crate::io::formats::is_shapefile_part(path) {
                self.commands.push(Command::AddOverlay(path.clone()));
                continue;
            }
            // A part dropped without its .shp would otherwise vanish without a word.
            let shp_dropped = dropped.iter().any(|other| {
                other.with_extension("").file_name() == path.with_extension("").file_name()
                    && other
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("shp"))
            });
            if !shp_dropped {
                let name = crate::overlay::display_name(path);
                self.toast(
                    format!("{name} is part of a Shapefile: drop its .shp (or a .zip of them all)"),
                    true,
                );
            }
        }
    }

    /// Picks up finished loads; keeps repainting while any runs.
    pub(super) fn poll_overlays(&mut self, ctx: &egui::Context) {
        let mut still_loading = Vec::new();
        for mut load in std::mem::take(&mut self.overlays.loading) {
            match load.poll() {
                None => still_loading.push(load),
                Some(Ok(layer)) => {
                    let left_out = layer.problems.len();
                    let mut text = format!(
                        "Added {}: {} features, {} vertices",
                        layer.name,
                        layer.features.len(),
                        layer.vertices
                    );
                    if left_out > 0 {
                        text.push_str(&format!(" ({left_out} left out: see Problems)"));
                    }
                    self.toast(text, left_out > 0);
                    self.add_loaded_overlay(layer);
                }
                Some(Err(_)) if load.progress.is_cancelled() => {
                    let name = crate::overlay::display_name(&load.path);
                    self.toast(format!("Stopped loading {name}"), false);
                }
                Some(Err(problems)) => {
                    let first = problems
                        .last()
                        .map_or_else(String::new, ToString::to_string);
                    self.toast(format!("Overlay not added: {first}"), true);
                    self.overlays.problems.extend(problems);
                    self.state.show_problems = true;
                }
            }
        }
        self.overlays.loading = still_loading;
        if !self.overlays.loading.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Reads an overlay again with one table of its GeoPackage (or every table), keeping
    /// the rest of how it was read; the new load takes the old one's place when ready.
    pub(super) fn read_overlay_table(&mut self, id: u64, table: Option<String>) {
        let Some(overlay) = self.overlays.get(id) else {
            return;
        };
        let path = overlay.layer.path.clone();
        let tables = overlay.layer.tables.clone();
        let mut options = overlay.layer.options.clone();
        options.table = table;
        if tables.len() > 1 {
            self.overlays.known_tables.insert(path.clone(), tables);
        }
        self.remove_overlay(id);
        self.add_overlay_with(path, options);
    }

    /// Removes an overlay and its problems.
    pub(super) fn remove_overlay(&mut self, id: u64) {
        if let Some(index) = self.overlays.layers.iter().position(|o| o.layer.id == id) {
            let removed = self.overlays.layers.remove(index);
            let name = &removed.layer.name;
            self.overlays.problems.retain(|p| &p.file != name);
            if matches!(&self.state.selection, Some(crate::model::Selection::User { layer, .. }) if *layer == id)
            {
                self.state.selection = None;
            }
        }
    }

    /// Every problem: the scenario's, then the overlays'.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.documents
            .report
            .diagnostics
            .iter()
            .chain(&self.overlays.problems)
            .chain(&self.basemaps.source_problems)
            .chain(&self.jobs.problems)
            // An edit that cannot be written yet says why here too, not only in its form
            // (its warnings are the file's own once it is written).
            .chain(self.authoring.hub_problems.iter().filter(|d| d.is_error()))
            .chain(
                self.authoring
                    .nation_problems
                    .iter()
                    .filter(|d| d.is_error()),
            )
    }
}
