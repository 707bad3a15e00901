//! The `backstop check` command, run as a process.

use std::path::Path;
use std::process::Command;

mod common;

fn backstop() -> Command {
    Command::new(env!("CARGO_BIN_EXE_backstop"))
}

fn broken_scenario() -> tempfile::TempDir {
    common::scenario_folder("unknown_status")
}

#[test]
fn checking_the_built_in_scenario_succeeds() {
    let output = backstop()
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
    let output = backstop()
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
    let output = backstop()
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
    let output = backstop()
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
    let output = backstop()
        .args(["check", "/nonexistent/scenario"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a readable folder"));
}
