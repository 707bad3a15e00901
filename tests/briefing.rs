//! Briefing mode through the real app: making slides, presenting them with clicker
//! keys, and what happens to a broken slides file.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The built-in scenario (with its briefing) copied into a folder of its own.
fn briefing_folder() -> tempfile::TempDir {
    common::data_copy()
}

fn open(folder: &Path) -> common::AppHarness {
    common::harness(&ScenarioFiles::new(ScenarioSource::Folder(PathBuf::from(
        folder,
    ))))
}

fn titles(harness: &Harness<'_, BackstopApp>) -> Vec<String> {
    harness
        .state()
        .documents
        .slides
        .deck
        .slides
        .iter()
        .map(|s| s.title.clone())
        .collect()
}

#[test]
fn slides_are_added_reordered_deleted_undone_and_kept_across_a_restart() {
    let dir = briefing_folder();
    let mut harness = open(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run_steps(3);
    assert_eq!(titles(&harness).len(), 8);
    harness.get_by_label("Add slide").click();
    harness.run_steps(3);
    assert_eq!(titles(&harness).len(), 9);
    assert_eq!(titles(&harness)[1], "Slide 9");
    // The new slide shows no annotations.
    harness.get_by_label("No annotations").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().documents.slides.deck.slides[1].annotations,
        backstop::model::SlideAnnotations::None
    );
    harness.get_by_label("Move slide 2 up").click();
    harness.run_steps(3);
    assert_eq!(titles(&harness)[0], "Slide 9");
    // Delete the current slide (the new one), then undo the delete.
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    assert_eq!(titles(&harness).len(), 8);
    assert!(!titles(&harness).contains(&"Slide 9".to_owned()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(titles(&harness)[0], "Slide 9");
    assert_eq!(titles(&harness).len(), 9);
    // The deck on disk is the one on screen.
    drop(harness);
    let harness = open(dir.path());
    assert_eq!(titles(&harness).len(), 9);
    assert_eq!(titles(&harness)[0], "Slide 9");
}

fn as_of_id(harness: &Harness<'_, BackstopApp>) -> Option<String> {
    let app = harness.state();
    app.state
        .shown
        .as_of
        .and_then(|stop| app.documents.timeline.stops.get(stop))
        .map(|s| s.id.clone())
}

fn visible_layers(harness: &Harness<'_, BackstopApp>) -> Vec<String> {
    let app = harness.state();
    app.documents
        .report
        .scenario
        .layers
        .iter()
        .zip(&app.state.shown.visible)
        .filter(|(_, v)| **v)
        .map(|(l, _)| l.id.clone())
        .collect()
}

#[test]
fn the_presenter_steps_with_clicker_keys_and_restores_each_slides_layers_and_time() {
    let dir = briefing_folder();
    let mut harness = open(dir.path());
    harness.state_mut().reduce_motion = true;
    harness.key_press(Key::F5);
    harness.run_steps(3);
    assert!(harness.state().presenting());
    assert_eq!(harness.state().documents.slides.current, Some(0));
    harness.get_by_label("1 / 8");

    harness.key_press(Key::PageDown);
    harness.run_steps(3);
    assert_eq!(harness.state().documents.slides.current, Some(1));
    assert_eq!(visible_layers(&harness), ["hubs"]);
    assert_eq!(as_of_id(&harness), None);

    harness.key_press(Key::Space);
    harness.run_steps(3);
    assert_eq!(harness.state().documents.slides.current, Some(2));
    assert_eq!(visible_layers(&harness), ["line", "hubs"]);
    assert_eq!(as_of_id(&harness).as_deref(), Some("deployment"));

    harness.key_press(Key::PageUp);
    harness.run_steps(3);
    assert_eq!(harness.state().documents.slides.current, Some(1));
    assert_eq!(visible_layers(&harness), ["hubs"]);
    assert_eq!(as_of_id(&harness), None);

    harness.key_press(Key::End);
    harness.run_steps(3);
    assert_eq!(harness.state().documents.slides.current, Some(7));
    harness.key_press(Key::Home);
    harness.run_steps(3);
    assert_eq!(harness.state().documents.slides.current, Some(0));

    harness.key_press(Key::B);
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .presenter
            .as_ref()
            .is_some_and(|p| p.blackout)
    );
    harness.key_press(Key::B);
    harness.run_steps(2);

    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(!harness.state().presenting());
}

#[test]
fn between_slides_the_camera_flies_and_lands_on_the_slide() {
    let dir = briefing_folder();
    let mut harness = open(dir.path());
    harness.key_press(Key::F5);
    harness.run_steps(3);
    harness.key_press(Key::ArrowRight);
    harness.step();
    assert!(
        harness
            .state()
            .presenter
            .as_ref()
            .is_some_and(|p| p.flight.is_some()),
        "no flight started"
    );
    std::thread::sleep(backstop::app::FLIGHT + std::time::Duration::from_millis(100));
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.presenter.as_ref().is_some_and(|p| p.flight.is_none()));
    // Landed: the slide's box is on screen, filling it one way.
    let view = app.world_view().unwrap_or_else(|| panic!("no map"));
    let [west, south, east, north] = app.documents.slides.deck.slides[1].bounds;
    let nw = view.lon_lat_to_screen(west, north);
    let se = view.lon_lat_to_screen(east, south);
    assert!(view.screen.expand(2.0).contains(nw) && view.screen.expand(2.0).contains(se));
    assert_eq!(visible_layers(&harness), ["hubs"]);
}

#[test]
fn a_corrupt_slides_file_is_backed_up_and_reported_and_never_overwritten() {
    let dir = briefing_folder();
    let path = dir.path().join("slides.toml");
    std::fs::write(&path, "[[slides]\ntitle = \"half a slide").unwrap_or_else(|e| panic!("{e}"));
    let mut harness = open(dir.path());
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("slides.toml.bak-"))
        .collect();
    assert_eq!(backups.len(), 1);
    let broken = std::fs::read_to_string(&backups[0]).unwrap_or_default();
    assert!(broken.contains("half a slide"));
    assert!(
        harness
            .state()
            .documents
            .report
            .diagnostics
            .iter()
            .any(|d| d.file == "slides.toml" && d.is_error() && d.message.contains("kept as"))
    );
    harness.run_steps(2);
    harness.get_by_label_contains("could not read the slides");
}
