//! Hubs in Edit mode, driven by label: placed, filled in, moved, refused without a
//! source, deleted, undone with annotations and slides, and an outside edit kept.

use backstop::BackstopApp;
use backstop::app::Command;
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use serde_json::Value;

use super::common::{builtin, button, click, data_copy_harness, run_until};
use super::settle;

/// Replaces the text of the field labelled `label` and leaves it (Tab), as a user does.
pub fn fill(harness: &mut Harness<'_, BackstopApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Tab);
    harness.run_steps(2);
}

/// Clicks the button labelled `label`, as a screen reader does (it may be scrolled out
/// of sight in a long form).
pub fn press(harness: &mut Harness<'_, BackstopApp>, label: &str) {
    harness.get_by_label(label).click_accesskit();
    // A window opened by the click shows after its sizing frame.
    harness.run_steps(4);
}

/// Chooses `option` in the combo box labelled `label`.
fn choose(harness: &mut Harness<'_, BackstopApp>, label: &str, option: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(2);
    harness.get_by_label(option).click();
    harness.run_steps(2);
}

fn hubs_file(folder: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(folder.join("hubs.geojson")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn feature<'a>(collection: &'a Value, id: &str) -> Option<&'a Value> {
    collection["features"]
        .as_array()?
        .iter()
        .find(|f| f["properties"]["id"] == id)
}

fn map_point(harness: &Harness<'_, BackstopApp>, lon: f64, lat: f64) -> Pos2 {
    let view = harness.state().world_view();
    view.map_or(Pos2::ZERO, |v| v.lon_lat_to_screen(lon, lat))
}

/// Edit mode on, a hub kind chosen in its bar, and a click on the map at `lon`, `lat`.
fn place_hub(harness: &mut Harness<'_, BackstopApp>, kind: &str, lon: f64, lat: f64) {
    harness.key_press(Key::E);
    harness.run_steps(2);
    harness.get_by_label(&format!("+ {kind}")).click();
    harness.run_steps(2);
    let at = map_point(harness, lon, lat);
    click(harness, at);
}

#[test]
fn a_hub_placed_on_the_map_and_filled_in_is_written_with_every_field() {
    let (mut harness, folder) = data_copy_harness();
    place_hub(&mut harness, "Logistics", 33.0, 48.6);
    assert!(harness.state().authoring.hub.is_some(), "the form opens");
    harness.get_by_label("New hub");
    fill(
        &mut harness,
        "Hub name",
        "Logistics hub, Vinnytsia (announced today)",
    );
    fill(&mut harness, "Hub id", "hub-vinnytsia");
    choose(&mut harness, "Hub status", "Reported");
    fill(&mut harness, "Personnel (a number or a range)", "200-400");
    fill(&mut harness, "Valid from", "deployment");
    fill(
        &mut harness,
        "Description",
        "Announced at a press conference this morning.",
    );
    press(&mut harness, "Add source");
    fill(
        &mut harness,
        "Source 1 title",
        "Ministry of Defence press conference",
    );
    fill(&mut harness, "Source 1 link", "https://www.mil.gov.ua/");
    fill(&mut harness, "Source 1 date", "2026-12-01");
    settle(&mut harness);
    let written = hubs_file(folder.path());
    let hub = feature(&written, "hub-vinnytsia").unwrap_or_else(|| panic!("{written:#}"));
    let properties = &hub["properties"];
    assert_eq!(
        properties["name"],
        "Logistics hub, Vinnytsia (announced today)"
    );
    assert_eq!(properties["kind"], "logistics");
    assert_eq!(properties["lead"], serde_json::json!(["GB", "FR"]));
    assert_eq!(properties["partners"], serde_json::json!([]));
    assert_eq!(properties["personnel"], serde_json::json!([200, 400]));
    assert_eq!(properties["status"], "reported");
    assert_eq!(properties["valid_from"], "deployment");
    assert_eq!(
        properties["sources"],
        serde_json::json!([{
            "title": "Ministry of Defence press conference",
            "url": "https://www.mil.gov.ua/",
            "date": "2026-12-01"
        }])
    );
    let coordinates = &hub["geometry"]["coordinates"];
    let (lon, lat) = (coordinates[0].as_f64(), coordinates[1].as_f64());
    assert!(
        lon.is_some_and(|l| (l - 33.0).abs() < 0.05),
        "{coordinates}"
    );
    assert!(
        lat.is_some_and(|l| (l - 48.6).abs() < 0.05),
        "{coordinates}"
    );
    let report = super::common::load_folder(folder.path());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    assert!(report.scenario.hub("hub-vinnytsia").is_some());
}

