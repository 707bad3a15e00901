//! What one edit costs in Edit mode: the live check run on every change of a form, the
//! new text of the file written at a field's commit, and the scenario read again after
//! it (what the user waits for before the map shows the edit).

use std::path::Path;

use backstop::io::authoring::{
    GeoJsonDocument, HubDraft, NationDraft, check_hub_draft, write_hub, write_nation,
};
use backstop::io::{ScenarioFiles, ScenarioSource, load_scenario};
use criterion::{Criterion, criterion_group, criterion_main};

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    std::fs::read_to_string(path).unwrap_or_default()
}

fn authoring(c: &mut Criterion) {
    let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
    let scenario = report.scenario.clone();
    let hubs = data("hubs.geojson");
    let nations = data("nations.toml");
    let Some(hub) = scenario.hub("hub-odesa-area") else {
        eprintln!("the built-in scenario has no hub-odesa-area: skipped");
        return;
    };
    let mut renamed = HubDraft::of(hub);
    renamed.name = "Maritime hub, Odesa".into();
    let Some(france) = scenario.nation("FR") else {
        return;
    };
    let before = NationDraft::of(france);
    let mut after = before.clone();
    after.roles.push(backstop::model::Role::Maritime);

    let mut group = c.benchmark_group("authoring");
    group.bench_function("check a hub draft (every change of the form)", |b| {
        b.iter(|| {
            let document =
                GeoJsonDocument::parse(&hubs).unwrap_or_else(|_| GeoJsonDocument::empty());
            check_hub_draft(&renamed, &scenario, "hubs.geojson", &document)
        })
    });
    group.bench_function("write a renamed hub into hubs.geojson", |b| {
        b.iter(|| write_hub(&hubs, &renamed))
    });
    group.bench_function("write a nation's roles into nations.toml", |b| {
        b.iter(|| write_nation(&nations, &before, &after))
    });
    group.sample_size(20);
    let basemap = backstop::app::shared_basemap();
    group.bench_function("read and prepare the scenario again after an edit", |b| {
        b.iter(|| {
            backstop::app::prepare_scenario(
                ScenarioFiles::new(ScenarioSource::Builtin),
                Some(&report),
                &basemap,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, authoring);
criterion_main!(benches);
