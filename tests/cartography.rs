//! Cartography: the world is land everywhere, the legend tells the truth, hub frames
//! follow APP-6, margins carry the date-time group, labels never collide. The MGRS grid's
//! own tests are in mgrs_grid.rs.

use backstop::export::{ExportOptions, ExportView, OffscreenRenderer, render_picture};
use backstop::map::{HubMark, MapStyle, paint_hub_symbol};
use backstop::mesh::WorldView;
use backstop::model::{HubKind, Status};
use backstop::scene::LegendEntry;

mod common;

fn renderer() -> OffscreenRenderer {
    OffscreenRenderer::new().unwrap_or_else(|e| panic!("{e}"))
}

const SEA: [u8; 3] = [174, 205, 226];

fn close(a: [u8; 4], b: [u8; 3], levels: u8) -> bool {
    a[..3].iter().zip(b).all(|(x, y)| x.abs_diff(y) <= levels)
}

#[test]
fn views_far_from_ukraine_are_land_with_borders_not_open_sea() {
    let app = common::TestHome::new().builtin_app();
    let mut renderer = renderer();
    for (name, lon, lat, zoom) in [
        ("Kazakhstan", 65.0, 52.0, 7.0),
        ("Sahara", 3.0, 28.0, 7.0),
        ("Siberia", 90.0, 60.0, 6.0),
        ("Iran", 53.0, 32.0, 7.0),
        ("Kansas", -100.0, 40.0, 6.0),
    ] {
        let view = ExportView { lon, lat, zoom };
        let image = render_picture(
            &mut renderer,
            &app.picture,
            view,
            [1600, 900],
            ExportOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let total = (image.width() * image.height()) as usize;
        let sea = common::count_pixels(&image, |p| close(p, SEA, 2));
        assert!(
            sea * 20 < total,
            "{name}: {sea} of {total} pixels are sea ({:.1}%)",
            100.0 * sea as f64 / total as f64
        );
        // Borders: the border ink, somewhere on the map.
        let borders = common::count_pixels(&image, |p| close(p, [120, 110, 100], 12));
        assert!(borders > 200, "{name}: no borders ({borders} pixels)");
    }
}

/// Only the map and its legend strip: no title, banners or footer.
fn map_and_legend() -> ExportOptions {
    ExportOptions {
        title: false,
        caveat: false,
        footer: false,
        north_arrow: false,
        scale_bar: false,
        ..ExportOptions::default()
    }
}

#[test]
fn the_legend_swatch_of_a_role_is_the_colour_its_countries_have_on_the_map() {
    let mut app = common::TestHome::new().builtin_app();
    // Only the coalition colours: no scenario layer covers the land.
    app.state.shown.visible.iter_mut().for_each(|v| *v = false);
    app.state.shown.coalition_layer = true;
    app.refresh_picture();
    let size = [1600, 900];
    let options = map_and_legend();
    let view = ExportView {
        lon: 20.0,
        lat: 49.0,
        zoom: 4.6,
    };
    let image = render_picture(&mut renderer(), &app.picture, view, size, options)
        .unwrap_or_else(|e| panic!("{e}"));
    let ppp = options.pixels_per_point(size[1]);
    let points = egui::vec2(size[0] as f32, size[1] as f32) / ppp;
    // The map fills the picture but for the legend strip, 300 points at the right.
    let map = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(points.x - 300.0, points.y));
    let world = WorldView::new(view.lon, view.lat, view.zoom, map);
    let pixel_at = |lon: f64, lat: f64| {
        let p = world.lon_lat_to_screen(lon, lat) * ppp;
        image.get_pixel(p.x as u32, p.y as u32).0
    };
    let strip_left = ((points.x - 290.0) * ppp) as u32;
    let in_legend = |colour: [u8; 4]| {
        (strip_left..image.width()).any(|x| {
            (0..image.height()).any(|y| {
                close(
                    image.get_pixel(x, y).0,
                    [colour[0], colour[1], colour[2]],
                    3,
                )
            })
        })
    };
    // Ukraine's interior (the host nation) and France's (a lead nation), away from labels.
    for (what, lon, lat) in [("host nation", 33.2, 48.2), ("lead nation", 1.0, 46.6)] {
        let on_map = pixel_at(lon, lat);
        assert!(
            in_legend(on_map),
            "{what}: the map's colour {on_map:?} is in no legend swatch"
        );
    }
    // And the light theme's Ukraine is that host colour.
    assert!(close(
        pixel_at(33.2, 48.2),
        {
            let c = MapStyle::LIGHT.ukraine;
            [c.r(), c.g(), c.b()]
        },
        3
    ));
}

