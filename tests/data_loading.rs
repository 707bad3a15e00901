//! Data tests: the shipped scenario is clean, and each broken fixture gives its diagnostic.

use std::fs;
use std::path::Path;

use backstop::io::{Location, ScenarioFiles, ScenarioSource, Severity, load_scenario};
use backstop::model::{LayerKind, OverlayKind, Status};

mod common;

use common::{copy_dir, fixtures, load_folder, scenario_folder, walk};

#[test]
fn the_shipped_scenario_has_no_errors_or_warnings() {
    let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
    let problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let scenario = &report.scenario;
    assert!(scenario.hubs.len() >= 8);
    assert!(scenario.nations.len() >= 15);
    assert!(scenario.hub("mnfu-hq-paris").is_some());
    assert!(scenario.hub("forward-cell-kyiv").is_some());
}

#[test]
fn the_shipped_folder_on_disk_matches_the_embedded_one() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let from_disk = load_scenario(&ScenarioFiles::new(ScenarioSource::Folder(data.clone())));
    let embedded = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
    assert_eq!(from_disk.scenario, embedded.scenario);
    // Every data file is embedded: a new overlay must be added to the list in io/files.rs.
    let mut on_disk = Vec::new();
    for entry in walk(&data) {
        on_disk.push(
            entry
                .strip_prefix(&data)
                .unwrap_or(&entry)
                .to_string_lossy()
                .replace('\\', "/"),
        );
    }
    on_disk.sort();
    let mut embedded_names: Vec<String> = ScenarioSource::builtin_file_names()
        .map(str::to_owned)
        .collect();
    embedded_names.sort();
    assert_eq!(on_disk, embedded_names);
}

#[test]
fn every_hub_site_in_the_shipped_scenario_says_how_it_is_known() {
    let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
    for hub in &report.scenario.hubs {
        assert!(!hub.sources.is_empty(), "{} has no source", hub.id);
        assert!(
            hub.sources.iter().all(|s| s.date.is_some()),
            "{} has an undated source",
            hub.id
        );
        // Hub sites were never published: only city-level HQ and cells are "reported".
        if hub.status != Status::Illustrative {
            assert!(
                hub.description.contains("not public")
                    || hub.description.contains("same place")
                    || hub.description.contains("no site"),
                "{}",
                hub.id
            );
        }
    }
    let illustrative = report
        .scenario
        .hubs
        .iter()
        .filter(|h| h.status == Status::Illustrative)
        .count();
    assert!(illustrative >= 5);
}

#[test]
fn the_buffer_zone_is_computed_from_the_line() {
    let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
    let buffer = report
        .scenario
        .layers
        .iter()
        .find(|l| l.kind == LayerKind::Buffer);
    let features = buffer.map(|l| l.features.clone()).unwrap_or_default();
    assert_eq!(features.len(), 1);
    assert_eq!(features[0].kind, OverlayKind::BufferZone);
    assert_eq!(features[0].status, Status::Illustrative);
}

