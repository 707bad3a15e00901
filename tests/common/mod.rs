//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

/// The broken-data fixtures.
#[allow(dead_code)]
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every file below `dir`.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

/// Copies a folder, leaving out the fixtures' `expected.txt`.
#[allow(dead_code)]
pub fn copy_dir(from: &Path, to: &Path) {
    for file in walk(from) {
        let relative = file.strip_prefix(from).unwrap_or(&file);
        if relative.as_os_str() == "expected.txt" {
            continue;
        }
        let target = to.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("create {}: {e}", parent.display()));
        }
        fs::copy(&file, &target).unwrap_or_else(|e| panic!("copy {}: {e}", file.display()));
    }
}

/// The base fixture with a variant's files laid over it, in a temporary folder.
#[allow(dead_code)]
pub fn scenario_folder(variant: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    copy_dir(&fixtures().join("base"), dir.path());
    if variant != "base" {
        copy_dir(&fixtures().join(variant), dir.path());
    }
    dir
}

/// Loads the scenario in a folder.
#[allow(dead_code)] // Not every test binary that includes this module loads folders.
pub fn load_folder(folder: &Path) -> backstop::io::LoadReport {
    backstop::io::load_scenario(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Folder(folder.to_path_buf()),
    ))
}

/// Presses or releases the primary button at `pos`.
#[allow(dead_code)]
pub fn button(
    harness: &egui_kittest::Harness<'_, backstop::BackstopApp>,
    pos: egui::Pos2,
    pressed: bool,
) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// A full click (move, press, release) at `pos`.
#[allow(dead_code)]
pub fn click(harness: &mut egui_kittest::Harness<'_, backstop::BackstopApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.step();
    button(harness, pos, true);
    harness.step();
    button(harness, pos, false);
    harness.run_steps(2);
}

/// The app on `files` in a 1400×900 kittest harness, after its first frames.
#[allow(dead_code)]
pub fn harness(
    files: &backstop::io::ScenarioFiles,
) -> egui_kittest::Harness<'static, backstop::BackstopApp> {
    let app = backstop::BackstopApp::new(files);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut backstop::BackstopApp| app.show(ui), app);
    // The map may animate (inertia); a fixed number of frames never panics.
    harness.run_steps(4);
    harness
}

/// The built-in scenario in a kittest harness.
#[allow(dead_code)]
pub fn builtin() -> egui_kittest::Harness<'static, backstop::BackstopApp> {
    harness(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Builtin,
    ))
}
