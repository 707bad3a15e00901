//! Big overlays: the stress file from `../shared/bench/make_stress.py` (about 50 MB,
//! 1.2 M vertices), the same generator at 200 MB (4.9 M vertices), and 200,000 dated
//! events in a CSV. Parse throughput, load time, the time from adding one to the first
//! frame that shows it, frames with each on the map, and the peak resident memory each
//! adds (measured in a child process, as a system monitor would see it).

use std::time::{Duration, Instant};

use backstop::BackstopApp;
use backstop::io::{ScenarioFiles, ScenarioSource, read_user_geojson};
use backstop::overlay::{LoadProgress, RasterView, load, rasterize};
use criterion::{Criterion, Throughput, criterion_group};
use walkers::lon_lat;

#[path = "support/stress.rs"]
mod stress;
use stress::{stress_file, stress_file_of};
#[path = "support/events.rs"]
mod events;
use events::events_file;

/// The environment variable that makes this binary a memory-measuring child.
const MEMORY_CHILD: &str = "BACKSTOP_BENCH_MEMORY_CHILD";

fn parsing(c: &mut Criterion) {
    let path = stress_file();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let mut group = c.benchmark_group("overlay");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("parse stress GeoJSON (typed serde)", |b| {
        b.iter(|| std::hint::black_box(read_user_geojson("stress.geojson", &bytes)))
    });
    group.bench_function(
        "load stress GeoJSON: read, parse, coarsest zoom band",
        |b| {
            b.iter(|| {
                std::hint::black_box(load(
                    0,
                    path.clone(),
                    &Default::default(),
                    &LoadProgress::default(),
                ))
            })
        },
    );
    let layer = load(
        0,
        path.clone(),
        &Default::default(),
        &LoadProgress::default(),
    )
    .unwrap_or_else(|_| panic!("the stress overlay did not load"));
    group.bench_function(
        "prepare one zoom band of it (zoom 6: lines and areas)",
        |b| {
            b.iter(|| {
                let lines = backstop::mesh::LineBands::new(layer.features.clone());
                let fill = backstop::mesh::FillBands::new(layer.features.clone());
                std::hint::black_box((lines.for_zoom(6.0).is_some(), fill.for_zoom(6.0).is_some()))
            })
        },
    );
    for (name, lon, lat, zoom) in [
        (
            "rasterise 1600x1000 picture: Ukraine (zoom 6)",
            31.0,
            48.0,
            6.0,
        ),
        (
            "rasterise 1600x1000 picture: Kyiv (zoom 9)",
            30.52,
            50.45,
            9.0,
        ),
    ] {
        let view = RasterView {
            center: backstop::geometry::lon_lat_to_world(lon, lat),
            zoom,
            width: 1600,
            height: 1000,
            pixels_per_point: 1.0,
        };
        group.bench_function(name, |b| {
            b.iter(|| std::hint::black_box(rasterize(&layer, &view)))
        });
    }
    group.finish();
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

/// The app on the built-in scenario at the Ukraine view (zoom 6), after its first frames.
fn app_at_ukraine(ctx: &egui::Context) -> BackstopApp {
    let mut app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    app.map_memory.center_at(lon_lat(31.0, 48.0));
    let _ = app.map_memory.set_zoom(6.0);
    for _ in 0..3 {
        frame(ctx, &mut app);
    }
    app
}

fn frame(ctx: &egui::Context, app: &mut BackstopApp) {
    let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, app));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
}

