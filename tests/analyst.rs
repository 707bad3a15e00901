//! The analyst's tools: exposure, search, filters, time, measurement, range rings, own
//! overlays and live reload — through the library and through the real app in kittest.

#[allow(dead_code)]
mod common;

use backstop::BackstopApp;
use backstop::app::Tool;
use backstop::io::{ScenarioFiles, ScenarioSource};
use backstop::model::Selection;
use common::{builtin, click, harness, map_centre};
use egui::{Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Reference distances in km for the built-in hubs (to the line, Russia, Belarus),
/// computed once with Python GeographicLib 2.0 by densifying the nearest segments of
/// the line and the borders to 50 m steps.
const REFERENCE_KM: &[(&str, f64, f64, f64)] = &[
    ("mnfu-hq-paris", 2192.620, 1342.096, 1517.206),
    ("mnfu-hq-london", 2288.542, 1360.720, 1598.782),
    ("forward-cell-kyiv", 280.412, 200.590, 87.343),
    ("hub-kyiv-area", 319.847, 236.847, 114.913),
    ("hub-odesa-area", 84.505, 500.379, 515.510),
    ("hub-west", 587.903, 545.104, 234.688),
    ("protected-facility", 355.052, 405.861, 261.700),
    ("hub-training-northwest", 533.782, 418.368, 135.674),
    ("air-component-outside", 405.251, 775.637, 700.532),
];

#[test]
fn hub_exposure_agrees_with_geographiclib_within_half_a_percent() {
    let app = common::TestHome::new().builtin_app();
    let hubs = &app.documents.report.scenario.hubs;
    for (id, line, russia, belarus) in REFERENCE_KM {
        let index = hubs
            .iter()
            .position(|h| h.id == *id)
            .unwrap_or_else(|| panic!("no hub {id}"));
        let exposure = app
            .documents
            .exposures
            .iter()
            .find(|e| e.hub == index)
            .unwrap_or_else(|| panic!("no exposure for {id}"));
        for (what, actual, expected) in [
            ("line", exposure.line_km, *line),
            ("Russia", exposure.russia_km, *russia),
            ("Belarus", exposure.belarus_km, *belarus),
        ] {
            let actual = actual.unwrap_or_else(|| panic!("{id}: no distance to {what}"));
            let error = (actual - expected).abs() / expected;
            assert!(
                error < 0.005,
                "{id} to {what}: {actual:.3} km, GeographicLib {expected:.3} km"
            );
        }
    }
}

#[test]
fn ring_sets_from_the_line_reach_the_hubs_near_it() {
    let app = common::TestHome::new().builtin_app();
    let odesa = app
        .documents
        .report
        .scenario
        .hubs
        .iter()
        .position(|h| h.id == "hub-odesa-area")
        .unwrap_or_default();
    let exposure = &app.documents.exposures[odesa];
    assert_eq!(exposure.reached_by.len(), 1, "{exposure:?}");
    assert_eq!(exposure.reached_by[0].radius_km, 100.0);
    assert!(
        exposure
            .reach_text()
            .contains("Reach from the line (≤ 100 km)")
    );
}

#[test]
fn the_csv_export_has_the_exposure_columns() {
    let app = common::TestHome::new().builtin_app();
    let csv =
        backstop::export::hubs_to_csv(&app.documents.report.scenario, &app.documents.exposures);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let (line, russia, belarus) = (
        column("dist_line_km"),
        column("dist_russia_km"),
        column("dist_belarus_km"),
    );
    let kyiv = csv
        .lines()
        .find(|l| l.starts_with("forward-cell-kyiv,"))
        .unwrap_or_else(|| panic!("no Kyiv row"));
    // The exposure columns are the last four, and hold no commas; count from the end.
    assert_eq!((line, russia, belarus), (15, 16, 17));
    let fields: Vec<&str> = kyiv.rsplitn(5, ',').collect();
    assert_eq!(fields[3], "280.4", "{kyiv}");
    assert_eq!(fields[2], "200.6");
    assert_eq!(fields[1], "87.3");
    assert_eq!(fields[0], "Reach from the line (≤ 300 km)");
}

fn first_row(harness: &Harness<'_, BackstopApp>) -> String {
    let app = harness.state();
    let sorted = app.dialogs.exposure_sort.sorted(
        &app.documents.report.scenario.hubs,
        &app.documents.exposures,
    );
    app.documents.report.scenario.hubs[sorted[0].hub].id.clone()
}

#[test]
fn the_exposure_table_sorts_by_distance_and_selects_a_row() {
    let mut harness = builtin();
    harness.get_by_label("Exposure").click();
    harness.run_steps(4);
    // Nearest to the line first, by default.
    harness.get_by_label("Line ⏶");
    assert_eq!(first_row(&harness), "hub-odesa-area");
    harness.get_by_label("Belarus").click();
    harness.run_steps(2);
    harness.get_by_label("Belarus ⏶");
    assert_eq!(first_row(&harness), "forward-cell-kyiv");
    harness
        .get_by_label("Forward coordination cell, Kyiv")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub("forward-cell-kyiv".into()))
    );
    // The details panel shows the same distances.
    assert!(
        harness
            .query_all_by_label_contains("87.3 km to Belarus")
            .count()
            + harness
                .query_all_by_label_contains("87 km to Belarus")
                .count()
            >= 1
    );
}

