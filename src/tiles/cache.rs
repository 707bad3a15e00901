//! Tiles kept on disk, one file per tile, so a source seen once works offline later.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::TileKey;

/// `$XDG_CACHE_HOME/backstop/tiles` (or `~/.cache/backstop/tiles`).
pub fn tile_cache_folder() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("backstop")
        .join("tiles")
}

/// One source's tiles on disk: `<folder>/<z>/<x>/<y>.tile`.
#[derive(Debug)]
pub struct DiskCache {
    folder: PathBuf,
    written: AtomicU64,
}

impl DiskCache {
    /// A cache in `folder` (created when the first tile is written).
    pub fn new(folder: PathBuf) -> Self {
        Self {
            folder,
            written: AtomicU64::new(0),
        }
    }

    /// Where the cache lives.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn path(&self, key: TileKey) -> PathBuf {
        self.folder
            .join(key.z.to_string())
            .join(key.x.to_string())
            .join(format!("{}.tile", key.y))
    }

    /// The cached bytes of a tile, if any.
    pub fn get(&self, key: TileKey) -> Option<Vec<u8>> {
        std::fs::read(self.path(key)).ok().filter(|b| !b.is_empty())
    }

    /// How long ago a tile was cached.
    pub fn age(&self, key: TileKey) -> Option<std::time::Duration> {
        let modified = std::fs::metadata(self.path(key)).ok()?.modified().ok()?;
        std::time::SystemTime::now().duration_since(modified).ok()
    }

    /// Forgets a tile (one that turned out unreadable).
    pub fn remove(&self, key: TileKey) {
        let _ = std::fs::remove_file(self.path(key));
    }

    /// Stores a tile. Written beside and renamed, so a reader never sees half a tile;
    /// not synced to disk, since a lost tile is simply fetched again.
    pub fn put(&self, key: TileKey, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.path(key);
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        std::fs::create_dir_all(parent)?;
        let serial = self.written.fetch_add(1, Ordering::Relaxed);
        let temporary = parent.join(format!(".{}.{}.{serial}.tmp", key.y, std::process::id()));
        let result = std::fs::File::create(&temporary)
            .and_then(|mut f| f.write_all(bytes))
            .and_then(|()| std::fs::rename(&temporary, &path));
        if result.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_tile_reads_back_and_can_be_forgotten() {
        let folder = std::env::temp_dir().join(format!("backstop-cache-{}", std::process::id()));
        let cache = DiskCache::new(folder.clone());
        let key = TileKey { z: 5, x: 18, y: 11 };
        assert!(cache.get(key).is_none());
        assert!(cache.put(key, b"tile").is_ok());
        assert_eq!(cache.get(key).as_deref(), Some(&b"tile"[..]));
        cache.remove(key);
        assert!(cache.get(key).is_none());
        let _ = std::fs::remove_dir_all(folder);
    }
}
