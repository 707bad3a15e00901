//! UI tests driving the real app through egui_kittest, by accessibility label.

#[allow(dead_code)]
mod common;

use common::{builtin, harness};
use egui_kittest::Harness;

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource};
use backstop::model::Selection;
use egui_kittest::kittest::Queryable as _;

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
        .documents
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
    assert!(!harness.state().state.shown.visible[hubs_index]);
    assert!(
        harness
            .query_by_label("Hub: Forward coordination cell, Kyiv")
            .is_none()
    );
    harness
        .get_by_label("Hubs, HQ and coordination cells")
        .click();
    harness.run_steps(2);
    assert!(harness.state().state.shown.visible[hubs_index]);
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
    harness.get_by_label_contains(
        "scenario.toml: layer 0 (id \"zones\"): property \"file\": error: overlays/zones.geojson: file not found",
    );
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
    harness.run_steps(1);
    common::run_until(&mut harness, "the reload", |app| !app.is_loading());
    harness.get_by_label("Hub: Renamed hub");
}

#[test]
fn the_open_dialog_opens_a_typed_folder() {
    let dir = base_fixture_copy();
    let mut harness = builtin();
    harness.get_by_label("File").click();
    harness.run_steps(3);
    harness
        .get_by_label_contains("Open scenario folder…")
        .click();
    // A new window sizes itself invisibly for a frame first.
    harness.run_steps(4);
    assert!(harness.state().dialogs.open.open);
    harness.state_mut().dialogs.open.path = dir.path().display().to_string();
    harness.get_by_label("Open").click();
    harness.run_steps(1);
    common::run_until(&mut harness, "opening the folder", |app| !app.is_loading());
    assert_eq!(
        harness.state().documents.report.scenario.title,
        "Fixture scenario"
    );
    harness.get_by_label("Hub: Hub hub-a");
}

#[test]
fn clicking_a_country_shows_its_roles() {
    let mut harness = builtin();
    harness.get_by_label("Country: Romania").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Nation("RO".into()))
    );
    harness.get_by_label("Romania (RO)");
    harness.get_by_label_contains("Black Sea demining group");
}

#[test]
fn the_coalition_layer_can_be_switched_off_and_on() {
    let mut harness = builtin();
    assert!(harness.state().state.shown.coalition_layer);
    harness.get_by_label("Countries by coalition role").click();
    harness.run_steps(2);
    assert!(!harness.state().state.shown.coalition_layer);
    harness.key_press(egui::Key::C);
    harness.run_steps(2);
    assert!(harness.state().state.shown.coalition_layer);
}

#[test]
fn the_coalition_table_sorts_by_personnel_and_selects_a_row() {
    let mut harness = builtin();
    harness.get_by_label("Coalition").click();
    harness.run_steps(3);
    assert!(harness.state().state.show_coalition_panel);
    harness.get_by_label("Personnel").click();
    harness.run_steps(2);
    let sort = harness.state().dialogs.coalition_sort;
    assert_eq!(sort.column, backstop::analysis::CoalitionColumn::Personnel);
    assert!(sort.descending);
    let first = sort
        .sorted(&harness.state().documents.report.scenario.nations)
        .first()
        .map(|n| n.iso.clone());
    assert_eq!(first.as_deref(), Some("FR"));
    harness.get_by_label("Lithuania (LT)").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Nation("LT".into()))
    );
    harness.get_by_label("Personnel ⏷").click();
    harness.run_steps(2);
    assert!(!harness.state().dialogs.coalition_sort.descending);
}

#[test]
fn a_problem_selects_the_feature_it_names() {
    let dir = base_fixture_copy();
    let hubs = dir.path().join("hubs.geojson");
    let text = std::fs::read_to_string(&hubs).unwrap_or_default();
    // A partner that is not in nations.toml: a warning naming hub-a.
    std::fs::write(
        &hubs,
        text.replacen("\"lead\": [", "\"partners\": [\"ZZ\"], \"lead\": [", 1),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&ScenarioFiles::new(ScenarioSource::Folder(
        dir.path().into(),
    )));
    harness.get_by_label("⚠ 0 errors, 1 warnings").click();
    harness.run_steps(3);
    harness
        .get_by_label_contains("nation \"ZZ\" is not in nations.toml")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub("hub-a".into()))
    );
}

#[test]
fn tab_cycles_through_the_hubs() {
    let mut harness = builtin();
    let first = harness.state().documents.report.scenario.hubs[0].id.clone();
    let second = harness.state().documents.report.scenario.hubs[1].id.clone();
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selection, Some(Selection::Hub(first)));
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub(second))
    );
}

