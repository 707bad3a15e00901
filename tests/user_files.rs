//! The test suite never touches a user's files: with annotations, a tile source and a
//! slides file cut off mid-write planted in the XDG folders, apps built through the
//! shared helpers, edits and saves, and `backstop` commands leave every planted file
//! byte-identical and add nothing beside them.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;

/// Set for the child run: the planted home the helpers must stay out of.
const PLANTED: &str = "BACKSTOP_TEST_PLANTED_HOME";

/// A user's files: valid annotations and tiles.toml, and a slides.toml whose last slide
/// was cut off by a laptop that died mid-save.
fn plant(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let slides =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/slides.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
    let cut = &slides[..slides.len() * 2 / 3];
    let files: [(&str, Vec<u8>); 3] = [
        (
            "data/backstop/annotations.geojson",
            br##"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[30.5,50.4]},"properties":{"id":1,"kind":"text","text":"Mine","colour":"#c00000","width":2.0}}]}"##.to_vec(),
        ),
        ("data/backstop/slides.toml", format!("{cut}\ntitle = \"Half a sl").into_bytes()),
        (
            "config/backstop/tiles.toml",
            b"[[source]]\nname = \"My imagery\"\nurl = \"http://127.0.0.1:9/{z}/{x}/{y}.png\"\nattribution = \"Mine\"\n".to_vec(),
        ),
    ];
    files
        .into_iter()
        .map(|(relative, bytes)| {
            let path = root.join(relative);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
            (path, bytes)
        })
        .collect()
}

/// Every file below `root` with its bytes.
fn contents(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::walk(root)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
            (path, bytes)
        })
        .collect()
}

#[test]
fn planted_user_files_stay_byte_identical_while_tests_build_apps_edit_and_export() {
    let planted = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let before = plant(planted.path());
    let root = planted.path();
    let status = std::process::Command::new(std::env::current_exe().unwrap_or_default())
        .args(["--exact", "what_the_tests_do_to_an_app", "--ignored"])
        .env(PLANTED, root)
        .env("HOME", root)
        .env("XDG_DATA_HOME", root.join("data"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_CACHE_HOME", root.join("cache"))
        .env("XDG_PICTURES_DIR", root.join("pictures"))
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "the child run failed: {status}");
    assert_eq!(
        contents(root),
        before,
        "the planted files changed, or files appeared beside them"
    );
}

/// What tests do, run as a child with the planted home as the process's XDG folders.
#[test]
#[ignore = "run by planted_user_files_stay_byte_identical_…, with a planted home"]
fn what_the_tests_do_to_an_app() {
    assert!(
        std::env::var_os(PLANTED).is_some(),
        "run only as the child of the planted-files test"
    );
    let mut harness = common::builtin();
    assert!(
        harness.state().documents.annotations.items.is_empty(),
        "the helper's app read the planted annotations"
    );
    assert!(
        harness
            .state()
            .basemaps
            .sources
            .iter()
            .all(|s| s.name != "My imagery"),
        "the helper's app read the planted tiles.toml"
    );
    // Edits that save: a slide added, an annotation drawn, then the view saved as PNG.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run_steps(3);
    harness.get_by_label("Add slide").click();
    harness.run_steps(3);
    harness
        .state_mut()
        .queue(backstop::app::Command::SetTool(backstop::app::Tool::Text));
    harness.run_steps(2);
    let centre = harness
        .state()
        .map_rect
        .map_or(egui::pos2(700.0, 450.0), |r| r.center());
    common::click(&mut harness, centre);
    harness.run_steps(3);
    let files = harness.state().documents.files.clone();
    assert!(harness.home.folders.slides_path(&files).exists());
    assert!(!harness.state().documents.annotations.items.is_empty());
    assert!(harness.home.folders.annotations_path(&files).exists());
    // The command line in the helper's home.
    let out = harness.home.root().join("out.geojson");
    let output = harness
        .home
        .backstop()
        .args(["export", "--out"])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let checked = harness
        .home
        .backstop()
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checked.status.code(), Some(0));
}
