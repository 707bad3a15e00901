//! The `check` command: validate a scenario folder and report like a compiler.

use std::io::Write;
use std::path::Path;

use crate::io::{LoadReport, ProblemCounts, ScenarioFiles, ScenarioSource, load_scenario};

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One line per problem, then a summary.
    #[default]
    Text,
    /// A JSON object with the diagnostics and counts, for tools.
    Json,
}

/// Exit code: no errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: the scenario has errors.
pub const EXIT_ERRORS: i32 = 1;
/// Exit code: bad usage or an unreadable folder.
pub const EXIT_USAGE: i32 = 2;

/// Loads the scenario in `folder` (the built-in one when `None`) and writes the report to `out`.
/// Returns the process exit code.
pub fn check(
    folder: Option<&Path>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let source = match folder {
        None => ScenarioSource::Builtin,
        Some(path) if path.is_dir() => ScenarioSource::Folder(path.to_path_buf()),
        Some(path) => {
            let _ = writeln!(
                err,
                "backstop check: {}: not a readable folder",
                path.display()
            );
            return EXIT_USAGE;
        }
    };
    let label = source.describe();
    let report = load_scenario(&ScenarioFiles::new(source));
    let written = match format {
        Format::Text => write_text(&report, &label, out),
        Format::Json => write_json(&report, &label, out),
    };
    if let Err(e) = written {
        let _ = writeln!(err, "backstop check: cannot write the report: {e}");
        return EXIT_USAGE;
    }
    if report.has_errors() {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

fn write_text(report: &LoadReport, label: &str, out: &mut dyn Write) -> std::io::Result<()> {
    for diagnostic in &report.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let counts = ProblemCounts::of(&report.diagnostics);
    let scenario = &report.scenario;
    writeln!(
        out,
        "{label}: {} error{}, {} warning{} ({} hubs, {} nations, {} layers, {} events)",
        counts.errors,
        if counts.errors == 1 { "" } else { "s" },
        counts.warnings,
        if counts.warnings == 1 { "" } else { "s" },
        scenario.hubs.len(),
        scenario.nations.len(),
        scenario.layers.len(),
        scenario.events.len(),
    )
}

fn write_json(report: &LoadReport, label: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let counts = ProblemCounts::of(&report.diagnostics);
    let value = serde_json::json!({
        "scenario": label,
        "errors": counts.errors,
        "warnings": counts.warnings,
        "diagnostics": report.diagnostics.iter().map(|d| {
            let mut v = serde_json::to_value(d).unwrap_or_default();
            if let Some(map) = v.as_object_mut() {
                map.insert("text".into(), serde_json::Value::String(d.to_string()));
            }
            v
        }).collect::<Vec<_>>(),
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::other)?;
    writeln!(out)
}
