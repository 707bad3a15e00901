//! Scenario settings, layers and events edited in their windows, written in place.

use egui_kittest::kittest::Queryable;

use super::common::load_folder;
use super::hubs::{fill, press};
use super::{changed_lines, settle};

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect()
}

#[test]
fn the_caveat_and_a_layers_title_change_in_their_lines_of_scenario_toml() {
    let (mut harness, folder) = super::edit_mode_on_a_copy();
    let path = folder.path().join("scenario.toml");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    press(&mut harness, "Scenario settings…");
    fill(
        &mut harness,
        "Caveat (the banner)",
        "UNCLASSIFIED — EXERCISE ONLY",
    );
    settle(&mut harness);
    press(&mut harness, "Edit layer Air policing");
    fill(&mut harness, "Layer title", "Air policing (NATO)");
    settle(&mut harness);
    let after = std::fs::read_to_string(&path).unwrap_or_default();
    let changed = changed_lines(&before, &after);
    assert_eq!(
        changed.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
        [
            "caveat = \"UNCLASSIFIED — EXERCISE ONLY\"",
            "title = \"Air policing (NATO)\""
        ],
        "{changed:?}"
    );
    assert_eq!(comments(&before), comments(&after));
    let scenario = &harness.state().documents.report.scenario;
    assert_eq!(scenario.caveat, "UNCLASSIFIED — EXERCISE ONLY");
    // The banner and the Details panel say it at once.
    assert!(
        harness
            .get_all_by_label("UNCLASSIFIED — EXERCISE ONLY")
            .count()
            >= 2
    );
}

#[test]
fn a_layer_moved_in_the_drawing_order_moves_in_the_file_and_checks_clean() {
    let (mut harness, folder) = super::edit_mode_on_a_copy();
    press(&mut harness, "Scenario settings…");
    press(&mut harness, "Move Air policing down the drawing order");
    settle(&mut harness);
    let ids: Vec<String> = harness
        .state()
        .documents
        .report
        .scenario
        .layers
        .iter()
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(&ids[..2], ["air", "satellite"], "{ids:?}");
    let report = load_folder(folder.path());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let text = std::fs::read_to_string(folder.path().join("scenario.toml")).unwrap_or_default();
    assert!(text.contains("# Layers are drawn in this order: the first is at the bottom.\n[[layers]]\nid = \"air\""), "{text}");
}

#[test]
fn a_phase_with_no_date_is_added_and_an_events_title_changes_in_its_line() {
    let (mut harness, folder) = super::edit_mode_on_a_copy();
    let path = folder.path().join("events.toml");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    press(&mut harness, "Events and phases…");
    press(
        &mut harness,
        "2026-01-06 · Paris summit: Paris Declaration and UK–France–Ukraine Declaration of Intent",
    );
    fill(
        &mut harness,
        "Event title",
        "Paris summit: the Paris Declaration",
    );
    settle(&mut harness);
    let renamed = std::fs::read_to_string(&path).unwrap_or_default();
    let changed = changed_lines(&before, &renamed);
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(
        changed[0].1,
        "title = \"Paris summit: the Paris Declaration\""
    );
    press(&mut harness, "Add a phase");
    fill(&mut harness, "Event title", "Drawdown");
    fill(&mut harness, "Event id", "drawdown");
    settle(&mut harness);
    let scenario = harness.state().documents.report.scenario.clone();
    let phase = scenario.phases.iter().find(|p| p.id == "drawdown");
    assert!(
        phase.is_some_and(|p| p.title == "Drawdown" && p.start.is_none()),
        "{:?}",
        scenario.phases
    );
    let report = load_folder(folder.path());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
}

#[test]
fn a_ring_sets_radii_change_in_their_line_and_bad_radii_are_refused() {
    let (mut harness, folder) = super::edit_mode_on_a_copy();
    let path = folder.path().join("scenario.toml");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    press(&mut harness, "Scenario settings…");
    fill(
        &mut harness,
        "Ring set planning-bands radii (km)",
        "10, 30, 60",
    );
    settle(&mut harness);
    let after = std::fs::read_to_string(&path).unwrap_or_default();
    let changed = changed_lines(&before, &after);
    assert_eq!(
        changed.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
        ["radii_km = [10, 30, 60]"]
    );
    fill(
        &mut harness,
        "Ring set planning-bands radii (km)",
        "10, far",
    );
    harness.run_steps(2);
    harness.get_by_label_contains("is not a list of distances in km");
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), after);
}
