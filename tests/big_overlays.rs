//! Big user overlays: dated event points clustered, coloured, filtered and clicked; a
//! file bigger than the memory it may use refused before it is read; meshes that cost
//! little more than their points.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use walkers::lon_lat;

#[allow(dead_code)]
mod common;
use common::run_until;

const TYPES: [&str; 3] = ["Battles", "Explosions/Remote violence", "Riots"];

/// An ACLED-like CSV: `count` events round Kharkiv (a few km apart), the first a lone
/// event in Lviv; dated through 2025, one type in turn.
fn events_csv(folder: &Path, count: usize) -> PathBuf {
    let mut text = String::from("event_id_cnty,event_date,event_type,latitude,longitude\n");
    let _ = writeln!(text, "UKR0,2025-01-01,Battles,49.8397,24.0297");
    for i in 1..count {
        let (dx, dy) = ((i % 97) as f64 / 97.0 - 0.5, (i % 89) as f64 / 89.0 - 0.5);
        let _ = writeln!(
            text,
            "UKR{i},2025-{:02}-{:02},{},{:.5},{:.5}",
            1 + i % 12,
            1 + i % 28,
            TYPES[i % 3],
            49.99 + dy * 0.4,
            36.25 + dx * 0.6,
        );
    }
    let path = folder.join("events.csv");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn loaded(app: &backstop::BackstopApp) -> bool {
    app.overlays.loading.is_empty() && !app.overlays.layers.is_empty()
}

/// The labels of the map's cluster and point handles.
fn handle_labels(harness: &egui_kittest::Harness<'_, backstop::BackstopApp>) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for prefix in ["Cluster: ", "Point: "] {
        labels.extend(
            harness
                .query_all_by_label_contains(prefix)
                .filter_map(|node| node.accesskit_node().label())
                .filter(|label| label.starts_with(prefix)),
        );
    }
    labels
}

#[test]
fn a_cluster_clicked_at_zoom_6_zooms_in_and_a_point_clicked_close_in_is_selected() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv = events_csv(folder.path(), 5000);
    let mut harness = common::builtin();
    harness
        .state_mut()
        .map_memory
        .center_at(lon_lat(30.5, 49.5));
    let _ = harness.state_mut().map_memory.set_zoom(6.0);
    harness.state_mut().add_overlay(csv);
    run_until(&mut harness, "the events load", loaded);
    harness.run_steps(3);

    let labels = handle_labels(&harness);
    let cluster = labels
        .iter()
        .find(|l| l.starts_with("Cluster: ") && l.ends_with("points of events.csv"))
        .unwrap_or_else(|| panic!("no cluster at zoom 6: {labels:?}"))
        .clone();
    assert!(
        labels.iter().any(|l| l == "Point: UKR0 (events.csv)"),
        "the lone event in Lviv is a point of its own: {labels:?}"
    );
    harness.get_by_label("Point: UKR0 (events.csv)").click();
    harness.run_steps(3);
    assert!(
        matches!(
            harness.state().state.selection,
            Some(backstop::model::Selection::User { feature: 0, .. })
        ),
        "a click on the lone point selects it"
    );
    harness.get_by_label(&cluster).click();
    harness.run_steps(4);
    let zoom = harness.state().map_memory.zoom();
    assert!(zoom > 7.5, "the click zoomed into the cluster: zoom {zoom}");

    harness
        .state_mut()
        .map_memory
        .center_at(lon_lat(36.25, 49.99));
    let _ = harness.state_mut().map_memory.set_zoom(13.0);
    harness.run_steps(3);
    let labels = handle_labels(&harness);
    let point = labels
        .iter()
        .find(|l| l.starts_with("Point: UKR"))
        .unwrap_or_else(|| panic!("no single point at zoom 13: {labels:?}"))
        .clone();
    assert!(
        !labels.iter().any(|l| l.starts_with("Cluster: ")),
        "close in, points are not clustered: {labels:?}"
    );
    // Points a few pixels apart overlap: the handle is clicked as a screen reader would.
    harness.get_by_label(&point).click_accesskit();
    harness.run_steps(3);
    assert!(
        matches!(
            harness.state().state.selection,
            Some(backstop::model::Selection::User { .. })
        ),
        "the point is selected: {:?}",
        harness.state().state.selection
    );
    let id = point
        .trim_start_matches("Point: ")
        .trim_end_matches(" (events.csv)");
    assert!(
        harness.query_by_label(id).is_some(),
        "the details panel shows the event's id {id}"
    );
}

/// The points of the only overlay that pass its filters at `as_of`.
fn passing(app: &backstop::BackstopApp, as_of: Option<backstop::model::Date>) -> usize {
    let overlay = &app.overlays.layers[0];
    let filter = backstop::overlay::PointFilter::new(&overlay.layer, &overlay.points, as_of);
    (0..overlay.layer.features.len())
        .filter(|row| filter.passes(*row))
        .count()
}

