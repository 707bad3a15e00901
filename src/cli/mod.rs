//! The `check`, `export` and `new` commands: validate a scenario folder (and overlay
//! files) and report like a compiler; write pictures and data headless; make a scenario.

mod new;
mod overlays;

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
fn scenario_source(
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

/// What `export` writes, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Png,
    GeoJson,
    Kml,
    Csv,
}

/// What `backstop export` is asked to write.
pub struct ExportRequest<'a> {
    /// The file to write; its extension says the format.
    pub out: &'a Path,
    /// Picture size in pixels (PNG).
    pub size: (u32, u32),
    /// Map centre and zoom (PNG); Ukraine is framed without one.
    pub view: Option<crate::export::ExportView>,
    /// A tile pack drawn as the basemap (PNG).
    pub tiles: Option<&'a Path>,
    /// Overlay files of any format, drawn and written as the app would.
    pub overlays: &'a [std::path::PathBuf],
    /// Write only the overlays' features (to convert a file), not the scenario's.
    pub overlays_only: bool,
    /// How the overlays are read (a CSV's encoding, a GeoPackage's table).
    pub overlay_options: crate::io::formats::ReadOptions,
}

/// `backstop export`: writes the map as PNG, or the data as GeoJSON, KML or CSV.
/// Returns the exit code.
pub fn export(folder: Option<&Path>, request: &ExportRequest<'_>, err: &mut dyn Write) -> i32 {
    let ExportRequest {
        out,
        size,
        view,
        tiles,
        ..
    } = *request;
    let extension = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = match extension.as_str() {
        "png" => ExportFormat::Png,
        "geojson" | "json" => ExportFormat::GeoJson,
        "kml" => ExportFormat::Kml,
        "csv" => ExportFormat::Csv,
        other => {
            let _ = writeln!(
                err,
                "backstop export: cannot write \".{other}\" files (use .png, .geojson, .kml or .csv)"
            );
            return EXIT_USAGE;
        }
    };
    if request.overlays_only && request.overlays.is_empty() {
        let _ = writeln!(
            err,
            "backstop export: --overlays-only needs at least one --overlay FILE"
        );
        return EXIT_USAGE;
    }
    let Some(source) = scenario_source(folder, "export", err) else {
        return EXIT_USAGE;
    };
    let pack = match tiles.map(crate::tiles::open_pack).transpose() {
        Ok(pack) => pack,
        Err(message) => {
            let _ = writeln!(err, "backstop export: {message}");
            return EXIT_ERRORS;
        }
    };
    let mut app = crate::BackstopApp::new(
        &ScenarioFiles::new(source),
        crate::io::UserFolders::from_env(),
    );
    say_document_problems(&app, err);
    if !overlays::load_overlays(&mut app, request.overlays, &request.overlay_options, err) {
        return EXIT_ERRORS;
    }
    let user: Vec<_> = app
        .overlays
        .layers
        .iter()
        .map(|o| o.layer.clone())
        .collect();
    let errors = ProblemCounts::of(&app.documents.report.diagnostics).errors;
    if errors > 0 {
        let _ = writeln!(
            err,
            "backstop export: warning: the scenario has {errors} errors (run `backstop check`); exporting what loaded"
        );
    }
    let scenario = &app.documents.report.scenario;
    let only = request.overlays_only;
    let bytes = match format {
        ExportFormat::GeoJson if only => crate::export::user_layers_to_geojson(&user).into_bytes(),
        ExportFormat::GeoJson => {
            crate::export::to_geojson(scenario, &app.documents.annotations.items, &user)
                .into_bytes()
        }
        ExportFormat::Kml if only => crate::export::user_layers_to_kml(&user).into_bytes(),
        ExportFormat::Kml => crate::export::to_kml(scenario, &user).into_bytes(),
        ExportFormat::Csv if only => crate::export::user_layers_to_csv(&user).into_bytes(),
        ExportFormat::Csv => {
            if !user.is_empty() {
                let _ = writeln!(
                    err,
                    "backstop export: note: the CSV holds the hubs; add --overlays-only to write the overlays' features instead"
                );
            }
            crate::export::hubs_to_csv(scenario, &app.documents.exposures).into_bytes()
        }
        ExportFormat::Png => match render_png(&app, size, view, pack) {
            Ok(bytes) => bytes,
            Err(message) => {
                let _ = writeln!(err, "backstop export: {message}");
                return EXIT_ERRORS;
            }
        },
    };
    match crate::io::write_atomic(out, &bytes) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "backstop export: cannot write {}: {e}", out.display());
            EXIT_ERRORS
        }
    }
}

/// `backstop export [DIR] --slides OUTDIR`: one PNG per slide, named by number and
/// title, headless.
pub fn export_slides(
    folder: Option<&Path>,
    out: &Path,
    size: (u32, u32),
    stdout: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(source) = scenario_source(folder, "export", err) else {
        return EXIT_USAGE;
    };
    let app = crate::BackstopApp::new(
        &ScenarioFiles::new(source),
        crate::io::UserFolders::from_env(),
    );
    let broken = say_document_problems(&app, err);
    if app.documents.slides.deck.slides.is_empty() {
        let why = if broken {
            "no slides to export (see above)"
        } else {
            "the scenario has no slides (make them in the app's Slides panel)"
        };
        let _ = writeln!(err, "backstop export: {why}");
        return EXIT_ERRORS;
    }
    let pages = app.deck_pages();
    let mut renderer = match crate::export::OffscreenRenderer::new() {
        Ok(renderer) => renderer,
        Err(e) => {
            let _ = writeln!(err, "backstop export: {e}");
            return EXIT_ERRORS;
        }
    };
    match crate::export::render_deck(
        &mut renderer,
        &pages,
        out,
        [size.0, size.1],
        |_, _| {},
        || false,
    ) {
        Ok(files) => {
            for file in files {
                let _ = writeln!(stdout, "wrote {}", file.display());
            }
            EXIT_OK
        }
        Err(message) => {
            let _ = writeln!(err, "backstop export: {message}");
            EXIT_ERRORS
        }
    }
}

/// Says on stderr what happened to the slides and annotations files while the app read
/// them (a broken one is moved aside as a backup: the user must hear where). True when
/// there was an error.
fn say_document_problems(app: &crate::BackstopApp, err: &mut dyn Write) -> bool {
    let mut any_error = false;
    for diagnostic in app
        .documents
        .report
        .diagnostics
        .iter()
        .filter(|d| d.file == crate::io::SLIDES_FILE || d.file == crate::io::ANNOTATIONS_FILE)
    {
        any_error |= diagnostic.is_error();
        let _ = writeln!(err, "backstop export: {diagnostic}");
    }
    any_error
}

fn render_png(
    app: &crate::BackstopApp,
    size: (u32, u32),
    view: Option<crate::export::ExportView>,
    tiles: Option<std::sync::Arc<dyn crate::tiles::TileBackend>>,
) -> Result<Vec<u8>, String> {
    use crate::export::{ExportOptions, OffscreenRenderer, fit_ukraine_view, render_picture};
    let options = ExportOptions::default();
    let size = [size.0, size.1];
    let view = view.unwrap_or_else(|| {
        fit_ukraine_view(
            size,
            options,
            !app.documents.report.scenario.caveat.is_empty(),
        )
    });
    let mut renderer = OffscreenRenderer::new().map_err(|e| e.to_string())?;
    let mut picture = app.picture.clone();
    if tiles.is_some() {
        picture.tiles = tiles;
    }
    let image =
        render_picture(&mut renderer, &picture, view, size, options).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| format!("cannot encode the PNG: {e}"))?;
    Ok(bytes)
}
