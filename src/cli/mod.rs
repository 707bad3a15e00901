//! The `check`, `export` and `new` commands: validate a scenario folder (and overlay
//! files) and report like a compiler; write pictures and data headless; make a scenario.

mod export;
mod new;
mod overlays;

pub use export::{ExportRequest, SlidesRequest, export, export_slides};
pub use new::new_scenario;

use std::io::Write;
use std::path::Path;

use crate::io::{
    Diagnostic, LoadReport, ProblemCounts, ScenarioFiles, ScenarioSource, Severity, load_scenario,
};

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
/// How overlay files given on the command line are read: `--encoding` for a CSV that is
/// not UTF-8 and detection gets wrong, `--table` for one table of a GeoPackage (or one
/// Shapefile of a zip).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OverlayReadArgs {
    /// The text encoding of CSV overlays: utf-8, windows-1251 (cp1251) or windows-1252
    /// (detected when not given).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<crate::io::formats::TextEncoding>,
    /// Read only this table of a GeoPackage overlay (or this Shapefile of a zip).
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,
}

impl OverlayReadArgs {
    /// As the readers take them.
    pub fn options(&self) -> crate::io::formats::ReadOptions {
        crate::io::formats::ReadOptions {
            encoding: self.encoding,
            table: self.table.clone(),
        }
    }
}

fn parse_encoding(text: &str) -> Result<crate::io::formats::TextEncoding, String> {
    crate::io::formats::TextEncoding::from_name(text).ok_or_else(|| {
        format!("unknown encoding \"{text}\" (use utf-8, windows-1251 or windows-1252)")
    })
}

/// Exit code: bad usage or an unreadable folder.
pub const EXIT_USAGE: i32 = 2;

/// Loads the scenario in `folder` (the built-in one when `None`) and writes the report to `out`.
/// Returns the process exit code.
pub fn check(
    folder: Option<&Path>,
    format: Format,
    tiles: Option<&Path>,
    overlay_files: &[std::path::PathBuf],
    overlay_options: &crate::io::formats::ReadOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(source) = scenario_source(folder, "check", err) else {
        return EXIT_USAGE;
    };
    let label = source.describe();
    let files = ScenarioFiles::new(source);
    let mut report = load_scenario(&files);
    let folders = crate::io::UserFolders::from_env();
    // The slides and annotations beside the scenario are its files too; checked as the
    // app reads them, but never moved aside.
    let (deck, slide_problems) = crate::io::check_slides_file(&folders.slides_path(&files));
    report.diagnostics.extend(slide_problems);
    if let Some(deck) = deck {
        report
            .diagnostics
            .extend(crate::io::check_slides(&deck, &report.scenario));
    }
    report.diagnostics.extend(crate::io::check_annotations_file(
        &folders.annotations_path(&files),
    ));
    // The user's tile sources and a tile pack are data files too.
    let (_, source_problems) = crate::tiles::load_sources(&folders.tile_sources_file());
    report.diagnostics.extend(source_problems);
    if let Some(pack) = tiles
        && let Err(message) = crate::tiles::open_pack(pack)
    {
        let file = pack.display().to_string();
        let message = message
            .strip_prefix(&format!("{file}: "))
            .unwrap_or(&message)
            .to_owned();
        report
            .diagnostics
            .push(Diagnostic::file(&file, Severity::Error, message));
    }
    let checked = overlays::check_overlays(overlay_files, overlay_options, &mut report.diagnostics);
    let written = match format {
        Format::Text => write_text(&report, &label, out).and_then(|()| {
            checked.iter().try_for_each(|c| {
                let plural = if c.features == 1 { "" } else { "s" };
                writeln!(out, "{}: {} feature{plural} read", c.name, c.features)
            })
        }),
        Format::Json => write_json(&report, &label, &checked, out),
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

fn write_json(
    report: &LoadReport,
    label: &str,
    checked: &[overlays::OverlayCheck],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let counts = ProblemCounts::of(&report.diagnostics);
    let value = serde_json::json!({
        "scenario": label,
        "overlays": checked.iter().map(|c| serde_json::json!({"file": c.name, "features": c.features})).collect::<Vec<_>>(),
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

/// The scenario a command reads: the built-in one, or a folder that must exist.
pub(crate) fn scenario_source(
    folder: Option<&Path>,
    command: &str,
    err: &mut dyn Write,
) -> Option<ScenarioSource> {
    match folder {
        None => Some(ScenarioSource::Builtin),
        // A folder whose listing cannot be read is as unusable as none.
        Some(path) if path.is_dir() && std::fs::read_dir(path).is_ok() => {
            Some(ScenarioSource::Folder(path.to_path_buf()))
        }
        Some(path) => {
            let _ = writeln!(
                err,
                "backstop {command}: {}: not a readable folder",
                path.display()
            );
            None
        }
    }
}

/// Parses "1280x720" into a width and height (200 to 16384 each).
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (width, height) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, found \"{text}\""))?;
    let number = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (200..=16384).contains(n))
            .ok_or_else(|| format!("\"{s}\" is not a whole number from 200 to 16384"))
    };
    Ok((number(width)?, number(height)?))
}

/// Parses "LON,LAT,ZOOM".
pub fn parse_view(text: &str) -> Result<crate::export::ExportView, String> {
    let parts: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("expected LON,LAT,ZOOM with numbers, found \"{text}\""))?;
    match parts.as_slice() {
        [lon, lat, zoom]
            if (-180.0..=180.0).contains(lon)
                && (-85.0..=85.0).contains(lat)
                && (1.0..=18.0).contains(zoom) =>
        {
            Ok(crate::export::ExportView {
                lon: *lon,
                lat: *lat,
                zoom: *zoom,
            })
        }
        _ => Err(format!(
            "expected LON,LAT,ZOOM within -180..180, -85..85, 1..18, found \"{text}\""
        )),
    }
}
