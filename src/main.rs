//! Command line: open the app, `check` a scenario folder, or take a screenshot.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, anyhow};
use backstop::BackstopApp;
use backstop::app::{ScreenshotOutcome, ScreenshotTask, Settings};
use backstop::cli::{self, Format};
use backstop::io::{ScenarioFiles, ScenarioSource};
use clap::{Parser, Subcommand, ValueEnum};

/// Backstop: an offline briefing map of the security guarantees for Ukraine.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Commands>,
    /// A scenario folder to open instead of the built-in scenario.
    dir: Option<PathBuf>,
    /// Save a PNG of the window once the map is drawn, then exit.
    #[arg(long, value_name = "PATH")]
    screenshot: Option<PathBuf>,
    /// Window size in points, e.g. 1280x720 (a projector) or 1920x1080.
    #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = cli::parse_size, default_value = "1600x1000")]
    size: (u32, u32),
    /// A file to draw over the map, as if dropped on the window (repeatable): GeoJSON,
    /// KML/KMZ, CSV, Shapefile (.shp or .zip), GeoPackage, FlatGeobuf or GPX.
    #[arg(long, value_name = "FILE")]
    overlay: Vec<PathBuf>,
    #[command(flatten)]
    overlay_read: cli::OverlayReadArgs,
    /// Graphics back end.
    #[arg(long, value_enum, default_value_t = Renderer::Wgpu)]
    renderer: Renderer,
    /// A tile pack (.pmtiles or .mbtiles) to show as the basemap, for offline detail.
    #[arg(long, value_name = "FILE")]
    tiles: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Commands {
    /// Check a scenario folder and list every problem (exit 0: no errors, 1: errors, 2: usage).
    Check {
        /// The scenario folder (the built-in scenario when omitted).
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also check a tile pack (.pmtiles or .mbtiles).
        #[arg(long, value_name = "FILE")]
        tiles: Option<PathBuf>,
        /// Also check an overlay file of any format Backstop reads (repeatable).
        #[arg(long, value_name = "FILE")]
        overlay: Vec<PathBuf>,
        #[command(flatten)]
        overlay_read: cli::OverlayReadArgs,
    },
    /// Write the map as PNG, PDF or SVG (headless), or the data as GeoJSON, KML or CSV, by
    /// the output's extension; or the briefing's slides as PNGs, PowerPoint or a PDF handout.
    Export {
        /// The scenario folder (the built-in scenario when omitted).
        dir: Option<PathBuf>,
        /// The file to write: .png, .pdf, .svg, .geojson, .kml or .csv.
        #[arg(
            long,
            value_name = "FILE",
            required_unless_present = "slides",
            conflicts_with = "slides"
        )]
        out: Option<PathBuf>,
        /// Write the briefing's slides instead: a folder gets one PNG per slide (named
        /// by number and title), a .pptx file a PowerPoint deck with speaker notes, a
        /// .pdf file a handout, one page per slide.
        #[arg(long, value_name = "DIR|FILE.pptx|FILE.pdf")]
        slides: Option<PathBuf>,
        /// The handout (--slides FILE.pdf) gets each slide's speaker notes under it.
        #[arg(long, requires = "slides")]
        notes: bool,
        /// The page of a PDF or SVG: A4, A3, A1 or Letter, landscape unless
        /// "-portrait" follows (A3-portrait), or a picture size WIDTHxHEIGHT laid out as
        /// the PNG of that size. A4 landscape by default.
        #[arg(long, value_name = "PAPER|WIDTHxHEIGHT", value_parser = backstop::export::PageSize::parse)]
        page: Option<backstop::export::PageSize>,
        /// Print a paper page at this scale, e.g. 1:2000000 (PDF and SVG): the zoom
        /// follows from it, and the map states it beside the scale bar.
        #[arg(long, value_name = "1:N", value_parser = backstop::export::page::parse_scale)]
        scale: Option<f64>,
        /// Picture size in pixels (PNG, and each slide's picture).
        #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = cli::parse_size, default_value = "1920x1080")]
        size: (u32, u32),
        /// Map centre and zoom for a picture 1080 points tall (PNG only); Ukraine is framed by default.
        #[arg(long, value_name = "LON,LAT,ZOOM", value_parser = cli::parse_view, allow_hyphen_values = true)]
        view: Option<backstop::export::ExportView>,
        /// A tile pack (.pmtiles or .mbtiles) drawn as the basemap (PNG only).
        #[arg(long, value_name = "FILE")]
        tiles: Option<PathBuf>,
        /// An overlay file of any format Backstop reads, drawn in the picture and written
        /// into GeoJSON, KML and CSV (repeatable).
        #[arg(long, value_name = "FILE")]
        overlay: Vec<PathBuf>,
        /// Write only the overlays' features, not the scenario's: converts a file, e.g.
        /// `--overlay in.kmz --overlays-only --out out.geojson`.
        #[arg(long, requires = "overlay")]
        overlays_only: bool,
        #[command(flatten)]
        overlay_read: cli::OverlayReadArgs,
    },
    /// Make a scenario folder to edit: a copy of the built-in scenario (every file,
    /// comments and all), or a blank one. The folder must not exist or be empty.
    New {
        /// The folder to make.
        dir: PathBuf,
        /// A title, a caveat, an empty hubs layer and the coalition's nations, instead
        /// of a copy of the built-in scenario.
        #[arg(long)]
        blank: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Renderer {
    /// wgpu (Vulkan, Metal, DX12, GL; Mesa's software drivers work too).
    Wgpu,
    /// OpenGL through glow, the fallback.
    Glow,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // wgpu also probes OpenGL through EGL, which fails without a display and logs it as
    // an error although Vulkan (Mesa's software one included) then renders.
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,wgpu_hal::gles::egl=off"),
    )
    .init();
    let cli = Cli::parse();
    match cli.command {
        Some(Commands::New { dir, blank }) => {
            let code =
                cli::new_scenario(&dir, blank, &mut std::io::stdout(), &mut std::io::stderr());
            return ExitCode::from(code as u8);
        }
        Some(Commands::Check {
            dir,
            format,
            tiles,
            overlay,
            overlay_read,
        }) => {
            let code = cli::check(
                dir.as_deref(),
                format,
                tiles.as_deref(),
                &overlay,
                &overlay_read.options(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
            return ExitCode::from(code as u8);
        }
        Some(Commands::Export {
            dir,
            out,
            slides,
            notes,
            page,
            scale,
            size,
            view,
            tiles,
            overlay,
            overlays_only,
            overlay_read,
        }) => {
            let runtime = quiet_wayland_probe();
            let code = match (out, slides) {
                (_, Some(slides)) => cli::export_slides(
                    dir.as_deref(),
                    &cli::SlidesRequest {
                        out: &slides,
                        size,
                        notes,
                    },
                    &mut std::io::stdout(),
                    &mut std::io::stderr(),
                ),
                (Some(out), None) => {
                    let request = cli::ExportRequest {
                        out: &out,
                        size,
                        view,
                        tiles: tiles.as_deref(),
                        overlays: &overlay,
                        overlays_only,
                        overlay_options: overlay_read.options(),
                        page,
                        scale,
                    };
                    let code = cli::export(dir.as_deref(), &request, &mut std::io::stderr());
                    if code == cli::EXIT_OK {
                        println!("wrote {}", out.display());
                    }
                    code
                }
                (None, None) => cli::EXIT_USAGE,
            };
            if let Some(folder) = runtime {
                let _ = std::fs::remove_dir(folder);
            }
            return ExitCode::from(code as u8);
        }
        None => {}
    }
    match run_app(cli, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("backstop: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_app(cli: Cli, started: std::time::Instant) -> anyhow::Result<()> {
    let source = match &cli.dir {
        None => ScenarioSource::Builtin,
        Some(dir) if dir.is_dir() => ScenarioSource::Folder(dir.clone()),
        Some(dir) => return Err(anyhow!("{}: not a readable scenario folder", dir.display())),
    };
    let outcome: ScreenshotOutcome = Arc::new(Mutex::new(None));
    let screenshot = cli
        .screenshot
        .clone()
        .map(|path| ScreenshotTask::new(path, outcome.clone()));
    let title = format!("Backstop — {}", source.describe());
    let options = eframe::NativeOptions {
        renderer: match cli.renderer {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        },
        viewport: egui::ViewportBuilder::default()
            .with_title(title.clone())
            .with_app_id("backstop")
            .with_inner_size([cli.size.0 as f32, cli.size.1 as f32])
            .with_min_inner_size([800.0, 500.0]),
        // A screenshot uses the size asked for, not the last session's window.
        persist_window: cli.screenshot.is_none(),
        persistence_path: cli
            .screenshot
            .as_ref()
            .map(|_| std::env::temp_dir().join("backstop-screenshot-state")),
        ..Default::default()
    };
    let files = ScenarioFiles::new(source);
    let overlays = cli.overlay.clone();
    let overlay_options = cli.overlay_read.options();
    // A bad pack is reported before any window opens; the app is handed the pack opened
    // here, so it is read and checked once.
    let tiles = match &cli.tiles {
        Some(path) => Some((
            path.clone(),
            backstop::tiles::open_pack(path).map_err(|e| anyhow!(e))?,
        )),
        None => None,
    };
    // The basemap is parsed, and its meshes built on a background thread, while the
    // window and the GPU start: the first frame then finds them ready.
    let _basemap = backstop::app::shared_basemap();
    eframe::run_native(
        &title,
        options,
        Box::new(move |cc| {
            let mut app = BackstopApp::new(&files, backstop::io::UserFolders::from_env())
                .with_start_time(started);
            for overlay in overlays {
                app.add_overlay_with(overlay, overlay_options.clone());
            }
            // A screenshot shows the scenario as shipped, not this user's last session.
            let remembered = cc
                .storage
                .filter(|_| screenshot.is_none())
                .and_then(|storage| eframe::get_value::<Settings>(storage, eframe::APP_KEY));
            if let Some(settings) = remembered {
                app.apply_settings(&settings);
            }
            if let Some((path, pack)) = tiles {
                app.basemaps.use_pack(path, pack, Some(&cc.egui_ctx));
            }
            if let Some(task) = screenshot {
                app = app.with_screenshot(task);
            }
            Ok(Box::new(backstop::ui::Window(app)))
        }),
    )
    .map_err(|e| anyhow!("cannot open the window: {e}"))?;
    if cli.screenshot.is_some() {
        let result = outcome
            .lock()
            .map_err(|_| anyhow!("screenshot state was poisoned"))?
            .take()
            .ok_or_else(|| anyhow!("the window closed before the screenshot was taken"))?;
        let path = result
            .map_err(|e| anyhow!(e))
            .context("screenshot failed")?;
        println!("saved {}", path.display());
    }
    Ok(())
}

/// Off-screen rendering needs no display, but the graphics drivers look for a Wayland
/// session all the same, and without `XDG_RUNTIME_DIR` the Wayland library prints
/// "error: XDG_RUNTIME_DIR is invalid or not set in the environment." four times, which
/// reads like Backstop failing. Give this process a private, empty runtime folder (to
/// remove afterwards): the drivers find no session there and say nothing.
fn quiet_wayland_probe() -> Option<PathBuf> {
    if std::env::var_os("XDG_RUNTIME_DIR").is_some() {
        return None;
    }
    let folder = std::env::temp_dir().join(format!("backstop-runtime-{}", std::process::id()));
    let made = std::fs::create_dir_all(&folder).and_then(|()| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700))
    });
    if made.is_ok() {
        // SAFETY: called from `main` before any thread starts, so nothing reads the
        // environment while it changes.
        unsafe { std::env::set_var("XDG_RUNTIME_DIR", &folder) };
        return Some(folder);
    }
    None
}
