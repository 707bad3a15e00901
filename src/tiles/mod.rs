//! Raster basemaps: online tile sources with a disk cache, offline tile packs (PMTiles and
//! MBTiles), preparing packs, and drawing tiles beneath the built-in vector layers.
//!
//! walkers' own `HttpTiles` is not used: it cannot tell the app that a fetch failed (it
//! logs a warning per tile and retries), so it cannot show an honest offline state or back
//! off. [`TileStore`] fetches on worker threads, caches on disk, tracks the network's state
//! and hands the painter decoded tiles.

mod backend;
mod cache;
mod grid;
mod http;
mod mbtiles;
mod pmtiles;
mod prepare;
mod source;
mod store;

pub use backend::{
    MAX_TILE_SIDE, PackFormat, TileBackend, TileFailure, TileSetInfo, decode_tile, open_pack,
};

/// The most one tile may weigh, from a server or a pack: map tiles are tens of kilobytes.
pub const MAX_TILE_BYTES: u64 = 8 << 20;
pub use cache::{CACHE_LIMIT_BYTES, DiskCache, trim_cache};
pub use grid::{TileKey, TileSpan, tile_zoom_for_view, tiles_for_view};
pub use http::{HttpBackend, HttpOptions, NetworkState, user_agent};
pub use mbtiles::{MbTilesPack, MbTilesWriter};
pub use pmtiles::{PmTilesPack, tile_id as pmtiles_tile_id};
pub use prepare::{MAX_PACK_TILES, PackJob, PackPlan, PackProgress};
pub use source::{BulkPolicy, TileSource, builtin_sources, load_sources};
pub use store::{BasemapChoice, PlacedTile, RasterLayer, StoreStatus, TileStore, export_layer};
