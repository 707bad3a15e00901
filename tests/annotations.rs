//! Annotations through the real UI: every tool, moving, undo and redo, and saving.

mod common;

use common::{button, click};

use backstop::BackstopApp;
use backstop::app::Tool;
use backstop::io::{ScenarioFiles, ScenarioSource};
use backstop::model::AnnotationShape;
use egui::{Event, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn open(folder: &std::path::Path) -> common::AppHarness {
    common::harness(&ScenarioFiles::new(ScenarioSource::Folder(
        folder.to_path_buf(),
    )))
}

fn drag(harness: &mut Harness<'_, BackstopApp>, from: Pos2, to: Pos2) {
    harness.event(Event::PointerMoved(from));
    harness.step();
    button(harness, from, true);
    harness.step();
    for i in 1..=6 {
        harness.event(Event::PointerMoved(from + (to - from) * (i as f32 / 6.0)));
        harness.step();
    }
    button(harness, to, false);
    harness.run_steps(2);
}

fn tool(harness: &mut Harness<'_, BackstopApp>, tool: Tool) {
    harness.get_by_label(tool.label()).click();
    // Long enough that the next click on the map is not taken for a double-click.
    harness.run_steps(30);
    assert_eq!(harness.state().documents.annotations.tool, tool);
}

fn centre(harness: &Harness<'_, BackstopApp>) -> Pos2 {
    harness.state().map_rect.map_or(Pos2::ZERO, |r| r.center())
}

#[test]
fn every_tool_draws_and_the_drawings_survive_a_restart() {
    let folder = common::scenario_folder("base");
    let mut harness = open(folder.path());
    let c = centre(&harness);
    tool(&mut harness, Tool::Text);
    click(&mut harness, c + vec2(-300.0, -150.0));
    tool(&mut harness, Tool::Callout);
    click(&mut harness, c + vec2(-300.0, 150.0));
    tool(&mut harness, Tool::Arrow);
    drag(
        &mut harness,
        c + vec2(-200.0, -100.0),
        c + vec2(-100.0, -50.0),
    );
    tool(&mut harness, Tool::Rectangle);
    drag(
        &mut harness,
        c + vec2(-200.0, 50.0),
        c + vec2(-120.0, 120.0),
    );
    tool(&mut harness, Tool::Circle);
    drag(
        &mut harness,
        c + vec2(100.0, -150.0),
        c + vec2(160.0, -150.0),
    );
    tool(&mut harness, Tool::Freehand);
    drag(&mut harness, c + vec2(100.0, 100.0), c + vec2(200.0, 160.0));
    tool(&mut harness, Tool::Highlight);
    drag(&mut harness, c + vec2(-50.0, 200.0), c + vec2(50.0, 220.0));
    tool(&mut harness, Tool::Line);
    click(&mut harness, c + vec2(200.0, -50.0));
    click(&mut harness, c + vec2(260.0, 0.0));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);

    let kinds: Vec<&str> = harness
        .state()
        .documents
        .annotations
        .items
        .iter()
        .map(|a| a.shape.kind())
        .collect();
    assert_eq!(
        kinds,
        [
            "text",
            "callout",
            "arrow",
            "rectangle",
            "circle",
            "freehand",
            "highlight",
            "line"
        ]
    );
    let circle = harness
        .state()
        .documents
        .annotations
        .items
        .iter()
        .find_map(|a| match a.shape {
            AnnotationShape::Circle { radius_km, .. } => Some(radius_km),
            _ => None,
        });
    assert!(
        circle.is_some_and(|r| r > 10.0),
        "the circle has a radius on the ground: {circle:?}"
    );
    let drawn = harness.state().documents.annotations.items.clone();

    // A new app on the same folder finds them again.
    let again = open(folder.path());
    assert_eq!(again.state().documents.annotations.items, drawn);
    assert!(folder.path().join("annotations.geojson").exists());
}

