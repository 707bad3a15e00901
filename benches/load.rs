//! Load benchmarks: the embedded basemap prepared for drawing, and the built-in scenario.

use backstop::basemap::Basemap;
use backstop::io::{ScenarioFiles, ScenarioSource, load_scenario};
use backstop::scene::Scene;
use criterion::{Criterion, criterion_group, criterion_main};

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("basemap parse (what start-up waits for)", |b| {
        b.iter(|| std::hint::black_box(Basemap::load()))
    });
    group.bench_function(
        "world layers parse (warm-up thread, before the first frame)",
        |b| b.iter(|| std::hint::black_box(backstop::basemap::WorldLayers::load(&mut Vec::new()))),
    );
    group.bench_function("basemap parse + every zoom band (background thread)", |b| {
        b.iter(|| {
            let basemap = Basemap::load();
            basemap.build_all();
            std::hint::black_box(basemap)
        })
    });
    group.bench_function("built-in scenario (parse, validate, buffer, scene)", |b| {
        b.iter(|| {
            let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
            std::hint::black_box(Scene::build(&report.scenario))
        })
    });
    let basemap = Basemap::load();
    let scenario = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin)).scenario;
    group.bench_function("hub exposure (line, Russia, Belarus, ring sets)", |b| {
        b.iter(|| std::hint::black_box(backstop::app::exposures_of(&scenario, &basemap)))
    });
    group.finish();
}

/// The buffer zone of a long, dense line: 10,000 vertices (before: 20 s and 1.8 GB).
fn buffer(c: &mut Criterion) {
    let line: geo::LineString<f64> = (0..10_000)
        .map(|i| {
            let t = f64::from(i) / 10_000.0;
            (30.0 + 8.0 * t, 47.0 + 2.0 * t + 0.05 * (t * 400.0).sin())
        })
        .collect::<Vec<_>>()
        .into();
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("15 km buffer of a 10,000-vertex line", |b| {
        b.iter(|| std::hint::black_box(backstop::geometry::geodesic_buffer(&line, 15.0)))
    });
    group.finish();
}

criterion_group!(benches, loading, buffer);
criterion_main!(benches);
