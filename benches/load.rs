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

criterion_group!(benches, loading);
criterion_main!(benches);
