//! A reader for PMTiles v3 raster archives (github.com/protomaps/PMTiles, spec v3):
//! a 127-byte header, a root directory, optional leaf directories and the tile data,
//! all read with positioned reads so worker threads share one open file.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::{TileBackend, TileFailure, TileKey, TileSetInfo};

const HEADER_LEN: usize = 127;
/// Leaf directories nest at most this deep in practice; more means a damaged file.
const MAX_DEPTH: usize = 4;
/// Directories larger than this are not plausible (the spec keeps the root under 16 KiB).
const MAX_DIRECTORY: u64 = 64 << 20;
/// Map zooms stop well before this; a header beyond it is damaged.
const MAX_ZOOM: u8 = 30;
/// Leaf directories read, by their offset and length.
type LeafCache = HashMap<(u64, u64), Arc<Vec<Entry>>>;

/// Leaf directories kept in memory at most (each a few kilobytes to a few megabytes).
const LEAF_CACHE: usize = 64;

/// The PMTiles tile id of z/x/y: tiles of shallower zooms first, then the Hilbert index.
pub fn tile_id(key: TileKey) -> u64 {
    let mut acc: u64 = 0;
    for z in 0..key.z {
        acc += 1u64 << (2 * u32::from(z));
    }
    let n: u64 = 1 << key.z;
    let (mut x, mut y) = (u64::from(key.x), u64::from(key.y));
    let mut d: u64 = 0;
    let mut s = n / 2;
    while s > 0 {
        let rx = u64::from(x & s > 0);
        let ry = u64::from(y & s > 0);
        d += s * s * ((3 * rx) ^ ry);
        if ry == 0 {
            if rx == 1 {
                x = n - 1 - x;
                y = n - 1 - y;
            }
            std::mem::swap(&mut x, &mut y);
        }
        s /= 2;
    }
    acc + d
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    tile_id: u64,
    offset: u64,
    length: u64,
    run_length: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
}

/// An open PMTiles archive of raster tiles.
#[derive(Debug)]
pub struct PmTilesPack {
    file: File,
    name: String,
    len: u64,
    root: Vec<Entry>,
    leaf_offset: u64,
    data_offset: u64,
    internal: Compression,
    min_zoom: u8,
    max_zoom: u8,
    bounds: [f64; 4],
    attribution: String,
    info: TileSetInfo,
    /// Leaf directories read so far, by offset and length.
    leaves: Mutex<LeafCache>,
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

fn read_i32(bytes: &[u8], at: usize) -> i32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    i32::from_le_bytes(b)
}

