//! Nations edited in the Coalition panel, written into nations.toml in place.

use backstop::BackstopApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::common::data_copy_harness;
use super::{changed_lines, settle};

fn open_france(harness: &mut Harness<'_, BackstopApp>) {
    harness.key_press(Key::E);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::K);
    harness.run_steps(2);
    harness.get_by_label("France (FR)").click();
    harness.run_steps(2);
    harness.get_by_label("Edit France");
}

#[test]
fn a_nations_roles_edited_in_the_coalition_panel_change_only_that_line() {
    let (mut harness, folder) = data_copy_harness();
    let path = folder.path().join("nations.toml");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    open_france(&mut harness);
    let maritime = || (egui::accesskit::Role::CheckBox, "Maritime");
    harness
        .get_by_role_and_label(maritime().0, maritime().1)
        .click_accesskit();
    harness.run_steps(2);
    settle(&mut harness);
    let after = std::fs::read_to_string(&path).unwrap_or_default();
    let changed = changed_lines(&before, &after);
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(
        changed[0].1.starts_with("roles = [") && changed[0].1.contains("\"maritime\""),
        "{changed:?}"
    );
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(comments(&before), comments(&after));
    settle(&mut harness);
    let france = harness
        .state()
        .documents
        .report
        .scenario
        .nation("FR")
        .cloned();
    assert!(france.is_some_and(|p| p.roles.contains(&backstop::model::Role::Maritime)));
}

#[test]
fn removing_a_nations_last_source_is_refused_and_the_file_keeps_it() {
    let (mut harness, folder) = data_copy_harness();
    let path = folder.path().join("nations.toml");
    open_france(&mut harness);
    let sources = harness
        .state()
        .authoring
        .nation
        .as_ref()
        .map_or(0, |n| n.sources.len());
    assert_eq!(sources, 2, "France starts with two sources");
    // The first removal is written (one source is left), the second is refused.
    super::hubs::press(&mut harness, "Remove source 1");
    settle(&mut harness);
    let one_left = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(!one_left.contains("Emmanuel Macron, Paris summit press conference"));
    super::hubs::press(&mut harness, "Remove source 1");
    settle(&mut harness);
    harness.get_by_label_contains("needs at least one source");
    harness.get_by_label("Not saved: see the problems above");
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), one_left);
}

#[test]
fn a_nation_added_in_the_coalition_panel_is_appended_to_nations_toml() {
    let (mut harness, folder) = super::edit_mode_on_a_copy();
    let path = folder.path().join("nations.toml");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::K);
    harness.run_steps(2);
    super::hubs::press(&mut harness, "Add a nation");
    super::hubs::fill(&mut harness, "ISO code", "MD");
    super::hubs::fill(&mut harness, "Country name", "Moldova");
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Attended, no pledge")
        .click_accesskit();
    harness.run_steps(2);
    harness.get_by_label_contains("needs at least one source");
    super::hubs::press(&mut harness, "Add source");
    super::hubs::fill(
        &mut harness,
        "Source 1 title",
        "Paris summit attendance reporting",
    );
    settle(&mut harness);
    let after = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        after.starts_with(&before),
        "the file's lines stay as they were"
    );
    let added = &after[before.len()..];
    assert!(
        added
            .starts_with("\n[[nations]]\niso = \"MD\"\nname = \"Moldova\"\nroles = [\"attendee\"]"),
        "{added}"
    );
    let moldova = harness
        .state()
        .documents
        .report
        .scenario
        .nation("MD")
        .cloned();
    assert!(moldova.is_some_and(|n| n.name == "Moldova" && n.sources.len() == 1));
}