#[test]
fn a_view_with_two_hub_kinds_lists_exactly_those_two() {
    let app = common::TestHome::new().builtin_app();
    let size = [1600, 900];
    let options = ExportOptions::default();
    // Paris: the headquarters and the coordination cell, nothing else.
    let view = ExportView {
        lon: 2.5,
        lat: 48.8,
        zoom: 9.0,
    };
    let ppp = options.pixels_per_point(size[1]);
    let map = egui::Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(size[0] as f32 / ppp - 300.0, size[1] as f32 / ppp),
    );
    let world = WorldView::new(view.lon, view.lat, view.zoom, map).visible_world(0.0);
    let kinds: Vec<HubKind> = app
        .picture
        .legend_in(Some(world))
        .into_iter()
        .filter_map(|e| match e {
            LegendEntry::HubKind(hub) => Some(hub.kind),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, vec![HubKind::Hq, HubKind::Coordination]);
    // The export draws that legend.
    let image = render_picture(&mut renderer(), &app.picture, view, size, options)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!([image.width(), image.height()], size);
}

#[test]
fn hubs_valid_only_after_the_as_of_date_are_planned_and_the_headquarters_present() {
    let app = common::TestHome::new().builtin_app();
    let index = |id: &str| {
        app.picture
            .scenario
            .hubs
            .iter()
            .position(|h| h.id == id)
            .unwrap_or_else(|| panic!("no hub {id}"))
    };
    let presence = &app.picture.presence;
    // From the "deployment" phase, after the ceasefire: planned at 2026-01-10.
    assert!(presence.hub_planned(index("forward-cell-kyiv")));
    assert!(presence.hub_planned(index("hub-odesa-area")));
    // No start: in place now.
    assert!(!presence.hub_planned(index("mnfu-hq-paris")));
    assert!(!presence.hub_planned(index("coordination-cell-hq")));
}

/// Dark frame pixels along the symbol's top edge, and whether the badge is drawn.
fn symbol_pixels(mark: HubMark) -> (usize, usize, bool) {
    let image = renderer()
        .render([120, 80], 2.0, |ui| {
            ui.painter()
                .rect_filled(ui.max_rect(), 0.0, egui::Color32::from_rgb(238, 235, 227));
            let rect = egui::Rect::from_min_size(egui::pos2(15.0, 12.0), egui::vec2(28.0, 20.0));
            paint_hub_symbol(ui.painter(), rect, mark, &[]);
        })
        .unwrap_or_else(|e| panic!("{e}"));
    // The top edge at y = 12 points (24 px), from x = 17 to 37 points: left of the badge.
    let dark = |x: u32, y: u32| {
        let [r, g, b, _] = image.get_pixel(x, y).0;
        r < 90 && g < 110 && b < 160
    };
    let row: Vec<bool> = (34..74).map(|x| (23..=25).any(|y| dark(x, y))).collect();
    let on = row.iter().filter(|d| **d).count();
    let gaps = row.windows(2).filter(|w| w[0] && !w[1]).count();
    // The badge: white at the upper right corner (43, 12 points).
    let [r, g, b, _] = image.get_pixel(86, 20).0;
    (on, gaps, r > 230 && g > 230 && b > 230)
}

#[test]
fn a_planned_hub_has_a_dashed_frame_a_present_one_a_solid_frame() {
    let mark = |status, planned| HubMark {
        kind: HubKind::Logistics,
        status,
        planned,
    };
    let (solid_on, solid_gaps, _) = symbol_pixels(mark(Status::Reported, false));
    let (dashed_on, dashed_gaps, _) = symbol_pixels(mark(Status::Reported, true));
    assert!(
        solid_gaps <= 1 && solid_on >= 36,
        "solid: {solid_on} on, {solid_gaps} gaps"
    );
    assert!(
        dashed_gaps >= 3 && dashed_on < 34,
        "dashed: {dashed_on} on, {dashed_gaps} gaps"
    );
}

