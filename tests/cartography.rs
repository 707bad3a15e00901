//! Cartography: the world is land everywhere, the legend tells the truth, hub frames
//! follow APP-6, and the MGRS grid agrees with GeographicLib.

use backstop::export::{ExportOptions, ExportView, OffscreenRenderer, render_picture};
use backstop::geometry::grid::{Runs, grid_reference, mgrs_grid};
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

/// Points in different zones and hemispheres, with what GeographicLib 2.1.2's GeoConvert
/// (Debian's geographiclib-tools) says of them: `GeoConvert -m -p 0` (MGRS at 1 m), and
/// `GeoConvert -p 9` of the 1 km grid corner at or below the point (zone, easting and
/// northing rounded down to the kilometre).
/// One point and what GeographicLib says of it.
struct Reference {
    name: &'static str,
    lat: f64,
    lon: f64,
    /// MGRS at 1 m.
    mgrs: &'static str,
    zone: i32,
    /// The 1 km grid corner at or below the point: latitude, longitude.
    corner: (f64, f64),
    /// Its easting and northing in kilometres.
    corner_km: (u32, u32),
}

const REFERENCES: &[Reference] = &[
    Reference {
        name: "Kyiv",
        lat: 50.4501,
        lon: 30.5234,
        mgrs: "36UUA2418291607",
        zone: 36,
        corner: (50.44458606182189, 30.52112132737064),
        corner_km: (324, 5591),
    },
    Reference {
        name: "Odesa",
        lat: 46.4825,
        lon: 30.7233,
        mgrs: "36TUS2525050177",
        zone: 36,
        corner: (46.48084167947815, 30.72010182456589),
        corner_km: (325, 5150),
    },
    Reference {
        name: "Lviv",
        lat: 49.8397,
        lon: 24.0297,
        mgrs: "35UKR8643625040",
        zone: 35,
        corner: (49.83918107124091, 24.02366218260701),
        corner_km: (286, 5525),
    },
    Reference {
        name: "Paris",
        lat: 48.8566,
        lon: 2.3522,
        mgrs: "31UDQ5248211717",
        zone: 31,
        corner: (48.8501116624614, 2.3457062096593),
        corner_km: (452, 5411),
    },
    Reference {
        name: "London",
        lat: 51.5074,
        lon: -0.1278,
        mgrs: "30UXC9931610163",
        zone: 30,
        corner: (51.5060408107195, -0.13244326757732),
        corner_km: (699, 5710),
    },
    Reference {
        name: "Sydney",
        lat: -33.8688,
        lon: 151.2093,
        mgrs: "56HLH3436850948",
        zone: 56,
        corner: (-33.87729105514421, 151.20513728430288),
        corner_km: (334, 6250),
    },
    Reference {
        name: "36°E zone edge",
        lat: 49.99,
        lon: 36.0005,
        mgrs: "37UBR8500641830",
        zone: 37,
        corner: (49.98253366588893, 36.00086741290977),
        corner_km: (285, 5541),
    },
    Reference {
        name: "Bergen (32V)",
        lat: 60.3913,
        lon: 5.3221,
        mgrs: "32VKN9735300648",
        zone: 32,
        corner: (60.38531332832135, 5.31634890216049),
        corner_km: (297, 6700),
    },
    Reference {
        name: "Nairobi",
        lat: -1.2921,
        lon: 36.8219,
        mgrs: "37MBU5763457079",
        zone: 37,
        corner: (-1.29281801895894, 36.81619999324893),
        corner_km: (257, 9857),
    },
    Reference {
        name: "Buenos Aires",
        lat: -34.6037,
        lon: -58.3816,
        mgrs: "21HUB7331770036",
        zone: 21,
        corner: (-34.60398684372024, -58.38506720357734),
        corner_km: (373, 6170),
    },
];

