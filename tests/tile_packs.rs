//! Tile packs: PMTiles (numbered as the spec does, gzip or not, leaf directories) and
//! MBTiles (rows from the south), damaged, truncated and hostile ones, and opening one
//! from the File menu.

mod common;
#[path = "common/pack_writer.rs"]
mod pack_writer;
#[allow(dead_code)]
#[path = "common/tile_server.rs"]
mod tile_server;

use std::time::{Duration, Instant};

use backstop::mesh::WorldView;
use backstop::tiles::{
    BasemapChoice, MbTilesWriter, TileKey, TileStore, open_pack, tiles_for_view,
};
use egui::{Rect, pos2, vec2};
use egui_kittest::kittest::Queryable;
use pack_writer::pixel_of;
use tile_server::{tile_colour, world_tiles};

#[test]
fn the_test_pack_writer_numbers_tiles_as_the_spec_does() {
    // The values the PMTiles spec's reference implementation tests.
    for (z, x, y, id) in [
        (0, 0, 0, 0),
        (1, 0, 0, 1),
        (1, 0, 1, 2),
        (1, 1, 1, 3),
        (1, 1, 0, 4),
        (2, 0, 0, 5),
        (3, 0, 0, 21),
        (12, 3423, 1763, 19_078_479),
    ] {
        assert_eq!(pack_writer::spec_tile_id(z, x, y), id, "{z}/{x}/{y}");
    }
    // Every tile of a zoom gets its own id, in one unbroken run.
    let mut ids: Vec<u64> = (0..8)
        .flat_map(|x| (0..8).map(move |y| pack_writer::spec_tile_id(3, x, y)))
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, (21..85).collect::<Vec<u64>>());
}

#[test]
fn a_pmtiles_pack_opens_with_its_real_tile_size_and_zooms_and_draws_at_the_right_zoom() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for gzip in [false, true] {
        let path = dir.path().join(format!("world-{gzip}.pmtiles"));
        let bytes = pack_writer::pmtiles(&world_tiles(0..=3, 512), "© Pack makers", gzip);
        std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let pack = open_pack(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (
                pack.info().tile_size,
                pack.info().min_zoom,
                pack.info().max_zoom
            ),
            (512, 0, 3)
        );
        assert_eq!(pack.info().attribution, "© Pack makers");
        let key = TileKey { z: 3, x: 4, y: 2 };
        assert_eq!(pixel_of(pack.as_ref(), key), tile_colour(3, 4, 2));
        // 512-pixel tiles are taken one level shallower than the view: zoom 3 at view zoom 4.
        let mut store = TileStore::new(pack);
        let ctx = egui::Context::default();
        let at_zoom_4 = WorldView::new(
            30.5,
            50.45,
            4.0,
            Rect::from_min_size(pos2(0.0, 0.0), vec2(600.0, 400.0)),
        );
        let keys = tiles_for_view(&at_zoom_4, 512, 0, 3);
        assert!(keys.iter().all(|k| k.z == 3));
        let deadline = Instant::now() + Duration::from_secs(10);
        while !keys.iter().all(|k| store.has_tile(*k)) && Instant::now() < deadline {
            store.layer_for_view(&at_zoom_4, &ctx);
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(keys.iter().all(|k| store.has_tile(*k)));
        // Truncated (an interrupted copy): reported, not a crash.
        let truncated = dir.path().join("truncated.pmtiles");
        std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
        let error = open_pack(&truncated).err().unwrap_or_default();
        assert!(
            error.contains("truncated.pmtiles") && error.contains("truncated"),
            "{error}"
        );
    }
}

