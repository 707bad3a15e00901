//! Raster basemaps: a tile server on 127.0.0.1 inside the tests (tiles, failures, stalls,
//! garbage), the disk cache, the offline state, PMTiles and MBTiles packs, preparing packs,
//! and the app showing attribution and the offline state. No test touches the internet.

mod common;
#[path = "common/pack_writer.rs"]
mod pack_writer;
#[path = "common/tile_server.rs"]
mod tile_server;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use backstop::mesh::WorldView;
use backstop::tiles::{
    BasemapChoice, BulkPolicy, DiskCache, HttpBackend, HttpOptions, MbTilesWriter, NetworkState,
    PackJob, PackPlan, TileBackend, TileKey, TileSource, TileStore, open_pack, tiles_for_view,
};
use egui::{Rect, pos2, vec2};
use egui_kittest::kittest::Queryable;
use tile_server::{Mode, TileServer, tile_colour, tile_png};

fn local_source(server: &TileServer, bulk: bool) -> TileSource {
    TileSource {
        name: "Local test tiles".into(),
        url: server.template(),
        subdomains: Vec::new(),
        attribution: "© Test Tiles".into(),
        min_zoom: 0,
        max_zoom: 12,
        tile_size: 256,
        headers: BTreeMap::new(),
        bulk: if bulk {
            BulkPolicy::Allowed
        } else {
            BulkPolicy::Forbidden("test".into())
        },
    }
}

fn backend(server: &TileServer, cache: &std::path::Path, timeout: Duration) -> Arc<HttpBackend> {
    let options = HttpOptions { timeout };
    let backend = HttpBackend::new(
        local_source(server, true),
        DiskCache::new(cache.into()),
        options,
    );
    Arc::new(backend.unwrap_or_else(|e| panic!("{e}")))
}

/// Kyiv at zoom 6 in a 600×400 window: six to nine tiles.
fn view() -> WorldView {
    WorldView::new(
        30.5,
        50.45,
        6.0,
        Rect::from_min_size(pos2(0.0, 0.0), vec2(600.0, 400.0)),
    )
}

