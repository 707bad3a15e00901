//! Image snapshots through wgpu (Mesa's software adapter in CI). Goldens live in
//! tests/snapshots; regenerate them locally with UPDATE_SNAPSHOTS=1 and look at them.

use backstop::BackstopApp;
use backstop::app::shared_basemap;
use backstop::io::{ScenarioFiles, ScenarioSource, load_scenario};
use backstop::map::{BasemapLayers, MapFrame, MapStyle, paint_map};
use backstop::mesh::WorldView;
use backstop::scene::Scene;
use egui_kittest::{Harness, SnapshotOptions};

mod common;

fn options() -> SnapshotOptions {
    // Software rasterisers differ by a few levels on anti-aliased edges.
    SnapshotOptions::new().threshold(2.0).max_failed_pixels(400)
}

#[test]
fn the_app_at_ukraine_view_matches_its_snapshot() {
    // A home of its own: the user's annotations must not change the picture.
    let home = common::TestHome::new();
    let app = home.builtin_app();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(800.0, 600.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut BackstopApp| backstop::ui::show(ui, app), app);
    harness.run_steps(4);
    harness.snapshot_options("app_ukraine_800x600", &options());
}

#[test]
fn the_europe_wide_map_matches_its_snapshot() {
    let report = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
    let scene = Scene::build(&report.scenario);
    let basemap = shared_basemap();
    let visible: Vec<bool> = report.scenario.layers.iter().map(|l| l.visible).collect();
    let opacity = vec![1.0; visible.len()];
    let mut harness = Harness::builder()
        .with_size(egui::vec2(640.0, 480.0))
        .wgpu()
        .build_ui(move |ui| {
            let rect = ui.max_rect();
            let view = WorldView::new(16.0, 50.0, 3.6, rect);
            let frame = MapFrame {
                basemap: &basemap,
                scenario: &report.scenario,
                scene: &scene,
                visible: &visible,
                opacity: &opacity,
                basemap_layers: BasemapLayers::default(),
                coalition_layer: true,
                selection: None,
                hovered: None,
                style: &MapStyle::LIGHT,
                scale_bar: true,
                annotations: &[],
                annotation_selection: None,
                draft: None,
                tools: None,
                presence: None,
                raster: None,
                user_overlays: &[],
                live: false,
                grid_edges: backstop::map::GridEdges::TopLeft,
                hub_draft: None,
                sketch: None,
                mid_points: &[],
                as_of: None,
            };
            paint_map(ui.painter(), &view, &frame);
        });
    harness.run_steps(2);
    harness.snapshot_options("map_europe_640x480", &options());
}

#[test]
fn the_legend_matches_its_snapshot() {
    let home = common::TestHome::new();
    let app = home.builtin_app();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(300.0, 760.0))
        .wgpu()
        .build_ui_state(
            |ui, app: &mut BackstopApp| backstop::ui::legend(ui, app),
            app,
        );
    harness.run_steps(2);
    harness.snapshot_options("legend_300x760", &options());
}
