//! Loading a user overlay on a background thread: read, parse, prepare, with progress
//! the UI can show and a result it picks up when ready.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

use super::UserLayer;
use crate::io::formats::{ReadOptions, read_overlay};
use crate::io::{Diagnostic, Severity};
use crate::job::{Job, Polled};

/// Where a load has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file.
    Reading,
    /// Parsing the file's format.
    Parsing,
    /// Simplifying and triangulating for each zoom band.
    Meshing,
}

impl Stage {
    /// Shown beside the progress bar.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "Reading",
            Stage::Parsing => "Parsing",
            Stage::Meshing => "Preparing zoom levels",
        }
    }
}

/// Progress shared between the loading thread and the UI.
#[derive(Debug, Default)]
pub struct LoadProgress {
    stage: AtomicU8,
    /// Fraction done of the current stage, in millionths.
    fraction: AtomicU64,
    cancelled: AtomicBool,
    /// The zoom the map shows (as `f64` bits; 0 for none yet): its band is prepared
    /// with the load, so the first picture needs no wait.
    view_zoom: AtomicU64,
}

impl LoadProgress {
    /// Moves to a stage, at its start.
    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
        self.fraction.store(0, Ordering::Relaxed);
    }

    /// Sets how much of the stage is done, 0..=1.
    pub fn set_fraction(&self, fraction: f64) {
        let millionths = (fraction.clamp(0.0, 1.0) * 1e6) as u64;
        self.fraction.store(millionths, Ordering::Relaxed);
    }

    /// Tells the load which zoom the map shows now.
    pub fn set_view_zoom(&self, zoom: f64) {
        self.view_zoom.store(zoom.to_bits(), Ordering::Relaxed);
    }

    /// The zoom the map showed when last told.
    pub fn view_zoom(&self) -> Option<f64> {
        let bits = self.view_zoom.load(Ordering::Relaxed);
        (bits != 0).then(|| f64::from_bits(bits))
    }

    /// Asks the load to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// The current stage and the fraction of it done.
    pub fn get(&self) -> (Stage, f32) {
        let stage = match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            _ => Stage::Meshing,
        };
        (stage, self.fraction.load(Ordering::Relaxed) as f32 / 1e6)
    }
}

/// A load under way.
#[derive(Debug)]
pub struct OverlayLoad {
    /// The file.
    pub path: PathBuf,
    /// How far it has got.
    pub progress: Arc<LoadProgress>,
    job: Job<Result<UserLayer, Vec<Diagnostic>>>,
}

impl OverlayLoad {
    /// Starts loading `path` on a worker; `wake` is called when there is news.
    pub fn start(
        id: u64,
        path: PathBuf,
        options: ReadOptions,
        view_zoom: f64,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let progress = Arc::new(LoadProgress::default());
        progress.set_view_zoom(view_zoom);
        let shared = progress.clone();
        let file = path.clone();
        let job = Job::spawn("overlay-load", wake, move |_| {
            Ok(load(id, file, &options, &shared))
        });
        Self {
            path,
            progress,
            job,
        }
    }

    /// The result, once the worker is done; a worker that crashed is a problem of the
    /// file's like any other.
    pub fn poll(&mut self) -> Option<Result<UserLayer, Vec<Diagnostic>>> {
        match self.job.poll() {
            Polled::Running => None,
            Polled::Finished(result) => Some(result),
            Polled::Failed(e) => Some(Err(vec![Diagnostic::file(
                &display_name(&self.path),
                Severity::Error,
                format!("loading stopped: {e}"),
            )])),
        }
    }

    /// Asks the load to stop; it ends with "cancelled".
    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

/// The name problems are filed under: the file's name.
pub fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads, parses and prepares a file of any overlay format; blocking.
pub fn load(
    id: u64,
    path: PathBuf,
    options: &ReadOptions,
    progress: &LoadProgress,
) -> Result<UserLayer, Vec<Diagnostic>> {
    let started = std::time::Instant::now();
    let name = display_name(&path);
    let fail = |message: String| vec![Diagnostic::file(&name, Severity::Error, message)];
    progress.set_stage(Stage::Reading);
    let size = match crate::io::check_regular_file(&path, u64::MAX) {
        Ok(size) => size,
        Err(e) => return Err(fail(format!("{}: {e}", path.display()))),
    };
    if let Some(message) = crate::io::too_big_for_memory(size, crate::io::available_memory()) {
        return Err(fail(message));
    }
    let bytes = read_with_progress(&path, size, progress)
        .map_err(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    if progress.is_cancelled() {
        return Err(fail("cancelled".into()));
    }
    progress.set_stage(Stage::Parsing);
    let (features, problems) = read_overlay(&path, &bytes, options)?;
    drop(bytes);
    if features.is_empty() {
        let mut all = problems;
        all.push(Diagnostic::file(
            &name,
            Severity::Error,
            "no feature could be read: nothing to show",
        ));
        return Err(all);
    }
    if progress.is_cancelled() {
        return Err(fail("cancelled".into()));
    }
    let mut layer = UserLayer::prepare(id, path, size, features, problems, progress);
    layer.load_started = started;
    log::info!(
        "{name}: read and prepared in {} ms ({} features, {} vertices)",
        started.elapsed().as_millis(),
        layer.features.len(),
        layer.vertices
    );
    layer.tables = layer_tables(&layer);
    layer.options = options.clone();
    Ok(layer)
}

/// The tables a GeoPackage overlay was read from, each feature's `layer` (when there are
/// several), so the user can pick one.
fn layer_tables(layer: &UserLayer) -> Vec<String> {
    let is_geopackage = layer
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gpkg"));
    if !is_geopackage {
        return Vec::new();
    }
    let features = &layer.features;
    let mut tables: Vec<String> = (0..features.len())
        .filter_map(|row| features.property(row, "layer").and_then(|v| v.as_str()))
        .map(str::to_owned)
        .collect();
    tables.sort();
    tables.dedup();
    tables
}

fn read_with_progress(
    path: &std::path::Path,
    size: u64,
    progress: &LoadProgress,
) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = crate::io::open_regular_file(path, size)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut bytes = Vec::with_capacity(size as usize);
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        if progress.is_cancelled() {
            return Err(std::io::Error::other("cancelled"));
        }
        bytes.extend_from_slice(&buffer[..read]);
        if bytes.len() as u64 > size {
            // Memory was checked for the size it had: a file still being written is
            // read again once it is done, not followed as it grows.
            return Err(std::io::Error::other(
                "the file grew while it was being read (is it still being written?)",
            ));
        }
        progress.set_fraction(bytes.len() as f64 / size.max(1) as f64);
    }
    Ok(bytes)
}