#[test]
fn arrows_pan_and_f1_lists_the_shortcuts() {
    let mut harness = builtin();
    let before = harness.state().world_view().map(|v| v.center);
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    let after = harness.state().world_view().map(|v| v.center);
    assert!(after.zip(before).is_some_and(|(a, b)| a.x > b.x));
    harness.key_press(egui::Key::F1);
    harness.run_steps(4);
    harness.get_by_label("Next hub");
    harness.key_press(egui::Key::F1);
    harness.run_steps(2);
    assert!(!harness.state().state.show_help);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Questionmark);
    harness.run_steps(2);
    assert!(harness.state().state.show_help, "? opens the list too");
    harness.get_by_label("Coalition roles on the map");
}

#[test]
fn the_dark_theme_is_chosen_from_the_view_menu() {
    let mut harness = builtin();
    harness.get_by_label("View").click();
    harness.run_steps(3);
    harness.get_by_label("Dark theme").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.theme, backstop::app::Theme::Dark);
}

#[test]
fn panel_state_survives_a_restart() {
    let mut harness = builtin();
    harness.get_by_label("Coalition").click();
    harness.get_by_label("Drone patrol sectors").click();
    harness.run_steps(3);
    let saved = harness.state().settings();
    // Saved and read back exactly as eframe does between runs (RON in its storage).
    let mut storage = MemoryStorage::default();
    let home = common::TestHome::new();
    let mut window = backstop::ui::Window(home.builtin_app());
    window.0.apply_settings(&saved);
    eframe::App::save(&mut window, &mut storage);
    let restored: backstop::app::Settings = eframe::get_value(&storage, eframe::APP_KEY)
        .unwrap_or_else(|| panic!("nothing readable stored: {:?}", storage.0));
    let mut next = harness.home.builtin_app();
    next.apply_settings(&restored);
    assert!(next.state.show_coalition_panel);
    let drones = next
        .documents
        .report
        .scenario
        .layers
        .iter()
        .position(|l| l.id == "drones");
    assert_eq!(drones.map(|i| next.state.shown.visible[i]), Some(false));
    assert_eq!(next.settings().layers, saved.layers);
    // An old or foreign settings file still loads, with defaults for what it lacks.
    eframe::Storage::set_string(&mut storage, eframe::APP_KEY, "(theme: Dark)".into());
    let partial: backstop::app::Settings = eframe::get_value(&storage, eframe::APP_KEY)
        .unwrap_or_else(|| panic!("a partial settings file did not load"));
    assert_eq!(partial.theme, backstop::app::Theme::Dark);
    assert!(partial.show_layers_panel);
}

#[test]
fn the_export_dialog_saves_a_picture_of_the_chosen_size_and_says_where() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("briefing.png");
    let mut harness = builtin();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(4);
    assert!(harness.state().dialogs.export.open);
    harness.state_mut().dialogs.export.path = path.display().to_string();
    harness.get_by_label("Save PNG").click();
    harness.run_steps(2);
    // The picture renders on a worker thread while the window shows progress.
    assert!(harness.state().exporting());
    harness.get_by_label("Rendering…");
    for _ in 0..600 {
        if !harness.state().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(2);
    let image = image::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((image.width(), image.height()), (1920, 1080));
    harness.get_by_label_contains("Saved");
}

#[test]
fn save_view_writes_the_map_area_at_screen_density() {
    let home = common::TestHome::new();
    let app = home.builtin_app();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut BackstopApp| backstop::ui::show(ui, app), app);
    harness.run_steps(4);
    // The view goes to the test's own Pictures folder.
    let pictures = home.folders.pictures.clone();
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run_steps(6);
    let saved: Vec<_> = std::fs::read_dir(&pictures)
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    assert_eq!(saved.len(), 1, "one picture in the Pictures folder");
    let image = image::open(saved[0].path()).unwrap_or_else(|e| panic!("{e}"));
    let map = harness.state().map_rect.unwrap_or(egui::Rect::NOTHING);
    assert_eq!(image.width(), map.width().round() as u32);
    assert_eq!(image.height(), map.height().round() as u32);
}

#[test]
fn hubs_that_would_cover_each_other_share_a_symbol_that_zooms_in() {
    let mut harness = builtin();
    // Europe-wide: the Kyiv hubs fall on top of one another.
    harness
        .state_mut()
        .map_memory
        .center_at(walkers::lon_lat(16.0, 50.0));
    harness
        .state_mut()
        .map_memory
        .set_zoom(3.6)
        .unwrap_or_default();
    harness.run_steps(3);
    assert!(
        harness.query_all_by_label_contains("Hubs: ").count() >= 2,
        "Paris and Kyiv clusters"
    );
    harness
        .get_by_label_contains("Hubs: MNF-U headquarters, Paris")
        .click();
    harness.run_steps(3);
    let zoom = harness.state().map_memory.zoom();
    assert!(
        (zoom - 5.6).abs() < 0.01,
        "a cluster click zooms in two levels: {zoom}"
    );
}

/// eframe's storage, in memory: what `save` writes, `get_value` reads.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
