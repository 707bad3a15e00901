//! The `backstop check` command, run as a process.

use std::path::Path;

mod common;

fn broken_scenario() -> tempfile::TempDir {
    common::scenario_folder("unknown_status")
}

#[test]
fn checking_the_built_in_scenario_succeeds() {
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("built-in scenario: 0 errors, 0 warnings"),
        "{stdout}"
    );
}

#[test]
fn checking_the_data_folder_succeeds() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .arg("check")
        .arg(&data)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn a_scenario_with_errors_prints_compiler_style_lines_and_exits_one() {
    let dir = broken_scenario();
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains(
        "hubs.geojson: feature 0 (id \"hub-odesa\"): property \"status\": error: unknown value \"rumoured\""
    ), "{stdout}");
    assert!(
        stdout
            .lines()
            .last()
            .is_some_and(|l| l.contains("1 error, 0 warnings")),
        "{stdout}"
    );
}

#[test]
fn json_output_is_machine_readable() {
    let dir = broken_scenario();
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["errors"], 1);
    assert_eq!(value["diagnostics"][0]["file"], "hubs.geojson");
    assert_eq!(value["diagnostics"][0]["location"]["field"], "status");
    assert_eq!(value["diagnostics"][0]["severity"], "error");
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .args(["check", "/nonexistent/scenario"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a readable folder"));
}

#[test]
fn check_names_the_file_entry_and_field_of_a_bad_tile_source() {
    let config = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = config.path().join("backstop");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        folder.join("tiles.toml"),
        "[[source]]\nname = \"Imagery\"\nurl = \"https://example.invalid/{z}/{x}.jpg\"\nattribution = \"Someone\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .env("XDG_CONFIG_HOME", config.path())
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("tiles.toml: source 0 (id \"Imagery\"): property \"url\": error: the URL template has no {y}"),
        "{stdout}"
    );
}

#[test]
fn check_reports_a_truncated_tile_pack_by_name() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pack = dir.path().join("ukraine.pmtiles");
    let mut bytes = b"PMTiles\x03".to_vec();
    bytes.extend_from_slice(&[0u8; 40]);
    std::fs::write(&pack, bytes).unwrap_or_else(|e| panic!("{e}"));
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .args(["check", "--tiles"])
        .arg(&pack)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("ukraine.pmtiles: error: truncated"),
        "{stdout}"
    );
}

/// A copy of the built-in scenario whose slides.toml is cut off mid-write and whose
/// annotations.geojson is not JSON.
fn broken_documents() -> (tempfile::TempDir, Vec<u8>, Vec<u8>) {
    let dir = common::data_copy();
    let slides = std::fs::read(dir.path().join("slides.toml")).unwrap_or_else(|e| panic!("{e}"));
    let cut = [&slides[..slides.len() / 2], b"\ntitle = \"Half"].concat();
    std::fs::write(dir.path().join("slides.toml"), &cut).unwrap_or_else(|e| panic!("{e}"));
    let annotations = b"{\"type\": \"FeatureCollection\", \"features\": [".to_vec();
    std::fs::write(dir.path().join("annotations.geojson"), &annotations)
        .unwrap_or_else(|e| panic!("{e}"));
    (dir, cut, annotations)
}

#[test]
fn check_reads_the_slides_and_annotations_and_leaves_them_where_they_are() {
    let (dir, slides, annotations) = broken_documents();
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("slides.toml: error:"), "{stdout}");
    assert!(stdout.contains("annotations.geojson: error:"), "{stdout}");
    // Checking moves nothing.
    assert_eq!(
        std::fs::read(dir.path().join("slides.toml")).unwrap_or_default(),
        slides
    );
    assert_eq!(
        std::fs::read(dir.path().join("annotations.geojson")).unwrap_or_default(),
        annotations
    );
}

#[test]
fn exporting_says_which_broken_files_were_kept_as_backups_and_where() {
    let (dir, _, _) = broken_documents();
    let home = common::TestHome::new();
    let out = home.root().join("deck");
    let output = home
        .backstop()
        .arg("export")
        .arg(dir.path())
        .arg("--slides")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for file in ["slides.toml", "annotations.geojson"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains("kept as") && l.contains(".bak-")),
            "{file}: {stderr}"
        );
    }
    assert!(stderr.contains("no slides to export"), "{stderr}");
}

#[test]
fn a_western_longitude_is_accepted_for_the_export_view() {
    let home = common::TestHome::new();
    let out = home.root().join("west.png");
    let output = home
        .backstop()
        .args([
            "export",
            "--size",
            "640x360",
            "--view",
            "-100,40,6",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(out.exists());
    assert!(!stderr.contains("XDG_RUNTIME_DIR"), "{stderr}");
}
