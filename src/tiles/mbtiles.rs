//! MBTiles packs (an SQLite database of tiles, rows counted from the south as in TMS):
//! reading for the basemap, writing for prepared packs.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::{TileBackend, TileFailure, TileKey, TileSetInfo};

/// MBTiles counts rows from the south; XYZ from the north.
fn tms_row(key: TileKey) -> u32 {
    ((1u64 << key.z) - 1 - u64::from(key.y)) as u32
}

/// An open MBTiles pack.
#[derive(Debug)]
pub struct MbTilesPack {
    connection: Mutex<Connection>,
    info: TileSetInfo,
}

impl MbTilesPack {
    /// Opens a pack read-only and checks it: the tiles table, its zoom range (from the
    /// metadata, or from the tiles when the metadata lacks it) and its first tile, whose
    /// width gives the tile size.
    pub fn open(path: &Path) -> Result<Self, String> {
        let shown = path.display().to_string();
        let fail = |what: String| format!("{shown}: {what}");
        crate::io::check_regular_file(path, u64::MAX).map_err(|e| fail(e.to_string()))?;
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| fail(format!("cannot open it as MBTiles: {e}")))?;
        let quick_check: String = connection
            .query_row("PRAGMA quick_check", [], |row| row.get(0))
            .map_err(|e| fail(format!("damaged SQLite database: {e}")))?;
        if quick_check != "ok" {
            return Err(fail(format!("damaged SQLite database: {quick_check}")));
        }
        let metadata = |name: &str| -> Option<String> {
            connection
                .query_row(
                    "SELECT value FROM metadata WHERE name = ?1",
                    [name],
                    |row| row.get(0),
                )
                .optional()
                .ok()
                .flatten()
        };
        let format = metadata("format").unwrap_or_default();
        if format == "pbf" || format == "mvt" {
            return Err(fail(
                "holds vector tiles (pbf); a raster pack (png, jpg or webp) is needed".into(),
            ));
        }
        let attribution = metadata("attribution").unwrap_or_default();
        let name = metadata("name")
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| {
                path.file_stem()
                    .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned())
            });
        let bounds = metadata("bounds").and_then(|text| {
            let numbers: Vec<f64> = text
                .split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect();
            <[f64; 4]>::try_from(numbers).ok()
        });
        let zooms: (Option<u8>, Option<u8>) = connection
            .query_row(
                "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map_err(|e| fail(format!("no readable tiles table: {e}")))?;
        let (Some(min_zoom), Some(max_zoom)) = zooms else {
            return Err(fail("the pack holds no tiles".into()));
        };
        let first: Vec<u8> = connection
            .query_row("SELECT tile_data FROM tiles LIMIT 1", [], |row| row.get(0))
            .map_err(|e| fail(format!("cannot read its first tile: {e}")))?;
        let picture = super::backend::decode_tile(&first)
            .map_err(|e| fail(format!("its first tile: {e}")))?;
        Ok(Self {
            connection: Mutex::new(connection),
            info: TileSetInfo::of_pack(
                name,
                attribution,
                (min_zoom, max_zoom),
                picture.size[0] as u32,
                bounds,
            ),
        })
    }
}

impl TileBackend for MbTilesPack {
    fn tile_bytes(&self, key: TileKey) -> Result<Vec<u8>, TileFailure> {
        if !key.is_valid() {
            return Err(TileFailure::Missing);
        }
        let connection = self
            .connection
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        connection
            .query_row(
                "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                params![key.z, key.x, tms_row(key)],
                |row| row.get::<_, Vec<u8>>(0),
            )
            .optional()
            .map_err(|e| TileFailure::Corrupt(format!("{}: cannot read tile {}/{}/{}: {e}", self.info.name, key.z, key.x, key.y)))?
            .ok_or(TileFailure::Missing)
    }

    fn info(&self) -> &TileSetInfo {
        &self.info
    }
}