#[test]
fn an_illustrative_hub_carries_the_provenance_mark_whatever_its_frame() {
    for planned in [false, true] {
        let (_, _, badge) = symbol_pixels(HubMark {
            kind: HubKind::Training,
            status: Status::Illustrative,
            planned,
        });
        assert!(badge, "planned = {planned}: no provenance badge");
    }
    let (_, _, badge) = symbol_pixels(HubMark {
        kind: HubKind::Training,
        status: Status::Announced,
        planned: false,
    });
    assert!(!badge, "an announced hub carries no mark");
}

#[test]
fn a_scenario_that_gives_a_time_carries_its_date_time_group_and_who_prepared_it() {
    let folder = common::data_copy();
    let path = folder.path().join("scenario.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let text = text.replace(
        "as_of = \"2026-01-10\"\n",
        "as_of = \"2026-01-10\"\nas_of_time = \"12:00\"\n",
    );
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let home = common::TestHome::new();
    let app = home.app(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Folder(folder.path().to_path_buf()),
    ));
    assert_eq!(
        app.picture.text.date_time_group.as_deref(),
        Some("101200ZJAN26")
    );
    assert!(
        app.picture
            .text
            .prepared_by
            .starts_with("Backstop built-in scenario")
    );
}

#[test]
fn a_bad_time_of_day_is_an_error_naming_the_field() {
    let folder = common::data_copy();
    let path = folder.path().join("scenario.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(
        &path,
        text.replace(
            "as_of = \"2026-01-10\"\n",
            "as_of = \"2026-01-10\"\nas_of_time = \"25:61\"\n",
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let report = common::load_folder(folder.path());
    let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        messages.iter().any(|m| m.contains("scenario.toml")
            && m.contains("as_of_time")
            && m.contains("25:61")),
        "{messages:?}"
    );
    assert_eq!(report.scenario.as_of_time, None);
}

#[test]
fn the_grid_commands_turn_the_grids_on_in_the_picture() {
    let mut harness = common::builtin();
    harness.run_steps(2);
    harness
        .state_mut()
        .queue(backstop::app::Command::ToggleMgrsGrid);
    harness
        .state_mut()
        .queue(backstop::app::Command::ToggleGraticule);
    harness.run_steps(2);
    let layers = harness.state().picture.choices.basemap_layers;
    assert!(layers.mgrs_grid && layers.graticule, "{layers:?}");
    assert_eq!(
        backstop::app::Command::ToggleMgrsGrid
            .shortcut()
            .map(|s| s.logical_key),
        Some(egui::Key::G)
    );
}

#[test]
fn hub_labels_never_cover_another_label_or_a_hub_symbol() {
    let app = common::TestHome::new().builtin_app();
    let picture = &app.picture;
    let mut renderer = renderer();
    for (what, lon, lat, zoom, size) in [
        ("Ukraine on a projector", 31.2, 48.5, 5.6, [1280.0, 720.0]),
        ("Ukraine, small window", 31.2, 48.5, 5.0, [560.0, 420.0]),
        ("Kyiv", 30.4, 50.3, 8.5, [900.0, 600.0]),
        ("Paris", 2.5, 48.8, 9.0, [900.0, 600.0]),
    ] {
        let mut placements = Vec::new();
        renderer
            .render([size[0] as u32, size[1] as u32], 1.0, |ui| {
                let view = WorldView::new(lon, lat, zoom, ui.max_rect());
                let mut occupied = backstop::map::Occupied::default();
                let mut hubs = backstop::map::place_hubs(
                    &view,
                    &picture.scenario,
                    &picture.scene,
                    Some(&picture.presence),
                    &mut occupied,
                );
                backstop::map::place_hub_labels(
                    ui.painter(),
                    &view,
                    &picture.scenario,
                    &mut hubs,
                    &mut occupied,
                    &|_| false,
                );
                placements = hubs;
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let labels: Vec<egui::Rect> = placements
            .iter()
            .filter_map(|p| p.label.as_ref().map(|(r, _)| *r))
            .collect();
        assert!(!labels.is_empty(), "{what}: no hub label at all");
        for (i, label) in labels.iter().enumerate() {
            for other in &labels[i + 1..] {
                assert!(
                    !label.intersects(*other),
                    "{what}: labels {label:?} and {other:?} overlap"
                );
            }
            for placement in &placements {
                assert!(
                    !label.intersects(placement.symbol),
                    "{what}: a label covers hub {}'s symbol",
                    placement.hub
                );
            }
        }
    }
}
