//! Raster basemaps: a tile server on 127.0.0.1 inside the tests (tiles, failures, stalls,
//! garbage), the disk cache, the offline state, preparing packs, and the app showing
//! attribution and the offline state. No test touches the internet. Packs themselves are
//! tested in tile_packs.rs.

mod common;
#[allow(dead_code)]
#[path = "common/pack_writer.rs"]
mod pack_writer;
#[path = "common/tile_server.rs"]
mod tile_server;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use backstop::mesh::WorldView;
use backstop::tiles::{
    BasemapChoice, BulkPolicy, DiskCache, HttpBackend, HttpOptions, NetworkState, PackJob,
    PackPlan, TileSource, TileStore, open_pack, tiles_for_view,
};
use egui::{Rect, pos2, vec2};
use egui_kittest::kittest::Queryable;
use pack_writer::pixel_of;
use tile_server::{Mode, TileServer, tile_colour};

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
