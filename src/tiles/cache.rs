//! Tiles kept on disk, one file per tile, so a source seen once works offline later.

use std::path::{Path, PathBuf};

use super::TileKey;

/// The most the tile cache may hold on disk, all sources together; beyond it the tiles
/// used least recently are deleted when a source is opened.
pub const CACHE_LIMIT_BYTES: u64 = 2 << 30;

/// Deletes the least recently written tiles under `folder` until it holds at most
/// `limit` bytes (down to 80% of it, so trimming is rare). Returns the bytes freed.
/// Run on a background thread: it walks every file.
pub fn trim_cache(folder: &Path, limit: u64) -> u64 {
    let mut files = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(entry.path());
            } else if entry.path().extension().is_some_and(|e| e == "tile") {
                let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
                files.push((modified, meta.len(), entry.path()));
            }
        }
    }
    let total: u64 = files.iter().map(|f| f.1).sum();
    if total <= limit {
        return 0;
    }
    files.sort();
    let target = limit / 10 * 8;
    let mut held = total;
    let mut freed = 0;
    for (_, size, path) in files {
        if held <= target {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            held -= size;
            freed += size;
        }
    }
    freed
}

/// One source's tiles on disk: `<folder>/<z>/<x>/<y>.tile`.
#[derive(Debug)]
pub struct DiskCache {
    folder: PathBuf,
}

impl DiskCache {
    /// A cache in `folder` (created when the first tile is written).
    pub fn new(folder: PathBuf) -> Self {
        Self { folder }
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
        crate::io::write_replacing(&self.path(key), bytes, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_deletes_the_oldest_tiles_down_to_eighty_percent_of_the_limit() {
        let folder = std::env::temp_dir().join(format!("backstop-trim-{}", std::process::id()));
        let cache = DiskCache::new(folder.join("source"));
        for y in 0..10 {
            assert!(cache.put(TileKey { z: 4, x: 1, y }, &[0u8; 100]).is_ok());
        }
        let old = TileKey { z: 4, x: 1, y: 0 };
        let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        if let Ok(file) = std::fs::File::options().append(true).open(cache.path(old)) {
            let _ = file.set_modified(past);
        }
        assert_eq!(trim_cache(&folder, 2000), 0);
        let freed = trim_cache(&folder, 500);
        let left = (0..10)
            .filter(|y| cache.get(TileKey { z: 4, x: 1, y: *y }).is_some())
            .count();
        let _ = std::fs::remove_dir_all(&folder);
        assert_eq!((freed, left), (600, 4));
        assert!(cache.get(old).is_none());
    }

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
