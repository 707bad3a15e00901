//! Preparing an offline pack: the tiles of an area over a range of zooms, fetched politely
//! (two at a time, through the disk cache) and written into an MBTiles file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use super::{BulkPolicy, HttpBackend, MbTilesWriter, TileBackend, TileKey, TileSpan};

/// The most tiles one pack may hold: beyond this, a smaller area or fewer zooms.
pub const MAX_PACK_TILES: u64 = 25_000;
/// A typical raster tile's size, for the estimate shown before starting.
const TYPICAL_TILE_BYTES: u64 = 22_000;
/// Downloads at a time.
const PARALLEL_DOWNLOADS: usize = 2;

/// What to save: an area (west, south, east, north) over zooms `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PackPlan {
    /// lon/lat bounds: west, south, east, north.
    pub bounds: [f64; 4],
    /// Shallowest zoom.
    pub from: u8,
    /// Deepest zoom.
    pub to: u8,
}

impl PackPlan {
    /// The tile spans, one per zoom.
    pub fn spans(&self) -> Vec<TileSpan> {
        let [w, s, e, n] = self.bounds;
        (self.from..=self.to.max(self.from))
            .map(|z| TileSpan::covering(z, w, s, e, n))
            .collect()
    }

    /// How many tiles the pack will hold.
    pub fn tile_count(&self) -> u64 {
        self.spans().iter().map(TileSpan::count).sum()
    }

    /// A rough size on disk, in bytes.
    pub fn estimated_bytes(&self) -> u64 {
        self.tile_count() * TYPICAL_TILE_BYTES
    }

    /// Why this plan may not run for `source`, if it may not.
    pub fn refusal(&self, backend: &HttpBackend) -> Option<String> {
        if let BulkPolicy::Forbidden(why) = &backend.source().bulk {
            return Some(format!(
                "{} cannot be saved as a pack: {why}.",
                backend.source().name
            ));
        }
        let count = self.tile_count();
        if count > MAX_PACK_TILES {
            return Some(format!(
                "{count} tiles is more than the {MAX_PACK_TILES} a pack may hold; choose a smaller area or fewer zoom levels."
            ));
        }
        if self.to > backend.info().max_zoom {
            return Some(format!(
                "{} serves zoom levels up to {}.",
                backend.source().name,
                backend.info().max_zoom
            ));
        }
        None
    }
}

/// Progress shared with the UI.
#[derive(Debug, Default)]
pub struct PackProgress {
    /// Tiles to fetch.
    pub total: AtomicU64,
    /// Tiles saved.
    pub saved: AtomicU64,
    /// Tiles that could not be had (network, server or damaged picture).
    pub failed: AtomicU64,
    /// Tiles the source does not have (HTTP 404): its coverage ends there.
    pub missing: AtomicU64,
    cancel: AtomicBool,
    outcome: Mutex<Option<Result<PathBuf, String>>>,
}

impl PackProgress {
    /// Asks the job to stop; the partial file is removed.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once cancel was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The result, once the job has ended: the pack's path, or why there is none.
    pub fn outcome(&self) -> Option<Result<PathBuf, String>> {
        self.outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Fraction done, 0..1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed).max(1);
        let done = self.saved.load(Ordering::Relaxed)
            + self.failed.load(Ordering::Relaxed)
            + self.missing.load(Ordering::Relaxed);
        done as f32 / total as f32
    }
}

/// A pack being prepared on background threads.
pub struct PackJob {
    /// Shared progress.
    pub progress: Arc<PackProgress>,
    /// Where the pack goes.
    pub path: PathBuf,
}

impl PackJob {
    /// Starts preparing `plan` from `backend` into `path`, unless the plan is refused.
    pub fn start(plan: PackPlan, backend: Arc<HttpBackend>, path: &Path) -> Result<Self, String> {
        if let Some(refusal) = plan.refusal(&backend) {
            return Err(refusal);
        }
        let progress = Arc::new(PackProgress::default());
        progress.total.store(plan.tile_count(), Ordering::Relaxed);
        let writer = MbTilesWriter::create(
            path,
            &backend.source().name,
            &backend.source().attribution,
            (plan.from, plan.to),
            plan.bounds,
        )?;
        let shared = progress.clone();
        std::thread::Builder::new()
            .name("tile-pack".into())
            .spawn(move || {
                let outcome = run(&plan, &backend, writer, &shared);
                *shared
                    .outcome
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = Some(outcome);
            })
            .map_err(|e| format!("cannot start preparing the pack: {e}"))?;
        Ok(Self {
            progress,
            path: path.to_path_buf(),
        })
    }
}

fn run(
    plan: &PackPlan,
    backend: &Arc<HttpBackend>,
    mut writer: MbTilesWriter,
    progress: &PackProgress,
) -> Result<PathBuf, String> {
    let keys: Vec<TileKey> = plan
        .spans()
        .iter()
        .flat_map(|s| s.keys().collect::<Vec<_>>())
        .collect();
    let next = Arc::new(Mutex::new(keys.into_iter()));
    let (sender, receiver) = mpsc::channel();
    let mut workers = Vec::new();
    for _ in 0..PARALLEL_DOWNLOADS {
        let (next, sender, backend) = (next.clone(), sender.clone(), backend.clone());
        workers.push(std::thread::spawn(move || {
            loop {
                let key = next.lock().unwrap_or_else(PoisonError::into_inner).next();
                let Some(key) = key else { break };
                if sender.send((key, backend.tile_bytes(key))).is_err() {
                    break;
                }
            }
        }));
    }
    drop(sender);
    let mut last_failure = None;
    for (key, outcome) in receiver {
        if progress.is_cancelled() {
            // Workers stop at their next send.
            next.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .by_ref()
                .for_each(drop);
            writer.abandon();
            return Err("Cancelled; no pack was written.".into());
        }
        if matches!(outcome, Err(super::TileFailure::Missing)) {
            progress.missing.fetch_add(1, Ordering::Relaxed);
            continue;
        }
        match outcome.map_err(|f| f.to_string()).and_then(|bytes| {
            super::backend::decode_tile(&bytes).map_err(|f| f.to_string())?;
            writer.add(key, &bytes)
        }) {
            Ok(()) => progress.saved.fetch_add(1, Ordering::Relaxed),
            Err(reason) => {
                last_failure = Some(reason);
                progress.failed.fetch_add(1, Ordering::Relaxed)
            }
        };
    }
    for worker in workers {
        let _ = worker.join();
    }
    let saved = progress.saved.load(Ordering::Relaxed);
    if saved == 0 {
        writer.abandon();
        return Err(format!(
            "No tile could be fetched ({}); no pack was written.",
            last_failure.unwrap_or_else(|| "nothing to fetch".into())
        ));
    }
    writer.finish()
}