fn choose_tool(harness: &mut Harness<'_, BackstopApp>, key: egui::Key, tool: Tool) {
    harness.key_press(key);
    // Long enough that the next click on the map is not taken for a double-click.
    harness.run_steps(30);
    assert_eq!(harness.state().documents.annotations.tool, tool);
}

#[test]
fn measuring_between_two_hubs_reads_the_geodesic_total_and_bearing() {
    let mut harness = builtin();
    choose_tool(&mut harness, egui::Key::M, Tool::Measure);
    harness
        .get_by_label("Hub: Forward coordination cell, Kyiv")
        .click();
    harness.run_steps(30);
    harness
        .get_by_label("Hub: Maritime hub, Odesa area (illustrative)")
        .click();
    harness.run_steps(3);
    // GeographicLib: 428.167 km at 180.75° (3213 mil).
    harness.get_by_label("Total 428.2 km");
    harness.get_by_label_contains("at 180.8° (3213 mil)");
    // A third point on the map, then close the path for an area.
    let centre = harness.state().map_rect.map_or(Pos2::ZERO, |r| r.center());
    harness.run_steps(30);
    click(&mut harness, centre + vec2(-200.0, 60.0));
    let m = harness.state().tools.measurement.clone();
    assert_eq!(m.points.len(), 3, "{m:?}");
    harness.get_by_label("Close path").click();
    harness.run_steps(3);
    let m = harness.state().tools.measurement.clone();
    assert!(m.closed);
    assert!(m.area_km2().unwrap_or_default() > 1000.0);
    harness.get_by_label_contains("Area ");
    // Right-click takes back the closing, then a point.
    harness.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(3);
    assert!(!harness.state().tools.measurement.closed);
    // Esc ends the path: the next click starts a new one.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(30);
    click(&mut harness, centre);
    assert_eq!(harness.state().tools.measurement.points.len(), 1);
}

#[test]
fn range_rings_go_around_a_hub_or_a_clicked_point_with_the_typed_radii() {
    let mut harness = builtin();
    choose_tool(&mut harness, egui::Key::G, Tool::Rings);
    harness
        .get_by_label("Hub: Maritime hub, Odesa area (illustrative)")
        .click();
    harness.run_steps(3);
    let rings = harness.state().tools.rings.clone();
    assert_eq!(rings.len(), 1);
    assert_eq!(rings[0].centre, [30.45, 46.6]);
    assert_eq!(rings[0].radii_km, vec![25.0, 50.0, 100.0]);
    assert_eq!(rings[0].name, "Maritime hub, Odesa area (illustrative)");
    // A preset from scenario.toml, then a click on the map.
    harness.get_by_label("Presets").click();
    harness.run_steps(4);
    harness.get_by_label("Planning bands 10/25/50 km").click();
    harness.run_steps(30);
    assert_eq!(harness.state().tools.radii_text, "10, 25, 50");
    let centre = harness.state().map_rect.map_or(Pos2::ZERO, |r| r.center());
    click(&mut harness, centre + vec2(150.0, 120.0));
    let rings = harness.state().tools.rings.clone();
    assert_eq!(rings.len(), 2, "{rings:?}");
    assert_eq!(rings[1].radii_km, vec![10.0, 25.0, 50.0]);
    harness.get_by_label("Clear rings (2)").click();
    harness.run_steps(3);
    assert!(harness.state().tools.rings.is_empty());
}

fn search_and_enter(harness: &mut Harness<'_, BackstopApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness.get_by_label("Search").type_text(text);
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
}

#[test]
fn search_finds_odesa_spelt_the_old_way_and_flies_there() {
    let mut harness = builtin();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness.get_by_label("Search").type_text("Odessa");
    harness.run_steps(2);
    // The list shows the city, the oblast and the hub named after it.
    harness.get_by_label("Odesa — City");
    harness.get_by_label("Odesa Oblast — Oblast");
    harness.get_by_label("Maritime hub, Odesa area (illustrative) — Hub");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let (lon, lat) = map_centre(&harness);
    assert!(
        (lon - 30.72).abs() < 0.05 && (lat - 46.48).abs() < 0.05,
        "{lon}, {lat}"
    );
    assert!(harness.state().map_memory.zoom() >= 8.0);
}

