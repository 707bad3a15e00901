//! A minimal PMTiles v3 writer for the tests (one root directory, no leaves).

use std::io::Write;

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The PMTiles tile id of z/x/y, worked out here from the geometric definition of the
/// Hilbert curve the spec names (each square split into four, walked with its own axes),
/// independently of the bit arithmetic the app uses, so a mistake there cannot hide in
/// the test archives too.
pub fn spec_tile_id(z: u8, x: u32, y: u32) -> u64 {
    let before: u64 = (0..z).map(|k| 1u64 << (2 * u32::from(k))).sum();
    let side = f64::from(1u32 << z);
    let (px, py) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
    // The square: origin, then its first and second axes.
    let mut square = (0.0, 0.0, 0.0, side, side, 0.0);
    let mut index = 0u64;
    for level in (0..z).rev() {
        let (x0, y0, xi, xj, yi, yj) = square;
        let parts = [
            (x0, y0, yi / 2.0, yj / 2.0, xi / 2.0, xj / 2.0),
            (
                x0 + xi / 2.0,
                y0 + xj / 2.0,
                xi / 2.0,
                xj / 2.0,
                yi / 2.0,
                yj / 2.0,
            ),
            (
                x0 + xi / 2.0 + yi / 2.0,
                y0 + xj / 2.0 + yj / 2.0,
                xi / 2.0,
                xj / 2.0,
                yi / 2.0,
                yj / 2.0,
            ),
            (
                x0 + xi / 2.0 + yi,
                y0 + xj / 2.0 + yj,
                -yi / 2.0,
                -yj / 2.0,
                -xi / 2.0,
                -xj / 2.0,
            ),
        ];
        let inside = |(x0, y0, xi, xj, yi, yj): (f64, f64, f64, f64, f64, f64)| {
            let det = xi * yj - xj * yi;
            let a = ((px - x0) * yj - (py - y0) * yi) / det;
            let b = (xi * (py - y0) - xj * (px - x0)) / det;
            (0.0..1.0).contains(&a) && (0.0..1.0).contains(&b)
        };
        let Some(part) = parts.iter().position(|p| inside(*p)) else {
            panic!("{z}/{x}/{y} is outside its square");
        };
        index += part as u64 * (1u64 << (2 * u32::from(level)));
        square = parts[part];
    }
    before + index
}

/// Writes `tiles` (z, x, y, PNG bytes) as a PMTiles archive; `gzip` compresses the
/// directory and metadata as most real archives do.
pub fn pmtiles(tiles: &[(u8, u32, u32, Vec<u8>)], attribution: &str, gzip: bool) -> Vec<u8> {
    let mut entries: Vec<(u64, &Vec<u8>)> = tiles
        .iter()
        .map(|(z, x, y, bytes)| (spec_tile_id(*z, *x, *y), bytes))
        .collect();
    entries.sort_by_key(|e| e.0);
    let mut directory = Vec::new();
    varint(&mut directory, entries.len() as u64);
    let mut last = 0;
    for (id, _) in &entries {
        varint(&mut directory, id - last);
        last = *id;
    }
    for _ in &entries {
        varint(&mut directory, 1);
    }
    for (_, bytes) in &entries {
        varint(&mut directory, bytes.len() as u64);
    }
    let mut offset = 0u64;
    for (_, bytes) in &entries {
        varint(&mut directory, offset + 1);
        offset += bytes.len() as u64;
    }
    let metadata =
        format!("{{\"name\":\"Test pack\",\"attribution\":\"{attribution}\"}}").into_bytes();
    let squeeze = |bytes: Vec<u8>| -> Vec<u8> {
        if !gzip {
            return bytes;
        }
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = encoder.write_all(&bytes);
        encoder.finish().unwrap_or_default()
    };
    let (directory, metadata) = (squeeze(directory), squeeze(metadata));
    let data: Vec<u8> = entries
        .iter()
        .flat_map(|(_, b)| b.iter().copied())
        .collect();
    let root_offset = 127u64;
    let metadata_offset = root_offset + directory.len() as u64;
    let data_offset = metadata_offset + metadata.len() as u64;
    let min_zoom = tiles.iter().map(|t| t.0).min().unwrap_or(0);
    let max_zoom = tiles.iter().map(|t| t.0).max().unwrap_or(0);
    let mut header = Vec::with_capacity(127);
    header.extend_from_slice(b"PMTiles");
    header.push(3);
    for value in [
        root_offset,
        directory.len() as u64,
        metadata_offset,
        metadata.len() as u64,
        0,
        0,
        data_offset,
        data.len() as u64,
        entries.len() as u64,
        entries.len() as u64,
        entries.len() as u64,
    ] {
        header.extend_from_slice(&value.to_le_bytes());
    }
    header.push(1); // clustered
    header.push(if gzip { 2 } else { 1 }); // internal compression
    header.push(1); // tile compression: none
    header.push(2); // tile type: PNG
    header.push(min_zoom);
    header.push(max_zoom);
    for degrees in [-180.0f64, -85.0, 180.0, 85.0] {
        header.extend_from_slice(&((degrees * 1e7) as i32).to_le_bytes());
    }
    header.push(min_zoom);
    header.extend_from_slice(&0i32.to_le_bytes());
    header.extend_from_slice(&0i32.to_le_bytes());
    assert_eq!(header.len(), 127);
    [header, directory, metadata, data].concat()
}

/// The colour of pixel (3, 3) of a pack's tile.
#[allow(dead_code)]
pub fn pixel_of(
    backend: &dyn backstop::tiles::TileBackend,
    key: backstop::tiles::TileKey,
) -> [u8; 4] {
    let bytes = backend
        .tile_bytes(key)
        .unwrap_or_else(|e| panic!("{key:?}: {e}"));
    let picture = image::load_from_memory(&bytes)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_rgba8();
    picture.get_pixel(3, 3).0
}