/// Writes a new MBTiles pack into a temporary file beside `path`; [`MbTilesWriter::finish`]
/// renames it into place, so a cancelled or failed preparation leaves no half pack.
pub struct MbTilesWriter {
    connection: Connection,
    temporary: PathBuf,
    path: PathBuf,
    format_known: bool,
}

impl MbTilesWriter {
    /// Starts a pack with its metadata (name, attribution, zooms, bounds, format).
    pub fn create(
        path: &Path,
        name: &str,
        attribution: &str,
        zooms: (u8, u8),
        bounds: [f64; 4],
    ) -> Result<Self, String> {
        let file_name = path
            .file_name()
            .map_or_else(|| "pack".into(), |n| n.to_string_lossy().into_owned());
        let temporary = path.with_file_name(format!(".{file_name}.{}.partial", std::process::id()));
        let _ = std::fs::remove_file(&temporary);
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))?;
        }
        let fail = |e: rusqlite::Error| format!("{}: cannot write the pack: {e}", path.display());
        let connection = Connection::open(&temporary).map_err(fail)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = OFF;
                 PRAGMA synchronous = OFF;
                 CREATE TABLE metadata (name TEXT, value TEXT);
                 CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
                 CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);",
            )
            .map_err(fail)?;
        let [w, s, e, n] = bounds;
        let rows = [
            ("name", name.to_owned()),
            ("type", "baselayer".to_owned()),
            ("version", "1".to_owned()),
            (
                "description",
                format!("Prepared by Backstop {}", env!("CARGO_PKG_VERSION")),
            ),
            ("format", "png".to_owned()),
            ("attribution", attribution.to_owned()),
            ("minzoom", zooms.0.to_string()),
            ("maxzoom", zooms.1.to_string()),
            ("bounds", format!("{w:.6},{s:.6},{e:.6},{n:.6}")),
        ];
        for (key, value) in rows {
            connection
                .execute(
                    "INSERT INTO metadata (name, value) VALUES (?1, ?2)",
                    params![key, value],
                )
                .map_err(fail)?;
        }
        connection.execute_batch("BEGIN").map_err(fail)?;
        Ok(Self {
            connection,
            temporary,
            path: path.to_path_buf(),
            format_known: false,
        })
    }

    /// Adds one tile (XYZ numbering; stored as TMS). The first tile sets the pack's format.
    pub fn add(&mut self, key: TileKey, bytes: &[u8]) -> Result<(), String> {
        if !self.format_known {
            let format = match image::guess_format(bytes) {
                Ok(image::ImageFormat::Jpeg) => "jpg",
                Ok(image::ImageFormat::WebP) => "webp",
                _ => "png",
            };
            self.connection
                .execute(
                    "UPDATE metadata SET value = ?1 WHERE name = 'format'",
                    [format],
                )
                .map_err(|e| format!("{}: cannot write metadata: {e}", self.path.display()))?;
            self.format_known = true;
        }
        self.connection
            .execute(
                "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?1, ?2, ?3, ?4)",
                params![key.z, key.x, tms_row(key), bytes],
            )
            .map(|_| ())
            .map_err(|e| format!("{}: cannot write tile: {e}", self.path.display()))
    }

    /// Commits, syncs and renames the pack into place.
    pub fn finish(self) -> Result<PathBuf, String> {
        let fail = |e: String| format!("{}: cannot finish the pack: {e}", self.path.display());
        self.connection
            .execute_batch("COMMIT")
            .map_err(|e| fail(e.to_string()))?;
        self.connection
            .close()
            .map_err(|(_, e)| fail(e.to_string()))?;
        if let Ok(file) = std::fs::File::open(&self.temporary) {
            let _ = file.sync_all();
        }
        std::fs::rename(&self.temporary, &self.path).map_err(|e| fail(e.to_string()))?;
        Ok(self.path)
    }

    /// Gives up: the partial file is removed.
    pub fn abandon(self) {
        let temporary = self.temporary.clone();
        drop(self.connection);
        let _ = std::fs::remove_file(temporary);
    }
}