#[test]
fn search_in_ukrainian_and_for_a_hub_selects_what_it_finds() {
    let mut harness = builtin();
    search_and_enter(&mut harness, "Харків");
    let (lon, lat) = map_centre(&harness);
    assert!(
        (lon - 36.25).abs() < 0.1 && (lat - 50.0).abs() < 0.1,
        "{lon}, {lat}"
    );
    search_and_enter(&mut harness, "maritime hub");
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub("hub-odesa-area".into()))
    );
}

#[test]
fn a_status_filter_dims_or_hides_hubs_and_clears_in_one_click() {
    let mut harness = builtin();
    let west = "Hub: French contingent, western Ukraine (illustrative)";
    assert!(harness.query_by_label(west).is_some());
    harness.get_by_label("Filters").click();
    harness.run_steps(3);
    harness.get_by_label("Status").click();
    harness.run_steps(3);
    harness.get_by_label("Reported").click();
    harness.run_steps(3);
    // Dimmed: still on the map, and the chip says so.
    assert!(harness.query_by_label(west).is_some());
    harness.get_by_label("Status: Reported ✖");
    harness.get_by_label("hide").click();
    harness.run_steps(3);
    assert!(harness.query_by_label(west).is_none());
    assert!(
        harness
            .query_by_label("Hub: Forward coordination cell, Kyiv")
            .is_some()
    );
    harness.get_by_label("Clear all filters").click();
    harness.run_steps(3);
    assert!(harness.query_by_label(west).is_some());
    assert!(!harness.state().state.shown.filters.is_active());
}

#[test]
fn the_timeline_cursor_hides_what_is_not_yet_valid_and_shows_in_the_top_bar() {
    let mut harness = builtin();
    let kyiv = "Hub: Forward coordination cell, Kyiv";
    assert!(harness.query_by_label(kyiv).is_some());
    // Before the ceasefire: the forward cell (from "deployment") is not there yet.
    harness.get_by_label("Time: 2026-01-06").click();
    harness.run_steps(3);
    assert!(harness.query_by_label(kyiv).is_none());
    harness.get_by_label("as of 2026-01-06");
    let drones = "Feature: Drone sector Dnipro (illustrative)";
    assert!(harness.query_by_label(drones).is_none());
    harness.get_by_label("All times").click();
    harness.run_steps(3);
    assert!(harness.query_by_label(drones).is_some());
    harness.get_by_label("Time: 2026-01-06").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Feature: Drone sector Dnipro (illustrative)")
            .is_none()
    );
    // Tab skips the hubs that are not there yet (London's HQ, the Kyiv cell).
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub("mnfu-hq-paris".into()))
    );
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.selection,
        Some(Selection::Hub("coordination-cell-hq".into()))
    );
    // Back to Ukraine (Tab centred the map on Paris).
    harness.key_press(egui::Key::Home);
    harness.run_steps(3);
    // After deployment it is.
    harness.get_by_label("Time: deployment").click();
    harness.run_steps(3);
    assert!(harness.query_by_label(kyiv).is_some());
    harness.get_by_label("as of After D: hubs established, monitoring active (date not known)");
    // Play steps on by itself.
    harness.get_by_label("All times").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.shown.as_of, None);
    harness.get_by_label("Play").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.shown.as_of, Some(0));
}

/// A file dropped on the window, as winit would hand it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, BackstopApp>, path: &std::path::Path) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.to_path_buf())));
    harness.step();
    // Loading runs on its own thread: wait for it, frame by frame.
    for _ in 0..200 {
        if harness.state().overlays.loading.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(3);
}

const MY_OVERLAY: &str = r#"{"type":"FeatureCollection","features":[
  {"type":"Feature","properties":{"name":"Checkpoint Alpha","unit":"3rd company"},
   "geometry":{"type":"Point","coordinates":[31.2,48.4]}},
  {"type":"Feature","properties":{"name":"Patrol route"},
   "geometry":{"type":"LineString","coordinates":[[30.0,47.0],[33.0,49.5]]}},
  {"type":"Feature","properties":{"name":"Broken"},
   "geometry":{"type":"Point","coordinates":[200.0,48.0]}}
]}"#;

