//! The stress overlay from `../shared/bench/make_stress.py` (about 50 MB, 1.2 M vertices):
//! parse throughput, the whole background load, and frames with it on the map.

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource, read_user_geojson};
use backstop::overlay::{LoadProgress, RasterView, load, rasterize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use walkers::lon_lat;

#[path = "support/stress.rs"]
mod stress;
use stress::stress_file;

fn parsing(c: &mut Criterion) {
    let path = stress_file();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let mut group = c.benchmark_group("overlay");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("parse stress GeoJSON (typed serde)", |b| {
        b.iter(|| std::hint::black_box(read_user_geojson("stress.geojson", &bytes)))
    });
    group.bench_function("load stress GeoJSON: read, parse, every zoom band", |b| {
        b.iter(|| {
            std::hint::black_box(load(
                0,
                path.clone(),
                &Default::default(),
                &LoadProgress::default(),
            ))
        })
    });
    let layer = load(
        0,
        path.clone(),
        &Default::default(),
        &LoadProgress::default(),
    )
    .unwrap_or_else(|_| panic!("the stress overlay did not load"));
    for (name, lon, lat, zoom) in [
        (
            "rasterise 1600x1000 picture: Ukraine (zoom 6)",
            31.0,
            48.0,
            6.0,
        ),
        (
            "rasterise 1600x1000 picture: Kyiv (zoom 9)",
            30.52,
            50.45,
            9.0,
        ),
    ] {
        let view = RasterView {
            center: backstop::geometry::lon_lat_to_world(lon, lat),
            zoom,
            width: 1600,
            height: 1000,
            pixels_per_point: 1.0,
        };
        group.bench_function(name, |b| {
            b.iter(|| std::hint::black_box(rasterize(&layer, &view)))
        });
    }
    group.finish();
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

fn frames(c: &mut Criterion) {
    let path = stress_file();
    let ctx = egui::Context::default();
    let mut app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    app.add_overlay(path);
    let frame = |app: &mut BackstopApp| {
        let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, app));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    };
    while !app.overlays.loading.is_empty() {
        frame(&mut app);
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        app.overlays.layers.len(),
        1,
        "the stress overlay did not load"
    );
    for (name, lon, lat, zoom) in [
        (
            "frame with 1.2M-vertex overlay: Ukraine (zoom 6)",
            31.0,
            48.0,
            6.0,
        ),
        (
            "frame with 1.2M-vertex overlay: Kyiv (zoom 9)",
            30.52,
            50.45,
            9.0,
        ),
    ] {
        app.map_memory.center_at(lon_lat(lon, lat));
        let _ = app.map_memory.set_zoom(zoom);
        for _ in 0..3 {
            frame(&mut app);
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, &mut app));
                std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
            })
        });
    }
}

criterion_group!(benches, parsing, frames);
criterion_main!(benches);