#[test]
fn the_base_fixture_is_clean() {
    let dir = scenario_folder("base");
    let report = load_folder(dir.path());
    let problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn each_broken_fixture_gives_its_expected_diagnostic() {
    let mut failures = Vec::new();
    let mut variants: Vec<String> = fs::read_dir(fixtures())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "base")
        .collect();
    variants.sort();
    assert!(variants.len() >= 15, "fixtures missing: {variants:?}");
    for variant in variants {
        // A broken fixture without its expected diagnostic would pass whatever loads.
        let expected = fs::read_to_string(fixtures().join(&variant).join("expected.txt"))
            .unwrap_or_else(|e| panic!("{variant}/expected.txt: {e}"));
        assert!(
            expected.lines().any(|l| !l.trim().is_empty()),
            "{variant}/expected.txt names no diagnostic"
        );
        let dir = scenario_folder(&variant);
        let report = load_folder(dir.path());
        let got: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            if !got.iter().any(|g| g == line) {
                failures.push(format!(
                    "{variant}: expected\n  {line}\ngot\n  {}",
                    got.join("\n  ")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_broken_layer_fails_alone_and_the_rest_loads() {
    let dir = scenario_folder("hubs_syntax_error");
    let report = load_folder(dir.path());
    let hubs = report.scenario.layer("hubs").map(|l| l.failed);
    assert_eq!(hubs, Some(true));
    let zones = report
        .scenario
        .layer("zones")
        .map(|l| (l.failed, l.features.len()));
    assert_eq!(zones, Some((false, 1)));
    assert_eq!(report.scenario.nations.len(), 2);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let dir = scenario_folder("base");
    let files = ScenarioFiles::new(ScenarioSource::Folder(dir.path().into())).with_max_bytes(600);
    let report = load_scenario(&files);
    let refused = report
        .diagnostics
        .iter()
        .find(|d| d.file == "hubs.geojson")
        .map(|d| {
            (
                d.severity,
                d.location.clone(),
                d.message.contains("over the limit"),
            )
        });
    assert_eq!(refused, Some((Severity::Error, Location::File, true)));
}

#[test]
fn a_missing_folder_gives_errors_and_no_panic() {
    let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Folder(
        "/nonexistent/backstop".into(),
    )));
    assert!(report.has_errors());
    assert!(report.scenario.hubs.is_empty());
}

#[cfg(unix)]
#[test]
fn a_link_that_leads_outside_the_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::write(outside.path().join("secret.geojson"), "{}").unwrap_or_else(|e| panic!("{e}"));
    let dir = scenario_folder("base");
    let link = dir.path().join("overlays/zones.geojson");
    fs::remove_file(&link).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(outside.path().join("secret.geojson"), &link)
        .unwrap_or_else(|e| panic!("{e}"));
    let report = load_folder(dir.path());
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.file == "overlays/zones.geojson"
                && d.message.contains("outside the scenario folder"))
    );
}

#[test]
fn truncated_and_mangled_files_never_panic_and_are_reported() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for file in [
        "hubs.geojson",
        "scenario.toml",
        "nations.toml",
        "overlays/ceasefire_line.geojson",
    ] {
        let original = fs::read(data.join(file)).unwrap_or_else(|e| panic!("{e}"));
        let cuts = (1..40).map(|i| original.len() * i / 40);
        let mangled = [
            b"null".to_vec(),
            b"[]".to_vec(),
            b"{\"type\": 3}".to_vec(),
            vec![0xff, 0xfe, 0x00],
        ];
        for content in cuts.map(|n| original[..n].to_vec()).chain(mangled) {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            copy_dir(&data, dir.path());
            fs::write(dir.path().join(file), &content).unwrap_or_else(|e| panic!("{e}"));
            let report = load_folder(dir.path());
            assert!(
                report
                    .diagnostics
                    .iter()
                    .any(|d| d.file == file && d.is_error()),
                "{file} cut to {} bytes gave no error",
                content.len()
            );
        }
    }
}

#[test]
fn numbers_that_are_not_finite_are_errors_that_say_so() {
    let dir = scenario_folder("base");
    let scenario = dir.path().join("scenario.toml");
    let text = fs::read_to_string(&scenario).unwrap_or_default();
    fs::write(
        &scenario,
        format!("{text}\n[view]\ncenter = [31.0, 48.5]\nzoom = nan\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let nations = dir.path().join("nations.toml");
    let text = fs::read_to_string(&nations).unwrap_or_default();
    fs::write(
        &nations,
        text.replacen(
            "roles = [\"force_lead\"]",
            "roles = [\"force_lead\"]\npersonnel = nan",
            1,
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let report = load_folder(dir.path());
    let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    for field in ["\"zoom\"", "\"personnel\""] {
        assert!(
            messages.iter().any(|m| m.contains(field)
                && m.contains("error")
                && m.contains("not finite (nan)")),
            "{field}: {messages:#?}"
        );
    }
}

#[test]
fn an_infinite_buffer_width_is_an_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        dir.path(),
    );
    let scenario = dir.path().join("scenario.toml");
    let text = fs::read_to_string(&scenario).unwrap_or_default();
    fs::write(&scenario, text.replace("width_km = 15.0", "width_km = inf"))
        .unwrap_or_else(|e| panic!("{e}"));
    let report = load_folder(dir.path());
    let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"width_km\"") && m.contains("not finite (inf)")),
        "{messages:#?}"
    );
}