#[test]
fn the_timeline_shows_dated_events_up_to_its_date_and_the_filter_hides_chosen_values() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv = events_csv(folder.path(), 1200);
    let mut harness = common::builtin();
    harness.state_mut().add_overlay(csv);
    run_until(&mut harness, "the events load", loaded);
    let dates = harness.state().overlays.layers[0].layer.dates.clone();
    assert_eq!(dates.map(|d| d.key), Some("event_date".to_owned()));
    let mid_year = backstop::model::Date::parse("2025-06-30");
    let all = passing(harness.state(), None);
    let until_june = passing(harness.state(), mid_year);
    assert_eq!(all, 1200);
    assert!(
        until_june > 500 && until_june < 700,
        "half the year's events by 30 June: {until_june}"
    );

    // In the app: the as-of cursor at a dated stop filters the drawn points too.
    let stop = harness.state().documents.timeline.stops.iter().position(|s| {
        matches!(s.key, backstop::analysis::TimeKey::Dated(d) if d.year == 2025 && d.month == 7)
    });
    if let Some(stop) = stop {
        harness
            .state_mut()
            .queue(backstop::app::Command::SetAsOf(Some(stop)));
        harness.run_steps(2);
        let as_of = harness.state().picture.as_of_date;
        assert!(as_of.is_some_and(|d| d.month == 7), "{as_of:?}");
        assert!(passing(harness.state(), as_of) < all);
    }

    let id = harness.state().overlays.layers[0].layer.id;
    let hide: BTreeSet<String> = ["Riots".to_owned()].into();
    harness
        .state_mut()
        .queue(backstop::app::Command::SetPointFilter {
            id,
            filter: Some(("event_type".into(), hide)),
        });
    harness
        .state_mut()
        .queue(backstop::app::Command::SetPointColour {
            id,
            by: Some("event_type".into()),
        });
    harness.run_steps(2);
    assert_eq!(passing(harness.state(), None), 800, "a third were riots");
    let legend: Vec<String> = harness
        .state()
        .picture
        .legend_in(None)
        .into_iter()
        .filter_map(|entry| match entry {
            backstop::scene::LegendEntry::UserCategory { label, .. } => Some(label),
            _ => None,
        })
        .collect();
    assert_eq!(legend, ["Battles", "Explosions/Remote violence"]);
}

#[test]
fn a_file_bigger_than_the_memory_it_may_use_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("huge.geojson");
    // A sparse file: a terabyte long, no disk used.
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    file.set_len(1 << 40).unwrap_or_else(|e| panic!("{e}"));
    let progress = backstop::overlay::LoadProgress::default();
    let started = std::time::Instant::now();
    let error = backstop::overlay::load(0, path, &Default::default(), &progress)
        .err()
        .unwrap_or_default();
    let message = error.first().map(|d| d.to_string()).unwrap_or_default();
    assert!(message.contains("huge.geojson"), "{message}");
    assert!(message.contains("1100 GB"), "{message}");
    assert!(message.contains("of memory"), "{message}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "refused up front, not read"
    );
}

#[test]
fn a_line_overlay_costs_little_more_than_its_points_and_builds_its_bands_as_viewed() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    for line in 0..40 {
        let coordinates: Vec<String> = (0..2500)
            .map(|i| {
                let t = i as f64 / 2500.0;
                format!(
                    "[{:.6},{:.6}]",
                    24.0 + 14.0 * t,
                    45.0 + line as f64 * 0.15 + 0.05 * (i as f64 * 0.7).sin()
                )
            })
            .collect();
        if line > 0 {
            text.push(',');
        }
        let _ = write!(
            text,
            r#"{{"type":"Feature","properties":{{"n":{line}}},"geometry":{{"type":"LineString","coordinates":[{}]}}}}"#,
            coordinates.join(",")
        );
    }
    text.push_str("]}");
    let path = folder.path().join("lines.geojson");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let progress = backstop::overlay::LoadProgress::default();
    progress.set_view_zoom(6.0);
    let layer = backstop::overlay::load(0, path, &Default::default(), &progress)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(layer.vertices, 100_000);
    assert!(
        layer.is_ready_for(6.0),
        "the viewed band is built with the load"
    );
    assert!(
        !layer.is_ready_for(12.0),
        "full detail waits until it is viewed"
    );
    let before = layer.heap_bytes();
    let bands = backstop::mesh::band_count();
    for band_zoom in [3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0] {
        layer.lines.for_zoom(band_zoom);
        layer.fill.for_zoom(band_zoom);
    }
    let all = layer.heap_bytes();
    assert!(all > before);
    // Coordinates (16 bytes a vertex) plus every band's points (16 bytes each, at most
    // one per vertex) and their culling chunks: no per-vertex stroke geometry kept.
    let limit = layer.vertices * (16 + 20 * bands);
    assert!(all < limit, "{all} bytes for {} vertices", layer.vertices);
}
