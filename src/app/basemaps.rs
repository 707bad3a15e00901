//! The basemap the map shows: the built-in vector one, an online source, or a tile pack;
//! and preparing packs for offline use.

use std::path::PathBuf;
use std::sync::Arc;

use crate::io::Diagnostic;
use crate::job::{Job, Polled};
use crate::tiles::{
    BasemapChoice, DiskCache, HttpBackend, HttpOptions, PackJob, PackPlan, TileBackend, TileSource,
    TileStore, load_sources, open_pack,
};

/// The "Prepare offline pack" window's state.
#[derive(Default)]
pub struct PreparePack {
    /// Shown.
    pub open: bool,
    /// Shallowest zoom to save.
    pub from: u8,
    /// Deepest zoom to save.
    pub to: u8,
    /// lon/lat bounds of the area (the view when the window opened).
    pub bounds: Option<[f64; 4]>,
    /// Where the pack goes.
    pub path: String,
    /// The job under way or finished.
    pub job: Option<PackJob>,
    /// Why the last start was refused.
    pub refusal: Option<String>,
}

/// Raster basemap state.
pub struct Basemaps {
    /// What is shown.
    pub choice: BasemapChoice,
    /// Sources offered in View → Basemap: built in, then the user's tiles.toml.
    pub sources: Vec<TileSource>,
    /// Problems in tiles.toml.
    pub source_problems: Vec<Diagnostic>,
    /// Where the user's sources are read from.
    pub sources_file: PathBuf,
    /// The active raster basemap's tiles.
    pub store: Option<TileStore>,
    /// The active online source's fetcher (shared with pack preparation).
    pub http: Option<Arc<HttpBackend>>,
    /// Where online tiles are cached.
    pub cache_folder: PathBuf,
    /// Request timeout (tests shorten it).
    pub http_options: HttpOptions,
    /// Packs opened in this and earlier runs, newest first.
    pub recent_packs: Vec<PathBuf>,
    /// The Prepare offline pack window.
    pub prepare: PreparePack,
    /// A pack being opened and checked on a worker.
    pub opening: Option<(PathBuf, Job<Arc<dyn TileBackend>>)>,
}

impl Basemaps {
    /// The built-in basemap, with the user's sources from `folders` on offer.
    pub fn new(folders: &crate::io::UserFolders) -> Self {
        let sources_file = folders.tile_sources_file();
        let (sources, source_problems) = load_sources(&sources_file);
        for problem in &source_problems {
            log::warn!("{problem}");
        }
        Self {
            choice: BasemapChoice::BuiltIn,
            sources,
            source_problems,
            sources_file,
            store: None,
            http: None,
            cache_folder: folders.tile_cache(),
            http_options: HttpOptions::default(),
            recent_packs: Vec::new(),
            prepare: PreparePack::default(),
            opening: None,
        }
    }

    /// Switches to `choice`. On failure the basemap stays as it was and the error says why.
    pub fn choose(
        &mut self,
        choice: BasemapChoice,
        ctx: Option<&egui::Context>,
    ) -> Result<(), String> {
        let (backend, http): (Option<Arc<dyn TileBackend>>, Option<Arc<HttpBackend>>) =
            match &choice {
                BasemapChoice::BuiltIn => (None, None),
                BasemapChoice::Online(name) => {
                    let source = self
                        .sources
                        .iter()
                        .find(|s| &s.name == name)
                        .cloned()
                        .ok_or_else(|| {
                            format!(
                                "no tile source called \"{name}\" (see {})",
                                self.sources_file.display()
                            )
                        })?;
                    let cache = DiskCache::new(self.cache_folder.join(source.cache_name()));
                    let all_sources = self.cache_folder.clone();
                    // The cache must not fill the disk; trimming walks every file, so not here.
                    let _ = std::thread::Builder::new()
                        .name("tile-cache-trim".into())
                        .spawn(move || {
                            let freed = crate::tiles::trim_cache(
                                &all_sources,
                                crate::tiles::CACHE_LIMIT_BYTES,
                            );
                            if freed > 0 {
                                log::info!("tile cache: {} MB of old tiles deleted", freed >> 20);
                            }
                        });
                    let http = Arc::new(HttpBackend::new(source, cache, self.http_options)?);
                    (Some(http.clone() as Arc<dyn TileBackend>), Some(http))
                }
                BasemapChoice::Pack(path) => {
                    let pack = open_pack(path)?;
                    self.use_pack(path.clone(), pack, ctx);
                    return Ok(());
                }
            };
        self.install(choice, backend, http, ctx);
        Ok(())
    }

    /// Shows `pack`, opened and checked from `path`, and remembers it among the recent.
    pub fn use_pack(
        &mut self,
        path: PathBuf,
        pack: Arc<dyn TileBackend>,
        ctx: Option<&egui::Context>,
    ) {
        self.recent_packs.retain(|p| *p != path);
        self.recent_packs.insert(0, path.clone());
        self.recent_packs.truncate(6);
        self.install(BasemapChoice::Pack(path), Some(pack), None, ctx);
    }