fn varint(bytes: &[u8], at: &mut usize) -> Result<u64, String> {
    let mut value: u64 = 0;
    for shift in (0..64).step_by(7) {
        let byte = *bytes
            .get(*at)
            .ok_or("a directory ends in the middle of a number")?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a directory holds a number longer than 64 bits".into())
}

fn parse_directory(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    let mut at = 0;
    let count = varint(bytes, &mut at)?;
    // Each entry takes at least four bytes (four varints), which bounds a damaged count
    // before anything is allocated for it.
    if count.saturating_mul(4) > bytes.len() as u64 {
        return Err(format!(
            "a directory claims {count} entries in {} bytes",
            bytes.len()
        ));
    }
    let mut entries = vec![
        Entry {
            tile_id: 0,
            offset: 0,
            length: 0,
            run_length: 0
        };
        count as usize
    ];
    let mut last_id = 0u64;
    for entry in &mut entries {
        last_id = last_id
            .checked_add(varint(bytes, &mut at)?)
            .ok_or("tile ids overflow")?;
        entry.tile_id = last_id;
    }
    for entry in &mut entries {
        entry.run_length = varint(bytes, &mut at)?;
    }
    for entry in &mut entries {
        entry.length = varint(bytes, &mut at)?;
    }
    for i in 0..entries.len() {
        let raw = varint(bytes, &mut at)?;
        entries[i].offset = if raw == 0 && i > 0 {
            entries[i - 1]
                .offset
                .checked_add(entries[i - 1].length)
                .ok_or("tile offsets overflow")?
        } else {
            raw.saturating_sub(1)
        };
    }
    Ok(entries)
}

fn find(entries: &[Entry], id: u64) -> Option<Entry> {
    let index = entries
        .partition_point(|e| e.tile_id <= id)
        .checked_sub(1)?;
    let entry = entries[index];
    if entry.run_length == 0 || id < entry.tile_id.saturating_add(entry.run_length) {
        Some(entry)
    } else {
        None
    }
}

impl PmTilesPack {
    /// Opens and checks an archive: header, root directory, metadata, and its first tile
    /// (whose width gives the real tile size; walkers' 512 default is not assumed).
    pub fn open(path: &Path) -> Result<Self, String> {
        let shown = path.display().to_string();
        let fail = |what: String| format!("{shown}: {what}");
        let mut file =
            crate::io::open_regular_file(path, u64::MAX).map_err(|e| fail(e.to_string()))?;
        let len = file.metadata().map_err(|e| fail(e.to_string()))?.len();
        let mut header = [0u8; HEADER_LEN];
        file.read_exact(&mut header).map_err(|_| {
            fail(format!(
                "truncated: {len} bytes, shorter than the {HEADER_LEN}-byte PMTiles header"
            ))
        })?;
        if &header[..7] != b"PMTiles" {
            return Err(fail("not a PMTiles archive".into()));
        }
        if header[7] != 3 {
            return Err(fail(format!(
                "PMTiles version {} (only version 3 is read)",
                header[7]
            )));
        }
        let internal = match header[97] {
            0 | 1 => Compression::None,
            2 => Compression::Gzip,
            other => {
                return Err(fail(format!(
                    "directories are compressed with method {other} (only none and gzip are read)"
                )));
            }
        };
        if !matches!(header[98], 0 | 1) {
            return Err(fail(
                "tiles are compressed as a whole (raster tiles should not be)".into(),
            ));
        }
        match header[99] {
            2..=4 => {}
            1 => {
                return Err(fail(
                    "holds vector tiles (MVT); a raster pack (PNG, JPEG or WebP) is needed".into(),
                ));
            }
            other => return Err(fail(format!("tile type {other} is not PNG, JPEG or WebP"))),
        }
        if header[100] > MAX_ZOOM || header[101] > MAX_ZOOM {
            return Err(fail(format!(
                "its zooms {}–{} go beyond any map's 0–{MAX_ZOOM}; the header is damaged",
                header[100], header[101]
            )));
        }
        let e7 = |at| f64::from(read_i32(&header, at)) / 1e7;
        let mut pack = Self {
            file,
            name: path
                .file_stem()
                .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned()),
            len,
            root: Vec::new(),
            leaf_offset: read_u64(&header, 40),
            data_offset: read_u64(&header, 56),
            internal,
            min_zoom: header[100],
            max_zoom: header[101].max(header[100]),
            bounds: [e7(102), e7(106), e7(110), e7(114)],
            attribution: String::new(),
            info: TileSetInfo::of_pack(String::new(), String::new(), (0, 0), 256, None),
            leaves: Mutex::new(HashMap::new()),
        };
        let data_end = pack.data_offset.saturating_add(read_u64(&header, 64));
        if data_end > len {
            return Err(fail(format!(
                "truncated: its tiles end at byte {data_end} but the file has {len} (an interrupted copy?)"
            )));
        }
        let root = pack
            .section(read_u64(&header, 8), read_u64(&header, 16))
            .map_err(&fail)?;
        pack.root = parse_directory(&root).map_err(|e| fail(format!("root directory: {e}")))?;
        if let Ok(metadata) = pack.section(read_u64(&header, 24), read_u64(&header, 32))
            && let Ok(json) = serde_json::from_slice::<serde_json::Value>(&metadata)
        {
            if let Some(text) = json.get("attribution").and_then(|a| a.as_str()) {
                pack.attribution = text.to_owned();
            }
            if let Some(name) = json.get("name").and_then(|a| a.as_str()) {
                pack.name = name.to_owned();
            }
        }
        let first = pack.first_tile().map_err(&fail)?;
        let picture = super::backend::decode_tile(&first)
            .map_err(|e| fail(format!("its first tile: {e}")))?;
        pack.info = TileSetInfo::of_pack(
            pack.name.clone(),
            pack.attribution.clone(),
            (pack.min_zoom, pack.max_zoom),
            picture.size[0] as u32,
            Some(pack.bounds),
        );
        Ok(pack)
    }

    /// Reads and decompresses a directory or the metadata.
    fn section(&self, offset: u64, length: u64) -> Result<Vec<u8>, String> {
        if length > MAX_DIRECTORY {
            return Err(format!(
                "a directory of {length} bytes is not plausible; the file is damaged"
            ));
        }
        let raw = self.read(offset, length)?;
        match self.internal {
            Compression::None => Ok(raw),
            Compression::Gzip => {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(raw.as_slice())
                    .take(MAX_DIRECTORY)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("a directory does not decompress: {e}"))?;
                Ok(out)
            }
        }
    }

    fn read(&self, offset: u64, length: u64) -> Result<Vec<u8>, String> {
        let end = offset.checked_add(length).ok_or("an offset overflows")?;
        if end > self.len {
            return Err(format!(
                "truncated: needs bytes up to {end} but the file has {} (an interrupted copy?)",
                self.len
            ));
        }
        let mut buffer = vec![0u8; length as usize];
        self.file
            .read_exact_at(&mut buffer, offset)
            .map_err(|e| format!("cannot read it: {e}"))?;
        Ok(buffer)
    }

    /// The bytes of the tile `entry` points at, if it is of a plausible size.
    fn tile_at(&self, entry: Entry) -> Result<Vec<u8>, String> {
        if entry.length > super::MAX_TILE_BYTES {
            return Err(format!(
                "a tile of {} bytes is not plausible; the file is damaged",
                entry.length
            ));
        }
        let offset = self
            .data_offset
            .checked_add(entry.offset)
            .ok_or("an offset overflows")?;
        self.read(offset, entry.length)
    }

    /// The leaf directory `entry` points at, read and decompressed once and then kept
    /// (every tile below it would otherwise decompress it again).
    fn leaf(&self, entry: Entry) -> Result<Arc<Vec<Entry>>, String> {
        let key = (entry.offset, entry.length);
        if let Some(leaf) = self.leaves.lock().ok().and_then(|l| l.get(&key).cloned()) {
            return Ok(leaf);
        }
        let offset = self
            .leaf_offset
            .checked_add(entry.offset)
            .ok_or("an offset overflows")?;
        let leaf = Arc::new(parse_directory(&self.section(offset, entry.length)?)?);
        if let Ok(mut leaves) = self.leaves.lock() {
            if leaves.len() >= LEAF_CACHE {
                leaves.clear();
            }
            leaves.insert(key, leaf.clone());
        }
        Ok(leaf)
    }

    fn first_tile(&self) -> Result<Vec<u8>, String> {
        let mut entries = self.root.clone();
        for _ in 0..MAX_DEPTH {
            let Some(entry) = entries.first().copied() else {
                return Err("the archive holds no tiles".into());
            };
            if entry.run_length > 0 {
                return self.tile_at(entry);
            }
            entries = self.leaf(entry)?.as_ref().clone();
        }
        Err("leaf directories nest too deep".into())
    }

    fn lookup(&self, key: TileKey) -> Result<Option<Entry>, String> {
        let id = tile_id(key);
        let mut entry = find(&self.root, id);
        for _ in 0..MAX_DEPTH {
            match entry {
                None => return Ok(None),
                Some(e) if e.run_length > 0 => return Ok(Some(e)),
                Some(e) => entry = find(&self.leaf(e)?, id),
            }
        }
        Err("leaf directories nest too deep".into())
    }
}

