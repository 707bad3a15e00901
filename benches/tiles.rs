//! Raster basemap benchmarks: reading and decoding a tile from each pack format, and a
//! whole frame at the Ukraine view with a raster basemap under the vector layers.

#[path = "../tests/common/pack_writer.rs"]
mod pack_writer;

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource};
use backstop::tiles::{BasemapChoice, MbTilesWriter, TileKey, TileSpan, open_pack};
use criterion::{Criterion, criterion_group, criterion_main};
use walkers::lon_lat;

/// A tile with texture (gradients and noise): about 136 KB of PNG, several times a typical
/// 15–40 KB map tile, so its read and decode time is an upper bound, not a flat colour's.
fn textured_tile(key: TileKey) -> Vec<u8> {
    let mut seed = u32::from(key.z) * 7919 + key.x * 104_729 + key.y * 1_299_709;
    let picture = image::RgbaImage::from_fn(256, 256, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as u8;
        image::Rgba([
            (x / 2) as u8 + noise,
            (y / 2) as u8 + noise,
            ((x + y) / 4) as u8 + 60,
            255,
        ])
    });
    let mut bytes = Vec::new();
    let _ = picture.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    );
    bytes
}

/// Tiles over Ukraine and around it, zooms 0 to 7.
fn ukraine_tiles() -> Vec<(u8, u32, u32, Vec<u8>)> {
    (0..=7u8)
        .flat_map(|z| {
            TileSpan::covering(z, 14.0, 40.0, 46.0, 56.0)
                .keys()
                .collect::<Vec<_>>()
        })
        .map(|k| (k.z, k.x, k.y, textured_tile(k)))
        .collect()
}

fn packs(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tiles = ukraine_tiles();
    let pmtiles = dir.path().join("ukraine.pmtiles");
    std::fs::write(&pmtiles, pack_writer::pmtiles(&tiles, "bench", true))
        .unwrap_or_else(|e| panic!("{e}"));
    let mbtiles = dir.path().join("ukraine.mbtiles");
    let mut writer =
        MbTilesWriter::create(&mbtiles, "bench", "bench", (0, 7), [14.0, 40.0, 46.0, 56.0])
            .unwrap_or_else(|e| panic!("{e}"));
    for (z, x, y, bytes) in &tiles {
        writer
            .add(
                TileKey {
                    z: *z,
                    x: *x,
                    y: *y,
                },
                bytes,
            )
            .unwrap_or_else(|e| panic!("{e}"));
    }
    writer.finish().unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<TileKey> = tiles
        .iter()
        .filter(|t| t.0 == 7)
        .map(|t| TileKey {
            z: t.0,
            x: t.1,
            y: t.2,
        })
        .collect();
    let average = tiles.iter().map(|t| t.3.len()).sum::<usize>() / tiles.len();
    println!("{} tiles, {average} bytes per tile on average", tiles.len());
    for (name, path) in [("PMTiles", &pmtiles), ("MBTiles", &mbtiles)] {
        let pack = open_pack(path).unwrap_or_else(|e| panic!("{e}"));
        let mut next = 0;
        c.bench_function(
            &format!("tiles: read and decode one tile from {name}"),
            |b| {
                b.iter(|| {
                    next = (next + 1) % keys.len();
                    let bytes = pack.tile_bytes(keys[next]).unwrap_or_default();
                    std::hint::black_box(
                        image::load_from_memory(&bytes)
                            .map(|i| i.width())
                            .unwrap_or(0),
                    )
                })
            },
        );
    }

    // A whole frame with the pack under the vector layers, every tile in memory.
    let raw_input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    let ctx = egui::Context::default();
    let mut app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    app.choose_basemap(BasemapChoice::Pack(pmtiles.clone()), Some(&ctx));
    let frame = |app: &mut BackstopApp| {
        let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, app));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
    };
    for _ in 0..2 {
        frame(&mut app);
    }
    app.map_memory.center_at(lon_lat(31.2, 48.5));
    let _ = app.map_memory.set_zoom(6.0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        frame(&mut app);
        let status = app.basemaps.store.as_ref().map(|s| s.status());
        if status.is_some_and(|s| s.waiting == 0 && s.ready > 0) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    println!(
        "tiles in memory: {:?}",
        app.basemaps.store.as_ref().map(|s| s.status().ready)
    );
    c.bench_function("frame: Ukraine view (zoom 6) over a raster pack", |b| {
        b.iter(|| frame(&mut app))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = packs
}
criterion_main!(benches);
