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

fn frame_at(c: &mut Criterion, name: &str, lon: f64, lat: f64, zoom: f64) {
    let ctx = egui::Context::default();
    let mut app = BackstopApp::new(&ScenarioFiles::new(ScenarioSource::Builtin));
    app.map_memory.center_at(lon_lat(lon, lat));
    let _ = app.map_memory.set_zoom(zoom);
    // Warm up: fonts and galleys are cached after the first frames, as in the running app.
    for _ in 0..3 {
        let output = ctx.run_ui(raw_input(), |ui| app.show(ui));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let output = ctx.run_ui(raw_input(), |ui| app.show(ui));
            std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        })
    });
}

fn frames(c: &mut Criterion) {
    frame_at(c, "frame: Ukraine view (zoom 5.6)", 31.2, 48.5, 5.6);
    frame_at(c, "frame: Kyiv (zoom 9)", 30.52, 50.45, 9.0);
    frame_at(c, "frame: Kyiv streets (zoom 12)", 30.52, 50.45, 12.0);
    frame_at(c, "frame: Europe (zoom 3.6)", 16.0, 50.0, 3.6);
}

criterion_group!(benches, frames);
criterion_main!(benches);