impl TileBackend for PmTilesPack {
    fn tile_bytes(&self, key: TileKey) -> Result<Vec<u8>, TileFailure> {
        if key.z < self.min_zoom || key.z > self.max_zoom || !key.is_valid() {
            return Err(TileFailure::Missing);
        }
        let entry = self
            .lookup(key)
            .map_err(|e| TileFailure::Corrupt(format!("{}: {e}", self.name)))?
            .ok_or(TileFailure::Missing)?;
        self.tile_at(entry)
            .map_err(|e| TileFailure::Corrupt(format!("{}: {e}", self.name)))
    }

    fn info(&self) -> &TileSetInfo {
        &self.info
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_ids_follow_the_hilbert_curve_of_the_spec() {
        let id = |z, x, y| tile_id(TileKey { z, x, y });
        assert_eq!(id(0, 0, 0), 0);
        assert_eq!(id(1, 0, 0), 1);
        assert_eq!(id(1, 0, 1), 2);
        assert_eq!(id(1, 1, 1), 3);
        assert_eq!(id(1, 1, 0), 4);
        assert_eq!(id(2, 0, 0), 5);
        assert_eq!(id(3, 0, 0), 21);
        // From the reference implementation's tests.
        assert_eq!(id(12, 3423, 1763), 19_078_479);
    }
}