#[test]
fn a_reported_hub_without_a_source_is_not_written_and_the_form_says_why() {
    let (mut harness, folder) = data_copy_harness();
    let before = std::fs::read_to_string(folder.path().join("hubs.geojson")).unwrap_or_default();
    place_hub(&mut harness, "Training", 24.03, 49.84);
    fill(&mut harness, "Hub name", "Training hub, Lviv");
    choose(&mut harness, "Hub status", "Reported");
    fill(&mut harness, "Description", "Reported by one outlet.");
    harness.run_steps(2);
    harness.get_by_label_contains(
        "sources: a feature that is not illustrative needs at least one source",
    );
    harness.get_by_label("Not saved: see the problems above");
    let save = harness.get_by_label("Save hub");
    assert!(save.accesskit_node().is_disabled(), "Save is refused");
    harness.run_steps(2);
    let after = std::fs::read_to_string(folder.path().join("hubs.geojson")).unwrap_or_default();
    assert_eq!(before, after, "nothing invalid is written");
    // An illustrative one must say what it rests on instead.
    choose(&mut harness, "Hub status", "Illustrative");
    fill(
        &mut harness,
        "Description (what this illustrative site rests on)",
        "",
    );
    harness.get_by_label_contains("must say what statement it rests on");
}

#[test]
fn a_hub_moves_by_dragging_it_and_by_typing_mgrs_and_dms() {
    let (mut harness, folder) = data_copy_harness();
    harness.key_press(Key::E);
    harness.run_steps(2);
    let kyiv = harness
        .get_by_label("Hub: Forward coordination cell, Kyiv")
        .rect()
        .center();
    harness.event(egui::Event::PointerMoved(kyiv));
    harness.step();
    button(&harness, kyiv, true);
    harness.step();
    let to = kyiv + vec2(60.0, 40.0);
    for i in 1..=6 {
        harness.event(egui::Event::PointerMoved(
            kyiv + (to - kyiv) * (i as f32 / 6.0),
        ));
        harness.step();
    }
    button(&harness, to, false);
    harness.run_steps(2);
    settle(&mut harness);
    let dragged = {
        let view = harness.state().world_view();
        view.map(|v| v.screen_to_lon_lat(to)).unwrap_or_default()
    };
    let written = hubs_file(folder.path());
    let point =
        &feature(&written, "forward-cell-kyiv").map(|f| f["geometry"]["coordinates"].clone());
    let point = point.clone().unwrap_or_default();
    assert!(
        (point[0].as_f64().unwrap_or_default() - dragged.0).abs() < 0.05
            && (point[1].as_f64().unwrap_or_default() - dragged.1).abs() < 0.05,
        "dragged to {dragged:?}, written {point}"
    );
    // Typed: an MGRS reference (Kyiv, from GeoConvert), then degrees, minutes, seconds.
    for (typed, lon, lat) in [
        ("36UUA2418291607", 30.5234, 50.4501),
        ("46°28'N 30°44'E", 30.7333, 46.4667),
    ] {
        harness.get_by_label("Move to").focus();
        harness.run_steps(1);
        harness.event(egui::Event::Text(typed.to_owned()));
        harness.run_steps(1);
        harness.key_press(Key::Enter);
        harness.run_steps(2);
        settle(&mut harness);
        let written = hubs_file(folder.path());
        let point = feature(&written, "forward-cell-kyiv")
            .map(|f| f["geometry"]["coordinates"].clone())
            .unwrap_or_default();
        assert!(
            (point[0].as_f64().unwrap_or_default() - lon).abs() < 1e-3
                && (point[1].as_f64().unwrap_or_default() - lat).abs() < 1e-3,
            "{typed}: written {point}"
        );
    }
}