/// Metres from a point to a polyline, on a local plane (exact enough within metres).
fn metres_to_line(point: (f64, f64), line: &[(f64, f64)]) -> f64 {
    let (lon0, lat0) = point;
    let k = lat0.to_radians().cos();
    let xy = |(lon, lat): (f64, f64)| ((lon - lon0) * k * 111_320.0, (lat - lat0) * 110_574.0);
    line.windows(2)
        .map(|w| {
            let (a, b) = (xy(w[0]), xy(w[1]));
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let t = (-(a.0 * dx + a.1 * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            (a.0 + t * dx).hypot(a.1 + t * dy)
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn mgrs_references_agree_with_geographiclib_to_a_metre() {
    for &Reference {
        name,
        lat,
        lon,
        mgrs,
        zone,
        ..
    } in REFERENCES
    {
        let reference = grid_reference(lon, lat).unwrap_or_else(|| panic!("{name}: none"));
        let digits = mgrs.chars().take_while(char::is_ascii_digit).count();
        assert_eq!(reference.zone.to_string(), &mgrs[..digits], "{name}");
        assert_eq!(reference.zone, zone, "{name}");
        assert_eq!(
            reference.band,
            mgrs[digits..].chars().next().unwrap_or(' '),
            "{name}"
        );
        assert_eq!(reference.square, &mgrs[digits + 1..digits + 3], "{name}");
        let easting: f64 = mgrs[digits + 3..digits + 8].parse().unwrap_or(-1.0);
        let northing: f64 = mgrs[digits + 8..].parse().unwrap_or(-1.0);
        // GeoConvert truncates to the metre.
        assert!(
            (reference.easting - easting - 0.5).abs() <= 0.5 + 1e-6,
            "{name}: easting {}",
            reference.easting
        );
        assert!(
            (reference.northing - northing - 0.5).abs() <= 0.5 + 1e-6,
            "{name}: northing {}",
            reference.northing
        );
    }
}

#[test]
fn the_1_km_grid_lines_and_square_letters_are_where_geographiclib_puts_them() {
    for &Reference {
        name,
        lat,
        lon,
        mgrs,
        corner: (corner_lat, corner_lon),
        corner_km: (e_km, n_km),
        ..
    } in REFERENCES
    {
        let bounds = [lon - 0.03, lat - 0.02, lon + 0.03, lat + 0.02];
        let grid = mgrs_grid(bounds, 12.0);
        let nearest = |runs: Runs, label: String| {
            grid.lines
                .iter()
                .filter(|l| l.runs == runs && l.label.as_deref() == Some(label.as_str()))
                .map(|l| metres_to_line((corner_lon, corner_lat), &l.points))
                .fold(f64::INFINITY, f64::min)
        };
        let easting_line = nearest(Runs::NorthSouth, format!("{:02}", e_km % 100));
        let northing_line = nearest(Runs::EastWest, format!("{:02}", n_km % 100));
        assert!(
            easting_line < 1.0,
            "{name}: easting line {easting_line} m from GeographicLib's"
        );
        assert!(
            northing_line < 1.0,
            "{name}: northing line {northing_line} m from GeographicLib's"
        );
        // Zoomed out, the 100 km square around the point carries its two letters.
        let digits = mgrs.chars().take_while(char::is_ascii_digit).count();
        let letters = &mgrs[digits + 1..digits + 3];
        let wide = mgrs_grid([lon - 2.0, lat - 1.5, lon + 2.0, lat + 1.5], 7.0);
        assert!(
            wide.labels.iter().any(|l| l.text == letters
                && (l.at.0 - lon).abs() < 1.5
                && (l.at.1 - lat).abs() < 1.0),
            "{name}: no square labelled {letters}"
        );
    }
}

#[test]
fn a_grid_never_draws_more_than_a_few_thousand_lines() {
    for zoom in [1.0, 3.0, 5.5, 8.5, 11.5, 14.0] {
        let span = 360.0 / 2f64.powf(zoom) * 3.0;
        let grid = mgrs_grid(
            [
                30.0 - span,
                50.0 - span / 2.0,
                30.0 + span,
                50.0 + span / 2.0,
            ],
            zoom,
        );
        assert!(
            grid.lines.len() < 5000,
            "zoom {zoom}: {} lines",
            grid.lines.len()
        );
    }
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
