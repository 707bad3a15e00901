//! The tiles of the active raster basemap: requested on worker threads, decoded there,
//! kept in memory (least recently used dropped first) and handed to the painter as
//! textures. A missing tile is drawn from an ancestor already in memory, enlarged, and
//! where there is none, the built-in basemap beneath shows through.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use egui::{ColorImage, Rect, TextureHandle, TextureId, TextureOptions};

use super::backend::decode_tile;
use super::{NetworkState, TileBackend, TileFailure, TileKey, tiles_for_view};
use crate::mesh::WorldView;

/// Worker threads per store: polite to servers, and this machine has two cores.
const WORKERS: usize = 2;
/// Decoded tiles kept in memory, in bytes (about 600 tiles of 256 px).
const MEMORY_BUDGET: usize = 160 << 20;
/// How many levels up to look for a stand-in while a tile loads.
const ANCESTOR_LEVELS: u8 = 6;

/// Which basemap the map shows, as saved in the settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum BasemapChoice {
    /// The built-in vector basemap alone.
    #[default]
    BuiltIn,
    /// An online source, by name.
    Online(String),
    /// A tile pack file.
    Pack(PathBuf),
}

/// One tile to draw: which texture, where on screen, and which part of the texture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedTile {
    /// The texture in the painting context.
    pub texture: TextureId,
    /// Screen rectangle.
    pub rect: Rect,
    /// Texture coordinates (a quarter, a sixteenth… when an ancestor stands in).
    pub uv: Rect,
}

/// The raster tiles of one view, ready to paint beneath the vector layers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RasterLayer {
    /// Tiles to draw, in order.
    pub tiles: Vec<PlacedTile>,
    /// The attribution the source requires.
    pub attribution: String,
}

/// What the store is doing, for the status chip and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreStatus {
    /// The source's or pack's name.
    pub name: String,
    /// Offline or online, for sources on the network.
    pub network: Option<NetworkState>,
    /// Tiles asked for and not yet here.
    pub waiting: usize,
    /// Tiles in memory.
    pub ready: usize,
    /// The last tile that could not be read, and why.
    pub last_problem: Option<String>,
}

enum Slot {
    Requested,
    Ready {
        image: Arc<ColorImage>,
        texture: Option<TextureHandle>,
        used: u64,
    },
    Failed {
        retry_at: Option<Instant>,
    },
}

type Outcome = (TileKey, Result<ColorImage, TileFailure>);

struct Shared {
    queue: Mutex<VecDeque<TileKey>>,
    wake: Condvar,
    results: Mutex<Vec<Outcome>>,
    stop: AtomicBool,
    repaint: Mutex<Option<egui::Context>>,
}

/// The active raster basemap's tiles.
pub struct TileStore {
    backend: Arc<dyn TileBackend>,
    shared: Arc<Shared>,
    memory: HashMap<TileKey, Slot>,
    clock: u64,
    bytes: usize,
    tile_size: u32,
    last_problem: Option<String>,
    was_offline: bool,
}

