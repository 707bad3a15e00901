//! `backstop export`: the map as PNG, PDF or SVG, the data as GeoJSON, KML or CSV, and
//! the briefing's slides as PNGs, a PowerPoint deck or a PDF handout, headless.

use std::io::Write;
use std::path::Path;

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE, overlays, scenario_source};
use crate::export::{PageSize, VectorFormat, VectorRequest};
use crate::io::{ProblemCounts, ScenarioFiles};

/// What `export` writes, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Png,
    Vector(VectorFormat),
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
    /// The page of a PDF or SVG (A4 landscape when not given).
    pub page: Option<PageSize>,
    /// Print a paper page at 1:this (PDF and SVG).
    pub scale: Option<f64>,
}

/// What `backstop export --slides` is asked to write.
pub struct SlidesRequest<'a> {
    /// A folder for PNGs, or a `.pptx` or `.pdf` file.
    pub out: &'a Path,
    /// Each slide's size in pixels (PNG and PowerPoint).
    pub size: (u32, u32),
    /// Put each slide's speaker notes under it (PDF handout).
    pub notes: bool,
}

/// `backstop export`: writes the map as PNG, PDF or SVG, or the data as GeoJSON, KML or CSV.
/// Returns the exit code.
pub fn export(folder: Option<&Path>, request: &ExportRequest<'_>, err: &mut dyn Write) -> i32 {
    let ExportRequest {
        out,
        size,
        view,
        tiles,
        ..
    } = *request;
    let Some(format) = format_of(out) else {
        let _ = writeln!(
            err,
            "backstop export: cannot write \".{}\" files (use .png, .pdf, .svg, .geojson, .kml or .csv)",
            out.extension()
                .map(|e| e.to_string_lossy())
                .unwrap_or_default()
        );
        return EXIT_USAGE;
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
        ExportFormat::Vector(format) => match vector_bytes(&app, request, pack, format) {
            Ok(bytes) => bytes,
            Err((code, message)) => {
                let _ = writeln!(err, "backstop export: {message}");
                return code;
            }
        },
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

/// `backstop export [DIR] --slides OUT`: one PNG per slide into the folder OUT (named by
/// number and title), or the deck as OUT.pptx (PowerPoint) or OUT.pdf (a handout),
/// headless.
pub fn export_slides(
    folder: Option<&Path>,
    request: &SlidesRequest<'_>,
    stdout: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let SlidesRequest { out, size, .. } = *request;
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
    let extension = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension == "pdf" || extension == "pptx" {
        let title = app.documents.report.scenario.title.clone();
        return match deck_file(&pages, request, &title, extension == "pdf") {
            Ok(()) => {
                let _ = writeln!(stdout, "wrote {} ({} slides)", out.display(), pages.len());
                EXIT_OK
            }
            Err(message) => {
                let _ = writeln!(err, "backstop export: {message}");
                EXIT_ERRORS
            }
        };
    }
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

/// The picture as PDF or SVG on the request's page (A4 landscape by default), or the
/// exit code and why not.
fn vector_bytes(
    app: &crate::BackstopApp,
    request: &ExportRequest<'_>,
    pack: Option<std::sync::Arc<dyn crate::tiles::TileBackend>>,
    format: VectorFormat,
) -> Result<Vec<u8>, (i32, String)> {
    let mut picture = app.picture.clone();
    if pack.is_some() {
        picture.tiles = pack;
    }
    let vector = VectorRequest {
        page: request.page.unwrap_or(PageSize::Paper {
            paper: crate::export::Paper::A4,
            landscape: true,
        }),
        view: request.view,
        scale: request.scale,
        options: crate::export::ExportOptions::default(),
    };
    if vector.scale.is_some() && !matches!(vector.page, PageSize::Paper { .. }) {
        return Err((
            EXIT_USAGE,
            "--scale needs a paper --page (A4, A3, A1 or Letter)".into(),
        ));
    }
    let mut recording = crate::export::vector::Recording::new();
    crate::export::write_vector_picture(&mut recording, &picture, &vector, format)
        .map_err(|message| (EXIT_ERRORS, message))
}

/// Writes the deck as a PDF handout (`handout`) or a PowerPoint file.
fn deck_file(
    pages: &[crate::export::DeckPage],
    request: &SlidesRequest<'_>,
    title: &str,
    handout: bool,
) -> Result<(), String> {
    let bytes = if handout {
        let mut recording = crate::export::vector::Recording::new();
        crate::export::write_handout(
            &mut recording,
            pages,
            request.notes,
            title,
            |_, _| {},
            || false,
        )?
    } else {
        let mut renderer = crate::export::OffscreenRenderer::new().map_err(|e| e.to_string())?;
        crate::export::pptx::write_pptx(
            &mut renderer,
            pages,
            [request.size.0, request.size.1],
            title,
            |_, _| {},
            || false,
        )?
    };
    crate::io::write_atomic(request.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", request.out.display()))
}

/// What a file of this name is written as, by its extension.
fn format_of(out: &Path) -> Option<ExportFormat> {
    let extension = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Some(match extension.as_str() {
        "png" => ExportFormat::Png,
        "pdf" => ExportFormat::Vector(VectorFormat::Pdf),
        "svg" => ExportFormat::Vector(VectorFormat::Svg),
        "geojson" | "json" => ExportFormat::GeoJson,
        "kml" => ExportFormat::Kml,
        "csv" => ExportFormat::Csv,
        _ => return None,
    })
}
