//! Frame benchmarks: the whole UI (panels, map, scenario) plus egui's tessellation,
//! at 1600×1000, at the Ukraine view and at a city zoom.

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource};
use criterion::{Criterion, criterion_group, criterion_main};
use walkers::lon_lat;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

/// A frame in which the pointer moves over the map, so hover hit-testing runs too.
fn hovering_input(step: u32) -> egui::RawInput {
    let mut input = raw_input();
    let x = 700.0 + (step % 50) as f32 * 4.0;
    input
        .events
        .push(egui::Event::PointerMoved(egui::pos2(x, 520.0)));
    input
}

fn hovering(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    app.basemap.build_all();
    for step in 0..5 {
        let output = ctx.run_ui(hovering_input(step), |ui| backstop::ui::show(ui, &mut app));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    let mut step = 0;
    c.bench_function("frame: Ukraine view, pointer moving over the map", |b| {
        b.iter(|| {
            step += 1;
            let output = ctx.run_ui(hovering_input(step), |ui| backstop::ui::show(ui, &mut app));
            std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        })
    });
}

fn frame_at(c: &mut Criterion, name: &str, lon: f64, lat: f64, zoom: f64) {
    frame_with(c, name, lon, lat, zoom, false);
}

/// A frame at the view, with the graticule and the MGRS grid on when `grids`.
fn frame_with(c: &mut Criterion, name: &str, lon: f64, lat: f64, zoom: f64, grids: bool) {
    let ctx = egui::Context::default();
    let mut app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    let frame = |app: &mut BackstopApp| {
        let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, app));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    };
    // The first frames frame Ukraine; then move to the view under test and let fonts,
    // galleys and the zoom band's meshes settle, as in the running app.
    // Steady state: the warm-up thread's meshes are all built before anything is timed.
    app.basemap.build_all();
    let layers = &mut app.state.shown.basemap_layers;
    layers.graticule = grids;
    layers.mgrs_grid = grids;
    for _ in 0..2 {
        frame(&mut app);
    }
    app.map_memory.center_at(lon_lat(lon, lat));
    let _ = app.map_memory.set_zoom(zoom);
    for _ in 0..3 {
        frame(&mut app);
    }
    assert!(
        (app.map_memory.zoom() - zoom).abs() < 1e-9,
        "the view moved during warm-up"
    );
    c.bench_function(name, |b| {
        b.iter(|| {
            let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, &mut app));
            std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        })
    });
}

fn frames(c: &mut Criterion) {
    frame_at(c, "frame: Ukraine view (zoom 5.6)", 31.2, 48.5, 5.6);
    frame_at(c, "frame: Kyiv (zoom 9)", 30.52, 50.45, 9.0);
    frame_at(c, "frame: Kyiv streets (zoom 12)", 30.52, 50.45, 12.0);
    frame_at(c, "frame: Europe (zoom 3.6)", 16.0, 50.0, 3.6);
    frame_with(
        c,
        "frame: Ukraine view (zoom 5.6), lat/lon and MGRS grids on",
        31.2,
        48.5,
        5.6,
        true,
    );
    frame_with(
        c,
        "frame: Kyiv (zoom 12), lat/lon and MGRS 1 km grids on",
        30.52,
        50.45,
        12.0,
        true,
    );
    frame_at(
        c,
        "frame: Kazakhstan (zoom 7), world layers",
        65.0,
        52.0,
        7.0,
    );
}

criterion_group!(benches, frames, hovering);
criterion_main!(benches);