impl TileStore {
    /// Starts the worker threads for `backend`.
    pub fn new(backend: Arc<dyn TileBackend>) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(VecDeque::new()),
            wake: Condvar::new(),
            results: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            repaint: Mutex::new(None),
        });
        for index in 0..WORKERS {
            let (shared, backend) = (shared.clone(), backend.clone());
            let spawned = std::thread::Builder::new()
                .name(format!("tiles-{index}"))
                .spawn(move || work(&shared, backend.as_ref()));
            if let Err(e) = spawned {
                log::error!("cannot start a tile worker: {e}");
            }
        }
        Self {
            tile_size: backend.info().tile_size,
            backend,
            shared,
            memory: HashMap::new(),
            clock: 0,
            bytes: 0,
            last_problem: None,
            was_offline: false,
        }
    }

    /// The backend serving tiles.
    pub fn backend(&self) -> &Arc<dyn TileBackend> {
        &self.backend
    }

    /// Workers ask this context to repaint when a tile arrives.
    pub fn set_repaint_context(&self, ctx: &egui::Context) {
        *self
            .shared
            .repaint
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(ctx.clone());
    }

    /// Takes in what the workers finished.
    pub fn poll(&mut self) {
        let finished = std::mem::take(
            &mut *self
                .shared
                .results
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        let now = Instant::now();
        for (key, outcome) in finished {
            let slot = match outcome {
                Ok(image) => {
                    self.bytes += image.pixels.len() * 4;
                    // Packs and servers may hold 512-pixel tiles whatever they declare.
                    self.tile_size = image.size[0].max(1) as u32;
                    Slot::Ready {
                        image: Arc::new(image),
                        texture: None,
                        used: self.clock,
                    }
                }
                Err(failure) => {
                    let retry_at = match &failure {
                        TileFailure::Missing => None,
                        TileFailure::Offline(_) => Some(now + Duration::from_secs(2)),
                        TileFailure::Server(_) => Some(now + Duration::from_secs(10)),
                        TileFailure::Corrupt(_) => Some(now + Duration::from_secs(60)),
                    };
                    if matches!(failure, TileFailure::Corrupt(_) | TileFailure::Server(_)) {
                        self.last_problem =
                            Some(format!("tile {}/{}/{}: {failure}", key.z, key.x, key.y));
                    }
                    Slot::Failed { retry_at }
                }
            };
            self.memory.insert(key, slot);
        }
        // Back online: tiles that failed for want of a network are asked for again at once.
        let offline = matches!(self.backend.network(), Some(NetworkState::Offline { .. }));
        if self.was_offline && !offline {
            self.memory
                .retain(|_, slot| !matches!(slot, Slot::Failed { retry_at: Some(_) }));
        }
        self.was_offline = offline;
    }

    /// The tiles for `view`, as textures of `ctx`; asks the workers for what is missing.
    pub fn layer_for_view(&mut self, view: &WorldView, ctx: &egui::Context) -> RasterLayer {
        {
            let mut repaint = self
                .shared
                .repaint
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if repaint.is_none() {
                *repaint = Some(ctx.clone());
            }
        }
        self.poll();
        self.clock += 1;
        let keys = tiles_for_view(
            view,
            points_per_tile(self.tile_size, ctx),
            self.backend.info().min_zoom,
            self.backend.info().max_zoom,
        );
        self.retarget(&keys);
        let now = Instant::now();
        let mut tiles = Vec::with_capacity(keys.len());
        let mut wanted = Vec::new();
        for &key in &keys {
            let needs_request = match self.memory.get(&key) {
                None => true,
                Some(Slot::Failed { retry_at }) => retry_at.is_some_and(|at| now >= at),
                _ => false,
            };
            if needs_request {
                self.memory.insert(key, Slot::Requested);
                wanted.push(key);
            }
            let found = std::iter::successors(Some(key), |k| k.parent())
                .take(usize::from(ANCESTOR_LEVELS) + 1)
                .find(|k| matches!(self.memory.get(k), Some(Slot::Ready { .. })));
            if let Some(source) = found
                && let Some(uv) = key.uv_within(source)
                && let Some(texture) = self.texture(source, ctx)
            {
                tiles.push(PlacedTile {
                    texture,
                    rect: key.screen_rect(view),
                    uv,
                });
            }
        }
        self.request(wanted);
        self.evict();
        RasterLayer {
            tiles,
            attribution: self.backend.info().attribution.clone(),
        }
    }

    fn texture(&mut self, key: TileKey, ctx: &egui::Context) -> Option<TextureId> {
        let clock = self.clock;
        let Some(Slot::Ready {
            image,
            texture,
            used,
        }) = self.memory.get_mut(&key)
        else {
            return None;
        };
        *used = clock;
        let handle = texture.get_or_insert_with(|| {
            ctx.load_texture(
                format!("tile {}/{}/{}", key.z, key.x, key.y),
                ColorImage::clone(image),
                TextureOptions::LINEAR,
            )
        });
        Some(handle.id())
    }

    /// Drops queued requests the view no longer needs, so panning never builds a backlog.
    fn retarget(&mut self, keys: &[TileKey]) {
        let needed: HashSet<TileKey> = keys.iter().copied().collect();
        let mut queue = self
            .shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        queue.retain(|key| {
            let keep = needed.contains(key);
            if !keep {
                self.memory.remove(key);
            }
            keep
        });
    }

    fn request(&self, keys: Vec<TileKey>) {
        if keys.is_empty() {
            return;
        }
        let mut queue = self
            .shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // The centre first: keys come nearest-first and the workers take from the front.
        for key in keys.into_iter().rev() {
            queue.push_front(key);
        }
        drop(queue);
        self.shared.wake.notify_all();
    }

    fn evict(&mut self) {
        while self.bytes > MEMORY_BUDGET {
            let oldest = self
                .memory
                .iter()
                .filter_map(|(key, slot)| match slot {
                    Slot::Ready { used, .. } if *used < self.clock => Some((*used, *key)),
                    _ => None,
                })
                .min();
            let Some((_, key)) = oldest else { break };
            if let Some(Slot::Ready { image, .. }) = self.memory.remove(&key) {
                self.bytes = self.bytes.saturating_sub(image.pixels.len() * 4);
            }
        }
    }

    /// What the store is doing.
    pub fn status(&self) -> StoreStatus {
        let waiting = self
            .memory
            .values()
            .filter(|s| matches!(s, Slot::Requested))
            .count();
        let ready = self
            .memory
            .values()
            .filter(|s| matches!(s, Slot::Ready { .. }))
            .count();
        StoreStatus {
            name: self.backend.info().name.clone(),
            network: self.backend.network(),
            waiting,
            ready,
            last_problem: self.last_problem.clone(),
        }
    }

    /// True when the tile is decoded and in memory.
    pub fn has_tile(&self, key: TileKey) -> bool {
        matches!(self.memory.get(&key), Some(Slot::Ready { .. }))
    }
}