/// Adds `path` to `app` and runs frames (every 10 ms, as a window would on the worker's
/// wake-ups) until one shows it fully; returns how long that took.
fn add_and_draw(ctx: &egui::Context, app: &mut BackstopApp, path: &std::path::Path) -> Duration {
    app.overlays.layers.clear();
    let started = Instant::now();
    app.add_overlay(path.to_path_buf());
    let deadline = started + Duration::from_secs(120);
    while Instant::now() < deadline {
        frame(ctx, app);
        if app
            .overlays
            .layers
            .first()
            .is_some_and(|o| o.layer.is_drawn())
        {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{} was not drawn within two minutes", path.display());
}

/// The files every frame and memory figure is measured with.
fn big_files() -> Vec<(&'static str, std::path::PathBuf)> {
    vec![
        ("50 MB stress GeoJSON", stress_file()),
        ("200 MB stress GeoJSON", stress_file_of(200)),
        ("200k-event CSV", events_file()),
    ]
}

fn frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = app_at_ukraine(&ctx);
    let mut group = c.benchmark_group("big overlays");
    group.sample_size(10);
    for (name, path) in big_files() {
        // Shown once whatever the filter picks, so the frames below have it on the map.
        add_and_draw(&ctx, &mut app, &path);
        group.bench_function(
            format!("{name}: added, until drawn at the Ukraine view"),
            |b| {
                b.iter_custom(|iterations| {
                    (0..iterations)
                        .map(|_| add_and_draw(&ctx, &mut app, &path))
                        .sum()
                })
            },
        );
        for (place, lon, lat, zoom) in [
            ("Ukraine (zoom 6)", 31.0, 48.0, 6.0),
            ("Kyiv (zoom 10)", 30.52, 50.45, 10.0),
            ("Kharkiv (zoom 12)", 36.25, 49.99, 12.0),
        ] {
            app.map_memory.center_at(lon_lat(lon, lat));
            let _ = app.map_memory.set_zoom(zoom);
            // Until the view's band and picture are made, as a user would see it.
            let settle = Instant::now() + Duration::from_secs(60);
            while Instant::now() < settle {
                frame(&ctx, &mut app);
                let ready = app.overlays.layers.iter().all(|o| {
                    o.layer.is_ready_for(zoom)
                        && !o.raster.lock().is_ok_and(|r| r.is_pending())
                        && !o.layer.is_preparing()
                });
                if ready {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            frame(&ctx, &mut app);
            group.bench_function(format!("frame with the {name}: {place}"), |b| {
                b.iter(|| {
                    let output = ctx.run_ui(raw_input(), |ui| backstop::ui::show(ui, &mut app));
                    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
                })
            });
        }
        app.map_memory.center_at(lon_lat(31.0, 48.0));
        let _ = app.map_memory.set_zoom(6.0);
    }
    group.finish();
}

/// This process's peak resident set so far, in bytes (`VmHWM`).
fn peak_resident() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kib| kib * 1024)
}

/// In the child: the app with its window's scenario, then the file added and drawn at
/// the Ukraine view as the window would; prints the peak resident set before and after.
fn memory_child(path: &str) {
    let ctx = egui::Context::default();
    let mut app = app_at_ukraine(&ctx);
    let before = peak_resident();
    let took = add_and_draw(&ctx, &mut app, std::path::Path::new(path));
    for _ in 0..10 {
        frame(&ctx, &mut app);
    }
    println!("{before} {} {}", peak_resident(), took.as_millis());
}

/// Runs a child per file and prints what each adds to the peak resident set.
fn memory() {
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    for (name, path) in big_files() {
        let output = std::process::Command::new(&me)
            .env(MEMORY_CHILD, &path)
            .output();
        let text = output
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let figures: Vec<u64> = text
            .lines()
            .last()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [before, after, millis] = figures[..] {
            println!(
                "big overlays/{name}: peak resident {:.0} MB before, {:.0} MB after: adds {:.0} MB (drawn after {millis} ms)",
                before as f64 / 1e6,
                after as f64 / 1e6,
                after.saturating_sub(before) as f64 / 1e6
            );
        } else {
            println!("big overlays/{name}: the memory child failed: {text}");
        }
    }
}

criterion_group!(benches, parsing, frames);

fn main() {
    if let Ok(path) = std::env::var(MEMORY_CHILD) {
        memory_child(&path);
        return;
    }
    memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
