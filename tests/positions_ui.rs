//! Positions in the window: files of other formats dropped on it, the pointer readout
//! in MGRS, a search for a grid reference that flies there and drops a marker, and the
//! marker turned into range rings.

use std::path::{Path, PathBuf};

use backstop::BackstopApp;
use backstop::geometry::position::{CoordinateFormat, format_position};
use egui::{Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{builtin, map_centre, run_until};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/format_fixtures/files")
        .join(name)
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(harness: &mut Harness<'_, BackstopApp>, paths: &[PathBuf]) {
    for path in paths {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path.clone())));
    }
    harness.run_steps(2);
}

#[test]
fn a_kmz_and_a_csv_dropped_on_the_window_become_overlays() {
    let mut harness = builtin();
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // A Shapefile arrives as several files; its parts are read with the .shp, not alone.
    let zip = fixture("areas.shp.zip");
    let dbf = home.path().join("areas.dbf");
    std::fs::write(&dbf, b"not read alone").unwrap_or_default();
    drop_files(
        &mut harness,
        &[fixture("areas.kmz"), fixture("points-cp1251.csv"), dbf, zip],
    );
    run_until(&mut harness, "three overlays loaded", |app| {
        app.overlays.layers.len() == 3 && app.overlays.loading.is_empty()
    });
    let layers: Vec<(String, usize)> = harness
        .state()
        .overlays
        .layers
        .iter()
        .map(|o| (o.layer.name.clone(), o.layer.features.len()))
        .collect();
    assert!(layers.contains(&("areas.kmz".into(), 8)), "{layers:?}");
    assert!(
        layers.contains(&("points-cp1251.csv".into(), 10)),
        "{layers:?}"
    );
    assert!(layers.contains(&("areas.shp.zip".into(), 8)), "{layers:?}");
    assert!(
        harness
            .state()
            .overlays
            .problems
            .iter()
            .all(|p| !p.is_error())
    );
    // The stray .dbf was not loaded, and the user is told why.
    let toasts = &harness.state().jobs.exports.toasts;
    let why = "areas.dbf is part of a Shapefile: drop its .shp (or a .zip of them all)";
    assert!(toasts.iter().any(|t| t.text == why), "{toasts:?}");
    // The layers panel lists them by file name, and so does the legend (they are in view).
    harness.run_steps(2);
    assert_eq!(harness.get_all_by_label("areas.kmz").count(), 2);
    assert_eq!(harness.get_all_by_label("Your overlays").count(), 2);
}

#[test]
fn the_readout_shows_the_pointer_position_in_mgrs_once_chosen() {
    let mut harness = builtin();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("MGRS").click();
    harness.run_steps(2);
    assert_eq!(harness.state().coordinate_format, CoordinateFormat::Mgrs);
    harness.key_press(egui::Key::Escape);
    let centre = harness.state().map_rect.map_or(Pos2::ZERO, |r| r.center());
    let at = centre + vec2(40.0, -30.0);
    harness.hover_at(at);
    harness.run_steps(3);
    let [lon, lat] = harness
        .state()
        .pointer_position
        .unwrap_or_else(|| panic!("no pointer position"));
    let expected = format_position(lat, lon, CoordinateFormat::Mgrs);
    assert!(expected.starts_with("3"), "{expected}");
    harness.get_by_label(&format!("Pointer position: {expected}"));
    // Ctrl+Shift+C copies it.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    harness.run_steps(2);
    let toasts = &harness.state().jobs.exports.toasts;
    assert!(
        toasts
            .iter()
            .any(|t| t.text == format!("Copied {expected}")),
        "{toasts:?}"
    );
}

#[test]
fn searching_a_grid_reference_flies_there_and_drops_a_marker_that_becomes_rings() {
    let mut harness = builtin();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness.get_by_label("Search").type_text("36UUA1234567890");
    harness.run_steps(2);
    harness.get_by_label("MGRS 36U UA 12345 67890 → 50.2334°N 30.3687°E");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let (lon, lat) = map_centre(&harness);
    assert!(
        (lon - 30.3687).abs() < 0.01 && (lat - 50.2334).abs() < 0.01,
        "{lon}, {lat}"
    );
    let marker = harness.state().tools.marker.clone();
    assert_eq!(
        marker.as_ref().map(|m| m.label.as_str()),
        Some("MGRS 36U UA 12345 67890")
    );
    harness.get_by_label("Range rings here").click();
    harness.run_steps(2);
    let rings = &harness.state().tools.rings;
    assert_eq!(rings.len(), 1);
    assert_eq!(rings[0].centre, marker.map(|m| m.at).unwrap_or_default());
}

#[test]
fn a_mistyped_reference_says_why_and_a_latitude_longitude_pair_offers_both_orders() {
    let mut harness = builtin();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness.get_by_label("Search").type_text("36U UA 1234 567");
    harness.run_steps(2);
    harness.get_by_label(
        "Not a position: the easting \"1234\" and northing \"567\" of an MGRS reference need the same number of digits",
    );
    harness.state_mut().dialogs.search.query.clear();
    harness.run_steps(2);
    harness.get_by_label("Search").type_text("48.85, 2.35");
    harness.run_steps(2);
    harness.get_by_label("48.8500°N 2.3500°E → 48.8500°N 2.3500°E");
    harness.get_by_label("2.3500°N 48.8500°E (longitude first) → 2.3500°N 48.8500°E");
}

#[test]
fn a_geopackage_with_two_tables_shows_both_and_reads_one_when_chosen() {
    let mut harness = builtin();
    drop_files(&mut harness, &[fixture("two-tables.gpkg")]);
    run_until(&mut harness, "the GeoPackage loaded", |app| {
        app.overlays.layers.len() == 1 && app.overlays.loading.is_empty()
    });
    let layer = harness.state().overlays.layers[0].layer.clone();
    assert_eq!(layer.features.len(), 18);
    assert_eq!(layer.tables, vec!["areas".to_owned(), "points".to_owned()]);
    assert!(
        layer
            .problems
            .iter()
            .any(|p| p.message.starts_with("2 feature tables (areas, points)")),
        "{:?}",
        layer.problems
    );
    harness.get_by_label("Table").click();
    harness.run_steps(2);
    harness.get_by_label("points").click();
    harness.run_steps(2);
    run_until(&mut harness, "the chosen table read", |app| {
        app.overlays.loading.is_empty()
            && app.overlays.layers.len() == 1
            && app.overlays.layers[0].layer.options.table.as_deref() == Some("points")
    });
    assert_eq!(harness.state().overlays.layers[0].layer.features.len(), 10);
    // The other table stays on offer.
    harness.get_by_label("Table").click();
    harness.run_steps(2);
    harness.get_by_label("areas");
}
