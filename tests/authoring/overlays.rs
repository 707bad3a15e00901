//! Overlay features drawn in Edit mode: a new layer, an area with a hole drawn into it.

use backstop::BackstopApp;
use egui::{Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::common::{click, data_copy_harness, load_folder};
use super::hubs::{fill, press};
use super::settle;

fn at(harness: &Harness<'_, BackstopApp>, lon: f64, lat: f64) -> Pos2 {
    let view = harness.state().world_view();
    view.map_or(Pos2::ZERO, |v| v.lon_lat_to_screen(lon, lat))
}

#[test]
fn an_area_with_a_hole_drawn_into_a_new_layer_makes_its_file_and_entry_and_checks_clean() {
    let (mut harness, folder) = data_copy_harness();
    harness.key_press(Key::E);
    harness.run_steps(2);
    harness.get_by_label("New layer").focus();
    harness.run_steps(1);
    harness.event(egui::Event::Text("Sensor belts".into()));
    harness.run_steps(2);
    press(&mut harness, "Add layer");
    settle(&mut harness);
    assert!(
        folder
            .path()
            .join("overlays/sensor-belts.geojson")
            .is_file()
    );
    press(&mut harness, "Draw area");
    for (lon, lat) in [(33.0, 47.0), (36.0, 47.0), (36.0, 49.0), (33.0, 49.0)] {
        let p = at(&harness, lon, lat);
        click(&mut harness, p);
    }
    press(&mut harness, "Add a hole");
    for (lon, lat) in [(34.0, 47.6), (35.0, 47.6), (35.0, 48.4), (34.0, 48.4)] {
        let p = at(&harness, lon, lat);
        click(&mut harness, p);
    }
    press(&mut harness, "Finish shape");
    harness.get_by_label("New feature");
    fill(
        &mut harness,
        "Feature name",
        "Sensor belt south of Zaporizhzhia",
    );
    fill(
        &mut harness,
        "Feature description",
        "Drawn by the analyst from a briefing sketch; not a published position.",
    );
    settle(&mut harness);
    let text = std::fs::read_to_string(folder.path().join("overlays/sensor-belts.geojson"))
        .unwrap_or_default();
    let written: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let feature = &written["features"][0];
    assert_eq!(
        feature["properties"]["name"],
        "Sensor belt south of Zaporizhzhia"
    );
    assert_eq!(feature["geometry"]["type"], "Polygon");
    let rings = feature["geometry"]["coordinates"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(rings, 2, "an outline and a hole: {text}");
    let scenario_toml =
        std::fs::read_to_string(folder.path().join("scenario.toml")).unwrap_or_default();
    assert!(scenario_toml.contains("file = \"overlays/sensor-belts.geojson\""));
    assert!(scenario_toml.contains("title = \"Sensor belts\""));
    let report = load_folder(folder.path());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let layer = report.scenario.layer("sensor-belts");
    assert_eq!(layer.map(|l| l.features.len()), Some(1));
    press(&mut harness, "Delete feature");
    settle(&mut harness);
    let emptied = load_folder(folder.path());
    assert_eq!(
        emptied
            .scenario
            .layer("sensor-belts")
            .map(|l| l.features.len()),
        Some(0)
    );
    harness.state_mut().queue(backstop::app::Command::Undo);
    harness.run_steps(2);
    settle(&mut harness);
    let checked = harness
        .home
        .backstop()
        .arg("check")
        .arg(folder.path())
        .output()
        .map(|o| o.status.code());
    assert_eq!(checked.ok().flatten(), Some(0));
}

fn outline(folder: &std::path::Path) -> Vec<Vec<[f64; 2]>> {
    let text =
        std::fs::read_to_string(folder.join("overlays/drone_sectors.geojson")).unwrap_or_default();
    let written: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let rings = written["features"][0]["geometry"]["coordinates"].clone();
    serde_json::from_value(rings).unwrap_or_default()
}

#[test]
fn a_features_points_are_dragged_added_at_a_mid_point_and_deleted_on_the_map() {
    let (mut harness, folder) = data_copy_harness();
    harness.key_press(Key::E);
    harness.run_steps(2);
    let first = {
        let scenario = &harness.state().documents.report.scenario;
        scenario
            .layer("drones")
            .and_then(|l| l.features.first())
            .map(|f| f.id.clone())
            .unwrap_or_default()
    };
    harness.state_mut().queue(backstop::app::Command::Select(
        backstop::model::Selection::Feature {
            layer: "drones".into(),
            id: first,
        },
    ));
    harness.run_steps(3);
    harness.get_by_label("Edit feature");
    let before = outline(folder.path());
    let points = before[0].len();
    // Drag the outline's first point 40 points to the right.
    let from = harness
        .get_by_label("Point 1 of the outline")
        .rect()
        .center();
    let to = from + egui::vec2(40.0, 0.0);
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    super::common::button(&harness, from, true);
    harness.step();
    for i in 1..=5 {
        harness.event(egui::Event::PointerMoved(
            from + (to - from) * (i as f32 / 5.0),
        ));
        harness.step();
    }
    super::common::button(&harness, to, false);
    harness.run_steps(2);
    settle(&mut harness);
    let dragged = outline(folder.path());
    assert!(
        dragged[0][0][0] > before[0][0][0] + 0.1,
        "{:?} → {:?}",
        before[0][0],
        dragged[0][0]
    );
    assert_eq!(
        dragged[0].first(),
        dragged[0].last(),
        "the ring stays closed"
    );
    press(&mut harness, "Add a point between 1 and 2 of the outline");
    settle(&mut harness);
    assert_eq!(outline(folder.path())[0].len(), points + 1);
    harness
        .get_by_label("Point 2 of the outline")
        .click_secondary();
    harness.run_steps(3);
    settle(&mut harness);
    assert_eq!(outline(folder.path())[0].len(), points);
    let report = load_folder(folder.path());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
}

#[test]
fn a_new_layer_is_one_undo_step_for_its_file_and_its_entry() {
    let (mut harness, folder) = super::edit_mode_on_a_copy();
    let scenario_toml =
        || std::fs::read_to_string(folder.path().join("scenario.toml")).unwrap_or_default();
    let before = scenario_toml();
    harness.get_by_label("New layer").focus();
    harness.run_steps(1);
    harness.event(egui::Event::Text("Checkpoints".into()));
    harness.run_steps(2);
    press(&mut harness, "Add layer");
    settle(&mut harness);
    assert!(
        harness
            .state()
            .documents
            .report
            .scenario
            .layer("checkpoints")
            .is_some()
    );
    harness.state_mut().queue(backstop::app::Command::Undo);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(scenario_toml(), before, "one undo takes the entry back");
    assert!(
        harness
            .state()
            .documents
            .report
            .scenario
            .layer("checkpoints")
            .is_none()
    );
    assert!(
        !harness.state().documents.history.can_undo(),
        "and the file with it"
    );
    assert!(!folder.path().join("overlays/checkpoints.geojson").exists());
    harness.state_mut().queue(backstop::app::Command::Redo);
    harness.run_steps(2);
    settle(&mut harness);
    assert!(
        harness
            .state()
            .documents
            .report
            .scenario
            .layer("checkpoints")
            .is_some()
    );
    let report = load_folder(folder.path());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
}