    fn install(
        &mut self,
        choice: BasemapChoice,
        backend: Option<Arc<dyn TileBackend>>,
        http: Option<Arc<HttpBackend>>,
        ctx: Option<&egui::Context>,
    ) {
        // The latest choice wins over a pack still being opened.
        self.opening = None;
        self.store = backend.map(|backend| {
            let store = TileStore::new(backend);
            if let Some(ctx) = ctx {
                store.set_repaint_context(ctx);
            }
            store
        });
        self.http = http;
        self.choice = choice;
    }

    /// True when no pack is being opened and no tile is on its way (a screenshot waits
    /// for this).
    pub fn is_settled(&self) -> bool {
        self.opening.is_none() && self.store.as_ref().is_none_or(|s| s.status().waiting == 0)
    }

    /// The name of what is shown, for menus and the status line.
    pub fn describe(&self) -> String {
        match &self.choice {
            BasemapChoice::BuiltIn => "Built-in (vector)".into(),
            BasemapChoice::Online(name) => name.clone(),
            BasemapChoice::Pack(path) => self
                .store
                .as_ref()
                .map(|s| s.backend().info().name.clone())
                .unwrap_or_else(|| path.display().to_string()),
        }
    }

    /// Starts preparing a pack of the window's plan, unless it is refused.
    pub fn start_pack(&mut self) {
        let prepare = &mut self.prepare;
        prepare.refusal = None;
        let Some(http) = &self.http else {
            prepare.refusal = Some("Choose an online source in View → Basemap first.".into());
            return;
        };
        let Some(bounds) = prepare.bounds else {
            prepare.refusal = Some("The map's view is not known yet.".into());
            return;
        };
        let plan = PackPlan {
            bounds,
            from: prepare.from,
            to: prepare.to,
        };
        let path = PathBuf::from(prepare.path.trim());
        if path.as_os_str().is_empty() || path.is_dir() {
            prepare.refusal = Some("Give a file name for the pack, ending in .mbtiles.".into());
            return;
        }
        match PackJob::start(plan, http.clone(), &path) {
            Ok(job) => prepare.job = Some(job),
            Err(refusal) => prepare.refusal = Some(refusal),
        }
    }
}

impl super::BackstopApp {
    /// Shows `choice` as the basemap; a failure is shown as a toast and changes nothing.
    /// A pack is opened on a worker (checking an MBTiles file reads all of it) and shown
    /// when it is found whole.
    pub fn choose_basemap(&mut self, choice: BasemapChoice, ctx: Option<&egui::Context>) {
        if let BasemapChoice::Pack(path) = choice {
            let repaint = self.jobs.repaint.clone();
            let file = path.clone();
            let job = Job::spawn(
                "pack-open",
                move || repaint.wake(),
                move |_| open_pack(&file),
            );
            self.basemaps.opening = Some((path, job));
            return;
        }
        if let Err(e) = self.basemaps.choose(choice, ctx) {
            self.toast(e, true);
        }
    }

    /// Shows a pack that finished opening, or says why it cannot be.
    pub(super) fn poll_opening_pack(&mut self, ctx: &egui::Context) {
        let Some((_, job)) = &mut self.basemaps.opening else {
            return;
        };
        let polled = job.poll();
        if matches!(polled, Polled::Running) {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        let Some((path, _)) = self.basemaps.opening.take() else {
            return;
        };
        let asked_in_dialog =
            self.dialogs.open.open && self.dialogs.open.purpose == super::OpenPurpose::TilePack;
        match polled {
            Polled::Finished(pack) => {
                self.basemaps.use_pack(path, pack, Some(ctx));
                if asked_in_dialog {
                    self.dialogs.open.open = false;
                }
            }
            Polled::Failed(e) if asked_in_dialog => self.dialogs.open.error = Some(e),
            Polled::Failed(e) => self.toast(e, true),
            Polled::Running => {}
        }
    }
}

impl super::BackstopApp {
    /// Opens the Prepare offline pack window for the area on the map now.
    pub fn show_prepare_pack(&mut self) {
        let Some(view) = self.world_view() else {
            return;
        };
        let (west, north) = view.screen_to_lon_lat(view.screen.left_top());
        let (east, south) = view.screen_to_lon_lat(view.screen.right_bottom());
        let zoom = view.zoom.round().clamp(0.0, 22.0) as u8;
        let max_zoom = self
            .basemaps
            .http
            .as_ref()
            .map_or(19, |h| h.source().max_zoom);
        let name = self
            .basemaps
            .http
            .as_ref()
            .map_or_else(|| "tiles".to_owned(), |h| h.source().cache_name());
        let prepare = &mut self.basemaps.prepare;
        prepare.open = true;
        prepare.refusal = None;
        prepare.job = None;
        prepare.bounds = Some([
            west.max(-180.0),
            south.max(-85.0),
            east.min(180.0),
            north.min(85.0),
        ]);
        prepare.from = zoom.min(max_zoom);
        prepare.to = (zoom + 2).min(max_zoom);
        if prepare.path.is_empty() {
            prepare.path = self
                .folders
                .data
                .join("packs")
                .join(format!("{name}.mbtiles"))
                .display()
                .to_string();
        }
    }
}
