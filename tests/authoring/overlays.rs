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
    let checked = harness
        .home
        .backstop()
        .arg("check")
        .arg(folder.path())
        .output()
        .map(|o| o.status.code());
    assert_eq!(checked.ok().flatten(), Some(0));
}