#[test]
fn a_dropped_geojson_becomes_a_layer_with_its_properties_and_problems() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("checkpoints.geojson");
    std::fs::write(&path, MY_OVERLAY).unwrap_or_else(|e| panic!("write: {e}"));
    let mut harness = builtin();
    drop_file(&mut harness, &path);
    let overlays = &harness.state().overlays;
    assert_eq!(overlays.layers.len(), 1);
    assert_eq!(overlays.layers[0].layer.features.len(), 2);
    // The broken feature is named in Problems, with file, feature and field.
    let problems: Vec<String> = harness
        .state()
        .all_diagnostics()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems.iter().any(|p| p.contains("checkpoints.geojson")
            && p.contains("feature 2")
            && p.contains("geometry")),
        "{problems:?}"
    );
    // Listed in the layers panel, and in the legend (it is in view).
    assert_eq!(harness.get_all_by_label("checkpoints.geojson").count(), 2);
    // Click the point: its properties show in the details panel.
    harness.key_press(egui::Key::Escape);
    let view = harness
        .state()
        .world_view()
        .unwrap_or_else(|| panic!("no map"));
    let point = view.lon_lat_to_screen(31.2, 48.4);
    harness.run_steps(30);
    click(&mut harness, point);
    assert!(
        matches!(
            harness.state().state.selection,
            Some(Selection::User { feature: 0, .. })
        ),
        "{:?}",
        harness.state().state.selection
    );
    // The title and the name property.
    assert_eq!(harness.query_all_by_label("Checkpoint Alpha").count(), 2);
    harness.get_by_label("3rd company");
    // Removable.
    harness.get_by_label("Remove checkpoints.geojson").click();
    harness.run_steps(3);
    assert!(harness.state().overlays.layers.is_empty());
    assert_eq!(harness.state().state.selection, None);
}

#[test]
fn a_broken_dropped_file_is_reported_and_nothing_else_changes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("broken.geojson");
    std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": [")
        .unwrap_or_else(|e| panic!("write: {e}"));
    let mut harness = builtin();
    drop_file(&mut harness, &path);
    assert!(harness.state().overlays.layers.is_empty());
    let problems: Vec<String> = harness
        .state()
        .all_diagnostics()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems.iter().any(|p| p.starts_with("broken.geojson:")),
        "{problems:?}"
    );
    assert_eq!(harness.state().documents.report.scenario.hubs.len(), 10);
}

/// Steps the app, sleeping between frames, until `done` or a generous minute passes.
fn wait_until(harness: &mut Harness<'_, BackstopApp>, done: impl Fn(&BackstopApp) -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(60) {
        harness.step();
        if done(harness.state()) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

fn hub_names(app: &BackstopApp) -> Vec<String> {
    app.documents
        .report
        .scenario
        .hubs
        .iter()
        .map(|h| h.name.clone())
        .collect()
}

#[test]
fn an_edited_data_file_reloads_by_itself_and_a_broken_one_keeps_the_last_good_data() {
    let dir = common::scenario_folder("base");
    let mut harness = harness(&ScenarioFiles::new(ScenarioSource::Folder(
        dir.path().into(),
    )));
    harness.get_by_label("Hub: Hub hub-a");
    let hubs = dir.path().join("hubs.geojson");
    let good = std::fs::read_to_string(&hubs).unwrap_or_default();
    std::fs::write(&hubs, good.replace("Hub hub-a", "Renamed hub"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        wait_until(&mut harness, |app| hub_names(app)
            .contains(&"Renamed hub".into())),
        "no reload after an edit"
    );
    harness.run_steps(2);
    harness.get_by_label("Hub: Renamed hub");

    // Broken: the hubs stay as they were, and Problems says what is wrong.
    std::fs::write(&hubs, "{\"type\": \"FeatureCollection\", \"features\": [")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(wait_until(&mut harness, |app| app
        .documents
        .report
        .diagnostics
        .iter()
        .any(|d| d.file == "hubs.geojson" && d.is_error())));
    assert!(hub_names(harness.state()).contains(&"Renamed hub".into()));
    harness.run_steps(2);
    harness.get_by_label("Hub: Renamed hub");
    harness.get_by_label_contains("⚠");

    // Rapid saves, broken and good in turn, end on the last good one.
    for round in 0..12 {
        let text = if round % 2 == 0 {
            "{ broken".to_owned()
        } else {
            good.replace("Hub hub-a", &format!("Round {round}"))
        };
        std::fs::write(&hubs, text).unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(std::time::Duration::from_millis(15));
        harness.step();
    }
    assert!(wait_until(&mut harness, |app| hub_names(app)
        .contains(&"Round 11".into())
        && !app.documents.report.has_errors()));
}
