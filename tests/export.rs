//! Export: pictures of exact sizes, a scale bar that measures true, and the command line.

use backstop::BackstopApp;
use backstop::export::{
    ExportOptions, ExportView, OffscreenRenderer, pixels_per_point_for, render_picture,
};
use backstop::map::scale_bar_length;
use backstop::mesh::WorldView;
use geo::{Distance, Haversine, Point};

mod common;

fn app() -> BackstopApp {
    common::TestHome::new().builtin_app()
}

/// The default briefing picture of `app`.
fn picture(
    renderer: &mut OffscreenRenderer,
    app: &BackstopApp,
    view: ExportView,
    size: [u32; 2],
) -> image::RgbaImage {
    render_picture(renderer, &app.picture, view, size, ExportOptions::default())
        .unwrap_or_else(|e| panic!("{size:?}: {e}"))
}

fn renderer() -> OffscreenRenderer {
    OffscreenRenderer::new().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_preset_yields_exactly_its_size() {
    let app = app();
    let mut renderer = renderer();
    let view = ExportView {
        lon: 31.0,
        lat: 48.5,
        zoom: 6.0,
    };
    // 1920×1080, A4 landscape at 300 dpi, and a custom size; 3840×2160 is in the benchmark.
    for size in [[1920, 1080], [3508, 2480], [1000, 700]] {
        let image = picture(&mut renderer, &app, view, size);
        assert_eq!([image.width(), image.height()], size);
        common::assert_is_briefing_picture(&image, &format!("{size:?}"), true);
    }
}

/// The longest run of dark pixels on row `y`, as (start, length).
fn longest_dark_run(image: &image::RgbaImage, y: u32) -> (u32, u32) {
    let mut best = (0, 0);
    let mut start = None;
    for x in 0..image.width() {
        let p = image.get_pixel(x, y).0;
        let dark = u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 3 * 90;
        match (dark, start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                if x - s > best.1 {
                    best = (s, x - s);
                }
                start = None;
            }
            _ => {}
        }
    }
    best
}

#[test]
fn the_scale_bar_measures_true_at_two_sizes_and_two_latitudes() {
    let app = app();
    let mut renderer = renderer();
    // Only the map: then the map fills the picture and the bar sits at a known place.
    let options = ExportOptions {
        title: false,
        caveat: false,
        legend: false,
        scale_bar: true,
        north_arrow: false,
        footer: false,
        ..ExportOptions::default()
    };
    for (size, lat) in [
        ([800, 600], 48.5),
        ([1600, 1200], 48.5),
        ([800, 600], 60.0),
        ([1600, 1200], 60.0),
    ] {
        let view = ExportView {
            lon: 30.0,
            lat,
            zoom: 6.0,
        };
        let image = render_picture(&mut renderer, &app.picture, view, size, options)
            .unwrap_or_else(|e| panic!("{e}"));
        let ppp = pixels_per_point_for(size[1]);
        let points = egui::vec2(size[0] as f32, size[1] as f32) / ppp;
        let map = WorldView::new(
            view.lon,
            view.lat,
            view.zoom,
            egui::Rect::from_min_size(egui::Pos2::ZERO, points),
        );
        let (metres, _) = scale_bar_length(&map, 140.0);
        // The bar's ink runs along this row (18 points above the bottom).
        let row = ((points.y - 18.0) * ppp).round() as u32;
        let (start, length) = (row - 1..=row + 1)
            .map(|y| longest_dark_run(&image, y))
            .max_by_key(|run| run.1)
            .unwrap_or_default();
        assert!(length > 20, "no scale bar found on row {row} of {size:?}");
        // Measure the bar on the ground: unproject its two ends and take the great-circle distance.
        let to_lon_lat =
            |x: u32| map.screen_to_lon_lat(egui::pos2(x as f32 / ppp, row as f32 / ppp));
        let (a, b) = (to_lon_lat(start), to_lon_lat(start + length));
        let measured = Haversine.distance(Point::new(a.0, a.1), Point::new(b.0, b.1));
        let error = (measured - metres).abs() / metres;
        assert!(
            error < 0.03,
            "{size:?} at {lat}°: bar says {metres} m, measures {measured:.0} m"
        );
    }
}

#[test]
fn the_export_command_writes_png_geojson_kml_and_csv_with_no_display() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["map.png", "data.geojson", "data.kml", "hubs.csv"] {
        let out = dir.path().join(name);
        let home = common::TestHome::new();
        let output = home
            .backstop()
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .args(["export", "--size", "640x360", "--out"])
            .arg(&out)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            out.metadata().map(|m| m.len() > 100).unwrap_or(false),
            "{name} is empty"
        );
    }
    let png = image::open(dir.path().join("map.png")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((png.width(), png.height()), (640, 360));
    common::assert_is_briefing_picture(&png.to_rgba8(), "map.png", true);
    let csv = std::fs::read_to_string(dir.path().join("hubs.csv")).unwrap_or_default();
    assert!(csv.starts_with("id,name,lon,lat,"));
    assert_eq!(csv.lines().count(), 11, "a header and one row per hub");
    let kml = std::fs::read_to_string(dir.path().join("data.kml")).unwrap_or_default();
    assert_eq!(
        kml.matches("<Placemark>").count(),
        21,
        "10 hubs and 11 overlay features"
    );
}

#[test]
fn an_unknown_format_or_a_bad_size_is_a_usage_error() {
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .args(["export", "--out", "/tmp/x.bmp"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write \".bmp\" files"));
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .args(["export", "--out", "/tmp/x.png", "--size", "10x10"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_small_export_with_legend_and_scale_bar_matches_its_snapshot() {
    // No annotations: the user's own file must not change the picture.
    let empty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app().with_annotations_at(empty.path().join("annotations.geojson"));
    let mut renderer = renderer();
    let size = [960, 540];
    let view = backstop::export::fit_ukraine_view(size, ExportOptions::default(), true);
    let image = picture(&mut renderer, &app, view, size);
    let options = egui_kittest::SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(400);
    egui_kittest::image_snapshot_options(&image, "export_960x540", &options);
}

#[test]
fn the_deck_export_writes_one_png_per_slide_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("deck");
    // A home of its own, so no user's slides stand in for the shipped ones.
    let home = common::TestHome::new();
    let output = home
        .backstop()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .args(["export", "--size", "1280x720", "--slides"])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 8, "{files:?}");
    assert_eq!(
        files[0],
        "01-paris-6-january-2026-security-guarantees-for-ukr.png"
    );
    assert_eq!(files[7], "08-risks-how-exposed-the-hubs-would-be.png");
    for file in &files {
        let png = image::open(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!((png.width(), png.height()), (1280, 720), "{file}");
        common::assert_is_briefing_picture(&png.to_rgba8(), file, false);
    }
}