#[test]
fn an_mbtiles_pack_reads_rows_from_the_south_and_a_damaged_one_is_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("world.mbtiles");
    let mut writer = MbTilesWriter::create(
        &path,
        "World",
        "© Pack makers",
        (0, 3),
        [-180.0, -85.0, 180.0, 85.0],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for (z, x, y, bytes) in world_tiles(0..=3, 256) {
        writer
            .add(TileKey { z, x, y }, &bytes)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    writer.finish().unwrap_or_else(|e| panic!("{e}"));
    let pack = open_pack(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (
            pack.info().tile_size,
            pack.info().min_zoom,
            pack.info().max_zoom
        ),
        (256, 0, 3)
    );
    assert_eq!(pack.info().name, "World");
    assert_eq!(pack.info().bounds, Some([-180.0, -85.0, 180.0, 85.0]));
    // Row 1 of zoom 3 counted from the north is row 6 in the file.
    assert_eq!(
        pixel_of(pack.as_ref(), TileKey { z: 3, x: 5, y: 1 }),
        tile_colour(3, 5, 1)
    );
    assert!(pack.tile_bytes(TileKey { z: 5, x: 0, y: 0 }).is_err());

    let bytes = std::fs::read(&path).unwrap_or_default();
    let damaged = dir.path().join("damaged.mbtiles");
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap_or_else(|e| panic!("{e}"));
    let error = open_pack(&damaged).err().unwrap_or_default();
    assert!(error.contains("damaged.mbtiles"), "{error}");
    let not_a_pack = dir.path().join("notes.mbtiles");
    std::fs::write(&not_a_pack, "hello").unwrap_or_else(|e| panic!("{e}"));
    let error = open_pack(&not_a_pack).err().unwrap_or_default();
    assert!(error.contains("not a tile pack"), "{error}");
}

#[test]
fn opening_a_truncated_pack_from_the_file_menu_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bytes = pack_writer::pmtiles(&world_tiles(0..=1, 256), "x", true);
    let path = dir.path().join("cut.pmtiles");
    std::fs::write(&path, &bytes[..bytes.len() - 200]).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = common::builtin();
    harness.get_by_label("File").click();
    harness.run_steps(3);
    harness.get_by_label("Open tile pack…").click();
    harness.run_steps(4);
    harness.state_mut().dialogs.open.path = path.display().to_string();
    harness.run_steps(1);
    harness.get_by_label("Open").click();
    common::run_until(&mut harness, "checking the cut pack", |app| {
        app.basemaps.opening.is_none() && app.dialogs.open.error.is_some()
    });
    harness.get_by_label_contains("cut.pmtiles");
    assert_eq!(harness.state().basemaps.choice, BasemapChoice::BuiltIn);

    let good = dir.path().join("good.pmtiles");
    std::fs::write(&good, &bytes).unwrap_or_else(|e| panic!("{e}"));
    harness.state_mut().dialogs.open.path = good.display().to_string();
    harness.run_steps(1);
    harness.get_by_label("Open").click();
    common::run_until(&mut harness, "opening the good pack", |app| {
        app.basemaps.opening.is_none() && !app.dialogs.open.open
    });
    assert_eq!(harness.state().basemaps.choice, BasemapChoice::Pack(good));
}

/// A PNG of `width`×`height` pixels.
fn png_of(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 0, 0, 255]));
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    bytes
}

#[test]
fn a_pack_whose_tiles_are_larger_than_any_texture_is_refused_by_the_app_and_by_check() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, width, height) in [("wide", 20_000, 1), ("tall", 1, 3_000)] {
        let path = dir.path().join(format!("{name}.pmtiles"));
        let bytes = pack_writer::pmtiles(&[(0, 0, 0, png_of(width, height))], "x", true);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let error = open_pack(&path).err().unwrap_or_default();
        assert!(
            error.contains(&format!("{width}×{height} pixels")),
            "{name}: {error}"
        );
        let home = common::TestHome::new();
        let output = home
            .backstop()
            .args(["check", "--tiles"])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("pixels"));
    }
}

#[test]
fn a_damaged_pmtiles_header_or_directory_is_refused_not_trusted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let good = pack_writer::pmtiles(&world_tiles(0..=1, 256), "x", false);
    // A max zoom of 200: `1 << z` would overflow.
    let mut zoom = good.clone();
    zoom[101] = 200;
    // A root directory claiming far more entries than it has bytes for.
    let mut count = good.clone();
    let root_offset = u64::from_le_bytes(good[8..16].try_into().unwrap_or_default()) as usize;
    count[root_offset] = 0xff;
    count[root_offset + 1] = 0xff;
    count[root_offset + 2] = 0x7f;
    for (name, bytes, expected) in [
        ("zoom", zoom, "beyond any map"),
        ("count", count, "entries"),
    ] {
        let path = dir.path().join(format!("{name}.pmtiles"));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let error = open_pack(&path).err().unwrap_or_default();
        assert!(error.contains(expected), "{name}: {error}");
    }
}
