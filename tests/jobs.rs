//! Background work never leaves the user waiting forever: a worker that crashes is an
//! error in a toast and in Problems, and the app goes on.

mod common;

use egui_kittest::kittest::Queryable as _;

#[test]
fn an_export_whose_worker_panics_is_reported_and_the_next_export_works() {
    let mut harness = common::builtin();
    let path = harness.home.folders.pictures.join("briefing.png");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(4);
    harness.state_mut().dialogs.export.path = path.display().to_string();
    harness.state_mut().jobs.exports.panic_in_next_render = true;
    harness.get_by_label("Save PNG").click();
    harness.run_steps(1);
    common::run_until(&mut harness, "the crashed export ends", |app| {
        !app.exporting()
    });
    harness.get_by_label_contains("Could not export the picture: it crashed");
    assert!(
        harness
            .state()
            .all_diagnostics()
            .any(|d| d.is_error() && d.message.contains("it crashed")),
        "the failure is in Problems"
    );
    assert!(!path.exists());
    // Still responsive: the map answers keys, and the same export now works.
    harness.key_press(egui::Key::C);
    harness.run_steps(2);
    assert!(!harness.state().state.shown.coalition_layer);
    harness.state_mut().dialogs.export.path = path.display().to_string();
    harness.get_by_label("Save PNG").click();
    harness.run_steps(1);
    common::run_until(&mut harness, "the second export ends", |app| {
        !app.exporting()
    });
    let image = image::open(&path).unwrap_or_else(|e| panic!("{e}"));
    common::assert_is_briefing_picture(&image.to_rgba8(), "the export after a crash", true);
}