impl Drop for TileStore {
    fn drop(&mut self) {
        // Workers stuck in a slow request finish it and then stop; nobody waits for them.
        self.shared.stop.store(true, Ordering::Relaxed);
        self.shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.shared.wake.notify_all();
    }
}

/// A tile's width in points: on a 2× display or a 4K export a 256-pixel tile covers 128
/// points, so tiles one level deeper keep the picture sharp.
fn points_per_tile(tile_pixels: u32, ctx: &egui::Context) -> u32 {
    let ppp = ctx.pixels_per_point().max(0.25);
    ((tile_pixels as f32 / ppp).round() as u32).max(1)
}

fn work(shared: &Shared, backend: &dyn TileBackend) {
    loop {
        let key = {
            let mut queue = shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if shared.stop.load(Ordering::Relaxed) {
                    return;
                }
                if let Some(key) = queue.pop_front() {
                    break key;
                }
                queue = shared
                    .wake
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        let outcome = backend
            .tile_bytes(key)
            .and_then(|bytes| decode_tile(&bytes).inspect_err(|_| backend.forget(key)));
        shared
            .results
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((key, outcome));
        if let Some(ctx) = shared
            .repaint
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            ctx.request_repaint();
        }
    }
}

/// Loads the tiles of `view` from `backend` on this thread, as textures of `ctx` (an
/// off-screen renderer's), until `deadline`. For exports: the picture holds every tile
/// that can be had, not only those the window happened to show. Keep the handles until
/// the picture is drawn.
pub fn export_layer(
    backend: &dyn TileBackend,
    view: &WorldView,
    ctx: &egui::Context,
    deadline: Instant,
) -> (RasterLayer, Vec<TextureHandle>) {
    let keys = tiles_for_view(
        view,
        points_per_tile(backend.info().tile_size, ctx),
        backend.info().min_zoom,
        backend.info().max_zoom,
    );
    let mut handles = Vec::new();
    let mut tiles = Vec::new();
    for key in keys {
        if Instant::now() >= deadline {
            break;
        }
        let Ok(image) = backend
            .tile_bytes(key)
            .and_then(|bytes| decode_tile(&bytes))
        else {
            continue;
        };
        let handle = ctx.load_texture(
            format!("export tile {}/{}/{}", key.z, key.x, key.y),
            image,
            TextureOptions::LINEAR,
        );
        tiles.push(PlacedTile {
            texture: handle.id(),
            rect: key.screen_rect(view),
            uv: Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
        });
        handles.push(handle);
    }
    let layer = RasterLayer {
        tiles,
        attribution: backend.info().attribution.clone(),
    };
    (layer, handles)
}
