//! Where tile bytes come from: a server (through the disk cache) or a pack file.

use std::path::Path;
use std::sync::Arc;

use super::{MbTilesPack, PmTilesPack, TileKey};

/// Why a tile could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TileFailure {
    /// The network is down or the server unreachable; the tile may come later.
    #[error("offline: {0}")]
    Offline(String),
    /// The server answered with an error; it may recover.
    #[error("server error: {0}")]
    Server(String),
    /// The tile does not exist (HTTP 404, or not in the pack).
    #[error("no such tile")]
    Missing,
    /// The bytes are not a picture, or the file is damaged.
    #[error("{0}")]
    Corrupt(String),
}

/// What a source or pack serves, read once when it is opened.
#[derive(Debug, Clone, PartialEq)]
pub struct TileSetInfo {
    /// Name shown in the UI.
    pub name: String,
    /// Attribution to show with the tiles.
    pub attribution: String,
    /// Shallowest zoom available.
    pub min_zoom: u8,
    /// Deepest zoom available.
    pub max_zoom: u8,
    /// Tile width in pixels as the source declares it (packs: their first tile's width).
    pub tile_size: u32,
    /// lon/lat bounds (west, south, east, north) of what it holds, if known.
    pub bounds: Option<[f64; 4]>,
}

impl TileSetInfo {
    /// A pack's description; without an attribution of its own it is named as a pack.
    pub(crate) fn of_pack(
        name: String,
        attribution: String,
        zooms: (u8, u8),
        tile_size: u32,
        bounds: Option<[f64; 4]>,
    ) -> Self {
        let mut attribution = if attribution.trim().is_empty() {
            format!("{name} (tile pack)")
        } else {
            attribution
        };
        let mut name = name;
        // Both are one line on the map: a damaged or hostile pack cannot make them more.
        crate::model::cut_text(&mut attribution, crate::model::MAX_LABEL_CHARS);
        crate::model::cut_text(&mut name, crate::model::MAX_LABEL_CHARS);
        Self {
            name,
            attribution,
            min_zoom: zooms.0,
            max_zoom: zooms.1.max(zooms.0),
            tile_size,
            bounds: bounds.filter(|[w, s, e, n]| w < e && s < n),
        }
    }
}

/// A source of tile bytes, used from worker threads.
pub trait TileBackend: Send + Sync {
    /// The bytes of one tile (PNG, JPEG or WebP).
    fn tile_bytes(&self, key: TileKey) -> Result<Vec<u8>, TileFailure>;
    /// What it serves.
    fn info(&self) -> &TileSetInfo;
    /// Drops a tile that turned out unreadable from any cache, so it is fetched again.
    fn forget(&self, _key: TileKey) {}
    /// The network's state, for sources that use it.
    fn network(&self) -> Option<super::NetworkState> {
        None
    }
}

/// The two offline pack formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackFormat {
    /// A single-file PMTiles v3 archive.
    PmTiles,
    /// An MBTiles SQLite database.
    MbTiles,
}

/// Opens a tile pack, telling PMTiles from MBTiles by its first bytes (not its name).
/// Errors name the file and what is wrong with it.
pub fn open_pack(path: &Path) -> Result<Arc<dyn TileBackend>, String> {
    use std::io::Read;
    let shown = path.display();
    let mut magic = [0u8; 16];
    let mut file =
        crate::io::open_regular_file(path, u64::MAX).map_err(|e| format!("{shown}: {e}"))?;
    let read = file
        .read(&mut magic)
        .map_err(|e| format!("{shown}: cannot read it: {e}"))?;
    if read >= 7 && &magic[..7] == b"PMTiles" {
        Ok(Arc::new(PmTilesPack::open(path)?))
    } else if read == 16 && &magic == b"SQLite format 3\0" {
        Ok(Arc::new(MbTilesPack::open(path)?))
    } else if read == 0 {
        Err(format!(
            "{shown}: the file is empty; expected a .pmtiles or .mbtiles tile pack"
        ))
    } else {
        Err(format!(
            "{shown}: not a tile pack (neither PMTiles nor an MBTiles SQLite database)"
        ))
    }
}

/// The widest or tallest tile accepted, in pixels (map tiles are 256 or 512; 1024 for
/// some high-density sources). Far below any graphics card's texture limit.
pub const MAX_TILE_SIDE: u32 = 2048;

/// Sniffs a picture's format so packs and servers with odd content types still work.
pub fn decode_tile(bytes: &[u8]) -> Result<egui::ColorImage, TileFailure> {
    if bytes.is_empty() {
        return Err(TileFailure::Corrupt("the tile is empty".into()));
    }
    let format = image::guess_format(bytes)
        .map_err(|_| TileFailure::Corrupt("the tile is not a PNG, JPEG or WebP picture".into()))?;
    // Its size from the header, before any pixel is decoded: a tile larger than any map
    // tile would exceed what a graphics card takes as one texture.
    let (width, height) = image::ImageReader::with_format(std::io::Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| TileFailure::Corrupt(format!("the tile picture is damaged: {e}")))?;
    if width == 0 || height == 0 || width > MAX_TILE_SIDE || height > MAX_TILE_SIDE {
        return Err(TileFailure::Corrupt(format!(
            "the tile is {width}×{height} pixels; map tiles are at most {MAX_TILE_SIDE} on a side"
        )));
    }
    let picture = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| TileFailure::Corrupt(format!("the tile picture is damaged: {e}")))?
        .to_rgba8();
    let size = [picture.width() as usize, picture.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        size,
        picture.as_flat_samples().as_slice(),
    ))
}