#[test]
fn a_selected_annotation_moves_and_the_move_undoes_and_redoes() {
    let folder = common::scenario_folder("base");
    let mut harness = open(folder.path());
    let c = centre(&harness);
    let at = c + vec2(-300.0, 150.0);
    // Every tool has a key too.
    harness.key_press(egui::Key::O);
    harness.run_steps(2);
    assert_eq!(harness.state().documents.annotations.tool, Tool::Circle);
    tool(&mut harness, Tool::Callout);
    click(&mut harness, at);
    tool(&mut harness, Tool::Select);
    // Panels may have changed width: find the callout on screen again.
    let on_screen = |h: &Harness<'_, BackstopApp>| {
        let view = h.state().world_view();
        match (&h.state().documents.annotations.items[0].shape, view) {
            (AnnotationShape::Callout { at, .. }, Some(view)) => {
                view.lon_lat_to_screen(at[0], at[1])
            }
            _ => Pos2::ZERO,
        }
    };
    let at = on_screen(&harness);
    click(&mut harness, at);
    assert_eq!(harness.state().documents.annotations.selected.len(), 1);
    let position =
        |h: &Harness<'_, BackstopApp>| match h.state().documents.annotations.items[0].shape {
            AnnotationShape::Callout { at, .. } => at,
            _ => [0.0, 0.0],
        };
    let before = position(&harness);
    drag(&mut harness, at, at + vec2(120.0, 0.0));
    let moved = position(&harness);
    assert!(
        moved[0] > before[0] + 0.5,
        "moved east: {before:?} -> {moved:?}"
    );
    assert!((moved[1] - before[1]).abs() < 0.05);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(position(&harness), before, "one drag is one undo step");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(position(&harness), moved);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    assert!(harness.state().documents.annotations.items.is_empty());
}

#[test]
fn a_corrupt_annotations_file_is_backed_up_and_reported() {
    let folder = common::scenario_folder("base");
    let path = folder.path().join("annotations.geojson");
    std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": [{")
        .unwrap_or_else(|e| panic!("{e}"));
    let harness = open(folder.path());
    assert!(harness.state().documents.annotations.items.is_empty());
    let backups: Vec<_> = std::fs::read_dir(folder.path())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("annotations.geojson.bak-")
        })
        .collect();
    assert_eq!(backups.len(), 1, "the broken file is kept");
    harness.get_by_label("⚠ 0 errors, 1 warnings");
    harness.get_by_label_contains("the file was kept as");
}

/// In the child process: save ever larger annotation sets until killed.
fn save_until_killed(path: &std::path::Path) -> ! {
    let mut annotations = Vec::new();
    for i in 0u64.. {
        let points: Vec<[f64; 2]> = (0..2000)
            .map(|k| [30.0 + k as f64 * 1e-4, 48.0 + i as f64 * 1e-3])
            .collect();
        annotations.push(backstop::model::Annotation {
            id: i + 1,
            shape: AnnotationShape::Freehand { points },
            style: backstop::model::AnnotationStyle::default(),
            text: format!("stroke {i}"),
        });
        let _ = backstop::io::save_annotations(path, &annotations);
    }
    unreachable!()
}

#[test]
fn a_process_killed_while_saving_leaves_a_whole_file_every_time() {
    const CHILD: &str = "BACKSTOP_TEST_SAVE_LOOP";
    if let Some(path) = std::env::var_os(CHILD) {
        save_until_killed(std::path::Path::new(&path));
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("annotations.geojson");
    let mut last_count = 0;
    for round in 0..8u64 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap_or_default())
            .args([
                "--exact",
                "a_process_killed_while_saving_leaves_a_whole_file_every_time",
                "--nocapture",
            ])
            .env(CHILD, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(std::time::Duration::from_millis(150 + round * 37));
        let _ = child.kill();
        let _ = child.wait();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: a torn file: {e}"));
        let (annotations, skipped) =
            backstop::io::annotations_from_geojson(&value).unwrap_or_else(|e| panic!("{e}"));
        assert!(skipped.is_empty());
        last_count = annotations.len();
    }
    assert!(last_count > 0, "the child never got to save");
}
