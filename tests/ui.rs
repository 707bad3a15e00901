//! UI tests driving the real app through egui_kittest, by accessibility label.

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource};
use backstop::map::Selection;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(files: &ScenarioFiles) -> Harness<'static, BackstopApp> {
    let app = BackstopApp::new(files);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut BackstopApp| app.show(ui), app);
    // The map may animate (inertia); a fixed number of frames never panics.
    harness.run_steps(4);
    harness
}

fn builtin() -> Harness<'static, BackstopApp> {
    harness(&ScenarioFiles::new(ScenarioSource::Builtin))
}

#[test]
fn the_map_shows_with_the_title_and_caveat() {
    let harness = builtin();
    harness.get_by_label("Map");
    assert!(
        harness
            .query_all_by_label("Security guarantees for Ukraine")
            .count()
            >= 1
    );
    assert!(harness.query_all_by_label_contains("UNCLASSIFIED").count() >= 1);
    harness.get_by_label("as of 2026-01-10");
    harness.get_by_label("✔ No problems");
    assert!(harness.state().map_rect.is_some());
}

#[test]
fn a_layer_toggle_hides_its_layer() {
    let mut harness = builtin();
    let hubs_index = harness
        .state()
        .report
        .scenario
        .layers
        .iter()
        .position(|l| l.id == "hubs")
        .unwrap_or_else(|| panic!("no hubs layer"));
    assert!(
        harness
            .query_by_label("Hub: Forward coordination cell, Kyiv")
            .is_some()
    );
    harness
        .get_by_label("Hubs, HQ and coordination cells")
        .click();
    harness.run_steps(2);
    assert!(!harness.state().state.visible[hubs_index]);
    assert!(
        harness
            .query_by_label("Hub: Forward coordination cell, Kyiv")
            .is_none()
    );
    harness
        .get_by_label("Hubs, HQ and coordination cells")
        .click();
    harness.run_steps(2);
    assert!(harness.state().state.visible[hubs_index]);
}

#[test]
fn clicking_a_hub_selects_it_and_shows_its_name() {
    let mut harness = builtin();
    harness
        .get_by_label("Hub: Forward coordination cell, Kyiv")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub("forward-cell-kyiv".into()))
    );
    // The details panel shows the hub's name, its status and its first source.
    let labels = harness
        .query_all_by_label("Forward coordination cell, Kyiv")
        .count();
    assert!(labels >= 1);
    harness.get_by_label(" REPORTED ");
    harness.get_by_label("Reuters (2025-07-10)");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selection, None);
}

#[test]
fn home_frames_ukraine() {
    let mut harness = builtin();
    harness
        .state_mut()
        .map_memory
        .set_zoom(9.0)
        .unwrap_or_default();
    harness.key_press(egui::Key::Home);
    harness.run_steps(3);
    let zoom = harness.state().map_memory.zoom();
    assert!((4.5..7.0).contains(&zoom), "zoom after Home: {zoom}");
}

#[test]
fn a_scenario_with_errors_still_opens_and_counts_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    for name in [
        "scenario.toml",
        "nations.toml",
        "events.toml",
        "hubs.geojson",
    ] {
        std::fs::copy(base.join(name), dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    // overlays/zones.geojson is missing: one error, the rest loads.
    let mut harness = harness(&ScenarioFiles::new(ScenarioSource::Folder(
        dir.path().into(),
    )));
    harness.get_by_label("⚠ 1 errors, 0 warnings").click();
    harness.run_steps(2);
    harness.get_by_label("Problems");
    harness.get_by_label_contains("overlays/zones.geojson: error: file not found");
    harness.get_by_label("Hub: Hub hub-a");
}

fn base_fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    std::fs::create_dir_all(dir.path().join("overlays")).unwrap_or_else(|e| panic!("{e}"));
    for name in [
        "scenario.toml",
        "nations.toml",
        "events.toml",
        "hubs.geojson",
        "overlays/zones.geojson",
    ] {
        std::fs::copy(base.join(name), dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

#[test]
fn reload_picks_up_an_edited_data_file() {
    let dir = base_fixture_copy();
    let mut harness = harness(&ScenarioFiles::new(ScenarioSource::Folder(
        dir.path().into(),
    )));
    harness.get_by_label("Hub: Hub hub-a");
    let hubs = dir.path().join("hubs.geojson");
    let text = std::fs::read_to_string(&hubs).unwrap_or_default();
    std::fs::write(&hubs, text.replace("Hub hub-a", "Renamed hub"))
        .unwrap_or_else(|e| panic!("{e}"));
    harness.get_by_label("Reload").click();
    harness.run_steps(3);
    harness.get_by_label("Hub: Renamed hub");
}

#[test]
fn the_open_dialog_opens_a_typed_folder() {
    let dir = base_fixture_copy();
    let mut harness = builtin();
    harness.get_by_label("Open…").click();
    // A new window sizes itself invisibly for a frame first.
    harness.run_steps(4);
    assert!(harness.state().open_dialog.open);
    harness.state_mut().open_dialog.path = dir.path().display().to_string();
    harness.get_by_label("Open").click();
    harness.run_steps(4);
    assert_eq!(harness.state().report.scenario.title, "Fixture scenario");
    harness.get_by_label("Hub: Hub hub-a");
}