/// Draws frames until `done` or ten seconds pass; returns whether it happened.
fn frames_until(
    store: &mut TileStore,
    ctx: &egui::Context,
    mut done: impl FnMut(&TileStore, usize) -> bool,
) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let layer = store.layer_for_view(&view(), ctx);
        if done(store, layer.tiles.len()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

fn all_tiles(store: &TileStore) -> usize {
    tiles_for_view(&view(), 256, 0, 12)
        .into_iter()
        .filter(|k| store.has_tile(*k))
        .count()
}

fn offline_reason(store: &TileStore) -> Option<String> {
    match store.status().network {
        Some(NetworkState::Offline { reason, .. }) => Some(reason),
        _ => None,
    }
}

#[test]
fn tiles_from_a_local_server_appear_with_our_user_agent() {
    let server = TileServer::start(Mode::Tiles);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = TileStore::new(backend(&server, cache.path(), Duration::from_secs(5)));
    let ctx = egui::Context::default();
    let wanted = tiles_for_view(&view(), 256, 0, 12).len();
    assert!(
        frames_until(&mut store, &ctx, |_, drawn| drawn == wanted),
        "tiles never arrived"
    );
    assert_eq!(store.status().network, Some(NetworkState::Online));
    let agent = server
        .user_agent
        .lock()
        .map(|a| a.clone())
        .unwrap_or_default();
    assert!(agent.starts_with("backstop/"), "user agent {agent:?}");
    // Each tile was asked for once, not once per frame.
    assert_eq!(server.request_count(), wanted);
}

#[test]
fn the_cache_serves_tiles_after_the_server_stops() {
    let server = TileServer::start(Mode::Tiles);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let wanted = tiles_for_view(&view(), 256, 0, 12).len();
    {
        let mut store = TileStore::new(backend(&server, cache.path(), Duration::from_secs(5)));
        let ctx = egui::Context::default();
        assert!(frames_until(&mut store, &ctx, |s, _| all_tiles(s) == wanted));
    }
    server.stop();
    let mut store = TileStore::new(backend(&server, cache.path(), Duration::from_secs(5)));
    let ctx = egui::Context::default();
    assert!(
        frames_until(&mut store, &ctx, |s, _| all_tiles(s) == wanted),
        "the cache did not serve"
    );
    // Nothing needed the network, so nothing says offline.
    assert_eq!(store.status().network, Some(NetworkState::Online));
}

#[test]
fn a_stopped_server_shows_offline_and_missing_tiles_are_left_to_the_builtin_basemap() {
    let server = TileServer::start(Mode::Tiles);
    server.stop();
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = TileStore::new(backend(&server, cache.path(), Duration::from_secs(5)));
    let ctx = egui::Context::default();
    assert!(frames_until(&mut store, &ctx, |s, _| offline_reason(s).is_some()));
    let reason = offline_reason(&store).unwrap_or_default();
    assert!(reason.starts_with("no network"), "{reason}");
    // The queue drains from the cache alone, without a request per tile.
    assert!(frames_until(&mut store, &ctx, |s, _| s.status().waiting == 0));
    assert_eq!(store.layer_for_view(&view(), &ctx).tiles.len(), 0);
}

#[test]
fn a_failing_server_goes_offline_backs_off_and_recovers() {
    let server = TileServer::start(Mode::Fail);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let http = backend(&server, cache.path(), Duration::from_secs(5));
    let mut store = TileStore::new(http.clone());
    let ctx = egui::Context::default();
    assert!(frames_until(&mut store, &ctx, |s, _| offline_reason(s).is_some()));
    assert!(
        offline_reason(&store)
            .unwrap_or_default()
            .contains("HTTP 500")
    );
    // Offline, requests stop: one probe per pause (2 s, doubling), never one per tile of
    // the view, however slow the machine makes these frames.
    let tiles_in_view = tiles_for_view(&view(), 256, 0, 12).len();
    assert!(tiles_in_view > 4, "the view asks for {tiles_in_view} tiles");
    let seen = server.request_count();
    let offline_since = Instant::now();
    for _ in 0..40 {
        store.layer_for_view(&view(), &ctx);
        std::thread::sleep(Duration::from_millis(20));
    }
    let probes_allowed = 1 + (offline_since.elapsed().as_secs_f64() / 2.0) as usize;
    let made = server.request_count() - seen;
    assert!(
        made <= probes_allowed,
        "{made} requests while offline, in {:?} (at most {probes_allowed} probes)",
        offline_since.elapsed()
    );
    server.set_mode(Mode::Tiles);
    // "Try now" on the offline line: the probe goes out without waiting out the pause.
    http.try_now();
    let wanted = tiles_for_view(&view(), 256, 0, 12).len();
    assert!(
        frames_until(&mut store, &ctx, |s, _| all_tiles(s) == wanted),
        "did not recover"
    );
    assert_eq!(store.status().network, Some(NetworkState::Online));
}

#[test]
fn a_stalled_server_times_out_into_the_offline_state() {
    let server = TileServer::start(Mode::Stall);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = TileStore::new(backend(&server, cache.path(), Duration::from_millis(600)));
    let ctx = egui::Context::default();
    // Every frame returns at once while the workers wait on the server.
    assert!(frames_until(&mut store, &ctx, |s, _| offline_reason(s).is_some()));
    assert!(
        offline_reason(&store)
            .unwrap_or_default()
            .contains("timed out")
    );
}

#[test]
fn garbage_from_the_server_is_reported_and_not_cached() {
    let server = TileServer::start(Mode::Garbage);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = TileStore::new(backend(&server, cache.path(), Duration::from_secs(5)));
    let ctx = egui::Context::default();
    assert!(frames_until(&mut store, &ctx, |s, _| s
        .status()
        .last_problem
        .is_some()));
    let problem = store.status().last_problem.unwrap_or_default();
    assert!(problem.contains("not a PNG, JPEG or WebP"), "{problem}");
    assert!(frames_until(&mut store, &ctx, |s, _| s.status().waiting == 0));
    let cached = common::walk(cache.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tile"))
        .count();
    assert_eq!(cached, 0);
}

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

fn world_tiles(zooms: std::ops::RangeInclusive<u8>, size: u32) -> Vec<(u8, u32, u32, Vec<u8>)> {
    let mut tiles = Vec::new();
    for z in zooms {
        for x in 0..(1u32 << z) {
            for y in 0..(1u32 << z) {
                tiles.push((z, x, y, tile_png(u32::from(z), x, y, size)));
            }
        }
    }
    tiles
}

fn pixel_of(backend: &dyn TileBackend, key: TileKey) -> [u8; 4] {
    let bytes = backend
        .tile_bytes(key)
        .unwrap_or_else(|e| panic!("{key:?}: {e}"));
    let picture = image::load_from_memory(&bytes)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_rgba8();
    picture.get_pixel(3, 3).0
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
fn a_pack_is_prepared_from_an_allowed_source_and_refused_for_openstreetmap() {
    let server = TileServer::start(Mode::Tiles);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let http = backend(&server, cache.path(), Duration::from_secs(5));
    let plan = PackPlan {
        bounds: [22.0, 44.0, 40.5, 52.5],
        from: 4,
        to: 6,
    };
    let path = cache.path().join("packs/ukraine.mbtiles");
    let job = PackJob::start(plan, http.clone(), &path).unwrap_or_else(|e| panic!("{e}"));
    let deadline = Instant::now() + Duration::from_secs(20);
    while job.progress.outcome().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let written = job
        .progress
        .outcome()
        .unwrap_or_else(|| Err("still running".into()));
    assert_eq!(written.as_ref().ok(), Some(&path));
    let count = |n: &std::sync::atomic::AtomicU64| n.load(std::sync::atomic::Ordering::Relaxed);
    let progress = &job.progress;
    assert_eq!(count(&progress.saved), plan.tile_count());
    assert_eq!((count(&progress.failed), count(&progress.missing)), (0, 0));
    let pack = open_pack(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((pack.info().min_zoom, pack.info().max_zoom), (4, 6));
    assert_eq!(pack.info().attribution, "© Test Tiles");
    for span in plan.spans() {
        for key in span.keys() {
            assert_eq!(
                pixel_of(pack.as_ref(), key),
                tile_colour(u32::from(key.z), key.x, key.y)
            );
        }
    }

    let osm = backstop::tiles::builtin_sources().remove(0);
    let osm = HttpBackend::new(
        osm,
        DiskCache::new(cache.path().join("osm")),
        HttpOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let refusal = plan.refusal(&osm).unwrap_or_default();
    assert!(
        refusal.contains("tile usage policy forbids bulk downloading"),
        "{refusal}"
    );
    let refused = PackJob::start(plan, Arc::new(osm), &cache.path().join("osm.mbtiles"));
    assert!(refused.is_err());
    let huge = PackPlan {
        bounds: [22.0, 44.0, 40.5, 52.5],
        from: 4,
        to: 12,
    };
    assert!(
        huge.refusal(&http)
            .unwrap_or_default()
            .contains("more than")
    );
}

#[test]
fn cancelling_a_pack_leaves_no_file() {
    let server = TileServer::start(Mode::Slow);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let http = backend(&server, cache.path(), Duration::from_secs(5));
    let plan = PackPlan {
        bounds: [22.0, 44.0, 40.5, 52.5],
        from: 5,
        to: 7,
    };
    let path = cache.path().join("cancelled.mbtiles");
    let job = PackJob::start(plan, http, &path).unwrap_or_else(|e| panic!("{e}"));
    // Cancel once tiles are coming in, mid-way.
    let deadline = Instant::now() + Duration::from_secs(60);
    while job.progress.fraction() <= 0.0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        job.progress.outcome().is_none(),
        "the slow pack finished first"
    );
    job.progress.cancel();
    let deadline = Instant::now() + Duration::from_secs(60);
    while job.progress.outcome().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let outcome = job.progress.outcome().unwrap_or_else(|| Ok(path.clone()));
    assert!(outcome.is_err_and(|e| e.contains("Cancelled")));
    assert!(!path.exists());
    let leftovers: Vec<_> = common::walk(cache.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_app_shows_the_sources_attribution_and_its_offline_state() {
    let server = TileServer::start(Mode::Tiles);
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = common::builtin();
    {
        let app = harness.state_mut();
        app.basemaps.cache_folder = cache.path().into();
        app.basemaps.sources.push(local_source(&server, true));
    }
    // Through the menu, as a user would.
    harness.get_by_label("View").click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Basemap")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Local test tiles").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().basemaps.choice,
        BasemapChoice::Online("Local test tiles".into())
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness
        .state()
        .basemaps
        .store
        .as_ref()
        .is_none_or(|s| s.status().ready == 0)
        && Instant::now() < deadline
    {
        harness.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        harness
            .state()
            .basemaps
            .store
            .as_ref()
            .is_some_and(|s| s.status().ready > 0)
    );
    harness.get_by_label_contains("Tiles: © Test Tiles");

    server.stop();
    // Move to where nothing is cached, so the app has to ask the server.
    harness.state_mut().queue(backstop::app::Command::FocusOn {
        lon: 10.0,
        lat: 60.0,
        zoom: 7.0,
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness
        .query_by_label_contains("Offline — showing cached tiles")
        .is_none()
        && Instant::now() < deadline
    {
        harness.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.get_by_label_contains("Offline — showing cached tiles of Local test tiles");
    harness.get_by_label_contains("Tiles: © Test Tiles");
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