#[test]
fn a_deleted_hub_leaves_the_file_and_the_map_and_undo_brings_it_back() {
    let (mut harness, folder) = data_copy_harness();
    let before = std::fs::read_to_string(folder.path().join("hubs.geojson")).unwrap_or_default();
    harness.key_press(Key::E);
    harness.run_steps(2);
    harness
        .get_by_label("Hub: Forward coordination cell, Kyiv")
        .click();
    harness.run_steps(2);
    press(&mut harness, "Delete hub");
    harness.run_steps(2);
    settle(&mut harness);
    assert!(feature(&hubs_file(folder.path()), "forward-cell-kyiv").is_none());
    assert!(
        harness
            .query_by_label("Hub: Forward coordination cell, Kyiv")
            .is_none()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    settle(&mut harness);
    let after = std::fs::read_to_string(folder.path().join("hubs.geojson")).unwrap_or_default();
    assert_eq!(before, after, "undo restores the file byte for byte");
    assert!(
        harness
            .state()
            .documents
            .report
            .scenario
            .hub("forward-cell-kyiv")
            .is_some()
    );
}

#[test]
fn undo_and_redo_go_through_a_hub_edit_an_annotation_and_a_slide_in_one_order() {
    let (mut harness, folder) = data_copy_harness();
    let hubs = || std::fs::read_to_string(folder.path().join("hubs.geojson")).unwrap_or_default();
    let original = hubs();
    super::edit_hub(&mut harness, "hub-west", |draft| {
        draft.personnel = "1500".into()
    });
    settle(&mut harness);
    let edited = hubs();
    assert_ne!(original, edited);
    harness.state_mut().queue(Command::AddAnnotation(
        backstop::model::AnnotationShape::Text { at: [30.0, 49.0] },
    ));
    harness.run_steps(2);
    harness.state_mut().queue(Command::AddSlide);
    harness.run_steps(2);
    let slides = harness.state().documents.slides.deck.slides.len();
    let undo = |harness: &mut Harness<'_, BackstopApp>| {
        harness.state_mut().queue(Command::Undo);
        harness.run_steps(2);
        settle(harness);
    };
    undo(&mut harness);
    assert_eq!(
        harness.state().documents.slides.deck.slides.len(),
        slides - 1
    );
    assert_eq!(hubs(), edited, "the slide first");
    undo(&mut harness);
    assert!(harness.state().documents.annotations.items.is_empty());
    assert_eq!(hubs(), edited, "then the annotation");
    undo(&mut harness);
    assert_eq!(hubs(), original, "then the hub");
    harness.state_mut().queue(Command::Redo);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(hubs(), edited);
    let personnel = harness
        .state()
        .documents
        .report
        .scenario
        .hub("hub-west")
        .and_then(|h| h.personnel);
    assert_eq!(personnel.map(|p| p.max), Some(1500));
}

#[test]
fn the_first_edit_of_the_built_in_scenario_asks_for_a_folder_and_goes_on_in_the_copy() {
    let mut harness = builtin();
    let folder = harness.home.root().join("copy");
    place_hub(&mut harness, "Medical", 32.0, 49.4);
    fill(&mut harness, "Hub name", "Medical hub, Kyiv");
    fill(
        &mut harness,
        "Description (what this illustrative site rests on)",
        "Placed by the data author at the city.",
    );
    harness.get_by_label("Save a copy to edit");
    harness.get_by_label("Folder for the copy").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(folder.display().to_string()));
    harness.run_steps(2);
    harness.get_by_label("Save the copy and edit it").click();
    harness.run_steps(2);
    run_until(&mut harness, "the copy opened with the hub in it", |app| {
        !app.is_loading()
            && app
                .documents
                .report
                .scenario
                .hubs
                .iter()
                .any(|h| h.name == "Medical hub, Kyiv")
    });
    let written = hubs_file(&folder);
    assert!(written["features"].as_array().is_some_and(|f| {
        f.iter()
            .any(|f| f["properties"]["name"] == "Medical hub, Kyiv")
    }));
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    assert_eq!(
        std::fs::read(folder.join("nations.toml")).ok(),
        std::fs::read(data.join("nations.toml")).ok()
    );
}

#[test]
fn an_outside_edit_during_an_in_app_edit_is_kept_and_reported() {
    let (mut harness, folder) = data_copy_harness();
    let path = folder.path().join("hubs.geojson");
    super::edit_hub(&mut harness, "hub-west", |draft| {
        draft.name = "Renamed in Backstop".into()
    });
    settle(&mut harness);
    // Another editor renames the same hub while the form is open.
    let theirs = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("Renamed in Backstop", "Renamed in a text editor");
    std::fs::write(&path, &theirs).unwrap_or_else(|e| panic!("{e}"));
    run_until(&mut harness, "the outside change read", |app| {
        !app.is_loading()
            && app
                .documents
                .report
                .scenario
                .hub("hub-west")
                .is_some_and(|h| h.name == "Renamed in a text editor")
    });
    harness.get_by_label_contains("hubs.geojson was changed outside Backstop");
    assert!(harness.state().authoring.hub.is_none(), "the form gave way");
    harness.state_mut().queue(Command::Undo);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        theirs,
        "undo does not overwrite the outside version"
    );
}

#[test]
fn a_hubs_file_that_does_not_parse_is_never_overwritten_by_an_edit() {
    let (mut harness, folder) = data_copy_harness();
    let path = folder.path().join("hubs.geojson");
    let broken = "{ \"type\": \"FeatureCollection\", \"features\": [ {\"type\": ";
    std::fs::write(&path, broken).unwrap_or_else(|e| panic!("{e}"));
    run_until(&mut harness, "the broken file reported", |app| {
        !app.is_loading()
            && app
                .documents
                .report
                .diagnostics
                .iter()
                .any(|d| d.file == "hubs.geojson" && d.is_error())
    });
    super::edit_hub(&mut harness, "hub-west", |draft| {
        draft.name = "Renamed over a broken file".into()
    });
    harness.run_steps(3);
    harness.get_by_label_contains("hubs.geojson has errors that stop it being read");
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), broken);
}
